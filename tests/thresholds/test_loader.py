"""load_content: every bad file is reported with its file and line and changes nothing; a good
load is idempotent, previews with --dry-run and never silently overwrites a lead's admin edit."""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from portal.content.loader import export, load
from tests.conftest import FIXTURE_FILES, ROOT
from thresholds.models import Indicator, LevelText

pytestmark = pytest.mark.django_db

TESTSHIRE = (Path(__file__).parent / "data" / "testshire.yaml").read_text(encoding="utf-8")
CONTACTS = """\
kind: contacts
partnership: coventry
contacts:
- id: tst-contact-placeholder
  name: Testshire placeholder contact (test data)
  kind: service
  audience: both
  phones:
  - number: 01234 567890
  hours:
  - {days: [mon], opens: '09:00', closes: '17:00'}
  source: {file: testshire-test-data.txt, section: Test section}
"""


def variant(base: str, old: str, new: str) -> str:
    assert base.count(old) == 1, old
    return base.replace(old, new)


def line_of(text: str, marker: str, occurrence: int = 1) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.index(marker, at + 1)
    return text[:at].count("\n") + 1


def snapshot(out: Path) -> tuple[dict, dict]:
    """Row counts of every content and history table, and the database exported as YAML."""
    counts = {
        model._meta.label: model.objects.count()
        for app in ("thresholds", "hubs", "referrals")
        for model in apps.get_app_config(app).get_models()
    }
    return counts, {path.name: path.read_bytes() for path in export(out)}


@pytest.fixture(scope="module")
def baseline(django_db_setup, django_db_blocker, tmp_path_factory):
    """The database as every test starts with it (all fixtures loaded), taken once."""
    with django_db_blocker.unblock():
        return snapshot(tmp_path_factory.mktemp("baseline"))


BETA = "  level: 2\n  domain: tst-domain-placeholder\n  text: Testshire placeholder indicator beta.\n"
ALPHA_TEXT = "  text: Testshire placeholder indicator alpha.\n"

# (case, file text, expected message, the text marking the line the problem is reported on)
BAD_FILES = [
    ("unknown key", variant(TESTSHIRE, ALPHA_TEXT, ALPHA_TEXT + "  colour: red\n"),
     "unknown key 'colour' in indicators > item 1", "  colour: red"),
    ("missing required field", variant(TESTSHIRE, "  text: Testshire placeholder indicator beta.\n", ""),
     "indicators > item 2 is missing 'text': expected text", "- id: tst-ind-2-beta"),
    ("wrong type", variant(TESTSHIRE, BETA, BETA.replace("level: 2", 'level: "two"')),
     "indicators > item 2 > level: expected a whole number, found 'two'", 'level: "two"'),
    ("a date that does not exist", variant(TESTSHIRE, "2031-01-31", "2031-02-30"),
     "has a value YAML cannot read: day is out of range for month (2031-02-30)", "next_review_due:"),
    ("duplicate id in one file", variant(TESTSHIRE, "- id: tst-ind-2-gamma", "- id: tst-ind-1-alpha"),
     "the id 'tst-ind-1-alpha' is used twice", "- id: tst-ind-1-alpha\n  level: 2"),
    ("unknown level", variant(TESTSHIRE, BETA, BETA.replace("level: 2", "level: 3")),
     "level 3 is not one of this framework's levels [1, 2]", "level: 3"),
    ("unknown domain", variant(TESTSHIRE, BETA, BETA.replace("domain: tst-domain-placeholder", "domain: tst-domain-nowhere")),
     "domain 'tst-domain-nowhere' is not one of this framework's domains", "domain: tst-domain-nowhere"),
    ("parent not listed earlier", variant(TESTSHIRE, ALPHA_TEXT, ALPHA_TEXT + "  parent: tst-ind-2-gamma\n"),
     "parent 'tst-ind-2-gamma' must be an indicator listed earlier in this file", "parent: tst-ind-2-gamma"),
    ("unknown outcome area", variant(TESTSHIRE, ALPHA_TEXT, ALPHA_TEXT + "  editorial_outcome_areas: [tst-outcome-nowhere]\n"),
     "outcome area 'tst-outcome-nowhere' is not one of this framework's outcome_areas", "editorial_outcome_areas"),
    ("source file not in sources", variant(TESTSHIRE, "TPX\n  kind: abbreviation\n  meaning: Testshire Placeholder Expansion\n  source: {file: testshire-test-data.txt",
                                           "TPX\n  kind: abbreviation\n  meaning: Testshire Placeholder Expansion\n  source: {file: not-a-source.txt"),
     "source file 'not-a-source.txt' is not listed in this framework's sources", "not-a-source.txt"),
    ("levels not numbered 1..N", variant(TESTSHIRE, "  number: 2\n", "  number: 3\n"),
     "levels must be numbered 1, 2, 3... in order; found [1, 3]", "levels:"),
    ("YAML syntax error", variant(TESTSHIRE, ALPHA_TEXT, "  text: Testshire: placeholder: alpha\n"),
     "is not valid YAML: mapping values are not allowed here", "  text: Testshire: placeholder"),
    ("duplicate key", variant(TESTSHIRE, ALPHA_TEXT, ALPHA_TEXT + "  text: Said twice.\n"),
     "the key 'text' appears twice", "  text: Said twice."),
    ("unknown kind", variant(TESTSHIRE, "kind: framework", "kind: frameworks"),
     "'kind' must be one of framework, synonyms, contacts", "kind: frameworks"),
    ("contacts for an unknown partnership", variant(CONTACTS, "partnership: coventry", "partnership: nowhere-shire"),
     "partnership 'nowhere-shire' is not defined by any framework file or in the database", "partnership: nowhere"),
    ("opening hours that close before they open", variant(CONTACTS, "opens: '09:00'", "opens: '18:00'"),
     "opens (18:00) must be before closes (17:00)", "{days: [mon]"),
    ("a bad phone number", variant(CONTACTS, "01234 567890", "01234 CALL-US"),
     "'01234 CALL-US' is not a phone number", "01234 CALL-US"),
    ("an id that belongs to another framework", variant(TESTSHIRE, "- id: tst-ind-1-alpha", "- id: cov-dev-1-milestones"),
     "the id 'cov-dev-1-milestones' already belongs to the 'coventry' framework", "- id: cov-dev-1-milestones"),
    ("a contact id that belongs to another partnership", variant(CONTACTS, "tst-contact-placeholder", "war-fis"),
     "the id 'war-fis' already belongs to a contact of the 'warwickshire' partnership", "- id: war-fis"),
]  # fmt: skip


@pytest.mark.parametrize("case, text, message, marker", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_is_reported_with_file_and_line_and_changes_nothing(baseline, tmp_path, case, text, message, marker):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = load([path])
    assert any(p.file == str(path) and message in p.message and p.line == line_of(text, marker) for p in problems), problems
    assert not plan.changed
    assert snapshot(tmp_path / "after") == baseline


@pytest.mark.parametrize(
    "case, content, message, line",
    [
        ("empty", b"", "is empty; a content file starts with 'kind:'", None),
        ("whitespace only", b"  \n\n\t \n", "is empty; a content file starts with 'kind:'", None),
        ("comments only", b"# nothing but a comment\n", "is empty; a content file starts with 'kind:'", None),
        ("not UTF-8", b"kind: framework\nname: Caf\xe9 test\n", "is not UTF-8 text; save it as UTF-8", 2),
    ],
)
def test_an_empty_or_unreadable_file_is_reported_and_changes_nothing(baseline, tmp_path, case, content, message, line):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    plan, problems = load([path])
    assert [(p.file, p.line, p.message) for p in problems] == [(str(path), line, message)]
    assert snapshot(tmp_path / "after") == baseline


def test_the_same_id_in_two_files_is_reported_on_the_second(baseline, tmp_path):
    first, second = tmp_path / "a-testshire.yaml", tmp_path / "b-synonyms.yaml"
    first.write_text(TESTSHIRE, encoding="utf-8")
    second.write_text("kind: synonyms\nsynonyms:\n- id: tst-term-tpx\n  words: [placeholder]\n", encoding="utf-8")
    plan, problems = load([first, second])
    assert [(p.file, p.line) for p in problems] == [(str(second), 3)]
    assert f"the id 'tst-term-tpx' is used twice (first at {first}, line {line_of(TESTSHIRE, '- id: tst-term-tpx')})" in problems[0].message
    assert snapshot(tmp_path / "after") == baseline


def test_a_good_file_and_a_bad_file_together_load_nothing(baseline, tmp_path):
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(TESTSHIRE, encoding="utf-8")
    bad.write_text(variant(CONTACTS, "01234 567890", "not a number"), encoding="utf-8")
    plan, problems = load([good, bad])
    assert [p.file for p in problems] == [str(bad)]
    assert snapshot(tmp_path / "after") == baseline
    assert not Indicator.objects.filter(key__startswith="tst-").exists()


def test_the_command_reports_problems_on_stderr_and_fails(baseline, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(variant(TESTSHIRE, BETA, BETA.replace("level: 2", 'level: "two"')), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(CONTACTS, encoding="utf-8")
    stdout, stderr = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"1 problem\(s\) found; nothing was loaded and the database is unchanged"):
        call_command("load_content", str(good), str(bad), stdout=stdout, stderr=stderr)
    line = line_of(bad.read_text(), 'level: "two"')
    assert f"{bad}, line {line}: indicators > item 2 > level: expected a whole number, found 'two'" in stderr.getvalue()
    assert snapshot(tmp_path / "after") == baseline


def run(*args) -> str:
    out = StringIO()
    call_command("load_content", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def changed_coventry(tmp_path, new_text: str) -> Path:
    path = tmp_path / "coventry.yaml"
    source = (ROOT / "fixtures" / "coventry.yaml").read_text(encoding="utf-8")
    path.write_text(variant(source, "  text: Achieving milestones.\n", f"  text: {new_text}\n"), encoding="utf-8")
    return path


def test_loading_the_fixtures_again_changes_nothing_and_says_so(baseline, tmp_path):
    output = run(*FIXTURE_FILES)
    assert "Nothing to change: the database already matches the files" in output
    assert "(0 added, 0 updated" in output
    assert snapshot(tmp_path / "after") == baseline


def test_dry_run_says_what_would_change_and_changes_nothing(baseline, tmp_path):
    path = changed_coventry(tmp_path, "Achieving milestones (test change).")
    output = run(path, "--dry-run")
    assert "would be updated: indicator cov-dev-1-milestones" in output
    assert "Dry run, nothing changed: 0 added, 1 updated" in output
    assert snapshot(tmp_path / "after") == baseline


def test_dry_run_of_a_new_framework_adds_nothing(baseline, tmp_path):
    output = run(Path(__file__).parent / "data" / "testshire.yaml", "--dry-run")
    assert "would be added: framework testshire" in output and "would be added: indicator tst-ind-2-gamma" in output
    assert "Dry run, nothing changed: 8 added" in output
    assert snapshot(tmp_path / "after") == baseline


def test_a_changed_file_updates_an_item_nobody_edited(tmp_path):
    output = run(changed_coventry(tmp_path, "Achieving milestones (test change)."))
    assert "updated: indicator cov-dev-1-milestones" in output
    assert "Loaded: 0 added, 1 updated" in output
    assert Indicator.objects.get(key="cov-dev-1-milestones").text == "Achieving milestones (test change)."
    assert "Nothing to change" in run(tmp_path / "coventry.yaml")


def test_a_leads_admin_edit_is_kept_and_listed_until_forced(tmp_path):
    coventry = ROOT / "fixtures" / "coventry.yaml"
    indicator = Indicator.objects.get(key="cov-dev-1-milestones")
    indicator.text = "Achieving milestones (edited by a lead)."
    indicator.save()  # as the admin does

    output = run(coventry)
    assert "kept, edited in the admin since the last import (use --force to overwrite): indicator cov-dev-1-milestones" in output
    assert "0 updated" in output and "1 kept edits" in output
    assert Indicator.objects.get(key="cov-dev-1-milestones").text == "Achieving milestones (edited by a lead)."
    # Still kept when the file changes too: the lead's edit is never silently lost.
    assert "kept, edited in the admin" in run(changed_coventry(tmp_path, "Achieving milestones (file change)."))
    assert Indicator.objects.get(key="cov-dev-1-milestones").text == "Achieving milestones (edited by a lead)."

    output = run(coventry, "--force")
    assert "overwritten (edited in the admin, --force given): indicator cov-dev-1-milestones" in output
    assert Indicator.objects.get(key="cov-dev-1-milestones").text == "Achieving milestones."
    assert "Nothing to change" in run(coventry)


def test_an_edited_level_text_keeps_its_level(tmp_path):
    text = LevelText.objects.get(level__key="cov-level-1", kind="source_of_help")
    text.body = "Edited by a lead."
    text.save()
    output = run(ROOT / "fixtures" / "coventry.yaml")
    assert "kept, edited in the admin since the last import (use --force to overwrite): level cov-level-1" in output
    assert LevelText.objects.get(level__key="cov-level-1", kind="source_of_help").body == "Edited by a lead."


def test_an_id_with_a_trailing_line_break_is_refused(baseline, tmp_path):
    """A regular expression ending in $ also matches before a final line break, so
    "tst-ind-1-alpha\\n" (a YAML block scalar, say) used to pass as a valid id."""
    text = variant(TESTSHIRE, "- id: tst-ind-1-alpha", '- id: "tst-ind-1-alpha\\n"')
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = load([path])
    assert any("an id of 3 to 60 lower-case letters" in p.message for p in problems), problems
    assert not plan.changed
    assert snapshot(tmp_path / "after") == baseline


def test_a_time_with_a_trailing_line_break_is_refused(baseline, tmp_path):
    text = variant(CONTACTS, "opens: '09:00'", 'opens: "09:00\\n"')
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = load([path])
    assert any("opens" in p.message for p in problems), problems
    assert not plan.changed
    assert snapshot(tmp_path / "after") == baseline
