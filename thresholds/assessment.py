"""Reads the selected indicators and runs the "Which level?" rules on them.

Used by both the questionnaire pages and GET /api/v1/assess, so they always agree.
"""

from dataclasses import dataclass

from portal.content.schema import ID_PATTERN
from thresholds import rules
from thresholds.models import CombinationRule, Framework, Indicator, Level

MAX_INDICATORS = 500


class AssessmentError(Exception):
    """The request cannot be assessed; the message says why in plain words."""


@dataclass
class Assessment:
    framework: Framework
    level: Level
    suggestion: rules.Suggestion
    indicators: dict[str, Indicator]  # the selected indicators by key


def combination_of(framework: Framework) -> rules.Combination | None:
    return as_combination(CombinationRule.objects.filter(framework=framework).first())


def as_combination(rule: CombinationRule | None) -> rules.Combination | None:
    """The rules' view of a framework's combination rule row."""
    if rule is None:
        return None
    return rules.Combination(
        at_level=rule.at_level, minimum_needs=rule.minimum_needs, grouped_by=rule.grouped_by,
        minimum_groups=rule.minimum_groups, raises_to=rule.raises_to, explanation=rule.explanation, advice=rule.advice,
    )


def load_indicators(framework: Framework, keys: list[str]) -> dict[str, Indicator]:
    """The framework's indicators with these keys; AssessmentError if any is unknown or not its own."""
    if len(keys) > MAX_INDICATORS:
        raise AssessmentError(f"Give at most {MAX_INDICATORS} indicators (this request has {len(keys)}).")
    wanted = set(keys)
    # Only well-formed ids reach the database (PostgreSQL refuses some characters, such as NUL).
    found = {
        row.key: row
        for row in Indicator.objects.filter(key__in={key for key in wanted if ID_PATTERN.match(key)})
        .select_related("framework", "level", "domain")
        .prefetch_related("editorial_outcome_areas")
    }
    unknown = sorted(wanted - set(found))
    if unknown:
        shown = ", ".join(repr(key[:60]) for key in unknown[:5])
        raise AssessmentError(f"Unknown indicator id(s): {shown}{' and more' if len(unknown) > 5 else ''}.")
    foreign = sorted(key for key, row in found.items() if row.framework_id != framework.pk)
    if foreign:
        raise AssessmentError(f"These indicators belong to another framework, not {framework.slug}: {', '.join(foreign[:5])}.")
    return found


def as_need(indicator: Indicator) -> rules.Need:
    return rules.Need(
        key=indicator.key,
        text=indicator.text,
        level=indicator.level.number,
        domain=indicator.domain.name if indicator.domain_id else None,
        outcome_areas=frozenset(area.name for area in indicator.editorial_outcome_areas.all()),
    )


def assess(*, framework: Framework, keys: list[str]) -> Assessment:
    indicators = load_indicators(framework, keys)
    levels = {level.number: level for level in Level.objects.filter(framework=framework)}
    suggestion = rules.suggest(
        [as_need(row) for row in indicators.values()],
        levels={number: level.name for number, level in levels.items()},
        rule=combination_of(framework),
    )
    return Assessment(framework=framework, level=levels[suggestion.level], suggestion=suggestion, indicators=indicators)
