"""The app's Prometheus metrics, counted where the work happens and served by `GET /metrics`.

prometheus_client picks its storage when it is first imported: in memory, or files shared by several
processes when `PROMETHEUS_MULTIPROC_DIR` is set (gunicorn workers, see `bot.cli.serve`). So this module
imports it only when a metric is first touched, after `serve` has set that directory up.
"""

from __future__ import annotations

import threading
from typing import Any

ANSWER_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
ACK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0)  # Slack gives up at 3 s


class Metrics:
    def __init__(self) -> None:
        from prometheus_client import Counter, Gauge, Histogram

        self.questions = Counter(
            "whoowns_questions",
            "Questions by where they were asked (mention, dm, command, ...) and outcome (answered, abstained)",
            ["surface", "outcome"],
        )
        self.answer_seconds = Histogram(
            "whoowns_answer_seconds", "Time to build the reply to a question", ["surface"], buckets=ANSWER_BUCKETS
        )
        self.ack_seconds = Histogram(
            "whoowns_ack_seconds", "Time to acknowledge a request on /slack/events", buckets=ACK_BUCKETS
        )
        self.events = Counter(
            "whoowns_events",
            "Slack events by claim outcome (claimed: this process answers it; duplicate: already taken; "
            "recovered: replayed after a process died)",
            ["outcome"],
        )
        self.slack_api_errors = Counter(
            "whoowns_slack_api_errors", "Failed Web API attempts (HTTP error, ok=false, no connection)", ["method"]
        )
        self.slack_api_retries = Counter("whoowns_slack_api_retries", "Web API calls retried", ["method"])
        self.admin_writes = Counter("whoowns_admin_writes", "Admin changes by outcome (written, refused)", ["outcome"])
        self.knowledge_revision = Gauge(
            "whoowns_knowledge_revision",
            "Knowledge-base revision the answer engine was built from",
            multiprocess_mode="max",
        )


_made: list[Metrics] = []
_making = threading.Lock()
_engine_revision: list[int] = []  # the knowledge revision the process's answer engine was last built from


def metrics() -> Metrics:
    """The process's one set of metrics, made on first use (by whichever thread gets here first)."""
    with _making:
        if not _made:
            _made.append(Metrics())
            if _engine_revision:
                _made[0].knowledge_revision.set(_engine_revision[0])
        return _made[0]


def engine_built(revision: int) -> None:
    """Shows `revision` as the one the answer engine was built from. A process that never counts anything
    else (`whoowns ask`) does not import prometheus_client for it (about 30 ms): the metrics, when they
    are made, start from it."""
    with _making:
        _engine_revision[:] = [revision]
        if _made:
            _made[0].knowledge_revision.set(revision)


def count_question(surface: str, *, known: bool, seconds: float) -> None:
    m = metrics()
    m.questions.labels(surface=surface, outcome="answered" if known else "abstained").inc()
    m.answer_seconds.labels(surface=surface).observe(seconds)


def count(counter: str, **labels: Any) -> None:
    """Adds one to the counter named `counter` (an attribute of `Metrics`) with these labels."""
    metric = getattr(metrics(), counter)
    (metric.labels(**labels) if labels else metric).inc()
