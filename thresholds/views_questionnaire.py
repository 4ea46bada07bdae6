from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from portal.cache import cache_public_page


@cache_public_page
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "thresholds/questionnaire/start.html")
