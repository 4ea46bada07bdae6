"""A practitioner's answers, carried in the web address: read strictly, written back canonically.

Nothing is stored. Every answer is a choice or a tick, never free text, so an address holds
no names. A value the flow did not offer (an edited or cut-off link) is a `BadAnswer`, which
the pages show as a clear error (400), never as a server error.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.http import QueryDict

from referrals.models import ANSWER_VALUES, Role

UNSURE = "unsure"  # the level answer "I'm not sure"
QUESTION_STEPS = {"danger": Role.IMMEDIATE_DANGER, "level": Role.LEVEL, "family": Role.FAMILY}
TICK_STEPS = {"reasons": Role.RISK_TICK, "ready": Role.TICK}
STEPS = ("danger", "level", "family", "reasons", "ready")


class BadAnswer(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True)
class Answers:
    danger: str | None = None  # "yes" or "no"
    level: int | str | None = None  # a level number, or UNSURE
    family: str | None = None  # "yes", "risk" or "not_yet"
    ticks: frozenset[str] = field(default_factory=frozenset)  # ids of ticked items
    answered: frozenset[str] = field(default_factory=frozenset)  # tick steps submitted (nothing ticked is an answer too)

    def with_question(self, step: str, value) -> "Answers":
        return replace(self, **{step: value})

    def with_ticks(self, step: str, own: set[str], ticked: set[str]) -> "Answers":
        return replace(self, ticks=frozenset((self.ticks - own) | ticked), answered=self.answered | {step})

    def without(self, step: str, own_ticks: set[str] = frozenset()) -> "Answers":
        """These answers minus one step's own: what a step's form carries in hidden fields."""
        if step in QUESTION_STEPS:
            return replace(self, **{step: None})
        return replace(self, ticks=self.ticks - set(own_ticks), answered=self.answered - {step})

    def reopened(self, step: str) -> "Answers":
        """The same answers, with a tick step no longer marked as submitted (to show it again)."""
        return replace(self, answered=self.answered - {step})

    def pairs(self) -> list[tuple[str, str]]:
        """(name, value) pairs in a fixed order, so equal answers give equal addresses."""
        pairs = [(name, str(getattr(self, name))) for name in QUESTION_STEPS if getattr(self, name) is not None]
        pairs += [("tick", key) for key in sorted(self.ticks)]
        pairs += [("answered", step) for step in STEPS if step in self.answered]
        return pairs

    def query(self) -> str:
        pairs = self.pairs()
        return "?" + urlencode(pairs) if pairs else ""


def _single(query: QueryDict, name: str) -> str | None:
    values = query.getlist(name)
    if len(values) > 1:
        raise BadAnswer(name, f"The web address gives more than one answer for ‘{name}’.")
    return values[0] if values else None


def parse_level(value: str | None, numbers: list[int]) -> int | str | None:
    if value is None or value == UNSURE:
        return value
    if value.isdecimal() and int(value) in numbers:
        return int(value)
    raise BadAnswer("level", "The level in the web address is not one of this area's levels.")


def parse(query: QueryDict, flow, *, skip: str | None = None, skip_ticks: set[str] = frozenset()) -> Answers:
    """The answers in `query`, checked against what the flow offers.

    `skip` names a question step whose answer its own form checks instead; `skip_ticks` are
    the ticks a tick step's own form reads.
    """
    values = {}
    for step, role in QUESTION_STEPS.items():
        value = _single(query, step)
        if step == skip or value is None:
            continue
        if role == Role.LEVEL:
            values[step] = parse_level(value, flow.level_numbers)
        elif flow.question(role) is None or value not in ANSWER_VALUES[role]:
            raise BadAnswer(step, f"The answer ‘{value}’ in the web address is not one of the answers this checklist offers.")
        else:
            values[step] = value
    tick_keys = set(flow.tick_keys)
    ticks = set(query.getlist("tick")) - set(skip_ticks)
    unknown = sorted(ticks - tick_keys)
    if unknown:
        raise BadAnswer("tick", f"The web address ticks something this checklist does not have: ‘{unknown[0]}’.")
    answered = set(query.getlist("answered"))
    if answered - set(STEPS):
        raise BadAnswer("answered", "The web address names a step this checklist does not have.")
    return Answers(ticks=frozenset(ticks), answered=frozenset(answered & set(TICK_STEPS)), **values)
