"""The site's own pages, the health check, error pages and the settings guard."""

import os
import subprocess
import sys
from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import Client

from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def test_home_sends_each_user_to_each_area(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for area in ("Coventry", "Warwickshire"):
        assert f"Help for families in {area}" in html
        assert f"{area} need table" in html
    assert "If a child is in immediate danger you should contact the police and/or ambulance on" in html


def test_every_public_page_has_exit_this_page_and_the_admin_does_not(client: Client):
    for url in ("/", "/accessibility/", "/privacy/", "/sources/", "/no-such-page/"):
        html = client.get(url).content.decode()
        assert 'data-module="govuk-exit-this-page"' in html, url
    admin = client.get("/admin/login/").content.decode()
    assert "govuk-exit-this-page" not in admin


def test_privacy_notice_says_nothing_is_stored_about_visitors(client: Client):
    html = client.get("/privacy/").content.decode()
    assert "does not collect or keep anything about the people who use its public pages" in html
    assert "We do not set cookies on public pages." in html


def test_sources_page_lists_every_source_file(client: Client):
    html = client.get("/sources/").content.decode()
    for name in ("000_5cb4bff4e5d3f4b4.txt", "001_0047487914b27ebb.txt", "004_a77ff966f8bc743f.txt"):
        assert name in html


def test_healthz_answers_200_when_the_database_answers(client: Client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_does_not(client: Client):
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_unknown_page_gets_the_custom_404_in_the_site_shell(client: Client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "govuk-footer" in html


def test_server_error_page_is_in_the_site_shell(rf):
    from portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html and "govuk-footer" in html


def test_site_refuses_to_start_without_secret_key_when_debug_is_off():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env.update(DEBUG="false", DJANGO_SETTINGS_MODULE="portal.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_security_headers_on_public_pages(client: Client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_set_no_cookies(client: Client):
    for url in ("/", "/thresholds/", "/privacy/"):
        response = client.get(url)
        assert not response.cookies, url
