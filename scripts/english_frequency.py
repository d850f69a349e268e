"""Write `bot/core/english_frequency.txt` from pyspellchecker's English word frequencies (run by hand).

    .venv/bin/pip install -e '.[test]'   # pyspellchecker is a test dependency: only this script reads it
    PYTHONPATH=. .venv/bin/python scripts/english_frequency.py

Run it after upgrading pyspellchecker when `tests/core/test_english.py` says the shipped table differs.
"""

from __future__ import annotations

from spellchecker import SpellChecker

from bot.core.english import FREQUENCY_FILE, frequency_table


def main() -> None:
    frequencies = dict(SpellChecker(language="en", distance=1).word_frequency.items())
    FREQUENCY_FILE.write_text(frequency_table(frequencies), encoding="utf-8")
    print(f"{FREQUENCY_FILE}: {len(frequencies)} words, {FREQUENCY_FILE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
