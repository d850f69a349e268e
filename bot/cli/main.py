"""The `whoowns` command line: ask questions, run the Slack app, migrate its database, manage the knowledge
base (`python -m bot`, `bot/__main__.py`, runs it in a process of its own)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable

from bot.core.encoder import ModelRefused
from bot.core.yamlfile import InvalidFile
from bot.services.workspaces import UnknownWorkspace

# Each a module of bot.cli with `register(subparsers)`, named as the subcommand it registers, so that `main`
# can import the one that is run alone.
COMMANDS = ("ask", "kb", "assess", "org", "review", "migrate", "serve")
READER_GONE = 128 + 13  # what a shell reports for a writer whose reader left (SIGPIPE), as `head` leaves
INTERRUPTED = 128 + 2  # what a shell reports for a command stopped with Ctrl-C (SIGINT)


def build_parser(commands: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="whoowns",
        description="Tells you which executive role owns a decision or an area of work, and why.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands:
        importlib.import_module(f"bot.cli.{command}").register(subparsers)
    return parser


def main(argv: list[str] | None = None, started: Callable[[], None] = lambda: None) -> int:
    """Runs a command and returns its exit status; `started` is called once the command's modules are
    imported, before it runs."""
    argv = sys.argv[1:] if argv is None else argv
    # `whoowns ask …` imports and registers `ask` alone, so one question does not pay for the web server's
    # imports; anything else (`--help`, a mistyped command) gets the parser with every command.
    named = argv[0] if argv and argv[0] in COMMANDS else None
    args = build_parser((named,) if named else COMMANDS).parse_args(argv)
    started()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.run(args) or 0)
    except (InvalidFile, ModelRefused) as error:
        print(error, file=sys.stderr)
        return 2
    except UnknownWorkspace as error:
        print(f"whoowns: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: the person stopped it and needs no traceback to say so
        print(file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # `whoowns ask … | head`: the reader has all it wanted; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit's flush cannot fail again
        return READER_GONE
