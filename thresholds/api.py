"""Read-only JSON API for frameworks, search and the "Which level?" rules (portal/api.py)."""

from django.http import Http404, HttpRequest
from django.urls import path, reverse

from portal.api import ApiError, api_view, reject_unknown_params, single_param
from portal.content.schema import ID_PATTERN
from thresholds import selectors
from thresholds.assessment import MAX_INDICATORS, AssessmentError, assess as run_assessment
from thresholds.models import Domain, Framework, Level
from thresholds.search import SHOWN, in_display_order
from thresholds.search import search as run_search


def framework_summary(request: HttpRequest, framework: Framework) -> dict:
    return {
        "slug": framework.slug,
        "name": framework.name,
        "area": framework.partnership.area,
        "partnership": framework.partnership.name,
        "url": request.build_absolute_uri(reverse("api:framework", args=[framework.slug])),
        "html_url": request.build_absolute_uri(framework.get_absolute_url()),
    }


@api_view
def frameworks(request: HttpRequest) -> list:
    reject_unknown_params(request, set())
    return [framework_summary(request, fw) for fw in selectors.frameworks()]


def _source(row) -> dict:
    return {"file": row.source_file, "section": row.source_section}


@api_view
def framework(request: HttpRequest, slug: str) -> dict:
    reject_unknown_params(request, set())
    try:
        fw = selectors.framework_detail(slug)
    except Http404:
        raise Http404(f"No framework with the slug '{slug}'. See /api/v1/frameworks/.") from None
    indicators = selectors.indicator_rows(fw)
    return framework_summary(request, fw) | {
        "next_review_due": fw.next_review_due.isoformat() if fw.next_review_due else None,
        "sources": [{"file": s.file, "title": s.title, "publisher": s.publisher or None, "edition": s.edition or None} for s in fw.sources.all()],
        "levels": [
            {
                "number": lv.number,
                "id": lv.key,
                "name": lv.name,
                "short_name": lv.short_name,
                "summary": lv.summary,
                "texts": [{"kind": t.kind, "heading": t.get_kind_display(), "body": t.body, "source": _source(t)} for t in lv.texts.all()],
                "html_url": request.build_absolute_uri(lv.get_absolute_url()),
            }
            for lv in fw.levels.all()
        ],
        "domains": [{"id": d.key, "name": d.name} for d in fw.domains.all()],
        "indicators": [
            {
                "id": i.key,
                "text": i.text,
                "level": i.level.number,
                "domain": i.domain.name if i.domain_id else None,
                "domain_id": i.domain.key if i.domain_id else None,
                "parent": i.parent.key if i.parent_id else None,
                "source": _source(i),
                "html_url": request.build_absolute_uri(i.get_absolute_url()),
            }
            for i in indicators
        ],
    }


@api_view(shared_cache=False)
def search(request: HttpRequest) -> dict:
    reject_unknown_params(request, {"q", "framework", "level", "domain"})
    q = single_param(request, "q", required=True)
    if not any(ch.isalnum() for ch in q):
        raise ApiError("The 'q' parameter must contain letters or numbers.")
    framework_slug = single_param(request, "framework")
    if framework_slug and not (ID_PATTERN.match(framework_slug) and Framework.objects.filter(slug=framework_slug).exists()):
        raise ApiError(f"Unknown framework '{framework_slug}'. See /api/v1/frameworks/.")
    level_text = single_param(request, "level", max_length=3)
    level = None
    if level_text is not None:
        if not level_text.isdecimal() or not Level.objects.filter(number=int(level_text)).exists():
            raise ApiError(f"The 'level' parameter must be a level number such as 1, 2, 3 or 4, not '{level_text}'.")
        level = int(level_text)
    domain = single_param(request, "domain", max_length=60)
    if domain and not (ID_PATTERN.match(domain) and Domain.objects.filter(key=domain).exists()):
        raise ApiError(f"Unknown domain '{domain}'. Domain ids are listed in /api/v1/frameworks/<slug>/.")
    results = run_search(q, framework=framework_slug, level=level, domain=domain)
    return {
        "query": q,
        "count": len(results.entries),
        "results": [
            {
                "kind": e.kind,
                "id": e.key,
                "text": e.text,
                "framework": e.framework or None,
                "area": e.area,
                "level": e.level or None,
                "level_name": e.level_name or None,
                "domain": e.domain_name,
                "domain_id": e.domain,
                "html_url": request.build_absolute_uri(e.url),
            }
            for e in in_display_order(results.entries)[:SHOWN]
        ],
        "terms": [{"term": t.term, "meaning": t.meaning, "framework": t.framework.slug} for t in results.terms],
        "suggestions": results.suggestions,
    }


@api_view
def assess(request: HttpRequest) -> dict:
    """The "Which level?" rules: indicator ids in, suggested level and reasons out."""
    reject_unknown_params(request, {"framework", "indicator"})
    slug = single_param(request, "framework", required=True, max_length=60)
    fw = Framework.objects.select_related("partnership").filter(slug=slug).first() if ID_PATTERN.match(slug) else None
    if fw is None:
        raise ApiError(f"Unknown framework '{slug}'. See /api/v1/frameworks/.")
    keys = request.GET.getlist("indicator")
    if len(keys) > MAX_INDICATORS:
        raise ApiError(f"Give at most {MAX_INDICATORS} 'indicator' parameters (this request has {len(keys)}).")
    if any(not key.strip() for key in keys):
        raise ApiError("An 'indicator' parameter is empty: give an indicator id.")
    if len(set(keys)) != len(keys):
        raise ApiError("Give each indicator once: the 'indicator' parameter repeats an id.")
    try:
        result = run_assessment(framework=fw, keys=keys)
    except AssessmentError as error:
        raise ApiError(str(error)) from None
    suggestion = result.suggestion
    return {
        "framework": fw.slug,
        "level": {"number": result.level.number, "name": result.level.name, "summary": result.level.summary},
        "reasons": [{"id": n.key, "text": n.text, "level": n.level, "domain": n.domain} for n in suggestion.reasons],
        "strengths": [{"id": n.key, "text": n.text, "level": n.level, "domain": n.domain} for n in suggestion.strengths],
        "notes": [{"rule": note.rule, "text": note.text} for note in suggestion.notes],
        "html_url": request.build_absolute_uri(
            reverse("thresholds:questionnaire_result", args=[fw.slug]) + ("?" + "&".join(f"i={k}" for k in sorted(keys)) if keys else "")
        ),
    }


api_urlpatterns = [
    path("frameworks/", frameworks, name="frameworks"),
    path("frameworks/<slug:slug>/", framework, name="framework"),
    path("search", search, name="search"),
    path("assess", assess, name="assess"),
]
