"""`whoowns org diff A.yaml B.yaml`: every topic whose owner differs between two organisations' settings.
`whoowns org holders --team T…`: a workspace's holders that need attention, as admins see them in Slack.

Both files are checked like `ask --org` (a bad one exits with status 2, naming file, line and field) and
resolved against the stored knowledge base; each topic that changes hands is printed with both
resolutions' reasoning, so the difference explains itself. `holders` reads the Slack profiles the app
keeps in the database (it calls no Slack API: a holder Slack has not described yet is listed as such).
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from bot.cli.ask import load_org_file
from bot.config import Settings
from bot.core.holders import Concern, flagged_holders
from bot.core.moves import Move, Side, moves_sentence, owner_moves
from bot.services.people import PersonNames
from bot.wiring import build_knowledge_service


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("org", help="compare organisation settings files; check a workspace's holders")
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
    holders = actions.add_parser(
        "holders",
        help="a workspace's role holders and which need attention (deactivated, or titled for another role)",
        description="Lists the holders a workspace's settings name, from the Slack profiles the app last saw, "
        "and flags those deactivated in Slack or whose title no longer mentions their role.",
    )
    holders.add_argument("--team", required=True, help="the Slack workspace's team id, e.g. T0ACME")
    holders.add_argument("--json", action="store_true", help="print one JSON object")
    holders.set_defaults(run=run_holders)


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


def run_holders(args: argparse.Namespace) -> int:
    service = build_knowledge_service(Settings(semantic=False))
    org, roles = service.org(args.team), service.engine().kb.roles
    named = {role.id: holder for role in roles if (holder := org.holder(role.id))}
    profiles = PersonNames(service.db).profiles(args.team, named.values())
    flagged = {f.role: f.concern.value for f in flagged_holders(org, roles, profiles)}
    rows = [
        {"role": role, "user": user, "name": profiles[user].name if user in profiles else None,
         "title": profiles[user].title if user in profiles else None, "concern": flagged.get(role)}
        for role, user in named.items()
    ]  # fmt: skip
    if args.json:
        print(json.dumps({"team": args.team, "holders": rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"{args.team}: {len(flagged)} of {len(rows)} named holders need attention")
    for row in rows:
        print(f"  {row['role']}: {_holder_line(row)}")
    return 0


def _holder_line(row: dict) -> str:
    if row["name"] is None:
        return f"{row['user']}, not seen in Slack yet"
    who = f"{row['name']} ({row['user']})"
    if row["concern"] == Concern.DEACTIVATED.value:
        return f"{who}, deactivated in Slack"
    title = f"title “{row['title']}”" if row["title"] else "no title"
    return f"{who}, {title}" + (", which no longer mentions the role" if row["concern"] else "")


def render(moves: list[Move], *, before: str, after: str) -> str:
    lines = [f"{before} → {after}: {moves_sentence(moves)}"]
    for move in moves:
        lines += ["", f"{move.topic}: {move.title}: {move.from_role} → {move.to_role}"]
        lines += [_why(before, move.from_role, move.before), _why(after, move.to_role, move.after)]
    return "\n".join(lines) + "\n"


def _why(name: str, role: str, steps: tuple[str, ...]) -> str:
    return textwrap.fill(" ".join(steps), width=100, initial_indent=f"  {name} ({role}): ", subsequent_indent="    ")
