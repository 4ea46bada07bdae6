""""Who to call right now" from the loaded content, and the page cache rule that goes with it:
a cached page never outlives the moment its answer changes."""

import time
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import resolve

from hubs.selectors import right_now_everywhere, right_now_for
from tests.hubs.conftest import uk
from thresholds.models import Partnership

pytestmark = pytest.mark.django_db


def coventry():
    return Partnership.objects.get(slug="coventry")


def warwickshire():
    return Partnership.objects.get(slug="warwickshire")


@pytest.mark.parametrize(
    ("moment", "call", "out_of_hours", "changes_at"),
    [
        (uk(2026, 4, 14, 10, 0), "cov-social-care", False, uk(2026, 4, 14, 17, 0)),  # Tuesday 10:00
        (uk(2026, 4, 14, 17, 30), "cov-edt", True, uk(2026, 4, 15, 8, 30)),  # Tuesday 17:30
        (uk(2026, 4, 17, 16, 45), "cov-edt", True, uk(2026, 4, 20, 8, 30)),  # Friday 16:45
        (uk(2026, 4, 18, 11, 0), "cov-edt", True, uk(2026, 4, 20, 8, 30)),  # a Saturday
        (uk(2026, 5, 25, 10, 0), "cov-edt", True, uk(2026, 5, 26, 8, 30)),  # Spring bank holiday Monday
        (datetime(2026, 3, 30, 7, 15, tzinfo=UTC), "cov-edt", True, uk(2026, 3, 30, 8, 30)),  # 08:15 BST, first day of BST
        (datetime(2026, 3, 30, 7, 45, tzinfo=UTC), "cov-social-care", False, uk(2026, 3, 30, 17, 0)),  # 08:45 BST
        (uk(2026, 10, 25, 1, 30, fold=1), "cov-edt", True, uk(2026, 10, 26, 8, 30)),  # the repeated hour
    ],
)
def test_coventry_at_fixed_times(moment, call, out_of_hours, changes_at):
    answer = right_now_for(coventry(), moment)
    assert answer.call.key == call
    assert answer.out_of_hours is out_of_hours
    assert answer.hours_published
    assert answer.next_change == changes_at
    assert answer.emergency.key == "cov-police"  # 999 always comes first


def test_a_bank_holiday_is_named_in_the_answer():
    answer = right_now_for(coventry(), uk(2026, 5, 25, 10, 0))
    assert answer.bank_holiday and "bank holiday" in answer.bank_holiday.lower()
    assert right_now_for(coventry(), uk(2026, 5, 26, 10, 0)).bank_holiday is None


def test_office_hours_are_worked_out_from_the_out_of_hours_team():
    answer = right_now_for(coventry(), uk(2026, 4, 14, 10, 0))
    assert answer.office_hours == ["Monday to Thursday, 8:30am to 5pm", "Friday, 8:30am to 4:30pm"]
    assert answer.out_of_hours_contact.key == "cov-edt"


@pytest.mark.parametrize("moment", [uk(2026, 4, 14, 10, 0), uk(2026, 4, 18, 23, 0), uk(2026, 5, 25, 10, 0)])
def test_warwickshire_has_no_published_hours_so_it_is_always_family_connect(moment):
    answer = right_now_for(warwickshire(), moment)
    assert answer.call.key == "war-family-connect"
    assert not answer.hours_published and not answer.out_of_hours
    assert answer.next_change is None
    assert answer.cache_seconds == settings.PAGE_CACHE_SECONDS


@pytest.mark.parametrize(
    ("moment", "seconds"),
    [
        (uk(2026, 4, 14, 10, 0), settings.PAGE_CACHE_SECONDS),  # hours away: the usual time
        (uk(2026, 4, 14, 16, 55), 300),  # five minutes before the EDT opens
        (datetime(2026, 4, 17, 15, 29, 30, tzinfo=UTC), 30),  # Friday 4:29:30pm BST
        (datetime(2026, 3, 30, 7, 25, tzinfo=UTC), 300),  # 8:25am BST: five minutes, not an hour and five
        (uk(2026, 10, 26, 8, 29, 0), 60),  # Monday after the clocks went back
    ],
)
def test_cache_seconds_never_reach_past_the_next_change(moment, seconds):
    assert right_now_for(coventry(), moment).cache_seconds == seconds


def test_everywhere_answers_each_area_at_the_same_moment():
    answers = right_now_everywhere(uk(2026, 4, 14, 17, 30))
    assert {a.partnership.slug: a.call.key for a in answers} == {"coventry": "cov-edt", "warwickshire": "war-family-connect"}
    assert len({a.at for a in answers}) == 1


FIVE_TO_FIVE = uk(2026, 4, 14, 16, 55)  # Tuesday: the EDT opens in five minutes


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/contacts/",
        "/contacts/?area=coventry",
        "/contacts/cov-social-care/",
        "/contacts/cov-edt/",
        "/thresholds/coventry/levels/4/",
    ],
)
def test_pages_showing_right_now_are_cached_only_until_the_answer_changes(rf, frozen_at, url):
    frozen_at(FIVE_TO_FIVE)
    response = view_response(rf, url)
    assert response.status_code == 200
    assert "Who to call right now" in response.content.decode()
    assert response.page_cache_seconds == 300


def test_pages_without_a_time_based_answer_keep_the_usual_cache_time(rf, frozen_at):
    frozen_at(FIVE_TO_FIVE)
    for url in ("/contacts/family-hubs/coventry/", "/contacts/cov-hub-moat/", "/contacts/?kind=family_hub", "/contacts/?area=warwickshire"):
        response = view_response(rf, url)
        assert response.page_cache_seconds == settings.PAGE_CACHE_SECONDS, url


def view_response(rf, url: str):
    """The view's own response (the page cache middleware answers with a copy, without the
    `page_cache_seconds` it read)."""
    path, _, query = url.partition("?")
    match = resolve(path)
    return match.func(rf.get(url), *match.args, **match.kwargs)


def clocks_ahead(seconds: float):
    """Moves the clocks the page cache reads (wall and monotonic) forward by `seconds`."""
    wall, mono = time.time(), time.monotonic()
    return mock.patch.multiple(time, time=lambda: wall + seconds, monotonic=lambda: mono + seconds)


def test_a_cached_page_is_rebuilt_the_moment_the_answer_changes(client: Client, frozen_at):
    """Through the real page cache: served from cache before 5pm, rebuilt (naming the EDT) after."""
    frozen_at(uk(2026, 4, 14, 16, 59, 30))
    with clocks_ahead(0):
        first = client.get("/contacts/cov-social-care/")
    assert first["X-Page-Cache"] == "miss"
    assert "Office hours until 5pm on Tuesday 14 April" in first.content.decode()

    with clocks_ahead(20):  # 16:59:50: still cached
        assert client.get("/contacts/cov-social-care/")["X-Page-Cache"] == "hit"

    frozen_at(uk(2026, 4, 14, 17, 0, 1))
    with clocks_ahead(31):  # 17:00:01: the cached copy has expired
        after = client.get("/contacts/cov-social-care/")
    assert after["X-Page-Cache"] == "miss"
    html = after.content.decode()
    assert "Outside office hours until 8:30am on Wednesday 15 April" in html
    assert "tel:+442476832222" in html  # the EDT's number, before the office's own
    assert html.index("tel:+442476832222") < html.index("tel:+442476788555")


def test_right_now_panel_wording(client: Client, frozen_at):
    frozen_at(uk(2026, 5, 25, 10, 0))
    html = client.get("/contacts/").content.decode()
    assert "If a child is in immediate danger, call <a class=\"govuk-link\" href=\"tel:999\">999</a> first." in html
    assert "Outside office hours (" in html and "until 8:30am on Tuesday 26 May" in html
    assert "does not publish this number’s opening hours, or an out-of-hours number for Warwickshire" in html


def test_an_out_of_hours_service_ticked_24_hours_is_always_the_one_to_call():
    from hubs.models import Contact

    edt = Contact.objects.get(key="cov-edt")
    edt.hours.all().delete()
    edt.open_all_hours = True
    edt.save()
    answer = right_now_for(coventry(), uk(2026, 4, 14, 10, 0))
    assert answer.call.key == "cov-edt" and answer.next_change is None


def test_an_opening_rule_that_runs_past_midnight_is_refused_in_the_admin():
    """The loader refuses 17:00-08:30 (it would never match); the admin form must too, or a
    lead's edit would silently stop "who to call right now" ever naming the out-of-hours team."""
    from django.core.exceptions import ValidationError

    from hubs.models import Contact, OpeningRule

    edt = Contact.objects.get(key="cov-edt")
    with pytest.raises(ValidationError) as error:
        OpeningRule(contact=edt, days="mon", opens="17:00", closes="08:30").full_clean()
    assert "must be before closes" in str(error.value.message_dict["closes"])
    with pytest.raises(ValidationError):
        OpeningRule(contact=edt, days="mon", opens="09:00", closes="09:00").full_clean()
    OpeningRule(contact=edt, days="mon", opens="17:00", closes="24:00").full_clean()  # up to midnight is fine
