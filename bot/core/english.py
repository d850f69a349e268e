"""How often a word occurs in English, from pyspellchecker's English word frequencies, read in milliseconds.

The matcher asks it of every word of every question (is this everyday English?) and of every unknown
word before taking it for a typo (a real word is another topic, not a misspelling). pyspellchecker's own
loader turns a 160,000-entry JSON object into a dict, which took 0.3–0.5 s of every start; the same table,
shipped as two sorted columns (`english_frequency.txt`, 2 MB, written by `scripts/english_frequency.py` and
checked against pyspellchecker by `tests/core/test_english.py`), is read in about 30 ms and looked up by
bisection, a few microseconds a word. It is not compressed: unzipping it would cost as much again.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

FREQUENCY_FILE = Path(__file__).with_name("english_frequency.txt")
COLUMNS = "\n\n"  # between the words, one a line in sorted order, and their counts, one a line in the same order


@lru_cache(maxsize=1)
def _table() -> tuple[list[str], list[str]]:
    """The words and their counts (kept as text: only the few looked up are ever turned into numbers)."""
    words, counts = FREQUENCY_FILE.read_text(encoding="utf-8").split(COLUMNS)
    return words.split("\n"), counts.split("\n")


def english_frequency(word: str) -> int:
    """How many times `word` (lower case) occurs in pyspellchecker's English corpus; 0 for a word it lacks."""
    words, counts = _table()
    index = bisect_left(words, word)
    return int(counts[index]) if index < len(words) and words[index] == word else 0


def frequency_table(frequencies: dict[str, int]) -> str:
    """The shipped file's text for a word -> count table (the inverse of `_table`)."""
    words = sorted(frequencies)
    return "\n".join(words) + COLUMNS + "\n".join(str(frequencies[w]) for w in words)
