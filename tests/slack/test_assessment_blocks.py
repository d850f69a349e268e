"""The assessment's modal and result message, checked against Slack's limits by slack_sdk's models."""

import itertools
import json

import pytest

from bot.core.assess import assess
from bot.core.assess_answers import check_answers
from bot.core.assess_files import load_rules
from bot.slack.blocks.assessment import (
    ALL_FACTORS,
    SHARE_ASSESSMENT,
    SHORT_BLOCKS,
    ModalMetadata,
    ShareKey,
    answers_from_state,
    build_all_factors_modal,
    build_assess_modal,
    build_assessment_blocks,
    shared_by,
)
from bot.slack.blocks.mrkdwn import to_dicts
from tests.conftest import KNOWLEDGE_DIR


@pytest.fixture(scope="module")
def rules():
    return load_rules(KNOWLEDGE_DIR)


def state_of(modal: dict, **choices: str) -> dict:
    values = {}
    for block in (b for b in modal["blocks"] if b["type"] == "input"):
        value = choices.get(block["block_id"], block["element"]["initial_option"]["value"])
        values[block["block_id"]] = {block["element"]["action_id"]: {"selected_option": {"value": value}}}
    return values


def test_the_modal_asks_every_question_with_its_default_and_hint(rules):
    modal = build_assess_modal(rules, channel_id="C0ABC").to_dict()
    inputs = [b for b in modal["blocks"] if b["type"] == "input"]
    assert [b["block_id"] for b in inputs] == [f.id for f in rules.factors]
    for block, factor in zip(inputs, rules.factors, strict=True):
        assert block["label"]["text"] == factor.question and block["hint"]["text"] == factor.hint
        assert [o["text"]["text"] for o in block["element"]["options"]] == [a.label for a in factor.answers]
    assert ModalMetadata.model_validate_json(modal["private_metadata"]).channel == "C0ABC"


def test_the_modal_as_submitted_gives_back_the_answers(rules):
    modal = build_assess_modal(rules, channel_id=None).to_dict()
    assert check_answers(rules, answers_from_state(rules, state_of(modal))) == check_answers(rules, {})
    chosen = answers_from_state(rules, state_of(modal, stage="startup", product_led="true"))
    assert check_answers(rules, chosen) == check_answers(rules, {"stage": "startup", "product_led": True})


def test_every_possible_result_is_short_and_its_buttons_rebuild_it_with_all_factors_in_a_modal(rules):
    ids = [f.id for f in rules.factors]
    for values in itertools.product(*[[a.value for a in f.answers] for f in rules.factors]):
        answers = dict(zip(ids, values, strict=True))
        result = assess(rules, answers)
        blocks = to_dicts(build_assessment_blocks(result, answers=answers, shareable=True, note="_a note_"))
        assert len(blocks) <= SHORT_BLOCKS
        buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
        assert [b["action_id"] for b in buttons] == [ALL_FACTORS, SHARE_ASSESSMENT]
        for button in buttons:
            assert len(button["value"]) <= 2000 and ShareKey.model_validate_json(button["value"]).answers == answers
        modal = build_all_factors_modal(result).to_dict()  # slack_sdk checks a modal's limits
        assert len(modal["blocks"]) <= 100
        assert all(f.reason[:60] in json.dumps(modal, ensure_ascii=False) for f in result.factors)


def test_the_short_result_gives_the_three_heaviest_reasons_for_its_recommendation(rules):
    result = assess(rules, check_answers(rules, {"stage": "startup", "leader_with_both_skills": True}))
    shown = json.dumps(to_dicts(build_assessment_blocks(result, answers=result.answers)), ensure_ascii=False)
    toward = sorted((f for f in result.factors if f.direction == "combine"), key=lambda f: -f.weight)
    assert len(toward) > 3 and "Strongest reasons" in shown
    assert all(f.title in shown for f in toward[:3])
    assert f"All factors (+{len(result.factors) - 3} more)" in shown
    assert "What would change the outcome" not in shown  # in the modal only


def test_the_result_cites_each_factor_and_says_when_an_article_has_no_address(rules):
    result = assess(rules, check_answers(rules, {"stage": "startup", "leader_with_both_skills": True}))
    blocks = to_dicts(build_assessment_blocks(result, answers=result.answers, note=shared_by("U0FRIEND")))
    modal = build_all_factors_modal(result).to_dict()
    shown = json.dumps([blocks, modal], ensure_ascii=False)
    assert blocks[0]["text"]["text"] == "Combine: one CPTO (score +5)"
    assert "<https://cto.academy/cpto-role-and-responsibilities/|Chief Product & Technology Officer" not in shown
    assert "<https://cto.academy/cpto-role-and-responsibilities/|Chief Product &amp; Technology Officer" in shown
    assert (
        "_CTO to CTPO: Navigating the Dual Role in Tech Leadership (by the CTO of Exclaimer)_ (no public address)"
        in shown
    )
    buttons = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert "Shared by <@U0FRIEND>" in shown and buttons == [ALL_FACTORS]
    assert "Leader with both skills → No: *separate*" in shown
