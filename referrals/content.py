"""Checklists and guidance files <-> database rows (docs/content-format.md).

`*_record(row)` is a row's canonical form: exactly what the exporter writes, and what the
importer compares with the file to tell an untouched row from a lead's admin edit.
"""

from hubs.models import Contact
from portal.content.sync import Sync
from referrals.models import Checklist, ChecklistItem, ChecklistOption, GuidancePage, GuidanceSection
from thresholds.content import clean, source_of
from thresholds.models import Partnership


def checklist_record(checklist: Checklist) -> dict:
    return {
        "id": checklist.key,
        "partnership": checklist.partnership.slug,
        "name": checklist.name,
        "intro": clean(checklist.intro),
        "how_to_refer": clean(checklist.how_to_refer),
        "contact": checklist.contact.key if checklist.contact_id else None,
        "contact_option": checklist.contact_option,
        "refer_at_levels": list(checklist.refer_at_levels),
        "source": source_of(checklist),
    }


def option_record(option: ChecklistOption) -> dict:
    source = {"file": option.source_file, "section": option.source_section} if option.source_file else None
    return {"value": option.value, "label": option.label, "then": clean(option.then), "source": source}


def item_record(item: ChecklistItem) -> dict:
    return {
        "id": item.key,
        "role": item.role,
        "question": clean(item.question),
        "text": clean(item.text),
        "why": clean(item.why),
        "group": clean(item.group),
        "only_at_levels": list(item.only_at_levels),
        "options": [option_record(option) for option in item.options.all()],
        "source": source_of(item),
    }


def section_record(section: GuidanceSection) -> dict:
    return {
        "heading": clean(section.heading),
        "group": clean(section.group),
        "body": clean(section.body),
        "space": section.space,
        "source": source_of(section),
    }


def page_record(page: GuidancePage) -> dict:
    return {
        "id": page.key,
        "partnership": page.partnership.slug,
        "topic": page.topic,
        "title": page.title,
        "editorial_note": clean(page.editorial_note),
        "source": source_of(page),
        "sections": [section_record(section) for section in page.sections.all()],
    }


def _source(value) -> dict | None:
    return {"file": value["file"], "section": value["section"]} if value else None


def normalise_item(entry: dict) -> dict:
    return {
        "id": entry["id"],
        "role": entry["role"],
        "question": clean(entry.get("question")),
        "text": clean(entry["text"]),
        "why": clean(entry.get("why")),
        "group": clean(entry.get("group")),
        "only_at_levels": list(entry.get("only_at_levels") or []),
        "options": [
            {"value": o["value"], "label": clean(o["label"]), "then": clean(o.get("then")), "source": _source(o.get("source"))}
            for o in entry.get("options") or []
        ],
        "source": _source(entry["source"]),
    }


def normalise_checklist(entry: dict) -> dict:
    return {
        "id": entry["id"],
        "partnership": entry["partnership"],
        "name": clean(entry["name"]),
        "intro": clean(entry.get("intro")),
        "how_to_refer": clean(entry.get("how_to_refer")),
        "contact": entry.get("contact"),
        "contact_option": entry.get("contact_option"),
        "refer_at_levels": list(entry["refer_at_levels"]),
        "source": _source(entry["source"]),
    }


def normalise_page(entry: dict) -> dict:
    return {
        "id": entry["id"],
        "partnership": entry["partnership"],
        "topic": entry["topic"],
        "title": clean(entry["title"]),
        "editorial_note": clean(entry.get("editorial_note")),
        "source": _source(entry["source"]),
        "sections": [
            {
                "heading": clean(s.get("heading")),
                "group": clean(s.get("group")),
                "body": clean(s.get("body")),
                "space": s.get("space") or GuidanceSection.Space.NONE,
                "source": _source(s["source"]),
            }
            for s in entry["sections"]
        ],
    }


def sync_checklists(data: dict, sync: Sync) -> None:
    for entry in data["checklists"]:
        record = normalise_checklist(entry)

        def write(row: Checklist, record=record) -> None:
            row.partnership = Partnership.objects.get(slug=record["partnership"])
            row.name, row.intro, row.how_to_refer = record["name"], record["intro"] or "", record["how_to_refer"] or ""
            row.contact = Contact.objects.get(key=record["contact"]) if record["contact"] else None
            row.contact_option, row.refer_at_levels = record["contact_option"], record["refer_at_levels"]
            row.source_file, row.source_section = record["source"]["file"], record["source"]["section"]
            row.save()

        checklist = sync.upsert(label=f"checklist {record['id']}", model=Checklist, lookup={"key": record["id"]}, record=record, current=checklist_record, write=write)
        listed = set()
        for order, item in enumerate(normalise_item(i) for i in entry["items"]):
            listed.add(item["id"])

            def write_item(row: ChecklistItem, item=item, order=order) -> None:
                row.checklist, row.order, row.role = checklist, order, item["role"]
                row.question, row.text, row.why = item["question"] or "", item["text"], item["why"] or ""
                row.group, row.only_at_levels = item["group"] or "", item["only_at_levels"]
                row.source_file, row.source_section = item["source"]["file"], item["source"]["section"]
                row.save()
                row.options.all().delete()
                for index, option in enumerate(item["options"]):
                    source = option["source"] or {"file": "", "section": ""}
                    ChecklistOption.objects.create(
                        item=row, order=index, value=option["value"], label=option["label"], then=option["then"] or "",
                        source_file=source["file"], source_section=source["section"],
                    )

            sync.upsert(
                label=f"checklist item {item['id']}", model=ChecklistItem, lookup={"key": item["id"]},
                record=item | {"_order": order}, current=lambda r: item_record(r) | {"_order": r.order}, write=write_item,
            )
        for key in ChecklistItem.objects.filter(checklist=checklist).exclude(key__in=listed).values_list("key", flat=True):
            sync.plan.not_in_files.append(f"checklist item {key}")


def sync_guidance(data: dict, sync: Sync) -> None:
    for page in (normalise_page(entry) for entry in data["pages"]):

        def write(row: GuidancePage, page=page) -> None:
            row.partnership = Partnership.objects.get(slug=page["partnership"])
            row.topic, row.title, row.editorial_note = page["topic"], page["title"], page["editorial_note"] or ""
            row.source_file, row.source_section = page["source"]["file"], page["source"]["section"]
            row.save()
            row.sections.all().delete()
            for order, s in enumerate(page["sections"]):
                GuidanceSection.objects.create(
                    page=row, order=order, heading=s["heading"] or "", group=s["group"] or "", body=s["body"] or "",
                    space=s["space"], source_file=s["source"]["file"], source_section=s["source"]["section"],
                )

        sync.upsert(label=f"guidance page {page['id']}", model=GuidancePage, lookup={"key": page["id"]}, record=page, current=page_record, write=write)


def export_checklists() -> dict:
    checklists = Checklist.objects.select_related("partnership", "contact").prefetch_related("items__options")
    return {
        "kind": "checklists",
        "checklists": [checklist_record(c) | {"items": [item_record(i) for i in c.items.all()]} for c in checklists],
    }


def export_guidance() -> dict:
    pages = GuidancePage.objects.select_related("partnership").prefetch_related("sections")
    return {"kind": "guidance", "pages": [page_record(page) for page in pages]}
