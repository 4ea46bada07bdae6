"""Framework and synonym files <-> database rows.

`*_record(row)` gives a row's canonical form: exactly what the exporter writes to YAML, and
what the importer compares with the file to see whether anything changed.
"""

from portal.content.sync import Sync
from thresholds.models import (
    CombinationRule,
    Domain,
    Framework,
    Indicator,
    Level,
    LevelText,
    OutcomeArea,
    Partnership,
    SourceDocument,
    Synonym,
    Term,
)


def clean(value):
    """Canonical text: line breaks as \\n (browsers send \\r\\n), surrounding whitespace dropped, empty as None."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip()
        return value or None
    return value


def source_of(row) -> dict:
    return {"file": row.source_file, "section": row.source_section}


def combination_record(framework: Framework) -> dict | None:
    rule = CombinationRule.objects.filter(framework=framework).first()
    if rule is None:
        return None
    return {
        "at_level": rule.at_level,
        "minimum_needs": rule.minimum_needs,
        "grouped_by": rule.grouped_by,
        "minimum_groups": rule.minimum_groups,
        "raises_to": rule.raises_to,
        "explanation": clean(rule.explanation),
        "advice": clean(rule.advice),
        "source": {"file": rule.source_file, "section": rule.source_section},
    }


def framework_record(framework: Framework) -> dict:
    return {
        "slug": framework.slug,
        "name": framework.name,
        "short_name": clean(framework.short_name),
        "partnership": {
            "slug": framework.partnership.slug,
            "name": framework.partnership.name,
            "area": framework.partnership.area,
        },
        "intro": clean(framework.intro),
        "next_review_due": framework.next_review_due,
        "sources": [
            {"file": s.file, "title": s.title, "publisher": clean(s.publisher), "edition": clean(s.edition)}
            for s in framework.sources.all()
        ],
        "combination_rule": combination_record(framework),
    }


def outcome_record(area: OutcomeArea) -> dict:
    return {"id": area.key, "name": area.name, "statement": clean(area.statement), "source": source_of(area)}


def level_record(level: Level) -> dict:
    return {
        "id": level.key,
        "number": level.number,
        "name": level.name,
        "short_name": level.short_name,
        "summary": level.summary,
        "source": source_of(level),
        "texts": [
            {"kind": t.kind, "body": clean(t.body), "source": source_of(t)} for t in level.texts.all()
        ],
    }


def domain_record(domain: Domain) -> dict:
    return {"id": domain.key, "name": domain.name, "source": source_of(domain)}


def indicator_record(indicator: Indicator) -> dict:
    return {
        "id": indicator.key,
        "level": indicator.level.number,
        "domain": indicator.domain.key if indicator.domain_id else None,
        "text": clean(indicator.text),
        "parent": indicator.parent.key if indicator.parent_id else None,
        "editorial_outcome_areas": [a.key for a in sorted(indicator.editorial_outcome_areas.all(), key=lambda a: a.order)],
        "source": source_of(indicator),
    }


def term_record(term: Term) -> dict:
    return {
        "id": term.key,
        "term": term.term,
        "kind": term.kind,
        "meaning": clean(term.meaning),
        "levels": sorted(level.number for level in term.levels.all()),
        "editorial_levels": term.editorial_levels,
        "source": source_of(term),
    }


def synonym_record(synonym: Synonym) -> dict:
    return {"id": synonym.key, "words": list(synonym.words)}


def normalise_framework_file(data: dict) -> dict:
    """The file's data in canonical form (defaults filled in, text trimmed)."""

    def item(entry: dict, keys: dict) -> dict:
        return {key: clean(entry.get(key, default)) for key, default in keys.items()}

    outcome_order = {area["id"]: index for index, area in enumerate(data.get("outcome_areas") or [])}

    def tags(indicator: dict) -> list[str]:
        # Canonical order: the order of the framework's outcome areas.
        return sorted(indicator.get("editorial_outcome_areas") or [], key=lambda key: outcome_order.get(key, 0))

    return {
        "framework": item(data, {"slug": None, "name": None, "short_name": None, "intro": None, "next_review_due": None})
        | {
            "partnership": dict(data["partnership"]),
            "sources": [item(s, {"file": None, "title": None, "publisher": None, "edition": None}) for s in data["sources"]],
            "combination_rule": (
                item(data["combination_rule"], {"at_level": None, "minimum_needs": None, "grouped_by": None, "minimum_groups": None, "raises_to": None, "explanation": None, "advice": None})
                | {"source": dict(data["combination_rule"]["source"])}
            )
            if data.get("combination_rule")
            else None,
        },
        "outcome_areas": [
            item(a, {"id": None, "name": None, "statement": None}) | {"source": a["source"]}
            for a in data.get("outcome_areas") or []
        ],
        "levels": [
            item(lv, {"id": None, "number": None, "name": None, "short_name": None, "summary": None})
            | {"source": lv["source"], "texts": [item(t, {"kind": None, "body": None}) | {"source": t["source"]} for t in lv.get("texts") or []]}
            for lv in data["levels"]
        ],
        "domains": [item(d, {"id": None, "name": None}) | {"source": d["source"]} for d in data.get("domains") or []],
        "indicators": [
            item(i, {"id": None, "level": None, "domain": None, "text": None, "parent": None})
            | {"editorial_outcome_areas": tags(i), "source": i["source"]}
            for i in data["indicators"]
        ],
        "terms": [
            item(t, {"id": None, "term": None, "kind": None, "meaning": None})
            | {"levels": sorted(t.get("levels") or []), "editorial_levels": bool(t.get("editorial_levels", False)), "source": t["source"]}
            for t in data.get("terms") or []
        ],
    }


def sync_framework(data: dict, sync: Sync) -> None:
    """Loads one framework file's (validated) data."""
    file = normalise_framework_file(data)
    fw = file["framework"]

    def write_framework(framework: Framework) -> None:
        p = fw["partnership"]
        partnership, _ = Partnership.objects.update_or_create(slug=p["slug"], defaults={"name": p["name"], "area": p["area"]})
        framework.partnership = partnership
        framework.name, framework.short_name = fw["name"], fw["short_name"] or ""
        framework.intro, framework.next_review_due = fw["intro"] or "", fw["next_review_due"]
        framework.save()
        framework.sources.all().delete()
        for order, s in enumerate(fw["sources"]):
            SourceDocument.objects.create(framework=framework, order=order, file=s["file"], title=s["title"], publisher=s["publisher"] or "", edition=s["edition"] or "")
        CombinationRule.objects.filter(framework=framework).delete()
        rule = fw["combination_rule"]
        if rule:
            CombinationRule.objects.create(
                framework=framework, at_level=rule["at_level"], minimum_needs=rule["minimum_needs"],
                grouped_by=rule["grouped_by"], minimum_groups=rule["minimum_groups"], raises_to=rule["raises_to"],
                explanation=rule["explanation"], advice=rule["advice"] or "",
                source_file=rule["source"]["file"], source_section=rule["source"]["section"],
            )

    framework = sync.upsert(label=f"framework {fw['slug']}", model=Framework, lookup={"slug": fw["slug"]}, record=fw, current=framework_record, write=write_framework)

    def sourced(row, entry: dict, order: int) -> None:
        row.framework = framework
        row.source_file, row.source_section = entry["source"]["file"], entry["source"]["section"]
        row.order = order

    for order, entry in enumerate(file["outcome_areas"]):
        def write_area(row, entry=entry, order=order):
            sourced(row, entry, order)
            row.name, row.statement = entry["name"], entry["statement"] or ""
            row.save()
        sync.upsert(label=f"outcome area {entry['id']}", model=OutcomeArea, lookup={"key": entry["id"]}, record=entry | {"_order": order}, current=lambda r, o=order: outcome_record(r) | {"_order": r.order}, write=write_area)

    for entry in file["levels"]:
        def write_level(row, entry=entry):
            sourced(row, entry, 0)
            row.number, row.name, row.short_name, row.summary = entry["number"], entry["name"], entry["short_name"], entry["summary"]
            row.save()
            row.texts.all().delete()
            for order, t in enumerate(entry["texts"]):
                LevelText.objects.create(level=row, order=order, kind=t["kind"], body=t["body"], source_file=t["source"]["file"], source_section=t["source"]["section"])
        sync.upsert(label=f"level {entry['id']}", model=Level, lookup={"key": entry["id"]}, record=entry, current=level_record, write=write_level)

    for order, entry in enumerate(file["domains"]):
        def write_domain(row, entry=entry, order=order):
            sourced(row, entry, order)
            row.name = entry["name"]
            row.save()
        sync.upsert(label=f"domain {entry['id']}", model=Domain, lookup={"key": entry["id"]}, record=entry | {"_order": order}, current=lambda r: domain_record(r) | {"_order": r.order}, write=write_domain)

    levels = {level.number: level for level in framework.levels.all()}
    domains = {domain.key: domain for domain in framework.domains.all()}
    areas = {area.key: area for area in framework.outcome_areas.all()}
    for order, entry in enumerate(file["indicators"]):
        def write_indicator(row, entry=entry, order=order):
            sourced(row, entry, order)
            row.level = levels[entry["level"]]
            row.domain = domains.get(entry["domain"]) if entry["domain"] else None
            row.parent = Indicator.objects.get(key=entry["parent"]) if entry["parent"] else None
            row.text = entry["text"]
            row.save()
            row.editorial_outcome_areas.set([areas[key] for key in entry["editorial_outcome_areas"]])
        sync.upsert(label=f"indicator {entry['id']}", model=Indicator, lookup={"key": entry["id"]}, record=entry | {"_order": order}, current=lambda r: indicator_record(r) | {"_order": r.order}, write=write_indicator)

    for order, entry in enumerate(file["terms"]):
        def write_term(row, entry=entry, order=order):
            sourced(row, entry, order)
            row.term, row.kind, row.meaning, row.editorial_levels = entry["term"], entry["kind"], entry["meaning"] or "", entry["editorial_levels"]
            row.save()
            row.levels.set([levels[number] for number in entry["levels"]])
        sync.upsert(label=f"term {entry['id']}", model=Term, lookup={"key": entry["id"]}, record=entry | {"_order": order}, current=lambda r: term_record(r) | {"_order": r.order}, write=write_term)

    listed = {entry["id"] for group in ("outcome_areas", "levels", "domains", "indicators", "terms") for entry in file[group]}
    for model in (OutcomeArea, Level, Domain, Indicator, Term):
        for key in model.objects.filter(framework=framework).exclude(key__in=listed).values_list("key", flat=True):
            sync.plan.not_in_files.append(f"{model._meta.verbose_name} {key}")


def sync_synonyms(data: dict, sync: Sync) -> None:
    for entry in data["synonyms"]:
        record = {"id": entry["id"], "words": [word.strip() for word in entry["words"]]}

        def write(row, record=record):
            row.words = record["words"]
            row.save()

        sync.upsert(label=f"synonym {record['id']}", model=Synonym, lookup={"key": record["id"]}, record=record, current=synonym_record, write=write)


def export_framework(framework: Framework) -> dict:
    """The framework as a file, in the layout `docs/content-format.md` describes."""
    record = framework_record(framework)
    return {"kind": "framework"} | record | {
        "outcome_areas": [outcome_record(a) for a in framework.outcome_areas.all()],
        "levels": [level_record(level) for level in framework.levels.prefetch_related("texts")],
        "domains": [domain_record(d) for d in framework.domains.all()],
        "indicators": [indicator_record(i) for i in framework.indicators.select_related("level", "domain", "parent").prefetch_related("editorial_outcome_areas")],
        "terms": [term_record(t) for t in framework.terms.prefetch_related("levels")],
    }


def export_synonyms() -> dict:
    return {"kind": "synonyms", "synonyms": [synonym_record(s) for s in Synonym.objects.all()]}
