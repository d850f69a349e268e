"""Importing a knowledge file from Slack, through the real server and the stand-in Slack: the upload modal,
files.info and the download with the bot token, problems with file and line (nothing changed), what moves,
and the import on confirm, audited under the admin's id. Admins only. A submission is acknowledged with a
"Checking…" view; the outcome arrives as a `views.update` of the same modal."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from bot.services.kb_files import export_data, to_yaml
from bot.services.knowledge import KnowledgeService
from bot.slack.blocks.home_actions import HOME_IMPORT
from bot.slack.blocks.kb_import import IMPORT_CONFIRM_VIEW, IMPORT_FILE, IMPORT_VIEW
from bot.store.audit_repository import AuditRepository
from tests.e2e.fake_slack import FILE_DOWNLOAD, FakeSlack
from tests.e2e.modal_payloads import view_action, view_submission
from tests.e2e.slack_requests import fresh_id

ADMIN, MEMBER = "U0IMPADMIN", "U0IMPMEMBR"
REASON = "Finance negotiates and pays the cloud provider."


@pytest.fixture(scope="module", autouse=True)
def people(fake_slack: FakeSlack) -> None:
    fake_slack.add_people(**{ADMIN: {"name": "ada", "is_admin": True}, MEMBER: {"name": "mel"}})


def upload_form(slack, fake_slack, *, team: str, user: str = ADMIN) -> dict[str, Any]:
    """Clicks "Import a file" on the first-steps card and returns the modal it opened."""
    button = {"type": "button", "action_id": HOME_IMPORT, "text": {"type": "plain_text", "text": "Import a file"}}
    card = {"id": fresh_id("V"), "type": "home", "blocks": [{"type": "actions", "elements": [button]}]}
    opened = len(fake_slack.calls("views.open"))
    assert slack.action(view_action(card, action_id=HOME_IMPORT, user=user, team=team)).status_code == 200
    return {**fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"], "id": fresh_id("V")}


def submit(slack, view: dict[str, Any], *, team: str, file_id: str | None, user: str = ADMIN) -> dict[str, Any]:
    files = [{"id": file_id, "name": "whoowns.yaml", "filetype": "yaml"}] if file_id else []
    state = {"values": {IMPORT_FILE: {IMPORT_FILE: {"type": "file_input", "files": files}}}}
    if view["callback_id"] == IMPORT_CONFIRM_VIEW:
        state = {"values": {}}
    response = slack.action(view_submission(view, state, user=user, team=team))
    assert response.status_code == 200, response.text
    return response.json() if response.text else {}


def outcome(slack, fake_slack, view: dict[str, Any], *, team: str, file_id: str | None, user: str = ADMIN) -> dict:
    """Submits the modal and returns what it shows once the server has done the work (its views.update)."""
    updates = len(fake_slack.calls("views.update", view_id=view["id"]))
    acked = submit(slack, view, team=team, file_id=file_id, user=user)
    assert acked["response_action"] == "update" and "…" in shown(acked), acked  # "Checking…", "Importing…"
    [*_, redrawn] = fake_slack.wait_for("views.update", view_id=view["id"], count=updates + 1)
    return {**redrawn["view"], "id": view["id"]}


def shown(outcome: dict[str, Any]) -> str:
    return json.dumps(outcome.get("view", outcome), ensure_ascii=False)


def export_with(knowledge: KnowledgeService, team: str, **org: Any) -> bytes:
    data = export_data(knowledge, team_id=team, create=True)
    data["org"].update(org)
    return to_yaml(data).encode()


def audit_rows(knowledge: KnowledgeService, team: str) -> list:
    with knowledge.db.transaction() as session:
        return [(row.action, row.actor) for row in AuditRepository(session).latest(team_id=team, limit=20)]


def test_an_admin_uploads_a_file_sees_what_moves_and_imports_it_on_confirm(slack, fake_slack, knowledge):
    team = fresh_id("T")
    overrides = [{"topic": "hosting costs", "role": "COO", "reason": REASON}]
    file_id = fake_slack.upload("whoowns.yaml", export_with(knowledge, team, overrides=overrides))
    form = upload_form(slack, fake_slack, team=team)
    assert form["callback_id"] == IMPORT_VIEW
    [upload] = [b for b in form["blocks"] if b.get("block_id") == IMPORT_FILE]
    assert upload["element"] == {
        "type": "file_input",
        "action_id": IMPORT_FILE,
        "filetypes": ["yaml", "yml"],
        "max_files": 1,
    }

    checked = outcome(slack, fake_slack, form, team=team, file_id=file_id)
    assert checked["callback_id"] == IMPORT_CONFIRM_VIEW
    assert "Importing *whoowns.yaml* changes:" in shown(checked) and "this workspace's settings" in shown(checked)
    assert "1 topic changes hands: 1 from the CTO to the COO." in shown(checked)
    assert "Hosting costs: CTO → *COO*" in shown(checked)
    assert knowledge.org(team).overrides == () and audit_rows(knowledge, team) == []  # a dry run: nothing yet
    [info] = fake_slack.calls("files.info", file=file_id)
    [download] = [c for c in fake_slack.calls(FILE_DOWNLOAD) if c.path.startswith(f"/files/{file_id}/")]
    assert download.token == info.token and download.token.startswith("xoxb-")  # the bot token, to Slack's host

    done = outcome(slack, fake_slack, checked, team=team, file_id=None)
    assert "Imported *whoowns.yaml*; recorded in the history as change #" in shown(done)
    [override] = knowledge.org(team).overrides
    assert (override.role, override.reason) == ("COO", REASON)
    assert audit_rows(knowledge, team) == [("org.import", ADMIN)]  # audited under the admin's id


def test_a_bad_file_shows_its_problems_with_file_and_line_and_changes_nothing(slack, fake_slack, knowledge):
    team = fresh_id("T")
    bad = yaml.safe_load(export_with(knowledge, team))
    bad["org"]["roles"]["CTO"] = {"holder": "Ada Lovelace"}
    lines = to_yaml(bad).splitlines()
    holder_line = next(n for n, line in enumerate(lines, 1) if "Ada Lovelace" in line)
    for content, expected in (
        (to_yaml(bad).encode(), f"whoowns.yaml:{holder_line}:"),
        (b"roles: [unclosed\n", "whoowns.yaml:2:"),
    ):
        form = upload_form(slack, fake_slack, team=team)
        again = outcome(slack, fake_slack, form, team=team, file_id=fake_slack.upload("whoowns.yaml", content))
        assert again["callback_id"] == IMPORT_VIEW and "The file cannot be imported" in shown(again)  # upload again
        problems = again["blocks"][0]["text"]["text"]
        assert f"• {expected}" in problems, problems
        assert "/tmp" not in problems  # the uploaded file's name, not where it was kept
    assert audit_rows(knowledge, team) == [] and knowledge.org(team).roles["CTO"].holder is None


def test_a_file_over_the_cap_is_refused_from_its_size_before_any_download(slack, fake_slack, knowledge):
    team = fresh_id("T")
    file_id = fake_slack.upload("huge.yaml", b"# padding\n" * 300_000)
    refused = outcome(slack, fake_slack, upload_form(slack, fake_slack, team=team), team=team, file_id=file_id)
    assert "huge.yaml is larger than 2 MiB" in shown(refused)
    assert not [c for c in fake_slack.calls(FILE_DOWNLOAD) if c.path.startswith(f"/files/{file_id}/")]


def test_no_file_chosen_asks_for_one(slack, fake_slack):
    team = fresh_id("T")
    acked = submit(slack, upload_form(slack, fake_slack, team=team), team=team, file_id=None)
    assert acked == {"response_action": "errors", "errors": {IMPORT_FILE: "Choose a .yaml file to upload."}}


def test_someone_who_is_not_an_admin_can_neither_open_the_form_nor_import(slack, fake_slack, knowledge):
    team = fresh_id("T")
    refused = upload_form(slack, fake_slack, team=team, user=MEMBER)
    assert refused.get("callback_id") != IMPORT_VIEW and "Only admins can import a file." in shown(refused)
    form = upload_form(slack, fake_slack, team=team)  # an admin's form, submitted by someone else
    overrides = [{"topic": "hosting costs", "role": "COO", "reason": REASON}]
    file_id = fake_slack.upload("whoowns.yaml", export_with(knowledge, team, overrides=overrides))
    refused = outcome(slack, fake_slack, form, team=team, file_id=file_id, user=MEMBER)
    assert "Only admins can import a file." in shown(refused)
    assert fake_slack.calls("files.info", file=file_id) == []  # the file is not even read
    assert knowledge.org(team).overrides == () and audit_rows(knowledge, team) == []
