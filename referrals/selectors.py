"""Reads for the "Ready to refer?" pages, each in a fixed number of queries."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch
from django.http import Http404

from hubs.models import Contact
from hubs.selectors import contacts_for_level
from referrals.models import Checklist, ChecklistItem, GuidancePage, Role
from thresholds.models import Framework, Level, LevelText


@dataclass
class Flow:
    """One partnership's checklist with everything the flow needs, loaded up front."""

    checklist: Checklist
    framework: Framework | None
    levels: list[Level]
    items: list[ChecklistItem]
    topics: list[GuidancePage] = field(default_factory=list)

    @property
    def partnership(self):
        return self.checklist.partnership

    @property
    def area(self) -> str:
        return self.checklist.partnership.slug

    def question(self, role: str) -> ChecklistItem | None:
        return next((item for item in self.items if item.role == role), None)

    def of_role(self, role: str) -> list[ChecklistItem]:
        return [item for item in self.items if item.role == role]

    @property
    def danger(self) -> ChecklistItem | None:
        return self.question(Role.IMMEDIATE_DANGER)

    @property
    def level_question(self) -> ChecklistItem | None:
        return self.question(Role.LEVEL)

    @property
    def family(self) -> ChecklistItem | None:
        return self.question(Role.FAMILY)

    @property
    def ticks(self) -> list[ChecklistItem]:
        return self.of_role(Role.TICK)

    @property
    def risk_ticks(self) -> list[ChecklistItem]:
        return self.of_role(Role.RISK_TICK)

    @property
    def after(self) -> list[ChecklistItem]:
        return self.of_role(Role.AFTER)

    @property
    def tick_keys(self) -> list[str]:
        return [item.key for item in self.ticks + self.risk_ticks]

    @property
    def level_numbers(self) -> list[int]:
        return [level.number for level in self.levels]

    def level(self, number) -> Level | None:
        return next((level for level in self.levels if level.number == number), None)

    @property
    def sources(self) -> dict[str, str]:
        return {source.file: source.title for source in self.framework.sources.all()} if self.framework else {}

    @property
    def referral_levels(self) -> list[Level]:
        return [level for level in self.levels if level.number in self.checklist.refer_at_levels]


def checklists() -> list[Checklist]:
    return list(Checklist.objects.select_related("partnership"))


def flow_for(area: str) -> Flow:
    checklist = (
        Checklist.objects.select_related("partnership", "contact")
        .prefetch_related("contact__phones", Prefetch("items", queryset=ChecklistItem.objects.prefetch_related("options")))
        .filter(partnership__slug=area)
        .first()
    )
    if checklist is None:
        raise Http404("No referral checklist for this area.")
    framework = Framework.objects.filter(partnership=checklist.partnership).prefetch_related("levels", "sources").first()
    levels = list(framework.levels.all()) if framework else []
    topics = list(GuidancePage.objects.filter(partnership=checklist.partnership).order_by("topic"))
    return Flow(checklist=checklist, framework=framework, levels=levels, items=list(checklist.items.all()), topics=topics)


def level_route(flow: Flow, number: int) -> dict:
    """What the framework says to do at a level this checklist is not for, and who can help."""
    level = flow.level(number)
    texts = list(LevelText.objects.filter(level=level, kind__in=[LevelText.Kind.ACTIONS, LevelText.Kind.RESPONSE]))
    kind = LevelText.Kind.ACTIONS if any(t.kind == LevelText.Kind.ACTIONS for t in texts) else LevelText.Kind.RESPONSE
    has_hubs = Contact.objects.filter(partnership=flow.partnership, kind=Contact.Kind.FAMILY_HUB).exists()
    return {
        "level": level,
        "texts": [text for text in texts if text.kind == kind],
        "contacts": contacts_for_level(flow.partnership, number),
        "has_family_hubs": has_hubs,
    }


def guidance_index() -> list[tuple]:
    """Every guidance page, grouped by area: [(partnership, [pages])]."""
    pages = GuidancePage.objects.select_related("partnership").order_by("partnership__area", "topic")
    return [(partnership, list(group)) for partnership, group in groupby(pages, key=lambda page: page.partnership)]


def guidance_page(area: str, topic: str) -> GuidancePage:
    page = GuidancePage.objects.select_related("partnership").prefetch_related("sections").filter(partnership__slug=area, topic=topic).first()
    if page is None:
        raise Http404("No such guidance page.")
    return page


def grouped_sections(page: GuidancePage) -> list[tuple[str, list]]:
    """Consecutive sections that share a group, as [(group or "", [sections])]."""
    return [(group, list(sections)) for group, sections in groupby(page.sections.all(), key=lambda s: s.group)]


def area_pages(page: GuidancePage) -> list[GuidancePage]:
    return list(GuidancePage.objects.filter(partnership=page.partnership).order_by("topic"))


def framework_sources(partnership) -> dict[str, str]:
    framework = Framework.objects.filter(partnership=partnership).prefetch_related("sources").first()
    return {source.file: source.title for source in framework.sources.all()} if framework else {}
