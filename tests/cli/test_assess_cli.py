"""`python -m bot assess`: the JSON contract, the readable report and bad files (`tests/cli/running.py`)."""

import json
import shutil

import pytest

from tests.cli.running import run as run_cli
from tests.conftest import KNOWLEDGE_DIR

STARTUP = "stage: startup\nproduct_market_fit: searching\nproduct_led: true\nleader_with_both_skills: true\n"


def run(args, env):
    return run_cli(["assess", *args], env)


@pytest.fixture
def answers_file(tmp_path):
    def write(text: str):
        path = tmp_path / "answers.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_json_carries_the_contracted_keys(cli_env, answers_file):
    result = run(["--json", "--answers", str(answers_file(STARTUP))], cli_env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) >= {"recommendation", "score", "factors", "risks", "flip"}
    assert (report["recommendation"], report["score"]) == ("combine", 4)
    for factor in report["factors"]:
        assert set(factor) >= {"factor", "answer", "direction", "reason", "source"}
        assert set(factor["source"]) >= {"title", "url", "quote"}
    by_factor = {f["factor"]: f for f in report["factors"]}
    assert by_factor["product_market_fit"]["direction"] == "separate"
    assert by_factor["product_market_fit"]["source"]["url"] is None  # the Exclaimer article has no address
    assert by_factor["product_led"]["answer"] is True
    assert {"factor": "leader_with_both_skills", "to": False, "recommendation": "separate"}.items() <= next(
        f for f in report["flip"] if f["factor"] == "leader_with_both_skills"
    ).items()
    assert {r["shape"] for r in report["risks"]} == {"combine"}


def test_the_readable_report_says_what_why_the_risks_and_what_would_change_it(cli_env, answers_file):
    result = run(["--answers", str(answers_file(STARTUP))], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Recommendation: COMBINE\n")
    for heading in ("\nWhy\n", "\nRisks of one CPTO\n", "\nWhat would change the outcome\n"):
        assert heading in result.stdout
    assert "(no public address)" in result.stdout and "https://cto.academy/" in result.stdout


def test_without_answers_it_assesses_the_defaults_and_the_template_gives_the_same(cli_env, answers_file):
    defaults = json.loads(run(["--json"], cli_env).stdout)
    template = run(["--template"], cli_env).stdout
    assert "leader_with_both_skills: false  # true | false" in template
    assert json.loads(run(["--json", "--answers", str(answers_file(template))], cli_env).stdout) == defaults


def test_a_bad_answers_file_exits_2_naming_file_line_and_field(cli_env, answers_file):
    path = answers_file("stage: startup\nproduct_led: maybe\nheadcount: 40\n")
    result = run(["--json", "--answers", str(path)], cli_env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:2: product_led: 'maybe' is not an answer (expected true or false)",
        (
            f"{path}:3: headcount: unknown question (expected one of: stage, product_market_fit, tech_stability_work, "
            "product_led, digital_transformation, rapid_iteration, leader_with_both_skills, product_tech_friction)"
        ),
    ]


def test_unreadable_or_unparseable_answers_exit_2(cli_env, answers_file, tmp_path):
    missing = run(["--answers", str(tmp_path / "nope.yaml")], cli_env)
    assert (missing.returncode, missing.stderr.strip()) == (
        2,
        f"{tmp_path / 'nope.yaml'}: cannot read: No such file or directory",
    )
    path = answers_file("stage: [startup\n")
    broken = run(["--answers", str(path)], cli_env)
    assert broken.returncode == 2 and broken.stderr.startswith(f"{path}:2: not valid YAML")


def test_a_broken_rules_file_exits_2_naming_its_line(cli_env, tmp_path):
    shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    rules = tmp_path / "knowledge" / "assessment.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("direction: separate", "direction: sideways", 1))
    result = run(["--json"], {**cli_env, "WHOOWNS_KNOWLEDGE_DIR": str(tmp_path / "knowledge")})
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{rules}:") and "factors[0].answers[2].direction: Input should be 'combine'" in line
    number = int(line.removeprefix(f"{rules}:").split(":")[0])
    assert rules.read_text(encoding="utf-8").splitlines()[number - 1].strip() == "direction: sideways"


def test_json_lists_what_the_recommendation_moves_in_the_organisation(cli_env, answers_file, tmp_path):
    report = json.loads(run(["--json", "--answers", str(answers_file(STARTUP))], cli_env).stdout)
    assert report["moves_summary"] == "Combining into a CPTO moves 82 topics: 50 from the CTO, 32 from the CPO."
    assert len(report["moves"]) == 82
    assert {"id": "technical-strategy", "topic": "Technical strategy and direction", "from": "CTO", "to": "CPTO"} in (
        report["moves"]
    )
    org = tmp_path / "org.yaml"
    org.write_text("roles: {CEO: {}, CPTO: {covers: [CTO, CPO]}}\n", encoding="utf-8")
    already = json.loads(run(["--json", "--org", str(org), "--answers", str(answers_file(STARTUP))], cli_env).stdout)
    assert already["moves"] == [] and already["moves_summary"].endswith("moves no topic in this organisation.")


def test_the_report_ends_with_what_moves(cli_env, answers_file):
    result = run(["--answers", str(answers_file(STARTUP))], cli_env)
    assert "What moves\n  Combining into a CPTO moves 82 topics" in result.stdout
    assert "  • Technical strategy and direction: CTO → CPTO" in result.stdout
