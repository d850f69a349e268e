"""`LOG_FORMAT=json`: every line the server writes is one JSON object, tagged, and without what people wrote."""

from __future__ import annotations

import json
import time
from datetime import datetime

from tests.e2e.slack_requests import TEAM, mention

SERVER = "gunicorn"  # what the server process writes to its log

SERVER_ENV = {"LOG_FORMAT": "json"}
SECRET_WORDS = "nightjar budget for the quokka offsite"


def test_each_line_is_a_json_object_with_team_event_request_and_duration_but_no_message_text(
    slack, slack_server, fake_slack, channel
):
    question = mention(f"who owns the {SECRET_WORDS}?", channel=channel)
    assert slack.event(question).status_code == 200
    fake_slack.wait_for("chat.postMessage", channel=channel)

    deadline = time.monotonic() + 20
    while True:
        lines = [json.loads(line) for line in slack_server.log().splitlines() if line.strip()]
        answered = [line for line in lines if line.get("event_id") == question["event_id"] and "duration" in line]
        if answered or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert answered, lines
    assert answered[0]["team"] == TEAM
    assert answered[0]["logger"] == "bot.slack.answering"
    assert isinstance(answered[0]["duration"], float)
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    assert all(datetime.fromisoformat(line["time"]).utcoffset().total_seconds() == 0 for line in lines)
    assert any("request_id" in line for line in lines)
    assert any(line["logger"].startswith("gunicorn") for line in lines)  # gunicorn's own lines too
    assert "nightjar" not in slack_server.log() and "quokka" not in slack_server.log()
