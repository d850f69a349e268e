"""Follow-ups are recognised from their wording; anything else stays an ordinary question."""

from __future__ import annotations

import pytest

from bot.core.followup import FollowUp, Kind, follow_up


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("and pricing?", FollowUp(Kind.TOPIC, "pricing")),
        ("What about security?", FollowUp(Kind.TOPIC, "security")),
        ("and what about  the roadmap", FollowUp(Kind.TOPIC, "the roadmap")),
        ("how about hiring?", FollowUp(Kind.TOPIC, "hiring")),
        ("why?", FollowUp(Kind.WHY)),
        ("Why is that?", FollowUp(Kind.WHY)),
        ("how come", FollowUp(Kind.WHY)),
        ("who holds it?", FollowUp(Kind.HOLDER)),
        ("Who is that?", FollowUp(Kind.HOLDER)),
        ("who's in that role?", FollowUp(Kind.HOLDER)),
        ("What does the COO own here?", FollowUp(Kind.ROLE, "COO")),
        ("what does our cto own", FollowUp(Kind.ROLE, "CTO")),
        ("Should we have a CPTO?", FollowUp(Kind.ASSESS)),
        ("do we need a CPTO", FollowUp(Kind.ASSESS)),
        ("who owns this?", FollowUp(Kind.THIS)),
        ("Who owns this channel", FollowUp(Kind.THIS)),
    ],
)
def test_follow_ups(said, meant):
    assert follow_up(said) == meant


@pytest.mark.parametrize(
    "question",
    ["who owns hosting costs?", "pricing", "why do we pay so much for hosting?", "who owns this budget?", "android"],
)
def test_ordinary_questions_are_not_follow_ups(question):
    assert follow_up(question) is None
