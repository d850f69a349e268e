"""The command line run in the test's own process: `python -m bot`'s `main(argv)` with the environment,
standard input, output and error a subprocess would have, and its exit status.

Starting Python for each command cost about a second of CPU (imports, the knowledge engine), more than
most commands' own work, and the CLI tests ran some hundred of them. A few tests still start a real
process for what only a process shows: the start-up's imports (`test_startup.py`), a reader that leaves
early (SIGPIPE), a program waiting for each answer on a pipe, an interactive terminal
(`test_ask_cli.py`, `test_assess_questions_cli.py`).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass

from bot.cli.main import main


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(args: Sequence[str], env: Mapping[str, str], stdin: str | None = None) -> Ran:
    """`python -m bot ARGS` with `env` as its whole environment and `stdin` as its input."""
    out, err = io.StringIO(), io.StringIO()
    with environment(env), redirect_stdout(out), redirect_stderr(err), standard_input(stdin or ""):
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse: a usage error (2) or --help (0)
            status = exit_.code if isinstance(exit_.code, int) else 1
    return Ran(status, out.getvalue(), err.getvalue())


@contextmanager
def environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextmanager
def standard_input(text: str) -> Iterator[None]:
    saved, sys.stdin = sys.stdin, io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved
