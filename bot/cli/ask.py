"""`whoowns ask`: answers from the terminal, readable or as JSON lines (the scorer's contract)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.waiting_lines import waiting_lines
from bot.config import Settings
from bot.core.answer import Answer, Unsure
from bot.core.org import OrgSettings
from bot.core.problems import InvalidInput
from bot.core.yamlfile import located, read_yaml
from bot.services.snapshot import SnapshotKnowledge
from bot.services.workspaces import require_workspace
from bot.wiring import build_asking, build_knowledge_service

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bot.services.knowledge import KnowledgeService

READ_AHEAD = 128  # questions read a slice at a time (`answered_in_turn`)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="answer a question from the knowledge base",
        description="Answer who owns an area of work. With no question, reads questions from standard "
        "input, one a line, and answers each in order.",
    )
    parser.add_argument("question", nargs="*", help="for example: who owns hosting costs?")
    parser.add_argument("--json", action="store_true", help="print one JSON object a question")
    parser.add_argument("--org", type=Path, metavar="FILE", help="organisation settings YAML to answer for")
    parser.add_argument("--team", metavar="TEAM_ID", help="answer for a workspace's stored settings")
    parser.add_argument(
        "--lexical-only",
        action="store_true",
        help="match words only, without the semantic matcher (as WHOOWNS_SEMANTIC=off does)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings(semantic=False) if args.lexical_only else Settings()
    # Questions read from standard input are encoded a few hundred at a time: a thread a core.
    threads = 1 if args.question else os.cpu_count() or 1
    service: KnowledgeService | SnapshotKnowledge
    if args.team:  # a workspace's settings are in the database: no snapshot holds them
        service = knowledge = build_knowledge_service(settings, encoder_threads=threads)
        require_workspace(knowledge.db, args.team)
        org = load_org_file(service, args.org) if args.org else knowledge.org(args.team)
    else:
        service = build_asking(settings, encoder_threads=threads)
        org = load_org_file(service, args.org) if args.org else service.org(None)
    groups = [[" ".join(args.question)]] if args.question else waiting_lines(sys.stdin)
    for group in groups:
        questions = group if args.question else [line.strip() for line in group if line.strip()]
        for answer in answered_in_turn(service, questions, org):
            print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else render(answer), flush=True)
    return 0


def answered_in_turn(
    service: KnowledgeService | SnapshotKnowledge, questions: list[str], org: OrgSettings
) -> Iterator[Answer]:
    """The answers to `questions`, in order, each slice of `READ_AHEAD` read before the one before it is
    answered: the encoder's thread works on the next slice while this one is answered, and what waits to
    be used is one slice's cosines (64 KB a question), not a whole group's."""
    service.look_ahead(questions[:READ_AHEAD])
    for start in range(0, len(questions), READ_AHEAD):
        service.look_ahead(questions[start + READ_AHEAD : start + 2 * READ_AHEAD])
        for question in questions[start : start + READ_AHEAD]:
            yield service.ask(question, org=org)


def load_org_file(service: KnowledgeService | SnapshotKnowledge, path: Path) -> OrgSettings:
    document = read_yaml(path)
    try:
        return service.check_org(document.data)
    except InvalidInput as error:
        raise located(error, document) from None


def render(answer: Answer) -> str:
    """A plain-text answer for a terminal; a question about several topics gets one answer each."""
    if answer.topics:
        heading = f"{len(answer.topics)} topics in one question: " + ", ".join(
            f"{a.responsibility.title if a.responsibility else a.topic} ({a.role or 'not sure'})" for a in answer.topics
        )
        return "\n".join([heading, "", *(f"{index}. " + render(a) for index, a in enumerate(answer.topics, 1))])

    def wrap(text: str) -> str:
        return textwrap.fill(text, width=100)

    if isinstance(answer, Unsure):
        lines = [wrap(answer.reasoning)]
        lines += ["Did you mean one of these?"] if answer.suggestions else []
        lines += [f"  - {s.title}  (ask: whoowns ask {s.id})" for s in answer.suggestions]
        return "\n".join(lines) + "\n"
    holder = f" — held by {answer.holder}" if answer.holder else ""
    lines = [f"{answer.role} ({answer.role_name}){holder}"]
    lines += [f"  also: {s.role} ({s.role_name}) for {s.responsibility.title}" for s in answer.shared]
    lines += [
        f"  consult: {c.role} ({c.role_name})" + (f" — held by {c.holder}" if c.holder else "") + f": {c.why}"
        for c in answer.consult
    ]
    lines += ["", wrap(answer.reasoning)]
    lines += ["", f"Source: {answer.source.title}", f"        {answer.source.url or '(no public address)'}"]
    lines += [textwrap.indent(wrap(f"“{answer.source.quote}”"), "  ")]
    reviewed = f" · {answer.last_reviewed}" if answer.last_reviewed else ""
    lines += ["", f"Topic: {answer.responsibility.title} · confidence {answer.confidence:.0%}{reviewed}"]
    return "\n".join(lines) + "\n"
