"""Log output: readable text by default, one JSON object per line with `LOG_FORMAT=json` for a log stack.

A JSON line has `time`, `level`, `logger` and `message` and, where known, the Slack `team`, `event_id`,
`request_id` and a `duration` in seconds. It never carries what people wrote: no log call passes the text
of a question or a message. The team, event id and request id come from `log_context`, which the request
handler and the event listeners open around their work, so every line logged inside picks them up.
"""

from __future__ import annotations

import logging
import logging.config
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

TEXT_FORMAT = "%(levelname)s %(name)s: %(message)s"
_context: ContextVar[dict[str, str]] = ContextVar("whoowns_log_context", default={})  # noqa: B039 (never mutated)


@contextmanager
def log_context(**fields: str | None) -> Iterator[None]:
    """Adds `fields` (those not None) to every log line written inside the block, in this thread."""
    token = _context.set({**_context.get(), **{name: value for name, value in fields.items() if value}})
    try:
        yield
    finally:
        _context.reset(token)


class ContextFilter(logging.Filter):
    """Copies the `log_context` fields onto each record, so the JSON formatter writes them."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in _context.get().items():
            if not hasattr(record, name):
                setattr(record, name, value)
        return True


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the root logger and gunicorn's error log (passed on to the root's)."""
    formatter: dict[str, Any] = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["levelname", "name", "message"],
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601, UTC
        }
        if log_format == "json"
        else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": ContextFilter}},
        "formatters": {"whoowns": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "whoowns",
                "filters": ["context"],
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level.upper(), "handlers": ["console"]},
        "loggers": {"gunicorn.error": {"level": level.upper(), "handlers": [], "propagate": True}},
    }


def configure(log_format: str, level: str) -> None:
    logging.config.dictConfig(logging_config(log_format, level))
