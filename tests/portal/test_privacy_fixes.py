"""What the site keeps: search words never reach the shared cache; shared links hold ids only."""

import pytest
from django.core.cache import cache
from django.test import Client

from portal.cache import content_version, local_pages, page_key

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/search/?q=a+made+up+name", "/api/v1/search?q=a+made+up+name"])
def test_pages_that_repeat_search_words_stay_out_of_the_shared_cache(client: Client, url):
    cache.clear()
    local_pages.clear()
    assert client.get(url)["X-Page-Cache"] == "miss"
    key = page_key(content_version(), url)
    assert cache.get(key) is None  # nothing written to the shared (database or Redis) cache
    assert client.get(url)["X-Page-Cache"] == "hit"  # served again from this process's memory


def test_other_pages_are_shared_between_servers(client: Client):
    cache.clear()
    client.get("/thresholds/coventry/")
    assert cache.get(page_key(content_version(), "/thresholds/coventry/")) is not None


def test_the_result_link_to_share_holds_only_indicator_ids(client: Client):
    html = client.get("/which-level/coventry/result/", {"i": ["cov-fam-4-fgm", "cov-dev-2-poor-attachment"], "utm_source": "x"}).content.decode()
    link = html.split('<code class="app-break">')[1].split("</code>")[0]
    assert link == "http://testserver/which-level/coventry/result/?i=cov-dev-2-poor-attachment&amp;i=cov-fam-4-fgm"


def test_a_page_built_in_the_last_second_before_the_answer_changes_is_not_cached():
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from hubs.selectors import right_now_for
    from thresholds.models import Partnership

    just_before = datetime(2026, 11, 24, 16, 59, 59, 500000, tzinfo=ZoneInfo("Europe/London"))
    answer = right_now_for(Partnership.objects.get(slug="coventry"), just_before)
    assert answer.next_change - just_before < timedelta(seconds=1)
    assert answer.cache_seconds == 0


def test_content_last_changed_follows_edits_to_indicators():
    from django.utils import timezone

    from thresholds.models import Framework, Indicator
    from thresholds.selectors import last_changed

    framework = Framework.objects.get(slug="coventry")
    indicator = Indicator.objects.get(key="cov-fam-4-fgm")
    indicator.save()
    assert timezone.now() - last_changed(framework) < timezone.timedelta(minutes=1)


def test_contact_levels_must_be_level_numbers():
    from django.core.exceptions import ValidationError

    from hubs.models import Contact

    contact = Contact.objects.get(key="cov-edt")
    contact.editorial_levels = ["2"]
    with pytest.raises(ValidationError):
        contact.clean()
