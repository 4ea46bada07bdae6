"""The public page cache and the content version that keeps it fresh.

Every cached page is stored under the current *content version*. Any change to content
(an admin edit, an import) bumps the version, so every page is rebuilt on its next
request. The version lives in the cache backend itself, which is shared by every app
server (database or Redis cache), so an edit on one server refreshes all of them.
"""

import hashlib
import threading
import time
from collections import OrderedDict
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


def private_words(response: HttpResponse) -> HttpResponse:
    """Marks a page that repeats free text the visitor typed: never written to the shared cache."""
    response.page_cache_shared = False
    return response


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Marks a public view's successful responses as cacheable by the page cache.

    A view can shorten the time a page is kept (for example until the "who to call right
    now" answer next changes) by setting `response.page_cache_seconds`, and keep a page that
    repeats what the visitor typed (search words) out of the shared cache, in this process's
    memory only, by setting `response.page_cache_shared = False`.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not hasattr(response, "page_cache_seconds"):
            response.page_cache_seconds = settings.PAGE_CACHE_SECONDS
        return response

    return wrapper


class LocalPages:
    """A small per-process copy of recently served pages, in front of the shared cache.

    Entries are keyed by the shared content version, which is read from the shared cache on
    every request, so a change made through any server is seen by every server at once; the
    copy only saves fetching and unpickling the page. Nothing here is needed by another
    server: a new process simply starts empty.
    """

    def __init__(self, max_entries: int = 512):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            expires, entry = found
            if expires < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def set(self, key: str, entry: tuple, seconds: float) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + seconds, entry)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


local_pages = LocalPages()
