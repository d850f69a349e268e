"""The role a statement names as the one doing its work: a duty copied from a job description often says
whose it is ("The CFO decides how to allocate cash, debt, and equity…", "In day to day operation the CISO
oversees threat detection…"). The engine then prefers that role's closest topic (`Engine.rank`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.models import KnowledgeBase

DETERMINERS = frozenset({"the", "a", "an", "our", "their", "your", "its", "each", "every", "any", "this", "that"})
# A role after one of these, or after a word ending in -ing, is not who does the work: "advisor to the
# CEO", "partner with the CFO", "informing the CEO about significant events".
# a duty's verbs whose object is a person: "Advise the CEO on …", "Support the CFO in …"; after "advises" or
# "supports" anywhere, a role is among those served: "the ethics office advises deans, the president and staff"
SERVES = frozenset(
    {"advise", "support", "assist", "help", "brief", "inform", "counsel", "coach", "serve", "update", "partner"}
    | {"report", "work", "collaborate", "liaise", "represent", "guide", "challenge", "deputise", "deputize"}
)
NOT_SUBJECT = SERVES | frozenset(
    {"to", "for", "with", "by", "from", "alongside", "under", "and", "or", "than", "like", "about", "as", "at"}
    | {"on", "into", "towards", "toward", "via", "between", "among", "including", "unlike", "besides"}
)
SUBJECT_WITHIN = 10  # words: a role named later is part of the work described, not who does it
# unless a verb follows it, as far into the sentence as this: "Operating with C-suite authority and reporting
# directly to the chief executive officer, the CMO is held accountable for …"
LATE_SUBJECT_WITHIN = 20
FOLLOWED_BY_VERB = re.compile(
    r"\s+(?:(?:is|are) (?:also |often |typically |usually |ultimately )?(?:held )?"
    r"(?:responsible|accountable|tasked|charged|in charge)|(?:also|often|typically|usually) [a-z]+s)\b"
)


@dataclass(frozen=True)
class Subject:
    """The role a statement names as doing its work, and whether by a job title under it (`Role.posts`):
    "the CFO decides …" is surely a duty; "the office manager ordered new chairs …" may be chat."""

    role: str
    by_post: bool


class RoleNames:
    """Finds the knowledge base's roles by id ("CFO", "CISOs": as written, capitals) or by name ("Chief
    Financial Officer", "general counsel", "the marketing officer": any case, with or without "Chief")."""

    def __init__(self, kb: KnowledgeBase):
        names = {name.casefold(): role.id for role in kb.roles for name in role.names}
        # job descriptions often drop the "Chief": "the marketing officer is responsible for …"
        names |= {name[len("chief ") :]: role for name, role in names.items() if name.startswith("chief ")}
        ids = {role.id for role in kb.roles}
        # a name's initials that are no role's id stand for it too: "the CLO" (Chief Legal Officer) is the GC
        initials = {_initials(name): role for name, role in names.items() if name.startswith("chief ")}
        # the posts that report to a role stand for it: "the controller reconciles …" is the CFO's work
        posts = {post.casefold(): role.id for role in kb.roles for post in role.posts}
        self._posts = frozenset(posts)
        names |= posts
        self._by_name = names | {found.casefold(): role for found, role in initials.items() if found not in ids}
        self._ids = _any_of([*ids, *(found for found in initials if found not in ids)])
        self._names = _any_of(list(names), re.IGNORECASE)

    def subject(self, statement: str) -> Subject | None:
        """The role `statement` names as its subject among its first `SUBJECT_WITHIN` words, or None."""
        found = sorted([*self._ids.finditer(statement), *self._names.finditer(statement)], key=lambda m: m.start())
        for mention in found:
            before = statement[: mention.start()].split()
            if before and before[-1].casefold() == "vice":  # "a Vice President, Engineering" is no president
                continue
            late = len(before) >= SUBJECT_WITHIN
            if late and (len(before) >= LATE_SUBJECT_WITHIN or not FOLLOWED_BY_VERB.match(statement, mention.end())):
                return None
            if is_subject(statement[: mention.start()], late_allowed=True):
                text = mention.group(1)
                return Subject(self._by_name.get(text.casefold(), text), text.casefold() in self._posts)
        return None


def is_subject(before: str, *, late_allowed: bool = False) -> bool:
    """True when a role named after the words `before` is who does the work: not after "to", "with",
    "informing" … (`NOT_SUBJECT`, a word in -ing), nor, unless `late_allowed`, `SUBJECT_WITHIN` words or
    more into the statement."""
    words = before.split()
    if len(words) >= SUBJECT_WITHIN and not late_allowed:
        return False
    leading = [word.strip(",;:.").casefold() for word in words if word.casefold() not in DETERMINERS]
    if any(word.endswith("s") and (word[:-1] in SERVES or word[:-2] in SERVES) for word in leading):
        return False
    return not leading or (leading[-1] not in NOT_SUBJECT and not leading[-1].endswith("ing"))


def _initials(name: str) -> str:
    """ "chief legal officer" -> "CLO"; "chief product and technology officer" -> "CPTO"."""
    return "".join(word[0] for word in name.split() if word not in {"and", "of"}).upper()


def _any_of(words: list[str], flags: int = 0) -> re.Pattern[str]:
    """Any of `words` as a whole word, or its plural; the longest are tried first, so a name that begins
    with a shorter one is found whole."""
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"\b({alternatives})s?\b", flags)
