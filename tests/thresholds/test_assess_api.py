"""GET /api/v1/assess: the same rules as the pages, and a clear 400 for every bad request."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_assess_returns_level_reasons_and_notes(client: Client):
    response = client.get("/api/v1/assess", {"framework": "coventry", "indicator": ["cov-dev-2-school-absences", "cov-dev-2-substance-misuse", "cov-fam-2-low-income"]})
    assert response.status_code == 200
    data = response.json()
    assert data["level"] == {"number": 3, "name": "Level 3 - Multi-agency Early Help", "summary": "Additional needs meaning poor outcomes are likely"}
    assert {r["id"] for r in data["reasons"]} == {"cov-dev-2-school-absences", "cov-dev-2-substance-misuse", "cov-fam-2-low-income"}
    assert "combination-raised" in {note["rule"] for note in data["notes"]}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_assess_with_no_indicators_suggests_the_first_level(client: Client):
    data = client.get("/api/v1/assess", {"framework": "warwickshire"}).json()
    assert data["level"]["number"] == 1 and data["reasons"] == []


def test_assess_agrees_with_the_result_page(client: Client):
    keys = ["war-health-2-missed-appointments", "war-housing-2-debt-rent-arrears"]
    data = client.get("/api/v1/assess", {"framework": "warwickshire", "indicator": keys}).json()
    page = client.get("/which-level/warwickshire/result/", {"i": keys}).content.decode()
    assert f"Suggested level: {data['level']['name']}" in page
    for note in data["notes"]:
        assert note["text"].replace("'", "&#x27;").replace("“", "“") in page


@pytest.mark.parametrize(
    "params, detail",
    [
        ({}, "The 'framework' parameter is required."),
        ({"framework": "mars"}, "Unknown framework 'mars'"),
        ({"framework": ["coventry", "warwickshire"]}, "at most once"),
        ({"framework": "coventry", "indicator": "nope"}, "Unknown indicator id(s): 'nope'"),
        ({"framework": "coventry", "indicator": "war-health-2-missed-appointments"}, "belong to another framework"),
        ({"framework": "coventry", "indicator": ["cov-fam-4-fgm", "cov-fam-4-fgm"]}, "Give each indicator once"),
        ({"framework": "coventry", "indicator": ""}, "is empty"),
        ({"framework": "coventry", "indicator": [f"x{i}" for i in range(501)]}, "at most 500"),
        ({"framework": "coventry", "colour": "blue"}, "Unknown parameter(s): colour"),
        ({"framework": "x" * 1000}, "at most 60 characters"),
    ],
)
def test_bad_requests_get_400_with_a_clear_detail(client: Client, params, detail):
    response = client.get("/api/v1/assess", params)
    assert response.status_code == 400
    assert detail in response.json()["detail"]


def test_writes_are_refused(client: Client):
    response = client.post("/api/v1/assess", {"framework": "coventry"})
    assert response.status_code == 405 and "read-only" in response.json()["detail"]
