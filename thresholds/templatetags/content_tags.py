"""Template filters for content text: body text to HTML, and search highlighting."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

BULLET = re.compile(r"^(\s*)- (.*)$")


@register.filter
def body(text: str) -> SafeString:
    """Paragraphs separated by blank lines; lines starting with '- ' become (nested) bullets."""
    html = []
    for block in re.split(r"\n\s*\n", (text or "").strip()):
        lines = block.splitlines()
        if lines and all(BULLET.match(line) for line in lines):
            html.append(_bullets(lines))
        elif lines:
            html.append(f'<p class="govuk-body">{escape(" ".join(line.strip() for line in lines))}</p>')
    return mark_safe("\n".join(html))


def _bullets(lines: list[str]) -> str:
    out, depth_stack = [], []
    for line in lines:
        indent, item = BULLET.match(line).groups()
        depth = len(indent) // 2
        while len(depth_stack) > depth + 1:
            out.append("</li></ul>")
            depth_stack.pop()
        if len(depth_stack) == depth + 1:
            out.append("</li>")
        while len(depth_stack) < depth + 1:
            out.append('<ul class="govuk-list govuk-list--bullet">')
            depth_stack.append(depth)
        out.append(f"<li>{escape(item)}")
    while depth_stack:
        out.append("</li></ul>")
        depth_stack.pop()
    return "".join(out)


@register.filter
def highlight(text: str, stems) -> SafeString:
    """Wraps the words of `text` whose search stems are in `stems` in <mark>."""
    from thresholds.search import stem

    if not stems:
        return escape(text)
    parts, last = [], 0
    for match in re.finditer(r"[A-Za-z0-9]+", text):
        if stem(match.group(0).lower()) in stems:
            parts.append(escape(text[last : match.start()]))
            parts.append(f'<mark class="app-highlight">{escape(match.group(0))}</mark>')
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


@register.filter
def lookup(mapping: dict, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def split(text: str) -> list[str]:
    return text.split()
