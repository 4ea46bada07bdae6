"""Ready to refer? in a real browser: keyboard and no-JavaScript runs, axe on every step, print."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, PageChecker, axe_violations, check_page_everywhere

pytestmark = pytest.mark.django_db

MARF_READY = (
    "/ready-to-refer/coventry/result/?danger=no&level=4&family=yes&tick=cov-marf-contact-details-checked"
    "&tick=cov-marf-evidence-attached&tick=cov-marf-names-checked&tick=cov-marf-same-day&answered=ready"
)
STEPS = [
    "/ready-to-refer/",
    "/ready-to-refer/coventry/danger/",
    "/ready-to-refer/coventry/level/?danger=no",
    "/ready-to-refer/coventry/family/?danger=no&level=4",
    "/ready-to-refer/coventry/reasons/?danger=no&level=4&family=risk",
    "/ready-to-refer/coventry/ready/?danger=no&level=4&family=yes",
    "/ready-to-refer/warwickshire/family/?danger=no&level=3",
    "/ready-to-refer/warwickshire/ready/?danger=no&level=3&family=yes",
]
RESULTS = [
    MARF_READY,
    "/ready-to-refer/coventry/result/?danger=no&level=4&family=not_yet&answered=ready",
    "/ready-to-refer/warwickshire/result/?danger=no&level=3&family=risk&tick=war-fc-history&answered=ready",
    "/ready-to-refer/coventry/result/?danger=yes",
    "/ready-to-refer/warwickshire/result/?danger=yes",
    "/ready-to-refer/coventry/result/?danger=no&level=2",
    "/ready-to-refer/warwickshire/result/?danger=no&level=1",
    "/ready-to-refer/coventry/result/?danger=no&level=unsure",
    "/ready-to-refer/coventry/result/print/?danger=no&level=4&family=yes&answered=ready",
]
GUIDANCE = [
    f"/ready-to-refer/{area}/{topic}/"
    for area in ("coventry", "warwickshire")
    for topic in ("consent", "after-you-refer", "information-sharing")
] + ["/ready-to-refer/warwickshire/pathway-to-change/"]
ERRORS = [
    "/ready-to-refer/?answered=area",
    "/ready-to-refer/coventry/danger/?answered=danger",
    "/ready-to-refer/coventry/level/?danger=no&answered=level",
    "/ready-to-refer/warwickshire/family/?danger=no&level=2&answered=family",
    "/ready-to-refer/coventry/result/?danger=no&level=9",
]


def check_pages(browser, site_url: str, paths: list[str], *, status: int = 200) -> None:
    """check_page_everywhere for many pages, one browser context per width (much faster):
    axe and console clean at phone and desktop widths, one h1, Exit this page, and the page
    still renders without JavaScript. Every problem on every page is reported at once."""
    problems = []
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        checker = PageChecker(page)
        for path in paths:
            checker.errors.clear()
            response = page.goto(site_url + path)
            where = f"{path} at {viewport['width']}px"
            if response.status != status:
                problems.append(f"{where}: answered {response.status}")
            if page.locator("h1").count() != 1 or page.locator(".govuk-exit-this-page").count() != 1:
                problems.append(f"{where}: needs exactly one h1 and Exit this page")
            if status != 200 and not (page.title().startswith("Error: ") and page.locator(".govuk-error-summary").is_visible()):
                problems.append(f"{where}: an error page needs 'Error: ' in its title and an error summary")
            problems += [f"{where}: {violation}" for violation in axe_violations(page)]
            problems += [f"{where}: console: {error}" for error in checker.errors]
        context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in paths:
        response = page.goto(site_url + path)
        heading = page.locator("h1")
        if response.status != status or heading.count() != 1 or not heading.inner_text().strip():
            problems.append(f"{path} without JavaScript: answered {response.status} or has no heading")
    context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("paths", [STEPS, RESULTS, GUIDANCE], ids=["steps", "results", "guidance"])
def test_every_step_result_and_guidance_page_is_accessible_everywhere(browser, site_url, paths):
    check_pages(browser, site_url, paths)


def test_every_error_state_is_accessible_and_says_error(browser, site_url):
    check_pages(browser, site_url, ERRORS, status=400)


def test_the_start_page_passes_the_standard_page_checks(browser, site_url):
    check_page_everywhere(browser, site_url + "/ready-to-refer/")


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Presses Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_run_through_the_coventry_marf_checklist(page, site_url):
    checker = PageChecker(page)
    checker.visit(site_url + "/ready-to-refer/")
    tab_to(page, "input[name=area]")
    page.keyboard.press("Space")
    assert page.locator("#id_area_1").is_checked()
    tab_to(page, "button.govuk-button--start")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/danger/**")
    checker.assert_clean()

    tab_to(page, "input[name=danger]")
    page.keyboard.press("ArrowDown")  # from Yes to No
    assert page.get_by_label("No", exact=True).is_checked()
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/level/**")
    checker.assert_clean()

    tab_to(page, "input[name=level]")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert page.get_by_label("Level 4 - Statutory Intervention").is_checked()
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/family/**")

    tab_to(page, "input[name=family]")
    page.keyboard.press("ArrowDown")  # No, because doing so would increase the risk to the child
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/reasons/**")
    checker.assert_clean()
    tab_to(page, "input[name=tick]")
    page.keyboard.press("Space")
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/ready/**")

    for _ in range(4):
        tab_to(page, "input[name=tick]:not(:checked)")
        page.keyboard.press("Space")
    assert page.locator("input[name=tick]:checked").count() == 4
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/result/**")
    assert page.locator("h1").inner_text().strip() == "Ready to refer"
    assert page.get_by_role("link", name="024 7678 8555").first.get_attribute("href") == "tel:+442476788555"
    checker.assert_clean()


def test_keyboard_user_who_skips_the_recorded_reasons_is_not_ready(page, site_url):
    page.goto(site_url + "/ready-to-refer/coventry/reasons/?danger=no&level=4&family=risk")
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/ready/**")
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/coventry/result/**")
    assert page.locator("h1").inner_text().strip() == "Not ready to refer yet"
    assert "recorded in the child's file with reasons, dated and signed" in page.locator(".app-missing").inner_text()


def test_no_javascript_run_through_the_warwickshire_family_connect_call(no_js_page, site_url):
    page = no_js_page
    assert page.goto(site_url + "/ready-to-refer/").status == 200
    page.get_by_label("Warwickshire").check()
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/warwickshire/danger/**")
    page.get_by_role("button", name="Continue").click()  # nothing chosen: an error, not a crash
    assert page.locator(".govuk-error-summary").is_visible()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Family Help", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/warwickshire/family/**")
    page.get_by_label("Not yet").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/warwickshire/ready/**")
    for box in page.locator("input[name=tick]").all():
        box.check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/warwickshire/result/**")
    assert page.locator("h1").inner_text().strip() == "Not ready to refer yet"
    assert "Family Connect workers will coach professionals in gaining consent" in page.locator(".app-missing").inner_text()
    page.get_by_role("link", name="Change your answer about the family").click()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/warwickshire/result/**")
    assert page.locator("h1").inner_text().strip() == "Ready to refer"
    assert page.get_by_role("link", name="01926 414144").first.is_visible()
    assert page.locator("[data-print-button]").is_hidden()  # printing needs JavaScript: the button stays hidden


def test_the_print_view_prints_only_the_checklist(page, site_url):
    checker = PageChecker(page)
    checker.visit(site_url + "/ready-to-refer/coventry/result/print/?danger=no&level=4&family=yes&tick=cov-marf-same-day&answered=ready")
    assert page.locator("[data-print-button]").is_visible()
    page.emulate_media(media="print")
    for chrome in (".govuk-exit-this-page", ".govuk-service-navigation", ".govuk-footer", ".govuk-phase-banner", "[data-print-button]"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator("h1").is_visible()
    assert page.locator(".app-print-checklist li").count() == 4
    assert page.get_by_text("Still to do", exact=True).count() == 3
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
    checker.assert_clean()


def test_the_worksheet_prints_its_boxes_on_a_new_page(page, site_url):
    page.goto(site_url + "/ready-to-refer/warwickshire/pathway-to-change/")
    page.emulate_media(media="print")
    assert page.locator(".app-writing-box").first.is_visible()
    assert page.locator(".app-worksheet__start").evaluate("(e) => getComputedStyle(e).breakBefore") == "page"
    assert page.locator(".govuk-breadcrumbs").is_hidden()
