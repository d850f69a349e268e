"""Importing a knowledge file from Slack: the first-steps card's "Import a file", for admins.

The button opens the upload modal (after a fresh `users.info` says the person is an admin). Submitting it
fetches the file (`bot.slack.uploads`) and runs the import as a dry run (`bot.services.kb_upload`, the
`kb import` code), all inside the acknowledgement: problems go under the file input with their file and
line, and nothing changes; a good file is answered with what it changes and moves. "Import" applies it,
checked again (admin, the same moves), audited under the admin's name like any change made in Slack.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.views import View
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.core.moves import fingerprint
from bot.core.yamlfile import InvalidFile
from bot.services.admin import AdminError, NotAllowed
from bot.services.kb_files import Imported
from bot.services.kb_upload import MAX_UPLOAD_BYTES, import_upload
from bot.slack import admin_messages as admin_say
from bot.slack import messages
from bot.slack import surface_messages as say
from bot.slack.admin_ui import actor_for, quick_client
from bot.slack.blocks.admin_forms import build_notice_modal
from bot.slack.blocks.home_actions import HOME_IMPORT
from bot.slack.blocks.kb_import import (
    IMPORT_CONFIRM_VIEW,
    IMPORT_FILE,
    IMPORT_VIEW,
    ImportMetadata,
    build_import_confirm,
    build_import_done,
    build_import_modal,
    import_errors,
)
from bot.slack.blocks.mrkdwn import escape
from bot.slack.deps import Deps
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import WEB_API_FAILURES
from bot.slack.uploads import Upload, UploadUnreadable, fetch_upload, uploaded_file_ids

log = logging.getLogger(__name__)
Body = dict[str, Any]


class KnowledgeImport:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(HOME_IMPORT)(ack=ack_now, lazy=[self.open_upload])
        app.view(IMPORT_VIEW)(self.check_file)
        app.view(IMPORT_CONFIRM_VIEW)(self.import_file)

    def open_upload(self, body: Body, client: WebClient, context: BoltContext) -> None:
        team, user = context.team_id or "", body["user"]["id"]
        if self.deps.admin.permissions.allows(actor_for(client, team, user)):
            view = build_import_modal(team)
        else:
            view = build_notice_modal(say.IMPORT_ADMINS_ONLY, title=admin_say.REFUSED_TITLE)
        try:
            client.views_open(trigger_id=body["trigger_id"], view=view)
        except WEB_API_FAILURES as error:
            log.error("could not open the import modal (team %s): %s", team, error)

    def check_file(self, ack: Ack, body: Body, view: Body, client: WebClient, context: BoltContext) -> None:
        """The dry run: problems under the input, or what the file changes, to confirm."""
        [file_id, *_] = uploaded_file_ids(view["state"]["values"], IMPORT_FILE, IMPORT_FILE) or [""]
        if not file_id:
            ack(response_action="errors", errors={IMPORT_FILE: say.IMPORT_NO_FILE})
            return
        importer = _Importer(self.deps, client, context.team_id or "", body["user"]["id"])
        try:
            upload = importer.fetch(file_id)
            imported = importer.run(upload, dry_run=True)
        except (UploadUnreadable, InvalidFile) as error:
            ack(response_action="errors", errors=import_errors(_problems(error)))
            return
        except (AdminError, SQLAlchemyError) as error:
            ack(response_action="update", view=_refusal(error))
            return
        ack(response_action="update", view=build_import_confirm(upload.name, imported, file_id=file_id))

    def import_file(self, ack: Ack, body: Body, view: Body, client: WebClient, context: BoltContext) -> None:
        """ "Import": applied only while the file moves what the admin saw; else the new moves to confirm."""
        shown = ImportMetadata.load(view.get("private_metadata") or "")
        importer = _Importer(self.deps, client, context.team_id or "", body["user"]["id"])
        try:
            upload = importer.fetch(shown.file_id)
            checked = importer.run(upload, dry_run=True)
            if fingerprint(list(checked.moves)) != shown.moves:
                notice = say.IMPORT_MOVES_CHANGED
                confirm = build_import_confirm(upload.name, checked, file_id=shown.file_id, notice=notice)
                ack(response_action="update", view=confirm)
                return
            imported = importer.run(upload, dry_run=False)
        except (UploadUnreadable, InvalidFile) as error:
            text = "\n".join(escape(problem) for problem in _problems(error))
            ack(response_action="update", view=build_notice_modal(text, title=admin_say.REFUSED_TITLE))
            return
        except (AdminError, SQLAlchemyError) as error:
            ack(response_action="update", view=_refusal(error))
            return
        log.info("knowledge file imported (team %s, changes %s)", context.team_id, imported.audit_ids)
        ack(response_action="update", view=build_import_done(upload.name, imported))


class _Importer:
    """One submission's work, as the person who submitted it (a fresh, brief `users.info`)."""

    def __init__(self, deps: Deps, client: WebClient, team_id: str, user_id: str):
        self.deps, self.client, self.team_id = deps, client, team_id
        self.actor = actor_for(client, team_id, user_id, in_ack=True)

    def fetch(self, file_id: str) -> Upload:
        """The file, read only for an admin: someone else learns nothing about it."""
        if not self.deps.admin.permissions.allows(self.actor):
            raise NotAllowed(say.IMPORT_ADMINS_ONLY)
        return fetch_upload(quick_client(self.client), file_id, max_bytes=MAX_UPLOAD_BYTES)

    def run(self, upload: Upload, *, dry_run: bool) -> Imported:
        return import_upload(
            self.deps.knowledge,
            upload.name,
            upload.content,
            team_id=self.team_id,
            by=self.actor.user_id,
            permit=self._permit,
            dry_run=dry_run,
        )

    def _permit(self, session: Session, knowledge: bool) -> None:
        """Inside the import's transaction: an admin, and one who may edit the shared knowledge if it changes."""
        self.deps.admin.permissions.require(session, self.actor, knowledge=knowledge)


def _problems(error: UploadUnreadable | InvalidFile) -> list[str]:
    return error.messages if isinstance(error, InvalidFile) else [str(error)]


def _refusal(error: AdminError | SQLAlchemyError) -> View:
    if isinstance(error, SQLAlchemyError):
        log.warning("knowledge base unreachable while importing a file: %s", error)
        return build_notice_modal(messages.KNOWLEDGE_UNAVAILABLE, title=admin_say.REFUSED_TITLE)
    return build_notice_modal(escape(str(error)), title=admin_say.REFUSED_TITLE)


def register(app: App, deps: Deps) -> None:
    KnowledgeImport(deps).register(app)
