"""Holders in Block Kit, built by pure functions: flagged holders in the to-do, a suggestion with its Fill in
button, the settings form with a holder filled in, and reading that field back when the form is saved."""

from __future__ import annotations

import json

from bot.core.holders import Concern, FlaggedHolder, Profile, Suggestion
from bot.core.models import Role
from bot.core.org import OrgSettings, Seat
from bot.services.unnamed_roles import UnnamedRole
from bot.slack.blocks.admin_forms import FILLED, VALUE, build_settings_modal
from bot.slack.blocks.admin_state import filled_of, settings_from
from bot.slack.blocks.admin_todo import todo_blocks, todo_text
from bot.slack.blocks.holders import FILL_HOLDER, Fill, suggestion_block
from bot.slack.blocks.mrkdwn import to_dicts

CTO = Role(id="CTO", name="Chief Technology Officer", focus="technology", default=True)
CEO = Role(id="CEO", name="Chief Executive Officer", focus="everything", default=True, fallback=True)
HOSTILE = Profile("U0EVE", "Eve <!channel> & <@U0BOSS>", "CTO <https://evil.example|click>")


def test_a_suggestion_is_escaped_and_its_button_says_whom_to_fill_in_where():
    [block] = to_dicts([suggestion_block(Suggestion("CTO", "Chief Technology Officer", HOSTILE))])
    assert block["text"]["text"] == (
        "Eve &lt;!channel&gt; &amp; &lt;@U0BOSS&gt;'s title is *CTO &lt;https://evil.example|click&gt;*:"
        " name them the CTO?"
    )
    assert block["accessory"]["action_id"] == FILL_HOLDER
    assert Fill.model_validate_json(block["accessory"]["value"]) == Fill(role="CTO", user="U0EVE")


def test_the_to_do_lists_unnamed_roles_then_flagged_holders_escaped():
    flagged = [
        FlaggedHolder("CEO", "Chief Executive Officer", Profile("U1", "Grace", deleted=True), Concern.DEACTIVATED),
        FlaggedHolder("CTO", "Chief Technology Officer", HOSTILE, Concern.TITLE),
    ]
    text = todo_text([UnnamedRole("COO", "Chief Operating Officer")], flagged)
    lines = text.splitlines()
    assert lines[0].startswith(":memo: *To do*: nobody is named yet for *COO*")
    assert lines[1].startswith(":warning: *Holders to check*: Grace, named for the *CEO*, is deactivated in Slack; Eve")
    assert "<!channel>" not in text and "<@U0BOSS>" not in text and "<https" not in text
    assert todo_text([], []) is None and todo_blocks([], []) == []
    alone = todo_text([], flagged[:1])
    assert alone == ":warning: *Holders to check*: Grace, named for the *CEO*, is deactivated in Slack."


def test_a_filled_in_holder_field_has_its_own_action_id_and_reads_back_as_the_holder():
    org = OrgSettings(roles={"CEO": Seat(holder="U0OLD"), "CTO": Seat(holder="U0OLD")}, fallback="CEO")
    suggestion = Suggestion("CEO", "Chief Executive Officer", Profile("U0NEW", "New", "CEO"))
    view = build_settings_modal(org, roles=[CEO, CTO], version=3, suggestions=[suggestion], filled={"CTO": "U0ADA"})
    blocks = json.loads(json.dumps(view.to_dict()))["blocks"]
    ids = [b.get("block_id") for b in blocks]
    assert ids[ids.index("holder_CEO") + 1] == "suggest_CEO" and "suggest_CTO" not in ids
    cto = next(b for b in blocks if b.get("block_id") == "holder_CTO")["element"]
    assert (cto["action_id"], cto["initial_user"]) == (f"{FILLED}U0ADA", "U0ADA")
    values = {
        "roles": {VALUE: {"selected_options": [{"value": "CEO"}, {"value": "CTO"}]}},
        "holder_CEO": {VALUE: {"selected_user": "U0OLD"}},
        "holder_CTO": {f"{FILLED}U0ADA": {"selected_user": "U0ADA"}},
        "fallback": {VALUE: {"selected_option": {"value": "CEO"}}},
    }
    assert filled_of(values) == {"CTO": "U0ADA"}
    assert settings_from(values, [CEO, CTO])["roles"] == {"CEO": {"holder": "U0OLD"}, "CTO": {"holder": "U0ADA"}}
