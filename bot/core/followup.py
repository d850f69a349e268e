"""Follow-ups in a conversation with the bot, recognised from their wording alone (no Slack, no storage).

After an answer, "and pricing?" or "what about security?" asks about a new topic; "why?" asks how the
owner was found; "who holds it?" asks who sits in the owning role. "What does the COO own here?" asks
for a role's topics, and "should we have a CPTO?" is the CPTO assessment's question. Anything else is an
ordinary question. "Who owns this?" is about what the person is looking at in Slack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    TOPIC = "topic"  # a new topic, asked as a follow-up: `text` is the topic
    WHY = "why"
    HOLDER = "holder"
    ROLE = "role"  # what a role owns here: `text` is the role, upper-cased
    ASSESS = "assess"
    THIS = "this"  # "who owns this?": about what the person is looking at


@dataclass(frozen=True)
class FollowUp:
    kind: Kind
    text: str = ""


_END = r"[\s?.!]*$"
_WHY = re.compile(
    r"^(?:and\s+)?(?:why(?:\s+(?:is\s+)?(?:that|so|them|it|not))?|how\s+come|explain(?:\s+(?:that|it))?)" + _END
)
_HOLDER = re.compile(
    r"^(?:and\s+)?(?:who\s+(?:holds|has)\s+(?:it|that|this|that\s+role|the\s+role)"
    r"|who(?:'s|\s+is)\s+(?:that|it|the\s+holder|in\s+that\s+role)|which\s+person)" + _END
)
_ROLE = re.compile(r"^what\s+(?:does|do)\s+(?:the\s+|our\s+|my\s+)?(?P<role>[a-z]{2,10})\s+own\b.*$")
_ASSESS = re.compile(r"^(?:should|do)\s+we\s+(?:have|need|hire)\s+an?\s+cpto\b.*$")
_THIS = re.compile(r"^(?:so\s+)?who\s+owns\s+(?:this|this\s+channel|this\s+one|that)" + _END)
_NEW_TOPIC = re.compile(r"^(?:and\s+(?:what|how)\s+about|what\s+about|how\s+about|and)\s+(?P<topic>.+?)" + _END)


def follow_up(text: str) -> FollowUp | None:
    """What `text` asks when it is a follow-up; None for an ordinary question."""
    said = " ".join(text.lower().split())
    if _WHY.match(said):
        return FollowUp(Kind.WHY)
    if _HOLDER.match(said):
        return FollowUp(Kind.HOLDER)
    if _THIS.match(said):
        return FollowUp(Kind.THIS)
    if _ASSESS.match(said):
        return FollowUp(Kind.ASSESS)
    if role := _ROLE.match(said):
        return FollowUp(Kind.ROLE, role["role"].upper())
    if topic := _NEW_TOPIC.match(said):
        return FollowUp(Kind.TOPIC, topic["topic"])
    return None
