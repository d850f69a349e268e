"""The package installs and runs from a built wheel, not only as an editable checkout.

The wheel is built from a copy of the working tree (so no `build/` left over from an earlier build can
supply a file), installed with `--no-deps` into a fresh virtualenv, and asked a question from a folder
outside the repository. The dependencies come from this test run's own environment, put on PYTHONPATH:
an editable install's .pth file is not read from there, so `bot` can only be the wheel's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from bot.config import REPO_ROOT

NOT_SHIPPED = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")


def run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_carries_every_package_file_and_the_knowledge_and_answers_outside_the_repository(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(REPO_ROOT, source, ignore=NOT_SHIPPED)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", source)
    [wheel] = (tmp_path / "dist").glob("whoowns-*.whl")

    shipped = set(zipfile.ZipFile(wheel).namelist())
    package_files = {path.relative_to(source).as_posix() for path in (source / "bot").rglob("*") if path.is_file()}
    assert package_files - shipped == set(), "files under bot/ missing from the wheel (add them to package-data)"
    data = next(name.split("/data/")[0] for name in shipped if "/data/share/whoowns/" in name)
    knowledge = {f"{data}/data/share/whoowns/knowledge/{p.name}" for p in (source / "knowledge").glob("*.yaml")}
    assert knowledge and knowledge <= shipped

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--no-deps", "-q", wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "WHOOWNS_", "PYTHON"))},
        "PYTHONPATH": sysconfig.get_paths()["purelib"],
        "WHOOWNS_DB_PATH": str(elsewhere / "whoowns.db"),
    }
    where = run(python, "-c", "import bot; print(bot.__file__)", cwd=elsewhere, env=env).stdout
    assert where.startswith(str(venv))
    answer = run(python, "-m", "bot", "ask", "who owns hosting costs?", cwd=elsewhere, env=env).stdout
    assert "CTO" in answer
    assert (elsewhere / "whoowns.db").exists()
