"""Greetings, thanks and help are told apart from questions by their wording alone."""

import pytest

from bot.core.small_talk import SmallTalk, small_talk


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", SmallTalk.GREETING),
        ("Hello!", SmallTalk.GREETING),
        ("<@U0BOT> hi there", SmallTalk.GREETING),
        ("good morning", SmallTalk.GREETING),
        ("happy friday folks!", SmallTalk.GREETING),
        ("hey assistant", SmallTalk.GREETING),
        ("how's everyone doing?", SmallTalk.GREETING),
        ("thanks!", SmallTalk.THANKS),
        ("Thank you so much", SmallTalk.THANKS),
        ("ok thanks :+1:", SmallTalk.THANKS),
        ("cheers", SmallTalk.THANKS),
        ("help", SmallTalk.HELP),
        ("what can you do?", SmallTalk.HELP),
        ("<@U0BOT> ?", SmallTalk.HELP),
        ("<@U0BOT>", SmallTalk.EMPTY),
        ("   ", SmallTalk.EMPTY),
    ],
)
def test_small_talk_is_recognised(text, kind):
    assert small_talk(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "who owns pricing?",
        "hi, who owns pricing?",
        "thanks, and who owns security?",
        "help with hosting costs",
        "hiring",
    ],
)
def test_a_question_is_never_small_talk(text):
    assert small_talk(text) is None
