"""The role a statement names as the one doing its work: a duty copied from a job description often says
whose it is ("The CFO decides how to allocate cash, debt, and equity…", "In day to day operation the CISO
oversees threat detection…"). The engine then prefers that role's closest topic (`Engine.rank`)."""

from __future__ import annotations

import re

from bot.core.models import KnowledgeBase

DETERMINERS = frozenset({"the", "a", "an", "our", "their", "your", "its", "each", "every", "any", "this", "that"})
# A role after one of these, or after a word ending in -ing, is not who does the work: "advisor to the
# CEO", "partner with the CFO", "informing the CEO about significant events".
NOT_SUBJECT = frozenset(
    {"to", "for", "with", "by", "from", "alongside", "under", "and", "or", "than", "like", "about", "as", "at"}
    | {"on", "into", "towards", "toward", "via", "between", "among", "including", "unlike", "besides"}
)
SUBJECT_WITHIN = 10  # words: a role named later is part of the work described, not who does it


class RoleNames:
    """Finds the knowledge base's roles by id ("CFO", "CISOs": as written, capitals) or by name ("Chief
    Financial Officer", "general counsel", "the marketing officer": any case, with or without "Chief")."""

    def __init__(self, kb: KnowledgeBase):
        names = {name.casefold(): role.id for role in kb.roles for name in re.split(r"\s*[()]\s*", role.name) if name}
        # job descriptions often drop the "Chief": "the marketing officer is responsible for …"
        names |= {name[len("chief ") :]: role for name, role in names.items() if name.startswith("chief ")}
        self._by_name = names
        self._ids = _any_of([role.id for role in kb.roles])
        self._names = _any_of(list(names), re.IGNORECASE)

    def subject(self, statement: str) -> str | None:
        """The role `statement` names as its subject among its first `SUBJECT_WITHIN` words, or None."""
        found = sorted([*self._ids.finditer(statement), *self._names.finditer(statement)], key=lambda m: m.start())
        for mention in found:
            before = statement[: mention.start()].split()
            if len(before) >= SUBJECT_WITHIN:
                return None
            leading = [word.strip(",;:.").casefold() for word in before if word.casefold() not in DETERMINERS]
            if not leading or (leading[-1] not in NOT_SUBJECT and not leading[-1].endswith("ing")):
                text = mention.group(1)
                return self._by_name.get(text.casefold(), text)
        return None


def _any_of(words: list[str], flags: int = 0) -> re.Pattern[str]:
    """Any of `words` as a whole word, or its plural; the longest are tried first, so a name that begins
    with a shorter one is found whole."""
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"\b({alternatives})s?\b", flags)
