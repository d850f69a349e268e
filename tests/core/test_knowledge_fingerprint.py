"""The shipped knowledge's fingerprint: its files' bytes and the loader's code, read without parsing YAML."""

import shutil

from bot.core.knowledge_files import fingerprint
from tests.conftest import KNOWLEDGE_DIR


def test_the_same_files_give_the_same_fingerprint_wherever_they_are(tmp_path):
    copy = shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    assert fingerprint(copy) == fingerprint(KNOWLEDGE_DIR)


def test_a_change_to_any_knowledge_file_changes_it(tmp_path):
    copy = shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    before = fingerprint(copy)
    for name in ("roles.yaml", "sources.yaml", "responsibilities.yaml", "synonyms.yaml"):
        path = copy / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n# edited\n")
        assert fingerprint(copy) != before, name
        path.write_bytes(original)
    (copy / "synonyms.yaml").unlink()
    assert fingerprint(copy) != before


def test_an_exported_single_file_has_one_too(tmp_path):
    exported = tmp_path / "export.yaml"
    exported.write_text("roles: []\n")
    first = fingerprint(exported)
    exported.write_text("roles: []\nsources: []\n")
    assert fingerprint(exported) != first
