"""Who to call right now: pure functions over weekly opening rules, in UK time.

Opening rules are wall-clock times in the UK (Europe/London), so they follow the clocks
when they change. Bank holidays (England and Wales) come from the `holidays` package.

Instants are compared as real moments (timestamps), never as wall-clock values: Python
compares two datetimes that share a tzinfo by their wall-clock fields only, which is
wrong for the hour the clocks go back.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

UK = ZoneInfo("Europe/London")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY = 24 * 60
WEEK = 7 * DAY


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


def _boundaries(rules: list[Rule], start: datetime, days: int = 9) -> list[datetime]:
    """Every moment after `start` at which the answer could change: each rule's opening
    and closing time and each midnight (when a bank holiday starts or ends), as UK
    wall-clock times turned into real instants, earliest first."""
    local_start = start.astimezone(UK)
    times = {"00:00"} | {rule.opens for rule in rules} | {rule.closes for rule in rules}
    moments = {}
    for offset in range(days):
        day = local_start.date() + timedelta(days=offset)
        for hhmm in times:
            minutes = _minutes(hhmm)
            if minutes >= DAY:
                continue  # 24:00 is the next day's 00:00
            moment = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=UK)
            if moment.timestamp() > start.timestamp():
                moments[moment.timestamp()] = moment
    return [moments[stamp] for stamp in sorted(moments)]


def next_change(rules: list[Rule], at: datetime, *, bank_holidays_count: bool) -> datetime | None:
    """The next moment (in UK time) at which out_of_hours() gives a different answer,
    looking up to nine days ahead (long enough for Christmas and a weekend together)."""
    now = out_of_hours(rules, at, bank_holidays_count=bank_holidays_count)
    for moment in _boundaries(rules, at):
        if out_of_hours(rules, moment, bank_holidays_count=bank_holidays_count) != now:
            return moment
    return None


def seconds_until(moment: datetime, at: datetime) -> float:
    """Real seconds between two instants, whatever time zones they are written in."""
    return moment.astimezone(UTC).timestamp() - at.astimezone(UTC).timestamp()


# Describing the rules in words -------------------------------------------------------


def format_time(minutes: int) -> str:
    """Minutes after midnight, the GOV.UK way: 9am, 8:30am, 4:30pm, midday, midnight."""
    minutes %= DAY
    if minutes == 0:
        return "midnight"
    if minutes == 12 * 60:
        return "midday"
    hours, mins = divmod(minutes, 60)
    suffix = "am" if hours < 12 else "pm"
    hours = hours - 12 if hours > 12 else hours
    return f"{hours}{suffix}" if mins == 0 else f"{hours}:{mins:02d}{suffix}"


def _spans(rules: list[Rule]) -> list[tuple[int, int]]:
    """The rules as merged open periods in minutes of the week (Monday 00:00 = 0).
    A period that runs over Sunday midnight into Monday ends after WEEK."""
    periods = sorted(
        (DAYS.index(day) * DAY + _minutes(rule.opens), DAYS.index(day) * DAY + _minutes(rule.closes))
        for rule in rules
        for day in rule.days
    )
    merged: list[list[int]] = []
    for start, end in periods:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if len(merged) > 1 and merged[0][0] == 0 and merged[-1][1] == WEEK:
        first = merged.pop(0)  # Sunday night runs on into Monday morning
        merged[-1][1] = WEEK + first[1]
    return [(start, end) for start, end in merged]


def _join_days(days: list[int]) -> str:
    names = [DAY_NAMES[d % 7] for d in days]
    if len(days) > 2 and days == list(range(days[0], days[0] + len(days))):
        return f"{names[0]} to {names[-1]}"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe_rules(rules: list[Rule]) -> list[str]:
    """Weekly rules as short English lines, merging periods that run past midnight:
    "Monday to Friday, 9am to 5pm", "Monday to Thursday, 5pm to 8:30am the next day",
    "Friday 4:30pm to Monday 8:30am", "Every day, 24 hours"."""
    spans = _spans(rules)
    if spans == [(0, WEEK)]:
        return ["Every day, 24 hours"]
    groups: list[tuple[tuple, list[int]]] = []  # (how the span reads, its start days)
    for start, end in spans:
        day, opens = divmod(start, DAY)
        if end - start == DAY and opens == 0:
            shape = ("all day",)
        elif end <= (day + 1) * DAY:
            shape = ("day", opens, end - day * DAY)
        elif end - start < DAY:
            shape = ("night", opens, end % DAY)
        else:
            shape = ("long", start, end)
        same = next((g for g in groups if g[0] == shape and shape[0] != "long"), None)
        if same:
            same[1].append(day)
        else:
            groups.append((shape, [day]))
    lines = []
    for shape, days in groups:
        when = _join_days(days)
        if shape[0] == "all day":
            lines.append(f"{when}, 24 hours")
        elif shape[0] == "day":
            lines.append(f"{when}, {format_time(shape[1])} to {format_time(shape[2])}")
        elif shape[0] == "night":
            lines.append(f"{when}, {format_time(shape[1])} to {format_time(shape[2])} the next day")
        else:
            start, end = shape[1], shape[2]
            lines.append(f"{DAY_NAMES[(start // DAY) % 7]} {format_time(start)} to {DAY_NAMES[(end // DAY) % 7]} {format_time(end)}")
    return lines


def rules_complement(rules: list[Rule]) -> list[Rule]:
    """The periods of the week the rules do not cover, day by day (office hours are the
    complement of the documented out-of-hours times)."""
    result = []
    for day in DAYS:
        cursor = 0
        for opens, closes in sorted((_minutes(r.opens), _minutes(r.closes)) for r in rules if day in r.days):
            if opens > cursor:
                result.append(Rule((day,), _hhmm(cursor), _hhmm(opens)))
            cursor = max(cursor, closes)
        if cursor < DAY:
            result.append(Rule((day,), _hhmm(cursor), _hhmm(DAY)))
    return result


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
