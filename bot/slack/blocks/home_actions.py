"""What people do on the App Home, in Block Kit: the ask box, a topic picker per role, an admin's first steps.

The ask box is an input that sends its text on Enter (`dispatch_action`) next to an "Ask" button, which
reads the same input from the view's state; either opens the answer in a modal. Each role's topics are
listed as text and offered in a select beside them (in groups when they are more than a select's
options may be), which opens that topic's answer. The first-steps card is for an admin of a workspace
that has named nobody yet.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    OptionGroup,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.blocks.basic_components import DispatchActionConfig

from bot.core.answer import TopicRef
from bot.slack import limits
from bot.slack import surface_messages as say
from bot.slack.blocks.admin_lists import NEW_OVERRIDE, OPEN_SETTINGS
from bot.slack.blocks.ask_modal import QUESTION_MAX
from bot.slack.blocks.mrkdwn import shorten

HOME_QUESTION = "home_question"  # the ask box's block id, and its input's action id (Enter sends it)
HOME_ASK = "home_ask"  # the "Ask" button beside it
HOME_TOPIC = "home_topic"  # a role's topic picker
HOME_IMPORT = "home_import"  # the first-steps card's "Import a file"
FIRST_STEPS = "home_first_steps"


def ask_box_blocks() -> list[Block]:
    question = PlainTextInputElement(
        action_id=HOME_QUESTION,
        placeholder=say.ASK_PLACEHOLDER,
        max_length=QUESTION_MAX,
        dispatch_action_config=DispatchActionConfig(trigger_actions_on=["on_enter_pressed"]),
    )
    return [
        InputBlock(block_id=HOME_QUESTION, label=say.ASK_LABEL, element=question, dispatch_action=True),
        ActionsBlock(
            block_id=HOME_ASK, elements=[ButtonElement(text=say.ASK_SUBMIT, action_id=HOME_ASK, style="primary")]
        ),
    ]


def asked_in_home(body: dict[str, Any]) -> str:
    """The ask box's text, whether Enter sent it (the action's value) or the button did (the view's state)."""
    action = body["actions"][0]
    if action["action_id"] == HOME_QUESTION:
        return (action.get("value") or "").strip()
    state = (body.get("view") or {}).get("state", {}).get("values", {})
    return (state.get(HOME_QUESTION, {}).get(HOME_QUESTION, {}).get("value") or "").strip()


def topic_picker(topics: Sequence[TopicRef]) -> StaticSelectElement:
    """A select of `topics` in alphabetical order. A role that takes absent roles' work can hold more
    than a select's `limits.OPTIONS` (a COO covering the CFO, CHRO, CRO and GC: 120 and more), so beyond
    that they come in groups labelled by their first letters ("A – K", "L – Z"), each within the limit, up
    to `limits.PICKER_OPTIONS` in all (the rest are found by asking)."""
    ordered = sorted(topics, key=lambda t: t.title.casefold())[: limits.PICKER_OPTIONS]
    options = [Option(value=t.id, text=shorten(t.title, limits.OPTION_TEXT)) for t in ordered]
    if len(options) <= limits.OPTIONS:
        return StaticSelectElement(action_id=HOME_TOPIC, placeholder=say.OPEN_TOPIC, options=options)
    size = math.ceil(len(options) / math.ceil(len(options) / limits.OPTIONS))  # groups as even as can be
    groups = []
    for start in range(0, len(options), size):
        first, last = (t.title[:1].upper() for t in (ordered[start], ordered[start : start + size][-1]))
        label = first if first == last else f"{first} – {last}"
        groups.append(OptionGroup(label=label, options=options[start : start + size]))
    return StaticSelectElement(action_id=HOME_TOPIC, placeholder=say.OPEN_TOPIC, option_groups=groups)


def first_steps_blocks(*, role: str) -> list[Block]:
    """Three first steps, each a working button: name `role`'s holder (the settings), an override, a file."""
    buttons = [
        ButtonElement(text=say.NAME_ROLE.format(role=role), action_id=OPEN_SETTINGS, style="primary"),
        ButtonElement(text=say.ADD_OVERRIDE, action_id=NEW_OVERRIDE),
        ButtonElement(text=say.IMPORT_FILE, action_id=HOME_IMPORT),
    ]
    return [
        HeaderBlock(text=say.FIRST_STEPS_TITLE),
        SectionBlock(text=MarkdownTextObject(text=say.FIRST_STEPS)),
        ActionsBlock(block_id=FIRST_STEPS, elements=buttons),
    ]
