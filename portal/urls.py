from django.contrib import admin
from django.urls import include, path

from hubs.api import api_urlpatterns as hubs_api
from portal import views
from portal.openapi import openapi_json
from thresholds.api import api_urlpatterns as thresholds_api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("sources/", views.sources, name="sources"),
    path("admin/", admin.site.urls),
    path("api/v1/openapi.json", openapi_json, name="openapi"),
    path("api/v1/", include((thresholds_api + hubs_api, "api"), namespace="api")),
    path("", include("thresholds.urls")),
    path("", include("hubs.urls")),
    path("", include("referrals.urls")),
]

handler404 = "portal.views.not_found"
handler500 = "portal.views.server_error"
