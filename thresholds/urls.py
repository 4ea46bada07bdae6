from django.urls import path

from thresholds import views, views_questionnaire

app_name = "thresholds"

urlpatterns = [
    path("thresholds/", views.index, name="index"),
    path("thresholds/crosswalk/", views.crosswalk, name="crosswalk"),
    path("thresholds/<slug:framework>/", views.framework, name="framework"),
    path("thresholds/<slug:framework>/table/", views.table, name="table"),
    path("thresholds/<slug:framework>/table/print/", views.table_print, name="table_print"),
    path("thresholds/<slug:framework>/levels/<int:number>/", views.level, name="level"),
    path("thresholds/<slug:framework>/indicators/<slug:key>/", views.indicator, name="indicator"),
    path("for-families/<slug:framework>/", views.families, name="families"),
    path("search/", views.search_page, name="search"),
    path("which-level/", views_questionnaire.start, name="questionnaire_start"),
]
