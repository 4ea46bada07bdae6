"""Security and privacy across the whole public site: headers, cookies, third parties, admin."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

START = ["/", "/thresholds/", "/which-level/", "/contacts/", "/ready-to-refer/", "/search/?q=neglect",
         "/which-level/coventry/result/?i=cov-fam-4-fgm", "/accessibility/", "/privacy/", "/sources/"]


class Links(HTMLParser):
    """Collects links to follow and every resource the page would load."""

    def __init__(self):
        super().__init__()
        self.pages: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.pages.append(attrs["href"])
        if tag in ("script", "img", "iframe", "audio", "video", "source") and attrs.get("src"):
            self.resources.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical",):
            self.resources.append(attrs["href"])
        if tag == "form" and attrs.get("action", "").startswith("http"):
            self.resources.append(attrs["action"])


def crawl(client: Client, limit: int = 200) -> dict[str, object]:
    """Every public page reachable from the start pages (same site only, admin and API excluded)."""
    seen: dict[str, object] = {}
    queue = list(START)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = Links()
        parser.feed(response.content.decode())
        response.resources = parser.resources
        for href in parser.pages:
            target = urlparse(urljoin(url, href))
            if target.scheme in ("", "http") and target.netloc in ("", "testserver") and not target.path.startswith(("/admin", "/api", "/static")):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def test_every_public_page_sets_no_cookie_and_loads_nothing_from_another_host(client: Client):
    pages = crawl(client)
    assert len(pages) >= 60, f"only {len(pages)} pages were reached"
    for url, response in pages.items():
        assert response.status_code < 500, url
        assert not response.cookies, f"{url} sets a cookie"
        for resource in getattr(response, "resources", []):
            host = urlparse(resource).netloc
            assert host in ("", "testserver"), f"{url} loads {resource} from another host"


def test_every_public_page_has_the_security_headers(client: Client):
    for url, response in crawl(client, limit=80).items():
        csp = response["Content-Security-Policy"]
        assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp.split("style-src")[0], url
        assert "'unsafe-eval'" not in csp and "frame-ancestors 'none'" in csp, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] in ("no-referrer", "same-origin"), url
        assert "geolocation=()" in response["Permissions-Policy"], url
        assert response["X-Frame-Options"] == "DENY", url


def test_pages_have_no_inline_scripts(client: Client):
    for url, response in crawl(client, limit=80).items():
        if "text/html" in response.get("Content-Type", ""):
            html = response.content.decode()
            assert "<script>" not in html and "onclick=" not in html and "javascript:" not in html, url


def test_production_settings_turn_on_https_protections():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import django, os; os.environ.update(DJANGO_SETTINGS_MODULE='portal.settings', DEBUG='false', SECRET_KEY='x'*50, "
            "ALLOWED_HOSTS='portal.example.org'); django.setup(); from django.conf import settings as s; "
            "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY)")
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")}
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert output == ["True", "31536000", "True", "True", "True"]


def test_admin_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_admin_is_only_for_staff(client: Client):
    user = get_user_model().objects.create_user("visitor", password="a long password for tests")
    client.force_login(user)
    response = client.get("/admin/thresholds/indicator/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_weak_admin_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password", "12345678901234", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple 42")
