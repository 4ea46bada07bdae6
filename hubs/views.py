"""The contacts directory, a page per contact and the Family Hubs pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from hubs import selectors
from hubs.models import Contact
from portal.cache import cache_public_page
from thresholds.models import Partnership


@cache_public_page
def directory(request: HttpRequest) -> HttpResponse:
    return render(request, "hubs/directory.html", {"contacts": list(selectors.contacts())})


@cache_public_page
def contact(request: HttpRequest, key: str) -> HttpResponse:
    item = get_object_or_404(selectors.contacts(), key=key)
    return render(request, "hubs/contact.html", {"contact": item})


@cache_public_page
def family_hubs(request: HttpRequest, partnership: str) -> HttpResponse:
    area = get_object_or_404(Partnership, slug=partnership)
    hubs = list(selectors.contacts().filter(partnership=area, kind=Contact.Kind.FAMILY_HUB))
    return render(request, "hubs/family_hubs.html", {"partnership": area, "hubs": hubs})
