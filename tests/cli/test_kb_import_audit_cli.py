"""`kb import` through a real subprocess: recorded in the history as the person at the terminal."""

import getpass

import yaml
from sqlalchemy import create_engine, select

from bot.store.tables import AuditRow
from tests.cli.test_ask_cli import run


def test_an_import_is_recorded_as_a_change_by_the_command_line_user(cli_env, tmp_path):
    data = yaml.safe_load(run(["kb", "export"], cli_env).stdout)
    next(r for r in data["responsibilities"] if r["id"] == "pricing")["owner"] = "COO"
    (tmp_path / "kb.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    result = run(["kb", "import", str(tmp_path / "kb.yaml")], cli_env)
    assert result.returncode == 0, result.stderr
    assert "recorded in the history as change #1" in result.stderr
    engine = create_engine(f"sqlite:///{cli_env['WHOOWNS_DB_PATH']}")
    with engine.connect() as connection:
        entry = connection.execute(select(AuditRow.actor, AuditRow.action)).one()
    engine.dispose()
    assert tuple(entry) == (f"cli:{getpass.getuser()}", "kb.import")


def test_importing_what_is_stored_changes_nothing_and_says_so(cli_env, tmp_path):
    (tmp_path / "kb.yaml").write_text(run(["kb", "export", "--team", "T0ACME"], cli_env).stdout)
    result = run(["kb", "import", str(tmp_path / "kb.yaml"), "--team", "T0ACME"], cli_env)
    assert result.returncode == 0 and "nothing changed" in result.stderr


def test_a_settings_problem_names_file_line_and_field_and_exits_non_zero(cli_env, tmp_path):
    before = run(["kb", "export", "--team", "T0ACME"], cli_env).stdout
    bundle = tmp_path / "kb.yaml"
    bundle.write_text(before.replace("fallback: CEO", "fallback: CFO"))
    result = run(["kb", "import", str(bundle), "--team", "T0ACME"], cli_env)
    line = before.splitlines().index("  fallback: CEO") + 1
    assert result.returncode == 2
    assert f"{bundle}:{line}: org.fallback: 'CFO' is not one of this organisation's roles" in result.stderr
    assert run(["kb", "export", "--team", "T0ACME"], cli_env).stdout == before


def test_a_file_with_settings_needs_a_workspace(cli_env, tmp_path):
    (tmp_path / "kb.yaml").write_text(run(["kb", "export", "--team", "T0ACME"], cli_env).stdout)
    result = run(["kb", "import", str(tmp_path / "kb.yaml")], cli_env)
    assert result.returncode == 2 and "say which workspace they are for with --team" in result.stderr
