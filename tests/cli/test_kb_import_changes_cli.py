"""`kb import` says what it changes, retires missing topics only when asked, and `--dry-run` changes nothing."""

import copy
import json

import yaml

from tests.cli.running import run


def exported(cli_env):
    return yaml.safe_load(run(["kb", "export"], cli_env).stdout)


def entry(data, responsibility_id):
    return next(r for r in data["responsibilities"] if r["id"] == responsibility_id)


def write(tmp_path, data):
    path = tmp_path / "kb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def edited_file(cli_env, tmp_path):
    """Pricing left out, hosting costs moved to the CEO with a new reasoning, a new topic."""
    data = exported(cli_env)
    new = copy.deepcopy(entry(data, "hosting-costs"))
    new.update(id="office-coffee", title="Office coffee", aliases=["espresso machine"])
    hosting = entry(data, "hosting-costs")
    hosting["owner"], hosting["reasoning"] = "CEO", "Here the CEO signs every cloud contract."
    data["responsibilities"] = [r for r in data["responsibilities"] if r["id"] != "pricing"] + [new]
    return write(tmp_path, data)


SUMMARY = """\
{path}: 1 topic added, 1 changed, 0 retired, 1 owner moved
  added    office-coffee: Office coffee (CTO)
  changed  hosting-costs: Hosting costs
  owner    hosting-costs: Hosting costs: CTO → CEO
  kept     1 topic the file does not list stays as it is (retire it with --retire-missing): pricing
  answers  default organisation: 1 topic changes hands: 1 from the CTO to the CEO.
  moves    hosting-costs: Hosting costs: CTO → CEO
"""


def test_dry_run_prints_what_would_change_and_changes_nothing(cli_env, tmp_path):
    before = run(["kb", "export"], cli_env).stdout
    path = edited_file(cli_env, tmp_path)
    result = run(["kb", "import", str(path), "--dry-run"], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == SUMMARY.format(path=path)
    assert result.stderr == "dry run: nothing was changed\n"
    assert run(["kb", "export"], cli_env).stdout == before


def test_an_import_prints_the_same_summary_and_keeps_topics_the_file_lacks(cli_env, tmp_path):
    path = edited_file(cli_env, tmp_path)
    result = run(["kb", "import", str(path)], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == SUMMARY.format(path=path)
    assert json.loads(run(["ask", "--json", "who owns pricing?"], cli_env).stdout)["role"] == "CPO"


def test_missing_topics_are_retired_only_with_retire_missing(cli_env, tmp_path):
    data = exported(cli_env)
    data["responsibilities"] = [r for r in data["responsibilities"] if r["id"] != "pricing"]
    result = run(["kb", "import", str(write(tmp_path, data)), "--retire-missing"], cli_env)
    assert result.returncode == 0, result.stderr
    assert "0 topics added, 0 changed, 1 retired, 0 owners moved" in result.stdout
    assert "  retired  pricing: Pricing\n" in result.stdout
    assert json.loads(run(["ask", "--json", "who owns pricing?"], cli_env).stdout)["responsibility"] != {
        "id": "pricing",
        "title": "Pricing",
    }


def test_an_owner_moved_without_new_reasoning_or_source_needs_force(cli_env, tmp_path):
    before = run(["kb", "export"], cli_env).stdout
    data = exported(cli_env)
    entry(data, "hosting-costs")["owner"] = "CEO"
    path = write(tmp_path, data)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text == "  owner: CEO")
    index = [r["id"] for r in data["responsibilities"]].index("hosting-costs")
    refused = run(["kb", "import", str(path)], cli_env)
    assert refused.returncode == 2
    assert refused.stderr == (
        f"{path}:{line}: responsibilities[{index}].owner: the owner moves from CTO to CEO but the reasoning and "
        "the quoted source still argue for CTO: update them too, or pass --force (to change the owner for one "
        "workspace only, use an override: org.overrides in the file, or /whoowns admin)\n"
    )
    assert run(["kb", "export"], cli_env).stdout == before
    forced = run(["kb", "import", str(path), "--force"], cli_env)
    assert forced.returncode == 0, forced.stderr
    assert forced.stderr.startswith(f"warning: {path}:{line}: responsibilities[{index}].owner: the owner moves")
    assert json.loads(run(["ask", "--json", "who owns hosting costs?"], cli_env).stdout)["role"] == "CEO"


def test_a_dry_run_with_settings_lists_every_topic_the_workspaces_answers_move(cli_env, tmp_path):
    data = exported(cli_env)
    data["org"] = {"roles": {"CEO": {}, "CPTO": {"covers": ["CTO", "CPO"]}, "COO": {}}}
    result = run(["kb", "import", str(write(tmp_path, data)), "--team", "T0MOVES", "--create", "--dry-run"], cli_env)
    assert result.returncode == 0, result.stderr
    moved = "82 topics change hands: 50 from the CTO to the CPTO, 32 from the CPO to the CPTO."
    assert f"  answers  workspace T0MOVES: {moved}\n" in result.stdout
    assert "  moves    pricing: Pricing: CPO → CPTO\n" in result.stdout
    assert result.stdout.count("  moves    ") == 82
