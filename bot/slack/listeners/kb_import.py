"""Importing a knowledge file from Slack: the first-steps card's "Import a file", for admins.

The button opens the upload modal (after a fresh `users.info` says the person is an admin). Reading a
knowledge file takes longer than the 3 s Slack allows an acknowledgement (parsing the 250 KB export of the
shipped knowledge base alone took 2-5 s on the loaded 2-core machine), so a submission is acknowledged at
once with a "Checking…" view (a submission without a file gets `response_action: errors` there), and a
lazy listener does the work and redraws the modal (`views.update`). The check fetches the file
(`bot.slack.uploads`) and runs the import as a dry run (`bot.services.kb_upload`, the `kb import` code):
problems come back in the upload form with their file and line, and nothing changes; a good file is
answered with what it changes and moves. "Import" applies it, checked again (admin, the same moves),
audited under the admin's id like any change made in Slack.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.views import View

from bot.core.moves import fingerprint
from bot.core.unavailable import KnowledgeUnavailable
from bot.core.yamlfile import InvalidFile
from bot.services.admin import AdminError, NotAllowed
from bot.services.kb_files import Imported
from bot.services.kb_upload import MAX_UPLOAD_BYTES, import_upload
from bot.slack import admin_messages as admin_say
from bot.slack import messages
from bot.slack import surface_messages as say
from bot.slack.admin_ui import actor_for
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
    build_working_modal,
)
from bot.slack.blocks.mrkdwn import escape
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import WEB_API_FAILURES
from bot.slack.uploads import Upload, UploadUnreadable, fetch_upload, uploaded_file_ids
from bot.wiring import Deps

if TYPE_CHECKING:
    from bot.store.unit_of_work import Repositories

log = logging.getLogger(__name__)
Body = dict[str, Any]


class KnowledgeImport:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(HOME_IMPORT)(ack=ack_now, lazy=[self.open_upload])
        app.view(IMPORT_VIEW)(ack=self.ack_upload, lazy=[self.check_file])
        app.view(IMPORT_CONFIRM_VIEW)(ack=self.ack_confirm, lazy=[self.import_file])

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

    @staticmethod
    def ack_upload(ack: Ack, view: Body) -> None:
        if not uploaded_file_ids(view["state"]["values"], IMPORT_FILE, IMPORT_FILE):
            ack(response_action="errors", errors={IMPORT_FILE: say.IMPORT_NO_FILE})
            return
        ack(response_action="update", view=build_working_modal(say.IMPORT_CHECKING))

    @staticmethod
    def ack_confirm(ack: Ack) -> None:
        ack(response_action="update", view=build_working_modal(say.IMPORT_IMPORTING))

    def check_file(self, body: Body, view: Body, client: WebClient, context: BoltContext) -> None:
        """The dry run: the upload form again with the file's problems, or what the file changes, to confirm."""
        uploaded = uploaded_file_ids(view["state"]["values"], IMPORT_FILE, IMPORT_FILE)
        if not uploaded:
            return
        team = context.team_id or ""
        importer = _Importer(self.deps, client, team, body["user"]["id"])
        try:
            upload = importer.fetch(uploaded[0])
            imported = importer.run(upload, dry_run=True)
            result = build_import_confirm(upload.name, imported, file_id=uploaded[0])
        except (UploadUnreadable, InvalidFile) as error:
            result = build_import_modal(team, problems=_problems(error))
        except (AdminError, KnowledgeUnavailable) as error:
            result = _refusal(error)
        _redraw(client, view, result)

    def import_file(self, body: Body, view: Body, client: WebClient, context: BoltContext) -> None:
        """ "Import": applied only while the file moves what the admin saw; else the new moves to confirm."""
        shown = ImportMetadata.load(view.get("private_metadata") or "")
        importer = _Importer(self.deps, client, context.team_id or "", body["user"]["id"])
        try:
            upload = importer.fetch(shown.file_id)
            checked = importer.run(upload, dry_run=True)
            if fingerprint(list(checked.moves)) != shown.moves:
                notice = say.IMPORT_MOVES_CHANGED
                result = build_import_confirm(upload.name, checked, file_id=shown.file_id, notice=notice)
            else:
                imported = importer.run(upload, dry_run=False)
                log.info("knowledge file imported (team %s, changes %s)", context.team_id, imported.audit_ids)
                result = build_import_done(upload.name, imported)
        except (UploadUnreadable, InvalidFile) as error:
            text = "\n".join(escape(problem) for problem in _problems(error))
            result = build_notice_modal(text, title=admin_say.REFUSED_TITLE)
        except (AdminError, KnowledgeUnavailable) as error:
            result = _refusal(error)
        _redraw(client, view, result)


class _Importer:
    """One submission's work, as the person who submitted it (a fresh `users.info`)."""

    def __init__(self, deps: Deps, client: WebClient, team_id: str, user_id: str):
        self.deps, self.client, self.team_id = deps, client, team_id
        self.actor = actor_for(client, team_id, user_id)

    def fetch(self, file_id: str) -> Upload:
        """The file, read only for an admin: someone else learns nothing about it."""
        if not self.deps.admin.permissions.allows(self.actor):
            raise NotAllowed(say.IMPORT_ADMINS_ONLY)
        return fetch_upload(self.client, file_id, max_bytes=MAX_UPLOAD_BYTES)

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

    def _permit(self, store: Repositories, knowledge: bool) -> None:
        """Inside the import's transaction: an admin, and one who may edit the shared knowledge if it changes."""
        self.deps.admin.permissions.require(store, self.actor, knowledge=knowledge)


def _redraw(client: WebClient, view: Body, result: View) -> None:
    try:
        client.views_update(view_id=view["id"], view=result)
    except WEB_API_FAILURES as error:  # closed meanwhile: an import that ran is in the history all the same
        log.warning("could not show the import's outcome (view %s): %s", view.get("id"), error)


def _problems(error: UploadUnreadable | InvalidFile) -> list[str]:
    return error.messages if isinstance(error, InvalidFile) else [str(error)]


def _refusal(error: AdminError | KnowledgeUnavailable) -> View:
    if isinstance(error, KnowledgeUnavailable):
        log.warning("knowledge base unreachable while importing a file: %s", error)
        return build_notice_modal(messages.KNOWLEDGE_UNAVAILABLE, title=admin_say.REFUSED_TITLE)
    return build_notice_modal(escape(str(error)), title=admin_say.REFUSED_TITLE)


def register(app: App, deps: Deps) -> None:
    KnowledgeImport(deps).register(app)
