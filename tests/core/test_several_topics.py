"""Questions that name several topics get one answer each; phrases that only look like two topics do not."""

import pytest

from bot.core.several_topics import topic_parts


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("who owns pricing and security?", ["pricing", "security"]),
        ("who owns pricing, security and hosting costs?", ["pricing", "security", "hosting costs"]),
        ("who handles pricing & security", ["pricing", "security"]),
        ("who owns research and development?", []),  # one alias spans the "and"
        ("who owns pricing and the office coffee machine?", []),  # a part that names nothing: one question
        ("hey, who owns pricing?", []),
        ("who owns security and cybersecurity?", []),  # the same topic twice
        ("who owns security?", []),
        ("who owns usability and accessibility", ["usability", "accessibility"]),  # one word, an alias by itself
        ("Builds and manages email campaigns", []),  # "builds" names "can we build it" beside function words: a verb
    ],
)
def test_a_question_is_split_only_where_each_part_names_a_topic_of_its_own(engine, question, parts):
    assert topic_parts(engine.matcher, question) == parts


def test_each_topic_is_answered_with_its_own_owner_and_the_first_leads(engine):
    answer = engine.answer("who owns pricing and security?")
    assert [(t.role, t.responsibility.id) for t in answer.topics] == [("CPO", "pricing"), ("CTO", "security")]
    assert (answer.role, answer.responsibility.id) == ("CPO", "pricing")
    assert answer.question == "who owns pricing and security?"
    assert all(t.topics == [] for t in answer.topics)
