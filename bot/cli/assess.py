"""`whoowns assess`: should the company keep a CPO and a CTO, or combine them into one CPTO?

Reads answers from a YAML file (`stage: startup`, ...; left-out questions take their defaults), or asks
the questions when run at a terminal without one (`assess_questions`; piped, it takes the defaults), and prints
the recommendation as a readable report or, with `--json`, as the JSON contract scripts rely on. The rules
come from `assessment.yaml` in the knowledge folder; nothing here decides anything.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from bot.cli.ask import load_org_file
from bot.cli.assess_questions import ask_questions
from bot.config import Settings
from bot.core.assess import Assessment, SourceQuote, assess
from bot.core.assess_answers import check_answers
from bot.core.assess_files import load_answers, load_rules
from bot.core.assess_rules import NO_ADDRESS, SHAPE_NAMES, AssessmentRules, as_text
from bot.core.restructure import with_moves
from bot.services.workspaces import require_workspace
from bot.wiring import build_knowledge_service


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "assess",
        help="should product and technology have one leader (CPTO) or two (CPO and CTO)?",
        description="Recommends combining the CPO and CTO into a CPTO, keeping them separate, or calls it "
        "borderline, with the articles' reasons, the risks of that shape and the answer that would flip it.",
    )
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help="YAML answers (question: answer); without it the questions are asked at a terminal, "
        "and piped input takes the defaults",
    )
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("--template", action="store_true", help="print an answers file with every question")
    parser.add_argument(
        "--org", type=Path, metavar="FILE", help="organisation settings YAML: what the recommendation moves there"
    )
    parser.add_argument("--team", metavar="TEAM_ID", help="what the recommendation moves in a workspace's settings")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rules = load_rules(Settings().knowledge_dir)
    if args.template:
        print(template(rules), end="")
        return 0
    if args.answers:
        answers = load_answers(args.answers, rules)
    else:
        answers = check_answers(rules, ask_questions(rules) if asks_a_person(args) else {})
    service = build_knowledge_service(Settings(semantic=False))
    if args.team:
        require_workspace(service.db, args.team)
    org = load_org_file(service, args.org) if args.org else service.org(args.team)
    result = with_moves(assess(rules, answers), service.engine().kb, org)
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n" if args.json else render(result), end="")
    return 0


def asks_a_person(args: argparse.Namespace) -> bool:
    """Questions only for a person at a terminal: `--json` or piped input means a script, which gets defaults."""
    return not args.json and sys.stdin.isatty()


def template(rules: AssessmentRules) -> str:
    """Every question with its default answer and the allowed ones, ready to edit."""
    lines = []
    for factor in rules.factors:
        allowed = " | ".join(as_text(a.value) for a in factor.answers)
        lines += [
            f"# {factor.question}",
            f"# {factor.hint}",
            f"{factor.id}: {as_text(factor.default)}  # {allowed}",
            "",
        ]
    return "\n".join(lines)


def render(result: Assessment) -> str:
    """A plain-text report for a terminal."""
    limits = result.thresholds
    lines = [f"Recommendation: {result.recommendation.upper()}", wrap(result.summary)]
    lines += [
        f"Score {result.score:+d} (combine at {limits.combine_at:+d} or more, "
        f"separate at {limits.separate_at:+d} or less)"
    ]
    lines += [f"Ruled out: {SHAPE_NAMES[f.rules_out]} ({f.title}: {f.label})." for f in result.factors if f.rules_out]
    lines += ["", "Why"]
    for f in result.factors:
        sign = "+" if f.direction == "combine" else "-"
        lines += [f"  {sign}{f.weight} {f.direction:<8} {f.title}: {f.label}", wrap(f.reason, indent=6)]
        lines += cite(f.source)
    shapes = sorted({r.shape for r in result.risks})
    lines += ["", "Risks of " + " and of ".join(SHAPE_NAMES[s] for s in shapes)]
    for risk in result.risks:
        lines += [wrap(risk.risk, indent=4, first="  • "), wrap(f"What to do: {risk.mitigation}", indent=4)]
        lines += cite(risk.source)
    lines += ["", "What would change the outcome"]
    lines += [f"  • {f.title} → {f.to_label}: {f.recommendation} (score {f.score:+d})" for f in result.flip]
    if not result.flip:
        lines += ["  No single answer changes it."]
    if result.moves_summary:
        lines += ["", "What moves", wrap(result.moves_summary, indent=2)]
        lines += [f"  • {m.topic}: {m.from_} → {m.to}" for m in result.moves]
    return "\n".join(lines) + "\n"


def cite(source: SourceQuote) -> list[str]:
    return [f"      {source.title} — {source.url or f'({NO_ADDRESS})'}", wrap(f"“{source.quote}”", indent=8)]


def wrap(text: str, *, indent: int = 0, first: str | None = None) -> str:
    margin = " " * indent
    return textwrap.fill(text, width=100, initial_indent=margin if first is None else first, subsequent_indent=margin)
