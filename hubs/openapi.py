"""This app's part of the OpenAPI document (see portal/openapi.py).

The schemas are strict (every field required, no others allowed) so that a response that
drifts from them fails the tests (tests/hubs/test_api.py) and a schemathesis run.
"""

import re

from django.conf import settings

from hubs.models import DAYS, Contact

ERROR = {"description": "Bad request: `detail` says what to change.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
NOT_FOUND = {"description": "No such item.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _ok(name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(name)}}}


def _object(properties: dict) -> dict:
    return {"type": "object", "required": list(properties), "additionalProperties": False, "properties": properties}


STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
NULLABLE_INTEGER = {"type": "integer", "nullable": True}
HHMM = {"type": "string", "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"}
HHMMSS = {"type": "string", "nullable": True, "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]:00|24:00:00)$", "description": "UK time (Europe/London); 24:00:00 is midnight at the end of the day."}


def _areas_in_content_files() -> list[str]:
    """The partnerships the content files in fixtures/ give contacts for, read from the files
    (not the database: the document must build before any database exists, as when a test
    collects it). The API itself checks `area` against the database."""
    areas = []
    for path in sorted((settings.BASE_DIR / "fixtures").glob("*.yaml")):
        head = path.read_text(encoding="utf-8")[:2000]
        kind, area = re.search(r"^kind: (\S+)", head, re.M), re.search(r"^partnership: ([a-z0-9-]+)\s*$", head, re.M)
        if kind and kind.group(1) == "contacts" and area:
            areas.append(area.group(1))
    return sorted(set(areas))


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _path_id(description: str) -> dict:
    return {"name": "id", "in": "path", "required": True, "description": description, "schema": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,100}$"}}


CONTACT_FILTERS = [
    _query("area", "A partnership's slug. An unknown area is a 400.", {"type": "string", "enum": _areas_in_content_files()}),
    _query("kind", "What kind of contact.", {"type": "string", "enum": list(Contact.Kind.values)}),
    _query(
        "audience",
        "Who it is for. `families` and `practitioners` include contacts for both; `both` only those for both.",
        {"type": "string", "enum": list(Contact.Audience.values)},
    ),
]

PATHS = {
    "/api/v1/contacts/": {
        "get": {
            "summary": "Contacts: front doors, out-of-hours teams, Family Hubs, helplines",
            "description": "Every contact in the guidance, in area order then document order. Each parameter may be given once; unknown parameters are a 400.",
            "operationId": "listContacts",
            "tags": ["contacts"],
            "parameters": CONTACT_FILTERS,
            "responses": {"200": _ok("ContactList", "The matching contacts."), "400": ERROR},
        }
    },
    "/api/v1/contacts/{id}/": {
        "get": {
            "summary": "One contact by its stable id",
            "operationId": "getContact",
            "tags": ["contacts"],
            "parameters": [_path_id("The contact's stable id, e.g. `cov-edt`.")],
            "responses": {"200": _ok("Contact", "The contact."), "400": ERROR, "404": NOT_FOUND},
        }
    },
    "/api/v1/openreferral/services": {
        "get": {
            "summary": "The contacts as Open Referral UK services (paginated)",
            "description": "Shaped like the Open Referral UK (HSDS 3) `/services` listing, with each service fully nested.",
            "operationId": "listOpenReferralServices",
            "tags": ["open referral"],
            "parameters": [
                _query("page", "Page number, from 1. A page past the last is empty.", {"type": "integer", "minimum": 1, "maximum": 999999999}),
                _query("per_page", "Services per page (1 to 100, default 50).", {"type": "integer", "minimum": 1, "maximum": 100}),
            ],
            "responses": {"200": _ok("OpenReferralServicePage", "A page of services."), "400": ERROR},
        }
    },
    "/api/v1/openreferral/services/{id}": {
        "get": {
            "summary": "One Open Referral UK service",
            "operationId": "getOpenReferralService",
            "tags": ["open referral"],
            "parameters": [_path_id("The service's UUID, or the contact's stable id (e.g. `cov-edt`).")],
            "responses": {"200": _ok("OpenReferralService", "The service, fully nested."), "400": ERROR, "404": NOT_FOUND},
        }
    },
}

SCHEMAS = {
    "ContactPhone": _object(
        {
            "number": {"type": "string", "description": "As the British write it, e.g. 024 7678 8555."},
            "tel": {"type": "string", "pattern": "^tel:\\+?[0-9]+$", "description": "A tel: link, international form for UK numbers."},
            "label": NULLABLE_STRING,
            "options": {
                "type": "array",
                "description": "The phone menu's options, e.g. 3: To make a referral.",
                "items": _object({"key": {"oneOf": [{"type": "integer"}, {"type": "string"}]}, "label": STRING}),
            },
        }
    ),
    "Contact": _object(
        {
            "id": {"type": "string", "description": "Stable id; never changes."},
            "name": STRING,
            "area": {"type": "string", "description": "The partnership's slug."},
            "area_name": STRING,
            "kind": {"type": "string", "enum": list(Contact.Kind.values)},
            "kind_name": STRING,
            "audience": {"type": "string", "enum": list(Contact.Audience.values)},
            "description": {"type": "string", "description": "The document's words (paragraphs separated by blank lines, bullets as '- ')."},
            "phones": {"type": "array", "items": _ref("ContactPhone")},
            "emails": {"type": "array", "items": STRING},
            "websites": {"type": "array", "items": _object({"url": STRING, "label": NULLABLE_STRING})},
            "hours": {
                "type": "array",
                "description": "Weekly opening rules in UK time (Europe/London).",
                "items": _object({"days": {"type": "array", "items": {"type": "string", "enum": DAYS}}, "opens": HHMM, "closes": HHMM}),
            },
            "hours_description": {"type": "array", "items": STRING, "description": "The rules in words."},
            "open_all_hours": {"type": "boolean"},
            "hours_note": {**NULLABLE_STRING, "description": "The document's own words about hours."},
            "hours_published": {"type": "boolean", "description": "False when the guidance gives no hours at all."},
            "ages": NULLABLE_STRING,
            "source": _object({"file": STRING, "title": STRING, "section": STRING}),
            "page": {"type": "string", "description": "This contact's page on the site (a path)."},
        }
    ),
    "ContactList": _object({"count": {"type": "integer", "minimum": 0}, "results": {"type": "array", "items": _ref("Contact")}}),
    "OpenReferralOrganization": _object(
        {"id": {"type": "string", "format": "uuid"}, "name": STRING, "description": STRING, "website": NULLABLE_STRING, "email": NULLABLE_STRING}
    ),
    "OpenReferralContact": _object({"id": {"type": "string", "format": "uuid"}, "name": STRING, "title": NULLABLE_STRING, "email": NULLABLE_STRING}),
    "OpenReferralPhone": _object(
        {"id": {"type": "string", "format": "uuid"}, "number": STRING, "extension": NULLABLE_STRING, "description": NULLABLE_STRING}
    ),
    "OpenReferralSchedule": _object(
        {
            "id": {"type": "string", "format": "uuid"},
            "freq": {"type": "string", "enum": ["WEEKLY"], "nullable": True},
            "interval": NULLABLE_INTEGER,
            "byday": {"type": "string", "nullable": True, "pattern": "^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$"},
            "opens_at": HHMMSS,
            "closes_at": HHMMSS,
            "description": NULLABLE_STRING,
            "notes": NULLABLE_STRING,
        }
    ),
    "OpenReferralServiceArea": _object(
        {"id": {"type": "string", "format": "uuid"}, "name": STRING, "description": NULLABLE_STRING, "extent": NULLABLE_STRING, "extent_type": NULLABLE_STRING, "uri": NULLABLE_STRING}
    ),
    "OpenReferralService": _object(
        {
            "id": {"type": "string", "format": "uuid"},
            "name": STRING,
            "description": STRING,
            "url": NULLABLE_STRING,
            "email": NULLABLE_STRING,
            "status": {"type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]},
            "eligibility_description": NULLABLE_STRING,
            "minimum_age": NULLABLE_INTEGER,
            "maximum_age": NULLABLE_INTEGER,
            "organization": _ref("OpenReferralOrganization"),
            "contacts": {"type": "array", "items": _ref("OpenReferralContact")},
            "phones": {"type": "array", "items": _ref("OpenReferralPhone")},
            "schedules": {"type": "array", "items": _ref("OpenReferralSchedule")},
            "service_areas": {"type": "array", "items": _ref("OpenReferralServiceArea")},
        }
    ),
    "OpenReferralServicePage": _object(
        {
            "total_items": {"type": "integer", "minimum": 0},
            "total_pages": {"type": "integer", "minimum": 1},
            "page_number": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 0},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array", "items": _ref("OpenReferralService")},
        }
    ),
}
