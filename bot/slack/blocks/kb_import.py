"""Importing a knowledge file in Slack, in Block Kit: the upload modal, what the file would change, the outcome.

The upload modal holds a `file_input` (YAML only, one file); after a check, the file's problems head it. The
confirmation lists what the import changes (topics added, changed, retired; this workspace's settings)
and the topics whose answer moves to another role, and keeps the file's id and a fingerprint of those
moves in its metadata: the import runs on "Import" only while it would move exactly what was shown.
slack_sdk 3.48 has no class for `file_input`, so the element is a dict (Slack's documented shape).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from slack_sdk.models.blocks import Block, ContextBlock, InputBlock, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View

from bot.core.moves import fingerprint, moves_sentence
from bot.services.kb_files import Imported
from bot.slack import limits
from bot.slack import surface_messages as say
from bot.slack.blocks.moves import moves_sections
from bot.slack.blocks.mrkdwn import escape, fit

IMPORT_VIEW = "kb_import_upload"
IMPORT_CONFIRM_VIEW = "kb_import_confirm"
IMPORT_FILE = "kb_import_file"  # the file input's block id and action id
FILETYPES = ["yaml", "yml"]
ERROR_LINES = 10  # problems listed under the input; the rest are counted


@dataclass(frozen=True)
class ImportMetadata:
    """What the confirmation remembers: the uploaded file and the moves it showed."""

    file_id: str
    moves: str

    def dump(self) -> str:
        return json.dumps({"file": self.file_id, "moves": self.moves})

    @classmethod
    def load(cls, text: str) -> ImportMetadata:
        data = json.loads(text or "{}")
        return cls(file_id=str(data.get("file", "")), moves=str(data.get("moves", "")))


def build_import_modal(team_id: str, *, problems: Sequence[str] = ()) -> View:
    """The upload form, with the command-line way too; after a check, the file's problems above it."""
    element = {"type": "file_input", "action_id": IMPORT_FILE, "filetypes": FILETYPES, "max_files": 1}
    blocks: list[Block] = [_section(problems_text(problems))] if problems else []
    blocks += [
        SectionBlock(text=MarkdownTextObject(text=say.IMPORT_INTRO)),
        InputBlock(block_id=IMPORT_FILE, label=say.IMPORT_LABEL, element=element),
        ContextBlock(elements=[MarkdownTextObject(text=say.IMPORT_HOWTO.format(team=escape(team_id)))]),
    ]
    return _modal(blocks, callback_id=IMPORT_VIEW, submit=say.IMPORT_CHECK)


def problems_text(problems: Sequence[str]) -> str:
    """The file's problems, each on its line (file and line first), the first `ERROR_LINES` of them."""
    shown = [f"• {escape(problem)}" for problem in problems[:ERROR_LINES]]
    if len(problems) > ERROR_LINES:
        shown.append(say.IMPORT_MORE_PROBLEMS.format(count=len(problems) - ERROR_LINES))
    return "\n".join([say.IMPORT_PROBLEMS, *shown])


def build_working_modal(text: str) -> View:
    """What the modal shows while the file is read and checked, or imported."""
    return _modal([_section(text)])


def build_import_confirm(name: str, imported: Imported, *, file_id: str, notice: str | None = None) -> View:
    """What importing `name` changes, with "Import" to apply it; nothing to confirm when nothing changes."""
    if not _changes_anything(imported):
        text = say.IMPORT_NOTHING.format(name=escape(name))
        return _modal([_section(text)])
    lines = [say.IMPORT_WOULD.format(name=escape(name)), f"• {escape(imported.changes.lines()[0])}"]
    lines += [f"• {say.IMPORT_SETTINGS}"] if imported.settings_change else []
    lines += [f"• {escape(moves_sentence(list(imported.moves)))}"]
    blocks: list[Block] = [_section(notice)] if notice else []
    blocks += [_section("\n".join(lines))]
    blocks += moves_sections(list(imported.moves))
    blocks += [ContextBlock(elements=[MarkdownTextObject(text=say.IMPORT_AUDITED)])]
    metadata = ImportMetadata(file_id=file_id, moves=fingerprint(list(imported.moves))).dump()
    return _modal(blocks, callback_id=IMPORT_CONFIRM_VIEW, submit=say.IMPORT_SUBMIT, metadata=metadata)


def build_import_done(name: str, imported: Imported) -> View:
    changes = ", ".join(f"#{audit_id}" for audit_id in imported.audit_ids)
    text = (
        say.IMPORT_DONE.format(name=escape(name), changes=changes)
        if changes
        else say.IMPORT_NOTHING.format(name=escape(name))
    )
    return _modal([_section(text)], close=say.DONE)


def _changes_anything(imported: Imported) -> bool:
    return imported.changes.any() or imported.settings_change


def _modal(
    blocks: list[Block],
    *,
    callback_id: str | None = None,
    submit: str | None = None,
    close: str = say.CLOSE,
    metadata: str | None = None,
) -> View:
    """A modal titled "Import a file"; "Cancel" rather than "Close" beside a submit button."""
    close = say.CANCEL if submit and close == say.CLOSE else close
    return View(
        type="modal",
        callback_id=callback_id,
        title=say.IMPORT_FILE,
        submit=submit,
        close=close,
        private_metadata=metadata,
        blocks=blocks,
    )


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT)))
