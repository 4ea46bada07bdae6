"""Writes content back out as YAML that reads like the hand-written files."""

from typing import Any

import yaml

HEADER = (
    "# Content for the threshold guidance portal. Format: docs/content-format.md.\n"
    "# Every item says where it came from (source: file and section in ../shared/seeds).\n"
    "# Load with `python manage.py load_content fixtures/*.yaml`.\n"
)

# Keys left out of the file when they hold nothing, to keep the files short.
OMIT_WHEN_EMPTY = {"parent", "editorial_outcome_areas", "meaning", "edition", "statement", "publisher", "outcome_areas", "terms", "combination_rule", "advice", "raises_to"}


class _Dumper(yaml.SafeDumper):
    pass


def _is_leaf(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) or value is None


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_dict(dumper: yaml.SafeDumper, value: dict):
    # Small mappings of plain values (a source, an opening rule) stay on one line.
    flow = all(_is_leaf(v) or (isinstance(v, list) and all(_is_leaf(i) for i in v)) for v in value.values()) and all(
        not isinstance(v, str) or "\n" not in v for v in value.values()
    ) and len(str(value)) < 110
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)


def _represent_list(dumper: yaml.SafeDumper, value: list):
    flow = all(_is_leaf(item) and not (isinstance(item, str) and "\n" in item) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(list, _represent_list)


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if not (k in OMIT_WHEN_EMPTY and v in (None, [], ""))}
    if isinstance(value, list):
        return [_prune(item) for item in value]
    return value


def dump_content(data: dict) -> str:
    body = yaml.dump(_prune(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100000, indent=2)
    return HEADER + body
