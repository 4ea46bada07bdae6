"""The contacts pages in a real browser: axe at phone and desktop widths, no JavaScript,
and click-to-call links a thumb can hit."""

import re

import pytest

from tests.browser.conftest import PHONE, PageChecker, axe_violations, check_page_everywhere

PAGES = [
    "/contacts/",
    "/contacts/?area=coventry&kind=front_door",
    "/contacts/cov-social-care/",
    "/contacts/cov-edt/",
    "/contacts/war-fis/",
    "/contacts/war-children-family-centres/",
    "/contacts/family-hubs/coventry/",
    "/contacts/family-hubs/warwickshire/",
]


@pytest.mark.parametrize("path", PAGES)
def test_contacts_pages_are_accessible_everywhere(browser, site_url, path):
    check_page_everywhere(browser, site_url + path)


@pytest.mark.parametrize("path", ["/contacts/", "/contacts/cov-social-care/", "/contacts/family-hubs/coventry/", "/contacts/family-hubs/warwickshire/"])
def test_on_a_phone_the_numbers_are_big_tel_links_and_nothing_scrolls_sideways(page, site_url, path):
    checker = PageChecker(page)
    checker.visit(site_url + path, width=PHONE)
    calls = page.locator("a.app-tel__link[href^='tel:']")
    assert calls.count() >= 1
    first = calls.first
    assert first.is_visible()
    assert re.fullmatch(r"tel:(\+44\d{10}|999)", first.get_attribute("href"))
    box = first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # WCAG 2.5.5 target size
    assert page.evaluate(WIDER_THAN_SCREEN) == []


# Visible elements reaching past the right edge (GOV.UK's 1px visually-hidden text does not count).
WIDER_THAN_SCREEN = """[...document.querySelectorAll('main *')]
  .filter(e => !e.closest('.govuk-visually-hidden') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map(e => e.tagName + '.' + e.className)"""


def test_family_hub_numbers_are_the_first_thing_after_the_explanation_by_keyboard(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/contacts/family-hubs/coventry/")
    page.get_by_role("link", name="Skip to the Family Hub phone numbers").click()
    assert page.url.endswith("#call")
    assert page.get_by_role("link", name=re.compile(r"Call The Moat Family Hub on 024 7678 5621")).is_visible()


def test_directory_filters_work_without_javascript(no_js_page, site_url):
    no_js_page.set_viewport_size(PHONE)
    response = no_js_page.goto(site_url + "/contacts/")
    assert response.status == 200
    no_js_page.get_by_text("Filter by area, type and who it is for").click()  # <details> opens natively
    no_js_page.get_by_label("Area").select_option("warwickshire")
    no_js_page.get_by_label("Who it is for").select_option("practitioners")
    no_js_page.get_by_role("button", name="Show contacts").click()
    no_js_page.wait_for_url("**area=warwickshire**")
    assert "audience=practitioners" in no_js_page.url
    assert no_js_page.get_by_role("heading", name="2 contacts match your filters").is_visible()
    assert no_js_page.locator("a[href='tel:+441926414147']").first.is_visible()


def test_a_bad_filter_shows_an_accessible_error_summary(page, site_url):
    page.set_viewport_size(PHONE)
    response = page.goto(site_url + "/contacts/?area=birmingham")
    assert response.status == 400
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible() and "Choose an area from the list" in summary.inner_text()
    assert axe_violations(page) == []


def test_contact_page_calls_with_a_tel_link_without_javascript(no_js_page, site_url):
    no_js_page.goto(site_url + "/contacts/war-fis/")
    link = no_js_page.get_by_role("link", name=re.compile("Call Warwickshire Family Information Service"))
    assert link.get_attribute("href") == "tel:+448004081558"
    assert no_js_page.get_by_role("link", name="fis@warwickshire.gov.uk").get_attribute("href") == "mailto:fis@warwickshire.gov.uk"
