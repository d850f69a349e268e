"""Admin-written text reaching Slack: it can never ping anyone, spoof a link or break a message.

The payloads are the ones from the security review (issue 9, findings 6 and 10): a source link that closes
Slack's link markup early, a reasoning of 700 `&`, an override reason full of mentions. Links like that
are refused wherever they come in; text already stored is escaped and cut to Slack's limits when shown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.core.answer import Answer, Engine
from bot.core.knowledge_files import load_knowledge
from bot.core.models import KnowledgeBase, Source
from bot.core.org import MAX_OVERRIDE_REASON, OrgSettings, Override, Seat
from bot.core.problems import InvalidInput
from bot.core.yamlfile import InvalidFile
from bot.services.admin.drafts import ResponsibilityDraft, check_draft
from bot.slack import limits
from bot.slack.blocks import answer_text, build_answer_blocks, to_dicts
from tests.conftest import KNOWLEDGE_DIR
from tests.core.test_knowledge_files import broken_copy

HOSTILE_URL = "https://ok.example/|fake><!channel><https://evil.example"
PINGS = " ".join(f"<@U{n:08d}>" for n in range(150)) + " <!channel> <!subteam^S0TEAM> <!here|here>"
HOLDER = "U0COOHOLD"
ENTRY = "https://whoowns.example.com/kb/hosting-costs"
BAD_LINKS = [HOSTILE_URL, "https://ok.example/a b", "https://ok.example/<x>", "https://ok.example/a|b"]


def markup(text: str) -> list[str]:
    """Every piece of Slack markup in a mrkdwn text: what is between `<` and `>`."""
    return re.findall(r"<([^<>]*)>", text)


def mrkdwn_texts(blocks: list[dict]) -> list[str]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn":
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return found


@pytest.mark.parametrize("url", BAD_LINKS)
def test_a_link_with_a_pipe_angle_brackets_or_a_space_is_refused_by_the_form(url):
    draft = ResponsibilityDraft(
        title="Security", owner="CTO", reasoning="r", source_title="t", source_url=url, quote="q"
    )
    with pytest.raises(InvalidInput) as caught:
        check_draft(draft, role_ids=["CTO"])
    [problem] = caught.value.problems
    assert problem.loc == ("source_url",) and "|" in problem.message and "spaces" in problem.message


@pytest.mark.parametrize("url", BAD_LINKS)
def test_a_link_with_a_pipe_angle_brackets_or_a_space_is_refused_in_files_and_by_the_model(tmp_path: Path, url):
    with pytest.raises(ValidationError):
        Source(id="evil", title="Evil", url=url)
    folder = broken_copy(tmp_path, "url: https://yojobs.com/the-cpo-and-cto-roles", f"url: '{url}'")
    with pytest.raises(InvalidFile, match=r"sources\.yaml:\d+: sources\[0\]\.url"):
        load_knowledge(folder)


def hostile_answer(*, reasoning: str | None = None, reason: str | None = PINGS) -> Answer:
    """An answer over text as it might already be stored (written before links were checked)."""
    kb = load_knowledge(KNOWLEDGE_DIR)
    entry = next(r for r in kb.responsibilities if r.id == "hosting-costs")
    source = Source.model_construct(
        id=entry.citation.source, title="<!everyone> & <@U0SPOOF> guide", url=HOSTILE_URL, seed=None
    )
    sources = tuple(source if s.id == source.id else s for s in kb.sources)
    changes = {"title": "<!here> Hosting costs & <https://evil.example|click>"}
    if reasoning is not None:
        changes["reasoning"] = reasoning
    items = tuple(r.model_copy(update=changes) if r.id == "hosting-costs" else r for r in kb.responsibilities)
    kb = KnowledgeBase.model_construct(**{**dict(kb), "sources": sources, "responsibilities": items})
    override = Override.model_construct(
        topic="hosting costs", role="COO", reason=reason, responsibility="hosting-costs"
    )
    overrides = (override,) if reason else ()  # without a reason: no override, the entry's reasoning shows
    org = OrgSettings.model_construct(
        name=None,
        roles={"CEO": Seat(), "CTO": Seat(), "CPO": Seat(), "COO": Seat(holder=HOLDER)},
        fallback="CEO",
        overrides=overrides,
        admins=(),
    )
    return Engine(kb).answer_responsibility("hosting-costs", org)


def test_stored_admin_text_cannot_ping_anyone_or_add_a_link_in_the_blocks_or_the_notification_text():
    answer = hostile_answer()
    blocks = to_dicts(build_answer_blocks(answer, entry_url=ENTRY))
    pieces = [piece for text in mrkdwn_texts(blocks) for piece in markup(text)]
    assert not [p for p in pieces if p.startswith("@")]  # holders are named, never mentioned
    assert not [p for p in pieces if p.startswith(("!", "#"))]
    links = [p for p in pieces if p.startswith("http") and not p.startswith(ENTRY)]
    assert len(links) == 1  # the source's: the others lead to the entry's page
    address, label = links[0].split("|")
    assert address.startswith("https://ok.example/%7Cfake%3E%3C!channel%3E%3Chttps://evil.example")
    assert label == "&lt;!everyone&gt; &amp; &lt;@U0SPOOF&gt; guide"
    text = answer_text(answer)
    assert markup(text) == [] and text.startswith(
        "&lt;!here&gt; Hosting costs &amp; &lt;https://evil.example|click&gt;"
    )


def test_an_unsure_answers_notification_text_escapes_the_topic_titles_it_suggests():
    answer = hostile_answer()
    unsure = answer.model_copy(update={"role": None, "reasoning": "closest: <!channel> & <@U0SPOOF>"})
    assert markup(answer_text(unsure)) == []


def test_reasoning_of_700_ampersands_is_cut_with_a_link_to_the_whole_entry():
    answer = hostile_answer(reasoning="&" * 700, reason=None)
    blocks = to_dicts(build_answer_blocks(answer, entry_url=ENTRY))  # slack_sdk refuses what Slack would
    reasoning = blocks[1]["text"]["text"]
    assert len(reasoning) <= limits.SECTION_TEXT
    assert reasoning.endswith(f"… <{ENTRY}|more>") and "&amp;&amp;" in reasoning
    assert not re.search(r"&(?!amp;|lt;|gt;)", reasoning.replace(f"<{ENTRY}|more>", ""))  # no entity cut in half


def test_without_an_entry_page_a_cut_text_ends_with_the_ellipsis_alone():
    blocks = to_dicts(build_answer_blocks(hostile_answer(reasoning="&" * 700, reason=None)))
    assert blocks[1]["text"]["text"].endswith("…") and len(blocks[1]["text"]["text"]) <= limits.SECTION_TEXT


def test_the_longest_override_reason_of_ampersands_is_shown_whole():
    blocks = to_dicts(build_answer_blocks(hostile_answer(reason="&" * MAX_OVERRIDE_REASON), entry_url=ENTRY))
    assert "&amp;" * MAX_OVERRIDE_REASON in blocks[1]["text"]["text"]


def test_an_override_reason_is_limited_where_it_is_written(engine: Engine):
    too_long = {"roles": {"CEO": {}, "COO": {}}, "overrides": [{"topic": "security", "role": "COO", "reason": PINGS}]}
    with pytest.raises(InvalidInput) as caught:
        engine.check_org(too_long)
    assert [p.loc for p in caught.value.problems] == [("overrides", 0, "reason")]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge(KNOWLEDGE_DIR))
