"""Conventions shared by every JSON API view (/api/v1/...).

- read-only: GET (and HEAD, OPTIONS for CORS preflight); anything else is 405 as JSON;
- errors are JSON with a clear `detail`, never an HTML page and never a 500 for bad input;
- CORS is open for GET, so other sites' pages can read the content;
- responses go through the public page cache like pages do.
"""

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from portal.cache import cache_public_page, private_words


class ApiError(Exception):
    """Raise in an API view to answer with this status and `{"detail": message}`."""

    def __init__(self, detail: str, status: int = 400):
        super().__init__(detail)
        self.detail = detail
        self.status = status


def api_response(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def api_view(view: Callable[..., object] | None = None, *, shared_cache: bool = True):
    """Wraps a view that returns JSON-able data (or raises ApiError / Http404).

    `@api_view(shared_cache=False)` for answers that repeat free text the caller sent (search
    words): they are cached in this process's memory only (see portal.cache.private_words).
    """
    if view is None:
        return lambda inner: api_view(inner, shared_cache=shared_cache)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Max-Age"] = "86400"
            return response
        if request.method not in ("GET", "HEAD"):
            response = api_response({"detail": "This API is read-only: use GET."}, status=405)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        try:
            response = api_response(view(request, *args, **kwargs))
            return response if shared_cache else private_words(response)
        except ApiError as error:
            return api_response({"detail": error.detail}, status=error.status)
        except Http404 as error:
            return api_response({"detail": str(error) or "Not found."}, status=404)

    # The API accepts no writes at all, so no CSRF check is needed before it says 405.
    return csrf_exempt(cache_public_page(wrapper))


def single_param(request: HttpRequest, name: str, *, required: bool = False, max_length: int = 200) -> str | None:
    """One query parameter's value: 400 if it is repeated, missing when required, or too long."""
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise ApiError(f"Give the '{name}' parameter at most once.")
    if not values or values[0].strip() == "":
        if required:
            raise ApiError(f"The '{name}' parameter is required.")
        return None
    if len(values[0]) > max_length:
        raise ApiError(f"The '{name}' parameter must be at most {max_length} characters.")
    return values[0].strip()


def reject_unknown_params(request: HttpRequest, allowed: set[str]) -> None:
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        raise ApiError(f"Unknown parameter(s): {', '.join(unknown)}. Allowed: {', '.join(sorted(allowed)) or 'none'}.")
