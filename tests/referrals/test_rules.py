"""Every branch of both checklists, through the rules alone (referrals/rules.py)."""

import pytest

from referrals import rules
from referrals.answers import Answers
from referrals.models import ChecklistItem
from referrals.rules import Outcome
from referrals.selectors import flow_for

pytestmark = pytest.mark.django_db

MARF_TICKS = {"cov-marf-names-checked", "cov-marf-contact-details-checked", "cov-marf-evidence-attached", "cov-marf-same-day"}
FC_TICKS = {
    "war-fc-safeguarding-lead", "war-fc-strengths", "war-fc-caller-details", "war-fc-family-concerns",
    "war-fc-history", "war-fc-summary", "war-fc-relationship-outcome", "war-fc-action-plan",
}


@pytest.fixture
def marf():
    return flow_for("coventry")


@pytest.fixture
def call():
    return flow_for("warwickshire")


def done(**kwargs) -> Answers:
    kwargs.setdefault("danger", "no")
    kwargs["ticks"] = frozenset(kwargs.get("ticks", ()))
    kwargs["answered"] = frozenset(kwargs.get("answered", ("reasons", "ready")))
    return Answers(**kwargs)


def test_the_first_question_is_immediate_danger_and_yes_means_999_and_nothing_else(marf, call):
    for flow in (marf, call):
        assert rules.next_step(flow, Answers()) == "danger"
        answers = Answers(danger="yes")
        assert rules.steps(flow, answers) == ["danger"]
        assert rules.next_step(flow, answers) is None
        assert rules.outcome(flow, answers) == Outcome.CALL_999


def test_a_level_from_the_questionnaire_skips_the_level_question(marf):
    assert rules.next_step(marf, Answers(level=4, danger="no")) == "family"


@pytest.mark.parametrize("level", [1, 2, 3])
def test_coventry_below_level_4_is_another_route_with_no_more_questions(marf, level):
    answers = Answers(danger="no", level=level)
    assert rules.another_route_at_this_level(marf, answers)
    assert rules.steps(marf, answers) == ["danger", "level"]
    assert rules.outcome(marf, answers) == Outcome.ANOTHER_ROUTE


def test_warwickshire_universal_is_another_route_but_early_support_and_family_help_are_not(call):
    assert rules.outcome(call, Answers(danger="no", level=1)) == Outcome.ANOTHER_ROUTE
    for level in (2, 3, 4):
        assert not rules.another_route_at_this_level(call, Answers(danger="no", level=level))


def test_not_sure_of_the_level_means_work_it_out_first(marf, call):
    for flow in (marf, call):
        assert rules.outcome(flow, Answers(danger="no", level="unsure")) == Outcome.LEVEL_NOT_KNOWN


def test_coventry_level_4_path_with_the_family_told(marf):
    answers = Answers(danger="no", level=4, family="yes")
    assert rules.steps(marf, answers) == ["danger", "level", "family", "ready"]
    assert rules.next_step(marf, answers) == "ready"


def test_coventry_ready_when_the_family_is_told_and_every_tick_is_ticked(marf):
    assert rules.outcome(marf, done(level=4, family="yes", ticks=MARF_TICKS)) == Outcome.READY
    assert rules.still_missing(marf, done(level=4, family="yes", ticks=MARF_TICKS)) == []


@pytest.mark.parametrize("missing", sorted(MARF_TICKS))
def test_coventry_each_unticked_item_is_listed_with_its_words_and_source(marf, missing):
    answers = done(level=4, family="yes", ticks=MARF_TICKS - {missing})
    assert rules.outcome(marf, answers) == Outcome.NOT_READY
    [entry] = rules.still_missing(marf, answers)
    item = next(i for i in marf.ticks if i.key == missing)
    assert (entry.what, entry.why, entry.source_file, entry.step) == (item.text, item.why, item.source_file, "ready")


def test_coventry_same_day_says_why_in_the_documents_words(marf):
    [entry] = rules.still_missing(marf, done(level=4, family="yes", ticks=MARF_TICKS - {"cov-marf-same-day"}))
    assert entry.why.startswith("This is particularly important where referrals are made by nurseries, schools")


def test_coventry_not_telling_the_family_because_of_risk_requires_the_recorded_reasons(marf):
    answers = Answers(danger="no", level=4, family="risk", ticks=frozenset(MARF_TICKS), answered=frozenset({"ready"}))
    assert rules.steps(marf, answers) == ["danger", "level", "family", "reasons", "ready"]
    assert rules.next_step(marf, answers) == "reasons"  # cannot skip the confirmation
    unconfirmed = done(level=4, family="risk", ticks=MARF_TICKS)
    assert rules.outcome(marf, unconfirmed) == Outcome.NOT_READY
    [entry] = rules.still_missing(marf, unconfirmed)
    assert entry.step == "reasons"
    assert "the decision must be recorded in the child's file with reasons, dated and signed and included on the MARF" in entry.what
    confirmed = done(level=4, family="risk", ticks=MARF_TICKS | {"cov-marf-reasons-recorded"})
    assert rules.outcome(marf, confirmed) == Outcome.READY


def test_coventry_family_not_yet_told_is_never_ready(marf):
    answers = done(level=4, family="not_yet", ticks=MARF_TICKS | {"cov-marf-reasons-recorded"})
    assert rules.outcome(marf, answers) == Outcome.NOT_READY
    [entry] = rules.still_missing(marf, answers)
    assert entry.step == "family"
    assert entry.what.endswith("you will be asked to make the family aware before the referral is processed.")
    assert entry.source_file == "000_5cb4bff4e5d3f4b4.txt"


def test_the_recorded_reasons_tick_is_ignored_when_the_family_was_told(marf):
    answers = Answers(danger="no", level=4, family="yes")
    assert "reasons" not in rules.steps(marf, answers)


def test_warwickshire_ready_with_consent_and_every_tick(call):
    assert rules.outcome(call, done(level=3, family="yes", ticks=FC_TICKS)) == Outcome.READY


@pytest.mark.parametrize("missing", sorted(FC_TICKS))
def test_warwickshire_each_unticked_item_is_listed(call, missing):
    answers = done(level=2, family="yes", ticks=FC_TICKS - {missing})
    assert [entry.what for entry in rules.still_missing(call, answers)] == [next(i.text for i in call.ticks if i.key == missing)]


def test_warwickshire_consent_not_yet_given_is_missing_with_what_family_connect_will_do(call):
    answers = done(level=3, family="not_yet", ticks=FC_TICKS)
    [entry] = rules.still_missing(call, answers)
    assert entry.what.startswith("Family Connect workers will coach professionals in gaining consent")
    assert "parental consent is required" not in entry.what and entry.why.startswith("Except for statutory child protection work")


def test_warwickshire_consent_withheld_because_of_risk_has_no_extra_tick_and_can_be_ready(call):
    answers = done(level=3, family="risk", ticks=FC_TICKS)
    assert "reasons" not in rules.steps(call, answers)
    assert rules.outcome(call, answers) == Outcome.READY


def test_warwickshire_immediate_protection_does_not_ask_for_consent(call):
    answers = Answers(danger="no", level=4)
    assert rules.steps(call, answers) == ["danger", "level", "ready"]
    assert rules.outcome(call, done(level=4, family="not_yet", ticks=FC_TICKS)) == Outcome.READY


def test_an_unsubmitted_tick_page_is_still_open(marf):
    assert rules.next_step(marf, Answers(danger="no", level=4, family="yes", ticks=frozenset(MARF_TICKS))) == "ready"


def test_a_risk_tick_that_does_not_apply_at_this_level_is_not_required(marf):
    """The reasons page shows only the risk ticks that apply at the chosen level; one it does
    not show (a lead limited it to other levels) must not be listed as missing, or the
    practitioner could never reach "Ready"."""
    ChecklistItem.objects.filter(key="cov-marf-reasons-recorded").update(only_at_levels=[3])
    flow = flow_for("coventry")
    answers = done(level=4, family="risk", ticks=MARF_TICKS)
    assert [item for item in flow.risk_ticks if item.applies_at(4)] == []  # not on the reasons page
    assert rules.still_missing(flow, answers) == []
    assert rules.outcome(flow, answers) == Outcome.READY
