"""The semantic matcher's counter-examples: the shipped file, and a damaged one reported by file and line."""

import pytest

from bot.core.counter_examples import FILE, load_counter_examples
from bot.core.yamlfile import InvalidFile
from tests.conftest import KNOWLEDGE_DIR


def test_the_shipped_counter_examples_are_many_and_distinct():
    messages = load_counter_examples(KNOWLEDGE_DIR)
    assert len(messages) >= 250
    assert len({m.casefold() for m in messages}) == len(messages)


def test_a_folder_without_the_file_has_none(tmp_path):
    assert load_counter_examples(tmp_path) == ()


def test_a_message_too_long_is_reported_with_file_line_and_field(tmp_path):
    (tmp_path / FILE).write_text(f'not_about_ownership:\n  - "where is lunch"\n  - "{"x" * 161}"\n')
    with pytest.raises(InvalidFile, match=rf"{FILE}:3: not_about_ownership\[1\]: String should have at most 160"):
        load_counter_examples(tmp_path)


def test_an_unknown_key_is_refused(tmp_path):
    (tmp_path / FILE).write_text("not_about_ownership: []\nextra: 1\n")
    with pytest.raises(InvalidFile, match=rf"{FILE}:2: extra: unknown field"):
        load_counter_examples(tmp_path)
