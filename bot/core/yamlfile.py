"""Reads YAML and remembers the line each value came from, so problems can say `file:line: field: what`.

Validation works on plain data and reports field paths; this module maps a path back to the line of
the deepest node that exists, which is where a person has to look. Every file the app reads (knowledge,
organisation settings, assessment rules and answers) comes through here, so each is refused the same way,
in one line, when it is not what a person would write: not UTF-8, huge, binary, a key given twice,
anchors and aliases (billion laughs), or nesting deep enough to exhaust the parser.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.core.problems import InvalidInput, Loc, Problem, format_loc


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


MAX_BYTES = 8 * 1024 * 1024  # an export of 10,000 topics is about 5 MiB
MAX_DEPTH = 50  # the deepest real file nests 5 levels
_NO_ALIASES = "anchors and aliases (&name, *name) are not allowed in these files"
_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"  # libyaml's own limit (1,000 levels)


# libyaml's parser (in C, with PyYAML's wheels) reads a 250 KB export about six times faster than PyYAML's
# own; both give the same nodes, with the lines problems are reported at.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases_and_depth(text: str) -> None:
    """Aliases are refused outright (billion laughs and recursive aliases are made of them), and nesting is
    capped, by reading the document's events before any node is built. (types-PyYAML types libyaml's
    marks apart from PyYAML's, though both carry the same line and column: hence the two ignores.)"""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(problem=_NO_ALIASES, problem_mark=event.start_mark)  # type: ignore[arg-type]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(problem=_TOO_DEEP, problem_mark=event.start_mark)  # type: ignore[arg-type]
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_yaml(text: str, path: str) -> YamlDocument:
    loader = _LOADER(text)
    try:
        _refuse_aliases_and_depth(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(error, "problem", None) or str(error).replace("\n", " ")
        raise InvalidFile([f"{where}: {_say(problem)}"]) from None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    if node is not None:
        duplicates: list[str] = []
        _walk(node, (), lines, duplicates)
        if duplicates:
            raise InvalidFile([f"{path}:{where}" for where in duplicates])
    return YamlDocument(path=path, data=data, lines=lines)


def read_yaml(path: Path) -> YamlDocument:
    return parse_yaml(read_text(path), str(path))


def read_text(path: Path) -> str:
    """A file's text, refused in one line when it is not a readable, reasonably sized UTF-8 text file."""
    if path.is_dir():
        raise InvalidFile([f"{path}: is a folder, not a file"])
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise InvalidFile([f"{path}: cannot read: {error.strerror}"]) from None
    if len(raw) > MAX_BYTES:
        raise InvalidFile([f"{path}: larger than {MAX_BYTES // 1024 // 1024} MiB: not a knowledge or settings file"])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidFile([f"{path}: UTF-16 text: save the file as UTF-8"])
    if b"\0" in raw:
        raise InvalidFile([f"{path}:{_line_at(raw, raw.index(0))}: not a text file (it holds a NUL byte)"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        message = f"not UTF-8 text (byte {byte:#04x}): save the file as UTF-8"
        raise InvalidFile([f"{path}:{_line_at(raw, error.start)}: {message}"]) from None


def located(error: InvalidInput, document: YamlDocument) -> InvalidFile:
    return InvalidFile([document.describe(p) for p in error.problems])


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], duplicates: list[str]) -> None:
    """Records the line of every value by its field path, and each key given twice in one mapping."""
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        first: dict[Any, int] = {}
        for key, value in node.value:
            child = (*loc, key.value)
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode) and key.value in first:
                duplicates.append(f"{line}: {format_loc(child)}: given twice (first on line {first[key.value]})")
                continue
            if isinstance(key, yaml.ScalarNode):
                first[key.value] = line
            _walk(value, child, lines, duplicates)
            lines[child] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, duplicates)


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _say(problem: str) -> str:
    if problem == _LIBYAML_TOO_DEEP:  # libyaml reads a flow run ahead, and stops at its own limit first
        return _TOO_DEEP
    return problem if problem in (_NO_ALIASES, _TOO_DEEP) else f"not valid YAML: {problem}"
