"""Who to call right now: pure functions over weekly opening rules, in UK time.

Opening rules are wall-clock times in the UK (Europe/London), so they follow the clocks
when they change. Bank holidays (England and Wales) come from the `holidays` package.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

UK = ZoneInfo("Europe/London")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


@dataclass(frozen=True)
class Rule:
    days: tuple[str, ...]
    opens: str  # "HH:MM"
    closes: str  # "HH:MM", "24:00" is the end of the day


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


@lru_cache(maxsize=32)
def _bank_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=[year]))


def bank_holiday(day: date) -> str | None:
    """The name of the bank holiday in England and Wales on this day, if it is one."""
    return _bank_holidays(day.year).get(day)


def is_open(rules: list[Rule], at: datetime) -> bool:
    """Whether any weekly rule covers this moment (in UK local time)."""
    local = at.astimezone(UK)
    day = DAYS[local.weekday()]
    minute = local.hour * 60 + local.minute
    return any(day in rule.days and _minutes(rule.opens) <= minute < _minutes(rule.closes) for rule in rules)


def out_of_hours(rules: list[Rule], at: datetime, *, bank_holidays_count: bool) -> bool:
    """Whether the out-of-hours service is the one to call at this moment."""
    if is_open(rules, at):
        return True
    return bank_holidays_count and bank_holiday(at.astimezone(UK).date()) is not None


def _boundaries(rules: list[Rule], start: datetime, days: int = 9):
    """Every moment, from `start` on, at which the answer could change: each rule's opening
    and closing time and each midnight, as UK wall-clock times turned into real instants."""
    local_start = start.astimezone(UK)
    moments = set()
    for offset in range(days):
        day = local_start.date() + timedelta(days=offset)
        times = {"00:00"} | {rule.opens for rule in rules} | {rule.closes for rule in rules}
        for hhmm in times:
            minutes = _minutes(hhmm)
            if minutes >= 24 * 60:
                continue  # 24:00 is the next day's 00:00
            moment = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=UK)
            if moment > local_start:
                moments.add(moment)
    return sorted(moments)


def next_change(rules: list[Rule], at: datetime, *, bank_holidays_count: bool) -> datetime | None:
    """The next moment at which out_of_hours() gives a different answer, within nine days."""
    now = out_of_hours(rules, at, bank_holidays_count=bank_holidays_count)
    for moment in _boundaries(rules, at):
        if out_of_hours(rules, moment, bank_holidays_count=bank_holidays_count) != now:
            return moment
    return None


def describe_rules(rules: list[Rule]) -> list[str]:
    """Rules as short English lines: "Monday to Thursday, 17:00 to midnight"."""
    names = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
    lines = []
    for rule in rules:
        days = [names[d] for d in rule.days]
        consecutive = [DAYS.index(d) for d in rule.days] == list(range(DAYS.index(rule.days[0]), DAYS.index(rule.days[0]) + len(rule.days)))
        if len(days) > 2 and consecutive:
            when = f"{days[0]} to {days[-1]}"
        else:
            when = " and ".join([", ".join(days[:-1]), days[-1]]) if len(days) > 1 else days[0]
        closes = "midnight" if rule.closes == "24:00" else rule.closes
        opens = "midnight" if rule.opens == "00:00" else rule.opens
        lines.append(f"{when}, {opens} to {closes}")
    return lines
