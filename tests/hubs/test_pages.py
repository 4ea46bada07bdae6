"""The contacts directory, the contact pages and the Family Hubs pages (server-rendered HTML)."""

import html as htmllib
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hubs.models import Contact
from hubs.selectors import source_titles
from tests.hubs.conftest import uk

pytestmark = pytest.mark.django_db


def page(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return response.content.decode()


def contact_names(html: str) -> list[str]:
    return [htmllib.unescape(n) for n in re.findall(r'<h[2-4] class="govuk-heading-m[^"]*"><a class="govuk-link" href="/contacts/[^"]+/">([^<]+)</a>', html)]


# The directory


def test_directory_lists_every_contact_grouped_by_area_with_click_to_call(client: Client):
    html = page(client, "/contacts/")
    assert len(contact_names(html)) == Contact.objects.count()
    assert html.index('id="area-coventry"') < html.index('id="area-warwickshire"')
    coventry_part = html[html.index('id="area-coventry"') : html.index('id="area-warwickshire"')]
    assert "Harmony Hub" in coventry_part and "Family Connect Warwickshire" not in coventry_part
    for link in ("tel:+442476788555", "tel:+442476832222", "tel:+441926414144", "tel:+448004081558", "tel:999"):
        assert f'href="{link}"' in html
    assert 'href="mailto:fis@warwickshire.gov.uk"' in html
    assert "Option 3: To make a referral" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("area=warwickshire", {"Family Connect Warwickshire", "Warwickshire Family Network Service", "Warwickshire Family Information Service (FIS)", "Children and Family Centres"}),
        ("area=coventry&kind=front_door", {"Children's Social Care and Early Help (Multi-Agency Safeguarding Hub)"}),
        ("kind=out_of_hours", {"Emergency Out of Hours Duty Team (EDT)"}),
        ("area=warwickshire&audience=practitioners", {"Family Connect Warwickshire", "Warwickshire Family Network Service"}),
        ("area=warwickshire&audience=families", {"Family Connect Warwickshire", "Warwickshire Family Information Service (FIS)", "Children and Family Centres"}),
        ("kind=helpline&audience=families", {"NSPCC National Helpline"}),
        ("kind=information_service&area=coventry", set()),
    ],
)
def test_directory_filters(client: Client, query, expected):
    html = page(client, f"/contacts/?{query}")
    assert set(contact_names(html)) == expected
    assert "Show all contacts" in html
    if not expected:
        assert "No contacts match these filters." in html


def test_empty_filters_show_everything(client: Client):
    html = page(client, "/contacts/?area=&kind=&audience=")
    assert len(contact_names(html)) == Contact.objects.count()


def test_directory_form_keeps_the_chosen_filters(client: Client):
    html = page(client, "/contacts/?area=coventry&kind=family_hub")
    assert re.search(r'<option value="coventry" selected>', html)
    assert re.search(r'<option value="family_hub" selected>', html)
    assert '<details class="govuk-details" open>' in html  # the filters stay open when used


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("area=birmingham", "Choose an area from the list"),
        ("kind=plumber", "Choose a type of contact from the list"),
        ("audience=everyone", "Choose who the contact is for from the list"),
        ("area=%00", "Choose an area from the list"),
        ("area=coventry&area=<script>", "Choose an area from the list"),
    ],
)
def test_bad_filters_get_an_error_summary_and_a_400_not_a_500(client: Client, query, message):
    html = page(client, f"/contacts/?{query}", status=400)
    assert "<title>Error: Contacts" in html
    assert "govuk-error-summary" in html and message in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]  # never echoed unescaped


def test_a_bad_filter_still_applies_the_good_ones(client: Client):
    html = page(client, "/contacts/?area=warwickshire&kind=plumber", status=400)
    assert set(contact_names(html)) == {"Family Connect Warwickshire", "Warwickshire Family Network Service", "Warwickshire Family Information Service (FIS)", "Children and Family Centres"}


def test_error_pages_are_not_cached(client: Client):
    client.get("/contacts/?area=birmingham")
    assert "X-Page-Cache" not in client.get("/contacts/?area=birmingham")


def test_directory_queries_do_not_grow_with_the_content(client: Client):
    with CaptureQueriesContext(connection) as all_areas:
        page(client, "/contacts/")
    Contact.objects.filter(key="cov-nspcc").delete()  # rolled back after the test
    cache.clear()  # so /contacts/ is built again, not served from the cache
    with CaptureQueriesContext(connection) as fewer:
        page(client, "/contacts/")
    assert len(fewer) == len(all_areas) <= 25


# A page per contact


def test_contact_page_has_everything_the_document_gives(client: Client, frozen_at):
    frozen_at(uk(2026, 4, 14, 10, 0))
    html = page(client, "/contacts/cov-social-care/")
    assert "<h1 class=\"govuk-heading-l\">Children&#x27;s Social Care and Early Help (Multi-Agency Safeguarding Hub)</h1>" in html
    assert 'href="tel:+442476788555"' in html and ">024 7678 8555</a>" in html
    assert [f"Option {n}" in html for n in range(1, 5)] == [True] * 4
    assert "Coventry operates one central number for all issues relating to children&#x27;s social care and early help." in html
    assert "Source: Right help, right time, Section 10: Useful contacts." in html
    assert "Families and practitioners." in html
    # A front door: who to call right now, and its number is not repeated in the panel.
    assert "Who to call right now" in html and "This is the number to call now." in html
    assert "The guidance this site is built from does not publish opening hours for this service." in html
    assert "Monday to Thursday, 8:30am to 5pm; Friday, 8:30am to 4:30pm, except bank holidays." in html


def test_out_of_hours_team_page_shows_its_hours_as_rules_and_in_the_documents_words(client: Client, frozen_at):
    frozen_at(uk(2026, 4, 18, 12, 0))  # Saturday: the EDT is the one to call
    html = page(client, "/contacts/cov-edt/")
    assert "<li>Monday to Thursday, 5pm to 8:30am the next day</li>" in html
    assert "<li>Friday 4:30pm to Monday 8:30am</li>" in html
    assert "The guidance says: “Coventry offers an emergency social care service between 5pm and 8.30am" in html
    assert "This is the number to call now." in html


def test_information_service_page_has_email_web_hours_and_ages(client: Client):
    html = page(client, "/contacts/war-fis/")
    assert 'href="mailto:fis@warwickshire.gov.uk"' in html
    assert 'href="https://www.warwickshire.gov.uk/fis"' in html
    assert "<li>Monday to Friday, 9am to 5pm</li>" in html and "“Monday - Friday, 9am - 5pm”" in html
    assert "Ages: 0-25." in html and "Freephone" in html
    assert "Who to call right now" not in html  # not a front door


def test_warwickshire_front_door_says_its_hours_are_not_published(client: Client):
    html = page(client, "/contacts/war-family-connect/")
    assert "Who to call right now" in html
    assert "does not publish this number’s opening hours, or an out-of-hours number for Warwickshire" in html
    assert "does not publish opening hours for this service" in html
    assert "Source: Spectrum of Support, Family Connect." in html


def test_contact_without_a_phone_number_says_so(client: Client):
    html = page(client, "/contacts/war-children-family-centres/")
    assert "does not give a phone number" in html
    assert 'href="https://www.warwickshire.gov.uk/childrenandfamilycentres"' in html


def test_unknown_contact_is_a_404(client: Client):
    page(client, "/contacts/no-such-contact/", status=404)


def test_every_contact_page_renders(client: Client):
    for key in Contact.objects.values_list("key", flat=True):
        html = page(client, f"/contacts/{key}/")
        assert "Source:" in html and "Opening hours" in html, key


# Family Hubs pages


def quoted(html: str) -> list[tuple[str, str]]:
    """(source file, text) for every element the page marks as a quotation, leaf by leaf."""
    found = []
    for _, file, inner in re.findall(r'<(p|li|div)[^>]*data-quote="([^"]+)"[^>]*>(.*?)</\1>', html, flags=re.S):
        for leaf in re.findall(r"<(?:p|li)[^>]*>(.*?)</(?:p|li)>", inner, flags=re.S) or [inner]:
            text = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", leaf))).strip()
            if text:
                found.append((file, text))
    return found


@pytest.mark.parametrize(("slug", "least"), [("coventry", 10), ("warwickshire", 3)])
def test_family_hub_pages_quote_their_sources_word_for_word(client: Client, slug, least):
    html = page(client, f"/contacts/family-hubs/{slug}/")
    quotes = quoted(html)
    assert len(quotes) >= least
    for file, text in quotes:
        source = re.sub(r"\s+", " ", (settings.SOURCE_DOCUMENTS_DIR / file).read_text(encoding="utf-8").replace("**", ""))
        assert text in source, f"not word for word in {file}: {text!r}"
    titles = source_titles()
    for file in {file for file, _ in quotes}:
        assert f"Source: {htmllib.escape(titles[file], quote=True)}" in html, f"no source line for {file}"


def test_coventry_family_hubs_page_explains_and_lists_all_eight_with_big_call_links(client: Client):
    html = page(client, "/contacts/family-hubs/coventry/")
    assert "<h1 class=\"govuk-heading-xl\">Family Hubs in Coventry</h1>" in html
    assert "A Family Hub is a system-wide model of providing high-quality, joined-up, whole-family support services." in html
    assert "aged 0 - 19 years (up to age 24 where a young person has a disability)" in html
    assert "Source: Early Help Strategy, Family Hubs and Start for Life Programme" in html
    calls = re.findall(r'class="govuk-link app-tel__link" href="(tel:[^"]+)"', html)
    assert len(calls) == 8 and len(set(calls)) == 8


def test_warwickshire_family_centres_page_points_to_the_web_and_the_information_service(client: Client):
    html = page(client, "/contacts/family-hubs/warwickshire/")
    assert "<h1 class=\"govuk-heading-xl\">Children and family centres in Warwickshire</h1>" in html
    assert "Services are on offer at 14 children and family centres and outreach venues in Warwickshire." in html
    assert "The guidance does not give a phone number." in html
    assert ">www.warwickshire.gov.uk/childrenandfamilycentres</a>" in html
    assert 'class="govuk-link app-tel__link" href="tel:+448004081558"' in html  # the Family Information Service
    assert "Open: Monday - Friday, 9am - 5pm" in html


def test_unknown_area_family_hubs_page_is_a_404(client: Client):
    page(client, "/contacts/family-hubs/birmingham/", status=404)


def test_home_page_links_to_the_family_hubs_pages_and_directory(client: Client):
    html = page(client, "/")
    assert 'href="/contacts/family-hubs/coventry/"' in html and 'href="/contacts/family-hubs/warwickshire/"' in html
    assert "Who to call right now" in html


def test_right_now_panel_follows_the_filters(client: Client):
    assert "Who to call right now" in page(client, "/contacts/?kind=front_door")
    assert "Who to call right now" not in page(client, "/contacts/?kind=family_hub")
    assert "Who to call right now" not in page(client, "/contacts/?audience=families")
    only_warwickshire = page(client, "/contacts/?area=warwickshire")
    panel = only_warwickshire.split('id="right-now-heading"', 1)[1].split("</section>", 1)[0]
    assert "Family Connect Warwickshire" in panel and "Coventry" not in panel


def test_a_front_door_without_published_hours_never_claims_to_be_open_now(client: Client, frozen_at):
    frozen_at(uk(2026, 4, 18, 3, 0))  # 3am on a Saturday
    html = page(client, "/contacts/war-family-connect/")
    assert "This is the number to call." in html and "This is the number to call now." not in html
