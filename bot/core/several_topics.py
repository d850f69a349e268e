"""Questions that name several areas at once ("who owns pricing and security?"): one answer each.

The engine asks `topic_parts` first. A question is split at commas, "and", "&", "plus" or "as well as" only when
every part on its own names a different topic more surely than the whole question names any one ("keeps
track of threats and protects our interests" is one topic said twice), and the whole question does not
name one alias that itself spans the join ("research and development", "mergers and acquisitions"), nor is a part
one word that names an alias only beside function words ("builds" of "can we build it" in "Builds and manages
email campaigns": a verb of a duty, not a topic): then each part
is answered as its own question and `combine` puts the answers in one, the first topic's fields at the top
level (as for any question) and every topic, in the order asked, in `topics`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core.decision import ANSWER_THRESHOLD
from bot.core.matcher import BAG_FACTOR, Matcher
from bot.core.normalise import clean_slack_text, strip_lead_in

if TYPE_CHECKING:
    from bot.core.answer import Answer

PART_MIN = max(
    0.85, BAG_FACTOR
)  # each part names its topic nearly outright: more than words gathered from several aliases
JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|plus|as well as)\s+", re.IGNORECASE)
MAX_TOPICS = 4


def topic_parts(matcher: Matcher, question: str) -> list[str]:
    """The parts of `question` that each name a topic of their own; [] when it is about one topic."""
    parts = [strip_lead_in(part) for part in JOIN.split(clean_slack_text(question))]
    parts = [part for part in parts if part]
    if not 2 <= len(parts) <= MAX_TOPICS:
        return []
    _, whole = matcher.match(question, limit=1)
    if whole and whole[0].score >= ANSWER_THRESHOLD and JOIN.search(whole[0].matched):
        return []  # one alias names the whole phrase, join and all
    enough = max(PART_MIN, whole[0].score if whole else 0.0)
    found: list[str] = []
    for part in parts:
        _, matches = matcher.match(part, limit=1)
        if not matches or matches[0].score <= enough or matches[0].responsibility_id in found:
            return []
        if len(part.split()) == 1 and len(matches[0].matched.split()) > 1:
            return []  # one word, named only beside function words ("builds" of "can we build it"): a verb
        found.append(matches[0].responsibility_id)
    return parts


def combine(question: str, answers: list[Answer]) -> Answer:
    """One answer for a question about several topics: the first topic's answer, with all of them listed."""
    return answers[0].model_copy(update={"question": question, "topics": answers})
