"""Validates a set of content files and loads them in one transaction: all or nothing."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from hubs.content import CONTACTS_SCHEMA, check_contacts_references, contacts_ids, export_contacts, sync_contacts
from portal.cache import bump_content_version
from portal.content.schema import Field, check
from portal.content.sync import Plan, Sync
from portal.content.yamlfile import ContentFile, ContentFileError, Problem, read_content_file
from portal.content.yamlwriter import dump_content
from referrals.content import export_checklists, export_guidance, sync_checklists, sync_guidance
from referrals.content_schema import (
    CHECKLISTS_SCHEMA,
    GUIDANCE_SCHEMA,
    check_checklists_references,
    check_guidance_references,
    checklists_ids,
    guidance_ids,
)
from referrals.models import Checklist, GuidancePage
from thresholds.content import export_framework, export_synonyms, sync_framework, sync_synonyms
from thresholds.content_schema import FRAMEWORK_SCHEMA, SYNONYMS_SCHEMA, check_framework_references, framework_ids
from thresholds.models import Framework, Partnership


@dataclass(frozen=True)
class Kind:
    schema: Field
    sync: Callable[[dict, Sync], None]
    ids: Callable[[dict], list[tuple[tuple, str]]]
    order: int  # frameworks first: contacts and checklists refer to their partnerships


KINDS = {
    "framework": Kind(FRAMEWORK_SCHEMA, sync_framework, framework_ids, 0),
    "synonyms": Kind(SYNONYMS_SCHEMA, sync_synonyms, lambda d: [(("synonyms", i, "id"), s["id"]) for i, s in enumerate(d["synonyms"])], 1),
    "contacts": Kind(CONTACTS_SCHEMA, sync_contacts, contacts_ids, 2),
    "checklists": Kind(CHECKLISTS_SCHEMA, sync_checklists, checklists_ids, 3),
    "guidance": Kind(GUIDANCE_SCHEMA, sync_guidance, guidance_ids, 3),
}


def validate(paths: list[str | Path]) -> tuple[list[ContentFile], list[Problem]]:
    """Reads and checks every file; returns the files and every problem found."""
    files, problems = [], []
    for path in paths:
        try:
            file = read_content_file(path)
        except ContentFileError as error:
            problems.append(error.problem)
            continue
        kind = file.data.get("kind") if isinstance(file.data, dict) else None
        if kind not in KINDS:
            found = f"'{kind}'" if kind else "nothing"
            problems.append(file.problem(("kind",), f"'kind' must be one of {', '.join(KINDS)}; found {found}"))
            continue
        found = check(file, KINDS[kind].schema)
        problems += found
        if not found:
            files.append(file)
    if problems:
        return files, problems

    partnerships = set(Partnership.objects.values_list("slug", flat=True))
    partnerships |= {f.data["partnership"]["slug"] for f in files if f.data["kind"] == "framework"}
    first_seen: dict[str, str] = {}
    framework_files: dict[str, str] = {}
    for file in files:
        kind = file.data["kind"]
        if kind == "framework":
            slug = file.data["slug"]
            if slug in framework_files:
                problems.append(file.problem(("slug",), f"the framework '{slug}' is also defined in {framework_files[slug]}; load each framework from one file"))
            framework_files.setdefault(slug, file.path)
        if kind == "framework":
            problems += check_framework_references(file)
        elif kind == "contacts":
            problems += check_contacts_references(file, partnerships)
        elif kind == "checklists":
            problems += check_checklists_references(file, files)
        elif kind == "guidance":
            problems += check_guidance_references(file, files)
        for path, key in KINDS[kind].ids(file.data):
            if key in first_seen:
                problems.append(file.problem(path, f"the id '{key}' is used twice (first at {first_seen[key]}); ids must be unique across all files"))
            else:
                first_seen[key] = f"{file.path}, line {file.line(path)}"
    return files, problems


def load(paths: list[str | Path], *, dry_run: bool = False, force: bool = False) -> tuple[Plan, list[Problem]]:
    """Loads the files if they are all valid; with problems, the database is not touched."""
    files, problems = validate(paths)
    plan = Plan()
    if problems:
        return plan, problems
    sync = Sync(plan, force=force)
    with transaction.atomic():
        for file in sorted(files, key=lambda f: KINDS[f.data["kind"]].order):
            KINDS[file.data["kind"]].sync(file.data, sync)
        if dry_run:
            transaction.set_rollback(True)
        elif plan.changed:
            transaction.on_commit(bump_content_version)
    return plan, []


def export(out_dir: str | Path) -> list[Path]:
    """Writes every framework, the synonyms, every partnership's contacts, the checklists and guidance to out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    files = {f"{fw.slug}.yaml": export_framework(fw) for fw in Framework.objects.select_related("partnership")}
    files["search-synonyms.yaml"] = export_synonyms()
    for partnership in Partnership.objects.all():
        if partnership.contacts.exists():
            files[f"contacts-{partnership.slug}.yaml"] = export_contacts(partnership)
    if Checklist.objects.exists():
        files["checklists.yaml"] = export_checklists()
    if GuidancePage.objects.exists():
        files["referrals-guidance.yaml"] = export_guidance()
    for name, data in files.items():
        path = out / name
        path.write_text(dump_content(data), encoding="utf-8")
        written.append(path)
    return written
