"""This app's read-only JSON API views (conventions: portal/api.py).

- /api/v1/contacts/ and /api/v1/contacts/<id>/: the contacts as this site holds them;
- /api/v1/openreferral/services[/<id>]: the same contacts shaped as Open Referral UK
  (HSDS 3) services, so a council's directory can take them without a custom mapping.

Every response's shape is documented in hubs/openapi.py; tests check one against the other.
"""

import math
import uuid

from django.http import HttpRequest
from django.urls import path

from hubs import now as clock
from hubs import phones, selectors
from hubs.models import Contact
from portal.api import ApiError, api_view, reject_unknown_params, single_param
from portal.content.schema import ID_PATTERN
from thresholds.models import Partnership

# Open Referral ids are UUIDs. They are derived from our stable ids (which never change),
# so each service keeps the same UUID for ever without storing one.
ID_NAMESPACE = uuid.UUID("6f1c3f0e-5d7a-4c1e-9a55-3b8e2f4d9c10")
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
MAX_PER_PAGE = 100


def stable_uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, f"{kind}:{key}"))


def _choice(request: HttpRequest, name: str, allowed: list[str]) -> str | None:
    value = single_param(request, name, max_length=60)
    if value is not None and value not in allowed:
        raise ApiError(f"Unknown {name} '{value}'. Use one of: {', '.join(allowed)}.")
    return value


def _positive_int(request: HttpRequest, name: str, *, default: int, maximum: int | None = None) -> int:
    value = single_param(request, name, max_length=9)
    if value is None:
        return default
    if not value.isdecimal() or int(value) < 1 or (maximum and int(value) > maximum):
        limit = f" and at most {maximum}" if maximum else ""
        raise ApiError(f"The '{name}' parameter must be a whole number of 1 or more{limit}.")
    return int(value)


def _option(option: dict) -> dict:
    key = option.get("key")
    return {"key": int(key) if str(key).isdecimal() else str(key), "label": str(option.get("label") or "")}


# /api/v1/contacts/ -----------------------------------------------------------------------


def contact_json(contact: Contact, titles: dict[str, str]) -> dict:
    hours = selectors.hours_of(contact)
    return {
        "id": contact.key,
        "name": contact.name,
        "area": contact.partnership.slug,
        "area_name": contact.partnership.area,
        "kind": contact.kind,
        "kind_name": contact.get_kind_display(),
        "audience": contact.audience,
        "description": contact.description,
        "phones": [
            {
                "number": phones.display(phone.number),
                "tel": phones.tel(phone.number),
                "label": phone.label or None,
                "options": [_option(option) for option in phone.options],
            }
            for phone in contact.phones.all()
        ],
        "emails": list(contact.emails),
        "websites": [{"url": site["url"], "label": site.get("label") or None} for site in contact.websites],
        "hours": [{"days": rule.day_list, "opens": rule.opens, "closes": rule.closes} for rule in contact.hours.all()],
        "hours_description": ["Every day, 24 hours"] if hours.all_hours else hours.lines,
        "open_all_hours": contact.open_all_hours,
        "hours_note": contact.hours_note or None,
        "hours_published": hours.published,
        "ages": contact.ages or None,
        "source": {"file": contact.source_file, "title": titles.get(contact.source_file, contact.source_file), "section": contact.source_section},
        "page": contact.get_absolute_url(),
    }


@api_view
def contacts_list(request: HttpRequest) -> dict:
    reject_unknown_params(request, {"area", "kind", "audience"})
    areas = list(Partnership.objects.values_list("slug", flat=True))
    filters = {
        "area": _choice(request, "area", areas),
        "kind": _choice(request, "kind", list(Contact.Kind.values)),
        "audience": _choice(request, "audience", list(Contact.Audience.values)),
    }
    rows, titles = selectors.filtered_contacts(**filters), selectors.source_titles()
    return {"count": len(rows), "results": [contact_json(contact, titles) for contact in rows]}


@api_view
def contact_detail(request: HttpRequest, key: str) -> dict:
    reject_unknown_params(request, set())
    # Checked before the query: PostgreSQL rejects some characters (NUL) outright.
    contact = selectors.contacts().filter(key=key).first() if ID_PATTERN.match(key) else None
    if contact is None:
        raise ApiError(f"No contact has the id '{key[:100]}'.", status=404)
    return contact_json(contact, selectors.source_titles())


# /api/v1/openreferral/services -----------------------------------------------------------


def _schedule(contact: Contact, suffix: str, *, days: list[str] | None = None, opens: str = "", closes: str = "", description: str) -> dict:
    weekly = days is not None
    return {
        "id": stable_uuid("schedule", f"{contact.key}:{suffix}"),
        "freq": "WEEKLY" if weekly else None,
        "interval": 1 if weekly else None,
        "byday": ",".join(BYDAY[day] for day in days) if weekly else None,
        "opens_at": f"{opens}:00" if weekly else None,
        "closes_at": f"{closes}:00" if weekly else None,
        "description": description,
        "notes": (contact.hours_note or None) if weekly else None,
    }


def _schedules(contact: Contact) -> list[dict]:
    """One weekly schedule per opening rule (UK time); a 24-hour service is every day, all
    day; hours given only in words become a schedule with just those words."""
    rules = [(rule.day_list, rule.opens, rule.closes) for rule in contact.hours.all()]
    if contact.open_all_hours and not rules:
        rules = [(list(BYDAY), "00:00", "24:00")]
    schedules = [
        _schedule(
            contact, str(index), days=days, opens=opens, closes=closes,
            description=clock.describe_rules([clock.Rule(tuple(days), opens, closes)])[0] + " (UK time)",
        )
        for index, (days, opens, closes) in enumerate(rules)
    ]
    if not schedules and contact.hours_note:
        schedules = [_schedule(contact, "note", description=contact.hours_note)]
    return schedules


def _phone_description(phone) -> str | None:
    """The label and menu options in words: "Option 1: For existing cases; ..."."""
    options = [f"Option {o['key']}: {o['label']}" for o in map(_option, phone.options)]
    return "; ".join(filter(None, [phone.label, *options])) or None


def service_json(contact: Contact) -> dict:
    partnership = contact.partnership
    return {
        "id": stable_uuid("service", contact.key),
        "name": contact.name,
        "description": contact.description,
        "url": contact.websites[0]["url"] if contact.websites else None,
        "email": contact.emails[0] if contact.emails else None,
        "status": "active",
        "eligibility_description": contact.ages or None,
        "minimum_age": None,
        "maximum_age": None,
        "organization": {
            "id": stable_uuid("organization", partnership.slug),
            "name": partnership.name,
            "description": (
                f"Publishes the safeguarding guidance for {partnership.area} that lists this service; "
                "it may not be the organisation that runs it."
            ),
            "website": None,
            "email": None,
        },
        "contacts": [
            {"id": stable_uuid("contact", f"{contact.key}:{email}"), "name": contact.name, "title": None, "email": email}
            for email in contact.emails
        ],
        "phones": [
            {
                "id": stable_uuid("phone", f"{contact.key}:{index}"),
                "number": phones.display(phone.number),
                "extension": None,
                "description": _phone_description(phone),
            }
            for index, phone in enumerate(contact.phones.all())
        ],
        "schedules": _schedules(contact),
        "service_areas": [
            {
                "id": stable_uuid("service_area", partnership.slug),
                "name": partnership.area,
                "description": None,
                "extent": None,
                "extent_type": None,
                "uri": None,
            }
        ],
    }


@api_view
def services_list(request: HttpRequest) -> dict:
    reject_unknown_params(request, {"page", "per_page"})
    page = _positive_int(request, "page", default=1)
    per_page = _positive_int(request, "per_page", default=50, maximum=MAX_PER_PAGE)
    rows = selectors.filtered_contacts()
    total_pages = max(1, math.ceil(len(rows) / per_page))
    contents = rows[(page - 1) * per_page : page * per_page]
    return {
        "total_items": len(rows),
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": [service_json(contact) for contact in contents],
    }


@api_view
def service_detail(request: HttpRequest, service_id: str) -> dict:
    """By its UUID, or by our stable id (the same id as /api/v1/contacts/<id>/)."""
    reject_unknown_params(request, set())
    keys = Contact.objects.values_list("key", flat=True)
    key = next((k for k in keys if service_id in (k, stable_uuid("service", k))), None)
    if key is not None:
        return service_json(selectors.contacts().get(key=key))
    raise ApiError(f"No service has the id '{service_id[:100]}'.", status=404)


api_urlpatterns = [
    path("contacts/", contacts_list, name="contacts"),
    path("contacts/<str:key>/", contact_detail, name="contact"),
    path("openreferral/services", services_list, name="openreferral_services"),
    path("openreferral/services/<str:service_id>", service_detail, name="openreferral_service"),
]
