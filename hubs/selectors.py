"""Reads of contacts for pages and the API, and "who to call right now"."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from hubs import now as clock
from hubs.models import CallRota, Contact
from thresholds.models import Partnership, SourceDocument

# Who each audience filter matches: a contact "for both" is for families and practitioners.
AUDIENCE_MATCHES = {
    Contact.Audience.FAMILIES: [Contact.Audience.FAMILIES, Contact.Audience.BOTH],
    Contact.Audience.PRACTITIONERS: [Contact.Audience.PRACTITIONERS, Contact.Audience.BOTH],
    Contact.Audience.BOTH: [Contact.Audience.BOTH],
}
# Contacts whose page shows "who to call right now" for their area.
ROTA_KINDS = {Contact.Kind.FRONT_DOOR, Contact.Kind.OUT_OF_HOURS}


def moment() -> datetime:
    """The current instant. Tests replace this to ask "who to call" at a fixed time."""
    return timezone.now()


def contacts() -> QuerySet[Contact]:
    return Contact.objects.select_related("partnership").prefetch_related("phones", "hours")


def filtered_contacts(*, area: str | None = None, kind: str | None = None, audience: str | None = None) -> list[Contact]:
    """Contacts in area order then document order, narrowed by any of the three filters."""
    rows = contacts().order_by("partnership__area", "order")
    if area:
        rows = rows.filter(partnership__slug=area)
    if kind:
        rows = rows.filter(kind=kind)
    if audience:
        rows = rows.filter(audience__in=AUDIENCE_MATCHES[audience])
    return list(rows)


def by_area(rows: list[Contact]) -> list[tuple[Partnership, list[Contact]]]:
    """Contacts grouped under their partnership, keeping their order."""
    groups: dict[int, tuple[Partnership, list[Contact]]] = {}
    for contact in rows:
        groups.setdefault(contact.partnership_id, (contact.partnership, []))[1].append(contact)
    return list(groups.values())


def contacts_for_level(partnership: Partnership, number: int) -> list[Contact]:
    """The partnership's contacts that the content ties to this level (editorial tags)."""
    return [c for c in contacts().filter(partnership=partnership) if number in c.editorial_levels]


def family_hubs(partnership: Partnership) -> list[Contact]:
    return list(contacts().filter(partnership=partnership, kind=Contact.Kind.FAMILY_HUB))


def family_information(partnership: Partnership) -> list[Contact]:
    """Information services for families in the area (shown beside the hubs)."""
    return list(
        contacts().filter(
            partnership=partnership,
            kind=Contact.Kind.INFORMATION_SERVICE,
            audience__in=AUDIENCE_MATCHES[Contact.Audience.FAMILIES],
        )
    )


def source_titles() -> dict[str, str]:
    """Source file name -> the document's title, for "Source:" lines."""
    return dict(SourceDocument.objects.values_list("file", "title"))


def rules_of(contact: Contact) -> list[clock.Rule]:
    return [clock.Rule(tuple(rule.day_list), rule.opens, rule.closes) for rule in contact.hours.all()]


@dataclass
class Hours:
    """A contact's opening hours as the page shows them."""

    lines: list[str]  # from the structured weekly rules
    note: str  # the document's own words about hours
    all_hours: bool

    @property
    def published(self) -> bool:
        return bool(self.lines or self.note or self.all_hours)


def hours_of(contact: Contact) -> Hours:
    lines = [] if contact.open_all_hours else clock.describe_rules(rules_of(contact))
    return Hours(lines=lines, note=contact.hours_note, all_hours=contact.open_all_hours)


@dataclass
class RightNow:
    """Who to call at a given moment in one area, and why."""

    partnership: Partnership
    at: datetime
    emergency: Contact | None
    call: Contact
    out_of_hours: bool  # the out-of-hours service is the one to call
    hours_published: bool  # False where the documents give no hours to work from
    bank_holiday: str | None
    next_change: datetime | None
    office_hours: list[str] = field(default_factory=list)  # the complement of the out-of-hours rules
    bank_holidays_are_out_of_hours: bool = False
    out_of_hours_contact: Contact | None = None

    @property
    def cache_seconds(self) -> int:
        """How long a page showing this answer may be cached: never past the next change."""
        if self.next_change is None:
            return settings.PAGE_CACHE_SECONDS
        # Rounded down, and 0 (not cached at all) in the last second before a change.
        seconds = int(clock.seconds_until(self.next_change, self.at))
        return max(0, min(settings.PAGE_CACHE_SECONDS, seconds))


def right_now_for(partnership: Partnership, at: datetime | None = None) -> RightNow | None:
    at = at or moment()
    rota = (
        CallRota.objects.select_related("emergency", "office_hours", "out_of_hours", "partnership")
        .prefetch_related("out_of_hours__hours", "office_hours__phones", "out_of_hours__phones", "emergency__phones")
        .filter(partnership=partnership)
        .first()
    )
    if rota is None:
        return None
    holiday = clock.bank_holiday(at.astimezone(clock.UK).date())
    if rota.out_of_hours is None:
        # The documents give no out-of-hours service here: the front door, hours unknown.
        return RightNow(partnership, at, rota.emergency, rota.office_hours, False, False, None, None)
    rules = rules_of(rota.out_of_hours)
    if not rules and rota.out_of_hours.open_all_hours:  # ticked "24 hours" in the admin, no rules
        rules = [clock.Rule(tuple(clock.DAYS), "00:00", "24:00")]
    count_holidays = rota.bank_holidays_are_out_of_hours
    outside = clock.out_of_hours(rules, at, bank_holidays_count=count_holidays)
    return RightNow(
        partnership=partnership,
        at=at,
        emergency=rota.emergency,
        call=rota.out_of_hours if outside else rota.office_hours,
        out_of_hours=outside,
        hours_published=True,
        bank_holiday=holiday if count_holidays else None,
        next_change=clock.next_change(rules, at, bank_holidays_count=count_holidays),
        office_hours=clock.describe_rules(clock.rules_complement(rules)),
        bank_holidays_are_out_of_hours=count_holidays,
        out_of_hours_contact=rota.out_of_hours,
    )


def right_now_everywhere(at: datetime | None = None) -> list[RightNow]:
    at = at or moment()
    answers = [right_now_for(p, at) for p in Partnership.objects.all()]
    return [answer for answer in answers if answer]


def cache_seconds_for(answers: list[RightNow]) -> int:
    """How long a page showing all these answers may be cached."""
    return min([answer.cache_seconds for answer in answers], default=settings.PAGE_CACHE_SECONDS)
