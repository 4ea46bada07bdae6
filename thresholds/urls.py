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
    path("which-level/danger/", views_questionnaire.danger, name="questionnaire_danger"),
    path("which-level/call-999/", views_questionnaire.call_999, name="questionnaire_call_999"),
    path("which-level/area/", views_questionnaire.area, name="questionnaire_area"),
    path("which-level/how-it-works/", views_questionnaire.how_it_works, name="questionnaire_rules"),
    path("which-level/<slug:framework>/questions/<int:number>/", views_questionnaire.question, name="questionnaire_question"),
    path("which-level/<slug:framework>/check/", views_questionnaire.check, name="questionnaire_check"),
    path("which-level/<slug:framework>/result/", views_questionnaire.result, name="questionnaire_result"),
]
