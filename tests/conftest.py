"""Shared test set-up.

- All content from fixtures/ is loaded once into the test database, committed, before any
  test runs. Tests that change content use the `db` fixture (their changes are rolled back);
  avoid `transactional_db`, which would empty the database for the tests after it.
- Browser tests use `site_url`, a real server in a thread over that database, and the
  `page` fixture of pytest-playwright, driving the machine's Chromium.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_FILES = sorted((ROOT / "fixtures").glob("*.yaml"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from portal.content.loader import load

    with django_db_blocker.unblock():
        plan, problems = load(FIXTURE_FILES)
        assert not problems, "\n".join(map(str, problems))


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM)


def pytest_collection_modifyitems(config, items):
    browser_tests = [item for item in items if {"page", "browser", "site_url"} & set(getattr(item, "fixturenames", ()))]
    for item in browser_tests:
        # pytest-django only creates the test database if a collected test asks for it.
        item.add_marker(pytest.mark.django_db)
    if not browser_tests or chromium_available():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"Chromium is not installed at {CHROMIUM}; CI needs it for the browser tests.")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium); browser test not run")
    for item in browser_tests:
        item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not chromium_available():
        terminalreporter.write_line(
            f"NOTE: Chromium was not found at {CHROMIUM}, so the browser tests were skipped. "
            "Install it with `apt-get install -y chromium` to run them.",
            yellow=True,
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, site_url):
    # Depending on site_url makes the test database and its server exist before Playwright
    # starts its event loop: database connections made inside that loop belong to another
    # context and would not see the test database.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """A real HTTP server for the browser, serving the test database with all content loaded."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    with django_db_blocker.unblock():
        # An in-memory SQLite database exists only on this thread's connection: share it.
        shared = {}
        for conn in connections.all():
            if conn.vendor == "sqlite" and conn.is_in_memory_db():
                conn.inc_thread_sharing()
                shared[conn.alias] = conn
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=shared, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()
