"""The "Ready to refer?" pages over HTTP: the flow, its outcomes, errors and tampered links."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

pytestmark = pytest.mark.django_db

MARF_TICKS = ["cov-marf-names-checked", "cov-marf-contact-details-checked", "cov-marf-evidence-attached", "cov-marf-same-day"]


def url(path: str, *pairs) -> str:
    return path + ("?" + urlencode(pairs) if pairs else "")


def html(response) -> str:
    return response.content.decode()


def choices(page: str, name: str) -> list[str]:
    """The values of a page's radios or checkboxes called `name`."""
    return re.findall(rf'name="{name}"[^>]*?value="([^"]*)"', page, flags=re.S)


def follow(client: Client, address: str):
    response = client.get(address, follow=True)
    return response, response.redirect_chain


def test_start_page_offers_both_areas_and_the_guidance(client: Client):
    response = client.get("/ready-to-refer/")
    assert response.status_code == 200
    page = html(response)
    assert choices(page, "area") == ["coventry", "warwickshire"]
    assert 'method="get"' in page and "csrfmiddlewaretoken" not in page
    for topic in ("consent", "after-you-refer", "information-sharing"):
        assert f"/ready-to-refer/coventry/{topic}/" in page
    assert "/ready-to-refer/warwickshire/pathway-to-change/" in page


def test_a_questionnaire_result_link_starts_the_flow_with_its_level(client: Client):
    response = client.get("/ready-to-refer/?area=coventry&level=4")
    assert response.status_code == 302
    assert response["Location"] == "/ready-to-refer/coventry/danger/?level=4"


def test_a_questionnaire_link_without_a_level_starts_at_the_first_question(client: Client):
    response = client.get("/ready-to-refer/?area=warwickshire&level=")
    assert response.status_code == 302 and response["Location"] == "/ready-to-refer/warwickshire/danger/"


def test_start_without_choosing_an_area_is_an_error(client: Client):
    response = client.get("/ready-to-refer/?answered=area")
    assert response.status_code == 400
    page = html(response)
    assert "<title>Error: " in page and "Select where the child lives" in page
    assert 'href="#id_area_1"' in page


@pytest.mark.parametrize("query", ["area=nowhere", "area=coventry&level=9", "area=coventry&level=%3Cscript%3E", "area=coventry&area=warwickshire"])
def test_start_with_a_tampered_area_or_level_is_a_clear_400(client: Client, query):
    response = client.get("/ready-to-refer/?" + query)
    assert response.status_code == 400
    assert "There is a problem" in html(response) and "<script>" not in html(response)


def test_the_question_pages_are_get_forms_that_carry_earlier_answers_in_hidden_fields(client: Client):
    response = client.get(url("/ready-to-refer/coventry/family/", ("danger", "no"), ("level", "4")))
    assert response.status_code == 200
    page = html(response)
    assert "Has the family been made aware of the referral?" in page
    assert '<input type="hidden" name="danger" value="no">' in page and '<input type="hidden" name="level" value="4">' in page
    assert '<input type="hidden" name="answered" value="family">' in page
    assert "Unless it would put the child at increased risk of harm the family/carers should be made aware" in page
    assert 'href="/ready-to-refer/coventry/level/?danger=no&amp;level=4"' in page  # back keeps the answers
    assert 'href="/ready-to-refer/coventry/consent/">Coventry guidance on consent</a>' in page


def test_answering_a_question_goes_to_the_next_one(client: Client):
    response = client.get(url("/ready-to-refer/coventry/danger/", ("level", "4"), ("danger", "no"), ("answered", "danger")))
    assert response.status_code == 302
    assert response["Location"] == "/ready-to-refer/coventry/family/?danger=no&level=4"


@pytest.mark.parametrize(
    ("step", "pairs", "message"),
    [
        ("danger", [], "Select yes if the child is in immediate danger"),
        ("level", [("danger", "no")], "Select the level of need, or I&#x27;m not sure"),
        ("family", [("danger", "no"), ("level", "4")], "Select an answer about the family"),
        ("danger", [("danger", "maybe")], "Select yes if the child is in immediate danger"),
    ],
)
def test_a_question_submitted_without_a_valid_answer_shows_an_error(client: Client, step, pairs, message):
    response = client.get(url(f"/ready-to-refer/coventry/{step}/", *pairs, ("answered", step)))
    assert response.status_code == 400
    page = html(response)
    assert "<title>Error: " in page and message in page
    assert f'href="#id_{step}_1"' in page and f'id="id_{step}_1"' in page


@pytest.mark.parametrize(
    "address",
    [
        "/ready-to-refer/coventry/family/?danger=perhaps&level=4",
        "/ready-to-refer/coventry/result/?danger=no&level=9",
        "/ready-to-refer/coventry/result/?danger=no&level=four",
        "/ready-to-refer/coventry/result/?danger=no&level=4&family=maybe&answered=ready",
        "/ready-to-refer/coventry/result/?danger=no&level=4&family=yes&tick=war-fc-history&answered=ready",
        "/ready-to-refer/coventry/result/?danger=no&danger=yes",
        "/ready-to-refer/coventry/ready/?danger=no&level=4&family=yes&answered=everything",
        "/ready-to-refer/coventry/result/print/?danger=no&level=4&family=yes&tick=%00",
    ],
)
def test_a_tampered_link_is_a_clear_error_and_never_a_server_error(client: Client, address):
    response = client.get(address)
    assert response.status_code == 400
    page = html(response)
    assert "There is a problem with this link" in page and "<title>Error: " in page
    assert 'href="/ready-to-refer/coventry/danger/"' in page  # start again


@pytest.mark.parametrize(
    "address",
    [
        "/ready-to-refer/coventry/result/?danger=no&level=%C2%B2",
        "/ready-to-refer/coventry/danger/?level=%E2%91%A3",
        "/ready-to-refer/warwickshire/result/print/?danger=no&level=%C2%B2",
    ],
)
def test_a_level_that_is_a_digit_but_not_a_number_is_a_clear_400(client: Client, address):
    # str.isdigit() is true for superscripts and circled digits, which int() refuses.
    response = client.get(address)
    assert response.status_code == 400
    assert "There is a problem with this link" in html(response)


def test_start_with_a_level_that_is_a_digit_but_not_a_number_is_a_clear_400(client: Client):
    response = client.get("/ready-to-refer/?area=coventry&level=%C2%B2")
    assert response.status_code == 400 and "There is a problem" in html(response)


def test_an_unknown_area_or_step_is_not_found(client: Client):
    assert client.get("/ready-to-refer/nowhere/danger/").status_code == 404
    assert client.get("/ready-to-refer/coventry/elsewhere/").status_code == 404


def test_a_later_page_opened_directly_goes_back_to_the_first_open_question(client: Client):
    response = client.get("/ready-to-refer/coventry/ready/?level=4")
    assert response.status_code == 302 and response["Location"] == "/ready-to-refer/coventry/danger/?level=4"
    response = client.get("/ready-to-refer/coventry/result/?danger=no")
    assert response["Location"] == "/ready-to-refer/coventry/level/?danger=no"


def test_the_whole_coventry_flow_to_ready(client: Client):
    response, _ = follow(client, "/ready-to-refer/?area=coventry&level=4")
    assert "Is the child in immediate danger?" in html(response)
    response, chain = follow(client, url("/ready-to-refer/coventry/danger/", ("level", "4"), ("danger", "no"), ("answered", "danger")))
    assert chain[-1][0].startswith("/ready-to-refer/coventry/family/")
    response, chain = follow(client, url("/ready-to-refer/coventry/family/", ("danger", "no"), ("level", "4"), ("family", "yes"), ("answered", "family")))
    assert chain[-1][0].startswith("/ready-to-refer/coventry/ready/")
    page = html(response)
    assert choices(page, "tick") == MARF_TICKS
    ticks = [("tick", key) for key in MARF_TICKS]
    response, chain = follow(client, url("/ready-to-refer/coventry/ready/", ("danger", "no"), ("level", "4"), ("family", "yes"), *ticks, ("answered", "ready")))
    assert chain[-1][0].startswith("/ready-to-refer/coventry/result/")
    page = html(response)
    assert "Ready to refer" in page and "Not ready" not in page
    assert "All referrals must be made using the online Multi-Agency Referral Form (MARF)." in page
    assert 'href="tel:+442476788555"' in page and "option 3</strong>: To make a referral" in page
    assert "When the MARF is submitted the referrer will receive a reference and a copy of the completed form." in page


def test_coventry_result_lists_exactly_what_is_missing_with_why_and_a_way_back(client: Client):
    address = url("/ready-to-refer/coventry/result/", ("danger", "no"), ("level", "4"), ("family", "yes"), *[("tick", k) for k in MARF_TICKS[:3]], ("answered", "ready"))
    response = client.get(address)
    page = html(response)
    assert response.status_code == 200 and "Not ready to refer yet" in page
    assert "1 thing still to do" in page
    assert "Referrals should be made the same day as the concern is identified." in page
    assert "<strong>Why:</strong> This is particularly important where referrals are made by nurseries" in page
    assert "All names should be checked" not in page.split("How to refer")[0]
    assert 'href="/ready-to-refer/coventry/ready/?danger=no&amp;level=4&amp;family=yes&amp;tick=' in page


def test_coventry_risk_branch_cannot_reach_ready_without_the_recorded_reasons(client: Client):
    base = [("danger", "no"), ("level", "4"), ("family", "risk")]
    response = client.get(url("/ready-to-refer/coventry/family/", *base, ("answered", "family")))
    assert response["Location"] == "/ready-to-refer/coventry/reasons/?danger=no&level=4&family=risk"
    page = html(client.get(response["Location"]))
    assert "You are not telling the family first" in page and 'value="cov-marf-reasons-recorded"' in page
    assert "professionals should determine if the concerns justify making a referral without making the family aware" in page
    ticks = [("tick", key) for key in MARF_TICKS]
    skipped = url("/ready-to-refer/coventry/result/", *base, *ticks, ("answered", "ready"))
    assert client.get(skipped)["Location"].startswith("/ready-to-refer/coventry/reasons/")
    unconfirmed = client.get(url("/ready-to-refer/coventry/result/", *base, *ticks, ("answered", "reasons"), ("answered", "ready")))
    page = html(unconfirmed)
    assert "Not ready to refer yet" in page
    assert "the decision must be recorded in the child&#x27;s file with reasons, dated and signed and included on the MARF" in page
    confirmed = client.get(url("/ready-to-refer/coventry/result/", *base, *ticks, ("tick", "cov-marf-reasons-recorded"), ("answered", "reasons"), ("answered", "ready")))
    page = html(confirmed)
    assert "Ready to refer" in page and "Not ready" not in page
    assert "professionals should determine if the concerns justify making a referral without making the family aware" in page


def test_coventry_family_not_yet_told_must_be_made_aware_first(client: Client):
    ticks = [("tick", key) for key in MARF_TICKS]
    page = html(client.get(url("/ready-to-refer/coventry/result/", ("danger", "no"), ("level", "4"), ("family", "not_yet"), *ticks, ("answered", "ready"))))
    assert "Not ready to refer yet" in page
    assert "you will be asked to make the family aware before the referral is processed." in page
    assert "Change your answer about the family" in page


def test_immediate_danger_shows_999_first_and_nothing_else(client: Client):
    page = html(client.get("/ready-to-refer/coventry/result/?danger=yes"))
    assert "<h1 class=\"govuk-heading-xl\">Call 999 now</h1>" in page
    assert 'href="tel:999"' in page and "West Midlands Police" in page
    assert "How to refer" not in page and "Your answers" not in page and "024 7678 8555" not in page
    page = html(client.get("/ready-to-refer/warwickshire/result/?danger=yes"))
    assert "Call 999 now" in page and "Warwickshire police" in page and "01926 414144" not in page


@pytest.mark.parametrize("level", ["1", "2", "3"])
def test_coventry_below_level_4_shows_the_early_help_route_and_the_family_hubs(client: Client, level):
    page = html(client.get(f"/ready-to-refer/coventry/result/?danger=no&level={level}"))
    assert "what to do instead" in page and "This checklist is for Level 4 - Statutory Intervention." in page
    assert "Source: Right help, right time, Section 4: Responding to identified need" in page
    assert "/contacts/family-hubs/coventry/" in page
    assert "How to refer" not in page


def test_coventry_level_2_route_is_the_actions_table_wording(client: Client):
    page = html(client.get("/ready-to-refer/coventry/result/?danger=no&level=2"))
    assert "Early Help Assessment should be considered, but is not a requirement." in page


def test_not_sure_of_the_level_points_to_the_questionnaire_and_advice(client: Client):
    page = html(client.get("/ready-to-refer/coventry/result/?danger=no&level=unsure"))
    assert "Work out the level of need first" in page
    assert 'href="/which-level/"' in page and "For advice from a social worker" in page


def test_warwickshire_immediate_protection_skips_consent_and_reaches_ready(client: Client):
    response = client.get("/ready-to-refer/warwickshire/level/?danger=no&level=4&answered=level")
    assert response["Location"] == "/ready-to-refer/warwickshire/ready/?danger=no&level=4"
    page = html(client.get(response["Location"]))
    assert "<h1 class=\"govuk-fieldset__heading\">Before calling Family Connect</h1>" in page
    assert "Gather the callers&#x27; details and understand the purpose of their call." in page


def test_warwickshire_consent_not_yet_given_is_not_ready_and_says_family_connect_will_coach(client: Client):
    page = html(client.get("/ready-to-refer/warwickshire/result/?danger=no&level=3&family=not_yet&answered=ready"))
    assert "Not ready to refer yet" in page and "9 things still to do" in page
    assert "Family Connect workers will coach professionals in gaining consent" in page
    assert 'href="tel:+441926414144"' in page


def test_print_view_lists_every_tick_as_done_or_still_to_do(client: Client):
    address = url("/ready-to-refer/coventry/result/print/", ("danger", "no"), ("level", "4"), ("family", "yes"), ("tick", MARF_TICKS[0]), ("answered", "ready"))
    response = client.get(address)
    page = html(response)
    assert response.status_code == 200 and "app-print-page" in page
    assert page.count(">Done</strong>") == 1 and page.count(">Still to do</strong>") == 3
    assert "data-print-button hidden" in page and ">Change<" not in page
    assert "024 7678 8555" in page


def test_flow_pages_set_no_cookie_and_store_nothing(client: Client):
    addresses = [
        "/ready-to-refer/", "/ready-to-refer/?area=coventry&level=4", "/ready-to-refer/coventry/danger/",
        "/ready-to-refer/coventry/result/?danger=no&level=4&family=yes&answered=ready",
        "/ready-to-refer/coventry/result/?danger=no&level=99",
    ]
    for address in addresses:
        response = client.get(address)
        assert not response.cookies, address
        assert "Set-Cookie" not in response, address
    assert Session.objects.count() == 0


def test_result_pages_are_served_from_the_page_cache_the_second_time(client: Client):
    address = "/ready-to-refer/warwickshire/result/?danger=no&level=3&family=yes&answered=ready"
    first, second = client.get(address), client.get(address)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content


def test_queries_per_result_page_do_not_grow_with_the_content(client: Client, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        client.get("/ready-to-refer/coventry/result/?danger=no&level=4&family=risk&answered=reasons&answered=ready&nocache=1")
    with django_assert_max_num_queries(12):
        client.get("/ready-to-refer/warwickshire/ready/?danger=no&level=3&family=yes&nocache=1")
