"""`whoowns migrate`: brings the database schema up to date, seeds the shipped knowledge, and exits.

The release step of a deployment (the Procfile's `release:` line, compose's `migrate` service): run once
before new web processes start, so that `serve` against PostgreSQL never migrates on start. Running it
again is harmless: an up-to-date schema is left alone, and the shipped knowledge is seeded only into an
empty database or one nobody has edited.
"""

from __future__ import annotations

import argparse
import sys

from pydantic import ValidationError

from bot import logs
from bot.cli.serve import describe
from bot.config import Settings
from bot.core.unavailable import KnowledgeUnavailable
from bot.wiring import build_knowledge_service


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="migrate the database and seed the knowledge base, then exit",
        description="Bring the database (DATABASE_URL, else the SQLite file) to the latest schema and seed the "
        "shipped knowledge base into it if it is empty, then exit: the release step before `serve`.",
    )
    parser.set_defaults(run=run)


def run(_args: argparse.Namespace) -> int:
    try:
        settings = Settings()
    except ValidationError as error:
        return refuse(describe(error))
    logs.configure(settings.log_format, settings.log_level)
    try:
        service = build_knowledge_service(settings)
        revision, _latest = service.db.schema_revisions()
        service.db.dispose()
    except KnowledgeUnavailable as error:
        return refuse(f"cannot reach the database: {error}", status=1)
    print(f"whoowns migrate: the database schema is at revision {revision}, the latest; knowledge base ready")
    return 0


def refuse(message: str, *, status: int = 2) -> int:
    print(f"whoowns migrate: {message}", file=sys.stderr)
    return status
