"""How "Ready to refer?" decides what to ask next, and what is still missing.

This is the whole of the branching, written so a safeguarding lead can check it. The words
the practitioner sees (questions, answers, what to do and why) come from the checklists in
fixtures/checklists.yaml, each traced to its document; only the order and the conditions
live here. Each rule takes the checklist (`flow`) and the answers so far.

In short:
- Is the child in immediate danger? Yes: call 999 first, and nothing else.
- Which level? Not sure: work out the level first. A level this checklist is not for
  (Coventry: below Level 4): the framework's own route for that level instead.
- Has the family been told (Coventry) or given consent (Warwickshire)?
  - No, because that would increase the risk: the extra ticks for that case are required
    (Coventry: the decision recorded with reasons, dated, signed and on the MARF).
  - Not yet: the family must be made aware first, so the referral is not ready.
- Every tick not ticked is listed as still to do, with the document's reason.
"""

from dataclasses import dataclass
from enum import StrEnum

from referrals.answers import UNSURE, Answers


class Outcome(StrEnum):
    CALL_999 = "call-999"
    LEVEL_NOT_KNOWN = "level-not-known"
    ANOTHER_ROUTE = "another-route"
    READY = "ready"
    NOT_READY = "not-ready"


def child_in_immediate_danger(answers: Answers) -> bool:
    return answers.danger == "yes"


def level_not_known(answers: Answers) -> bool:
    return answers.level == UNSURE


def another_route_at_this_level(flow, answers: Answers) -> bool:
    """A level was chosen, and this checklist is not for it (Coventry: not Level 4)."""
    return isinstance(answers.level, int) and answers.level not in flow.checklist.refer_at_levels


def family_question_applies(flow, answers: Answers) -> bool:
    """Asked unless the checklist says otherwise for this level (Warwickshire: not at immediate protection)."""
    return flow.family is not None and flow.family.applies_at(answers.level)


def family_not_told_because_of_risk(flow, answers: Answers) -> bool:
    return family_question_applies(flow, answers) and answers.family == "risk"


def family_not_yet_told(flow, answers: Answers) -> bool:
    return family_question_applies(flow, answers) and answers.family == "not_yet"


def steps(flow, answers: Answers) -> list[str]:
    """The questions this practitioner's answers lead through, in order."""
    path = []
    if flow.danger:
        path.append("danger")
    if child_in_immediate_danger(answers):
        return path
    if flow.level_question:
        path.append("level")
    if level_not_known(answers) or another_route_at_this_level(flow, answers):
        return path
    if family_question_applies(flow, answers):
        path.append("family")
    if family_not_told_because_of_risk(flow, answers) and flow.risk_ticks:
        path.append("reasons")
    if flow.ticks:
        path.append("ready")
    return path


def is_answered(answers: Answers, step: str) -> bool:
    if step in ("reasons", "ready"):
        return step in answers.answered
    return getattr(answers, step) is not None


def next_step(flow, answers: Answers) -> str | None:
    """The first question on the path not yet answered; None when it is time for the result."""
    return next((step for step in steps(flow, answers) if not is_answered(answers, step)), None)


@dataclass(frozen=True)
class Missing:
    """One thing still to do: the document's words for what to do, why, and where they come from."""

    what: str
    why: str
    source_file: str
    source_section: str
    step: str  # the question to go back to


def still_missing(flow, answers: Answers) -> list[Missing]:
    missing = []
    if family_not_yet_told(flow, answers):
        option = next(o for o in flow.family.options.all() if o.value == "not_yet")
        file, section = option.source
        missing.append(Missing(option.then or option.label, flow.family.why or flow.family.text, file, section, "family"))
    if family_not_told_because_of_risk(flow, answers):
        missing += [_tick(item, "reasons") for item in flow.risk_ticks if item.applies_at(answers.level) and item.key not in answers.ticks]
    missing += [_tick(item, "ready") for item in flow.ticks if item.applies_at(answers.level) and item.key not in answers.ticks]
    return missing


def _tick(item, step: str) -> Missing:
    return Missing(item.text, item.why, item.source_file, item.source_section, step)


def outcome(flow, answers: Answers) -> Outcome:
    if child_in_immediate_danger(answers):
        return Outcome.CALL_999
    if level_not_known(answers):
        return Outcome.LEVEL_NOT_KNOWN
    if another_route_at_this_level(flow, answers):
        return Outcome.ANOTHER_ROUTE
    return Outcome.NOT_READY if still_missing(flow, answers) else Outcome.READY
