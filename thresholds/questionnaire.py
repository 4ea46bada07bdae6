"""The "Which level?" question flow: its pages and branching, as small pure functions.

The flow is stateless. Everything answered so far travels in the page address:
`i` (repeated) holds each selected indicator's id and `none` (repeated) each question page
answered with "None of these". Nothing is stored on the server and no cookie is set.

    start -> danger? --yes--> call 999 now (and nothing else)
                    --no---> area? -> one page per domain -> check answers -> result
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

from thresholds.models import Framework, Indicator

NONE = "none"  # the value of the "None of these" checkbox
OTHER = "other"  # the page key for indicators that have no domain


class BadState(Exception):
    """The address does not describe answers this flow could have produced."""


@dataclass
class QuestionPage:
    number: int  # 1-based
    key: str  # the domain's id, or OTHER
    title: str
    indicators: list[Indicator]

    @property
    def keys(self) -> set[str]:
        return {indicator.key for indicator in self.indicators}


@dataclass
class State:
    selected: list[str] = field(default_factory=list)  # indicator ids, in the order given
    none: list[str] = field(default_factory=list)  # page keys answered "None of these"

    def query(self, **extra) -> str:
        pairs = [("i", key) for key in self.selected] + [("none", key) for key in self.none]
        pairs += [(name, value) for name, value in extra.items() if value]
        return urlencode(pairs)


# Branching ---------------------------------------------------------------------------


def in_immediate_danger(answer: str) -> bool:
    return answer == "yes"


def next_page_number(pages: list[QuestionPage], number: int) -> int | None:
    """The page after this one, or None after the last (go to "check your answers")."""
    return number + 1 if number < len(pages) else None


def is_answered(page: QuestionPage, state: State) -> bool:
    return page.key in state.none or any(key in page.keys for key in state.selected)


def all_answered(pages: list[QuestionPage], state: State) -> bool:
    return all(is_answered(page, state) for page in pages)


# Pages and state ---------------------------------------------------------------------


def question_pages(framework: Framework) -> list[QuestionPage]:
    """One page per domain that has indicators, then one for indicators without a domain.

    Indicators are listed alphabetically, not by level, so the list does not steer the answer.
    """
    rows = list(Indicator.objects.filter(framework=framework).select_related("domain").order_by("text"))
    pages = []
    for domain in framework.domains.all():
        items = [row for row in rows if row.domain_id == domain.pk]
        if items:
            pages.append(QuestionPage(len(pages) + 1, domain.key, domain.name, items))
    others = [row for row in rows if row.domain_id is None]
    if others:
        pages.append(QuestionPage(len(pages) + 1, OTHER, "Other concerns", others))
    return pages


def read_state(query: QueryDict, pages: list[QuestionPage]) -> State:
    """The answers in the address; BadState if any id or page is not this framework's."""
    known = set().union(*(page.keys for page in pages)) if pages else set()
    page_keys = {page.key for page in pages}
    selected = list(dict.fromkeys(query.getlist("i")))
    none = list(dict.fromkeys(query.getlist("none")))
    if len(selected) > len(known) or any(key not in known for key in selected):
        raise BadState("an indicator in the address is not one of this area's indicators")
    if any(key not in page_keys for key in none):
        raise BadState("a question in the address is not one of this area's questions")
    return State(selected=selected, none=none)


def answer_page(page: QuestionPage, state: State, choices: list[str]) -> tuple[State | None, str | None]:
    """Records this page's ticks. Returns the new state, or an error message to show."""
    choices = list(dict.fromkeys(choices))
    if not choices:
        return None, "Select the situations that describe the child, or select ‘None of these’"
    if NONE in choices and len(choices) > 1:
        return None, "Select the situations that describe the child, or ‘None of these’, not both"
    if any(choice != NONE and choice not in page.keys for choice in choices):
        return None, "Select from the situations listed on this page"
    others = [key for key in state.selected if key not in page.keys]
    none = [key for key in state.none if key != page.key]
    if NONE in choices:
        return State(selected=others, none=none + [page.key]), None
    return State(selected=others + choices, none=none), None
