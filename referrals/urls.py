from django.urls import path

from referrals import views

app_name = "referrals"

urlpatterns = [
    path("ready-to-refer/", views.start, name="start"),
]
