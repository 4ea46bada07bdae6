from django.contrib import admin
from django.urls import include, path

from portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("sources/", views.sources, name="sources"),
    path("admin/", admin.site.urls),
    path("", include("thresholds.urls")),
    path("", include("hubs.urls")),
    path("", include("referrals.urls")),
]

handler404 = "portal.views.not_found"
handler500 = "portal.views.server_error"
