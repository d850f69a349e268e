"""`kb import` from the command line: recorded in the history as the person at the terminal."""

import getpass

import yaml
from sqlalchemy import create_engine, select

from bot.store.tables import AuditRow
from tests.cli.running import run


def test_an_import_is_recorded_as_a_change_by_the_command_line_user(cli_env, tmp_path):
    data = yaml.safe_load(run(["kb", "export"], cli_env).stdout)
    next(r for r in data["responsibilities"] if r["id"] == "pricing")["owner"] = "COO"
    (tmp_path / "kb.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    result = run(["kb", "import", str(tmp_path / "kb.yaml"), "--force"], cli_env)
    assert result.returncode == 0, result.stderr
    assert "recorded in the history as change #1" in result.stderr
    engine = create_engine(f"sqlite:///{cli_env['WHOOWNS_DB_PATH']}")
    with engine.connect() as connection:
        entry = connection.execute(select(AuditRow.actor, AuditRow.action)).one()
    engine.dispose()
    assert tuple(entry) == (f"cli:{getpass.getuser()}", "kb.import")


def test_importing_what_is_stored_changes_nothing_and_says_so(cli_env, tmp_path):
    (tmp_path / "kb.yaml").write_text(run(["kb", "export", "--team", "T0ACME", "--create"], cli_env).stdout)
    assert run(["kb", "import", str(tmp_path / "kb.yaml"), "--team", "T0ACME", "--create"], cli_env).returncode == 0
    result = run(["kb", "import", str(tmp_path / "kb.yaml"), "--team", "T0ACME"], cli_env)
    assert result.returncode == 0 and "nothing changed" in result.stderr


def test_a_settings_problem_names_file_line_and_field_and_exits_non_zero(cli_env, tmp_path):
    before = run(["kb", "export", "--team", "T0ACME", "--create"], cli_env).stdout
    bundle = tmp_path / "kb.yaml"
    bundle.write_text(before.replace("fallback: CEO", "fallback: CFO"))
    result = run(["kb", "import", str(bundle), "--team", "T0ACME", "--create"], cli_env)
    line = before.splitlines().index("  fallback: CEO") + 1
    assert result.returncode == 2
    assert f"{bundle}:{line}: org.fallback: 'CFO' is not one of this organisation's roles" in result.stderr
    assert run(["kb", "export", "--team", "T0ACME", "--create"], cli_env).stdout == before


def test_a_file_with_settings_needs_a_workspace(cli_env, tmp_path):
    (tmp_path / "kb.yaml").write_text(run(["kb", "export", "--team", "T0ACME", "--create"], cli_env).stdout)
    result = run(["kb", "import", str(tmp_path / "kb.yaml")], cli_env)
    assert result.returncode == 2 and "say which workspace they are for with --team" in result.stderr


def test_an_unknown_workspace_is_an_error_unless_created(cli_env, tmp_path):
    result = run(["kb", "export", "--team", "T0NOPE"], cli_env)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "whoowns: no workspace T0NOPE: it has no stored settings and the app is not installed there "
        "(check the team id, or pass --create to start its settings)\n"
    )
    (tmp_path / "kb.yaml").write_text(run(["kb", "export", "--team", "T0NEW", "--create"], cli_env).stdout)
    typo = run(["kb", "import", str(tmp_path / "kb.yaml"), "--team", "T0TYPO"], cli_env)
    assert typo.returncode == 2 and "no workspace T0TYPO" in typo.stderr
    assert run(["kb", "export", "--team", "T0TYPO"], cli_env).returncode == 2  # nothing was created
    asked = run(["ask", "--team", "T0TYPO", "who owns pricing?"], cli_env)
    assert asked.returncode == 2 and "no workspace T0TYPO" in asked.stderr
    created = run(["kb", "import", str(tmp_path / "kb.yaml"), "--team", "T0TYPO", "--create"], cli_env)
    assert created.returncode == 0, created.stderr
    assert run(["kb", "export", "--team", "T0TYPO"], cli_env).returncode == 0


def test_a_team_id_that_cannot_be_one_is_refused(cli_env):
    result = run(["kb", "export", "--team", "t0acme; drop", "--create"], cli_env)
    assert result.returncode == 2
    assert result.stderr == "whoowns: 't0acme; drop' is not a Slack team id (like T0123ABCD)\n"
