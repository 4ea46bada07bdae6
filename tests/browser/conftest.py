"""The browser harness every page test reuses: axe-core, console errors, phone and desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

_axe = Axe()


def axe_violations(page) -> list[str]:
    """Every WCAG 2.2 A/AA violation axe-core finds on the page, as readable lines."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        found.append(f"{violation['id']}: {violation['help']} ({targets})")
    return found


class PageChecker:
    """Collects console errors and uncaught exceptions while a test drives the page."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # An error page (a 400 for bad input, say) is answered with its status on purpose;
        # Chromium logs that as a failed load of the document itself, which is not a fault.
        if message.text.startswith("Failed to load resource") and message.location.get("url") == self.page.url:
            return
        self.errors.append(f"{message.text} ({message.location.get('url')})")

    def visit(self, url: str, *, width: dict = DESKTOP):
        self.page.set_viewport_size(width)
        response = self.page.goto(url)
        assert response is not None and response.status < 400, f"{url} answered {response.status if response else 'nothing'}"
        return response

    def assert_clean(self) -> None:
        """No axe violations and no console errors on the current page."""
        violations = axe_violations(self.page)
        assert violations == [], "\n".join(violations)
        assert self.errors == [], "\n".join(self.errors)


@pytest.fixture
def checker(page):
    return PageChecker(page)


@pytest.fixture
def no_js_page(browser):
    """A page in a browser context with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def check_page_everywhere(browser, url: str) -> None:
    """The standard checks for a public page: axe and console clean at phone and desktop
    widths with JavaScript, and the page still renders its main heading without JavaScript.
    """
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        checker = PageChecker(page)
        checker.visit(url, width=viewport)
        assert page.locator("h1").count() == 1, f"{url} should have exactly one h1"
        assert page.locator(".govuk-exit-this-page").count() == 1, f"{url} has no Exit this page button"
        checker.assert_clean()
        context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    response = page.goto(url)
    assert response.status == 200
    assert page.locator("h1").inner_text().strip()
    context.close()
