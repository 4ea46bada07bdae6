"""Contacts files <-> database rows (see docs/content-format.md, `kind: contacts`)."""

from hubs.models import DAYS, CallRota, Contact, OpeningRule, Phone
from portal.content.schema import SOURCE, choice, flag, list_of, mapping, number, stable_id, text, time
from portal.content.sync import Sync
from portal.content.yamlfile import ContentFile, Problem
from thresholds.content import clean, source_of
from thresholds.models import Partnership

CONTACTS_SCHEMA = mapping(
    {
        "kind": choice("contacts"),
        "partnership": stable_id(),
        "right_now": mapping(
            {
                "emergency": stable_id().optional(),
                "office_hours": stable_id(),
                "out_of_hours": stable_id().optional(),
                "bank_holidays_are_out_of_hours": flag(),
            }
        ).optional(),
        "contacts": list_of(
            mapping(
                {
                    "id": stable_id(),
                    "name": text(200),
                    "kind": choice(*Contact.Kind.values),
                    "audience": choice(*Contact.Audience.values),
                    "description": text().optional(),
                    "phones": list_of(
                        mapping(
                            {
                                "number": text(30),
                                "label": text(100).optional(),
                                "options": list_of(mapping({"key": number(), "label": text(200)})).optional(),
                            }
                        )
                    ).optional(),
                    "emails": list_of(text(200)).optional(),
                    "websites": list_of(mapping({"url": text(300), "label": text(200).optional()})).optional(),
                    "hours": list_of(mapping({"days": list_of(choice(*DAYS)), "opens": time(), "closes": time()})).optional(),
                    "open_all_hours": flag().optional(),
                    "hours_note": text().optional(),
                    "ages": text(200).optional(),
                    "editorial_levels": list_of(number()).optional(),
                    "source": SOURCE,
                }
            )
        ),
    }
)

PHONE_CHARACTERS = set("0123456789 +")


def check_contacts_references(file: ContentFile, partnerships: set[str]) -> list[Problem]:
    data = file.data
    problems = []
    if data["partnership"] not in partnerships:
        problems.append(file.problem(("partnership",), f"partnership '{data['partnership']}' is not defined by any framework file or in the database"))
    ids = {contact["id"] for contact in data["contacts"]}
    # An id already used by another partnership's contact would silently move that contact.
    owners = dict(Contact.objects.filter(key__in=ids).exclude(partnership__slug=data["partnership"]).values_list("key", "partnership__slug"))
    for index, contact in enumerate(data["contacts"]):
        if contact["id"] in owners:
            problems.append(file.problem(("contacts", index, "id"), f"the id '{contact['id']}' already belongs to a contact of the '{owners[contact['id']]}' partnership; ids must be unique across all files"))
    for role, value in (data.get("right_now") or {}).items():
        if isinstance(value, str) and value not in ids:
            problems.append(file.problem(("right_now", role), f"'{value}' is not one of the contacts in this file"))
    for index, contact in enumerate(data["contacts"]):
        for phone_index, phone in enumerate(contact.get("phones") or []):
            if not set(phone["number"]) <= PHONE_CHARACTERS or sum(c.isdigit() for c in phone["number"]) < 3:
                problems.append(file.problem(("contacts", index, "phones", phone_index, "number"), f"'{phone['number']}' is not a phone number (digits and spaces only)"))
        for rule_index, rule in enumerate(contact.get("hours") or []):
            if rule["opens"] >= rule["closes"]:
                problems.append(file.problem(("contacts", index, "hours", rule_index), f"opens ({rule['opens']}) must be before closes ({rule['closes']}); split a period that runs past midnight into two"))
        for email_index, email in enumerate(contact.get("emails") or []):
            if "@" not in email or " " in email.strip():
                problems.append(file.problem(("contacts", index, "emails", email_index), f"'{email}' is not an email address"))
        for site_index, site in enumerate(contact.get("websites") or []):
            if not site["url"].startswith("https://"):
                problems.append(file.problem(("contacts", index, "websites", site_index, "url"), f"'{site['url']}' must start with https://"))
    return problems


def contact_record(contact: Contact) -> dict:
    return {
        "id": contact.key,
        "name": contact.name,
        "kind": contact.kind,
        "audience": contact.audience,
        "description": clean(contact.description),
        "phones": [{"number": p.number, "label": clean(p.label), "options": list(p.options)} for p in contact.phones.all()],
        "emails": list(contact.emails),
        "websites": [{"url": w["url"], "label": clean(w.get("label"))} for w in contact.websites],
        "hours": [{"days": rule.day_list, "opens": rule.opens, "closes": rule.closes} for rule in contact.hours.all()],
        "open_all_hours": contact.open_all_hours,
        "hours_note": clean(contact.hours_note),
        "ages": clean(contact.ages),
        "editorial_levels": list(contact.editorial_levels),
        "source": source_of(contact),
    }


def rota_record(rota: CallRota) -> dict:
    return {
        "emergency": rota.emergency.key if rota.emergency_id else None,
        "office_hours": rota.office_hours.key,
        "out_of_hours": rota.out_of_hours.key if rota.out_of_hours_id else None,
        "bank_holidays_are_out_of_hours": rota.bank_holidays_are_out_of_hours,
    }


def normalise_contact(entry: dict) -> dict:
    return {
        "id": entry["id"],
        "name": clean(entry["name"]),
        "kind": entry["kind"],
        "audience": entry["audience"],
        "description": clean(entry.get("description")),
        "phones": [
            {"number": p["number"].strip(), "label": clean(p.get("label")), "options": [dict(o) for o in p.get("options") or []]}
            for p in entry.get("phones") or []
        ],
        "emails": [e.strip() for e in entry.get("emails") or []],
        "websites": [{"url": w["url"].strip(), "label": clean(w.get("label"))} for w in entry.get("websites") or []],
        "hours": [{"days": list(h["days"]), "opens": h["opens"], "closes": h["closes"]} for h in entry.get("hours") or []],
        "open_all_hours": bool(entry.get("open_all_hours", False)),
        "hours_note": clean(entry.get("hours_note")),
        "ages": clean(entry.get("ages")),
        "editorial_levels": sorted(entry.get("editorial_levels") or []),
        "source": dict(entry["source"]),
    }


def sync_contacts(data: dict, sync: Sync) -> None:
    partnership = Partnership.objects.get(slug=data["partnership"])
    for order, entry in enumerate(normalise_contact(e) for e in data["contacts"]):
        def write(row, entry=entry, order=order):
            row.partnership, row.order = partnership, order
            row.name, row.kind, row.audience = entry["name"], entry["kind"], entry["audience"]
            row.description, row.emails = entry["description"] or "", entry["emails"]
            row.websites = [{"url": w["url"], "label": w["label"]} for w in entry["websites"]]
            row.open_all_hours, row.hours_note, row.ages = entry["open_all_hours"], entry["hours_note"] or "", entry["ages"] or ""
            row.editorial_levels = entry["editorial_levels"]
            row.source_file, row.source_section = entry["source"]["file"], entry["source"]["section"]
            row.save()
            row.phones.all().delete()
            for index, phone in enumerate(entry["phones"]):
                Phone.objects.create(contact=row, order=index, number=phone["number"], label=phone["label"] or "", options=phone["options"])
            row.hours.all().delete()
            for index, rule in enumerate(entry["hours"]):
                OpeningRule.objects.create(contact=row, order=index, days=",".join(rule["days"]), opens=rule["opens"], closes=rule["closes"])

        sync.upsert(label=f"contact {entry['id']}", model=Contact, lookup={"key": entry["id"]}, record=entry | {"_order": order}, current=lambda r: contact_record(r) | {"_order": r.order}, write=write)

    right_now = data.get("right_now")
    if right_now:
        record = {
            "emergency": right_now.get("emergency"),
            "office_hours": right_now["office_hours"],
            "out_of_hours": right_now.get("out_of_hours"),
            "bank_holidays_are_out_of_hours": right_now["bank_holidays_are_out_of_hours"],
        }

        def write_rota(rota: CallRota) -> None:
            def find(key):
                return Contact.objects.get(key=key) if key else None

            rota.emergency, rota.office_hours = find(record["emergency"]), find(record["office_hours"])
            rota.out_of_hours, rota.bank_holidays_are_out_of_hours = find(record["out_of_hours"]), record["bank_holidays_are_out_of_hours"]
            rota.save()

        sync.upsert(label=f"who to call in {partnership.area}", model=CallRota, lookup={"partnership": partnership}, record=record, current=rota_record, write=write_rota)


def export_contacts(partnership: Partnership) -> dict:
    contacts = partnership.contacts.prefetch_related("phones", "hours")
    data = {"kind": "contacts", "partnership": partnership.slug}
    rota = CallRota.objects.filter(partnership=partnership).first()
    if rota:
        data["right_now"] = rota_record(rota)
    return data | {"contacts": [contact_record(c) for c in contacts]}


def contacts_ids(data: dict) -> list[tuple[tuple, str]]:
    return [(("contacts", index, "id"), contact["id"]) for index, contact in enumerate(data["contacts"])]

