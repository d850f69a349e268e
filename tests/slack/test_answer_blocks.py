"""The answer message's Block Kit, built from real answers over the shipped knowledge base."""

from __future__ import annotations

import json

import pytest
from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import SectionBlock

from bot.core.answer import Answer, Engine, TopicRef
from bot.core.knowledge_files import load_knowledge
from bot.core.org import OrgSettings, Seat
from bot.slack.blocks import AnswerKey, answer_text, build_answer_blocks, to_dicts
from tests.conftest import KNOWLEDGE_DIR

ENTRY = "https://whoowns.example.com/kb/pricing"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge(KNOWLEDGE_DIR))


@pytest.fixture(scope="module")
def org() -> OrgSettings:
    return OrgSettings(roles={"CEO": Seat(), "CTO": Seat(holder="U0CTO"), "CPO": Seat(), "COO": Seat()})


def render(answer: Answer, **options) -> list[dict]:
    return to_dicts(build_answer_blocks(answer, **options))


def texts(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def ask(engine: Engine, org: OrgSettings, question: str) -> Answer:
    return engine.answer(question, org, mention=lambda user: f"<@{user}>")


def test_an_answer_names_the_role_in_bold_with_its_holder_then_reasoning_source_and_topic(engine, org):
    blocks = render(ask(engine, org, "who owns security?"))
    assert blocks[0]["text"]["text"] == (
        "*CTO* · Chief Technology Officer · <@U0CTO>\nConsult the *COO*: watches the wider business risk"
    )
    assert "In your organisation that is <@U0CTO>." in blocks[1]["text"]["text"]
    assert blocks[2]["text"]["text"].startswith(":book: <https://")
    assert blocks[3] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "Topic: Security · confidence 100%"}],
    }


def test_an_answer_links_to_its_article_and_to_its_entry_page_when_the_site_has_an_address(engine, org):
    source = render(ask(engine, org, "pricing"), entry_url=ENTRY)[2]["text"]["text"]
    assert "<https://yojobs.com/the-cpo-and-cto-roles|The CPO and CTO roles" in source
    assert f"<{ENTRY}|this answer in the knowledge base>" in source
    assert "\n> will essentially oversee every stage of the product" in source


def test_a_source_without_an_address_links_to_the_entry_page_alone(engine, org):
    source = render(ask(engine, org, "developer productivity"), entry_url=ENTRY)[2]["text"]["text"]
    assert source.count("<http") == 1 and f"<{ENTRY}|" in source


def test_without_any_address_the_source_is_its_title_and_quote_with_no_link(engine, org):
    source = render(ask(engine, org, "developer productivity"))[2]["text"]["text"]
    assert "<http" not in source and "CTO to CTPO" in source and "> If there" in source


def test_a_shared_area_names_both_roles(engine, org):
    headline = render(ask(engine, org, "who owns the roadmap?"))[0]["text"]["text"]
    assert (
        headline.startswith("Shared: *CPO*")
        and "*CTO* · Chief Technology Officer · <@U0CTO> for _Technology roadmap_" in headline
    )


def test_two_topics_in_one_question_show_each_owner_source_and_page_in_one_message(engine, org):
    answer = ask(engine, org, "who owns pricing and security?")
    urls = ["https://whoowns.example.com/kb/pricing", "https://whoowns.example.com/kb/security"]
    blocks = render(answer, topic_urls=urls)
    assert blocks[0]["text"]["text"] == "Your question names 2 topics: _Pricing_, _Security_. Here is who owns each."
    headlines = [b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["text"].startswith("*")]
    first_lines = [headline.split("\n")[0] for headline in headlines]
    assert first_lines == ["*CPO* · Chief Product Officer", "*CTO* · Chief Technology Officer · <@U0CTO>"]
    assert all(f"<{url}|this answer in the knowledge base>" in texts(blocks) for url in urls)
    assert sum(b["type"] == "divider" for b in blocks) == 2
    assert answer_text(answer) == "Pricing: the CPO · Security: the CTO"
    assert AnswerKey.model_validate_json(blocks[-1]["elements"][0]["value"]).question == answer.question


def test_every_answer_has_vote_buttons_whose_value_rebuilds_it(engine, org):
    answer = ask(engine, org, "who owns security?")
    feedback = render(answer)[-1]
    assert feedback["block_id"] == "feedback"
    assert [e["action_id"] for e in feedback["elements"]] == ["feedback_up", "feedback_down"]
    key = AnswerKey.model_validate_json(feedback["elements"][0]["value"])
    assert key == AnswerKey(question="who owns security?", responsibility_id="security", picked=False)


def test_when_unsure_it_says_so_offers_the_closest_topics_once_and_a_request_to_the_admins(engine, org):
    answer = ask(engine, org, "who owns the office plants?")
    blocks = render(answer)
    said = blocks[0]["text"]["text"]
    assert said == ":thinking_face: I'm not sure which area of work you mean. Did you mean one of these?"
    suggestions = next(b for b in blocks if b.get("block_id") == "suggestions")["elements"]
    assert [s["value"] for s in suggestions] == [s.id for s in answer.suggestions]
    assert len({s["action_id"] for s in suggestions}) == len(suggestions)
    [request] = next(b for b in blocks if b.get("block_id") == "request")["elements"]
    assert request["text"]["text"] == "Ask an admin to add this" and request["action_id"] == "request_topic"
    assert AnswerKey.model_validate_json(request["value"]).question == "who owns the office plants?"
    assert "feedback" not in {b.get("block_id") for b in blocks}  # not an answer: nothing to vote on
    assert answer_text(answer).startswith("I'm not sure")


def test_an_off_topic_question_gets_what_the_bot_is_for_and_nothing_to_click(engine, org):
    blocks = render(ask(engine, org, "what time is standup?"))
    assert [b["type"] for b in blocks] == ["section"]
    assert "which executive role owns an area of work" in blocks[0]["text"]["text"]


def test_text_from_the_knowledge_base_is_escaped_but_mentions_still_work(engine, org):
    answer = ask(engine, org, "who owns security?").model_copy(update={"reasoning": "R&D <b>only</b>, ask <@U0CTO>"})
    assert render(answer)[1]["text"]["text"] == "R&amp;D &lt;b&gt;only&lt;/b&gt;, ask <@U0CTO>"


def test_a_long_question_and_long_titles_stay_within_slacks_limits(engine, org):
    answer = ask(engine, org, "who owns " + "very " * 600 + "obscure things?")
    long_title = TopicRef(id="office-and-facilities", title="A" * 120)
    answer = answer.model_copy(update={"suggestions": [long_title]})
    blocks = render(answer)  # to_dicts validates every block against Slack's limits
    buttons = next(b for b in blocks if b.get("block_id") == "suggestions")["elements"]
    assert len(buttons[0]["text"]["text"]) == 75
    assert all(len(e["value"]) <= 2000 for e in blocks[-1]["elements"])


def test_the_block_models_refuse_what_slack_would_refuse():
    with pytest.raises(SlackObjectFormationError):
        to_dicts([SectionBlock(text="x" * 3001)])


def test_a_consulted_role_is_named_with_its_holder_and_an_admins_words_cannot_ping(engine):
    cpto = OrgSettings(roles={"CEO": Seat(), "CPTO": Seat(holder="U0CPTO", covers=("CTO", "CPO")), "COO": Seat()})
    headline = render(ask(engine, cpto, "who decides headcount?"))[0]["text"]["text"]
    assert headline.endswith("\nConsult the *CPTO* (<@U0CPTO>): hires the engineers")
    item = engine.responsibility("headcount")
    risky = item.model_copy(update={"shared_parts": {"CTO": "<!channel> hires & fires"}})
    answer = Engine(engine.kb.model_copy(update={"responsibilities": (risky,)})).answer_responsibility("headcount", cpto)
    assert "Consult the *CPTO* (<@U0CPTO>): &lt;!channel&gt; hires &amp; fires" in render(answer)[0]["text"]["text"]


def test_a_topic_of_several_the_bot_cannot_place_is_named_without_buttons_of_its_own(engine, org):
    known, unsure = ask(engine, org, "who owns pricing?"), ask(engine, org, "who owns the office plants?")
    blocks = render(known.model_copy(update={"topics": [known, unsure]}))
    assert f"_{unsure.topic}_: I'm not sure which area of work you mean." in str(blocks)
    assert [b.get("block_id") for b in blocks if b["type"] == "actions"] == ["feedback"]  # ids stay unique
