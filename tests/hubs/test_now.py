"""hubs.now: who to call at a given moment, in UK time, across clock changes and bank holidays.

Pure functions, no database: the rules below are Coventry's Emergency Out of Hours Duty Team
as fixtures/contacts-coventry.yaml gives them ("between 5pm and 8.30am Monday to Thursday
and between 4.30pm on a Friday and 8.30am on a Monday, each weekend").
"""

from datetime import UTC, datetime

import pytest

from hubs.now import (
    Rule,
    bank_holiday,
    describe_rules,
    format_time,
    is_open,
    next_change,
    out_of_hours,
    rules_complement,
    seconds_until,
)
from tests.hubs.conftest import uk

EDT = [
    Rule(("mon", "tue", "wed", "thu"), "17:00", "24:00"),
    Rule(("tue", "wed", "thu", "fri"), "00:00", "08:30"),
    Rule(("fri",), "16:30", "24:00"),
    Rule(("sat", "sun"), "00:00", "24:00"),
    Rule(("mon",), "00:00", "08:30"),
]
FIS = [Rule(("mon", "tue", "wed", "thu", "fri"), "09:00", "17:00")]


def edt_on(at: datetime) -> bool:
    return out_of_hours(EDT, at, bank_holidays_count=True)


def change(at: datetime) -> datetime | None:
    return next_change(EDT, at, bank_holidays_count=True)


@pytest.mark.parametrize(
    ("moment", "edt", "changes_at"),
    [
        (uk(2026, 4, 14, 10, 0), False, uk(2026, 4, 14, 17, 0)),  # a Tuesday morning: the office
        (uk(2026, 4, 14, 17, 30), True, uk(2026, 4, 15, 8, 30)),  # Tuesday evening: EDT until Wednesday
        (uk(2026, 4, 14, 16, 59), False, uk(2026, 4, 14, 17, 0)),  # a minute before it opens
        (uk(2026, 4, 14, 17, 0), True, uk(2026, 4, 15, 8, 30)),  # the minute it opens
        (uk(2026, 4, 15, 8, 29), True, uk(2026, 4, 15, 8, 30)),  # Wednesday morning, still EDT
        (uk(2026, 4, 15, 8, 30), False, uk(2026, 4, 15, 17, 0)),  # 8:30am: back to the office
        (uk(2026, 4, 17, 16, 29), False, uk(2026, 4, 17, 16, 30)),  # Friday closes at 4:30pm
        (uk(2026, 4, 17, 16, 45), True, uk(2026, 4, 20, 8, 30)),  # Friday 4:45pm: EDT all weekend
        (uk(2026, 4, 18, 12, 0), True, uk(2026, 4, 20, 8, 30)),  # a Saturday
        (uk(2026, 4, 19, 23, 59), True, uk(2026, 4, 20, 8, 30)),  # late Sunday
        (uk(2026, 4, 20, 8, 0), True, uk(2026, 4, 20, 8, 30)),  # Monday before 8:30am
    ],
)
def test_who_to_call_at_fixed_times_in_an_ordinary_week(moment, edt, changes_at):
    assert edt_on(moment) is edt
    assert change(moment) == changes_at


def test_a_bank_holiday_monday_is_out_of_hours_all_day():
    spring = uk(2026, 5, 25, 10, 0)  # Spring bank holiday
    assert bank_holiday(spring.date()) is not None
    assert edt_on(spring)
    assert not out_of_hours(EDT, spring, bank_holidays_count=False)  # it is the holiday, not the weekly rules
    # The weekend before runs straight into the holiday: no office hours until Tuesday 8:30am.
    assert change(uk(2026, 5, 22, 16, 45)) == uk(2026, 5, 26, 8, 30)
    assert change(spring) == uk(2026, 5, 26, 8, 30)


def test_christmas_and_boxing_day_join_the_weekend():
    # 2026: Christmas Day is a Friday, Boxing Day a Saturday, so Monday 28 December is the substitute day.
    assert bank_holiday(uk(2026, 12, 28).date()) is not None
    assert change(uk(2026, 12, 24, 17, 0)) == uk(2026, 12, 29, 8, 30)


def test_ordinary_days_are_not_bank_holidays():
    assert bank_holiday(uk(2026, 4, 14).date()) is None
    assert bank_holiday(uk(2026, 5, 26).date()) is None


def test_the_morning_after_the_clocks_go_forward_uses_uk_wall_clock_time():
    # Sunday 29 March 2026 the clocks went forward: on Monday 8:15am BST is 07:15 UTC.
    at_815 = datetime(2026, 3, 30, 7, 15, tzinfo=UTC)
    at_845 = datetime(2026, 3, 30, 7, 45, tzinfo=UTC)
    assert edt_on(at_815)  # a UTC-minded clock would already say "office" (07:15 is before 8:30)...
    assert not edt_on(at_845)  # ...and would still say "EDT" here (07:45 UTC is before 8:30)
    assert change(at_815) == datetime(2026, 3, 30, 7, 30, tzinfo=UTC)  # 8:30am BST
    assert int(seconds_until(change(at_815), at_815)) == 15 * 60


def test_the_night_the_clocks_go_forward_is_out_of_hours_throughout():
    for hour_utc in (0, 1, 2, 3):  # 00:00 GMT, then 02:00, 03:00, 04:00 BST: 01:xx never happens
        assert edt_on(datetime(2026, 3, 29, hour_utc, 30, tzinfo=UTC))
    assert change(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == datetime(2026, 3, 30, 7, 30, tzinfo=UTC)


def test_the_night_the_clocks_go_back_counts_real_time():
    # Sunday 25 October 2026: 01:30 happens twice, first in BST then in GMT.
    first = uk(2026, 10, 25, 1, 30, fold=0)
    second = uk(2026, 10, 25, 1, 30, fold=1)
    assert int(seconds_until(second, first)) == 3600
    for moment in (first, second):
        assert edt_on(moment)
        assert change(moment) == datetime(2026, 10, 26, 8, 30, tzinfo=UTC)  # 8:30am GMT on Monday
    # Friday afternoon before the change: the office closes at 4:30pm BST (15:30 UTC).
    assert change(datetime(2026, 10, 23, 15, 0, tzinfo=UTC)) == datetime(2026, 10, 23, 15, 30, tzinfo=UTC)


def test_is_open_reads_the_rules_in_uk_time():
    assert is_open(FIS, uk(2026, 7, 1, 9, 0))
    assert not is_open(FIS, uk(2026, 7, 1, 17, 0))  # closes at 5pm
    assert not is_open(FIS, datetime(2026, 7, 1, 16, 30, tzinfo=UTC))  # 5:30pm BST
    assert not is_open(FIS, uk(2026, 7, 4, 10, 0))  # Saturday


def test_no_rules_never_changes():
    assert next_change([], uk(2026, 4, 14, 10, 0), bank_holidays_count=False) is None


def test_rules_read_as_british_english():
    assert describe_rules(EDT) == ["Monday to Thursday, 5pm to 8:30am the next day", "Friday 4:30pm to Monday 8:30am"]
    assert describe_rules(FIS) == ["Monday to Friday, 9am to 5pm"]
    assert describe_rules([Rule(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "00:00", "24:00")]) == ["Every day, 24 hours"]
    assert describe_rules([Rule(("mon", "wed", "fri"), "09:30", "12:00")]) == ["Monday, Wednesday and Friday, 9:30am to midday"]
    assert describe_rules([Rule(("sat", "sun"), "10:00", "16:00")]) == ["Saturday and Sunday, 10am to 4pm"]
    assert describe_rules([Rule(("sun",), "20:00", "24:00"), Rule(("mon",), "00:00", "08:00")]) == ["Sunday, 8pm to 8am the next day"]


def test_times_are_written_the_gov_uk_way():
    assert [format_time(m) for m in (0, 9 * 60, 8 * 60 + 30, 12 * 60, 12 * 60 + 30, 16 * 60 + 30, 24 * 60)] == [
        "midnight", "9am", "8:30am", "midday", "12:30pm", "4:30pm", "midnight",
    ]  # fmt: skip


def test_office_hours_are_the_complement_of_the_out_of_hours_rules():
    office = rules_complement(EDT)
    assert describe_rules(office) == ["Monday to Thursday, 8:30am to 5pm", "Friday, 8:30am to 4:30pm"]
    # Together they cover every minute of the week exactly once.
    for hour in range(0, 24 * 7):
        moment = uk(2026, 4, 13 + hour // 24, hour % 24, 15)
        assert is_open(office, moment) != is_open(EDT, moment), moment
