"""Every threshold page type in the browser harness: axe, phone and desktop, no JavaScript."""

import pytest

from tests.browser.conftest import PHONE, PageChecker, check_page_everywhere

PAGES = [
    "/thresholds/",
    "/thresholds/coventry/",
    "/thresholds/warwickshire/",
    "/thresholds/coventry/table/",
    "/thresholds/warwickshire/table/?level=3&domain=war-domain-social-emotional",
    "/thresholds/coventry/table/print/",
    "/thresholds/coventry/levels/4/",
    "/thresholds/warwickshire/levels/2/",
    "/thresholds/coventry/indicators/cov-dev-3-self-harm-suicidal/",
    "/thresholds/warwickshire/indicators/war-ip-4-left-alone/",
    "/for-families/coventry/",
    "/for-families/warwickshire/",
    "/thresholds/crosswalk/",
    "/search/?q=self+harm",
    "/search/?q=zzzz",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_everywhere(browser, site_url, path):
    check_page_everywhere(browser, site_url + path)


def test_error_states_are_accessible(page, site_url):
    checker = PageChecker(page)
    for path in ("/thresholds/coventry/table/?level=9", "/search/?q="):
        page.goto(site_url + path)
        assert page.locator(".govuk-error-summary").is_visible()
        checker.assert_clean()


def test_need_table_stacks_into_sections_on_a_phone(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/thresholds/coventry/table/")
    assert page.locator(".app-need-table thead").evaluate("e => getComputedStyle(e).position") == "absolute"
    label = page.locator(".app-need-table td").first.evaluate("e => getComputedStyle(e, '::before').content")
    assert "Level 1 - Universal" in label
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling


def test_need_table_filter_works_by_keyboard_without_javascript(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + "/thresholds/coventry/table/")
    page.select_option("#id_level", "4")
    page.locator("#id_level").focus()
    page.keyboard.press("Tab")  # to the domain select
    page.keyboard.press("Tab")  # to the button
    page.keyboard.press("Enter")
    page.wait_for_url("**level=4**")
    assert page.get_by_text("Suspected non-accidental injury.").is_visible()
    assert page.get_by_text("Poor supervision of the child.").count() == 0


def test_print_view_prints_on_a4_landscape(page, site_url):
    page.goto(site_url + "/thresholds/coventry/table/print/")
    page.emulate_media(media="print")
    assert page.locator(".govuk-exit-this-page").evaluate("e => getComputedStyle(e).display") == "none"
    pdf = page.pdf(format="A4", landscape=True, prefer_css_page_size=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
