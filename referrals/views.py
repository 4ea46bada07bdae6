"""Ready to refer? The start page, one page per question, the result, and the guidance.

Stateless: every answer travels in the web address (GET forms, hidden fields), nothing is
stored and no cookie is set. The branching is in rules.py.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from hubs.selectors import right_now_for
from portal.cache import cache_public_page
from referrals import rules, selectors
from referrals.answers import QUESTION_STEPS, TICK_STEPS, Answers, BadAnswer, parse
from referrals.forms import StartForm, danger_form, family_form, level_form
from referrals.models import Topic
from referrals.presenters import option, result_context, tick_groups


def step_url(area: str, step: str | None, answers: Answers) -> str:
    if step is None:
        return reverse("referrals:result", kwargs={"area": area}) + answers.query()
    return reverse("referrals:step", kwargs={"area": area, "step": step}) + answers.query()


def change_url(flow, step: str, answers: Answers) -> str:
    """A step's address with its own 'answered' mark removed, so it shows the form again."""
    return step_url(flow.area, step, answers.reopened(step))


def bad_link(request: HttpRequest, flow, problem: BadAnswer) -> HttpResponse:
    context = {"flow": flow, "problem": problem, "restart": step_url(flow.area, rules.steps(flow, Answers())[0], Answers())}
    return render(request, "referrals/bad_link.html", context, status=400)


@cache_public_page
def start(request: HttpRequest) -> HttpResponse:
    checklists = selectors.checklists()
    bound = "area" in request.GET or "answered" in request.GET
    form = StartForm(request.GET if bound else None, checklists=checklists, initial={"level": request.GET.get("level")})
    if bound and form.is_valid():
        area, level = form.cleaned_data["area"], form.cleaned_data["level"]
        flow = selectors.flow_for(area)
        answers = Answers(level=level)
        return redirect(step_url(area, rules.next_step(flow, answers), answers))
    context = {"form": form, "guidance": selectors.guidance_index()}
    return render(request, "referrals/start.html", context, status=400 if bound else 200)


@cache_public_page
def step(request: HttpRequest, area: str, step: str) -> HttpResponse:
    flow = selectors.flow_for(area)
    own_ticks = {item.key for item in flow.of_role(TICK_STEPS[step])} if step in TICK_STEPS else set()
    try:
        answers = parse(request.GET, flow, skip=step if step in QUESTION_STEPS else None, skip_ticks=own_ticks)
    except BadAnswer as problem:
        return bad_link(request, flow, problem)
    path = rules.steps(flow, answers)
    first_open = rules.next_step(flow, answers)
    if step not in path or (first_open in path and path.index(first_open) < path.index(step)):
        return redirect(step_url(area, first_open, answers))  # not on this path, or an earlier question is open
    submitted = step in request.GET.getlist("answered")
    position = path.index(step)
    back = change_url(flow, path[position - 1], answers) if position else reverse("referrals:start")
    context = {"flow": flow, "step": step, "back": back, "carried": answers.without(step, own_ticks).pairs(), "number": position + 1}
    if step in TICK_STEPS:
        ticked = set(request.GET.getlist("tick")) & own_ticks
        if submitted:
            updated = answers.with_ticks(step, own_ticks, ticked)
            return redirect(step_url(area, rules.next_step(flow, updated), updated))
        items = [item for item in flow.of_role(TICK_STEPS[step]) if item.applies_at(answers.level)]
        note = option(flow.family, answers.family) if step == "reasons" else None
        return render(request, "referrals/ticks.html", context | {"groups": tick_groups(items, ticked), "note": note})
    form = _question_form(flow, step, request.GET if submitted or step in request.GET else None)
    if form.is_bound and form.is_valid() and submitted:
        value = form.cleaned_data[step]
        updated = answers.with_question(step, int(value) if value.isdigit() else value)
        return redirect(step_url(area, rules.next_step(flow, updated), updated))
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "referrals/question.html", context | {"form": form, "field": form[step]}, status=status)


def _question_form(flow, step: str, data):
    if step == "danger":
        return danger_form(data, flow.danger)
    if step == "level":
        return level_form(data, flow.level_question, flow.levels)
    return family_form(data, flow.family)


def _result(request: HttpRequest, area: str, template: str) -> HttpResponse:
    flow = selectors.flow_for(area)
    try:
        answers = parse(request.GET, flow)
    except BadAnswer as problem:
        return bad_link(request, flow, problem)
    open_step = rules.next_step(flow, answers)
    if open_step:
        return redirect(step_url(area, open_step, answers))
    right_now = right_now_for(flow.partnership)
    context = result_context(flow, answers, change_url=lambda s: change_url(flow, s, answers), right_now=right_now)
    context["print_url"] = reverse("referrals:result_print", kwargs={"area": area}) + answers.query()
    context["screen_url"] = reverse("referrals:result", kwargs={"area": area}) + answers.query()
    response = render(request, template, context)
    if right_now:  # never cache the "who to call right now" answer past the moment it changes
        response.page_cache_seconds = right_now.cache_seconds
    return response


@cache_public_page
def result(request: HttpRequest, area: str) -> HttpResponse:
    return _result(request, area, "referrals/result.html")


@cache_public_page
def result_print(request: HttpRequest, area: str) -> HttpResponse:
    return _result(request, area, "referrals/result_print.html")


@cache_public_page
def guidance(request: HttpRequest, area: str, topic: str) -> HttpResponse:
    page = selectors.guidance_page(area, topic)
    template = "referrals/worksheet.html" if topic == Topic.PATHWAY_TO_CHANGE else "referrals/guidance.html"
    context = {
        "page": page,
        "groups": selectors.grouped_sections(page),
        "pages": selectors.area_pages(page),
        "sources": selectors.framework_sources(page.partnership),
        "first_writing": next((s.pk for s in page.sections.all() if s.space != "none"), None),
    }
    return render(request, template, context)
