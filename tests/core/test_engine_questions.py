"""Table-driven conversation tests: (question, acceptable roles) pairs, the way people write in Slack.

`slack_questions.yaml` was written for these tests and is not the shared evaluation set; the engine is
held to 90% on it so that a change which helps one phrasing and hurts many others shows up here.
"""

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "slack_questions.yaml").read_text())["cases"]


def is_right(engine, case) -> bool:
    role = engine.answer(case["q"]).role
    return role in case["expect"] if case["expect"] else role is None


def test_most_slack_style_questions_are_answered_right(engine):
    answerable = [c for c in CASES if c["expect"]]
    right = sum(is_right(engine, c) for c in answerable)
    assert right / len(answerable) >= 0.9, f"{right}/{len(answerable)}"


@pytest.mark.parametrize("case", [c for c in CASES if not c["expect"]], ids=lambda c: c["q"])
def test_off_topic_questions_never_get_a_role(engine, case):
    assert is_right(engine, case)
