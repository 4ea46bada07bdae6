"""Reads a YAML content file, keeping the line of every value for error messages."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Problem:
    """One thing wrong with a content file, where it is, and what was expected."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class ContentFile:
    path: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, path: tuple) -> int | None:
        """The line of the value at `path`, or of its nearest parent that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def problem(self, path: tuple, message: str) -> Problem:
        return Problem(self.path, self.line(path), message)


class ContentFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _build(node: yaml.Node, path: tuple, lines: dict, name: str, constructor: yaml.SafeLoader) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node)
            if not isinstance(key, str):
                raise ContentFileError(Problem(name, key_node.start_mark.line + 1, f"keys must be words, not {key!r}"))
            if key in result:
                raise ContentFileError(Problem(name, key_node.start_mark.line + 1, f"the key '{key}' appears twice"))
            result[key] = _build(value_node, path + (key,), lines, name, constructor)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), lines, name, constructor) for index, item in enumerate(node.value)]
    try:
        return constructor.construct_object(node)
    except ValueError as error:  # a value YAML recognises but cannot build, such as the date 2027-02-30
        raise ContentFileError(Problem(name, node.start_mark.line + 1, f"has a value YAML cannot read: {error} ({node.value})")) from error


def read_content_file(path: str | Path) -> ContentFile:
    """Reads one file; raises ContentFileError for unreadable, empty or malformed YAML."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ContentFileError(Problem(name, None, f"cannot be read ({error.strerror})")) from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentFileError(Problem(name, line, "is not UTF-8 text; save it as UTF-8")) from error
    if not text.strip():
        raise ContentFileError(Problem(name, None, "is empty; a content file starts with 'kind:'"))
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise ContentFileError(Problem(name, line, f"is not valid YAML: {error.problem or error}")) from error
    except yaml.YAMLError as error:
        raise ContentFileError(Problem(name, None, f"is not valid YAML: {error}")) from error
    if node is None:
        raise ContentFileError(Problem(name, None, "is empty; a content file starts with 'kind:'"))
    lines: dict[tuple, int] = {}
    try:
        # A fresh constructor per file: it remembers every node it builds.
        data = _build(node, (), lines, name, yaml.SafeLoader(""))
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        raise ContentFileError(Problem(name, mark.line + 1 if mark else None, f"has a value YAML cannot read: {error.problem}")) from error
    return ContentFile(path=name, data=data, lines=lines)
