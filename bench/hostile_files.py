"""How long a hostile or broken YAML file takes to be refused, in process, by the reader every file goes through.

Writes each case to a temporary folder (billion laughs, a recursive alias, 20,000-deep nesting, latin-1,
UTF-16, a duplicate key, binary content; `/dev/zero`, an empty folder, a folder given as a file, a missing
file), reads it as the command line would (`load_knowledge` for knowledge, `read_yaml` for settings and
answers files), and prints the slowest of a few runs and the one-line refusal. Target: under a second each.

    .venv/bin/python bench/hostile_files.py [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.knowledge_files import load_knowledge
from bot.core.yamlfile import InvalidFile, read_yaml

BILLION_LAUGHS = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)
CONTENTS = {
    "billion laughs": BILLION_LAUGHS.encode(),
    "recursive alias": b"roles: &loop\n  CEO: *loop\n",
    "20,000-deep nesting": b"roles: " + b"[" * 20_000 + b"]" * 20_000 + b"\n",
    "2,800-deep block nesting (8 MB)": "".join("  " * i + "a:\n" for i in range(2800)).encode(),
    "latin-1": "name: Caf\xe9\n".encode("latin-1"),
    "UTF-16": "name: Acme\n".encode("utf-16"),
    "duplicate key": b"name: Acme\nroles: {}\nname: Acme Corp\n",
    "binary": b"name: Acme\n\x00\x01\x02" * 1000,
}


def cases(folder: Path) -> dict[str, Callable[[], object]]:
    found: dict[str, Callable[[], object]] = {}
    for name, content in CONTENTS.items():
        path = folder / f"case-{len(found)}.yaml"
        path.write_bytes(content)
        found[name] = lambda path=path: read_yaml(path)
    (folder / "empty").mkdir()
    found["/dev/zero"] = lambda: read_yaml(Path("/dev/zero"))
    found["empty knowledge folder"] = lambda: load_knowledge(folder / "empty")
    found["a folder as a file"] = lambda: read_yaml(folder / "empty")
    found["missing file"] = lambda: read_yaml(folder / "missing.yaml")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"| case | worst of {args.runs} ms | refusal |\n|---|---|---|")
        for name, read in cases(folder).items():
            worst, said = 0.0, "ACCEPTED"
            for _ in range(args.runs):
                start = time.perf_counter()
                try:
                    read()
                except InvalidFile as error:
                    said = str(error).replace(str(folder), "…")
                worst = max(worst, time.perf_counter() - start)
            print(f"| {name} | {worst * 1000:.1f} | {said} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
