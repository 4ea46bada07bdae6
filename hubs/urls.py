from django.urls import path

from hubs import views

app_name = "hubs"

urlpatterns = [
    path("contacts/", views.directory, name="directory"),
    path("contacts/family-hubs/<slug:partnership>/", views.family_hubs, name="family_hubs"),
    path("contacts/<slug:key>/", views.contact, name="contact"),
]
