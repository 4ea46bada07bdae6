from django.urls import path, register_converter

from referrals import views
from referrals.answers import STEPS
from referrals.models import Topic


class StepConverter:
    regex = "|".join(STEPS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class TopicConverter(StepConverter):
    regex = "|".join(Topic.values)


register_converter(StepConverter, "referral_step")
register_converter(TopicConverter, "referral_topic")

app_name = "referrals"

urlpatterns = [
    path("ready-to-refer/", views.start, name="start"),
    path("ready-to-refer/<slug:area>/result/", views.result, name="result"),
    path("ready-to-refer/<slug:area>/result/print/", views.result_print, name="result_print"),
    path("ready-to-refer/<slug:area>/<referral_step:step>/", views.step, name="step"),
    path("ready-to-refer/<slug:area>/<referral_topic:topic>/", views.guidance, name="guidance"),
]
