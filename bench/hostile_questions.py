"""Worst time to answer hostile questions, per input class, in process with the shipped knowledge base.

A member can type anything up to Slack's message size (40,000 characters): unclosed markup that a
backtracking regex would chew on (`<http:`, `<mailto:`, `<@`, `<!`, and `&lt;http:`, which Slack sends
for a typed `<`), random words, made-up words that go down the typo-correction path, and a long but
real-looking question. Each is timed at several sizes up to 100,000 characters (beyond Slack's limit,
to show the time does not grow with the size); the figures are the worst of `--repeat` runs at any
size, in wall-clock time and in the thread's CPU time (which leaves out time the machine gave to other
work), and the median wall-clock time.

Prints figures; checks nothing. Target on the 2-core reference machine: every class under 20 ms.

    .venv/bin/python bench/hostile_questions.py [--repeat 5] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import time
from collections.abc import Callable

from bot.config import REPO_ROOT, Settings
from bot.core.answer import Engine
from bot.core.knowledge_files import load_knowledge
from bot.core.normalise import MAX_QUESTION_CHARS
from bot.wiring import build_embeddings

SIZES = (1_000, 10_000, 40_000, 100_000)
REAL_QUESTION = (
    "hey, quick question about something that came up in the planning meeting this morning: the cloud "
    "bill went up again and finance wants to know who signs off on hosting costs, "
)


def repeated(unit: str) -> Callable[[int, random.Random], str]:
    return lambda size, _rng: (unit * (size // len(unit) + 1))[:size]


def random_text(size: int, rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_letters + string.digits + string.punctuation + " " * 10, k=size))


def typo_words(size: int, rng: random.Random) -> str:
    """Made-up words one edit from nothing English: each one is looked up by the typo corrector."""
    letters = "bcdfghjklmnpqrstvwxz"
    words: list[str] = []
    while sum(map(len, words)) + len(words) < size:
        words.append("".join(rng.choices(letters, k=rng.randint(6, 9))))
    return " ".join(words)[:size]


def long_real_question(size: int, _rng: random.Random) -> str:
    return ("<@U0BOT> " + REAL_QUESTION * (size // len(REAL_QUESTION) + 1))[:size]


CLASSES: dict[str, Callable[[int, random.Random], str]] = {
    "<http: repeated": repeated("<http:"),
    "<mailto: repeated": repeated("<mailto:"),
    "<@ repeated": repeated("<@"),
    "<! repeated": repeated("<!"),
    "<# repeated": repeated("<#C1"),
    "&lt;http: repeated": repeated("&lt;http:"),
    ":emoji without end": repeated(":a"),
    "random text": random_text,
    "typo-correction path": typo_words,
    "long real-looking question": long_real_question,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--lexical-only", action="store_true", help="without the semantic matcher")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    semantic = not args.lexical_only
    embeddings = build_embeddings(Settings(WHOOWNS_SEMANTIC=True)) if semantic else None
    engine = Engine(load_knowledge(REPO_ROOT / "knowledge"), embeddings)
    engine.answer("who owns the coffee machine?")  # loads the word list and the model once, as a server does
    print(f"matchers: {'lexical and semantic' if semantic else 'lexical only'}")
    print(f"questions are cut to {MAX_QUESTION_CHARS} characters before matching; sizes {SIZES}")
    print("| input class | worst ms | worst CPU ms | median ms | worst at size | answered |")
    print("|---|---|---|---|---|---|")
    for name, make in CLASSES.items():
        walls, cpus, worst_size, known = [], [], 0, False
        for size in SIZES:
            for _ in range(args.repeat):
                question = make(size, rng)  # fresh text each run: no cache helps
                started, started_cpu = time.perf_counter(), time.thread_time()
                answer = engine.answer(question)
                cpus.append((time.thread_time() - started_cpu) * 1000)
                walls.append((time.perf_counter() - started) * 1000)
                if walls[-1] == max(walls):
                    worst_size, known = size, answer.known
        print(
            f"| {name} | {max(walls):.1f} | {max(cpus):.1f} | {statistics.median(walls):.1f} | {worst_size:,} "
            f"| {'yes' if known else 'refused politely'} |"
        )


if __name__ == "__main__":
    main()
