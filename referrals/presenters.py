"""What the result and tick pages show, worked out from the flow and the answers."""

from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from referrals import rules, selectors
from referrals.answers import STEPS, UNSURE, Answers


@dataclass(frozen=True)
class Row:
    question: str
    answer: str
    change: str


@dataclass(frozen=True)
class TickGroup:
    legend: str
    items: list  # [(item, ticked)]


def tick_groups(items: list, ticked: set[str]) -> list[TickGroup]:
    return [TickGroup(group, [(item, item.key in ticked) for item in members]) for group, members in groupby(items, key=lambda i: i.group)]


def option(item, value):
    return next((o for o in item.options.all() if o.value == value), None) if item else None


def summary(flow, answers: Answers, change_url: Callable[[str], str]) -> list[Row]:
    """The answers given, one row per question on this path, each with a link to change it."""
    rows = []
    for step in rules.steps(flow, answers):
        if step == "danger":
            rows.append(Row(flow.danger.question, option(flow.danger, answers.danger).label, change_url(step)))
        elif step == "level":
            level = flow.level(answers.level)
            rows.append(Row(flow.level_question.question, level.name if level else "I'm not sure", change_url(step)))
        elif step == "family":
            rows.append(Row(flow.family.question, option(flow.family, answers.family).label, change_url(step)))
        else:
            items = [i for i in flow.of_role("risk_tick" if step == "reasons" else "tick") if i.applies_at(answers.level)]
            done = sum(item.key in answers.ticks for item in items)
            legend = items[0].group if items and items[0].group else "Checklist"
            rows.append(Row(legend, f"{done} of {len(items)} ticked", change_url(step)))
    return rows


def how_to_refer(flow) -> dict:
    """The number to call (and the menu option to choose) from the contacts data."""
    contact = flow.checklist.contact
    menu = None
    if contact:
        for phone in contact.phones.all():
            menu = next((o for o in phone.options if o["key"] == flow.checklist.contact_option), None) or menu
    return {"contact": contact, "menu_option": menu}


def result_context(flow, answers: Answers, *, change_url: Callable[[str], str], right_now) -> dict:
    outcome = rules.outcome(flow, answers)
    context = {
        "flow": flow,
        "answers": answers,
        "outcome": outcome,
        "rows": summary(flow, answers, change_url),
        "change": {step: change_url(step) for step in STEPS},
        "sources": flow.sources,
        "right_now": right_now,
        "right_now_list": [right_now] if right_now else [],
        "level": flow.level(answers.level) if answers.level != UNSURE else None,
    } | how_to_refer(flow)
    if outcome == rules.Outcome.CALL_999:
        context["danger_option"] = option(flow.danger, "yes")
        context["emergency"] = right_now.emergency if right_now else None
    elif outcome == rules.Outcome.ANOTHER_ROUTE:
        context["route"] = selectors.level_route(flow, answers.level)
    elif outcome in (rules.Outcome.READY, rules.Outcome.NOT_READY):
        missing = rules.still_missing(flow, answers)
        context["missing"] = [(m, change_url(m.step)) for m in missing]
        context["family_option"] = option(flow.family, answers.family) if rules.family_question_applies(flow, answers) else None
        steps = rules.steps(flow, answers)
        ticks = [i for role, step in (("risk_tick", "reasons"), ("tick", "ready")) if step in steps for i in flow.of_role(role)]
        context["checklist"] = [(item, item.key in answers.ticks) for item in ticks if item.applies_at(answers.level)]
    return context
