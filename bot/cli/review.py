"""`whoowns review`: topics due a review, "still right" from a terminal, and the review interval.

Changes made here are recorded in the history as `cli:<login>`, like `kb import`, and can be undone from
Slack's history as well.
"""

from __future__ import annotations

import argparse
import sys

from bot.core.problems import InvalidInput
from bot.services.admin import Actor, cli_actor
from bot.services.admin.errors import AdminError
from bot.wiring import build_admin, build_knowledge_service


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("review", help="topics due a review; mark one still right; the review interval")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    due = actions.add_parser("due", help="list the topics whose last review is older than the review interval")
    due.set_defaults(run=run_due)
    right = actions.add_parser("still-right", help="record that a topic was reviewed now and is still right")
    right.add_argument("topic", help="the topic's id, as `review due` lists it")
    right.set_defaults(run=run_still_right)
    interval = actions.add_parser("interval", help="how many days a review holds (default 180)")
    interval.add_argument("days", type=int, nargs="?", help="set it to this many days (1 to 3650)")
    interval.set_defaults(run=run_interval)


def run_due(_args: argparse.Namespace) -> int:
    service = build_knowledge_service()
    due, days = build_admin(service).reviews.due(), service.freshness().days
    print(f"{len(due)} of {len(service.engine().kb.active)} topics last reviewed more than {days} days ago")
    for topic in due:
        by = f" by {topic.review.by}" if topic.review.by else ""
        print(f"  {topic.id}: {topic.title} ({topic.owner}) · last reviewed {topic.review.at.date()}{by}")
    return 0


def run_still_right(args: argparse.Namespace) -> int:
    admin = build_admin(build_knowledge_service())
    try:
        saved = admin.reviews.still_right(_actor(), args.topic)
    except AdminError as error:
        print(f"whoowns: {error}", file=sys.stderr)
        return 2
    print(f"{args.topic}: reviewed now, still right (change #{saved.audit_id})")
    return 0


def run_interval(args: argparse.Namespace) -> int:
    service = build_knowledge_service()
    if args.days is not None:
        try:
            build_admin(service).reviews.set_interval(_actor(), args.days)
        except InvalidInput as error:
            print(f"whoowns: {error}", file=sys.stderr)
            return 2
    days = service.freshness().days
    print(f"a review holds for {days} day{'' if days == 1 else 's'}")
    return 0


def _actor() -> Actor:
    return Actor(team_id="", user_id=cli_actor(), workspace_admin=True)
