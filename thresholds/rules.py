"""The "Which level?" rules, as small pure functions a safeguarding lead can read.

The rules come from the documents:

1. The suggestion is the highest level among the indicators selected.
2. Nothing selected: the first level, and any worry that is not listed goes to the
   safeguarding lead.
3. First-level (universal) indicators describe needs that are met: they are strengths.
4. Several needs together (the framework's *combination rule*, from its YAML file):
   - Coventry: three or more Level 2 needs in at least three different Early Help outcome
     areas suggest Level 3, because "Families who have at least three identified needs within
     the 10 Family Outcomes Framework ... should receive intensive and individualised
     multiagency early help" (Early Help Strategy, Supporting Families Programme);
   - Warwickshire: two or more Early Support indicators in different domains keep the level,
     but the result shows "Even a combination of lower-level indicators can raise overall
     risk and may warrant further intervention" and advises a conversation.

Nothing here reads the database: callers pass in what the rules need.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Need:
    """What the rules need to know about one selected indicator."""

    key: str
    text: str
    level: int
    domain: str | None = None  # the domain's name
    outcome_areas: frozenset[str] = frozenset()  # outcome area names (editorial tags)


@dataclass(frozen=True)
class Combination:
    """A framework's combination rule (see thresholds.models.CombinationRule)."""

    at_level: int
    minimum_needs: int
    grouped_by: str  # "outcome_areas" or "domains"
    minimum_groups: int
    raises_to: int | None
    explanation: str
    advice: str = ""


@dataclass(frozen=True)
class Note:
    rule: str  # highest-level, nothing-selected, strengths, combination-raised, combination-warning
    text: str


@dataclass
class Suggestion:
    level: int
    reasons: list[Need] = field(default_factory=list)  # the indicators that led to the level
    strengths: list[Need] = field(default_factory=list)  # level 1 indicators: needs that are met
    notes: list[Note] = field(default_factory=list)
    raised_by_combination: bool = False
    combination_warning: bool = False


def unique(needs: list[Need]) -> list[Need]:
    """Each indicator once, in a fixed order (level, then text): order and repeats do not matter."""
    return sorted({need.key: need for need in needs}.values(), key=lambda n: (n.level, n.text, n.key))


def highest_level(needs: list[Need]) -> int | None:
    return max((need.level for need in needs), default=None)


def groups_of(need: Need, grouped_by: str) -> frozenset[str]:
    if grouped_by == "outcome_areas":
        return need.outcome_areas
    return frozenset({need.domain}) if need.domain else frozenset()


def distinct_groups(needs: list[Need], grouped_by: str) -> int:
    """How many different groups the needs cover, counting each need in one group only.

    So three needs that are all about school count once, even if one of them is also
    tagged with another area. (The largest matching of needs to groups.)
    """
    matched: dict[str, str] = {}  # group -> need key

    def place(need: Need, seen: set[str]) -> bool:
        for group in sorted(groups_of(need, grouped_by)):
            if group in seen:
                continue
            seen.add(group)
            holder = matched.get(group)
            if holder is None or place(next(n for n in needs if n.key == holder), seen):
                matched[group] = need.key
                return True
        return False

    return sum(1 for need in needs if place(need, set()))


def combination_applies(needs: list[Need], rule: Combination) -> bool:
    counted = [need for need in needs if need.level == rule.at_level]
    return len(counted) >= rule.minimum_needs and distinct_groups(counted, rule.grouped_by) >= rule.minimum_groups


def suggest(needs: list[Need], *, levels: dict[int, str], rule: Combination | None = None) -> Suggestion:
    """The suggested level for the selected indicators, with the reasons in plain words."""
    needs = unique(needs)
    first = min(levels)
    strengths = [need for need in needs if need.level == first]
    concerns = [need for need in needs if need.level != first]
    if not concerns:
        suggestion = Suggestion(level=first, strengths=strengths)
        suggestion.notes.append(Note("nothing-selected", (
            f"You did not select anything above {levels[first]}, so the suggestion is {levels[first]}. "
            "If you are worried about something that is not listed, talk to your safeguarding lead."
        )))
    else:
        top = highest_level(concerns)
        suggestion = Suggestion(level=top, reasons=[n for n in concerns if n.level == top], strengths=strengths)
        suggestion.notes.append(Note("highest-level", (
            f"The suggestion is {levels[top]} because it is the highest level among the "
            f"{'indicator' if len(concerns) == 1 else 'indicators'} you selected."
        )))
    if strengths:
        suggestion.notes.append(Note("strengths", (
            f"{len(strengths)} of your answers {'is' if len(strengths) == 1 else 'are'} at {levels[first]}: "
            "these describe needs that are being met, so they are listed as strengths."
        )))
    if rule and combination_applies(needs, rule):
        apply_combination(suggestion, needs, rule, levels)
    return suggestion


def apply_combination(suggestion: Suggestion, needs: list[Need], rule: Combination, levels: dict[int, str]) -> None:
    counted = [need for need in needs if need.level == rule.at_level]
    groups = sorted(set().union(*(groups_of(need, rule.grouped_by) for need in counted)))
    group_word = "outcome areas" if rule.grouped_by == "outcome_areas" else "domains"
    found = (
        f"You selected {len(counted)} needs at {levels[rule.at_level]} in {distinct_groups(counted, rule.grouped_by)} "
        f"different {group_word} ({', '.join(groups)})."
    )
    if rule.raises_to is not None and rule.raises_to > suggestion.level:
        suggestion.level = rule.raises_to
        suggestion.reasons = counted
        suggestion.raised_by_combination = True
        suggestion.notes.append(Note("combination-raised", (
            f"{found} The guidance says: “{rule.explanation}” So the suggestion is raised to {levels[rule.raises_to]}."
        )))
    elif rule.raises_to is None:
        suggestion.combination_warning = True
        suggestion.notes.append(Note("combination-warning", (
            f"{found} The guidance says: “{rule.explanation}” The suggestion stays at {levels[suggestion.level]}, "
            "but talk it through before you decide."
            + (f" “{rule.advice}”" if rule.advice else "")
        )))


def explain(*, levels: dict[int, str], rule: Combination | None) -> list[str]:
    """The rules in words, for the "How the suggestion is worked out" page."""
    first = min(levels)
    lines = [
        "The suggestion is the highest level among the indicators you select.",
        f"If you select nothing above {levels[first]}, the suggestion is {levels[first]}. If you are worried "
        "about something that is not listed, talk to your safeguarding lead.",
        f"Indicators at {levels[first]} describe needs that are being met: the result lists them as strengths.",
    ]
    if rule:
        group_word = "Early Help outcome areas" if rule.grouped_by == "outcome_areas" else "domains"
        if rule.raises_to is not None:
            lines.append(
                f"If you select {rule.minimum_needs} or more needs at {levels[rule.at_level]} in at least "
                f"{rule.minimum_groups} different {group_word}, the suggestion is raised to {levels[rule.raises_to]}, "
                f"because the guidance says: “{rule.explanation}”"
            )
        else:
            lines.append(
                f"If you select {rule.minimum_needs} or more indicators at {levels[rule.at_level]} in at least "
                f"{rule.minimum_groups} different {group_word}, the level does not change, but the result shows the "
                f"guidance's words: “{rule.explanation}”"
            )
    lines.append("Every result supports, and never replaces, your professional judgement and a conversation with your safeguarding lead.")
    return lines
