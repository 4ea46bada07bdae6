"""Reads of threshold content for pages and the API.

Each function makes a fixed number of queries, however many indicators there are: rows are
fetched in bulk and arranged in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from thresholds.models import Domain, Framework, Indicator, Level, LevelText, SourceDocument, Term


def frameworks() -> QuerySet[Framework]:
    return Framework.objects.select_related("partnership").prefetch_related(
        Prefetch("levels", queryset=Level.objects.order_by("number"))
    )


def framework_summaries() -> list[Framework]:
    return list(frameworks())


def framework_detail(slug: str) -> Framework:
    """A framework with its partnership, levels (and their texts), domains and sources."""
    return get_object_or_404(
        Framework.objects.select_related("partnership").prefetch_related(
            Prefetch("levels", queryset=Level.objects.order_by("number").prefetch_related("texts")),
            "domains",
            "sources",
        ),
        slug=slug,
    )


def last_changed(framework: Framework):
    """When anything in the framework last changed (an import or an admin edit), from its history."""
    histories = [
        Framework.history.filter(id=framework.pk),
        Level.history.filter(framework_id=framework.pk),
        LevelText.history.filter(level__framework_id=framework.pk),
        Domain.history.filter(framework_id=framework.pk),
        Indicator.history.filter(framework_id=framework.pk),
        Term.history.filter(framework_id=framework.pk),
    ]
    dates = [history.aggregate(latest=Max("history_date"))["latest"] for history in histories]
    return max((date for date in dates if date), default=None)


def source_documents() -> list[SourceDocument]:
    return list(SourceDocument.objects.select_related("framework__partnership").order_by("file", "framework__slug"))


@dataclass
class Node:
    """An indicator with the indicators nested under it in the source."""

    indicator: Indicator
    children: list["Node"] = field(default_factory=list)


def indicator_rows(framework: Framework, *, level: int | None = None, domain: str | None = None) -> list[Indicator]:
    rows = Indicator.objects.filter(framework=framework).select_related("framework", "level", "domain", "parent")
    if level is not None:
        rows = rows.filter(level__number=level)
    if domain is not None:
        rows = rows.filter(domain__key=domain)
    return list(rows.order_by("order"))


def as_tree(rows: list[Indicator]) -> list[Node]:
    """Nests indicators under their parents (a child whose parent is filtered out stands alone)."""
    nodes = {row.pk: Node(row) for row in rows}
    roots = []
    for row in rows:
        if row.parent_id in nodes:
            nodes[row.parent_id].children.append(nodes[row.pk])
        else:
            roots.append(nodes[row.pk])
    return roots


@dataclass
class TableRow:
    domain: Domain | None
    cells: list[tuple[Level, list[Node]]]


def need_table(framework: Framework, *, level: int | None = None, domain: str | None = None) -> list[TableRow]:
    """The levels x domains grid: one row per domain (plus one for indicators without a domain)."""
    levels = [lv for lv in framework.levels.all() if level is None or lv.number == level]
    grouped: dict[tuple, list[Indicator]] = defaultdict(list)
    for row in indicator_rows(framework, level=level, domain=domain):
        grouped[(row.domain_id, row.level_id)].append(row)
    domains = [d for d in framework.domains.all() if domain is None or d.key == domain]
    rows = [TableRow(d, [(lv, as_tree(grouped[(d.pk, lv.pk)])) for lv in levels]) for d in domains]
    if domain is None and any(key[0] is None for key in grouped):
        rows.append(TableRow(None, [(lv, as_tree(grouped[(None, lv.pk)])) for lv in levels]))
    return [row for row in rows if any(nodes for _, nodes in row.cells)]


def level_detail(framework: Framework, number: int) -> tuple[Level, list[tuple[Domain | None, list[Node]]]]:
    """A level and its indicators grouped by domain, in the framework's domain order."""
    level = next((lv for lv in framework.levels.all() if lv.number == number), None)
    if level is None:
        from django.http import Http404

        raise Http404("No such level")
    by_domain: dict[int | None, list[Indicator]] = defaultdict(list)
    for row in indicator_rows(framework, level=number):
        by_domain[row.domain_id].append(row)
    groups = [(d, as_tree(by_domain[d.pk])) for d in framework.domains.all() if by_domain.get(d.pk)]
    if by_domain.get(None):
        groups.append((None, as_tree(by_domain[None])))
    return level, groups


def texts_by_kind(level: Level) -> dict[str, list[LevelText]]:
    grouped: dict[str, list[LevelText]] = defaultdict(list)
    for text in level.texts.all():
        grouped[text.kind].append(text)
    return dict(grouped)


def indicator_detail(framework_slug: str, key: str) -> tuple[Indicator, dict[int, list[Indicator]]]:
    """An indicator, and the indicators in its domain at the levels either side of it."""
    indicator = get_object_or_404(
        Indicator.objects.select_related("framework__partnership", "level", "domain", "parent__framework").prefetch_related(
            Prefetch("children", queryset=Indicator.objects.select_related("framework")),
            "editorial_outcome_areas",
            "framework__sources",
        ),
        framework__slug=framework_slug,
        key=key,
    )
    number = indicator.level.number
    related = (
        Indicator.objects.filter(
            framework=indicator.framework,
            domain=indicator.domain,
            level__number__in=[number - 1, number + 1],
            parent__isnull=True,
        )
        .select_related("framework", "level")
        .order_by("level__number", "order")
    )
    by_level: dict[int, list[Indicator]] = defaultdict(list)
    for row in related:
        by_level[row.level.number].append(row)
    return indicator, dict(by_level)


def need_language(framework: Framework) -> dict[int, list[Term]]:
    """Warwickshire's "language we may use to describe need", by level number."""
    by_level: dict[int, list[Term]] = defaultdict(list)
    for term in framework.terms.filter(kind=Term.Kind.NEED_LANGUAGE).prefetch_related("levels"):
        for level in term.levels.all():
            by_level[level.number].append(term)
    return dict(by_level)


def glossary(framework: Framework) -> list[Term]:
    return list(framework.terms.exclude(kind=Term.Kind.NEED_LANGUAGE).order_by("term"))
