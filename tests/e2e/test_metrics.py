"""`GET /metrics` on the real server with two workers: one scrape counts what both workers did."""

from __future__ import annotations

import time

import requests
from prometheus_client.parser import text_string_to_metric_families

from tests.e2e.slack_requests import direct_message, fresh_id, mention

TOKEN = "metrics-token-0123456789abcdef"
SERVER_ENV = {"METRICS_TOKEN": TOKEN}
SERVER_WORKERS = 2


def scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = requests.get(url + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def test_the_counts_after_a_few_signed_requests_match_what_was_sent(slack, slack_server, fake_slack):
    before = scrape(slack_server.url)
    channel, dm = fresh_id("C"), fresh_id("D")
    fake_slack.fail_next("chat.postMessage", status=503)  # one failed attempt, retried once
    topics = ("security", "pricing", "the office plants")
    questions = [mention(f"who owns {topic}?", channel=channel) for topic in topics]
    for question in questions:
        assert slack.event(question).status_code == 200
    assert slack.event(questions[0], retry_num=1).status_code == 200  # Slack's retry: claimed already
    assert slack.event(direct_message("who owns budgeting?", channel=dm)).status_code == 200
    response_url = fake_slack.response_url()
    assert slack.command("hosting costs", response_url=response_url).status_code == 200
    fake_slack.wait_for("chat.postMessage", channel=channel, count=3)  # one of the four posts is sent twice
    fake_slack.wait_for("chat.postMessage", channel=dm)
    fake_slack.wait_for_response(response_url)

    expected = {
        ("whoowns_questions_total", (("outcome", "answered"), ("surface", "mention"))): 2,
        ("whoowns_questions_total", (("outcome", "abstained"), ("surface", "mention"))): 1,
        ("whoowns_questions_total", (("outcome", "answered"), ("surface", "dm"))): 1,
        ("whoowns_questions_total", (("outcome", "answered"), ("surface", "command"))): 1,
        ("whoowns_events_total", (("outcome", "claimed"),)): 4,
        ("whoowns_events_total", (("outcome", "duplicate"),)): 1,
        ("whoowns_slack_api_errors_total", (("method", "chat.postMessage"),)): 1,
        ("whoowns_slack_api_retries_total", (("method", "chat.postMessage"),)): 1,
        ("whoowns_ack_seconds_count", ()): 6,
        ("whoowns_answer_seconds_count", (("surface", "mention"),)): 3,
    }
    deadline = time.monotonic() + 20
    while True:
        after = scrape(slack_server.url)
        moved = {key: after.get(key, 0) - before.get(key, 0) for key in expected}
        if moved == expected or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert moved == expected
    assert after[("whoowns_knowledge_revision", ())] >= 1


def test_metrics_need_the_bearer_token(slack_server):
    assert requests.get(slack_server.url + "/metrics", timeout=10).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token-at-all"}
    assert requests.get(slack_server.url + "/metrics", headers=wrong, timeout=10).status_code == 401
