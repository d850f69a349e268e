"""`whoowns assess` at a terminal: the eight questions asked one by one, each answered by number or Enter.

Only when standard input is a terminal and no answers file was given; piped or scripted runs keep the
defaults, so nothing ever waits for a person who is not there.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.assess_rules import AnswerValue, AssessmentRules, Factor

Read = Callable[[str], str]
Write = Callable[[str], None]


def ask_questions(rules: AssessmentRules, *, read: Read = input, write: Write = print) -> dict[str, AnswerValue]:
    """Each question with its hint and numbered answers; Enter keeps the default, shown in brackets."""
    write(f"{len(rules.factors)} questions; press Enter to keep the answer in [brackets].")
    return {factor.id: _ask(factor, read, write) for factor in rules.factors}


def _ask(factor: Factor, read: Read, write: Write) -> AnswerValue:
    write(f"\n{factor.question}\n  {factor.hint}")
    for number, answer in enumerate(factor.answers, start=1):
        write(f"  {number}. {answer.label}")
    default = next(n for n, a in enumerate(factor.answers, start=1) if a.value == factor.default)
    while True:
        typed = read(f"Answer [{default}]: ").strip()
        if not typed:
            return factor.default
        if typed.isdigit() and 1 <= int(typed) <= len(factor.answers):
            return factor.answers[int(typed) - 1].value
        write(f"  Type a number from 1 to {len(factor.answers)}, or press Enter for {default}.")
