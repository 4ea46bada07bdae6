"""The contacts API and its Open Referral UK-shaped twin: shapes match the OpenAPI document,
filters work, and every bad request gets a clear JSON `detail`, never a 500 or an HTML page."""

import uuid

import pytest
from django.test import Client

from hubs.api import stable_uuid
from hubs.models import Contact
from portal.openapi import document
from tests.hubs.schema_check import problems

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def spec():
    return document()


def response_schema(spec: dict, path: str, status: int) -> dict:
    return spec["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]


def get_json(client: Client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code} {response.content[:200]!r}"
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def conforms(spec: dict, path: str, status: int, data) -> None:
    found = problems(data, response_schema(spec, path, status), spec["components"]["schemas"])
    assert found == [], "\n".join(found[:20])


# /api/v1/contacts/


def test_contacts_list_matches_its_schema_and_has_every_contact(client: Client, spec):
    data = get_json(client, "/api/v1/contacts/")
    conforms(spec, "/api/v1/contacts/", 200, data)
    assert data["count"] == len(data["results"]) == Contact.objects.count()
    assert [c["area"] for c in data["results"]] == sorted(c["area"] for c in data["results"])  # grouped by area


def test_a_contact_in_the_api_carries_its_phones_options_hours_and_source(client: Client, spec):
    data = get_json(client, "/api/v1/contacts/")
    by_id = {c["id"]: c for c in data["results"]}
    mash = by_id["cov-social-care"]
    assert mash["phones"] == [
        {
            "number": "024 7678 8555",
            "tel": "tel:+442476788555",
            "label": None,
            "options": [
                {"key": 1, "label": "For existing cases"},
                {"key": 2, "label": "For advice from a social worker"},
                {"key": 3, "label": "To make a referral"},
                {"key": 4, "label": "Any other enquiry"},
            ],
        }
    ]
    assert mash["source"] == {"file": "001_0047487914b27ebb.txt", "title": "Right help, right time", "section": "Section 10: Useful contacts"}
    assert mash["page"] == "/contacts/cov-social-care/" and mash["hours_published"] is False
    edt = by_id["cov-edt"]
    assert {"days": ["fri"], "opens": "16:30", "closes": "24:00"} in edt["hours"]
    assert edt["hours_description"] == ["Monday to Thursday, 5pm to 8:30am the next day", "Friday 4:30pm to Monday 8:30am"]
    assert by_id["cov-nspcc"]["hours_description"] == ["Every day, 24 hours"]
    fis = by_id["war-fis"]
    assert fis["emails"] == ["fis@warwickshire.gov.uk"] and fis["ages"] == "0-25" and fis["hours_note"] == "Monday - Friday, 9am - 5pm"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("area=warwickshire", {"war-family-connect", "war-family-network-service", "war-fis", "war-children-family-centres"}),
        ("kind=out_of_hours", {"cov-edt"}),
        ("area=coventry&kind=front_door", {"cov-social-care"}),
        ("area=warwickshire&audience=families", {"war-family-connect", "war-fis", "war-children-family-centres"}),
        ("audience=practitioners&area=warwickshire", {"war-family-connect", "war-family-network-service"}),
        ("audience=both&area=warwickshire", {"war-family-connect"}),
        ("kind=information_service&area=coventry", set()),
        ("area=&kind=", None),  # empty values are no filter
    ],
)
def test_contacts_filters(client: Client, spec, query, expected):
    data = get_json(client, f"/api/v1/contacts/?{query}")
    conforms(spec, "/api/v1/contacts/", 200, data)
    ids = {c["id"] for c in data["results"]}
    assert ids == (expected if expected is not None else set(Contact.objects.values_list("key", flat=True)))


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("area=birmingham", "Unknown area 'birmingham'. Use one of: coventry, warwickshire."),
        ("kind=plumber", "Unknown kind 'plumber'. Use one of: front_door, out_of_hours, family_hub, information_service, helpline, emergency, service."),
        ("audience=everyone", "Unknown audience 'everyone'. Use one of: families, practitioners, both."),
        ("area=coventry&area=warwickshire", "Give the 'area' parameter at most once."),
        ("kind=helpline&kind=helpline", "Give the 'kind' parameter at most once."),
        ("colour=blue", "Unknown parameter(s): colour. Allowed: area, audience, kind."),
        ("area=" + "x" * 61, "The 'area' parameter must be at most 60 characters."),
        ("area=%00", "Unknown area '\x00'. Use one of: coventry, warwickshire."),
    ],
)
def test_contacts_bad_requests_get_a_clear_detail(client: Client, spec, query, detail):
    data = get_json(client, f"/api/v1/contacts/?{query}", status=400)
    conforms(spec, "/api/v1/contacts/", 400, data)
    assert data == {"detail": detail}


def test_one_contact_by_id(client: Client, spec):
    data = get_json(client, "/api/v1/contacts/war-fis/")
    conforms(spec, "/api/v1/contacts/{id}/", 200, data)
    assert data["name"] == "Warwickshire Family Information Service (FIS)"


@pytest.mark.parametrize("key", ["no-such-contact", "X", "cov%00edt", "%C3%A9t%C3%A9"])
def test_unknown_contact_is_a_json_404(client: Client, spec, key):
    data = get_json(client, f"/api/v1/contacts/{key}/", status=404)
    conforms(spec, "/api/v1/contacts/{id}/", 404, data)
    assert data["detail"].startswith("No contact has the id")


def test_api_is_read_only(client: Client):
    response = client.post("/api/v1/contacts/")
    assert response.status_code == 405 and response.json() == {"detail": "This API is read-only: use GET."}


# /api/v1/openreferral/services


def test_services_page_matches_its_schema_and_the_open_referral_page_shape(client: Client, spec):
    data = get_json(client, "/api/v1/openreferral/services")
    conforms(spec, "/api/v1/openreferral/services", 200, data)
    total = Contact.objects.count()
    assert (data["total_items"], data["total_pages"], data["page_number"], data["size"]) == (total, 1, 1, total)
    assert data["first_page"] and data["last_page"] and not data["empty"]


def test_services_paginate(client: Client, spec):
    total = Contact.objects.count()
    first = get_json(client, "/api/v1/openreferral/services?per_page=5")
    last = get_json(client, f"/api/v1/openreferral/services?per_page=5&page={-(-total // 5)}")
    beyond = get_json(client, "/api/v1/openreferral/services?per_page=5&page=99")
    for data in (first, last, beyond):
        conforms(spec, "/api/v1/openreferral/services", 200, data)
    assert first["size"] == 5 and first["first_page"] and not first["last_page"] and first["total_pages"] == -(-total // 5)
    assert last["last_page"] and last["size"] == total - 5 * (first["total_pages"] - 1)
    assert beyond["empty"] and beyond["contents"] == [] and beyond["page_number"] == 99
    every = [s["id"] for p in range(1, first["total_pages"] + 1) for s in get_json(client, f"/api/v1/openreferral/services?per_page=5&page={p}")["contents"]]
    assert len(every) == len(set(every)) == total


def test_a_service_is_fully_nested(client: Client, spec):
    edt = get_json(client, f"/api/v1/openreferral/services/{stable_uuid('service', 'cov-edt')}")
    conforms(spec, "/api/v1/openreferral/services/{id}", 200, edt)
    assert uuid.UUID(edt["id"]) and edt["status"] == "active"
    assert edt["organization"]["name"] == "Coventry Safeguarding Children Partnership"
    assert edt["service_areas"][0]["name"] == "Coventry"
    assert edt["phones"][0]["number"] == "024 7683 2222"
    friday = next(s for s in edt["schedules"] if s["byday"] == "FR" and s["opens_at"] == "16:30:00")
    assert (friday["freq"], friday["interval"], friday["closes_at"]) == ("WEEKLY", 1, "24:00:00")
    assert {s["byday"] for s in edt["schedules"]} == {"MO,TU,WE,TH", "TU,WE,TH,FR", "FR", "SA,SU", "MO"}

    mash = get_json(client, "/api/v1/openreferral/services/cov-social-care")  # our stable id works too
    assert mash["phones"][0]["description"] == (
        "Option 1: For existing cases; Option 2: For advice from a social worker; Option 3: To make a referral; Option 4: Any other enquiry"
    )
    assert mash["schedules"] == []  # the guidance gives no hours: none invented

    fis = get_json(client, "/api/v1/openreferral/services/war-fis")
    conforms(spec, "/api/v1/openreferral/services/{id}", 200, fis)
    assert fis["email"] == "fis@warwickshire.gov.uk" and fis["contacts"][0]["email"] == "fis@warwickshire.gov.uk"
    assert fis["url"] == "https://www.warwickshire.gov.uk/fis" and fis["eligibility_description"] == "0-25"
    assert fis["schedules"][0]["byday"] == "MO,TU,WE,TH,FR" and fis["schedules"][0]["notes"] == "Monday - Friday, 9am - 5pm"

    nspcc = get_json(client, "/api/v1/openreferral/services/cov-nspcc")
    assert nspcc["schedules"][0]["byday"] == "MO,TU,WE,TH,FR,SA,SU" and nspcc["schedules"][0]["closes_at"] == "24:00:00"


def test_service_ids_are_stable_uuids():
    assert stable_uuid("service", "cov-edt") == stable_uuid("service", "cov-edt")
    assert stable_uuid("service", "cov-edt") != stable_uuid("service", "cov-nspcc")
    assert str(uuid.UUID(stable_uuid("service", "cov-edt"))) == stable_uuid("service", "cov-edt")


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("page=0", "The 'page' parameter must be a whole number of 1 or more."),
        ("page=-1", "The 'page' parameter must be a whole number of 1 or more."),
        ("page=two", "The 'page' parameter must be a whole number of 1 or more."),
        ("page=1.5", "The 'page' parameter must be a whole number of 1 or more."),
        ("per_page=101", "The 'per_page' parameter must be a whole number of 1 or more and at most 100."),
        ("per_page=0", "The 'per_page' parameter must be a whole number of 1 or more and at most 100."),
        ("page=1&page=2", "Give the 'page' parameter at most once."),
        ("page=1234567890", "The 'page' parameter must be at most 9 characters."),
        ("search=hub", "Unknown parameter(s): search. Allowed: page, per_page."),
    ],
)
def test_services_bad_requests_get_a_clear_detail(client: Client, spec, query, detail):
    data = get_json(client, f"/api/v1/openreferral/services?{query}", status=400)
    conforms(spec, "/api/v1/openreferral/services", 400, data)
    assert data == {"detail": detail}


@pytest.mark.parametrize("query", ["page=%C2%B2", "per_page=%E2%91%A0", "page=1%C2%B2"])
def test_services_page_that_is_a_digit_but_not_a_number_is_a_400_not_a_500(client: Client, spec, query):
    # str.isdigit() is true for superscripts and circled digits, which int() refuses.
    data = get_json(client, f"/api/v1/openreferral/services?{query}", status=400)
    conforms(spec, "/api/v1/openreferral/services", 400, data)
    assert "must be a whole number of 1 or more" in data["detail"]


@pytest.mark.parametrize("service_id", ["00000000-0000-0000-0000-000000000000", "nope", "cov-edt%00", "x" * 150])
def test_unknown_service_is_a_json_404(client: Client, spec, service_id):
    data = get_json(client, f"/api/v1/openreferral/services/{service_id}", status=404)
    conforms(spec, "/api/v1/openreferral/services/{id}", 404, data)
    assert data["detail"].startswith("No service has the id")


def test_detail_endpoints_reject_unknown_parameters(client: Client):
    assert get_json(client, "/api/v1/openreferral/services/cov-edt?full=true", status=400)["detail"].startswith("Unknown parameter(s): full.")
    assert get_json(client, "/api/v1/contacts/cov-edt/?x=1", status=400)["detail"].startswith("Unknown parameter(s): x.")


def test_openapi_documents_every_contacts_path_and_its_errors(spec):
    for path, codes in {
        "/api/v1/contacts/": {"200", "400"},
        "/api/v1/contacts/{id}/": {"200", "400", "404"},
        "/api/v1/openreferral/services": {"200", "400"},
        "/api/v1/openreferral/services/{id}": {"200", "400", "404"},
    }.items():
        assert set(spec["paths"][path]["get"]["responses"]) == codes, path
    schemas = spec["components"]["schemas"]
    refs = {v.rsplit("/", 1)[-1] for v in _refs(spec)}
    assert refs <= set(schemas), refs - set(schemas)


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_openapi_is_served(client: Client):
    data = get_json(client, "/api/v1/openapi.json")
    assert "/api/v1/openreferral/services/{id}" in data["paths"]


def test_the_schema_check_catches_a_response_that_drifts(client: Client, spec):
    contact = get_json(client, "/api/v1/contacts/cov-edt/")
    schemas = spec["components"]["schemas"]
    assert problems(contact, {"$ref": "#/components/schemas/Contact"}, schemas) == []
    drifted = {**contact, "extra": 1, "open_all_hours": "no", "phones": [{**contact["phones"][0], "tel": "024"}]}
    del drifted["source"]
    found = problems(drifted, {"$ref": "#/components/schemas/Contact"}, schemas)
    assert any("unexpected 'extra'" in p for p in found) and any("missing 'source'" in p for p in found)
    assert any("open_all_hours" in p for p in found) and any("tel" in p for p in found)


def test_documented_areas_are_the_areas_with_contacts(spec):
    from thresholds.models import Partnership

    area = next(p for p in spec["paths"]["/api/v1/contacts/"]["get"]["parameters"] if p["name"] == "area")
    with_contacts = Partnership.objects.filter(contacts__isnull=False).distinct().values_list("slug", flat=True)
    assert area["schema"]["enum"] == sorted(with_contacts)


def test_hours_in_words_only_and_odd_menu_keys_still_match_the_schema(client: Client, spec):
    """What a lead might enter in the admin: hours as words without rules, a menu key typed as text."""
    hub = Contact.objects.get(key="cov-hub-moat")
    hub.hours_note = "Ring for opening times"
    hub.save()
    phone = hub.phones.get()
    phone.options = [{"key": "1", "label": "Reception"}, {"key": "#", "label": "Repeat"}]
    phone.save()
    service = get_json(client, "/api/v1/openreferral/services/cov-hub-moat")
    conforms(spec, "/api/v1/openreferral/services/{id}", 200, service)
    assert service["schedules"] == [
        {"id": stable_uuid("schedule", "cov-hub-moat:note"), "freq": None, "interval": None, "byday": None,
         "opens_at": None, "closes_at": None, "description": "Ring for opening times", "notes": None}
    ]  # fmt: skip
    assert service["phones"][0]["description"] == "Option 1: Reception; Option #: Repeat"
    contact = get_json(client, "/api/v1/contacts/cov-hub-moat/")
    conforms(spec, "/api/v1/contacts/{id}/", 200, contact)
    assert contact["phones"][0]["options"] == [{"key": 1, "label": "Reception"}, {"key": "#", "label": "Repeat"}]
