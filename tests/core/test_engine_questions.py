"""Table-driven conversation tests: (question, acceptable roles) pairs, the way people write in Slack.

Neither set is the shared evaluation set. `slack_questions.yaml` was written for these tests;
`blind_questions.yaml` by a separate author from the articles alone, without seeing the knowledge base.
Off-topic questions must never get a role; answerable ones are held to the share each set reaches now,
so a change that helps one phrasing and hurts many others shows up here.
"""

from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent
SETS = {"slack_questions.yaml": 0.9, "blind_questions.yaml": 0.6}  # least share of answerable ones right
CASES = {name: yaml.safe_load((HERE / name).read_text())["cases"] for name in SETS}
OFF_TOPIC = [(name, c) for name, cases in CASES.items() for c in cases if not c["expect"]]


def is_right(engine, case) -> bool:
    role = engine.answer(case["q"]).role
    return role in case["expect"] if case["expect"] else role is None


@pytest.mark.parametrize("name", SETS)
def test_most_slack_style_questions_are_answered_right(engine, name):
    answerable = [c for c in CASES[name] if c["expect"]]
    right = sum(is_right(engine, c) for c in answerable)
    assert right / len(answerable) >= SETS[name], f"{right}/{len(answerable)}"


@pytest.mark.parametrize("name, case", OFF_TOPIC, ids=lambda v: v["q"] if isinstance(v, dict) else v)
def test_off_topic_questions_never_get_a_role(engine, name, case):
    assert is_right(engine, case)
