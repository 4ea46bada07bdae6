"""Reads of contacts for pages and the API."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from hubs import now as clock
from hubs.models import CallRota, Contact
from thresholds.models import Partnership


def contacts() -> QuerySet[Contact]:
    return Contact.objects.select_related("partnership").prefetch_related("phones", "hours")


def contacts_for_level(partnership: Partnership, number: int) -> list[Contact]:
    """The partnership's contacts that the content ties to this level (editorial tags)."""
    return [c for c in contacts().filter(partnership=partnership) if number in c.editorial_levels]


def rules_of(contact: Contact) -> list[clock.Rule]:
    return [clock.Rule(tuple(rule.day_list), rule.opens, rule.closes) for rule in contact.hours.all()]


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

    @property
    def cache_seconds(self) -> int:
        """How long a page showing this answer may be cached: never past the next change."""
        if self.next_change is None:
            return settings.PAGE_CACHE_SECONDS
        seconds = int((self.next_change - self.at).total_seconds())
        return max(1, min(settings.PAGE_CACHE_SECONDS, seconds))


def right_now_for(partnership: Partnership, at: datetime | None = None) -> RightNow | None:
    at = at or timezone.now()
    rota = (
        CallRota.objects.select_related("emergency", "office_hours", "out_of_hours")
        .prefetch_related("out_of_hours__hours", "office_hours__phones", "out_of_hours__phones", "emergency__phones")
        .filter(partnership=partnership)
        .first()
    )
    if rota is None:
        return None
    holiday = clock.bank_holiday(at.astimezone(clock.UK).date())
    if rota.out_of_hours is None:
        return RightNow(partnership, at, rota.emergency, rota.office_hours, False, False, holiday, None)
    rules = rules_of(rota.out_of_hours)
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
    )


def right_now_everywhere(at: datetime | None = None) -> list[RightNow]:
    at = at or timezone.now()
    answers = [right_now_for(p, at) for p in Partnership.objects.all()]
    return [answer for answer in answers if answer]
