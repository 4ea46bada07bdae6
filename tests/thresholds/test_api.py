"""The read-only JSON API: frameworks, search, the OpenAPI document and errors."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_frameworks_list(client: Client):
    response = client.get("/api/v1/frameworks/")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert [(f["slug"], f["name"], f["area"]) for f in data] == [
        ("coventry", "Right Help, Right Time", "Coventry"),
        ("warwickshire", "Spectrum of Support", "Warwickshire"),
    ]
    assert data[0]["url"].endswith("/api/v1/frameworks/coventry/")


def test_framework_detail_has_levels_domains_and_indicators(client: Client):
    data = client.get("/api/v1/frameworks/warwickshire/").json()
    assert [level["number"] for level in data["levels"]] == [1, 2, 3, 4]
    assert data["levels"][3]["name"] == "Family Help - immediate protection"
    assert len(data["domains"]) == 10 and len(data["indicators"]) == 129
    indicator = next(i for i in data["indicators"] if i["id"] == "war-health-1-registered-gp")
    assert indicator == {
        "id": "war-health-1-registered-gp",
        "text": "Registered with a GP.",
        "level": 1,
        "domain": "Health",
        "domain_id": "war-domain-health",
        "parent": None,
        "source": {"file": "004_a77ff966f8bc743f.txt", "section": "Indicators of possible need – Universal: Health"},
        "html_url": "http://testserver/thresholds/warwickshire/indicators/war-health-1-registered-gp/",
    }
    assert any(i["domain"] is None for i in data["indicators"])  # immediate protection


def test_unknown_framework_is_404_json(client: Client):
    response = client.get("/api/v1/frameworks/mars/")
    assert response.status_code == 404 and "No framework with the slug 'mars'" in response.json()["detail"]


def test_unknown_api_address_is_404_json(client: Client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and "detail" in response.json()


def test_search_api_gives_the_same_results_as_the_page(client: Client):
    data = client.get("/api/v1/search", {"q": "self-harm", "framework": "coventry"}).json()
    page = client.get("/search/", {"q": "self-harm", "framework": "coventry"}).content.decode()
    assert data["count"] == len(data["results"]) > 0
    assert f"{data['count']} result" in page
    for result in data["results"]:
        assert result["html_url"].replace("http://testserver", "") in page


@pytest.mark.parametrize(
    "params, detail",
    [
        ({}, "The 'q' parameter is required."),
        ({"q": "?!"}, "letters or numbers"),
        ({"q": ["a", "b"]}, "at most once"),
        ({"q": "harm", "framework": "mars"}, "Unknown framework"),
        ({"q": "harm", "level": "x"}, "level number"),
        ({"q": "harm", "level": "nine"}, "at most 3 characters"),
        ({"q": "harm", "domain": "nowhere"}, "Unknown domain"),
        ({"q": "harm", "sort": "asc"}, "Unknown parameter(s): sort"),
        ({"q": "x" * 201}, "at most 200 characters"),
    ],
)
def test_search_api_errors(client: Client, params, detail):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400 and detail in response.json()["detail"]


@pytest.mark.parametrize("level", ["\u00b2", "\u2460", "1\u00b2"])
def test_search_api_level_that_is_a_digit_but_not_a_number_is_a_400_not_a_500(client: Client, level):
    # str.isdigit() is true for superscripts and circled digits, which int() refuses.
    response = client.get("/api/v1/search", {"q": "harm", "level": level})
    assert response.status_code == 400 and "level number" in response.json()["detail"]


def test_cors_preflight_and_read_only(client: Client):
    response = client.options("/api/v1/frameworks/")
    assert response.status_code == 204 and response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.delete("/api/v1/frameworks/").status_code == 405


def test_openapi_document_describes_every_endpoint(client: Client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    for path in ("/api/v1/frameworks/", "/api/v1/frameworks/{slug}/", "/api/v1/search", "/api/v1/assess"):
        assert path in document["paths"], path
