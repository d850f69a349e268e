"""`python -m bot assess` with no answers file asks its questions at a terminal, and only there."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.cli.assess_questions import ask_questions
from bot.config import REPO_ROOT
from bot.core.assess_files import load_rules
from tests.cli.test_assess_cli import run
from tests.conftest import KNOWLEDGE_DIR

RULES = load_rules(KNOWLEDGE_DIR)


def test_enter_keeps_each_default_a_number_picks_an_answer_and_anything_else_asks_again():
    typed = iter(["1", "", "9", "no", "2", *[""] * (len(RULES.factors) - 2)])
    shown: list[str] = []
    answers = ask_questions(RULES, read=lambda prompt: (shown.append(prompt), next(typed))[1], write=shown.append)
    first, second = RULES.factors[0], RULES.factors[1]
    assert answers[first.id] == first.answers[0].value and answers[second.id] == second.default
    third = RULES.factors[2]
    assert answers[third.id] == third.answers[1].value
    assert shown.count(f"  Type a number from 1 to {len(third.answers)}, or press Enter for "
                       f"{1 + [a.value for a in third.answers].index(third.default)}.") == 2  # fmt: skip
    assert first.question in "\n".join(shown) and first.hint in "\n".join(shown)
    assert set(answers) == {f.id for f in RULES.factors}


def test_at_a_terminal_the_questions_are_asked_and_the_answers_decide(cli_env):
    """A real pseudo-terminal: the first answer of every question typed, then the report."""
    main, terminal = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "assess"],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env,
        cwd=REPO_ROOT,
    )
    os.close(terminal)
    try:
        for _ in RULES.factors:
            os.write(main, b"1\n")
        out, err = process.communicate(timeout=120)
    finally:
        os.close(main)
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    text = out.decode()
    assert text.count("Answer [") == len(RULES.factors) and RULES.factors[0].question in text
    firsts = {f.id: f.answers[0].value for f in RULES.factors}
    assert "Recommendation: " in text
    expected = subprocess.run(
        [sys.executable, "-m", "bot", "assess", "--answers", "/dev/stdin"],
        input="\n".join(f"{k}: {str(v).lower()}" for k, v in firsts.items()),
        capture_output=True, text=True, env=cli_env, cwd=REPO_ROOT, timeout=120, check=True,
    ).stdout  # fmt: skip
    assert text.endswith(expected.replace("\n", "\r\n")) or text.endswith(expected)


def test_piped_input_asks_nothing_and_takes_the_defaults(cli_env):
    result = run([], cli_env)  # input that is not a terminal (a pipe, a file)
    assert result.returncode == 0, result.stderr
    assert "Answer [" not in result.stdout and result.stdout.startswith("Recommendation: ")
