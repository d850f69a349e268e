"""The CLI contract the shared scorer and other checks rely on: in this process (`tests/cli/running.py`),
and through a real subprocess where only a process shows it (questions piped in as the scorer pipes them,
a reader that leaves early, a program waiting for each answer)."""

import json
import shutil
import signal
import subprocess
import sys
import threading

import pytest

from bot.cli.ask import answered_in_turn
from bot.core.encoder import SHIPPED_MODEL_DIR
from bot.wiring import build_asking
from tests.cli.running import run
from tests.conftest import KNOWLEDGE_DIR, REPO_ROOT, SHARED


def run_process(args, env, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
    )


def asking_process(env, *, stderr=subprocess.PIPE, text=False):
    """`whoowns ask --json` reading questions from a pipe, as a program that feeds it would start it."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=text,
        env=env,
        cwd=REPO_ROOT,
    )


def test_ask_prints_a_readable_sourced_answer(cli_env):
    result = run(["ask", "who owns hosting costs?"], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("CTO (Chief Technology Officer)")
    assert "Source:" in result.stdout and "“" in result.stdout


def test_ask_json_gives_one_object_with_the_contracted_keys(cli_env):
    result = run(["ask", "--json", "who decides product pricing?"], cli_env)
    answer = json.loads(result.stdout)
    assert answer["role"] == "CPO"
    assert answer["responsibility"] == {"id": "pricing", "title": "Pricing"}
    assert set(answer["source"]) >= {"title", "url", "quote"}
    for key in ("role_name", "holder", "confidence", "reasoning", "alternatives", "suggestions"):
        assert key in answer


def test_two_topics_in_one_question_are_one_json_line_with_both_and_a_readable_answer_each(cli_env):
    result = run(["ask", "--json"], cli_env, stdin="who owns pricing and security?\nwho owns security?\n")
    both, one = (json.loads(line) for line in result.stdout.splitlines())
    assert (both["role"], both["responsibility"]["id"]) == ("CPO", "pricing")  # the first topic, as for any question
    assert [(t["role"], t["responsibility"]["id"]) for t in both["topics"]] == [("CPO", "pricing"), ("CTO", "security")]
    assert one["topics"] == []
    text = run(["ask", "who owns pricing and security?"], cli_env).stdout
    assert text.startswith("2 topics in one question: Pricing (CPO), Security (CTO)")
    assert "\n1. CPO (Chief Product Officer)" in text and "\n2. CTO (Chief Technology Officer)" in text


def test_questions_on_stdin_get_one_json_line_each_in_order(cli_env):
    questions = ["who owns hosting costs?", "what's the wifi password?", "", "who owns the product roadmap?"]
    result = run_process(
        ["ask", "--json", "--org", str(SHARED / "eval/orgs/cpto.yaml")], cli_env, "\n".join(questions) + "\n"
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["role"] for a in lines] == ["CPTO", None, "CPTO"]
    assert lines[0]["holder"] == "U0EXAMPLE1"
    assert lines[1]["suggestions"] == [] and lines[1]["off_topic"] and lines[1]["source"] is None


def test_a_batch_reads_the_next_slice_ahead_before_answering_this_one(monkeypatch):
    monkeypatch.setattr("bot.cli.ask.READ_AHEAD", 2)
    calls = []

    class Recording:
        def look_ahead(self, questions):
            calls.append(("read", questions))

        def ask(self, question, *, org):
            assert org == "the org file's settings"
            calls.append(("ask", question))
            return question

    answers = list(answered_in_turn(Recording(), ["a", "b", "c", "d", "e"], "the org file's settings"))
    assert answers == ["a", "b", "c", "d", "e"]
    assert calls == [
        ("read", ["a", "b"]),
        ("read", ["c", "d"]),  # the encoder's thread works on these while a and b are answered
        ("ask", "a"),
        ("ask", "b"),
        ("read", ["e"]),
        ("ask", "c"),
        ("ask", "d"),
        ("read", []),
        ("ask", "e"),
    ]


def test_an_off_topic_question_is_told_what_the_bot_is_for_without_echoing_it(cli_env):
    result = run(["ask", "tell me a joke"], cli_env)
    assert result.stdout.startswith("That doesn't look like something I can help with")
    assert "joke" not in result.stdout and "I don't know. I'm not sure" not in result.stdout


def test_an_unsure_answer_lists_the_closest_topics_once(cli_env):
    result = run(["ask", "who owns the office plants?"], cli_env)
    lines = result.stdout.splitlines()
    assert lines[:2] == ["I'm not sure which area of work you mean.", "Did you mean one of these?"]
    assert result.stdout.count("Office, facilities and office lease") == 1


def test_a_bad_org_file_is_refused_with_file_line_and_field(cli_env, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text("roles:\n  CEO: {}\n  CPTO: {covers: [CTO, CXO]}\n")
    result = run(["ask", "--org", str(org), "pricing"], cli_env)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{org}:3: roles.CPTO.covers[1]: unknown role 'CXO'"
    assert result.stdout == ""


def test_help_names_every_command(cli_env):
    result = run(["--help"], cli_env)
    assert result.returncode == 0
    assert "ask" in result.stdout and "kb" in result.stdout


SEMANTIC_QUESTION = "who grows the engineering org?"  # no alias has these words; the meaning is close


def test_json_says_which_matcher_found_the_topic(cli_env):
    result = run(["ask", "--json"], cli_env, f"who owns hosting costs?\n{SEMANTIC_QUESTION}\n")
    lexical, semantic = (json.loads(line) for line in result.stdout.splitlines())
    assert (lexical["role"], lexical["matched_by"]) == ("CTO", "lexical")
    assert (semantic["role"], semantic["matched_by"]) == ("CTO", "semantic")


@pytest.mark.parametrize(("question", "threads"), [([], 2), ([SEMANTIC_QUESTION], 1)])
def test_questions_read_from_stdin_are_encoded_on_a_thread_a_core(cli_env, monkeypatch, question, threads):
    """A batch has the machine to itself: onnxruntime gets both cores (README "Measured figures")."""
    built = []

    def recording(*args, **kwargs):
        knowledge = build_asking(*args, **kwargs)
        built.append(knowledge.engine().semantic.embeddings.threads)
        return knowledge

    monkeypatch.setattr("bot.cli.ask.os.cpu_count", lambda: 2)
    monkeypatch.setattr("bot.cli.ask.build_asking", recording)
    for _ in range(2):  # from the database, then from the snapshot the first left
        result = run(["ask", "--json", *question], cli_env, f"{SEMANTIC_QUESTION}\n")
        assert json.loads(result.stdout)["matched_by"] == "semantic"
    assert built == [threads, threads]


@pytest.mark.parametrize(("args", "env_change"), [(["--lexical-only"], {}), ([], {"WHOOWNS_SEMANTIC": "off"})])
def test_lexical_only_still_answers_everything_it_can(cli_env, args, env_change):
    result = run(["ask", "--json", *args], {**cli_env, **env_change}, f"who owns hosting costs?\n{SEMANTIC_QUESTION}\n")
    assert result.returncode == 0, result.stderr
    lexical, unsure = (json.loads(line) for line in result.stdout.splitlines())
    assert (lexical["role"], lexical["matched_by"]) == ("CTO", "lexical")
    assert (unsure["role"], unsure["matched_by"]) == (None, None) and 1 <= len(unsure["suggestions"]) <= 3


def test_a_tampered_model_is_refused_with_a_clear_message(cli_env, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL_DIR, model)
    (model / "tokenizer.json").write_text("{}")
    result = run(["ask", SEMANTIC_QUESTION], {**cli_env, "WHOOWNS_EMBEDDING_MODEL": str(model)})
    assert result.returncode == 2
    assert result.stderr.startswith(f"embedding model {model}: tokenizer.json has sha256 ")
    assert "Traceback" not in result.stderr


def test_a_tampered_model_met_by_a_batch_on_the_encoding_thread_is_refused_the_same_way(cli_env, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL_DIR, model)
    (model / "tokenizer.json").write_text("{}")
    questions = "who owns hosting costs?\n" + "\n".join([SEMANTIC_QUESTION, "who keeps our servers from being hacked?"])
    result = run_process(["ask", "--json"], {**cli_env, "WHOOWNS_EMBEDDING_MODEL": str(model)}, questions + "\n")
    assert result.returncode == 2
    assert [json.loads(line)["role"] for line in result.stdout.splitlines()] == ["CTO"]  # answered by words alone
    assert result.stderr.startswith(f"embedding model {model}: tokenizer.json has sha256 ")
    assert "Traceback" not in result.stderr


def test_a_reader_that_stops_early_gets_no_broken_pipe_traceback(cli_env):
    # `whoowns ask --json < questions.txt | head -1`: head closes the pipe after one line.
    with asking_process(cli_env) as process:
        process.stdin.write(b"who owns pricing?\n" * 500)
        process.stdin.close()
        assert json.loads(process.stdout.readline())["role"] == "CPO"
        process.stdout.close()
        errors = process.stderr.read().decode()
        process.wait(timeout=120)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
    assert process.returncode == 141  # what a shell reports for a writer its reader left (128 + SIGPIPE)


def test_ctrl_c_in_a_batch_stops_it_without_a_traceback(cli_env):
    with asking_process(cli_env) as process:
        questions = [f"who grows the engineering org in region {n}?" for n in range(2000)]  # the model is busy
        process.stdin.write(("\n".join(questions) + "\n").encode())
        process.stdin.flush()  # left open: on a busy machine the batch may be through before the signal comes,
        assert json.loads(process.stdout.readline())["question"] == questions[0]  # and then waits for more
        process.send_signal(signal.SIGINT)
        process.stdin.close()
        process.stdout.read()
        errors = process.stderr.read().decode()
        process.wait(timeout=120)
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, errors
    assert process.returncode == 130  # what a shell reports for a command stopped with Ctrl-C (128 + SIGINT)


def test_ask_names_the_roles_to_consult_resolved_for_the_org_file(cli_env, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text("roles:\n  CEO: {}\n  CPTO: {holder: U0CPTO001, covers: [CTO, CPO]}\n  COO: {}\n")
    result = run(["ask", "--org", str(org), "who decides headcount?"], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("COO (Chief Operating Officer)\n")
    assert (
        "  consult: CPTO (Chief Product and Technology Officer) — held by U0CPTO001: hires the engineers"
        in result.stdout
    )
    result = run(["ask", "--json", "--org", str(org), "who decides headcount?"], cli_env)
    assert json.loads(result.stdout)["consult"] == [
        {
            "role": "CPTO",
            "role_name": "Chief Product and Technology Officer",
            "holder": "U0CPTO001",
            "why": "hires the engineers",
        }
    ]


def test_a_program_that_waits_for_each_answer_gets_it_before_writing_the_next_question(cli_env):
    # Questions are answered in groups of the lines already written (bot/cli/waiting_lines.py): a group
    # never waits for a line that is not written yet, or this conversation would never finish.
    with asking_process(cli_env, stderr=None, text=True) as process:
        deadline = threading.Timer(120, process.kill)  # a deadlock fails the test (empty line) instead of hanging it
        deadline.start()
        roles = []
        for question in ["who owns pricing?", SEMANTIC_QUESTION, "who owns hosting costs?"]:
            process.stdin.write(question + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
            assert line, "no answer before the deadline"
            roles.append(json.loads(line)["role"])
        process.stdin.close()
        assert process.wait(timeout=120) == 0
        deadline.cancel()
    assert roles == ["CPO", "CTO", "CTO"]


def test_a_broken_counter_examples_file_exits_2_naming_its_line(cli_env, tmp_path):
    shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    counter = tmp_path / "knowledge" / "not_about_ownership.yaml"
    counter.write_text("not_about_ownership:\n  - where is lunch\n  - [a, list]\n", encoding="utf-8")
    result = run(["ask", SEMANTIC_QUESTION], {**cli_env, "WHOOWNS_KNOWLEDGE_DIR": str(tmp_path / "knowledge")})
    assert result.returncode == 2
    assert result.stderr.strip() == f"{counter}:3: not_about_ownership[1]: Input should be a valid string"
