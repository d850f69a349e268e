"""The weekly digest DM in Block Kit: what people asked that went unanswered, new 👎, topics gone stale,
holders that need attention.

A pure function of the digest service's `Digest`; questions, titles and people's names are escaped. Each
list is short (`bot.services.digest.SHOWN`), and the message points to App Home, where admins act on each item.
"""

from __future__ import annotations

from slack_sdk.models.blocks import Block, ContextBlock, HeaderBlock, MarkdownTextObject, SectionBlock

from bot.services.digest import Digest
from bot.slack import limits
from bot.slack.blocks.holders import flagged_line
from bot.slack.blocks.mrkdwn import escape, fit, shorten


def digest_text(digest: Digest) -> str:
    """The notification text: how many of each."""
    parts = [
        f"{len(digest.unanswered)} unanswered question{'' if len(digest.unanswered) == 1 else 's'}",
        f"{len(digest.disliked)} new 👎",
        f"{len(digest.stale)} topic{'' if len(digest.stale) == 1 else 's'} due a review",
    ]
    if digest.holders:
        parts.append(f"{len(digest.holders)} holder{'' if len(digest.holders) == 1 else 's'} to check")
    return f"whoowns this week ({digest.week}): " + ", ".join(parts)


def build_digest_blocks(digest: Digest) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=f"whoowns this week ({digest.week})")]
    if digest.unanswered:
        lines = [f"• *{escape(shorten(g.text, 200))}*: asked {g.count}×" for g in digest.unanswered]
        blocks.append(_section("*Most asked, not answered*\n" + "\n".join(lines)))
    if digest.disliked:
        lines = [
            f"• *{escape(shorten(g.text, 200))}* → {escape(g.answered.title) if g.answered else '?'}: {g.count} 👎"
            for g in digest.disliked
        ]
        blocks.append(_section("*New 👎*\n" + "\n".join(lines)))
    if digest.stale:
        lines = [f"• *{escape(t.title)}* ({t.owner}): last reviewed {t.review.at.date()}" for t in digest.stale[:20]]
        more = f"\n…and {len(digest.stale) - 20} more" if len(digest.stale) > 20 else ""
        blocks.append(_section("*Due a review*\n" + "\n".join(lines) + more))
    if digest.holders:
        lines = [f"• {flagged_line(f)}" for f in digest.holders]
        blocks.append(_section("*Holders that need attention*\n" + "\n".join(lines)))
    footer = "Act on each in the app's *Home* tab or with `/whoowns admin`. Admins can turn this digest off there."
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=footer)]))
    return blocks


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT)))
