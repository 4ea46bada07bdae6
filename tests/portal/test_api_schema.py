"""Schemathesis against /api/v1/openapi.json: no 5xx, declared status codes, responses that
match the schema, 405 with Allow for methods the API does not have."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Like Django's test client: the app must not close the test's database connection at
    the end of each request (on PostgreSQL that would end the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate(
        # The in-process WSGI client does not undo gzip, as a real HTTP client would.
        headers={"Accept-Encoding": "identity"},
        # These two judge which values a schema can express: an indicator id that does not
        # exist is well-formed but still a 400, and an empty filter is read as no filter.
        excluded_checks=[positive_data_acceptance, negative_data_rejection],
    )
