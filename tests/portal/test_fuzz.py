"""Bad input never breaks anything: random values for every form field and API parameter
always get a clear 4xx (or a normal page), never a 5xx, and nothing is written."""

import json

import pytest
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

REAL_VALUES = ["coventry", "warwickshire", "1", "4", "cov-dev-2-poor-attachment", "war-health-2-missed-appointments",
               "cov-domain-development", "none", "check", "yes", "no", "family_hub", "families", "0", "-1", "1e9"]
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
VALUE = st.one_of(ANY_TEXT, st.sampled_from(REAL_VALUES), st.text(min_size=300, max_size=3000), st.just(""))
VALUES = st.lists(VALUE, min_size=0, max_size=4)  # missing, once or repeated

ENDPOINTS = {
    "/search/": ["q", "framework", "level", "domain"],
    "/thresholds/coventry/table/": ["level", "domain"],
    "/thresholds/warwickshire/table/print/": ["level", "domain"],
    "/which-level/danger/": ["submitted", "danger"],
    "/which-level/area/": ["submitted", "area"],
    "/which-level/coventry/questions/1/": ["submitted", "choice", "i", "none", "return"],
    "/which-level/warwickshire/questions/11/": ["submitted", "choice", "i", "none", "return"],
    "/which-level/coventry/check/": ["i", "none"],
    "/which-level/warwickshire/result/": ["i"],
    "/contacts/": ["area", "kind", "audience"],
    "/ready-to-refer/": ["area", "level"],
    "/api/v1/search": ["q", "framework", "level", "domain"],
    "/api/v1/assess": ["framework", "indicator"],
    "/api/v1/frameworks/": ["x"],
    "/api/v1/contacts/": ["area", "kind", "audience"],
    "/api/v1/openreferral/services": ["area", "kind", "audience"],
}


def table_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.parametrize("url, names", ENDPOINTS.items(), ids=list(ENDPOINTS))
def test_random_parameters_never_cause_a_server_error(client: Client, url, names):
    before = table_counts()

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(params=st.fixed_dictionaries({}, optional={name: VALUES for name in names}))
    def check(params):
        response = client.get(url, {k: v for k, v in params.items() if v})
        assert response.status_code < 500, (url, params)
        assert response.status_code in (200, 301, 302, 400, 404), (url, params, response.status_code)
        if url.startswith("/api/") and response.status_code >= 400:
            assert json.loads(response.content)["detail"], (url, params)
        if response.status_code == 400 and not url.startswith("/api/"):
            assert "There is a problem" in response.content.decode() or "This link has been changed" in response.content.decode()

    check()
    after = table_counts()
    changed = {t for t in before if before[t] != after.get(t) and not t.startswith(("django_session", "axes_"))}
    assert not changed, f"{url} wrote to {changed}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_random_addresses_are_404_not_500(client: Client, path):
    for prefix in ("/thresholds/", "/api/v1/frameworks/", "/contacts/", "/which-level/"):
        response = client.get(prefix + path.replace("?", "").replace("#", ""))
        assert response.status_code < 500, prefix + path
