"""The "Which level?" pages. The flow's branching lives in thresholds/questionnaire.py and
the rules in thresholds/rules.py; these views only read the address and render."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from hubs.selectors import cache_seconds_for, contacts_for_level, right_now_everywhere, right_now_for
from portal.cache import cache_public_page
from thresholds import questionnaire as flow
from thresholds import selectors
from thresholds.assessment import AssessmentError, as_combination, assess
from thresholds.forms import AreaForm, DangerForm
from thresholds.models import CombinationRule, Framework
from thresholds.rules import explain


def _framework(slug: str) -> Framework:
    return get_object_or_404(Framework.objects.select_related("partnership").prefetch_related("levels", "domains"), slug=slug)


def _bad_link(request: HttpRequest, framework: Framework | None = None) -> HttpResponse:
    return render(request, "thresholds/questionnaire/bad_link.html", {"framework": framework}, status=400)


@cache_public_page
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "thresholds/questionnaire/start.html", {"frameworks": selectors.framework_summaries()})


@cache_public_page
def danger(request: HttpRequest) -> HttpResponse:
    form = DangerForm(request.GET if "submitted" in request.GET else None)
    if form.is_bound and form.is_valid():
        if flow.in_immediate_danger(form.cleaned_data["danger"]):
            return redirect("thresholds:questionnaire_call_999")
        return redirect("thresholds:questionnaire_area")
    return render(request, "thresholds/questionnaire/radios.html", {"form": form, "back": reverse("thresholds:questionnaire_start"), "title": "Is the child in immediate danger?"}, status=400 if form.is_bound else 200)


@cache_public_page
def call_999(request: HttpRequest) -> HttpResponse:
    right_now = right_now_everywhere()
    response = render(request, "thresholds/questionnaire/call_999.html", {"right_now": right_now})
    response.page_cache_seconds = cache_seconds_for(right_now)  # the front door shown changes with the time of day
    return response


@cache_public_page
def area(request: HttpRequest) -> HttpResponse:
    form = AreaForm(request.GET if "submitted" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("thresholds:questionnaire_question", framework=form.cleaned_data["area"], number=1)
    return render(request, "thresholds/questionnaire/radios.html", {"form": form, "back": reverse("thresholds:questionnaire_danger"), "title": "Where does the child live?", "area_help": True}, status=400 if form.is_bound else 200)


@cache_public_page
def question(request: HttpRequest, framework: str, number: int) -> HttpResponse:
    fw = _framework(framework)
    pages = flow.question_pages(fw)
    if not 1 <= number <= len(pages):
        return _bad_link(request, fw)
    page = pages[number - 1]
    try:
        state = flow.read_state(request.GET, pages)
    except flow.BadState:
        return _bad_link(request, fw)
    returning = request.GET.get("return") == "check"
    error = None
    if "submitted" in request.GET:
        new_state, error = flow.answer_page(page, state, request.GET.getlist("choice"))
        if new_state is not None:
            following = flow.next_page_number(pages, number)
            if returning or following is None:
                return redirect(reverse("thresholds:questionnaire_check", args=[fw.slug]) + "?" + new_state.query())
            return redirect(reverse("thresholds:questionnaire_question", args=[fw.slug, following]) + "?" + new_state.query())
    if number > 1:
        back = reverse("thresholds:questionnaire_question", args=[fw.slug, number - 1]) + "?" + state.query()
    else:
        back = reverse("thresholds:questionnaire_area")
    if returning:
        back = reverse("thresholds:questionnaire_check", args=[fw.slug]) + "?" + state.query()
    context = {
        "framework": fw,
        "page": page,
        "pages": pages,
        "state": state,
        "kept": [key for key in state.selected if key not in page.keys],
        "kept_none": [key for key in state.none if key != page.key],
        "ticked": set(request.GET.getlist("choice")) if error else set(state.selected) | ({flow.NONE} if page.key in state.none else set()),
        "error": error,
        "returning": returning,
        "back": back,
    }
    return render(request, "thresholds/questionnaire/question.html", context, status=400 if error else 200)


@cache_public_page
def check(request: HttpRequest, framework: str) -> HttpResponse:
    fw = _framework(framework)
    pages = flow.question_pages(fw)
    try:
        state = flow.read_state(request.GET, pages)
    except flow.BadState:
        return _bad_link(request, fw)
    rows = [(page, [i for i in page.indicators if i.key in state.selected], flow.is_answered(page, state)) for page in pages]
    return render(
        request,
        "thresholds/questionnaire/check.html",
        {
            "framework": fw,
            "rows": rows,
            "state": state,
            "all_answered": flow.all_answered(pages, state),
            "result_query": flow.State(selected=state.selected).query(),
            "back": reverse("thresholds:questionnaire_question", args=[fw.slug, len(pages)]) + "?" + state.query(),
        },
    )


@cache_public_page
def result(request: HttpRequest, framework: str) -> HttpResponse:
    fw = _framework(framework)
    try:
        assessment = assess(framework=fw, keys=request.GET.getlist("i"))
    except AssessmentError:
        return _bad_link(request, fw)
    level = assessment.level
    right_now = right_now_for(fw.partnership)
    by_level = {}
    for indicator in sorted(assessment.indicators.values(), key=lambda i: (-i.level.number, i.order)):
        by_level.setdefault(indicator.level, []).append(indicator)
    response = render(
        request,
        "thresholds/questionnaire/result.html",
        {
            "framework": fw,
            "assessment": assessment,
            "suggestion": assessment.suggestion,
            "level": level,
            "texts": selectors.texts_by_kind(level),
            "by_level": list(by_level.items()),
            "contacts": contacts_for_level(fw.partnership, level.number),
            "right_now": [right_now] if right_now else [],
            "change_query": flow.State(selected=list(assessment.indicators)).query(),
            # The link to share holds the indicator ids and nothing else from the address.
            "share_url": request.build_absolute_uri(
                reverse("thresholds:questionnaire_result", args=[fw.slug]) + "?" + flow.State(selected=sorted(assessment.indicators)).query()
            ),
        },
    )
    if right_now:
        response.page_cache_seconds = right_now.cache_seconds
    return response


@cache_public_page
def how_it_works(request: HttpRequest) -> HttpResponse:
    sections = []
    for fw in selectors.framework_summaries():
        levels = {lv.number: lv.name for lv in fw.levels.all()}
        row = CombinationRule.objects.filter(framework=fw).first()
        sections.append((fw, explain(levels=levels, rule=as_combination(row)), row))
    return render(request, "thresholds/questionnaire/how_it_works.html", {"sections": sections})
