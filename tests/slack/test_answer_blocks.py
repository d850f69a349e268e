"""The answer message's Block Kit, built from real answers over the shipped knowledge base."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import SectionBlock

from bot.core.answer import Answer, Engine, TopicRef
from bot.core.knowledge_files import load_knowledge
from bot.core.org import OrgSettings, Seat
from bot.services.decisions import Decision
from bot.slack.blocks import AnswerKey, answer_text, build_answer_blocks, to_dicts
from bot.slack.blocks.answer import AnswerPeople
from bot.slack.blocks.ask_holder import ASK_HOLDER, AskKey
from tests.conftest import KNOWLEDGE_DIR

ENTRY = "https://whoowns.example.com/kb/pricing"
ADA = AnswerPeople(names={"U0CTO": "Ada Lovelace", "U0CPTO": "Grace"}, asker="U0ASKER")


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
    return engine.answer(question, org)


def test_an_answer_names_the_role_and_its_holder_by_name_then_one_sentence_source_and_topic(engine, org):
    answer = ask(engine, org, "who owns security?")
    blocks = render(answer, people=ADA)
    assert blocks[0]["text"]["text"] == (
        "*CTO* · Chief Technology Officer · Ada Lovelace\nAlso involved: *COO*: watches the wider business risk"
    )
    assert blocks[1]["text"]["text"] == answer.lead and ". " not in answer.lead
    assert blocks[2]["text"]["text"].startswith(":book: <https://")
    assert blocks[3] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "Topic: Security · confidence 100%"}],
    }
    assert "<@" not in texts(blocks) and answer_text(answer, ADA) == "Security: the CTO (Ada Lovelace)"


def test_a_holder_whose_name_is_unknown_is_shown_as_the_role_alone_never_mentioned(engine, org):
    answer = ask(engine, org, "who owns security?")
    blocks = render(answer)
    assert blocks[0]["text"]["text"].startswith("*CTO* · Chief Technology Officer\n")
    assert "U0CTO" not in texts(blocks[:-1]) and answer_text(answer) == "Security: the CTO"
    assert blocks[-1]["elements"][-1]["text"]["text"] == "Ask the CTO"


def test_an_answer_with_a_holder_offers_to_ask_them_and_only_the_asker_may(engine, org):
    answer = ask(engine, org, "who owns security?")
    buttons = render(answer, people=ADA)[-1]["elements"]
    assert [b["action_id"] for b in buttons] == ["feedback_up", "feedback_down", ASK_HOLDER]
    assert buttons[-1]["text"]["text"] == "Ask Ada Lovelace"
    key = AskKey.model_validate_json(buttons[-1]["value"])
    assert key == AskKey(holder="U0CTO", role="CTO", topic="Security", question="who owns security?", asker="U0ASKER")


def test_no_ask_button_without_a_holder_or_for_the_holder_asking_themselves(engine, org):
    pricing = render(ask(engine, org, "who owns pricing?"), people=ADA)[-1]["elements"]
    assert [b["action_id"] for b in pricing] == ["feedback_up", "feedback_down"]
    own = render(ask(engine, org, "who owns security?"), people=AnswerPeople(asker="U0CTO"))[-1]["elements"]
    assert [b["action_id"] for b in own] == ["feedback_up", "feedback_down"]


def test_an_override_leads_with_the_organisations_reason_who_set_it_and_when_then_most_companies(engine):
    settings = {
        "roles": {"CEO": {}, "CTO": {"holder": "U0CTO"}, "CPO": {}, "COO": {"holder": "U0COO"}},
        "overrides": [{"topic": "hosting costs", "role": "COO", "reason": "Finance pays the cloud provider."}],
    }
    answer = engine.answer("who owns hosting costs?", engine.check_org(settings))
    decided = Decision(by="U0ADMIN", at=datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    people = AnswerPeople(names={"U0COO": "Bob", "U0ADMIN": "Ada"}, decisions={"hosting-costs": decided})
    blocks = render(answer, people=people)
    assert blocks[0]["text"]["text"] == "*COO* · Chief Operating Officer · Bob"
    assert blocks[1]["text"]["text"] == (
        "Here the COO owns hosting costs: Finance pays the cloud provider."
        " — set by Ada, <!date^1796288400^{date_short_pretty}|3 Dec>"
    )
    assert blocks[2]["text"]["text"].startswith(":book: In most companies: the *CTO* owns it (")
    assert answer.source.quote not in texts(blocks)  # the article's quote argues for the CTO: not shown
    undated = render(answer, people=AnswerPeople(names={"U0COO": "Bob"}))[1]["text"]["text"]
    assert undated == "Here the COO owns hosting costs: Finance pays the cloud provider."


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
    headline = render(ask(engine, org, "who owns the roadmap?"), people=ADA)[0]["text"]["text"]
    assert (
        headline.startswith("Shared: *CPO*")
        and "*CTO* · Chief Technology Officer · Ada Lovelace for _Technology roadmap_" in headline
    )


def test_two_topics_in_one_question_show_each_owner_source_and_page_in_one_message(engine, org):
    answer = ask(engine, org, "who owns pricing and security?")
    urls = ["https://whoowns.example.com/kb/pricing", "https://whoowns.example.com/kb/security"]
    blocks = render(answer, topic_urls=urls, people=ADA)
    assert blocks[0]["text"]["text"] == "Your question names 2 topics: _Pricing_, _Security_. Here is who owns each."
    headlines = [b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["text"].startswith("*")]
    first_lines = [headline.split("\n")[0] for headline in headlines]
    assert first_lines == ["*CPO* · Chief Product Officer", "*CTO* · Chief Technology Officer · Ada Lovelace"]
    assert all(f"<{url}|this answer in the knowledge base>" in texts(blocks) for url in urls)
    assert sum(b["type"] == "divider" for b in blocks) == 2
    assert answer_text(answer, ADA) == "Pricing: the CPO · Security: the CTO (Ada Lovelace)"
    assert [e["action_id"] for e in blocks[-1]["elements"]] == ["feedback_up", "feedback_down"]
    assert AnswerKey.model_validate_json(blocks[-1]["elements"][0]["value"]).question == answer.question


def test_every_answer_has_vote_buttons_whose_value_rebuilds_it(engine, org):
    answer = ask(engine, org, "who owns security?")
    feedback = render(answer)[-1]
    assert feedback["block_id"] == "feedback"
    assert [e["action_id"] for e in feedback["elements"]][:2] == ["feedback_up", "feedback_down"]
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


def test_text_from_the_knowledge_base_is_escaped_mentions_included(engine, org):
    answer = ask(engine, org, "who owns security?").model_copy(update={"lead": "R&D <b>only</b>, ask <@U0CTO>"})
    assert render(answer)[1]["text"]["text"] == "R&amp;D &lt;b&gt;only&lt;/b&gt;, ask &lt;@U0CTO&gt;"


def test_a_name_from_slack_cannot_ping_or_break_the_message(engine, org):
    people = AnswerPeople(names={"U0CTO": "<!channel> *Ada*"})
    answer = ask(engine, org, "who owns security?")
    blocks = render(answer, people=people)
    assert "&lt;!channel&gt;" in blocks[0]["text"]["text"] and "<!channel>" not in texts(blocks[:-1])
    assert blocks[-1]["elements"][-1]["text"]["type"] == "plain_text"  # the button's label: never markup
    assert answer_text(answer, people) == "Security: the CTO (&lt;!channel&gt; *Ada*)"


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


def test_a_consulted_role_is_named_with_its_holders_name_and_an_admins_words_cannot_ping(engine):
    cpto = OrgSettings(roles={"CEO": Seat(), "CPTO": Seat(holder="U0CPTO", covers=("CTO", "CPO")), "COO": Seat()})
    headline = render(ask(engine, cpto, "who decides headcount?"), people=ADA)[0]["text"]["text"]
    assert headline.endswith("\nAlso involved: *CPTO* (Grace): hires the engineers")
    item = engine.responsibility("headcount")
    risky = item.model_copy(update={"shared_parts": {"CTO": "<!channel> hires & fires"}})
    answer = Engine(engine.kb.model_copy(update={"responsibilities": (risky,)})).answer_responsibility(
        "headcount", cpto
    )
    headline = render(answer, people=ADA)[0]["text"]["text"]
    assert "Also involved: *CPTO* (Grace): &lt;!channel&gt; hires &amp; fires" in headline


def test_a_specialists_answer_names_the_usual_owner_as_also_involved(engine):
    with_cmo = OrgSettings(
        roles={"CEO": Seat(), "CTO": Seat(holder="U0CTO"), "CPO": Seat(holder="U0CPTO"), "CMO": Seat()}
    )
    headline = render(ask(engine, with_cmo, "who does market research?"), people=ADA)[0]["text"]["text"]
    assert headline.startswith("*CMO*")
    assert "\nAlso involved: *CPO* (Grace): usually owns it, so keep them in the loop" in headline


def test_a_topic_of_several_the_bot_cannot_place_is_named_without_buttons_of_its_own(engine, org):
    known, unsure = ask(engine, org, "who owns pricing?"), ask(engine, org, "who owns the office plants?")
    blocks = render(known.model_copy(update={"topics": [known, unsure]}))
    assert f"_{unsure.topic}_: I'm not sure which area of work you mean." in str(blocks)
    assert [b.get("block_id") for b in blocks if b["type"] == "actions"] == ["feedback"]  # ids stay unique
