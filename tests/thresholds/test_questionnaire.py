"""The "Which level?" flow through the test client: branching, state in the address, errors."""

from datetime import datetime
from unittest import mock
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.test import Client

from thresholds.models import Framework
from thresholds.questionnaire import question_pages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("hour, coventry_number", [(10, "024 7678 8555"), (20, "024 7683 2222")])
def test_immediate_danger_yes_goes_to_call_999_and_nothing_else(client: Client, hour, coventry_number):
    cache.clear()
    response = client.get("/which-level/danger/", {"submitted": "1", "danger": "yes"})
    assert response.status_code == 302 and response.url == "/which-level/call-999/"
    tuesday = datetime(2026, 11, 24, hour, 0, tzinfo=ZoneInfo("Europe/London"))
    with mock.patch("hubs.selectors.moment", return_value=tuesday):
        html = client.get(response.url).content.decode()
    assert "Call 999 now" in html
    assert "If a child is in immediate danger you should contact the police and/or ambulance on 999." in html
    assert 'href="tel:999"' in html
    for number in (coventry_number, "01926 414144"):  # then the front door for each area, right now
        assert number in html
    assert "Which of these describe" not in html and "Continue" not in html


def test_immediate_danger_no_goes_on_to_the_area(client: Client):
    response = client.get("/which-level/danger/", {"submitted": "1", "danger": "no"})
    assert response.url == "/which-level/area/"


def test_danger_question_without_an_answer_shows_an_error(client: Client):
    response = client.get("/which-level/danger/", {"submitted": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and "Select yes if the child is in immediate danger" in html
    assert "<title>Error:" in html


@pytest.mark.parametrize("answer", ["maybe", "<script>", "y" * 500])
def test_tampered_danger_answer_is_an_error_not_a_crash(client: Client, answer):
    response = client.get("/which-level/danger/", {"submitted": "1", "danger": answer})
    assert response.status_code == 400


def test_area_question_leads_to_the_first_domain_of_that_area(client: Client):
    response = client.get("/which-level/area/", {"submitted": "1", "area": "warwickshire"})
    assert response.url == "/which-level/warwickshire/questions/1/"
    assert client.get("/which-level/area/", {"submitted": "1", "area": "mars"}).status_code == 400


def test_area_page_helps_someone_who_is_unsure(client: Client):
    html = client.get("/which-level/area/").content.decode()
    assert "Not sure which area?" in html and "Nuneaton and Bedworth" in html


def test_domain_pages_hide_the_level_and_offer_none_of_these(client: Client):
    html = client.get("/which-level/coventry/questions/1/").content.decode()
    assert "domain 1 of 3: Child&#x27;s developmental need" in html
    assert "None of these" in html and 'data-behaviour="exclusive"' in html
    assert "Level 2" not in html and "Early Help" not in html.split("<main")[1]


def test_warwickshire_has_a_page_per_domain_and_one_for_indicators_without_a_domain():
    pages = question_pages(Framework.objects.get(slug="warwickshire"))
    assert len(pages) == 11
    assert pages[-1].title == "Other concerns" and len(pages[-1].indicators) == 10


def test_answers_travel_in_the_address_from_page_to_page(client: Client):
    response = client.get("/which-level/coventry/questions/1/", {"submitted": "1", "choice": ["cov-dev-2-slow-milestones", "cov-dev-2-poor-attachment"]})
    assert response.status_code == 302
    target = urlparse(response.url)
    assert target.path == "/which-level/coventry/questions/2/"
    assert parse_qs(target.query)["i"] == ["cov-dev-2-slow-milestones", "cov-dev-2-poor-attachment"]
    page_two = client.get(response.url).content.decode()
    assert 'name="i" value="cov-dev-2-slow-milestones"' in page_two  # carried as hidden fields


def test_none_of_these_is_recorded_and_the_last_page_goes_to_check_answers(client: Client):
    response = client.get("/which-level/coventry/questions/3/", {"submitted": "1", "choice": "none", "i": "cov-dev-2-slow-milestones"})
    target = urlparse(response.url)
    assert target.path == "/which-level/coventry/check/"
    assert parse_qs(target.query) == {"i": ["cov-dev-2-slow-milestones"], "none": ["cov-domain-family-environment"]}


@pytest.mark.parametrize(
    "choices, message",
    [
        ([], "Select the situations that describe the child, or select ‘None of these’"),
        (["none", "cov-dev-2-slow-milestones"], "not both"),
        (["cov-par-2-poor-supervision"], "Select from the situations listed on this page"),
    ],
)
def test_domain_page_errors(client: Client, choices, message):
    response = client.get("/which-level/coventry/questions/1/", {"submitted": "1", "choice": choices})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "govuk-error-summary" in html and 'href="#choice-1"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/which-level/coventry/questions/1/?i=war-health-2-missed-appointments",
        "/which-level/coventry/questions/1/?i=made-up",
        "/which-level/coventry/questions/1/?none=war-domain-health",
        "/which-level/coventry/questions/99/",
        "/which-level/coventry/check/?i=%00",
        "/which-level/coventry/result/?i=war-health-2-missed-appointments",
        "/which-level/coventry/result/?i=" + "x" * 3000,
    ],
)
def test_tampered_addresses_get_a_clear_error(client: Client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "This link has been changed or is not complete" in response.content.decode()


def test_unknown_area_in_the_address_is_not_found(client: Client):
    assert client.get("/which-level/mars/questions/1/").status_code == 404


def test_check_answers_lists_each_domain_with_change_links(client: Client):
    html = client.get("/which-level/coventry/check/", {"i": "cov-dev-2-slow-milestones", "none": "cov-domain-family-environment"}).content.decode()
    assert "Slow in reaching developmental milestones, needs not consistently attended to." in html
    assert "None of these" in html and "Not answered" in html
    assert "return=check" in html
    assert "/which-level/coventry/result/?i=cov-dev-2-slow-milestones" in html


def test_changing_an_answer_from_check_answers_returns_there(client: Client):
    response = client.get("/which-level/coventry/questions/2/", {"submitted": "1", "choice": "none", "return": "check", "i": "cov-dev-2-slow-milestones"})
    assert urlparse(response.url).path == "/which-level/coventry/check/"


def test_result_page_says_everything_a_practitioner_needs(client: Client):
    response = client.get("/which-level/coventry/result/", {"i": ["cov-dev-2-school-absences", "cov-dev-2-substance-misuse", "cov-fam-2-low-income"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suggested level: Level 3 - Multi-agency Early Help" in html
    assert "Families who have at least three identified needs" in html  # the rule, in words
    assert "Unexplained but infrequent absences from school." in html  # the indicators that led to it
    assert "An Early Help Assessment is required." in html  # what to do next, from the content
    assert "Who to call right now" in html  # contacts for the area
    assert "/ready-to-refer/?area=coventry&amp;level=3" in html
    assert "supports, and never replaces, your professional judgement" in html
    assert "data-print-button" in html
    assert not response.cookies


def test_result_link_carries_only_indicator_ids(client: Client):
    response = client.get("/which-level/check/" if False else "/which-level/coventry/check/", {"i": "cov-fam-4-fgm"})
    link = next(part for part in response.content.decode().split('"') if part.startswith("/which-level/coventry/result/"))
    assert set(parse_qs(urlparse(link).query)) == {"i"}


def test_the_public_flow_sets_no_cookies(client: Client):
    for url in ("/which-level/", "/which-level/danger/", "/which-level/area/", "/which-level/coventry/questions/1/", "/which-level/coventry/result/"):
        assert not client.get(url).cookies, url


def test_how_it_works_page_renders_the_rules_from_the_code(client: Client):
    html = client.get("/which-level/how-it-works/").content.decode()
    assert "The suggestion is the highest level among the indicators you select." in html
    assert "raised to Level 3 - Multi-agency Early Help" in html
    assert "Even a combination of lower-level indicators can raise overall risk" in html
