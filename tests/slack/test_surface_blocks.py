"""Plain text read from messages, suggested prompts, thread titles, follow-up replies and link cards."""

from __future__ import annotations

from bot.core.answer import Engine
from bot.core.knowledge_files import load_knowledge
from bot.core.org import OrgSettings, Seat
from bot.services.overview import RoleOverview, WorkspaceOverview
from bot.slack.blocks.conversation import holder_text, role_topics_blocks, suggested_prompts, thread_title
from bot.slack.blocks.unfurl import unfurl_card
from bot.slack.message_text import first_line, plain_text
from tests.conftest import KNOWLEDGE_DIR

ENGINE = Engine(load_knowledge(KNOWLEDGE_DIR))


def overview(*roles: str) -> WorkspaceOverview:
    return WorkspaceOverview(name=None, roles=tuple(RoleOverview(r, r, None, (), ()) for r in roles))


def test_plain_text_turns_slack_markup_into_words():
    message = {"text": "Ask <@U1> about <https://x.example|the bill> in <#C1|costs> &amp; <https://y.example>"}
    assert plain_text(message) == "Ask  about the bill in costs & https://y.example"


def test_plain_text_reads_rich_text_when_there_is_no_text_and_always_attachments():
    rich = {
        "type": "rich_text",
        "elements": [
            {"type": "rich_text_section", "elements": [{"type": "text", "text": "Line one"}]},
            {
                "type": "rich_text_list",
                "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": "item"}]}],
            },
        ],
    }
    attachment = {"pretext": "Forwarded:", "text": "who owns pricing?"}
    assert plain_text({"text": "", "blocks": [rich], "attachments": [attachment]}) == (
        "Line one\nitem\nForwarded:\nwho owns pricing?"
    )
    assert plain_text({"text": "", "attachments": [{"fallback": "only a fallback"}]}) == "only a fallback"
    assert first_line("\n\n  first \nsecond") == "first"


def test_suggested_prompts_ask_about_a_role_the_workspace_has():
    assert suggested_prompts(overview("CEO", "CTO", "COO"))[-1] == "What does the COO own here?"
    assert suggested_prompts(overview("CEO", "CPTO"))[-1] == "What does the CPTO own here?"


def test_replies_about_the_previous_answer():
    engine = ENGINE
    named = OrgSettings(roles={"CEO": Seat(), "CTO": Seat(holder="U0CTO")})
    answer = engine.answer("who owns hosting costs?", named)
    assert holder_text(answer, {"U0CTO": "Ada"}) == "*CTO* · Chief Technology Officer: Ada holds it here."
    assert holder_text(answer, {}) == "*CTO* · Chief Technology Officer: <@U0CTO> holds it here."  # a DM
    assert thread_title(answer) == "Hosting costs: the CTO"
    card = str(unfurl_card(answer, {"U0CTO": "Ada"}))
    assert "*Hosting costs*: the *CTO* · Chief Technology Officer · Ada" in card and "<@" not in card
    assert "*Hosting costs*: the *CTO* · Chief Technology Officer'" in str(unfurl_card(answer, {}))
    unsure = engine.answer("the office plants " * 20, named)
    assert len(thread_title(unsure)) <= 80


def test_a_role_without_topics_or_missing_from_the_workspace_says_so():
    assert "owns none of the topics" in str(role_topics_blocks(overview("CEO", "COO"), "COO", {}))
    missing = str(role_topics_blocks(overview("CEO", "COO"), "CFO", {}))
    assert "has no CFO in its settings. Its roles: CEO, COO." in missing
