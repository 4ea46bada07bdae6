"""The whole "Which level?" flow in the browser: by keyboard, without JavaScript, axe on every step."""

from tests.browser.conftest import PHONE, PageChecker


def answer_by_keyboard(page, label: str) -> None:
    page.get_by_label(label, exact=True).focus()
    page.keyboard.press("Space")


def submit_by_keyboard(page) -> None:
    page.get_by_role("button", name="Continue").focus()
    page.keyboard.press("Enter")


def test_whole_flow_by_keyboard_with_axe_on_every_step(page, site_url):
    checker = PageChecker(page)
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/which-level/")
    checker.assert_clean()
    page.get_by_role("button", name="Start now").focus()
    page.keyboard.press("Enter")

    page.wait_for_url("**/which-level/danger/")
    submit_by_keyboard(page)  # no answer: the error state
    page.wait_for_url("**submitted=1**")
    assert page.locator(".govuk-error-summary").is_visible()
    checker.assert_clean()
    answer_by_keyboard(page, "No")
    submit_by_keyboard(page)

    page.wait_for_url("**/which-level/area/")
    checker.assert_clean()
    answer_by_keyboard(page, "Coventry")
    submit_by_keyboard(page)

    page.wait_for_url("**/which-level/coventry/questions/1/")
    checker.assert_clean()
    submit_by_keyboard(page)  # nothing ticked: the error state
    page.wait_for_url("**submitted=1**")
    assert page.locator(".govuk-error-summary").is_visible()
    checker.assert_clean()
    answer_by_keyboard(page, "Unexplained but infrequent absences from school.")
    answer_by_keyboard(page, "Signs that the child is involved in substance misuse.")
    submit_by_keyboard(page)

    page.wait_for_url("**/which-level/coventry/questions/2/**")
    checker.assert_clean()
    answer_by_keyboard(page, "None of these")
    submit_by_keyboard(page)

    page.wait_for_url("**/which-level/coventry/questions/3/**")
    answer_by_keyboard(page, "Family affected by low income or unemployment.")
    submit_by_keyboard(page)

    page.wait_for_url("**/which-level/coventry/check/**")
    checker.assert_clean()
    assert page.get_by_text("None of these").is_visible()
    page.get_by_role("button", name="Get the suggestion").focus()
    page.keyboard.press("Enter")

    page.wait_for_url("**/which-level/coventry/result/**")
    checker.assert_clean()
    assert page.get_by_role("heading", level=1).inner_text() == "Suggested level: Level 3 - Multi-agency Early Help"
    assert page.get_by_role("button", name="Print this result").is_visible()  # shown only with JavaScript
    assert "cov-dev-2-school-absences" in page.url and "none=" not in page.url


def test_none_of_these_unticks_the_others_with_javascript(page, site_url):
    page.goto(site_url + "/which-level/coventry/questions/1/")
    page.get_by_label("Poor attachment.", exact=True).check()
    page.get_by_label("None of these", exact=True).check()
    assert not page.get_by_label("Poor attachment.", exact=True).is_checked()


def test_immediate_danger_goes_straight_to_999(page, site_url):
    checker = PageChecker(page)
    page.goto(site_url + "/which-level/danger/")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/which-level/call-999/")
    checker.assert_clean()
    assert page.get_by_role("heading", level=1).inner_text() == "Call 999 now"
    assert page.locator('a[href="tel:999"]').count() >= 1


def test_flow_works_without_javascript_and_back_links_work(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + "/which-level/area/")
    page.get_by_label("Warwickshire", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/which-level/warwickshire/questions/1/")
    page.get_by_label("The child is missing health appointments, immunisations, and rarely accesses appropriate healthcare services.", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/questions/2/**")
    page.get_by_role("link", name="Back").click()
    page.wait_for_url("**/questions/1/**")
    assert page.get_by_label("The child is missing health appointments, immunisations, and rarely accesses appropriate healthcare services.", exact=True).is_checked()


def test_warwickshire_combination_warning_is_prominent_on_the_result(page, site_url):
    checker = PageChecker(page)
    page.goto(site_url + "/which-level/warwickshire/result/?i=war-health-2-missed-appointments&i=war-housing-2-debt-rent-arrears")
    checker.assert_clean()
    banner = page.locator(".govuk-notification-banner")
    assert banner.is_visible()
    assert "Even a combination of lower-level indicators can raise overall risk" in banner.inner_text()
