"""The assessment's modal and result message, checked against Slack's limits by slack_sdk's models."""

import itertools
import json

import pytest

from bot.core.assess import assess
from bot.core.assess_answers import check_answers
from bot.core.assess_files import load_rules
from bot.slack.blocks.assessment import (
    SHARE_ASSESSMENT,
    ModalMetadata,
    ShareKey,
    answers_from_state,
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


def test_every_possible_result_fits_slacks_limits_and_its_share_button_rebuilds_it(rules):
    ids = [f.id for f in rules.factors]
    for values in itertools.product(*[[a.value for a in f.answers] for f in rules.factors]):
        answers = dict(zip(ids, values, strict=True))
        blocks = to_dicts(build_assessment_blocks(assess(rules, answers), share=answers))
        assert len(blocks) <= 50
        share = next(e for b in blocks if b["type"] == "actions" for e in b["elements"])
        assert share["action_id"] == SHARE_ASSESSMENT and len(share["value"]) <= 2000
        assert ShareKey.model_validate_json(share["value"]).answers == answers


def test_the_result_cites_each_factor_and_says_when_an_article_has_no_address(rules):
    result = assess(rules, check_answers(rules, {"stage": "startup", "leader_with_both_skills": True}))
    blocks = to_dicts(build_assessment_blocks(result, note=shared_by("U0FRIEND")))
    shown = json.dumps(blocks, ensure_ascii=False)
    assert blocks[0]["text"]["text"] == "Combine: one CPTO (score +5)"
    assert "<https://cto.academy/cpto-role-and-responsibilities/|Chief Product & Technology Officer" not in shown
    assert "<https://cto.academy/cpto-role-and-responsibilities/|Chief Product &amp; Technology Officer" in shown
    assert (
        "_CTO to CTPO: Navigating the Dual Role in Tech Leadership (by the CTO of Exclaimer)_ (no public address)"
        in shown
    )
    assert "Shared by <@U0FRIEND>" in shown and all(b["type"] != "actions" for b in blocks)
    assert "Leader with both skills → No: *separate*" in shown
