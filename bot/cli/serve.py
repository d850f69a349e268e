"""`whoowns serve`: runs the Slack app over HTTP (gunicorn) or, with `--socket`, over Socket Mode.

Settings are checked before anything starts: a missing or malformed one stops the server with one line
on stderr and exit status 2. With `--migrate` (the default for SQLite) the database is migrated and
seeded once, here, before the workers fork; otherwise (the default for PostgreSQL, migrated by a release
step running `whoowns migrate`) the server refuses to start on a schema older than this release's. The
embedding model is loaded (and its files verified) here too, so the workers share its memory.

SIGTERM stops it gracefully: gunicorn stops accepting requests and gives each worker `graceful_timeout`
to finish the requests and the questions it has in hand before it exits.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pydantic import ValidationError

from bot import logs
from bot.config import Settings
from bot.core.encoder import ModelRefused
from bot.core.unavailable import KnowledgeUnavailable
from bot.services.events import EventLedger
from bot.slack.credentials import MissingSetting, SlackCredentials, check_bot_token, slack_credentials
from bot.slack.socket_mode import run_socket_mode
from bot.web.server import WebServer
from bot.wiring import build_embeddings, build_knowledge_service

METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the Slack app",
        description="Run the Slack app: an HTTP server for Slack's requests (/slack/events, /slack/install, "
        "/slack/oauth_redirect, /healthz), or a Socket Mode connection with --socket.",
    )
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default 0.0.0.0)")
    parser.add_argument("--port", type=int, help="port to listen on (default $PORT, else 3000)")
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")), help="worker processes (default 2)"
    )
    parser.add_argument(
        "--threads", type=int, default=8, help="threads per worker that run requests once received (default 8)"
    )
    parser.add_argument("--socket", action="store_true", help="connect to Slack over Socket Mode (SLACK_APP_TOKEN)")
    parser.add_argument(
        "--migrate",
        action=argparse.BooleanOptionalAction,
        help="migrate and seed the database before starting (default: on for SQLite, off for PostgreSQL, "
        "which a release step migrates with `whoowns migrate`)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        settings = Settings()
        credentials = slack_credentials(settings, socket=args.socket)
        check_bot_token(settings, credentials)
    except ValidationError as error:
        return refuse(describe(error))
    except MissingSetting as error:
        return refuse(str(error))
    logs.configure(settings.log_format, settings.log_level)
    metrics_dir = None if args.socket else shared_metrics_dir()  # before anything touches a metric
    try:
        return start(args, settings, credentials)
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def start(args: argparse.Namespace, settings: Settings, credentials: SlackCredentials) -> int:
    embeddings = build_embeddings(settings)
    try:
        if embeddings is not None:
            embeddings.encoder()
    except ModelRefused as error:
        return refuse(str(error))
    migrate = args.migrate if args.migrate is not None else settings.resolved_database_url().startswith("sqlite")
    try:
        service = build_knowledge_service(settings, prepare=migrate, embeddings=embeddings)
        current, latest = service.db.schema_revisions()
        if current != latest:
            return refuse(
                f"the database schema is at revision {current or 'none'}, this release needs {latest}: "
                "run `python -m bot migrate` first (or `serve --migrate`)"
            )
        EventLedger(service.db).forget_old()
        semantic = service.engine().semantic
        if semantic is not None:
            semantic.match("warm")  # entry vectors computed (or read back) once, before forking
    except KnowledgeUnavailable as error:
        return refuse(f"cannot reach the database: {error}", status=1)
    if args.socket:
        run_socket_mode(settings=settings, service=service, credentials=credentials)
        return 0
    service.db.dispose()  # the workers open their own connections after the fork
    port = args.port or settings.port
    WebServer(
        settings=settings, host=args.host, port=port, workers=args.workers, threads=args.threads, embeddings=embeddings
    ).run()
    return 0


def shared_metrics_dir() -> Path | None:
    """Where the workers write their metrics (`PROMETHEUS_MULTIPROC_DIR`), emptied of a previous run's files.

    Set before anything touches a metric, so that prometheus_client starts in multiprocess mode in the
    master and every worker. A directory made here is returned, to be removed when the server stops; a
    given one is kept.
    """
    given = os.environ.get(METRICS_DIR)
    path = Path(given) if given else Path(tempfile.mkdtemp(prefix="whoowns-metrics-"))
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):
        stale.unlink()
    os.environ[METRICS_DIR] = str(path)
    return None if given else path


def describe(error: ValidationError) -> str:
    """One line naming every bad setting and why, never echoing its value (it may be a secret)."""
    problems = []
    for item in error.errors():
        name = ".".join(str(part) for part in item["loc"])
        problems.append(f"{name}: {item['msg'].removeprefix('Value error, ')}")
    return "invalid setting " + "; ".join(problems)


def refuse(message: str, *, status: int = 2) -> int:
    print(f"whoowns serve: {message}", file=sys.stderr)
    return status
