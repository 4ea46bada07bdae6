"""What a framework file (and the search synonyms file) must look like, and their cross-checks."""

from portal.content.schema import SOURCE, choice, day, flag, list_of, mapping, number, stable_id, text
from portal.content.yamlfile import ContentFile, Problem
from thresholds.models import Domain, Indicator, Level, LevelText, OutcomeArea, Term

FRAMEWORK_SCHEMA = mapping(
    {
        "kind": choice("framework"),
        "slug": stable_id(),
        "name": text(200),
        "short_name": text(100).optional(),
        "partnership": mapping({"slug": stable_id(), "name": text(200), "area": text(100)}),
        "intro": text().optional(),
        "next_review_due": day().optional(),
        "sources": list_of(
            mapping({"file": text(100), "title": text(300), "publisher": text(300).optional(), "edition": text(100).optional()})
        ),
        "combination_rule": mapping(
            {
                "at_level": number(),
                "minimum_needs": number(),
                "grouped_by": choice("outcome_areas", "domains"),
                "minimum_groups": number(),
                "raises_to": number().optional(),
                "explanation": text(),
                "advice": text().optional(),
                "source": SOURCE,
            }
        ).optional(),
        "outcome_areas": list_of(
            mapping({"id": stable_id(), "name": text(200), "statement": text(300).optional(), "source": SOURCE})
        ).optional(),
        "levels": list_of(
            mapping(
                {
                    "id": stable_id(),
                    "number": number(),
                    "name": text(200),
                    "short_name": text(100),
                    "summary": text(300),
                    "source": SOURCE,
                    "texts": list_of(
                        mapping({"kind": choice(*LevelText.Kind.values), "body": text(), "source": SOURCE})
                    ).optional(),
                }
            )
        ),
        "domains": list_of(mapping({"id": stable_id(), "name": text(200), "source": SOURCE})).optional(),
        "indicators": list_of(
            mapping(
                {
                    "id": stable_id(),
                    "level": number(),
                    "domain": stable_id().optional(),
                    "text": text(),
                    "parent": stable_id().optional(),
                    "editorial_outcome_areas": list_of(stable_id()).optional(),
                    "source": SOURCE,
                }
            )
        ),
        "terms": list_of(
            mapping(
                {
                    "id": stable_id(),
                    "term": text(200),
                    "kind": choice(*Term.Kind.values),
                    "meaning": text().optional(),
                    "levels": list_of(number()).optional(),
                    "editorial_levels": flag().optional(),
                    "source": SOURCE,
                }
            )
        ).optional(),
    }
)

SYNONYMS_SCHEMA = mapping(
    {"kind": choice("synonyms"), "synonyms": list_of(mapping({"id": stable_id(), "words": list_of(text(100))}))}
)


def check_framework_references(file: ContentFile) -> list[Problem]:
    """Levels numbered 1..N; every reference to a level, domain, parent, outcome or source resolves."""
    data = file.data
    problems = []
    source_files = {source["file"] for source in data["sources"]}
    numbers = [level["number"] for level in data["levels"]]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(file.problem(("levels",), f"levels must be numbered 1, 2, 3... in order; found {numbers}"))
    domains = {domain["id"] for domain in data.get("domains") or []}
    outcomes = {area["id"] for area in data.get("outcome_areas") or []}
    seen_indicators: set[str] = set()
    for index, indicator in enumerate(data["indicators"]):
        path = ("indicators", index)
        if indicator["level"] not in numbers:
            problems.append(file.problem(path + ("level",), f"level {indicator['level']} is not one of this framework's levels {numbers}"))
        if indicator.get("domain") and indicator["domain"] not in domains:
            problems.append(file.problem(path + ("domain",), f"domain '{indicator['domain']}' is not one of this framework's domains"))
        parent = indicator.get("parent")
        if parent and parent not in seen_indicators:
            problems.append(file.problem(path + ("parent",), f"parent '{parent}' must be an indicator listed earlier in this file"))
        for tag_index, tag in enumerate(indicator.get("editorial_outcome_areas") or []):
            if tag not in outcomes:
                problems.append(file.problem(path + ("editorial_outcome_areas", tag_index), f"outcome area '{tag}' is not one of this framework's outcome_areas"))
        seen_indicators.add(indicator["id"])
    for index, term in enumerate(data.get("terms") or []):
        for number_index, number_ in enumerate(term.get("levels") or []):
            if number_ not in numbers:
                problems.append(file.problem(("terms", index, "levels", number_index), f"level {number_} is not one of this framework's levels {numbers}"))
    rule = data.get("combination_rule")
    if rule:
        for key in ("at_level", "raises_to"):
            if rule.get(key) is not None and rule[key] not in numbers:
                problems.append(file.problem(("combination_rule", key), f"level {rule[key]} is not one of this framework's levels {numbers}"))
        if rule["grouped_by"] == "outcome_areas" and not outcomes:
            problems.append(file.problem(("combination_rule", "grouped_by"), "grouped_by outcome_areas needs the framework's outcome_areas"))
        if rule["source"]["file"] not in source_files:
            problems.append(file.problem(("combination_rule", "source", "file"), f"source file '{rule['source']['file']}' is not listed in this framework's sources"))
    for path, source in _sources(data):
        if source["file"] not in source_files:
            problems.append(file.problem(path + ("file",), f"source file '{source['file']}' is not listed in this framework's sources"))
    # An id already used by another framework's item would silently move that item into this one.
    for group, model in (("outcome_areas", OutcomeArea), ("levels", Level), ("domains", Domain), ("indicators", Indicator), ("terms", Term)):
        items = data.get(group) or []
        owners = dict(model.objects.filter(key__in=[item["id"] for item in items]).exclude(framework__slug=data["slug"]).values_list("key", "framework__slug"))
        for index, item in enumerate(items):
            if item["id"] in owners:
                problems.append(file.problem((group, index, "id"), f"the id '{item['id']}' already belongs to the '{owners[item['id']]}' framework; ids must be unique across all files"))
    return problems


def _sources(data: dict):
    for group in ("outcome_areas", "levels", "domains", "indicators", "terms"):
        for index, item in enumerate(data.get(group) or []):
            yield (group, index, "source"), item["source"]
            for text_index, level_text in enumerate(item.get("texts") or []):
                yield (group, index, "texts", text_index, "source"), level_text["source"]


def framework_ids(data: dict) -> list[tuple[tuple, str]]:
    """Every stable id the file declares, with its path, for the global uniqueness check."""
    ids = []
    for group in ("outcome_areas", "levels", "domains", "indicators", "terms"):
        for index, item in enumerate(data.get(group) or []):
            ids.append(((group, index, "id"), item["id"]))
    return ids
