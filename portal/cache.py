"""The public page cache and the content version that keeps it fresh.

Every cached page is stored under the current *content version*. Any change to content
(an admin edit, an import) bumps the version, so every page is rebuilt on its next
request. The version lives in the cache backend itself, which is shared by every app
server (database or Redis cache), so an edit on one server refreshes all of them.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

VERSION_KEY = "content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh start value (not 1) so a lost key can never bring back old pages.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key was missing
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def page_key(version: int, full_path: str) -> str:
    # Hashed: addresses can be long and hold any character; cache keys must be short and safe.
    return f"page:{version}:{hashlib.sha256(full_path.encode()).hexdigest()}"


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Marks a public view's successful responses as cacheable by the page cache.

    A view can shorten the time a page is kept (for example until the "who to call right
    now" answer next changes) by setting `response.page_cache_seconds`.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not hasattr(response, "page_cache_seconds"):
            response.page_cache_seconds = settings.PAGE_CACHE_SECONDS
        return response

    return wrapper
