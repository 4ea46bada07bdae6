"""export_content: the round trip is exact; and a third partnership needs only a new YAML file."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from portal.cache import bump_content_version
from portal.content.loader import load
from tests.conftest import FIXTURE_FILES
from thresholds.models import Framework, Indicator, LevelText

pytestmark = pytest.mark.django_db

TESTSHIRE = Path(__file__).parent / "data" / "testshire.yaml"
TESTSHIRE_INDICATORS = [
    "Testshire placeholder indicator alpha.",
    "Testshire placeholder indicator beta.",
    "Testshire placeholder indicator gamma, nested under beta.",
]


def export_to(out: Path) -> list[Path]:
    stdout = StringIO()
    call_command("export_content", "--out", str(out), stdout=stdout)
    written = [Path(line.removeprefix("wrote ")) for line in stdout.getvalue().splitlines()]
    assert written and all(path.parent == out for path in written)
    return written


def test_export_writes_every_fixture_file_byte_for_byte(tmp_path):
    written = export_to(tmp_path)
    assert sorted(path.name for path in written) == sorted(path.name for path in FIXTURE_FILES)
    different = [path.name for path in written if path.read_bytes() != (FIXTURE_FILES[0].parent / path.name).read_bytes()]
    assert not different, f"not in exported form (run `manage.py export_content --out fixtures`): {different}"


def test_loading_the_exported_files_changes_nothing(tmp_path):
    written = export_to(tmp_path / "first")
    plan, problems = load(written)
    assert not problems
    assert not plan.changed and not plan.kept_edits and not plan.not_in_files
    assert len(plan.unchanged) > 400
    again = export_to(tmp_path / "second")
    assert {p.name: p.read_bytes() for p in again} == {p.name: p.read_bytes() for p in written}


def test_an_admin_edit_is_exported_and_loads_back_unchanged(tmp_path):
    indicator = Indicator.objects.get(key="war-ip-4-remanded")
    indicator.text = "Children who are remanded (edited in the admin)."
    indicator.save()
    written = export_to(tmp_path)
    warwickshire = (tmp_path / "warwickshire.yaml").read_text(encoding="utf-8")
    assert "  text: Children who are remanded (edited in the admin).\n" in warwickshire
    plan, problems = load([tmp_path / "warwickshire.yaml"])
    assert not problems and not plan.changed and not plan.kept_edits


def test_an_admin_edit_with_browser_line_endings_exports_as_readable_text(tmp_path):
    # A browser sends a text area's lines separated by CR LF; the file must still read as plain lines.
    text = LevelText.objects.get(level__key="cov-level-1", kind="actions")
    text.body = text.body.replace("\n", "\r\n")
    text.save()
    written = export_to(tmp_path)
    assert (tmp_path / "coventry.yaml").read_bytes() == (FIXTURE_FILES[0].parent / "coventry.yaml").read_bytes()
    plan, problems = load([tmp_path / "coventry.yaml"])
    assert not problems and not plan.changed and not plan.kept_edits


@pytest.fixture
def testshire(django_capture_on_commit_callbacks):
    """The invented Testshire framework loaded next to the real ones (rolled back after the test)."""
    with django_capture_on_commit_callbacks(execute=True):  # refreshes the public page cache
        plan, problems = load([TESTSHIRE])
    assert not problems, problems
    yield plan
    bump_content_version()  # the rows are rolled back: no cached page may keep showing them


def test_a_third_partnership_loads_from_one_new_yaml_file(testshire):
    assert "framework testshire" in testshire.added
    framework = Framework.objects.get(slug="testshire")
    assert framework.partnership.area == "Testshire"
    assert [i.text for i in framework.indicators.order_by("order")] == TESTSHIRE_INDICATORS
    assert Indicator.objects.get(key="tst-ind-2-gamma").parent.key == "tst-ind-2-beta"
    assert list(Framework.objects.values_list("slug", flat=True).order_by("slug")) == ["coventry", "testshire", "warwickshire"]
    assert Indicator.objects.filter(framework__slug="coventry").count() == 114  # the others are untouched


def test_the_third_partnership_has_its_pages(client: Client, testshire):
    index = client.get("/thresholds/")
    assert index.status_code == 200
    html = index.content.decode()
    assert "Testshire Test Framework" in html and "Right Help, Right Time" in html and "Spectrum of Support" in html

    framework = client.get("/thresholds/testshire/")
    assert framework.status_code == 200
    assert "Testshire Test Framework" in framework.content.decode()
    assert "Next review due: 31 January 2031" in framework.content.decode()

    table = client.get("/thresholds/testshire/table/")
    assert table.status_code == 200
    for text in TESTSHIRE_INDICATORS:
        assert text in table.content.decode()

    level_1, level_2 = client.get("/thresholds/testshire/levels/1/"), client.get("/thresholds/testshire/levels/2/")
    assert level_1.status_code == level_2.status_code == 200
    assert TESTSHIRE_INDICATORS[0] in level_1.content.decode()
    assert "Placeholder meaning of test level one." in level_1.content.decode()
    assert TESTSHIRE_INDICATORS[1] in level_2.content.decode() and TESTSHIRE_INDICATORS[2] in level_2.content.decode()

    indicator = client.get("/thresholds/testshire/indicators/tst-ind-1-alpha/")
    assert indicator.status_code == 200 and TESTSHIRE_INDICATORS[0] in indicator.content.decode()


def test_the_third_partnership_is_in_the_api(client: Client, testshire):
    frameworks = client.get("/api/v1/frameworks/").json()
    assert [fw["slug"] for fw in frameworks] == ["coventry", "testshire", "warwickshire"]
    testshire_api = next(fw for fw in frameworks if fw["slug"] == "testshire")
    assert testshire_api["area"] == "Testshire"
    detail = client.get("/api/v1/frameworks/testshire/").json()
    assert [i["id"] for i in detail["indicators"]] == ["tst-ind-1-alpha", "tst-ind-2-beta", "tst-ind-2-gamma"]


def test_the_third_partnership_round_trips_too(tmp_path, testshire):
    written = export_to(tmp_path)
    assert "testshire.yaml" in [path.name for path in written]
    plan, problems = load([tmp_path / "testshire.yaml"])
    assert not problems and not plan.changed and len(plan.unchanged) == 8


def test_the_crosswalk_labels_each_cell_with_its_own_area_for_a_third_partnership(client: Client, testshire):
    """The stacked (phone) view names each cell's area; with three frameworks a two-way cycle
    put Coventry's label on Testshire's cell."""
    import re

    html = client.get("/thresholds/crosswalk/").content.decode()
    labels = re.findall(r'<td class="govuk-table__cell" data-label="([^"]*)">', html)
    assert labels[:3] == ["Coventry", "Testshire", "Warwickshire"]
    assert labels == ["Coventry", "Testshire", "Warwickshire"] * (len(labels) // 3)
