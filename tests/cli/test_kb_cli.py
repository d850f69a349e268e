"""`kb validate | import | export` on a private SQLite file (`tests/cli/running.py`)."""

import json

import yaml

from bot.core.knowledge_files import load_knowledge
from tests.cli.running import run
from tests.conftest import KNOWLEDGE_DIR


def test_validate_checks_the_shipped_knowledge(cli_env):
    result = run(["kb", "validate"], cli_env)
    assert result.returncode == 0, result.stderr
    shipped = load_knowledge(KNOWLEDGE_DIR)
    assert result.stdout.startswith(f"ok: {len(shipped.roles)} roles, {len(shipped.sources)} sources,")


def test_export_then_import_then_export_is_identical(cli_env, tmp_path):
    first = run(["kb", "export"], cli_env).stdout
    assert yaml.safe_load(first)["responsibilities"]
    (tmp_path / "kb.yaml").write_text(first)
    assert run(["kb", "import", str(tmp_path / "kb.yaml")], cli_env).returncode == 0
    assert run(["kb", "export"], cli_env).stdout == first


def test_an_edited_import_changes_the_next_answer(cli_env, tmp_path):
    for _ in range(2):  # the second answered from the snapshot the first left (README "Asking from the terminal")
        assert json.loads(run(["ask", "--json", "who owns hosting costs?"], cli_env).stdout)["role"] == "CTO"
    assert list((tmp_path / "snapshots").glob("*.pickle"))
    data = yaml.safe_load(run(["kb", "export"], cli_env).stdout)
    next(r for r in data["responsibilities"] if r["id"] == "hosting-costs")["owner"] = "CEO"
    (tmp_path / "kb.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    assert run(["kb", "import", str(tmp_path / "kb.yaml"), "--force"], cli_env).returncode == 0
    assert json.loads(run(["ask", "--json", "who owns hosting costs?"], cli_env).stdout)["role"] == "CEO"


def test_a_broken_import_names_the_problem_and_changes_nothing(cli_env, tmp_path):
    before = run(["kb", "export"], cli_env).stdout
    bundle = tmp_path / "kb.yaml"
    bundle.write_text(before.replace("owner: CPO", "owner: CXO", 1))
    result = run(["kb", "import", str(bundle)], cli_env)
    assert result.returncode == 2
    assert f"{bundle}:" in result.stderr and ".owner: unknown role 'CXO'" in result.stderr
    assert run(["kb", "export"], cli_env).stdout == before


def test_validate_refuses_an_alias_another_topic_has_naming_file_and_line(cli_env, tmp_path):
    exported = run(["kb", "export"], cli_env).stdout
    data = yaml.safe_load(exported)
    pricing = next(r for r in data["responsibilities"] if r["id"] == "pricing")
    later = len(data["responsibilities"]) - 1  # a topic listed after Pricing
    data["responsibilities"][later]["aliases"].append("Pricing")
    bundle = tmp_path / "kb.yaml"
    bundle.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    line = next(n for n, text in enumerate(bundle.read_text().splitlines(), 1) if text.strip() == "- Pricing")
    which = f"responsibilities[{later}].aliases[{len(data['responsibilities'][later]['aliases']) - 1}]"
    for command in (["kb", "validate", str(bundle)], ["kb", "import", str(bundle)]):
        result = run(command, cli_env)
        assert result.returncode == 2, result.stderr
        assert result.stderr == f"{bundle}:{line}: {which}: “Pricing” already belongs to “{pricing['title']}”\n"
    assert run(["kb", "export"], cli_env).stdout == exported
