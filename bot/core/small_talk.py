"""Greetings, thanks and requests for help, recognised from their wording alone (no Slack, no storage).

People say "hi", "thanks!" or "help" to a bot as they would to a colleague; none of these is a question
about who owns something, so each gets its own short reply instead of an answer. Only a message that is
nothing but small talk counts: "hi, who owns pricing?" is a question.
"""

from __future__ import annotations

import re
from enum import Enum

from bot.core.normalise import clean_slack_text


class SmallTalk(Enum):
    EMPTY = "empty"  # nothing at all (a bare @-mention)
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"


_GREETING = re.compile(
    r"^(?:hi+|hello+|hey+|hiya|howdy|yo|hallo|hola|greetings|good (?:morning|afternoon|evening|day)|morning|"
    r"happy (?:monday|tuesday|wednesday|thursday|friday|weekend|holidays|new year)|"
    r"how(?:'s| is| are) (?:everyone|everybody|you all|y'all|we all)(?: doing)?)"
    r"(?: there| all| everyone| folks| team| whoowns| bot| ai| assistant)?$"
)
_THANKS = re.compile(
    r"^(?:(?:ok(?:ay)?|great|perfect|cool|nice|awesome|brilliant|got it)[ ,]*)?"
    r"(?:thanks?(?: you| a lot| so much| very much)?|thank you(?: so much| very much)?"
    r"|thx|ty|tysm|cheers|ta|much appreciated)"
    r"(?: whoowns| bot| again)?$"
)
_HELP = re.compile(
    r"^(?:help(?: me)?(?: please)?|please help|usage|commands|\?+|what can you do|what do you do|how does this work"
    r"|how do i use (?:you|this|it)|what are you|who are you)$"
)


def small_talk(text: str) -> SmallTalk | None:
    """What `text` says when it is only small talk; None for anything else (a question to answer)."""
    said = re.sub(r"[!.,:;?]+$", "", clean_slack_text(text)).strip(" ,")
    said = re.sub(r"\s+", " ", said)
    if not said:
        return SmallTalk.HELP if "?" in text else SmallTalk.EMPTY
    for kind, pattern in ((SmallTalk.GREETING, _GREETING), (SmallTalk.THANKS, _THANKS), (SmallTalk.HELP, _HELP)):
        if pattern.match(said):
            return kind
    return None
