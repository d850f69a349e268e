"""`whoowns kb`: check, import and export the knowledge base as YAML files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import Settings
from bot.core.moves import Move, moves_sentence
from bot.services.admin import cli_actor
from bot.services.kb_files import export_data, import_file, to_yaml, validate_file
from bot.wiring import build_knowledge_service

CREATE_HELP = "the --team workspace is new (nothing stored, not installed); without this an unknown team is an error"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("kb", help="validate, import or export the knowledge base")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    validate = actions.add_parser(
        "validate",
        help="check a knowledge folder or file without changing anything",
        description="Checks a knowledge folder or an exported file as an import would, without the database: "
        "unknown roles and sources, a title or alias two topics share, values too long to store, keys given "
        "twice, and files that are not plain UTF-8 YAML (anchors, deep nesting, over 8 MiB). Each problem is "
        "one line naming file, line and field; exit status 2.",
    )
    validate.add_argument(
        "path", type=Path, nargs="?", help="a knowledge/ folder or an exported file (default: the shipped knowledge)"
    )
    validate.set_defaults(run=run_validate)

    load = actions.add_parser(
        "import",
        help="apply a file's knowledge (and a workspace's settings) in one transaction",
        description="Checks all of the file, prints what it changes (topics added, changed, retired, owners "
        "moved), then applies it in one transaction. Topics the file does not list stay as they are unless "
        "--retire-missing is given.",
    )
    load.add_argument("path", type=Path, help="a knowledge/ folder or an exported YAML file")
    load.add_argument("--team", metavar="TEAM_ID", help="the workspace whose settings the file's org section sets")
    load.add_argument("--create", action="store_true", help=CREATE_HELP)
    load.add_argument(
        "--retire-missing", action="store_true", help="retire the topics the file does not list (else they stay)"
    )
    load.add_argument(
        "--force",
        action="store_true",
        help="accept an owner that moves while its reasoning stays the same (else refused, pointing to overrides)",
    )
    load.add_argument("--dry-run", action="store_true", help="print what the import would change, and change nothing")
    load.set_defaults(run=run_import)

    dump = actions.add_parser("export", help="write the stored knowledge base as YAML to standard output")
    dump.add_argument("--team", metavar="TEAM_ID", help="include this workspace's org settings")
    dump.add_argument("--create", action="store_true", help=CREATE_HELP)
    dump.set_defaults(run=run_export)


def run_validate(args: argparse.Namespace) -> int:
    contents = validate_file(args.path or Settings().knowledge_dir)
    kb, org = contents.kb, contents.org
    print(
        f"ok: {len(kb.roles)} roles, {len(kb.sources)} sources, {len(kb.responsibilities)} responsibilities"
        + (", org settings" if org else "")
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    imported = import_file(
        build_knowledge_service(),
        args.path,
        team_id=args.team,
        by=cli_actor(),
        create=args.create,
        retire_missing=args.retire_missing,
        force=args.force,
        dry_run=args.dry_run,
    )
    for warning in imported.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    summary = imported.changes.lines()
    if imported.settings_change:
        summary.append(f"  settings workspace {args.team}'s settings change")
    summary += moves_lines(list(imported.moves), team_id=args.team)
    print(f"{args.path}: " + "\n".join(summary))
    if args.dry_run:
        print("dry run: nothing was changed", file=sys.stderr)
    elif imported.audit_ids:
        changes = ", ".join(f"#{audit_id}" for audit_id in imported.audit_ids)
        print(f"imported {args.path}; recorded in the history as change {changes}", file=sys.stderr)
    else:
        print(f"{args.path} holds what is already stored: nothing changed", file=sys.stderr)
    return 0


def moves_lines(moves: list[Move], *, team_id: str | None) -> list[str]:
    """The topics whose answer names another role after the import, in the workspace (or by default)."""
    if not moves:
        return []
    where = f"workspace {team_id}" if team_id else "default organisation"
    lines = [f"  answers  {where}: {moves_sentence(moves)}"]
    return lines + [f"  moves    {m.topic}: {m.title}: {m.from_role} → {m.to_role}" for m in moves]


def run_export(args: argparse.Namespace) -> int:
    sys.stdout.write(to_yaml(export_data(build_knowledge_service(), team_id=args.team, create=args.create)))
    return 0
