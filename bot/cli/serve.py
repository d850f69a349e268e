"""`whoowns serve`: runs the Slack app over HTTP (gunicorn) or, with `--socket`, over Socket Mode.

Settings are checked before anything starts: a missing or malformed one stops the server with one line
on stderr and exit status 2. The database is migrated and seeded once, here, before the workers fork,
and the embedding model is loaded (and its files verified) here too, so the workers share its memory.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings
from bot.core.encoder import ModelRefused
from bot.services.events import EventLedger
from bot.slack.credentials import MissingSetting, check_bot_token, slack_credentials
from bot.slack.socket_mode import run_socket_mode
from bot.web.server import WebServer
from bot.wiring import build_embeddings, build_knowledge_service


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
    logging.getLogger().setLevel(settings.log_level.upper())
    embeddings = build_embeddings(settings)
    try:
        if embeddings is not None:
            embeddings.encoder()
    except ModelRefused as error:
        return refuse(str(error))
    try:
        service = build_knowledge_service(settings, embeddings=embeddings)
        EventLedger(service.db).forget_old()
        if service.engine().semantic is not None:
            service.engine().semantic.match("warm")  # entry vectors computed (or read back) once, before forking
    except SQLAlchemyError as error:
        return refuse(f"cannot reach the database: {str(error).splitlines()[0]}", status=1)
    if args.socket:
        run_socket_mode(settings=settings, service=service, credentials=credentials)
        return 0
    service.db.dispose()  # the workers open their own connections after the fork
    port = args.port or settings.port
    WebServer(
        settings=settings, host=args.host, port=port, workers=args.workers, threads=args.threads, embeddings=embeddings
    ).run()
    return 0


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
