"""A knowledge file uploaded by an admin in Slack, imported exactly as `python -m bot kb import` imports one.

The upload's bytes are written to a private temporary folder under the file's own name and handed to
`kb_files.import_file`, so the checks, the owner-move comparison, the locks and the audit entries are the
CLI's; problems name the uploaded file (not the temporary path) with their line. `permit` checks the
admin inside the import's transaction, so a refused or bad file changes nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from bot.core.yamlfile import InvalidFile
from bot.services.kb_files import Imported, Permit, import_file
from bot.services.knowledge import KnowledgeService

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # an export of the shipped knowledge base with settings is about 0.3 MiB
YAML_SUFFIXES = (".yaml", ".yml")


def import_upload(
    service: KnowledgeService,
    name: str,
    content: bytes,
    *,
    team_id: str,
    by: str,
    permit: Permit,
    dry_run: bool,
) -> Imported:
    """Imports (or, with `dry_run`, compares) an uploaded file into the shared knowledge and `team_id`'s
    settings; `InvalidFile` with problems that name `name`, whatever the temporary path was."""
    shown = safe_name(name)
    if not shown.lower().endswith(YAML_SUFFIXES):
        raise InvalidFile([f"{shown}: not a YAML file (export one with `python -m bot kb export`)"])
    if len(content) > MAX_UPLOAD_BYTES:
        raise InvalidFile([f"{shown}: larger than {MAX_UPLOAD_BYTES // 1024 // 1024} MiB"])
    with tempfile.TemporaryDirectory(prefix="whoowns-upload-") as folder:
        path = Path(folder) / shown
        path.write_bytes(content)
        try:
            return import_file(service, path, team_id=team_id, by=by, create=True, dry_run=dry_run, permit=permit)
        except InvalidFile as error:
            raise InvalidFile([message.replace(str(path), shown) for message in error.messages]) from None


def safe_name(name: str) -> str:
    """The uploaded file's own name, never a path (`../x.yaml` → `x.yaml`)."""
    return PurePath(name.replace("\\", "/")).name.strip() or "upload.yaml"
