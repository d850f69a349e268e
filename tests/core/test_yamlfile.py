"""Every YAML file the app reads is refused, in one line naming file and problem, when it is hostile or broken."""

from pathlib import Path

import pytest

from bot.core.knowledge_files import load_knowledge
from bot.core.yamlfile import InvalidFile, read_yaml


def write(tmp_path: Path, content: str | bytes, name: str = "file.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def refusal(path: Path) -> str:
    with pytest.raises(InvalidFile) as refused:
        read_yaml(path)
    assert len(refused.value.messages) >= 1 and all("\n" not in m for m in refused.value.messages)
    return str(refused.value)


def test_a_duplicate_key_is_refused_naming_both_lines(tmp_path):
    path = write(tmp_path, "name: Acme\nroles:\n  CEO: {}\nfallback: CEO\nroles:\n  CTO: {}\n")
    assert refusal(path) == f"{path}:5: roles: given twice (first on line 2)"


def test_a_duplicate_key_inside_an_entry_is_refused_too(tmp_path):
    path = write(tmp_path, "responsibilities:\n  - id: pricing\n    owner: CPO\n    owner: CTO\n")
    assert refusal(path) == f"{path}:4: responsibilities[0].owner: given twice (first on line 3)"


def test_billion_laughs_is_refused_at_its_first_alias(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    assert refusal(path) == f"{path}:1: anchors and aliases (&name, *name) are not allowed in these files"


def test_a_recursive_alias_is_refused(tmp_path):
    path = write(tmp_path, "roles: &loop\n  CEO: *loop\n")
    assert "anchors and aliases (&name, *name) are not allowed" in refusal(path)


@pytest.mark.parametrize("depth", [51, 200])
def test_deep_block_nesting_is_refused_at_the_level_past_the_limit(tmp_path, depth):
    path = tmp_path / "deep.yaml"
    path.write_text("".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "v\n")
    assert refusal(path) == f"{path}:51: nested more than 50 levels deep"


def test_deep_nesting_is_refused(tmp_path):
    path = write(tmp_path, "roles: " + "[" * 20_000 + "]" * 20_000 + "\n")
    assert refusal(path) == f"{path}:1: nested more than 50 levels deep"


def test_latin1_text_is_refused_naming_the_line(tmp_path):
    path = write(tmp_path, "name: Acme\nreasoning: caf\xe9\n".encode("latin-1"))
    assert refusal(path) == f"{path}:2: not UTF-8 text (byte 0xe9): save the file as UTF-8"


def test_utf16_text_is_refused(tmp_path):
    path = write(tmp_path, "name: Acme\n".encode("utf-16"))
    assert refusal(path) == f"{path}: UTF-16 text: save the file as UTF-8"


def test_a_device_that_never_ends_is_refused_without_reading_it_all():
    assert refusal(Path("/dev/zero")) == "/dev/zero: larger than 8 MiB: not a knowledge or settings file"


def test_binary_content_is_refused(tmp_path):
    path = write(tmp_path, b"name: Acme\n\x00\x01\x02")
    assert refusal(path) == f"{path}:2: not a text file (it holds a NUL byte)"


def test_a_directory_and_a_missing_file_are_refused(tmp_path):
    assert refusal(tmp_path) == f"{tmp_path}: is a folder, not a file"
    assert refusal(tmp_path / "nope.yaml") == f"{tmp_path / 'nope.yaml'}: cannot read: No such file or directory"


def test_an_empty_knowledge_folder_is_refused(tmp_path):
    with pytest.raises(InvalidFile) as refused:
        load_knowledge(tmp_path)
    assert str(refused.value) == (
        f"{tmp_path}: no knowledge files here (expected roles.yaml, sources.yaml, responsibilities.yaml)"
    )
