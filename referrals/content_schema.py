"""What the checklists and guidance files must look like, and their cross-checks.

The cross-checks look at the other files being loaded and at the database, so a checklist can
name a contact or a level that another file (or an earlier import) defines.
"""

from dataclasses import dataclass, field

from hubs.models import Contact
from portal.content.schema import SOURCE, choice, list_of, mapping, number, stable_id, text
from portal.content.yamlfile import ContentFile, Problem
from referrals.models import ANSWER_VALUES, QUESTION_ROLES, Checklist, GuidancePage, GuidanceSection, Role, Topic
from thresholds.models import Level, Partnership, SourceDocument

OPTION = mapping(
    {"value": text(20), "label": text(300), "then": text().optional(), "source": SOURCE.optional()}
)

ITEM = mapping(
    {
        "id": stable_id(),
        "role": choice(*Role.values),
        "question": text(300).optional(),
        "text": text(),
        "why": text().optional(),
        "group": text(200).optional(),
        "only_at_levels": list_of(number()).optional(),
        "options": list_of(OPTION).optional(),
        "source": SOURCE,
    }
)

CHECKLISTS_SCHEMA = mapping(
    {
        "kind": choice("checklists"),
        "checklists": list_of(
            mapping(
                {
                    "id": stable_id(),
                    "partnership": stable_id(),
                    "name": text(200),
                    "intro": text().optional(),
                    "how_to_refer": text().optional(),
                    "contact": stable_id().optional(),
                    "contact_option": number().optional(),
                    "refer_at_levels": list_of(number()),
                    "source": SOURCE,
                    "items": list_of(ITEM),
                }
            )
        ),
    }
)

GUIDANCE_SCHEMA = mapping(
    {
        "kind": choice("guidance"),
        "pages": list_of(
            mapping(
                {
                    "id": stable_id(),
                    "partnership": stable_id(),
                    "topic": choice(*Topic.values),
                    "title": text(200),
                    "editorial_note": text().optional(),
                    "source": SOURCE,
                    "sections": list_of(
                        mapping(
                            {
                                "heading": text(300).optional(),
                                "group": text(200).optional(),
                                "body": text().optional(),
                                "space": choice(*GuidanceSection.Space.values).optional(),
                                "source": SOURCE,
                            }
                        )
                    ),
                }
            )
        ),
    }
)


@dataclass
class Known:
    """What the other files and the database define: partnerships, their levels, sources, contacts."""

    levels: dict[str, set[int]] = field(default_factory=dict)
    sources: dict[str, set[str]] = field(default_factory=dict)
    contacts: dict[str, tuple[str, set[int]]] = field(default_factory=dict)  # key -> (partnership, menu keys)

    @classmethod
    def gather(cls, files: list[ContentFile]) -> "Known":
        known = cls()
        for level in Level.objects.select_related("framework__partnership"):
            known.levels.setdefault(level.framework.partnership.slug, set()).add(level.number)
        for source in SourceDocument.objects.select_related("framework__partnership"):
            known.sources.setdefault(source.framework.partnership.slug, set()).add(source.file)
        for slug in Partnership.objects.values_list("slug", flat=True):
            known.levels.setdefault(slug, set())
            known.sources.setdefault(slug, set())
        for contact in Contact.objects.select_related("partnership").prefetch_related("phones"):
            keys = {option["key"] for phone in contact.phones.all() for option in phone.options}
            known.contacts[contact.key] = (contact.partnership.slug, keys)
        for file in files:
            data = file.data
            if data["kind"] == "framework":
                slug = data["partnership"]["slug"]
                known.levels[slug] = {level["number"] for level in data["levels"]}
                known.sources[slug] = {source["file"] for source in data["sources"]}
            elif data["kind"] == "contacts":
                for contact in data["contacts"]:
                    keys = {o["key"] for phone in contact.get("phones") or [] for o in phone.get("options") or []}
                    known.contacts[contact["id"]] = (data["partnership"], keys)
        return known


def check_checklists_references(file: ContentFile, files: list[ContentFile]) -> list[Problem]:
    known = Known.gather(files)
    problems: list[Problem] = []
    seen_partnerships: set[str] = set()
    for index, checklist in enumerate(file.data["checklists"]):
        path = ("checklists", index)
        slug = checklist["partnership"]
        if slug not in known.levels:
            problems.append(file.problem(path + ("partnership",), f"partnership '{slug}' is not defined by any framework file or in the database"))
            continue
        if slug in seen_partnerships:
            problems.append(file.problem(path + ("partnership",), f"'{slug}' already has a checklist in this file; one checklist per partnership"))
        seen_partnerships.add(slug)
        other = Checklist.objects.filter(partnership__slug=slug).exclude(key=checklist["id"]).first()
        if other:
            problems.append(file.problem(path + ("id",), f"'{slug}' already has the checklist '{other.key}' in the database; keep its id"))
        problems += _check_contact(file, path, checklist, known)
        numbers = known.levels[slug]
        for n_index, number_ in enumerate(checklist["refer_at_levels"]):
            if number_ not in numbers:
                problems.append(file.problem(path + ("refer_at_levels", n_index), f"level {number_} is not one of {slug}'s levels {sorted(numbers)}"))
        problems += _check_source(file, path + ("source",), checklist["source"], known.sources[slug])
        roles_seen: set[str] = set()
        for i_index, item in enumerate(checklist["items"]):
            problems += _check_item(file, path + ("items", i_index), item, known, slug, roles_seen)
    return problems


def _check_contact(file: ContentFile, path: tuple, checklist: dict, known: Known) -> list[Problem]:
    key, option = checklist.get("contact"), checklist.get("contact_option")
    if not key:
        return [file.problem(path + ("contact_option",), "contact_option needs a contact")] if option is not None else []
    if key not in known.contacts:
        return [file.problem(path + ("contact",), f"contact '{key}' is not in any contacts file or in the database")]
    owner, menu = known.contacts[key]
    problems = []
    if owner != checklist["partnership"]:
        problems.append(file.problem(path + ("contact",), f"contact '{key}' belongs to '{owner}', not '{checklist['partnership']}'"))
    if option is not None and option not in menu:
        problems.append(file.problem(path + ("contact_option",), f"option {option} is not one of the menu options of '{key}' {sorted(menu)}"))
    return problems


def _check_item(file: ContentFile, path: tuple, item: dict, known: Known, slug: str, roles_seen: set) -> list[Problem]:
    problems = []
    role = item["role"]
    if role in QUESTION_ROLES:
        if role in roles_seen:
            problems.append(file.problem(path + ("role",), f"a checklist asks the '{role}' question once only"))
        roles_seen.add(role)
        if not item.get("question"):
            problems.append(file.problem(path, f"a '{role}' item is a question: it needs 'question'"))
        values = [option["value"] for option in item.get("options") or []]
        wanted = list(ANSWER_VALUES[role])
        if sorted(values) != sorted(wanted):
            needs = f"the answers {', '.join(wanted)}" if wanted else "no options (its answers are the framework's levels)"
            problems.append(file.problem(path + ("options",), f"a '{role}' question needs {needs}; found {values or 'none'}"))
    else:
        for key in ("question", "options"):
            if item.get(key):
                problems.append(file.problem(path + (key,), f"only questions have '{key}'; this item's role is '{role}'"))
    for n_index, number_ in enumerate(item.get("only_at_levels") or []):
        if number_ not in known.levels[slug]:
            problems.append(file.problem(path + ("only_at_levels", n_index), f"level {number_} is not one of {slug}'s levels"))
    problems += _check_source(file, path + ("source",), item["source"], known.sources[slug])
    for o_index, option in enumerate(item.get("options") or []):
        if option.get("source"):
            problems += _check_source(file, path + ("options", o_index, "source"), option["source"], known.sources[slug])
    return problems


def _check_source(file: ContentFile, path: tuple, source: dict, allowed: set[str]) -> list[Problem]:
    if source["file"] in allowed:
        return []
    return [file.problem(path + ("file",), f"source file '{source['file']}' is not one of the partnership's framework sources")]


def check_guidance_references(file: ContentFile, files: list[ContentFile]) -> list[Problem]:
    known = Known.gather(files)
    problems: list[Problem] = []
    topics: set[tuple[str, str]] = set()
    for index, page in enumerate(file.data["pages"]):
        path = ("pages", index)
        slug = page["partnership"]
        if slug not in known.sources:
            problems.append(file.problem(path + ("partnership",), f"partnership '{slug}' is not defined by any framework file or in the database"))
            continue
        if (slug, page["topic"]) in topics:
            problems.append(file.problem(path + ("topic",), f"'{slug}' already has a '{page['topic']}' page; one page per topic"))
        topics.add((slug, page["topic"]))
        other = GuidancePage.objects.filter(partnership__slug=slug, topic=page["topic"]).exclude(key=page["id"]).first()
        if other:
            problems.append(file.problem(path + ("id",), f"'{slug}' already has the '{page['topic']}' page '{other.key}' in the database; keep its id"))
        problems += _check_source(file, path + ("source",), page["source"], known.sources[slug])
        for s_index, section in enumerate(page["sections"]):
            s_path = path + ("sections", s_index)
            if not (section.get("heading") or section.get("body")):
                problems.append(file.problem(s_path, "a section needs a heading or a body"))
            problems += _check_source(file, s_path + ("source",), section["source"], known.sources[slug])
    return problems


def checklists_ids(data: dict) -> list[tuple[tuple, str]]:
    ids = []
    for index, checklist in enumerate(data["checklists"]):
        ids.append((("checklists", index, "id"), checklist["id"]))
        ids += [(("checklists", index, "items", i, "id"), item["id"]) for i, item in enumerate(checklist["items"])]
    return ids


def guidance_ids(data: dict) -> list[tuple[tuple, str]]:
    return [(("pages", index, "id"), page["id"]) for index, page in enumerate(data["pages"])]
