"""The page shell in a real browser: accessibility, Exit this page, no JavaScript."""

from tests.browser.conftest import PHONE, PageChecker, check_page_everywhere

NEUTRAL = "https://www.bbc.co.uk/weather"


def test_home_page_is_accessible_at_phone_and_desktop_widths_and_without_javascript(browser, site_url):
    check_page_everywhere(browser, site_url + "/")


def test_static_pages_are_accessible(browser, site_url):
    for path in ("/accessibility/", "/privacy/", "/sources/"):
        check_page_everywhere(browser, site_url + path)


def _neutral_page(route):
    route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>")


def test_exit_this_page_button_leaves_the_site(page, site_url):
    checker = PageChecker(page)
    page.route(NEUTRAL + "**", _neutral_page)
    checker.visit(site_url + "/", width=PHONE)
    page.get_by_role("button", name="Exit this page").click()
    page.wait_for_url(NEUTRAL + "**")
    assert page.url.startswith(NEUTRAL)


def test_exit_this_page_keyboard_shortcut_leaves_the_site(page, site_url):
    page.route(NEUTRAL + "**", _neutral_page)
    page.goto(site_url + "/privacy/")
    page.locator("body").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL + "**", timeout=5000)
    assert page.url.startswith(NEUTRAL)


def test_skip_link_is_the_first_thing_a_keyboard_reaches(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"


def test_home_page_works_without_javascript(no_js_page, site_url):
    response = no_js_page.goto(site_url + "/")
    assert response.status == 200
    assert no_js_page.get_by_role("link", name="Help for families in Coventry").is_visible()
    assert no_js_page.get_by_role("button", name="Exit this page").is_visible()
