"""Reads YAML and remembers the line each value came from, so problems can say `file:line: field: what`.

Validation works on plain data and reports field paths; this module maps a path back to the line of
the deepest node that exists, which is where a person has to look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.core.problems import InvalidInput, Loc, Problem


@dataclass(frozen=True)
class YamlDocument:
    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None

    def describe(self, problem: Problem) -> str:
        line = self.line_of(problem.loc)
        return f"{self.path}:{line}: {problem}" if line else f"{self.path}: {problem}"


class InvalidFile(ValueError):
    """Problems found in one or more files, each line already saying file, line and field."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def parse_yaml(text: str, path: str) -> YamlDocument:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise InvalidFile([f"{where}: not valid YAML: {getattr(error, 'problem', None) or error}"]) from None
    lines: dict[Loc, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return YamlDocument(path=path, data=data, lines=lines)


def read_yaml(path: Path) -> YamlDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidFile([f"{path}: cannot read: {error.strerror}"]) from None
    return parse_yaml(text, str(path))


def located(error: InvalidInput, document: YamlDocument) -> InvalidFile:
    return InvalidFile([document.describe(p) for p in error.problems])


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = loc + (key.value,)
            _walk(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines)
