"""Time to answer one question, and a batch of 1,000, with the shipped and a generated 10,000-entry KB.

Prints figures; checks nothing. Targets on the 2-core reference machine: p99 under 2 ms with the shipped
knowledge base, under 20 ms with 10,000 responsibilities (lexical matcher). Start-up, the CLI and the
semantic matcher are timed by `bench/bench_startup.py`.

    .venv/bin/python bench/bench_answer.py [--seed N]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from pathlib import Path

from bot.core.answer import Engine
from bot.core.knowledge_files import load_knowledge
from bot.core.models import Citation, KnowledgeBase, Responsibility

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_QUESTIONS = [
    "who owns hosting costs?",
    "<@U0BOT> who handles pricng?",
    "cloud spend is out of control, who do I talk to?",
    "who decides which tech stack we use?",
    "who is responsible for regulatory compliance",
    "whose call is it to prioritise the backlog",
    "what's the wifi password?",
    "who owns the office coffee machine?",
    "how do I book a meeting room?",
    "who tracks how the product performs after launch?",
]


def generated_kb(shipped: KnowledgeBase, size: int, rng: random.Random) -> tuple[KnowledgeBase, list[str]]:
    """`size` responsibilities over a vocabulary of made-up words, and questions that hit, miss and typo."""
    syllables = ["ka", "lo", "mi", "ter", "van", "sul", "dor", "pe", "qui", "ran", "tob", "ex", "ul", "zen", "fa"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(6000)})
    owners = [r.id for r in shipped.roles if r.id != "CPTO"]
    source = shipped.sources[0].id

    def phrase() -> str:
        return " ".join(rng.sample(vocabulary, rng.randint(2, 3)))

    items = [
        Responsibility(
            id=f"topic-{n}",
            title=phrase(),
            owner=rng.choice(owners),
            aliases=tuple(dict.fromkeys(phrase() for _ in range(6))),
            reasoning="Generated for the benchmark.",
            citation=Citation(source=source, quote="generated"),
        )
        for n in range(size)
    ]
    questions = []
    for _ in range(200):
        alias = rng.choice(rng.choice(items).aliases)
        typo = alias.replace(alias[2], "", 1) if rng.random() < 0.3 else alias
        questions += [f"who owns {typo}?", f"who handles {alias} and {rng.choice(vocabulary)}", "where is the printer"]
    kb = KnowledgeBase(roles=shipped.roles, sources=shipped.sources, responsibilities=tuple(items))
    return kb, questions


def time_answers(engine: Engine, questions: list[str], rounds: int) -> list[float]:
    for question in questions:  # warm caches (typo corrections) as a running server would have them
        engine.answer(question)
    timings = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            engine.answer(question)
            timings.append(time.perf_counter() - start)
    return timings


def report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    print(
        f"{label:44s} median {statistics.median(ordered) * 1000:6.3f} ms   "
        f"p99 {p99 * 1000:6.3f} ms   (n={len(ordered)})"
    )


def batch_seconds(engine: Engine, questions: list[str]) -> float:
    batch = (questions * (1000 // len(questions) + 1))[:1000]
    start = time.perf_counter()
    for question in batch:
        engine.answer(question)
    return time.perf_counter() - start


def measure(label: str, kb: KnowledgeBase, questions: list[str], rounds: int) -> None:
    """Build the engine for `kb`, then time single questions and a batch of 1,000."""
    start = time.perf_counter()
    engine = Engine(kb)
    print(
        f"{label}: {len(kb.responsibilities)} responsibilities, engine built in "
        f"{(time.perf_counter() - start) * 1000:.0f} ms"
    )
    report(f"one question, {label}", time_answers(engine, questions, rounds))
    print(f"{'batch of 1,000, ' + label:44s} {batch_seconds(engine, questions) * 1000:7.1f} ms in process")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    shipped = load_knowledge(ROOT / "knowledge")
    measure("shipped KB", shipped, SHIPPED_QUESTIONS, rounds=300)
    big, questions = generated_kb(shipped, 10_000, random.Random(args.seed))
    measure("10,000 entries", big, questions, rounds=3)
    print(f"peak memory (RSS) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
