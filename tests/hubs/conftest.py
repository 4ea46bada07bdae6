"""Helpers for the contacts tests: fixed moments in UK time, and a clean page cache."""

from datetime import datetime
from unittest import mock

import pytest
from django.core.cache import cache

from hubs.now import UK


def uk(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, *, fold: int = 0) -> datetime:
    """A wall-clock time in the UK (fold=1: the second 01:xx on the night the clocks go back)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=UK, fold=fold)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Pages cached by another test (at another moment) must not answer these tests."""
    from portal import cache as page_cache

    def clear() -> None:
        cache.clear()
        if hasattr(page_cache, "local_pages"):  # the per-process copy in front of the shared cache
            page_cache.local_pages.clear()

    clear()
    yield
    clear()


@pytest.fixture
def frozen_at():
    """`frozen_at(moment)` makes "who to call right now" answer as if it were that moment."""
    patches = []

    def freeze(moment: datetime) -> None:
        patcher = mock.patch("hubs.selectors.moment", return_value=moment)
        patcher.start()
        patches.append(patcher)

    yield freeze
    for patcher in patches:
        patcher.stop()
