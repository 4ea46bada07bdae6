"""Whatever is put in a "Ready to refer?" address, the answer is a page, a redirect or a clear
400: never a server error, never a cookie, and nothing is written."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referrals.models import ChecklistItem

pytestmark = pytest.mark.django_db

REAL = ["yes", "no", "risk", "not_yet", "unsure", "1", "4", "04", "danger", "ready", "reasons", "cov-marf-same-day", "war-fc-history", ""]
VALUE = st.one_of(st.sampled_from(REAL), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), st.text(min_size=200, max_size=600))
NAMES = ["danger", "level", "family", "tick", "answered", "area"]
PATHS = [f"/ready-to-refer/{area}/{step}/" for area in ("coventry", "warwickshire") for step in ("danger", "level", "family", "reasons", "ready", "result", "result/print")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS + ["/ready-to-refer/"]), pairs=st.lists(st.tuples(st.sampled_from(NAMES), VALUE), max_size=8))
def test_any_address_gets_a_page_a_redirect_or_a_clear_400(client: Client, path, pairs):
    before = ChecklistItem.history.count()
    response = client.get(path + "?" + urlencode(pairs))
    assert response.status_code in (200, 302, 400), (path, pairs, response.status_code)
    assert not response.cookies
    if response.status_code == 400:
        assert "There is a problem" in response.content.decode()
    assert ChecklistItem.history.count() == before
