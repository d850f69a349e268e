"""The knowledge the bot answers from: roles, sources and responsibilities.

Pure pydantic models, with no storage or Slack in sight, so the same objects come out of the shipped YAML
files, an admin's import and the database. Cross-references (an owner that is a known role, a source id
that exists) are checked by `KnowledgeBase` as a whole.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from bot.core import limits
from bot.core.problems import means

ROLE_ID_PATTERN = means(
    rf"^[A-Z][A-Z0-9]{{1,{limits.ROLE_ID - 1}}}$",
    f"a role is 2 to {limits.ROLE_ID} capital letters or digits, starting with a letter, like CTO",
)
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_QUOTE_CHARS = limits.QUOTE
MAX_SOURCE_TITLE = limits.SOURCE_TITLE
MAX_ALIASES_TEXT = limits.ALIASES_TEXT
MAX_ROLES = 40  # the settings form has two fields a role, and a form holds at most 100 blocks
URL_PATTERN = r"^https?://[^\s|<>]+$"  # no space, `|`, `<` or `>`: any of them could end a Slack link early

RoleId = Annotated[str, StringConstraints(pattern=ROLE_ID_PATTERN)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=limits.SLUG)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Name = Annotated[Text, StringConstraints(max_length=limits.NAME)]
Title = Annotated[Text, StringConstraints(max_length=limits.TITLE)]
Post = Annotated[Text, StringConstraints(max_length=limits.POST)]
MAX_PART_CHARS = 60
Part = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PART_CHARS)]
Example = Annotated[Text, StringConstraints(max_length=limits.EXAMPLE)]


class Strict(BaseModel):
    """Refuses unknown fields, so a typo in a YAML key is an error instead of silently ignored data."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """One of the articles the knowledge comes from; `url` is None when it has no public address."""

    id: Slug
    title: Annotated[Text, StringConstraints(max_length=MAX_SOURCE_TITLE)]
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=limits.SOURCE_URL)] | None = None
    seed: Annotated[str, StringConstraints(max_length=limits.NAME)] | None = None


class Citation(Strict):
    source: Slug
    quote: Annotated[Text, StringConstraints(max_length=MAX_QUOTE_CHARS)]


class UsualCover(Strict):
    """Who usually takes a role's work in companies that do not have it, and the sources that say so."""

    by: Annotated[tuple[RoleId, ...], Field(min_length=1)]  # in order: the first the organisation has
    work: Annotated[Text, StringConstraints(max_length=120)]  # completes "the COO usually …": "runs finance"
    citations: tuple[Citation, ...] = ()


class Role(Strict):
    """An executive role. `default`: part of the default organisation; `fallback`: the default
    organisation's fallback role (exactly one, itself a default role)."""

    id: RoleId
    name: Name
    focus: Text
    combines: tuple[RoleId, ...] = ()
    default: bool = False
    fallback: bool = False
    usual_cover: UsualCover | None = None
    # Posts that report to the role, as job descriptions name them ("controller", "in-house counsel"): a
    # duty whose subject is one of them is the role's work (`RoleNames`). Never shown as an owner.
    posts: Annotated[tuple[Post, ...], Field(max_length=limits.POSTS)] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return names_in(self.name)


def names_in(role_name: str) -> tuple[str, ...]:
    """A role's name and the one in its brackets: "Chief People Officer" as well as "Chief Human Resources
    Officer"."""
    return tuple(name for name in re.split(r"\s*[()]\s*", role_name) if name)


class Specialist(Strict):
    """The role that owns an entry wherever the organisation has that role, before the entry's owner: the
    seed articles, written for companies whose executives are a CEO, CTO, CPO and COO, give market research
    to the CPO, and companies with a CMO give it to marketing. `reasoning` says why, for that company."""

    role: RoleId
    reasoning: Annotated[Text, StringConstraints(max_length=limits.REASONING)]
    citation: Citation


class Responsibility(Strict):
    id: Slug
    title: Title
    owner: RoleId
    specialist: Specialist | None = None  # who owns it instead where the organisation has that role
    shared_with: tuple[RoleId, ...] = ()
    shared_note: Text | None = None
    shared_parts: dict[RoleId, Part] = {}  # a shared role's part in a few words: "agrees the headcount"
    aliases: tuple[Title, ...] = ()
    # How people ask about it in their own words ("our builds take forever, who can speed them up?"): the
    # semantic matcher compares a question with these as well as with the title and aliases. Never shown.
    examples: Annotated[tuple[Example, ...], Field(max_length=limits.EXAMPLES)] = ()
    reasoning: Annotated[Text, StringConstraints(max_length=limits.REASONING)]
    citation: Citation
    retired: bool = False

    @property
    def roles_named(self) -> tuple[str, ...]:
        """Every role the entry names: its owner, its specialist and the roles it is shared with."""
        return (self.owner, *((self.specialist.role,) if self.specialist else ()), *self.shared_with)

    @property
    def sources_cited(self) -> tuple[str, ...]:
        """Every source the entry quotes: its own citation's, then its specialist's."""
        return (self.citation.source, *((self.specialist.citation.source,) if self.specialist else ()))

    @field_validator("aliases")
    @classmethod
    def aliases_are_distinct(cls, aliases: tuple[str, ...]) -> tuple[str, ...]:
        _refuse_repeats(aliases, "alias")
        if len("\n".join(aliases)) > MAX_ALIASES_TEXT:
            raise ValueError(f"the aliases come to more than {MAX_ALIASES_TEXT:,} characters (one a line)")
        return aliases

    @field_validator("examples")
    @classmethod
    def examples_are_distinct(cls, examples: tuple[str, ...]) -> tuple[str, ...]:
        _refuse_repeats(examples, "example")
        return examples

    @model_validator(mode="after")
    def owner_is_not_shared_with_itself(self) -> Responsibility:
        if self.owner in self.shared_with:
            raise ValueError(f"shared_with repeats the owner {self.owner}")
        if self.specialist is not None and self.specialist.role == self.owner:
            raise ValueError(f"the specialist is the owner {self.owner}: name another role, or no specialist")
        stray = [role for role in self.shared_parts if role not in self.shared_with]
        if stray:
            raise ValueError(f"shared_parts names {', '.join(stray)}, which shared_with does not list")
        return self


def _refuse_repeats(texts: tuple[str, ...], what: str) -> None:
    """Refuses a text listed twice in one list, whatever its case ("alias 'AWS bill' is listed twice")."""
    seen: set[str] = set()
    for text in texts:
        if text.casefold() in seen:
            raise ValueError(f"{what} {text!r} is listed twice")
        seen.add(text.casefold())


class KnowledgeBase(Strict):
    """Everything the matcher and the resolver need; `validation.check_knowledge` checks its references."""

    roles: Annotated[tuple[Role, ...], Field(max_length=MAX_ROLES)]
    sources: tuple[Source, ...]
    responsibilities: tuple[Responsibility, ...]
    synonyms: tuple[tuple[Text, ...], ...] = ()

    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)

    @property
    def default_roles(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles if r.default)

    @property
    def fallback_role(self) -> str:
        return next(r.id for r in self.roles if r.fallback)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    @property
    def active(self) -> tuple[Responsibility, ...]:
        return tuple(r for r in self.responsibilities if not r.retired)


def slugify(text: str) -> str:
    """A stable id for a new responsibility from its title ("Hosting costs" -> "hosting-costs")."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:80] or "topic"


__all__ = [
    "MAX_QUOTE_CHARS",
    "Citation",
    "KnowledgeBase",
    "Responsibility",
    "Role",
    "Source",
    "Specialist",
    "UsualCover",
    "slugify",
]
