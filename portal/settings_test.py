"""Settings for the test suite: the production settings with test-only defaults.

`DATABASE_URL` still chooses the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret-" + "x" * 40)
os.environ.setdefault("CACHE_URL", "locmem://")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from portal.settings import *  # noqa: E402,F403

# Tests render pages without running collectstatic first.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATIC_ROOT = None  # tests serve static files from their sources (finders), not collectstatic
WHITENOISE_USE_FINDERS = True
