"""The admin modals in Block Kit: the editor menu, settings, a topic, an override, and a short notice.

Pure functions of plain values, built with slack_sdk's model classes (which check Slack's limits). Every
input's block id is the field it edits, so a validation problem (`Problem.loc`) lands under its field
(`errors_by_block`). What a modal must remember until it is submitted (the version it was opened at)
travels in `private_metadata` as `FormMetadata`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel
from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
    UserMultiSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.core import limits as stored
from bot.core.holders import Suggestion
from bot.core.models import Role
from bot.core.moves import Move, moves_sentence
from bot.core.org import MAX_OVERRIDE_REASON, MAX_OVERRIDE_TOPIC, OrgSettings, Override
from bot.core.problems import Loc, Problem
from bot.services.admin import ResponsibilityDraft, RoleDraft
from bot.slack import admin_messages as say
from bot.slack import limits
from bot.slack.blocks.holders import suggestion_block
from bot.slack.blocks.moves import build_moves_warning, moves_sections
from bot.slack.blocks.mrkdwn import fit, shorten

SETTINGS_VIEW = "admin_settings"
TOPIC_VIEW = "admin_topic"
OVERRIDE_VIEW = "admin_override"
ROLE_VIEW = "admin_role"
ROLE_FIELDS = ("id", "name", "focus", "covered_by", "work", "posts")
VALUE = "value"  # the action id of every input element (but a holder field filled in from a suggestion)
FILLED = "filled_"  # a filled-in holder field's action id, then the user: a new id, so Slack shows the new value
TOPIC_FIELDS = ("title", "aliases", "owner", "reasoning", "source_title", "source_url", "quote", "consult")


class FormMetadata(BaseModel):
    """What a modal remembers between opening and submission."""

    version: int | None = None  # the version it was opened at (the optimistic lock)
    topic: str | None = None  # the entry being edited (None: a new one)
    gap: str | None = None  # the unanswered question a new topic was started from
    confirmed: str | None = None  # the owner moves (`fingerprint`) the admin was shown and may now save


@dataclass(frozen=True)
class Confirm:
    """Owner moves a save would make, shown above the form it came from until it is saved again."""

    moves: list[Move]
    fingerprint: str


def build_topic_modal(
    draft: ResponsibilityDraft,
    *,
    roles: Sequence[Role],
    metadata: FormMetadata,
    notice: str | None = None,
) -> View:
    editing = metadata.topic is not None
    blocks: list[Block] = [_notice(notice)] if notice else []
    blocks += [
        _text("title", "Topic", draft.title, max_length=stored.TITLE, hint="What people would call this area of work."),
        _text(
            "aliases",
            "Other words for it",
            "\n".join(draft.aliases),
            multiline=True,
            optional=True,
            max_length=stored.ALIASES_TEXT,
            hint="One a line (or separated by commas): what people type when they mean this topic.",
        ),
        _select(
            "owner",
            "Owning role",
            [_role_option(r) for r in roles],
            selected=draft.owner,
            hint=say.SPECIALIST_HINT.format(role=draft.specialist) if draft.specialist else None,
        ),
        _text("reasoning", "Why that role", draft.reasoning, multiline=True, max_length=stored.REASONING),
        _text(
            "source_title",
            "Source title",
            draft.source_title,
            max_length=stored.SOURCE_TITLE,
            hint="The article this comes from.",
        ),
        _text("source_url", "Source link", draft.source_url or "", optional=True, placeholder="https://…"),
        _text("quote", "Quote from the source", draft.quote, multiline=True, max_length=stored.QUOTE, hint="Verbatim."),
        _text(
            "consult",
            "Roles to consult",
            "\n".join(draft.consult or ()),
            multiline=True,
            optional=True,
            hint="One a line: the role, then its part in a few words, e.g. “COO: agrees the budget”.",
        ),
    ]
    if editing:
        retire = CheckboxesElement(action_id=VALUE, options=[Option(value="retire", label=say.RETIRE_LABEL)])
        blocks.append(InputBlock(block_id="retire", label="Retire", element=retire, optional=True))
    return _form(TOPIC_VIEW, "Edit a topic" if editing else "Add a topic", metadata, blocks)


def build_settings_modal(
    org: OrgSettings,
    *,
    roles: Sequence[Role],
    version: int,
    notice: str | None = None,
    ticked: Sequence[str] | None = None,
    confirm: Confirm | None = None,
    suggestions: Sequence[Suggestion] = (),
    filled: Mapping[str, str] | None = None,
) -> View:
    """The roles to tick, then a holder (and cover) field for each role ticked, `ticked` (default: the
    organisation's roles); ticking a role sends the form back (`dispatch_action`) to be redrawn. A role can
    only cover roles the organisation does not have, and the fallback is one it has. With `confirm`, the topics
    the save would move come first, and saving again confirms them.

    Under a role's holder field, a suggested holder (`suggestions`) with a button that fills the field in;
    `filled` maps the roles whose field was filled in so to whom, shown in place of the saved holder."""
    filled = filled or {}
    suggested = {s.role: s for s in suggestions if s.role not in filled}
    chosen_ids = list(org.roles) if ticked is None else list(ticked)
    options = [_role_option(r) for r in roles]
    chosen = [o for o, r in zip(options, roles, strict=True) if r.id in chosen_ids]
    lacking = [o for o, r in zip(options, roles, strict=True) if r.id not in chosen_ids]
    blocks: list[Block] = [_notice(notice)] if notice else []
    blocks += [
        InputBlock(
            block_id="roles",
            label="Roles this organisation has",
            element=StaticMultiSelectElement(action_id=VALUE, options=options, initial_options=chosen or None),
            dispatch_action=True,
            hint=say.ROLES_HINT,
        )
    ]
    for role in (r for r in roles if r.id in chosen_ids):
        seat = org.roles.get(role.id)
        blocks.append(_holder_field(role.id, filled.get(role.id), seat.holder if seat else None))
        if role.id in suggested:
            blocks.append(suggestion_block(suggested[role.id]))
        if lacking:
            covered = [o for o in lacking if seat and o.value in seat.covers]
            covers = StaticMultiSelectElement(action_id=VALUE, options=lacking, initial_options=covered or None)
            label = f"Roles the {role.id} also covers"
            blocks.append(InputBlock(block_id=f"covers_{role.id}", label=label, element=covers, optional=True))
    blocks += [
        _select("fallback", "Fallback role", chosen or options, selected=org.fallback, hint=say.FALLBACK_HINT),
        InputBlock(
            block_id="admins",
            label="Admins besides the workspace's admins and owners",
            element=UserMultiSelectElement(action_id=VALUE, initial_users=list(org.admins) or None),
            optional=True,
        ),
        _digest_box(org.digest),
    ]
    return _form(SETTINGS_VIEW, "Workspace settings", FormMetadata(version=version), blocks, confirm=confirm)


def build_override_modal(
    org: OrgSettings,
    *,
    roles: Sequence[Role],
    version: int,
    draft: Override | None = None,
    confirm: Confirm | None = None,
) -> View:
    """An empty override form; with `draft` and `confirm`, the submitted one again, with what it moves."""
    present = [_role_option(r) for r in roles if r.id in org.roles]
    consulted = [o for o in present if draft and o.value in (draft.consult or ())]
    blocks: list[Block] = [
        _text(
            "topic",
            "Topic",
            draft.topic if draft else "",
            max_length=MAX_OVERRIDE_TOPIC,
            hint="A topic as people ask it, e.g. “hosting costs”.",
        ),
        _select("role", "Owned here by", present, selected=draft.role if draft else None),
        _text(
            "reason",
            "Why",
            (draft.reason or "") if draft else "",
            multiline=True,
            optional=True,
            max_length=MAX_OVERRIDE_REASON,
            hint="Shown with the answer.",
        ),
        InputBlock(
            block_id="consult",
            label="Consult here",
            element=StaticMultiSelectElement(action_id=VALUE, options=present, initial_options=consulted or None),
            optional=True,
            hint="The roles to consult on this topic here, instead of the knowledge base's. Empty: keep those.",
        ),
    ]
    return _form(OVERRIDE_VIEW, "Add an override", FormMetadata(version=version), blocks, confirm=confirm)


def build_role_modal(draft: RoleDraft, *, roles: Sequence[Role]) -> View:
    """A new role for the knowledge base; topics move to it by changing their owner."""
    options = [_role_option(r) for r in roles]
    covered = [o for o in options if o.value in draft.covered_by]
    covers = StaticMultiSelectElement(action_id=VALUE, options=options, initial_options=covered or None)
    blocks: list[Block] = [
        _text("id", "Short name", draft.id, max_length=10, hint="2 to 10 capital letters or digits, e.g. CDO."),
        _text("name", "Title", draft.name, max_length=200, placeholder="Chief Data Officer"),
        _text("focus", "What the role owns", draft.focus, multiline=True, max_length=300),
        InputBlock(
            block_id="covered_by",
            label="Where a company has no such role, who usually does its work?",
            element=covers,
            optional=True,
            hint=say.ROLE_COVER_HINT,
        ),
        _text("work", "…and that role usually", draft.work, optional=True, max_length=120, placeholder="runs data"),
        _text(
            "posts",
            "Job titles under it",
            "\n".join(draft.posts),
            multiline=True,
            optional=True,
            max_length=stored.POSTS * (stored.POST + 1),  # every post a role may list, one a line
            placeholder="data engineer\nanalytics manager",
            hint=say.ROLE_POSTS_HINT,
        ),
    ]
    return _form(ROLE_VIEW, "Add a role", FormMetadata(), blocks)


def build_notice_modal(text: str, *, title: str = say.SAVED_TITLE) -> View:
    notice = SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT)))
    return View(type="modal", title=title, close="Done", blocks=[notice])


def errors_by_block(
    problems: Sequence[Problem], *, block_of: Callable[[Loc], str | None], first_block: str
) -> dict[str, str]:
    """Slack's `response_action: errors` map: each problem under its field's block, joined per block.

    Only the messages: the block says which field, and each message names the value it is about, so no
    internal path (`roles.CPTO.covers[0]`) reaches the person. Every problem is shown, not just the first.
    """
    errors: dict[str, list[str]] = {}
    for problem in problems:
        block = (block_of(problem.loc) if problem.loc else None) or first_block
        errors.setdefault(block, []).append(problem.message)
    return {block: shorten("; ".join(messages), limits.ERROR_TEXT) for block, messages in errors.items()}


def settings_block(loc: Loc) -> str | None:
    """The settings modal's block for a problem in the settings (`roles.CPTO.covers[0]` -> `covers_CPTO`)."""
    if loc[:1] == ("roles",) and len(loc) >= 3:
        return f"{loc[2]}_{loc[1]}" if loc[2] in ("holder", "covers") else "roles"
    return str(loc[0]) if loc[0] in ("roles", "fallback", "admins", "digest") else None


def _form(
    callback_id: str, title: str, metadata: FormMetadata, blocks: list[Block], *, confirm: Confirm | None = None
) -> View:
    """A form; with `confirm`, the owner moves its save makes come first and the next save confirms them."""
    if confirm is not None:
        room = limits.VIEW_BLOCKS - len(blocks) - 1
        warning = build_moves_warning(moves_sentence(confirm.moves))
        blocks = [warning, *moves_sections(confirm.moves, most=room), *blocks]
        metadata = metadata.model_copy(update={"confirmed": confirm.fingerprint})
    return View(
        type="modal",
        callback_id=callback_id,
        title=title,
        submit="Save",
        close="Cancel",
        private_metadata=metadata.model_dump_json(exclude_none=True),
        blocks=blocks,
    )


def _holder_field(role_id: str, filled: str | None, holder: str | None) -> InputBlock:
    action_id = f"{FILLED}{filled}" if filled else VALUE
    element = UserSelectElement(action_id=action_id, initial_user=filled or holder)
    return InputBlock(block_id=f"holder_{role_id}", label=f"Who is the {role_id}?", element=element, optional=True)


def _digest_box(on: bool) -> InputBlock:
    digest = Option(value="digest", label=say.DIGEST_LABEL)
    box = CheckboxesElement(action_id=VALUE, options=[digest], initial_options=[digest] if on else None)
    return InputBlock(block_id="digest", label="Weekly digest", element=box, optional=True)


def _notice(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text))


def _role_option(role: Role) -> Option:
    return Option(value=role.id, label=shorten(f"{role.id} · {role.name}", limits.OPTION_TEXT))


def _text(
    block_id: str,
    label: str,
    value: str,
    *,
    multiline: bool = False,
    optional: bool = False,
    max_length: int | None = None,
    hint: str | None = None,
    placeholder: str | None = None,
) -> InputBlock:
    element = PlainTextInputElement(
        action_id=VALUE,
        initial_value=value or None,
        multiline=multiline,
        max_length=max_length,
        placeholder=placeholder,
    )
    return InputBlock(block_id=block_id, label=label, element=element, optional=optional, hint=hint)


def _select(
    block_id: str, label: str, options: list[Option], *, selected: str | None = None, hint: str | None = None
) -> InputBlock:
    initial = next((o for o in options if o.value == selected), None)
    element = StaticSelectElement(action_id=VALUE, options=options, initial_option=initial)
    return InputBlock(block_id=block_id, label=label, element=element, hint=hint)
