"""Fast and light: query counts that do not grow with content, small pages, a page cache
that is refreshed the moment content changes."""

import gzip
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.cache import bump_content_version, content_version
from tests.conftest import ROOT
from thresholds.models import Indicator

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/thresholds/coventry/",
    "/thresholds/coventry/table/",
    "/thresholds/coventry/table/?level=2",
    "/thresholds/coventry/levels/2/",
    "/thresholds/coventry/indicators/cov-dev-2-poor-attachment/",
    "/for-families/coventry/",
    "/thresholds/crosswalk/",
    "/search/?q=neglect",
    "/which-level/coventry/questions/1/",
    "/which-level/coventry/check/?i=cov-dev-2-poor-attachment",
    "/which-level/coventry/result/?i=cov-dev-2-poor-attachment&i=cov-fam-2-low-income",
    "/api/v1/frameworks/coventry/",
    "/api/v1/search?q=neglect",
    "/api/v1/assess?framework=coventry&indicator=cov-dev-2-poor-attachment",
]


def queries_for(client: Client, url: str) -> int:
    cache.clear()  # measure the page being built, not served from the cache
    client.get(url)  # the first request after a change also builds the search index
    cache.clear()
    bump_content_version()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def multiply_coventry_indicators(times: int) -> None:
    """Adds (times - 1) copies of every Coventry indicator, with their outcome tags."""
    originals = list(Indicator.objects.filter(framework__slug="coventry").prefetch_related("editorial_outcome_areas"))
    copies = []
    for n in range(1, times):
        for row in originals:
            copies.append(Indicator(
                key=f"{row.key[:48]}-x{n}", framework_id=row.framework_id, level_id=row.level_id, domain_id=row.domain_id,
                text=f"{row.text} (copy {n})", order=row.order + 1000 * n, source_file=row.source_file, source_section=row.source_section,
            ))
    Indicator.objects.bulk_create(copies)
    through = Indicator.editorial_outcome_areas.through
    tags = {row.key: [a.pk for a in row.editorial_outcome_areas.all()] for row in originals}
    links = [through(indicator_id=copy.pk, outcomearea_id=area) for copy in Indicator.objects.filter(key__contains="-x") for area in tags[copy.key.rsplit("-x", 1)[0]] if copy.key.rsplit("-x", 1)[0] in tags]
    through.objects.bulk_create(links)


def test_queries_per_page_do_not_grow_with_ten_times_the_content(client: Client):
    before = {url: queries_for(client, url) for url in PAGES}
    multiply_coventry_indicators(10)
    assert Indicator.objects.filter(framework__slug="coventry").count() == 1140
    after = {url: queries_for(client, url) for url in PAGES}
    assert after == before
    assert max(before.values()) <= 25, before


def test_framework_pages_stay_under_60_kb_compressed_with_their_css_and_js(client: Client):
    assets = sum(len(gzip.compress((ROOT / "static" / "build" / path).read_bytes())) for path in ("css/main.css", "js/app.mjs"))
    for url in ("/thresholds/coventry/table/", "/thresholds/warwickshire/table/", "/thresholds/warwickshire/levels/3/", "/thresholds/coventry/"):
        page = len(gzip.compress(client.get(url).content))
        assert page + assets <= 60 * 1024, f"{url}: {page} + {assets} bytes compressed"


def test_pages_are_served_from_the_cache_and_refreshed_when_content_changes(client: Client, django_capture_on_commit_callbacks):
    cache.clear()
    url = "/thresholds/coventry/indicators/cov-dev-2-poor-attachment/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    indicator = Indicator.objects.get(key="cov-dev-2-poor-attachment")
    with django_capture_on_commit_callbacks(execute=True):
        indicator.text = "Poor attachment (edited by a lead)."
        indicator.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Poor attachment (edited by a lead)." in response.content.decode()


def test_cached_pages_are_never_served_to_signed_in_leads(client: Client, admin_user):
    cache.clear()
    client.get("/")
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get("/")


def test_the_content_version_lives_in_the_shared_cache_so_every_server_sees_a_change(settings):
    """Another app server (a separate process) bumps the version in a shared Redis cache;
    this process sees it at once, because nothing is kept in process memory."""
    redis_url = "redis://127.0.0.1:6379/15"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    from django.core.cache import caches

    caches["default"].clear()
    before = content_version()
    other_server = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings_test'; "
        f"os.environ['CACHE_URL'] = '{redis_url}'; django.setup(); "
        "from portal.cache import bump_content_version; bump_content_version()"
    )
    subprocess.run([sys.executable, "-c", other_server], cwd=ROOT, check=True, timeout=60)
    assert content_version() == before + 1
    caches["default"].clear()
