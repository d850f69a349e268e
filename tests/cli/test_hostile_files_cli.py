"""Every file the command line reads, when hostile or broken: exit status 2 and one line naming file and problem."""

from pathlib import Path

import pytest

from tests.cli.running import run

BILLION_LAUGHS = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)
FILES = {
    "billion-laughs": (BILLION_LAUGHS.encode(), "anchors and aliases"),
    "deep": (b"name: " + b"[" * 20_000 + b"]" * 20_000, "nested more than 50 levels deep"),
    "latin-1": ("name: Caf\xe9\n".encode("latin-1"), "not UTF-8 text"),
    "utf-16": ("name: Acme\n".encode("utf-16"), "UTF-16 text"),
    "duplicate-key": (b"name: Acme\nname: Acme Corp\n", "name: given twice (first on line 1)"),
}
COMMANDS = {
    "kb validate": lambda path: ["kb", "validate", str(path)],
    "kb import": lambda path: ["kb", "import", str(path)],
    "ask --org": lambda path: ["ask", "--org", str(path), "who owns pricing?"],
    "assess --answers": lambda path: ["assess", "--answers", str(path)],
}


def refused_in_one_line(result, path) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith(str(path))
    return line


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", FILES)
def test_a_hostile_file_is_refused_in_one_line(cli_env, tmp_path, command, kind):
    content, problem = FILES[kind]
    path = tmp_path / f"{kind}.yaml"
    path.write_bytes(content)
    assert problem in refused_in_one_line(run(COMMANDS[command](path), cli_env), path)


@pytest.mark.parametrize("command", COMMANDS)
def test_dev_zero_a_folder_and_a_missing_file_are_refused_in_one_line(cli_env, tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = {Path("/dev/zero"): "larger than 8 MiB", tmp_path / "missing.yaml": "No such file or directory"}
    cases[empty] = "no knowledge files here" if command.startswith("kb") else "is a folder, not a file"
    for path, problem in cases.items():
        assert problem in refused_in_one_line(run(COMMANDS[command](path), cli_env), path)
