"""Messages built to make matching slow: answered or politely refused, at a cost that does not grow.

The speed target (20 ms) is measured by `bench/hostile_questions.py`; these tests only catch a return of
super-linear work, with a bound a hundred times the quadratic behaviour's margin would need (before the
fix, 40,000 characters of `&lt;http:` took 6.5 s).
"""

from __future__ import annotations

import random
import string
import time

import pytest

from bot.core.normalise import MAX_QUESTION_CHARS, clean_slack_text, clip_question
from bot.core.semantic import MAX_ENCODED_CHARS, MAX_ENCODED_WORDS

SLACK_MESSAGE_CHARS = 40_000
GENEROUS_SECONDS = 1.0


@pytest.mark.parametrize("unit", ["<http:", "<mailto:", "<@", "<!", "<#C1|", "&lt;http:", "&lt;@"])
def test_unclosed_markup_the_size_of_a_slack_message_is_cleaned_without_backtracking(unit):
    text = (unit * SLACK_MESSAGE_CHARS)[:SLACK_MESSAGE_CHARS]
    started = time.perf_counter()
    clean_slack_text(text)
    assert time.perf_counter() - started < GENEROUS_SECONDS


@pytest.mark.parametrize("unit", ["<http:", "&lt;http:", "pricng hostign ", "zqxvbn wrtplk "])
def test_a_hostile_question_the_size_of_a_slack_message_is_answered_in_bounded_time(engine, unit):
    text = (unit * SLACK_MESSAGE_CHARS)[:SLACK_MESSAGE_CHARS]
    started = time.perf_counter()
    answer = engine.answer(text)
    assert time.perf_counter() - started < GENEROUS_SECONDS
    assert answer.role is None


def test_the_semantic_matcher_encodes_a_topic_not_a_whole_ramble(fused, embeddings, monkeypatch):
    # The encoder's cost grows with what it reads (500 characters encoded whole cost 145 ms of CPU), so a
    # ramble must reach it cut to a topic's length; bench/hostile_questions.py prints the times.
    encoded: list[str] = []
    real = embeddings.encode_question

    def spy(text: str):  # type: ignore[no-untyped-def]
        encoded.append(text)
        return real(text)

    monkeypatch.setattr(embeddings, "encode_question", spy)
    letters = random.Random(9)
    rambling = " ".join("".join(letters.choices(string.ascii_lowercase, k=7)) for _ in range(300))
    assert fused.answer(rambling).role is None
    fused.answer("<@" * 20_000)  # no spaces: one "word" of hundreds of tokens
    assert encoded, "the ramble reached the semantic matcher"
    assert all(len(text) <= MAX_ENCODED_CHARS and len(text.split()) <= MAX_ENCODED_WORDS for text in encoded), encoded


def test_a_typed_angle_bracket_is_text_not_markup():
    # Slack sends a typed "<" as "&lt;": it must not become a link whose address disappears.
    assert clean_slack_text("&lt;https://evil.example|pricing&gt; budget") == "<https://evil.example|pricing budget"
    assert clean_slack_text("&lt;@U0ADMIN&gt; pricing") == "<@u0admin pricing"


def test_a_long_question_is_cut_at_a_space_and_the_answer_says_so(engine):
    rambling = "well, " + "we talked for ages about the offsite and the catering and the venue " * 100
    read, clipped = clip_question(rambling)
    assert clipped and len(read) <= MAX_QUESTION_CHARS and not read.endswith(("ofsi", " "))
    answer = engine.answer(rambling)
    assert answer.role is None
    assert f"I read only the first {MAX_QUESTION_CHARS:,} characters" in answer.reasoning


def test_a_long_question_that_asks_early_is_still_answered_and_says_nothing_about_length(engine):
    answer = engine.answer("who owns hosting costs? " + "thanks so much, " * 2000)
    assert answer.role == "CTO"
    assert "I read only" not in answer.reasoning


def test_a_short_question_is_read_whole():
    assert clip_question("who owns pricing?") == ("who owns pricing?", False)


def test_nothing_reads_more_of_a_message_than_matching_does(engine, monkeypatch):
    """Splitting topics, finding a named role and small talk read what is matched, not all 40,000 characters."""
    from bot.core import answer as answer_module

    read: list[int] = []
    for name in ("topic_parts", "small_talk", "clean_slack_text"):
        real = getattr(answer_module, name)
        monkeypatch.setattr(answer_module, name, lambda *args, real=real: read.append(len(args[-1])) or real(*args))
    subject = engine._roles.subject
    monkeypatch.setattr(engine._roles, "subject", lambda text: read.append(len(text)) or subject(text))
    for message in ("who owns hosting costs? " + "and pricing " * 4000, "zq " * 13_000, "<http:" * 7_000):
        engine.answer(message)
    assert read and max(read) <= MAX_QUESTION_CHARS
