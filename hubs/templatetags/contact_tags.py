from django import template

from hubs import phones

register = template.Library()


@register.filter
def phone_display(number: str) -> str:
    return phones.display(number)


@register.filter
def phone_tel(number: str) -> str:
    return phones.tel(number)
