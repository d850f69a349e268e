"""`/whoowns assess` in Block Kit: the questions modal, and the result message with its sources.

Pure functions of the rules and the result, built with slack_sdk's model classes (which check Slack's
limits). The modal carries the channel it was opened from in `private_metadata`; the result's "Share in
channel" button carries the answers, so a click can rebuild the very same result.
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

from bot.core.assess import Assessment, SourceQuote
from bot.core.assess_answers import Answers
from bot.core.assess_rules import AnswerValue, AssessmentRules, Factor, as_text
from bot.slack.blocks.moves import build_moves_line
from bot.slack.blocks.mrkdwn import escape, link

ASSESS_VIEW = "assess_submit"  # the modal's callback id
SHARE_ASSESSMENT = "assess_share"  # the result's "Share in channel" button
HEADLINES = {"combine": "Combine: one CPTO", "separate": "Keep a CPO and a CTO", "borderline": "Borderline"}
SHAPES = {"combine": "one CPTO", "separate": "a CPO and a CTO"}
NO_ADDRESS = "no public address"


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
    return f"Shared by <@{user_id}> · try it yourself with `/whoowns assess`"


def build_assessment_blocks(
    result: Assessment, *, share: Answers | None = None, note: str | None = None
) -> list[Block]:
    """The result; with `share`, a button that posts it in the channel; `note` (mrkdwn) goes at the end."""
    limits = result.thresholds
    blocks: list[Block] = [
        HeaderBlock(text=f"{HEADLINES[result.recommendation]} (score {result.score:+d})"),
        SectionBlock(text=MarkdownTextObject(text=escape(result.summary))),
        _context(
            f"Combine at {limits.combine_at:+d} or more, separate at {limits.separate_at:+d} or less, "
            "borderline in between."
            + "".join(f" {f.title}: {f.label} rules out {SHAPES[f.rules_out]}." for f in result.factors if f.rules_out)
        ),
        SectionBlock(text=MarkdownTextObject(text="*Why*")),
    ]
    if result.moves_summary:
        line = build_moves_line(result.moves_summary, shape=result.recommendation, count=len(result.moves))
        blocks.insert(2, line)
    for factor in result.factors:
        sign = "+" if factor.direction == "combine" else "−"
        heading = f"*{escape(factor.title)}: {escape(factor.label)}* ({sign}{factor.weight} toward {factor.direction})"
        blocks.append(_cited(f"{heading}\n{escape(factor.reason)}", factor.source))
    shapes = " and of ".join(SHAPES[s] for s in dict.fromkeys(r.shape for r in result.risks))
    blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*Risks of {shapes}*")))
    for risk in result.risks:
        text = f":warning: *{escape(risk.risk)}*\n*What to do:* {escape(risk.mitigation)}"
        blocks.append(_cited(text, risk.source))
    flips = [f"• {escape(f.title)} → {escape(f.to_label)}: *{f.recommendation}*" for f in result.flip]
    changes = "\n".join(flips) or "No single answer changes it."
    blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*What would change the outcome*\n{changes}")))
    if note:
        blocks.append(_context(note))
    if share is not None:
        value = ShareKey(answers=share).model_dump_json()
        button = ButtonElement(text="Share in channel", action_id=SHARE_ASSESSMENT, value=value, style="primary")
        blocks.append(ActionsBlock(elements=[button]))
    return blocks


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
