"""`ask` starts fast: it imports what answering needs, not the web server, Slack, Alembic or the model, and
the garbage collector does not walk what start-up made (`bot/__main__.py`)."""

import argparse
import subprocess
import sys

import pytest

from bot.cli.main import COMMANDS, build_parser
from tests.conftest import REPO_ROOT

NOT_FOR_ASKING = (
    "alembic",
    "slack_bolt",
    "slack_sdk",
    "prometheus_client",
    "flask",
    "gunicorn",
    "bot.slack",
    "bot.web",
    "bot.cli.serve",
)
MODEL = ("onnxruntime", "tokenizers", "safetensors")

ASK_AND_LIST_MODULES = """
import sys
from bot.cli.main import main
main(["ask", *sys.argv[1:]])
print(" ".join(sorted(sys.modules)))
"""


def imported_by_ask(question: str, env: dict[str, str]) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", ASK_AND_LIST_MODULES, question],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())


def loaded(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in packages))


def test_a_question_the_lexical_matcher_answers_loads_neither_the_server_nor_the_model(cli_env):
    imported_by_ask("who owns hosting costs?", cli_env)  # the first run migrates and seeds
    modules = imported_by_ask("who owns hosting costs?", cli_env)
    assert loaded(modules, NOT_FOR_ASKING) == []
    assert loaded(modules, MODEL) == []


def test_asked_again_while_the_knowledge_is_unchanged_it_answers_without_the_database_layer(cli_env):
    imported_by_ask("who owns hosting costs?", cli_env)  # reads the database and leaves a snapshot
    modules = imported_by_ask("who owns hosting costs?", cli_env)
    assert loaded(modules, ("sqlalchemy", "bot.store.database", "bot.services.knowledge")) == []


def test_a_question_that_needs_the_model_loads_it_and_still_not_the_server(cli_env):
    imported_by_ask("who owns hosting costs?", cli_env)  # the first run migrates and seeds
    modules = imported_by_ask("who grows the engineering org?", cli_env)
    assert "tokenizers" in modules
    assert loaded(modules, NOT_FOR_ASKING) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_module_registers_the_subcommand_it_is_named_after(command):
    parser = build_parser((command,))
    (subcommands,) = (action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    assert list(subcommands.choices) == [command]


ENTRY_WITH_A_WATCHED_COMMAND = """
import gc, sys
import bot.cli.main

def main(argv, started):
    before = gc.isenabled()
    started()
    print(argv, before, gc.isenabled(), gc.get_freeze_count() > 1000)
    return 3

bot.cli.main.main = main
from bot.__main__ import run
run()
"""


def test_the_process_entry_keeps_the_collector_off_start_up_and_on_for_the_command():
    done = subprocess.run(
        [sys.executable, "-c", ENTRY_WITH_A_WATCHED_COMMAND, "ask", "who owns hosting costs?"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (3, "['ask', 'who owns hosting costs?'] False True True\n"), done.stderr
