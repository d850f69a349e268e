"""Bad input, reported as a list of problems that each say where (a field path) and what is wrong.

Every entry point shows the same thing: a YAML import adds the file and line, a Slack modal puts the
message under the field, the CLI prints one line a problem. Nothing is written while any remain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

Loc = tuple[str | int, ...]
PATTERN_MEANINGS: dict[str, str] = {}  # a field pattern -> what a value must look like, said for a person


def means(pattern: str, meaning: str) -> str:
    """Registers what `pattern` means, so a value that does not match it is refused in those words."""
    PATTERN_MEANINGS[pattern] = meaning
    return pattern


@dataclass(frozen=True)
class Problem:
    loc: Loc
    message: str

    @property
    def where(self) -> str:
        return format_loc(self.loc)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.loc else self.message


class InvalidInput(ValueError):
    """Raised with every problem found, never just the first, so one fix round is enough."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_loc(loc: Loc) -> str:
    """("roles", "CPTO", "covers", 1) -> "roles.CPTO.covers[1]"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def from_validation_error(error: ValidationError, prefix: Loc = ()) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown field"
        elif item["type"] == "missing":
            message = "is required"
        elif item["type"] == "string_pattern_mismatch" and item["ctx"]["pattern"] in PATTERN_MEANINGS:
            message = f"{item['input']!r} won't do: {PATTERN_MEANINGS[item['ctx']['pattern']]}"
        problems.append(Problem(prefix + loc, message))
    return problems


def within(problems: Iterable[Problem], prefix: Loc) -> list[Problem]:
    """The problems of the item at `prefix` (("roles", 11)), located from it: a form shows its own fields."""
    return [Problem(p.loc[len(prefix) :], p.message) for p in problems if p.loc[: len(prefix)] == prefix]


def raise_if_any(problems: Iterable[Problem]) -> None:
    found = list(problems)
    if found:
        raise InvalidInput(found)
