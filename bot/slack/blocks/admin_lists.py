"""The admin editor menu, the gaps list and the history list in Block Kit, for modals, messages and the Home.

Pure functions of the admin services' results. Buttons carry what their click needs: a change's id to
undo, an override's position and the settings version it was listed at, a gap's question (in the block
id, since a select's value is the topic picked), the page of overrides to show.

Nothing grows with the knowledge base or the settings: topic pickers are `external_select`s whose options
Slack asks for as the admin types (`topic_options`, answered from the matcher), and overrides are listed
`OVERRIDES_PER_PAGE` at a time, so every modal stays within Slack's 100 blocks. Admin text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

from pydantic import BaseModel
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    ExternalDataSelectElement,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.core.answer import Engine
from bot.core.org import OrgSettings
from bot.services.admin import ChangeView, Gap, name_actor
from bot.services.admin.gaps import Note
from bot.slack import admin_messages as say
from bot.slack import limits
from bot.slack.blocks.mrkdwn import escape, fit, mention, person, shorten

MENU_VIEW = "admin_menu"
OPEN_ADMIN = "admin_open"
OPEN_SETTINGS = "admin_open_settings"
NEW_TOPIC = "admin_new_topic"
NEW_ROLE = "admin_new_role"
EDIT_TOPIC = "admin_edit_topic"
NEW_OVERRIDE = "admin_new_override"
REMOVE_OVERRIDE = "admin_remove_override"
UNDO = "admin_undo"
GAP_ALIAS = "admin_gap_alias"
GAP_NEW_TOPIC = "admin_gap_new_topic"
OVERRIDES_PAGE = "admin_overrides_page"
GAP_BLOCK = "admin_gap"  # block ids admin_gap:<n>:<question>
MAX_ALIAS = 120
OVERRIDES_PER_PAGE = 20  # with the menu's other blocks, far below a modal's 100


class OverrideKey(BaseModel):
    index: int
    version: int


def build_menu_modal(
    org: OrgSettings,
    *,
    version: int,
    notice: str | None = None,
    page: int = 0,
    due: Sequence[Block] = (),
    names: Mapping[str, str] | None = None,
) -> View:
    """`due`: the topics due a review (`reviews.due_blocks`), listed first; `names`: holders' names by id."""
    seats = [
        f"*{escape(rid)}*: " + (person(seat.holder, names or {}) if seat.holder else "nobody named")
        + (f" (covers {', '.join(seat.covers)})" if seat.covers else "")
        for rid, seat in org.roles.items()
    ]  # fmt: skip
    summary = "\n".join([say.MENU_SETTINGS, " · ".join(seats), f"Fallback: *{org.fallback}*"])
    blocks: list[Block] = [_section(notice)] if notice else []
    blocks += [*due, DividerBlock()] if due else []
    blocks += [
        SectionBlock(text=MarkdownTextObject(text=summary), accessory=_button("Change", OPEN_SETTINGS)),
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=say.MENU_TOPICS), accessory=_button("Add a topic", NEW_TOPIC)),
        ActionsBlock(block_id=EDIT_TOPIC, elements=[_topic_picker(EDIT_TOPIC, "Edit or retire a topic…")]),
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=say.MENU_ROLES), accessory=_button("Add a role", NEW_ROLE)),
        DividerBlock(),
        SectionBlock(
            text=MarkdownTextObject(text=say.MENU_OVERRIDES), accessory=_button("Add an override", NEW_OVERRIDE)
        ),
    ]  # fmt: skip
    blocks += _overrides_page(org, version=version, page=page)
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=say.MENU_FOOTER)]))
    return View(type="modal", callback_id=MENU_VIEW, title=say.MENU_TITLE, close="Close", blocks=blocks)


def _overrides_page(org: OrgSettings, *, version: int, page: int) -> list[Block]:
    """One page of the overrides, each with its Remove button, and buttons to the pages around it."""
    if not org.overrides:
        return [ContextBlock(elements=[MarkdownTextObject(text=say.NO_OVERRIDES)])]
    pages = (len(org.overrides) + OVERRIDES_PER_PAGE - 1) // OVERRIDES_PER_PAGE
    page = min(max(page, 0), pages - 1)
    first = page * OVERRIDES_PER_PAGE
    blocks: list[Block] = []
    for index, override in enumerate(org.overrides[first : first + OVERRIDES_PER_PAGE], start=first):
        line = (
            f"“{escape(override.topic)}” → *{override.role}*"
            + (f" — {escape(override.reason)}" if override.reason else "")
            + (f" · consult {', '.join(override.consult) or 'nobody'}" if override.consult is not None else "")
        )
        remove = _button(
            "Remove",
            REMOVE_OVERRIDE,
            value=OverrideKey(index=index, version=version).model_dump_json(),
            confirm=fit(escape(f"Remove the override “{override.topic}” → {override.role}?"), limits.CONFIRM_TEXT),
        )
        blocks.append(SectionBlock(text=MarkdownTextObject(text=fit(line, limits.SECTION_TEXT)), accessory=remove))
    if pages > 1:
        shown = say.overrides_shown(first + 1, first + len(blocks), len(org.overrides))
        turn = [_button(say.PREVIOUS, OVERRIDES_PAGE, value=str(page - 1))] if page > 0 else []
        turn += [_button(say.NEXT, OVERRIDES_PAGE, value=str(page + 1))] if page < pages - 1 else []
        blocks += [ContextBlock(elements=[MarkdownTextObject(text=shown)]), ActionsBlock(elements=turn)]
    return blocks


def topic_options(engine: Engine, query: str) -> list[Option]:
    """What a topic picker offers for what the admin typed, at most a select's 100 options: the matcher's
    best matches, then the titles containing it (with nothing typed: the first topics by title). When the
    titles alone fill the list the matcher is not asked, which keeps a huge knowledge base quick."""
    wanted = " ".join(query.casefold().split())[:MAX_ALIAS]
    titled = sorted(engine.kb.active, key=lambda item: item.title.casefold())
    found = [item.id for item in titled if wanted in item.title.casefold()][: limits.OPTIONS]
    if wanted and len(found) < limits.OPTIONS:
        _, matches = engine.matcher.match(wanted, limit=limits.OPTIONS)
        found = [m.responsibility_id for m in matches if m.score > 0] + found
    ids = list(dict.fromkeys(found))[: limits.OPTIONS]
    return [Option(value=rid, label=shorten(engine.matcher.title(rid), limits.OPTION_TEXT)) for rid in ids]


def gaps_blocks(gaps: Sequence[Gap]) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=say.GAPS_HEADER)]
    if not gaps:
        return [*blocks, SectionBlock(text=MarkdownTextObject(text=say.NO_GAPS))]
    for number, gap in enumerate(gaps):
        text = fit(_gap_text(gap), limits.SECTION_TEXT)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text)))
        elements: list = []
        if len(gap.text) <= MAX_ALIAS:
            elements.append(_topic_picker(GAP_ALIAS, say.ADD_AS_ALIAS))
        elements.append(_button(say.NEW_TOPIC_FROM_GAP, GAP_NEW_TOPIC, value=shorten(gap.text, limits.BUTTON_VALUE)))
        block_id = f"{GAP_BLOCK}:{number}:{gap.text}"[: limits.BLOCK_ID]
        blocks.append(ActionsBlock(block_id=block_id, elements=elements))
    return blocks


def _gap_text(gap: Gap) -> str:
    """The question, how often it was asked or voted down, who asked for it and what people wrote."""
    if gap.kind == "disliked":
        how = say.voted_down(gap.count, gap.answered.title if gap.answered else "?")
    else:
        how = say.asked(gap.count)
    lines = [f"*{escape(shorten(gap.text, 500))}* · {escape(how)} · last {when(gap.last_at)}"]
    if gap.askers:
        lines.append(say.requested_by([mention(user) for user in gap.askers]))
    lines += [f"> {mention(n.user_id)}: {_note(n)}" for n in gap.notes]
    return "\n".join(lines)


def _note(note: Note) -> str:
    owner = escape(shorten(note.owner, 200)) if note.owner else None
    return say.gap_note(owner, escape(shorten(note.note, 500)) if note.note else None)


def gap_question(block_id: str) -> str:
    """The question a gap's action block is about (its id is `admin_gap:<n>:<question>`)."""
    return block_id.split(":", 2)[2]


def history_blocks(changes: Sequence[ChangeView], *, mention: Callable[[str], str]) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=say.HISTORY_HEADER)]
    if not changes:
        return [*blocks, SectionBlock(text=MarkdownTextObject(text=say.NO_HISTORY))]
    for change in changes:
        who = escape(name_actor(change.actor, mention), mentions={change.actor or ""})
        summary = escape(change.summary, mentions=change.people)
        text = fit(f"*#{change.id}* · {who} · {when(change.at)}\n{summary}", limits.SECTION_TEXT)
        undo = _button(say.UNDO, UNDO, value=str(change.id), confirm=f"Undo change #{change.id}?")
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text), accessory=undo))
    return blocks


def admin_home_blocks(
    gaps: Sequence[Gap],
    changes: Sequence[ChangeView],
    *,
    mention: Callable[[str], str],
    notice: str | None = None,
    due: Sequence[Block] = (),
) -> list[Block]:
    """`due`: the topics due a review (`reviews.due_blocks`), after the button to the editor."""
    blocks: list[Block] = [HeaderBlock(text=say.ADMIN_HEADER)]
    if notice:
        blocks.append(_section(notice))
    blocks.append(ActionsBlock(elements=[_button(say.OPEN_ADMIN, OPEN_ADMIN)]))
    blocks += due
    return [*blocks, *gaps_blocks(gaps), *history_blocks(changes, mention=mention)]


def when(moment: datetime) -> str:
    """A time each reader sees in their own time zone (Slack's date formatting), with a UTC fallback."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    fallback = aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(aware.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def _topic_picker(action_id: str, placeholder: str) -> ExternalDataSelectElement:
    return ExternalDataSelectElement(action_id=action_id, placeholder=placeholder, min_query_length=0)


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT)))


def _button(label: str, action_id: str, *, value: str | None = None, confirm: str | None = None) -> ButtonElement:
    dialog = ConfirmObject(title="Are you sure?", text=confirm, confirm="Yes", deny="No") if confirm else None
    return ButtonElement(text=label, action_id=action_id, value=value or action_id, confirm=dialog)
