"""The import modals from plain values: the upload form with a file's problems, capped, and escaped."""

from __future__ import annotations

from bot.slack.blocks.kb_import import ERROR_LINES, IMPORT_FILE, IMPORT_VIEW, ImportMetadata, build_import_modal


def test_the_upload_form_takes_one_yaml_file():
    view = build_import_modal("T0ACME").to_dict()
    [upload] = [b for b in view["blocks"] if b.get("block_id") == IMPORT_FILE]
    assert view["callback_id"] == IMPORT_VIEW and view["submit"]["text"] == "Check the file"
    assert upload["element"] == {
        "type": "file_input",
        "action_id": IMPORT_FILE,
        "filetypes": ["yaml", "yml"],
        "max_files": 1,
    }
    assert "python -m bot kb export --team T0ACME" in str(view)


def test_a_files_problems_head_the_form_escaped_and_at_most_ten_of_them():
    problems = [f"kb.yaml:{n}: roles.<CTO>: not a role" for n in range(1, 15)]
    text = build_import_modal("T0ACME", problems=problems).to_dict()["blocks"][0]["text"]["text"]
    assert text.count("\n• ") == ERROR_LINES and "…and 4 more problems." in text
    assert "• kb.yaml:1: roles.&lt;CTO&gt;: not a role" in text and "<CTO>" not in text


def test_the_confirmations_metadata_round_trips():
    shown = ImportMetadata(file_id="F0123", moves="abc123")
    assert ImportMetadata.load(shown.dump()) == shown and ImportMetadata.load("") == ImportMetadata("", "")
