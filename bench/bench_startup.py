"""What a question costs from a cold start and in a running process, with the semantic matcher on.

Prints figures; checks nothing. Targets on the 2-core reference machine (issue 10): `python -m bot ask`
of one question in 0.8 s when the lexical matcher answers it, 1.5 s when it needs the model; 1,000 mixed
questions through `ask --json` in 3 s with start-up; p99 per question in process 15 ms; peak RSS 350 MB.

Every question of the shared sets and ours is asked: in process, each distinct question once (no
question cache), by the lexical matcher alone and by the fused engine with each encoder runtime; and
through the CLI, one question at a time and as one batch of 1,000 (the sets' questions in turn), answered
from the snapshot an earlier `ask` left, and once more with no snapshot (as after an admin's change). Wall
clock and CPU time are both printed: on a machine busy with other work the wall clock mostly measures
waiting for a core, and the CPU time is what the work costs.

    .venv/bin/python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bench_matchers import TIMED

from bot.config import Settings
from bot.core.answer import Engine
from bot.core.encoder import SentenceEncoder
from bot.core.knowledge_files import load_knowledge
from bot.wiring import build_embeddings

ROOT = Path(__file__).resolve().parent.parent
LEXICAL_QUESTION = "who owns hosting costs?"
SEMANTIC_QUESTION = "who grows the engineering org?"  # no alias has these words: the semantic matcher answers


def questions() -> list[str]:
    return [case["q"] for path in TIMED.values() for case in yaml.safe_load(path.read_text())["cases"]]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def in_process(asked: list[str]) -> None:
    """Each distinct question once per engine, engines taking turns question by question (so that they
    share whatever else the machine is doing), after the model and entry vectors are loaded."""
    kb = load_knowledge(Settings().knowledge_dir)
    engines: dict[str, Engine] = {"lexical": Engine(kb)}
    for runtime in ("numpy", "onnx"):
        embeddings = build_embeddings(Settings(WHOOWNS_SEMANTIC=True))
        embeddings._encoder = SentenceEncoder(runtime=runtime)  # this runtime, not the default one
        engines[f"fused, {runtime} encoder"] = Engine(kb, embeddings)
        engines[f"fused, {runtime} encoder"].answer(SEMANTIC_QUESTION)
    timings: dict[str, list[tuple[float, float]]] = {label: [] for label in engines}
    for question in dict.fromkeys(asked):
        for label, engine in engines.items():
            wall, cpu = time.perf_counter(), time.thread_time()
            engine.answer(question)
            timings[label].append((time.perf_counter() - wall, time.thread_time() - cpu))
    print(f"per question in process, {len(timings['lexical'])} distinct questions (ms):")
    print(f"  {'':24s} {'median':>8s} {'p99':>8s} {'CPU median':>11s} {'CPU p99':>8s}")
    for label, pairs in timings.items():
        walls, cpus = [w * 1000 for w, _ in pairs], [c * 1000 for _, c in pairs]
        print(
            f"  {label:24s} {statistics.median(walls):8.2f} {percentile(walls, 0.99):8.2f} "
            f"{statistics.median(cpus):11.2f} {percentile(cpus, 0.99):8.2f}"
        )


def cli(args: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, float, float]:
    """`python -m bot ARGS`: wall-clock and CPU seconds, start-up and database included, and peak RSS (MiB)."""
    wall = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    child.stdin.write(stdin or "")
    child.stdin.close()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"whoowns {' '.join(args[:2])} failed with status {child.returncode}")
    return time.perf_counter() - wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def report(label: str, runs: list[tuple[float, float, float]]) -> None:
    walls, cpus, rss = zip(*runs, strict=True)
    print(
        f"  {label:44s} {statistics.median(walls):6.2f} s wall, {statistics.median(cpus):5.2f} s CPU "
        f"(median of {len(runs)}), peak RSS {max(rss):.0f} MiB"
    )


def through_the_cli(asked: list[str], runs: int) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_DATA_HOME": home, "WHOOWNS_SNAPSHOT_DIR": f"{home}/snapshots"}
        cli(["ask", LEXICAL_QUESTION], env)  # migrate and seed the new database, as the first run after install
        cli(["ask", SEMANTIC_QUESTION], env)  # entry vectors computed and cached, as after a release
        print("through the CLI (python -m bot ask), database ready, answered from the snapshot an ask left:")

        def once(question: str) -> tuple[float, float, float]:
            return cli(["ask", question], env)

        def after_a_change() -> tuple[float, float, float]:
            """No snapshot for the knowledge as it stands: the database read, as after an admin's change."""
            with tempfile.TemporaryDirectory() as snapshots:
                return cli(["ask", LEXICAL_QUESTION], {**env, "WHOOWNS_SNAPSHOT_DIR": snapshots})

        report("one question the lexical matcher answers", [once(LEXICAL_QUESTION) for _ in range(runs)])
        report("the same, right after the knowledge changed", [after_a_change() for _ in range(runs)])
        report("one question that needs the model", [once(SEMANTIC_QUESTION) for _ in range(runs)])
        batch = "\n".join((asked * (1000 // len(asked) + 1))[:1000]) + "\n"
        report("1,000 mixed questions (ask --json on stdin)", [cli(["ask", "--json"], env, batch) for _ in range(runs)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="CLI runs of each kind (the median is printed)")
    args = parser.parse_args()
    asked = questions()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    through_the_cli(asked, args.runs)
    in_process(asked)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS in process (three engines, both runtimes) {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
