"""A small declarative schema for content files, with messages a lead can act on.

A schema is built from `Field`s: `text()`, `number()`, `flag()`, `day()`, `stable_id()`,
`choice(...)`, `list_of(...)` and `mapping({...})`. `check()` walks a file's data against a
schema and returns every problem it finds, each with the file and line.
"""

import datetime
import re
from dataclasses import dataclass, field as dc_field
from typing import Any

from portal.content.yamlfile import ContentFile, Problem

ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]{2,59}\Z")  # \Z, not $: $ also matches before a final newline
TIME_PATTERN = re.compile(r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)\Z")


@dataclass(frozen=True)
class Field:
    type: str  # text, number, flag, day, id, time, choice, list, map
    required: bool = True
    null: bool = False
    choices: tuple = ()
    item: "Field | None" = None
    fields: dict = dc_field(default_factory=dict)
    max_length: int | None = None

    def optional(self) -> "Field":
        return Field(self.type, False, True, self.choices, self.item, self.fields, self.max_length)


def text(max_length: int | None = None) -> Field:
    return Field("text", max_length=max_length)


def number() -> Field:
    return Field("number")


def flag() -> Field:
    return Field("flag")


def day() -> Field:
    return Field("day")


def stable_id() -> Field:
    return Field("id")


def time() -> Field:
    return Field("time")


def choice(*values: str) -> Field:
    return Field("choice", choices=values)


def list_of(item: Field) -> Field:
    return Field("list", item=item)


def mapping(fields: dict[str, Field]) -> Field:
    return Field("map", fields=fields)


SOURCE = mapping({"file": text(100), "section": text(300)})

EXPECTED = {
    "text": "text",
    "number": "a whole number",
    "flag": "true or false",
    "day": "a date such as 2027-04-01",
    "id": "an id of 3 to 60 lower-case letters, digits and hyphens, starting with a letter",
    "time": "a time such as '08:30' in quotes (24:00 is midnight)",
    "list": "a list (lines starting with '- ')",
    "map": "a set of 'key: value' lines",
}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if isinstance(value, list):
        return "a list"
    shown = str(value)
    return repr(shown if len(shown) <= 40 else shown[:37] + "...")


def where(path: tuple) -> str:
    parts = []
    for part in path:
        parts.append(f"item {part + 1}" if isinstance(part, int) else part)
    return " > ".join(parts) or "the file"


def check(file: ContentFile, spec: Field, value: Any = None, path: tuple = ()) -> list[Problem]:
    """Every problem with `value` (the whole file when path is empty) against `spec`."""
    if not path:
        value = file.data
    if value is None:
        if spec.null:
            return []
        return [file.problem(path, f"{where(path)} is empty: expected {expected(spec)}")]
    wrong = _type_problem(spec, value)
    if wrong:
        return [file.problem(path, f"{where(path)}: expected {wrong}, found {describe(value)}")]
    problems: list[Problem] = []
    if spec.type == "map":
        for key in value:
            if key not in spec.fields:
                allowed = ", ".join(spec.fields)
                problems.append(file.problem(path + (key,), f"unknown key '{key}' in {where(path)} (allowed: {allowed})"))
        for key, field in spec.fields.items():
            if key in value:
                problems += check(file, field, value[key], path + (key,))
            elif field.required:
                problems.append(file.problem(path, f"{where(path)} is missing '{key}': expected {expected(field)}"))
    elif spec.type == "list":
        for index, item in enumerate(value):
            problems += check(file, spec.item, item, path + (index,))
    return problems


def expected(spec: Field) -> str:
    if spec.type == "choice":
        return "one of " + ", ".join(spec.choices)
    return EXPECTED[spec.type]


def _type_problem(spec: Field, value: Any) -> str | None:
    """What was expected, if `value` is not of the spec's type; otherwise None."""
    ok = {
        "text": isinstance(value, str) and value.strip() != "",
        "number": isinstance(value, int) and not isinstance(value, bool),
        "flag": isinstance(value, bool),
        "day": isinstance(value, datetime.date) and not isinstance(value, datetime.datetime),
        "id": isinstance(value, str) and bool(ID_PATTERN.match(value)),
        "time": isinstance(value, str) and bool(TIME_PATTERN.match(value)),
        "choice": isinstance(value, str) and value in spec.choices,
        "list": isinstance(value, list),
        "map": isinstance(value, dict),
    }[spec.type]
    if not ok:
        return expected(spec)
    if spec.max_length and isinstance(value, str) and len(value) > spec.max_length:
        return f"at most {spec.max_length} characters (this has {len(value)})"
    return None
