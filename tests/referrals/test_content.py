"""The checklists and guidance as data: faithful to the documents, loaded, exported, round-tripped."""

import re
import shutil
from pathlib import Path

import pytest

from portal.content.loader import export, load
from referrals.models import Checklist, ChecklistItem, ChecklistOption, GuidancePage, Role
from tests.conftest import FIXTURE_FILES, ROOT

pytestmark = pytest.mark.django_db

SEEDS = ROOT.parent / "shared" / "seeds"
OUR_FILES = [ROOT / "fixtures" / "checklists.yaml", ROOT / "fixtures" / "referrals-guidance.yaml"]
# Obvious extraction slips fixed in the content (docs/content-format.md allows only these).
EXTRACTION_FIXES = {"South Warwickshire. Foundation Trust": "South Warwickshire Foundation Trust"}


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[*#]|\\_", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    for slip, fixed in EXTRACTION_FIXES.items():
        text = text.replace(slip, fixed)
    return text.lower()


def source_text(file: str) -> str:
    return normalise((SEEDS / file).read_text(encoding="utf-8"))


def pieces(body: str) -> list[str]:
    """A body's paragraphs and bullet lines, each of which must be in the document."""
    found = []
    for line in body.splitlines():
        line = re.sub(r"^\s*- ", "", line).strip()
        if line:
            found.append(line)
    return found


def document_words():
    """Every text the site shows as the document's words, with the file it cites."""
    for checklist in Checklist.objects.all():
        for text in (checklist.intro, checklist.how_to_refer):
            yield text, checklist.source_file, checklist.key
    for item in ChecklistItem.objects.all():
        for text in (item.text, item.why):
            yield text, item.source_file, item.key
    for option in ChecklistOption.objects.select_related("item"):
        yield option.then, option.source[0], f"{option.item.key}:{option.value}"
    for page in GuidancePage.objects.prefetch_related("sections"):
        for section in page.sections.all():
            yield section.body, section.source_file, f"{page.key}: {section.heading}"


def test_every_checklist_and_guidance_text_is_word_for_word_from_its_cited_document():
    checked = 0
    for text, file, where in document_words():
        document = source_text(file)
        for piece in pieces(text or ""):
            assert normalise(piece) in document, f"{where}: not found in {file}: {piece!r}"
            checked += 1
    assert checked > 80


def test_both_checklists_are_loaded_with_their_questions_ticks_and_after_texts():
    marf = Checklist.objects.get(key="cov-marf")
    call = Checklist.objects.get(key="war-family-connect-call")
    assert marf.partnership.slug == "coventry" and call.partnership.slug == "warwickshire"
    assert marf.contact.key == "cov-social-care" and marf.contact_option == 3
    assert call.contact.key == "war-family-connect"
    assert marf.refer_at_levels == [4] and call.refer_at_levels == [2, 3, 4]
    for checklist in (marf, call):
        roles = list(checklist.items.values_list("role", flat=True))
        for role in (Role.IMMEDIATE_DANGER, Role.LEVEL, Role.FAMILY, Role.TICK, Role.AFTER):
            assert role in roles, (checklist.key, role)
    assert set(marf.items.get(role=Role.FAMILY).options.values_list("value", flat=True)) == {"yes", "risk", "not_yet"}
    assert marf.items.filter(role=Role.RISK_TICK).get().text.endswith("dated and signed and included on the MARF.")
    assert call.items.get(role=Role.FAMILY).only_at_levels == [2, 3]


def test_every_item_says_where_it_came_from():
    for item in ChecklistItem.objects.all():
        assert item.source_file.endswith(".txt") and item.source_section, item.key
        assert (SEEDS / item.source_file).exists(), item.key


def test_export_writes_the_fixture_files_back_exactly(tmp_path: Path):
    written = {path.name for path in export(tmp_path)}
    assert {"checklists.yaml", "referrals-guidance.yaml"} <= written
    for ours in OUR_FILES:
        assert (tmp_path / ours.name).read_text(encoding="utf-8") == ours.read_text(encoding="utf-8"), ours.name


def test_importing_the_export_changes_nothing(tmp_path: Path):
    export(tmp_path)
    plan, problems = load(sorted(tmp_path.glob("*.yaml")))
    assert problems == []
    assert not plan.changed
    assert "checklist cov-marf" in plan.unchanged and "guidance page war-guide-pathway-to-change" in plan.unchanged


def test_a_leads_edit_is_kept_by_the_next_import_and_overwritten_only_when_forced():
    item = ChecklistItem.objects.get(key="cov-marf-names-checked")
    item.text = "All names should be checked to ensure they are spelt correctly (edited)."
    item.save()
    plan, problems = load(FIXTURE_FILES)
    assert problems == [] and "checklist item cov-marf-names-checked" in plan.kept_edits
    item.refresh_from_db()
    assert item.text.endswith("(edited).")
    plan, _ = load(FIXTURE_FILES, force=True)
    assert "checklist item cov-marf-names-checked" in plan.overwritten_edits
    item.refresh_from_db()
    assert item.text == "All names should be checked to ensure they are spelt correctly."


def test_an_edit_to_an_answer_counts_as_an_edit_to_its_question():
    option = ChecklistOption.objects.get(item__key="cov-marf-family-told", value="not_yet")
    option.label = "Not yet"
    option.save()
    plan, _ = load(FIXTURE_FILES)
    assert "checklist item cov-marf-family-told" in plan.kept_edits


def _broken(tmp_path: Path, old: str, new: str, name: str = "checklists.yaml") -> list[str]:
    for path in FIXTURE_FILES:
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / name
    text = target.read_text(encoding="utf-8")
    assert old in text, old
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = ChecklistItem.objects.count()
    plan, problems = load(sorted(tmp_path.glob("*.yaml")))
    assert ChecklistItem.objects.count() == before and not plan.changed
    return [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("contact: cov-social-care", "contact: war-family-connect", "belongs to 'warwickshire'"),
        ("contact: cov-social-care", "contact: cov-no-such-contact", "is not in any contacts file"),
        ("contact_option: 3", "contact_option: 7", "option 7 is not one of the menu options"),
        ("refer_at_levels: [4]", "refer_at_levels: [9]", "level 9 is not one of coventry's levels"),
        ("{value: 'no', label: 'No', then: null, source: null}", "{value: 'maybe', label: 'Maybe', then: null, source: null}", "needs the answers yes, no"),
        ("role: risk_tick", "role: level", "asks the 'level' question once only"),
        ("role: after", "role: auto", "expected one of immediate_danger"),
        ("section: 'Section 4: Responding to identified need'}", "section: x}\n    bogus: 1", "unknown key 'bogus'"),
        ("source: {file: 004_a77ff966f8bc743f.txt, section: Family Connect}\n  items:", "source: {file: 001_0047487914b27ebb.txt, section: Family Connect}\n  items:", "is not one of the partnership's framework sources"),
    ],
)
def test_a_wrong_checklist_file_is_reported_with_its_line_and_nothing_is_loaded(tmp_path, old, new, message):
    problems = _broken(tmp_path, old, new)
    assert any(message in problem and "checklists.yaml, line " in problem for problem in problems), problems


def test_a_guidance_page_for_a_topic_twice_is_reported(tmp_path):
    problems = _broken(tmp_path, "topic: information-sharing", "topic: consent", "referrals-guidance.yaml")
    assert any("already has a 'consent' page" in problem for problem in problems), problems


def test_an_id_used_by_another_file_is_reported(tmp_path):
    problems = _broken(tmp_path, "- id: cov-marf-names-checked", "- id: cov-level-1")
    assert any("the id 'cov-level-1' is used twice" in problem for problem in problems), problems
