"""Need tables, level and indicator pages, family pages, the crosswalk and search."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hubs.selectors import contacts_for_level, right_now_for
from portal.cache import cache_public_page, private_words
from thresholds import selectors
from thresholds.forms import SearchForm, TableFilterForm
from thresholds.search import SHOWN, in_display_order, search


@cache_public_page
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "thresholds/index.html", {"frameworks": selectors.framework_summaries()})


@cache_public_page
def framework(request: HttpRequest, framework: str) -> HttpResponse:
    fw = selectors.framework_detail(framework)
    context = {"framework": fw, "glossary": selectors.glossary(fw), "last_changed": selectors.last_changed(fw)}
    return render(request, "thresholds/framework.html", context)


def _table_context(request: HttpRequest, slug: str) -> dict:
    fw = selectors.framework_detail(slug)
    form = TableFilterForm(request.GET or None, framework=fw)
    level = domain = None
    if form.is_bound and form.is_valid():
        level, domain = form.cleaned_data["level"], form.cleaned_data["domain"]
    levels = [lv for lv in fw.levels.all() if level is None or lv.number == level]
    return {
        "framework": fw,
        "form": form,
        "levels": levels,
        "rows": selectors.need_table(fw, level=level, domain=domain),
        "filtered": level is not None or domain is not None,
        "last_changed": selectors.last_changed(fw),
    }


@cache_public_page
def table(request: HttpRequest, framework: str) -> HttpResponse:
    context = _table_context(request, framework)
    status = 400 if context["form"].is_bound and not context["form"].is_valid() else 200
    return render(request, "thresholds/table.html", context, status=status)


@cache_public_page
def table_print(request: HttpRequest, framework: str) -> HttpResponse:
    return render(request, "thresholds/table_print.html", _table_context(request, framework))


@cache_public_page
def level(request: HttpRequest, framework: str, number: int) -> HttpResponse:
    fw = selectors.framework_detail(framework)
    lv, groups = selectors.level_detail(fw, number)
    right_now = right_now_for(fw.partnership)
    response = render(
        request,
        "thresholds/level.html",
        {
            "framework": fw,
            "level": lv,
            "texts": selectors.texts_by_kind(lv),
            "groups": groups,
            "contacts": contacts_for_level(fw.partnership, number),
            "right_now": right_now,
            "right_now_list": [right_now] if right_now else [],
            "last_changed": selectors.last_changed(fw),
            "sources": {source.file: source.title for source in fw.sources.all()},
            "previous": next((x for x in fw.levels.all() if x.number == number - 1), None),
            "next": next((x for x in fw.levels.all() if x.number == number + 1), None),
        },
    )
    if right_now:  # never cache the "who to call" answer past the moment it changes
        response.page_cache_seconds = right_now.cache_seconds
    return response


@cache_public_page
def indicator(request: HttpRequest, framework: str, key: str) -> HttpResponse:
    item, related = selectors.indicator_detail(framework, key)
    number = item.level.number
    return render(
        request,
        "thresholds/indicator.html",
        {
            "indicator": item,
            "below": related.get(number - 1, []),
            "above": related.get(number + 1, []),
            "sources": {source.file: source.title for source in item.framework.sources.all()},
        },
    )


@cache_public_page
def families(request: HttpRequest, framework: str) -> HttpResponse:
    fw = selectors.framework_detail(framework)
    levels = [(lv, selectors.texts_by_kind(lv)) for lv in fw.levels.all()]
    return render(
        request,
        "thresholds/families.html",
        {
            "framework": fw,
            "levels": [(lv, texts) for lv, texts in levels if "family" in texts or "family_access" in texts],
            "glossary": selectors.glossary(fw),
        },
    )


@cache_public_page
def crosswalk(request: HttpRequest) -> HttpResponse:
    frameworks = [selectors.framework_detail(fw.slug) for fw in selectors.framework_summaries()]
    steps = max((len(fw.levels.all()) for fw in frameworks), default=0)
    # Each cell with its framework, so the stacked (phone) view labels every cell with its own area.
    rows = [[(fw, next((lv for lv in fw.levels.all() if lv.number == n), None)) for fw in frameworks] for n in range(1, steps + 1)]
    language = [(fw, selectors.need_language(fw)) for fw in frameworks]
    return render(
        request,
        "thresholds/crosswalk.html",
        {"frameworks": frameworks, "rows": rows, "language": [(fw, lang) for fw, lang in language if lang]},
    )


@cache_public_page
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            results = search(data["q"], framework=data["framework"], level=data["level"], domain=data["domain"])
        else:
            status = 400
    context = {"form": form, "results": results, "groups": _group(results), "shown": SHOWN}
    return private_words(render(request, "thresholds/search.html", context, status=status))


def _group(results) -> list[tuple[str, list]]:
    """The first results (search.SHOWN of them), grouped: contacts, levels, then indicators by area."""
    if not results:
        return []
    groups: dict[str, list] = {}
    for entry in in_display_order(results.entries)[:SHOWN]:
        if entry.kind == "contact":
            heading = "Contacts"
        elif entry.kind == "level":
            heading = "Levels of need"
        else:
            heading = f"Indicators: {entry.area}, {entry.framework_name}"
        groups.setdefault(heading, []).append(entry)
    return list(groups.items())
