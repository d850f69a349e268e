"""`/whoowns assess` in Block Kit: the questions modal, the short result message, and all its factors.

Pure functions of the rules and the result, built with slack_sdk's model classes (which check Slack's
limits). The modal carries the channel it was opened from in `private_metadata`; the result's buttons
("All factors", "Share in channel") carry the answers, so a click can rebuild the very same result.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    RadioButtonsElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.core.assess import Assessment, Pushed, SourceQuote
from bot.core.assess_answers import Answers
from bot.core.assess_rules import NO_ADDRESS, SHAPE_NAMES, AnswerValue, AssessmentRules, Factor, as_text
from bot.slack.blocks.moves import build_moves_line
from bot.slack.blocks.mrkdwn import escape, link, mention

ASSESS_VIEW = "assess_submit"  # the modal's callback id
SHARE_ASSESSMENT = "assess_share"  # the result's "Share in channel" button
ALL_FACTORS = "assess_all_factors"  # the result's "All factors" button: the rest, in a modal
RESULT_BUTTONS = "assess_result"
SHORT_BLOCKS = 8  # a result before "All factors": what a channel can take without it becoming a wall
REASONS = 3
STRONGEST = "*Strongest reasons*"
HEADLINES = {"combine": "Combine: one CPTO", "separate": "Keep a CPO and a CTO", "borderline": "Borderline"}


class ModalMetadata(BaseModel):
    """What the modal remembers between `/whoowns assess` and its submission."""

    channel: str | None = None


class ShareKey(BaseModel):
    answers: dict[str, AnswerValue]


def build_assess_modal(rules: AssessmentRules, *, channel_id: str | None) -> View:
    intro = (
        "Should product and technology have *one leader (a CPTO)* or *two (a CPO and a CTO)*? Answer for "
        "your company; the result cites the articles behind each answer. Only you will see it."
    )
    return View(
        type="modal",
        callback_id=ASSESS_VIEW,
        title="CPTO or CPO + CTO?",
        submit="Assess",
        close="Cancel",
        private_metadata=ModalMetadata(channel=channel_id).model_dump_json(),
        blocks=[SectionBlock(text=MarkdownTextObject(text=intro)), *[_question(f) for f in rules.factors]],
    )


def answers_from_state(rules: AssessmentRules, values: dict[str, Any]) -> dict[str, AnswerValue]:
    """The submitted modal's choices as raw answers for `check_answers` (block and action id = factor id)."""
    chosen = {}
    for factor in rules.factors:
        option = values.get(factor.id, {}).get(factor.id, {}).get("selected_option")
        if option:
            chosen[factor.id] = factor.value_of(option["value"])
    return chosen


def assessment_text(result: Assessment) -> str:
    """The notification and fallback text of a result message."""
    return f"{result.summary} (score {result.score:+d})"


def shared_by(user_id: str) -> str:
    return f"Shared by {mention(user_id)} · try it yourself with `/whoowns assess`"


def build_assessment_blocks(
    result: Assessment, *, answers: Answers, shareable: bool = False, note: str | None = None
) -> list[Block]:
    """The short result, at most `SHORT_BLOCKS` blocks: the recommendation, the score, what moves for this
    organisation (with a button listing the topics), the strongest reasons and an "All factors" button (the
    rest, in a modal); `shareable` adds "Share in channel"; `note` (mrkdwn) goes at the end. Both buttons
    carry the answers, so a click rebuilds the very same result."""
    limits = result.thresholds
    reasons = strongest(result)
    scale = (
        f"Combine at {limits.combine_at:+d} or more, separate at {limits.separate_at:+d} or less, "
        "borderline in between."
        + "".join(f" {f.title}: {f.label} rules out {SHAPE_NAMES[f.rules_out]}." for f in result.factors if f.rules_out)
    )
    blocks: list[Block] = [
        HeaderBlock(text=f"{HEADLINES[result.recommendation]} (score {result.score:+d})"),
        SectionBlock(text=MarkdownTextObject(text=f"{escape(result.summary)}\n_{escape(scale)}_")),
    ]
    if result.moves_summary:
        blocks.append(build_moves_line(result.moves_summary, shape=result.recommendation, count=len(result.moves)))
    blocks += [_factor(factor, lead=STRONGEST if index == 0 else None) for index, factor in enumerate(reasons)]
    value = ShareKey(answers=answers).model_dump_json()
    more = len(result.factors) - len(reasons)
    buttons = [ButtonElement(text=all_factors_label(more), action_id=ALL_FACTORS, value=value)]
    if shareable:
        buttons.append(ButtonElement(text="Share in channel", action_id=SHARE_ASSESSMENT, value=value, style="primary"))
    blocks.append(ActionsBlock(block_id=RESULT_BUTTONS, elements=buttons))
    if note:
        blocks.append(_context(note))
    return blocks


def strongest(result: Assessment) -> list[Pushed]:
    """The `REASONS` heaviest factors, those pushing toward the recommendation first (ties: the rules' order)."""
    toward = {"combine": "combine", "separate": "separate"}.get(result.recommendation)
    ranked = sorted(result.factors, key=lambda f: (f.direction != toward, -f.weight))
    return ranked[:REASONS]


def all_factors_label(more: int) -> str:
    return f"All factors (+{more} more)" if more > 0 else "All factors"


def build_all_factors_modal(result: Assessment) -> View:
    """Everything behind the result: every factor with its article, the risks of the shape, what would flip it."""
    blocks: list[Block] = [
        SectionBlock(text=MarkdownTextObject(text=f"*{HEADLINES[result.recommendation]}* (score {result.score:+d})")),
        SectionBlock(text=MarkdownTextObject(text="*Why*")),
        *[_factor(factor) for factor in result.factors],
    ]
    shapes = " and of ".join(SHAPE_NAMES[s] for s in dict.fromkeys(r.shape for r in result.risks))
    blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*Risks of {shapes}*")))
    for risk in result.risks:
        text = f":warning: *{escape(risk.risk)}*\n*What to do:* {escape(risk.mitigation)}"
        blocks.append(_cited(text, risk.source))
    flips = [f"• {escape(f.title)} → {escape(f.to_label)}: *{f.recommendation}*" for f in result.flip]
    changes = "\n".join(flips) or "No single answer changes it."
    blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*What would change the outcome*\n{changes}")))
    return View(type="modal", title="All factors", close="Close", blocks=blocks)


def _factor(factor: Pushed, *, lead: str | None = None) -> SectionBlock:
    sign = "+" if factor.direction == "combine" else "−"
    heading = f"*{escape(factor.title)}: {escape(factor.label)}* ({sign}{factor.weight} toward {factor.direction})"
    return _cited(("" if lead is None else f"{lead}\n") + f"{heading}\n{escape(factor.reason)}", factor.source)


def _question(factor: Factor) -> InputBlock:
    options = {a.value: Option(value=as_text(a.value), text=a.label) for a in factor.answers}
    element = RadioButtonsElement(
        action_id=factor.id, options=list(options.values()), initial_option=options[factor.default]
    )
    return InputBlock(block_id=factor.id, label=factor.question, hint=factor.hint, element=element)


def _cited(text: str, source: SourceQuote) -> SectionBlock:
    where = link(source.url, source.title) if source.url else f"_{escape(source.title)}_ ({NO_ADDRESS})"
    return SectionBlock(text=MarkdownTextObject(text=f"{text}\n> “{escape(source.quote)}”\n— {where}"))


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=text)])
