"""Middleware: security headers on every response, and the public page cache."""

import gzip
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from portal.cache import content_version, local_pages, page_key

# Scripts only from our own static files: no inline script, no eval, nothing third-party.
PUBLIC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Django's admin sets a few inline style attributes, so styles (never scripts) are relaxed there.
ADMIN_CSP = PUBLIC_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)


def security_headers(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        is_admin = request.path.startswith("/admin/")
        response.setdefault("Content-Security-Policy", ADMIN_CSP if is_admin else PUBLIC_CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", "no-referrer")
        response.setdefault("X-Frame-Options", "DENY")
        if not response.streaming and not response.has_header("Content-Length"):
            # Lets the server keep the connection open for the next request (HTTP/1.0 clients).
            response["Content-Length"] = str(len(response.content))
        return response

    return middleware


CACHED_HEADERS = ("Content-Type", "Access-Control-Allow-Origin", "Link")


def public_page_cache(get_response: Callable[[HttpRequest], HttpResponse]):
    """Serves cached copies of public pages before any other work is done.

    Only anonymous GET and HEAD requests are served from the cache, and only responses
    whose view opted in (see `portal.cache.cache_public_page`) and set no cookie are stored.
    Each page is also stored gzip-compressed (once, when cached), for browsers that accept it:
    a need table is about a sixth of the size on a slow phone connection.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return get_response(request)
        full_path = request.get_full_path()
        if len(full_path) > 2000:  # very long addresses are not worth caching
            return get_response(request)
        key = page_key(content_version(), full_path)
        cached = local_pages.get(key)
        if cached is None:
            found = cache.get(key)
            if found is not None:
                cached_entry, expires_at = found
                remaining = expires_at - time.time()
                if remaining > 0:
                    local_pages.set(key, cached_entry, remaining)
                    cached = cached_entry
        if cached is not None:
            return _from_cache(request, cached, "hit")
        response = get_response(request)
        seconds = getattr(response, "page_cache_seconds", None)
        if seconds and response.status_code == 200 and not response.cookies and not response.streaming:
            headers = [(name, response[name]) for name in CACHED_HEADERS if response.has_header(name)]
            body = response.content
            compressed = gzip.compress(body, compresslevel=6) if len(body) > 500 else None
            entry = (response.status_code, headers, body, compressed)
            if getattr(response, "page_cache_shared", True):
                # The expiry travels with the entry, so a copy never outlives the original.
                cache.set(key, (entry, time.time() + seconds), timeout=seconds)
            local_pages.set(key, entry, seconds)
            return _from_cache(request, entry, "miss")
        return response

    return middleware


def _from_cache(request: HttpRequest, entry: tuple, state: str) -> HttpResponse:
    status, headers, body, compressed = entry
    use_gzip = compressed is not None and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    response = HttpResponse(compressed if use_gzip else body, status=status)
    for name, value in headers:
        response[name] = value
    if compressed is not None:
        response["Vary"] = "Accept-Encoding"
    if use_gzip:
        response["Content-Encoding"] = "gzip"
    response["X-Page-Cache"] = state
    return response
