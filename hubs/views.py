"""The contacts directory, a page per contact and the Family Hubs pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from hubs import selectors
from hubs.forms import ContactFilterForm
from hubs.models import Contact
from portal.cache import cache_public_page
from thresholds.models import Partnership

# Filtering to these kinds hides the "who to call right now" panel: it is about front doors.
PANEL_HIDDEN_FOR = {kind for kind in Contact.Kind.values} - {Contact.Kind.FRONT_DOOR, Contact.Kind.OUT_OF_HOURS}


@cache_public_page
def directory(request: HttpRequest) -> HttpResponse:
    form = ContactFilterForm(request.GET or None)
    filters = form.filters()
    rows = selectors.filtered_contacts(**filters)
    right_now = _right_now_for_directory(filters)
    invalid = form.is_bound and not form.is_valid()
    response = render(
        request,
        "hubs/directory.html",
        {
            "form": form,
            "groups": selectors.by_area(rows),
            "count": len(rows),
            "filtered": any(filters.values()),
            "right_now": right_now,
            "partnerships": Partnership.objects.all(),
        },
        status=400 if invalid else 200,
    )
    # Never cache the "who to call right now" answer past the moment it changes.
    response.page_cache_seconds = selectors.cache_seconds_for(right_now)
    return response


def _right_now_for_directory(filters: dict[str, str | None]) -> list[selectors.RightNow]:
    """The panel for the areas shown, unless the filters ask only for other kinds of contact
    or only for what families use."""
    if filters["kind"] in PANEL_HIDDEN_FOR or filters["audience"] == Contact.Audience.FAMILIES:
        return []
    if filters["area"]:
        answer = selectors.right_now_for(Partnership.objects.get(slug=filters["area"]))
        return [answer] if answer else []
    return selectors.right_now_everywhere()


@cache_public_page
def contact(request: HttpRequest, key: str) -> HttpResponse:
    item = get_object_or_404(selectors.contacts(), key=key)
    answer = selectors.right_now_for(item.partnership) if item.kind in selectors.ROTA_KINDS else None
    response = render(
        request,
        "hubs/contact.html",
        {
            "contact": item,
            "hours": selectors.hours_of(item),
            "source_title": selectors.source_titles().get(item.source_file, item.source_file),
            "right_now": [answer] if answer else [],
            "calls_elsewhere": bool(answer) and answer.call != item,
        },
    )
    if answer:  # never cache the "who to call" answer past the moment it changes
        response.page_cache_seconds = answer.cache_seconds
    return response


@cache_public_page
def family_hubs(request: HttpRequest, partnership: str) -> HttpResponse:
    area = get_object_or_404(Partnership, slug=partnership)
    # Each area's own words about its hubs live in its own template; a new area works without one.
    templates = [f"hubs/family_hubs/{area.slug}.html", "hubs/family_hubs.html"]
    return render(
        request,
        templates,
        {
            "partnership": area,
            "hubs": selectors.family_hubs(area),
            "information": selectors.family_information(area),
            "sources": selectors.source_titles(),
            "framework": area.frameworks.first(),
        },
    )
