"""What moves if the organisation changes: restructures and setting changes, table-driven on the shipped KB."""

import pytest
import yaml

from bot.core.answer import Engine
from bot.core.matcher import Matcher
from bot.core.moves import Move, Side, moves_sentence, owner_moves
from bot.core.org import check_org, default_org
from bot.core.restructure import restructure, summarise, what_moves


@pytest.fixture(scope="module")
def matcher(engine: Engine) -> Matcher:
    return engine.matcher


def org(kb, matcher, text):
    return check_org(yaml.safe_load(text), kb, matcher)


RESTRUCTURES = [
    # (settings, shape, the organisation's roles after it, summary)
    (
        "roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}}",
        "combine",
        {"CEO": (), "COO": (), "CPTO": ("CTO", "CPO")},
        "Combining into a CPTO moves 82 topics: 50 from the CTO, 32 from the CPO.",
    ),
    (
        "roles: {CEO: {}, CPTO: {covers: [CTO, CPO]}, COO: {}}",
        "combine",
        {"CEO": (), "CPTO": ("CTO", "CPO"), "COO": ()},
        "Combining into a CPTO moves no topic in this organisation.",
    ),
    (
        "roles: {CEO: {}, CPTO: {covers: [CTO, CPO]}, COO: {}}",
        "separate",
        {"CEO": (), "COO": (), "CTO": (), "CPO": ()},
        "Splitting into a CPO and a CTO moves 82 topics: 50 to the CTO, 32 to the CPO.",
    ),
    (  # a CTO that also covers the CISO keeps doing so inside the CPTO
        "roles: {CEO: {}, CTO: {covers: [CISO]}, CPO: {}}",
        "combine",
        {"CEO": (), "CPTO": ("CTO", "CPO", "CISO")},
        None,
    ),
    (  # an organisation without a CPO, whose COO covers product: separating gives product its own CPO
        "roles: {CEO: {}, CTO: {}, COO: {covers: [CPO]}}",
        "separate",
        {"CEO": (), "CTO": (), "COO": (), "CPO": ()},
        "Splitting into a CPO and a CTO moves 32 topics: 32 to the CPO.",
    ),
    ("roles: {CEO: {}, CTO: {}, CPO: {}}", "borderline", {"CEO": (), "CTO": (), "CPO": ()}, None),
]


@pytest.mark.parametrize(("settings", "shape", "roles", "summary"), RESTRUCTURES)
def test_a_recommended_shape_reshapes_the_organisation(kb, matcher, settings, shape, roles, summary):
    before = org(kb, matcher, settings)
    after = restructure(kb, before, shape)
    assert {rid: seat.covers for rid, seat in after.roles.items()} == roles
    check_org(after.model_dump(), kb, matcher)  # what it builds is a valid organisation
    if summary:
        assert what_moves(kb, before, shape).summary == summary


def test_overrides_and_fallback_held_by_a_combined_role_follow_it(kb, matcher):
    before = org(
        kb,
        matcher,
        "roles: {CTO: {}, CPO: {}, COO: {}}\nfallback: CTO\n"
        "overrides: [{topic: hosting costs, role: CPO, reason: Product pays for it here.}]",
    )
    combined = restructure(kb, before, "combine")
    assert combined.fallback == "CPTO" and combined.overrides[0].role == "CPTO"
    split = restructure(kb, combined, "separate")
    assert split.fallback == "CEO"  # the knowledge base's fallback
    assert split.overrides[0].role == "CTO"  # hosting costs is the CTO's in the knowledge base


def test_a_move_carries_both_resolutions_reasoning(kb, matcher):
    before = default_org(kb)
    settings = "roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}}\noverrides: [{topic: hosting costs, role: COO}]"
    after = org(kb, matcher, settings)
    (move,) = owner_moves(Side(kb, before), Side(kb, after))
    assert (move.topic, move.from_role, move.to_role) == ("hosting-costs", "CTO", "COO")
    assert move.after == (
        "Here the COO owns hosting costs: your organisation decided so.",
        "In most companies the CTO owns it.",
    )
    assert "CTO" in move.before[0]
    assert move.to_json() == {"id": "hosting-costs", "topic": move.title, "from": "CTO", "to": "COO"}


def test_a_topic_retired_on_one_side_is_not_a_move(kb):
    first = kb.active[0]
    items = tuple(r.model_copy(update={"retired": r.id == first.id}) for r in kb.responsibilities)
    retired = kb.model_copy(update={"responsibilities": items})
    combined = restructure(kb, default_org(kb), "combine")
    ids = {m.topic for m in owner_moves(Side(kb, default_org(kb)), Side(retired, combined))}
    assert first.id not in ids and ids


SENTENCES = [
    ([], "No topic changes hands."),
    ([("CTO", "COO")], "1 topic changes hands: 1 from the CTO to the COO."),
    (
        [("CTO", "COO"), ("CPO", "COO"), ("CTO", "COO")],
        "3 topics change hands: 2 from the CTO to the COO, 1 from the CPO to the COO.",
    ),
]


@pytest.mark.parametrize(("pairs", "sentence"), SENTENCES)
def test_moves_are_summed_up_in_one_sentence(pairs, sentence):
    moves = [Move(f"t{i}", f"T{i}", a, b, (), ()) for i, (a, b) in enumerate(pairs)]
    assert moves_sentence(moves) == sentence


def test_borderline_recommends_no_structure():
    assert summarise("borderline", []) == "Borderline: no structure is recommended, so no topic moves yet."
