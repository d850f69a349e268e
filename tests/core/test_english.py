"""The shipped English word counts are pyspellchecker's, looked up without loading its dictionary."""

from spellchecker import SpellChecker

from bot.core.english import FREQUENCY_FILE, english_frequency, frequency_table


def test_the_shipped_table_is_pyspellchecker_s_english_word_list_exactly():
    reference = dict(SpellChecker(language="en", distance=1).word_frequency.items())
    # After a pyspellchecker upgrade changes its list: PYTHONPATH=. .venv/bin/python scripts/english_frequency.py
    assert FREQUENCY_FILE.read_text(encoding="utf-8") == frequency_table(reference)
    assert all(english_frequency(word) == count for word, count in list(reference.items())[::97])


def test_a_word_gets_its_count_and_a_word_english_lacks_gets_zero():
    assert english_frequency("day") > 50_000 > english_frequency("invoice") > 0
    assert english_frequency("pricng") == 0
    assert english_frequency("") == 0
    assert english_frequency("zzzzzzzzzz") == 0  # after the last word in sorted order
