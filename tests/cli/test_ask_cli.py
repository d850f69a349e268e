"""The CLI contract the shared scorer and other checks rely on, through a real subprocess."""

import json
import subprocess
import sys

from tests.conftest import REPO_ROOT, SHARED


def run(args, env, stdin=None):
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


def test_questions_on_stdin_get_one_json_line_each_in_order(cli_env):
    questions = ["who owns hosting costs?", "what's the wifi password?", "", "who owns the product roadmap?"]
    result = run(["ask", "--json", "--org", str(SHARED / "eval/orgs/cpto.yaml")], cli_env, "\n".join(questions) + "\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["role"] for a in lines] == ["CPTO", None, "CPTO"]
    assert lines[0]["holder"] == "U0EXAMPLE1"
    assert lines[1]["suggestions"] and lines[1]["source"] is None


def test_an_unknown_answer_is_plainly_unknown(cli_env):
    result = run(["ask", "tell me a joke"], cli_env)
    assert result.stdout.startswith("I don't know.")


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
