"""`whoowns org diff A.yaml B.yaml`: every topic whose owner differs between two organisations' settings.

Both files are checked like `ask --org` (a bad one exits with status 2, naming file, line and field) and
resolved against the stored knowledge base; each topic that changes hands is printed with both
resolutions' reasoning, so the difference explains itself.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from bot.cli.ask import load_org_file
from bot.config import Settings
from bot.core.moves import Move, Side, moves_sentence, owner_moves
from bot.wiring import build_knowledge_service


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("org", help="compare organisation settings files")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    diff = actions.add_parser(
        "diff",
        help="every topic whose owner differs between two settings files, with both resolutions' reasoning",
        description="Resolves every topic of the stored knowledge base for the organisation in A and in B and "
        "prints each one whose owning role differs, with the reasoning of both.",
    )
    diff.add_argument("before", type=Path, metavar="A.yaml", help="organisation settings (as for ask --org)")
    diff.add_argument("after", type=Path, metavar="B.yaml", help="organisation settings to compare with A")
    diff.add_argument("--json", action="store_true", help="print one JSON object")
    diff.set_defaults(run=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    service = build_knowledge_service(Settings(semantic=False))
    kb = service.engine().kb
    before, after = load_org_file(service, args.before), load_org_file(service, args.after)
    moves = owner_moves(Side(kb, before), Side(kb, after))
    if args.json:
        found = [{**m.to_json(), "before": list(m.before), "after": list(m.after)} for m in moves]
        print(json.dumps({"summary": moves_sentence(moves), "moves": found}, ensure_ascii=False, indent=2))
        return 0
    print(render(moves, before=str(args.before), after=str(args.after)), end="")
    return 0


def render(moves: list[Move], *, before: str, after: str) -> str:
    lines = [f"{before} → {after}: {moves_sentence(moves)}"]
    for move in moves:
        lines += ["", f"{move.topic}: {move.title}: {move.from_role} → {move.to_role}"]
        lines += [_why(before, move.from_role, move.before), _why(after, move.to_role, move.after)]
    return "\n".join(lines) + "\n"


def _why(name: str, role: str, steps: tuple[str, ...]) -> str:
    return textwrap.fill(" ".join(steps), width=100, initial_indent=f"  {name} ({role}): ", subsequent_indent="    ")
