"""The site's own pages: home, health check, accessibility, privacy, sources, errors."""

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from hubs.selectors import cache_seconds_for, right_now_everywhere
from portal.cache import cache_public_page
from thresholds.selectors import framework_summaries, source_documents


@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    right_now = right_now_everywhere()
    response = render(request, "portal/home.html", {"frameworks": framework_summaries(), "right_now": right_now})
    # Never cache the "who to call right now" answer past the moment it next changes.
    response.page_cache_seconds = cache_seconds_for(right_now)
    return response


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for the load balancer)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "not answering"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@cache_public_page
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")


@cache_public_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/privacy.html")


@cache_public_page
def sources(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/sources.html", {"documents": source_documents()})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "There is no API endpoint at this address. See /api/v1/openapi.json."}, status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without a request context: the failure may have been in a context processor.
    from django.template import loader

    from portal.context_processors import SERVICE_NAME

    template = loader.get_template("500.html")
    return HttpResponse(template.render({"service_name": SERVICE_NAME, "navigation": [], "exit_page_url": settings.EXIT_PAGE_URL}), status=500)
