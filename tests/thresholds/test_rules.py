"""The "Which level?" rules: scenarios written from the documents, and their properties."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresholds.assessment import AssessmentError, assess
from thresholds.models import Framework, Indicator
from thresholds.rules import Combination, Need, distinct_groups, suggest

pytestmark = pytest.mark.django_db


def run(framework: str, *keys: str):
    return assess(framework=Framework.objects.get(slug=framework), keys=list(keys)).suggestion


def rules_of(suggestion) -> set[str]:
    return {note.rule for note in suggestion.notes}


# Single indicators at every level, in both areas -------------------------------------

@pytest.mark.parametrize(
    "framework, key, level",
    [
        ("coventry", "cov-dev-1-milestones", 1),
        ("coventry", "cov-dev-2-slow-milestones", 2),
        ("coventry", "cov-par-3-signs-of-neglect", 3),
        ("coventry", "cov-par-4-non-accidental-injury", 4),
        ("coventry", "cov-fam-4-fgm", 4),
        ("warwickshire", "war-health-1-registered-gp", 1),
        ("warwickshire", "war-health-2-missed-appointments", 2),
        ("warwickshire", "war-health-3-chronic-health-problems", 3),
        ("warwickshire", "war-ip-4-disclose-abuse", 4),
    ],
)
def test_one_indicator_suggests_its_own_level(framework, key, level):
    indicator = Indicator.objects.get(key=key)
    assert indicator.level.number == level
    suggestion = run(framework, key)
    assert suggestion.level == level
    if level == 1:
        assert [need.key for need in suggestion.strengths] == [key]
        assert "nothing-selected" in rules_of(suggestion)
    else:
        assert [need.key for need in suggestion.reasons] == [key]
        assert "highest-level" in rules_of(suggestion)


def test_nothing_selected_suggests_the_first_level_and_the_safeguarding_lead():
    for framework in ("coventry", "warwickshire"):
        suggestion = run(framework)
        assert suggestion.level == 1
        note = next(n.text for n in suggestion.notes if n.rule == "nothing-selected")
        assert "talk to your safeguarding lead" in note


def test_the_highest_level_selected_sets_the_suggestion():
    suggestion = run("coventry", "cov-dev-2-slow-milestones", "cov-par-4-private-fostering", "cov-fam-3-relationship-breakdown")
    assert suggestion.level == 4
    assert [n.key for n in suggestion.reasons] == ["cov-par-4-private-fostering"]


def test_universal_indicators_are_listed_as_strengths_not_reasons():
    suggestion = run("coventry", "cov-fam-1-secure-tenancy", "cov-dev-2-poor-attachment")
    assert suggestion.level == 2
    assert [n.key for n in suggestion.strengths] == ["cov-fam-1-secure-tenancy"]
    assert [n.key for n in suggestion.reasons] == ["cov-dev-2-poor-attachment"]
    assert "strengths" in rules_of(suggestion)


# Coventry: three needs across three Early Help outcome areas --------------------------

def test_coventry_three_level_2_needs_in_three_outcome_areas_suggest_level_3():
    # education, substance misuse, financial stability
    suggestion = run("coventry", "cov-dev-2-school-absences", "cov-dev-2-substance-misuse", "cov-fam-2-low-income")
    assert suggestion.level == 3
    assert suggestion.raised_by_combination
    note = next(n.text for n in suggestion.notes if n.rule == "combination-raised")
    assert "Families who have at least three identified needs within the 10 Family Outcomes Framework" in note
    assert "raised to Level 3 - Multi-agency Early Help" in note
    assert {n.key for n in suggestion.reasons} == {"cov-dev-2-school-absences", "cov-dev-2-substance-misuse", "cov-fam-2-low-income"}


def test_coventry_near_miss_two_needs_in_two_areas_stays_at_level_2():
    suggestion = run("coventry", "cov-dev-2-school-absences", "cov-fam-2-low-income")
    assert suggestion.level == 2 and not suggestion.raised_by_combination


def test_coventry_near_miss_three_needs_in_one_outcome_area_stays_at_level_2():
    # all three are tagged family relationships only
    suggestion = run("coventry", "cov-par-2-poor-supervision", "cov-par-2-inconsistent-care", "cov-par-2-inconsistent-parenting")
    assert suggestion.level == 2 and not suggestion.raised_by_combination


def test_coventry_near_miss_three_needs_in_two_areas_stays_at_level_2():
    suggestion = run("coventry", "cov-par-2-poor-supervision", "cov-par-2-inconsistent-care", "cov-fam-2-low-income")
    assert suggestion.level == 2 and not suggestion.raised_by_combination


def test_coventry_each_need_counts_in_one_area_only():
    # Two needs, one tagged with two areas, cover at most two areas: not three.
    suggestion = run("coventry", "cov-fam-2-gang-pressure", "cov-fam-2-weapons-compelled")
    assert suggestion.level == 2


def test_coventry_combination_does_not_lower_a_level_4_suggestion():
    suggestion = run("coventry", "cov-dev-2-school-absences", "cov-dev-2-substance-misuse", "cov-fam-2-low-income", "cov-fam-4-forced-marriage")
    assert suggestion.level == 4
    assert not suggestion.raised_by_combination


def test_coventry_universal_indicators_do_not_count_towards_three_needs():
    suggestion = run("coventry", "cov-dev-2-school-absences", "cov-fam-1-secure-tenancy", "cov-fam-1-manage-financially")
    assert suggestion.level == 2


# Warwickshire: a combination of lower-level indicators ---------------------------------

def test_warwickshire_early_support_indicators_in_two_domains_keep_the_level_and_warn():
    suggestion = run("warwickshire", "war-health-2-missed-appointments", "war-housing-2-debt-rent-arrears")
    assert suggestion.level == 2
    assert suggestion.combination_warning
    note = next(n.text for n in suggestion.notes if n.rule == "combination-warning")
    assert "Even a combination of lower-level indicators can raise overall risk and may warrant further intervention." in note
    assert "The suggestion stays at Early Support" in note


def test_warwickshire_two_early_support_indicators_in_one_domain_do_not_warn():
    suggestion = run("warwickshire", "war-health-2-missed-appointments", "war-health-2-slow-milestones")
    assert suggestion.level == 2 and not suggestion.combination_warning


def test_warwickshire_a_single_early_support_indicator_does_not_warn():
    assert not run("warwickshire", "war-health-2-missed-appointments").combination_warning


def test_warwickshire_immediate_protection_indicator_suggests_the_top_level():
    suggestion = run("warwickshire", "war-health-2-missed-appointments", "war-ip-4-left-alone")
    assert suggestion.level == 4


def test_warwickshire_nested_bullet_counts_at_its_own_level():
    child = Indicator.objects.filter(framework__slug="warwickshire", parent__isnull=False).first()
    assert run("warwickshire", child.key).level == child.level.number == 3


# Input the rules refuse -----------------------------------------------------------------

def test_unknown_ids_and_ids_of_the_other_framework_are_refused():
    with pytest.raises(AssessmentError, match="Unknown indicator"):
        run("coventry", "no-such-indicator")
    with pytest.raises(AssessmentError, match="belong to another framework"):
        run("coventry", "war-health-2-missed-appointments")


def test_more_than_500_ids_are_refused():
    with pytest.raises(AssessmentError, match="at most 500"):
        run("coventry", *["cov-dev-1-milestones"] * 501)


# Properties ------------------------------------------------------------------------------

LEVELS = {1: "Level 1", 2: "Level 2", 3: "Level 3", 4: "Level 4"}
AREAS = ["education", "health", "crime", "housing", "money"]
RAISE = Combination(at_level=2, minimum_needs=3, grouped_by="outcome_areas", minimum_groups=3, raises_to=3, explanation="x")
WARN = Combination(at_level=2, minimum_needs=2, grouped_by="domains", minimum_groups=2, raises_to=None, explanation="y")

needs_strategy = st.lists(
    st.builds(
        Need,
        key=st.sampled_from([f"n{i}" for i in range(12)]),
        text=st.just("t"),
        level=st.integers(1, 4),
        domain=st.sampled_from(["a", "b", "c", None]),
        outcome_areas=st.frozensets(st.sampled_from(AREAS), max_size=2),
    ),
    max_size=10,
).map(lambda needs: list({n.key: n for n in needs}.values()))  # one Need per key, as in the data


@settings(max_examples=300, deadline=None)
@given(needs=needs_strategy, extra=needs_strategy, rule=st.sampled_from([None, RAISE, WARN]))
def test_adding_an_indicator_never_lowers_the_level(needs, extra, rule):
    known = {n.key for n in needs}
    more = needs + [n for n in extra if n.key not in known]
    assert suggest(more, levels=LEVELS, rule=rule).level >= suggest(needs, levels=LEVELS, rule=rule).level


@settings(max_examples=300, deadline=None)
@given(needs=needs_strategy, rule=st.sampled_from([None, RAISE, WARN]), seed=st.randoms())
def test_order_and_repeats_do_not_matter(needs, rule, seed):
    shuffled = list(needs) + list(needs)
    seed.shuffle(shuffled)
    first, second = suggest(needs, levels=LEVELS, rule=rule), suggest(shuffled, levels=LEVELS, rule=rule)
    assert (first.level, first.notes, [n.key for n in first.reasons]) == (second.level, second.notes, [n.key for n in second.reasons])


@settings(max_examples=300, deadline=None)
@given(needs=needs_strategy, rule=st.sampled_from([None, RAISE, WARN]))
def test_never_below_the_highest_level_selected(needs, rule):
    result = suggest(needs, levels=LEVELS, rule=rule)
    assert result.level >= max((n.level for n in needs), default=1)
    assert result.notes, "every result says why"


def test_distinct_groups_counts_each_need_once():
    needs = [Need("a", "t", 2, outcome_areas=frozenset({"x", "y", "z"})), Need("b", "t", 2, outcome_areas=frozenset({"x"}))]
    assert distinct_groups(needs, "outcome_areas") == 2
