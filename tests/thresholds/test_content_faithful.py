"""The content is faithful to the source documents: every item, word for word, in the right place.

The numbers below were counted by hand from the source documents in settings.SOURCE_DOCUMENTS_DIR
(Coventry's Section 9 table in 001_..., Warwickshire's "Indicators of possible need" in 004_...).
"""

import re
from collections import Counter, defaultdict
from functools import cache

import pytest
from django.apps import apps
from django.conf import settings

from hubs.models import Contact, Phone
from thresholds.models import Domain, Framework, Indicator, Level, LevelText, SourceDocument

pytestmark = pytest.mark.django_db

RHRT = "001_0047487914b27ebb.txt"
SPECTRUM = "004_a77ff966f8bc743f.txt"

# The only places where the content knowingly differs from the extracted text of its source:
# {item id (or "level id/text kind"): [(as the portal says it, as the source file prints it)]}.
# Each is an obvious extraction or spelling slip (docs/content-format.md, "Words").
CORRECTIONS = {
    # Spelling slip in the source: "as indicted on an exploitation screening tool".
    "cov-fam-2-low-exploitation-risk": [("as indicated on", "as indicted on")],
    # Two Level 4 cells ran together ("...with unknown adults offending behaviour..."):
    # split back into two items, the second with its capital letter.
    "cov-dev-4-offending-harm": [("Offending behaviour", "offending behaviour")],
    # Missing and extra spaces from the PDF extraction ("shouldbe", "al ready").
    "cov-level-3/actions": [("should be sent", "shouldbe sent"), ("already involved", "al ready involved")],
    # A page break put the end of a sentence into a heading ("South Warwickshire. ### **Foundation...").
    "war-level-4/meaning": [
        ("South Warwickshire Foundation Trust, and education.", "South Warwickshire. ### **Foundation Trust, and education.**")
    ],
}
# Level texts that quote sentences from one passage but leave some out: checked sentence by sentence.
ABRIDGED_LEVEL_TEXTS = {"war-level-2/family"}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_text(name: str) -> str:
    return collapse((settings.SOURCE_DOCUMENTS_DIR / name).read_text(encoding="utf-8"))


def corrected(key: str, text: str) -> str:
    """The text as its source prints it, once the documented corrections are undone."""
    for ours, theirs in CORRECTIONS.get(key, []):
        assert ours in text, f"{key}: the correction {ours!r} no longer applies; remove it"
        text = text.replace(ours, theirs)
    return text


def as_in_source(key: str, text: str) -> str:
    return collapse(corrected(key, text))


def found_in(text: str, source: str) -> bool:
    """Word for word, allowing a full stop the portal added at the end of an item."""
    return text in source or (text.endswith(".") and text[:-1] in source)


def per_level_and_domain(slug: str) -> Counter:
    rows = Indicator.objects.filter(framework__slug=slug).values_list("level__number", "domain__key")
    return Counter(rows)


# Counts


def test_coventry_has_114_indicators_in_3_domains_as_section_9_does():
    assert Indicator.objects.filter(framework__slug="coventry").count() == 114
    assert list(Domain.objects.filter(framework__slug="coventry").values_list("key", flat=True)) == [
        "cov-domain-development",
        "cov-domain-parental-capacity",
        "cov-domain-family-environment",
    ]
    expected = {
        "cov-domain-development": [7, 12, 12, 13],
        "cov-domain-parental-capacity": [8, 12, 6, 11],
        "cov-domain-family-environment": [6, 11, 6, 10],
    }
    counts = per_level_and_domain("coventry")
    assert {domain: [counts[(level, domain)] for level in (1, 2, 3, 4)] for domain in expected} == expected


def test_warwickshire_has_129_indicators_per_level_and_domain_as_the_document_does():
    assert Indicator.objects.filter(framework__slug="warwickshire").count() == 129
    per_level = Counter(Indicator.objects.filter(framework__slug="warwickshire").values_list("level__number", flat=True))
    assert dict(per_level) == {1: 33, 2: 43, 3: 43, 4: 10}
    domains = ["health", "education", "social-emotional", "abuse-neglect", "substance-misuse",
               "domestic-abuse", "housing", "disability", "extra-familial-harm", "young-carer"]  # fmt: skip
    assert list(Domain.objects.filter(framework__slug="warwickshire").values_list("key", flat=True)) == [
        f"war-domain-{d}" for d in domains
    ]
    # Counted by hand from 004_a77ff966f8bc743f.txt, domain by domain, in the order above.
    expected = {
        1: [6, 5, 5, 4, 2, 2, 3, 2, 3, 1],  # Universal
        2: [5, 5, 7, 6, 4, 4, 5, 2, 4, 1],  # Early Support
        3: [6, 4, 7, 7, 4, 3, 5, 2, 4, 1],  # Family Help
    }
    counts = per_level_and_domain("warwickshire")
    assert {level: [counts[(level, f"war-domain-{d}")] for d in domains] for level in expected} == expected
    assert counts[(4, None)] == 10  # immediate protection: one list, no domains


def test_family_help_social_and_emotional_health_keeps_its_nested_bullets():
    rows = Indicator.objects.filter(level__framework__slug="warwickshire", level__number=3, domain__key="war-domain-social-emotional")
    parents = [i for i in rows if i.parent_id is None]
    children = [i for i in rows if i.parent_id is not None]
    assert len(parents) == 2 and len(children) == 5
    assert Counter(i.parent.key for i in children) == {
        "war-social-3-carer-cannot-engage": 4,
        "war-social-3-carer-mental-health-act": 1,
    }
    assert Indicator.objects.filter(parent__isnull=False).count() == 5  # nowhere else nests


def test_each_framework_has_four_levels_with_the_documents_names():
    def names(slug):
        return list(Level.objects.filter(framework__slug=slug).order_by("number").values_list("number", "name"))

    assert names("coventry") == [
        (1, "Level 1 - Universal"),
        (2, "Level 2 - Early Help"),
        (3, "Level 3 - Multi-agency Early Help"),
        (4, "Level 4 - Statutory Intervention"),
    ]
    assert names("warwickshire") == [
        (1, "Universal"),
        (2, "Early Support"),
        (3, "Family Help"),
        (4, "Family Help - immediate protection"),
    ]
    assert Framework.objects.get(slug="coventry").name == "Right Help, Right Time"
    assert Framework.objects.get(slug="warwickshire").name == "Spectrum of Support"


# Spot checks of exact text


@pytest.mark.parametrize(
    "key, level, domain, text",
    [
        ("cov-dev-1-milestones", 1, "cov-domain-development", "Achieving milestones."),
        ("cov-dev-4-non-mobile-injury", 4, "cov-domain-development", "Non-mobile child with injury."),
        ("cov-par-2-reported-domestic-abuse", 2, "cov-domain-parental-capacity",
         "Reported domestic abuse where impact on child is not immediately known, e.g. the child is not present."),
        ("cov-dev-3-risky-sexual-behaviour", 3, "cov-domain-development",
         "Risky sexual behaviour/activity."),
        ("war-health-1-registered-gp", 1, "war-domain-health", "Registered with a GP."),
        ("war-carer-3-regular-caring", 3, "war-domain-young-carer",
         "The child regularly has caring responsibilities which is significantly impacting on their development and opportunities."),
        ("war-ip-4-remanded", 4, None, "Children who are remanded."),
        ("war-social-3-suicidal-ideation", 3, "war-domain-social-emotional",
         "The child has expressed suicidal ideation but with no known plan of intent, and they are under hospital care and engaging with mental health services."),
    ],
)  # fmt: skip
def test_indicator_text_is_exactly_the_documents(key, level, domain, text):
    indicator = Indicator.objects.select_related("level", "domain").get(key=key)
    assert indicator.text == text
    assert indicator.level.number == level
    assert (indicator.domain.key if indicator.domain else None) == domain


def test_level_texts_are_exactly_the_documents():
    cov_1 = LevelText.objects.get(level__key="cov-level-1", kind="source_of_help")
    assert cov_1.body == "No additional help and support required."
    cov_1_actions = LevelText.objects.get(level__key="cov-level-1", kind="actions")
    assert cov_1_actions.body == (
        "- No additional assessment needed.\n"
        "- Check if children are in receipt of universal services and signpost to relevant service(s) if required."
    )
    war_1 = LevelText.objects.get(level__key="war-level-1", kind="outcome")
    assert war_1.body == "Children, young people, and their families make timely progress in most areas of development."
    cov_4 = Level.objects.get(key="cov-level-4")
    assert cov_4.summary == "Acute needs - at risk of significant harm"


def test_contacts_have_the_documents_numbers():
    def numbers(key):
        return list(Phone.objects.filter(contact__key=key).values_list("number", flat=True))

    assert numbers("cov-social-care") == ["024 7678 8555"]
    assert [o["label"] for o in Phone.objects.get(contact__key="cov-social-care").options] == [
        "For existing cases", "For advice from a social worker", "To make a referral", "Any other enquiry",
    ]  # fmt: skip
    assert numbers("cov-edt") == ["024 7683 2222"]
    assert numbers("cov-police") == ["999"]
    assert numbers("cov-nspcc") == ["0808 800 5000"]
    assert numbers("war-family-connect") == ["01926 414144"]
    assert numbers("war-fis") == ["0800 408 1558"]
    hubs = Contact.objects.filter(partnership__slug="coventry", kind=Contact.Kind.FAMILY_HUB)
    assert {hub.name: hub.phones.get().number for hub in hubs} == {
        "The Moat Family Hub": "024 7678 5621",
        "Park Edge Family Hub": "024 7678 6868",
        "Woodside Family Hub": "024 7678 8430",
        "Aspire Family Hub": "024 7678 8489",
        "Pathways Family Hub": "024 7676 8444",
        "Mosaic Family Hub": "024 7678 7801",  # "Mosiac" in the source: a documented spelling fix
        "Families For All Hub": "024 7678 5575",
        "Harmony Hub": "024 7678 7474",
    }


# Faithfulness: everything is in its cited source


def test_the_corrections_stay_few():
    assert sum(len(fixes) for fixes in CORRECTIONS.values()) <= 6
    assert len(ABRIDGED_LEVEL_TEXTS) <= 2


def test_every_indicator_is_word_for_word_in_its_cited_source():
    missing = []
    for indicator in Indicator.objects.all():
        if not found_in(as_in_source(indicator.key, indicator.text), source_text(indicator.source_file)):
            missing.append(f"{indicator.key}: {indicator.text}")
    assert not missing, "\n".join(missing)


def test_every_level_text_line_is_word_for_word_in_its_cited_source():
    missing = []
    for text in LevelText.objects.select_related("level"):
        key = f"{text.level.key}/{text.kind}"
        source = source_text(text.source_file)
        for line in corrected(key, text.body).splitlines():
            line = re.sub(r"^\s*- ", "", line).strip()
            parts = re.split(r"(?<=\.) ", line) if key in ABRIDGED_LEVEL_TEXTS else [line]
            missing += [f"{key}: {part}" for part in parts if part and not found_in(collapse(part), source)]
    assert not missing, "\n".join(missing)


def test_coventry_indicators_fill_section_9_cells_in_order_and_completely():
    lines = (settings.SOURCE_DOCUMENTS_DIR / RHRT).read_text(encoding="utf-8").splitlines()
    rows = {
        "cov-domain-development": "CHILD' S DEVELOPMENTAL NEED",
        "cov-domain-parental-capacity": "PARENTAL CAPACITY",
        "cov-domain-family-environment": "FAMILY AND ENVIRONMENTAL FACTORS",
    }
    for domain, label in rows.items():
        cells = next(line for line in lines if line.startswith(label + "\t")).split("\t")[1:]
        assert len(cells) == 4
        for number, cell in enumerate(cells, start=1):
            cell = collapse(cell)
            left, position = [], 0  # the parts of the cell no indicator covers
            for indicator in Indicator.objects.filter(domain__key=domain, level__number=number).order_by("order"):
                text = as_in_source(indicator.key, indicator.text)
                at = cell.find(text, position)
                if at < 0 and text.endswith("."):
                    text = text[:-1]
                    at = cell.find(text, position)
                assert at >= 0, f"{indicator.key} is not in the {label} cell for level {number} (in order)"
                left.append(cell[position:at])
                position = at + len(text)
            left.append(cell[position:])
            assert re.fullmatch(r"[\s.]*", "".join(left)), f"{label}, level {number}: not in the portal: {left!r}"


def warwickshire_source_bullets() -> dict:
    """{(level number, domain name or None): [(text, text of the bullet it is nested under)]}."""
    text = (settings.SOURCE_DOCUMENTS_DIR / SPECTRUM).read_text(encoding="utf-8")
    part = text[text.index("# Indicators of possible need – Universal") : text.index("# Warwickshire Family Information")]
    found, level, domain, parent = defaultdict(list), None, None, None
    for line in part.splitlines():
        if line.startswith("#"):
            heading = line.strip("# *")
            if "possible need" in heading:
                level = 4 if "immediate" in heading else 3 if "Family Help" in heading else 2 if "Early" in heading else 1
                domain = None
            else:
                domain = heading
        elif line.lstrip().startswith("- "):
            nested = line.startswith(" ")
            item = collapse(line.strip()[2:])
            found[(level, domain)].append((item, parent if nested else None))
            parent = parent if nested else item
    return dict(found)


def test_warwickshire_indicators_match_the_documents_lists_bullet_for_bullet():
    ours = defaultdict(list)
    rows = Indicator.objects.filter(framework__slug="warwickshire").select_related("level", "domain", "parent")
    for indicator in rows.order_by("order"):
        parent = as_in_source(indicator.parent.key, indicator.parent.text) if indicator.parent else None
        key = (indicator.level.number, indicator.domain.name if indicator.domain else None)
        ours[key].append((as_in_source(indicator.key, indicator.text), parent))
    assert dict(ours) == warwickshire_source_bullets()


def test_every_cited_source_file_is_a_real_source_document():
    seeds = {path.name for path in settings.SOURCE_DOCUMENTS_DIR.glob("*.txt")}
    cited = set(SourceDocument.objects.values_list("file", flat=True))
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if "source_file" in names and not model.__name__.startswith("Historical"):
            # Blank only where a source is optional (e.g. a checklist's Yes/No answer options).
            cited |= set(model.objects.exclude(source_file="").values_list("source_file", flat=True))
    assert cited and cited <= seeds, cited - seeds
    assert {RHRT, SPECTRUM} <= cited


def test_every_contact_phone_number_is_in_its_source():
    for phone in Phone.objects.select_related("contact"):
        source = (settings.SOURCE_DOCUMENTS_DIR / phone.contact.source_file).read_text(encoding="utf-8")
        printed = {re.sub(r"\D", "", number) for number in re.findall(r"\d[\d ]*\d", source)}
        assert re.sub(r"\D", "", phone.number) in printed, f"{phone.contact.key}: {phone.number}"
