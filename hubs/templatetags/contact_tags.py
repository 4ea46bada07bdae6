from datetime import datetime

from django import template

from hubs import now as clock
from hubs import phones

register = template.Library()

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@register.filter
def phone_display(number: str) -> str:
    return phones.display(number)


@register.filter
def phone_tel(number: str) -> str:
    return phones.tel(number)


@register.filter
def uk_moment(moment: datetime | None) -> str:
    """An instant in UK time, the GOV.UK way: "8:30am on Monday 30 March".

    Always a date, never "today" or "tomorrow": a cached page may be read after midnight.
    """
    if moment is None:
        return ""
    local = moment.astimezone(clock.UK)
    when = clock.format_time(local.hour * 60 + local.minute)
    return f"{when} on {clock.DAY_NAMES[local.weekday()]} {local.day} {MONTHS[local.month - 1]}"


@register.filter
def option_label(option: dict) -> str:
    """A phone menu option: "Option 3: To make a referral"."""
    return f"Option {option.get('key')}: {option.get('label')}"


@register.filter
def bare_url(url: str) -> str:
    """A web address as the documents print it: www.warwickshire.gov.uk/fis."""
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")
