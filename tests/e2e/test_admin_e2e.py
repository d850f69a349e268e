"""Admins change answers from Slack, through the real server (two worker processes) and the fake Web API.

The fake's `users.info` says who is a workspace admin; everyone else is refused on every write, and a
refused write changes nothing. Each test edits its own topic, so the module's tests share one server.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from bot.core.clock import utcnow
from bot.core.freshness import Review
from bot.slack.blocks.admin_lists import (
    EDIT_TOPIC,
    GAP_ALIAS,
    GAP_NEW_TOPIC,
    NEW_OVERRIDE,
    NEW_ROLE,
    OPEN_SETTINGS,
    REMOVE_OVERRIDE,
    UNDO,
)
from bot.slack.blocks.reviews import EDIT_DUE, STILL_RIGHT
from bot.store.repository import KnowledgeRepository
from bot.store.review_repository import ReviewRepository
from tests.e2e.modal_payloads import (
    block_suggestion,
    elements,
    multi_select_action,
    view_action,
    view_state,
    view_submission,
)
from tests.e2e.slack_requests import block_action, fresh_id, home_opened

SERVER_WORKERS = 2
ADMIN = "U0ADMIN01"
SECOND_ADMIN = "U0ADMIN02"
MEMBER = "U0MEMBER1"
ONLY_ADMINS = "Only admins can change this."


@pytest.fixture(scope="module", autouse=True)
def admins(fake_slack):
    admins = {ADMIN: {"name": "ada", "is_admin": True}, SECOND_ADMIN: {"name": "bob", "is_owner": True}}
    fake_slack.add_people(**admins, **{MEMBER: {"name": "mel"}})


def ask(slack, fake_slack, question: str) -> dict:
    url = fake_slack.response_url()
    slack.command(question, response_url=url, user=MEMBER)
    [reply] = fake_slack.wait_for_response(url)
    return reply


def answer(slack, fake_slack, question: str) -> str:
    return ask(slack, fake_slack, question)["text"]


def open_menu(slack, fake_slack, user: str = ADMIN) -> dict:
    opened = len(fake_slack.calls("views.open"))
    slack.command("admin", user=user, response_url=fake_slack.response_url())
    view = fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]
    return {**view, "id": fresh_id("V")}


def push_from(slack, fake_slack, menu: dict, *, action_id: str, selected: str | None = None) -> dict:
    pushed = len(fake_slack.calls("views.push"))
    slack.action(view_action(menu, action_id=action_id, selected=selected, user=ADMIN))
    view = fake_slack.wait_for("views.push", count=pushed + 1)[-1]["view"]
    return {**view, "id": fresh_id("V"), "root_view_id": menu["id"]}


def topic_editor(slack, fake_slack, topic_id: str) -> dict:
    return push_from(slack, fake_slack, open_menu(slack, fake_slack), action_id=EDIT_TOPIC, selected=topic_id)


def submit(slack, view: dict, given: dict, *, user: str = ADMIN) -> dict:
    response = slack.action(view_submission(view, view_state(view, given), user=user))
    assert response.status_code == 200, response.text
    return response.json()


def submit_confirmed(slack, view: dict, given: dict) -> dict:
    """Submits a form that moves owners: the form comes back with the moves, and saving it again confirms."""
    asked = submit(slack, view, given)
    assert asked["response_action"] == "update" and "Saving this moves owners." in shown(asked), asked
    return submit(slack, {**asked["view"], "id": view["id"], "root_view_id": view.get("root_view_id")}, given)


def shown(outcome: dict) -> str:
    return json.dumps(outcome.get("view", outcome), ensure_ascii=False)


def test_an_admins_modal_submission_changes_the_next_answer(slack, fake_slack):
    assert answer(slack, fake_slack, "security") == "Security: the CTO"
    editor = topic_editor(slack, fake_slack, "security")
    outcome = submit(slack, editor, {"owner": "COO", "aliases": "infosec\nkeeping us safe"})
    assert outcome["response_action"] == "update" and "Saved as change #" in shown(outcome)
    # (the CISO, who shares security, may follow as the CTO: the CTO usually covers an absent CISO)
    assert answer(slack, fake_slack, "security").startswith("Security: the COO")
    assert answer(slack, fake_slack, "who keeps us safe?").startswith("Security: the COO")
    fake_slack.wait_for("views.update", view_id=editor["root_view_id"])  # the menu underneath is redrawn


def test_a_non_admins_identical_submission_is_refused_and_changes_nothing(slack, fake_slack):
    editor = topic_editor(slack, fake_slack, "pricing")
    outcome = submit(slack, editor, {"owner": "COO"}, user=MEMBER)
    assert outcome["response_action"] == "update" and ONLY_ADMINS in shown(outcome)
    assert answer(slack, fake_slack, "pricing") == "Pricing: the CPO"
    url, opened = fake_slack.response_url(), len(fake_slack.calls("views.open"))
    slack.command("admin", user=MEMBER, response_url=url)
    told = fake_slack.wait_for_response(url)[0]["text"]
    assert told == "Only admins can change this. Ask ada or bob."  # by name: nobody is pinged
    assert "<@" not in told
    fake_slack.wait_quiet()
    assert len(fake_slack.calls("views.open")) == opened


def test_a_topic_picker_is_answered_with_the_topics_matching_what_the_admin_types(slack, fake_slack):
    menu = open_menu(slack, fake_slack)
    response = slack.action(block_suggestion(menu, action_id=EDIT_TOPIC, typed="cloud bill", user=ADMIN))
    assert response.status_code == 200
    options = response.json()["options"]
    assert options[0] == {
        "text": {"type": "plain_text", "text": "Hosting costs", "emoji": True},
        "value": "hosting-costs",
    }
    assert len(options) <= 100


def test_invalid_modal_input_returns_field_errors_and_saves_nothing(slack, fake_slack):
    editor = topic_editor(slack, fake_slack, "product-vision")
    outcome = submit(slack, editor, {"title": "", "quote": "q" * 301, "source_url": "ftp://nowhere", "owner": "COO"})
    assert outcome == {
        "response_action": "errors",
        "errors": {
            "title": "is required",
            "quote": "must be at most 300 characters",
            "source_url": "must be a link starting with https:// or http://, with no spaces and none of | < >",
        },
    }
    assert answer(slack, fake_slack, "product vision") == "Product vision: the CPO"


def test_undo_from_the_history_restores_the_earlier_answer(slack, fake_slack):
    submit(slack, topic_editor(slack, fake_slack, "accessibility"), {"owner": "CTO"})
    assert answer(slack, fake_slack, "accessibility") == "Accessibility: the CTO"
    url = fake_slack.response_url()
    slack.command("admin history", user=ADMIN, response_url=url)
    [history] = fake_slack.wait_for_response(url)
    [(_, newest), *_] = [(b, e) for b, e in elements({"blocks": history["blocks"]}) if e["action_id"] == UNDO]
    click = {"action_id": UNDO, "block_id": "undo", "value": newest["value"]}
    refused_url = fake_slack.response_url()
    slack.action(block_action(click, channel="C0GENERAL", message=None, response_url=refused_url, user=MEMBER))
    assert fake_slack.wait_for_response(refused_url)[0]["text"] == ONLY_ADMINS
    assert answer(slack, fake_slack, "accessibility") == "Accessibility: the CTO"
    undo_url = fake_slack.response_url()
    slack.action(block_action(click, channel="C0GENERAL", message=None, response_url=undo_url, user=ADMIN))
    [undone] = fake_slack.wait_for_response(undo_url)
    assert undone["replace_original"] is True and f"Undid change #{newest['value']}." in undone["text"]
    assert answer(slack, fake_slack, "accessibility") == "Accessibility: the CPO"


def test_an_unanswered_question_shows_up_for_admins_who_answer_it_in_one_click(slack, fake_slack):
    assert "not sure" in answer(slack, fake_slack, "who owns the office coffee machine?")
    slack.event(home_opened(user=MEMBER))
    member_home = json.dumps(fake_slack.wait_for("views.publish", user_id=MEMBER)[-1]["view"])
    assert "office coffee machine" not in member_home and "Latest changes" not in member_home
    published = len(fake_slack.calls("views.publish", user_id=ADMIN))
    slack.event(home_opened(user=ADMIN))
    home = fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 1)[-1]["view"]
    assert "office coffee machine" in json.dumps(home) and "asked once" in json.dumps(home)
    url = fake_slack.response_url()
    slack.command("admin gaps", user=ADMIN, response_url=url)
    assert "office coffee machine" in json.dumps(fake_slack.wait_for_response(url)[0]["blocks"])
    [gap_block] = [b for b, e in elements(home) if e["action_id"] == GAP_ALIAS and "office coffee machine" in b]
    click = view_action(
        {**home, "id": fresh_id("V")},
        action_id=GAP_ALIAS,
        selected="day-to-day-operations",
        block_id=gap_block,
        user=ADMIN,
    )
    slack.action(click)
    fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 2)
    assert answer(slack, fake_slack, "who owns the office coffee machine?") == "Day-to-day operations: the COO"


def test_two_concurrent_edits_exactly_one_wins_and_the_other_is_told(slack, fake_slack):
    editor = topic_editor(slack, fake_slack, "budgeting")
    owners = {ADMIN: "CTO", SECOND_ADMIN: "CPO"}
    with ThreadPoolExecutor(2) as pool:
        outcomes = dict(
            zip(owners, pool.map(lambda u: submit(slack, editor, {"owner": owners[u]}, user=u), owners), strict=True)
        )
    saved = [user for user, outcome in outcomes.items() if "Saved as change #" in shown(outcome)]
    told = [user for user, outcome in outcomes.items() if "since you opened it" in shown(outcome)]
    assert len(saved) == 1 and len(told) == 1, outcomes
    assert f"This was changed by <@{saved[0]}> since you opened it" in shown(outcomes[told[0]])
    assert answer(slack, fake_slack, "budgeting") == f"Budgeting: the {owners[saved[0]]}"


def test_the_settings_modal_names_a_holder_and_shows_problems_by_field(slack, fake_slack):
    settings = push_from(slack, fake_slack, open_menu(slack, fake_slack), action_id=OPEN_SETTINGS)
    refused = submit(slack, settings, {"roles": ["CEO", "CTO"], "fallback": "COO"})
    assert refused == {
        "response_action": "errors",
        "errors": {"fallback": "'COO' is not one of this organisation's roles"},
    }
    holder = "U0NEWCPO1"
    outcome = submit(slack, settings, {"holder_CPO": holder})
    assert "Saved as change #" in shown(outcome)
    named = json.dumps(ask(slack, fake_slack, "product strategy")["blocks"], ensure_ascii=False)
    assert f"*CPO* · Chief Product Officer · {holder}" in named  # Slack's stand-in gives each person their id as name


def test_an_override_added_in_its_modal_and_removed_from_the_menu(slack, fake_slack):
    menu = open_menu(slack, fake_slack)
    form = push_from(slack, fake_slack, menu, action_id=NEW_OVERRIDE)
    refused = submit(slack, form, {"topic": "the office piano", "role": "COO"})
    assert (
        refused["response_action"] == "errors"
        and "no topic in the knowledge base matches" in refused["errors"]["topic"]
    )
    given = {"topic": "cost savings", "role": "CEO", "reason": "The CEO signs."}
    asked = submit(slack, form, given)
    assert asked["response_action"] == "update" and asked["view"]["callback_id"] == form["callback_id"]
    assert "1 topic changes hands: 1 from the COO to the CEO." in shown(asked)
    assert "Cost savings: COO → *CEO*" in shown(asked)
    assert answer(slack, fake_slack, "cost savings") == "Cost savings: the COO"  # nothing saved yet
    assert "Saved as change #" in shown(submit_confirmed(slack, form, given))
    assert answer(slack, fake_slack, "cost savings") == "Cost savings: the CEO"
    menu = open_menu(slack, fake_slack)
    assert "“cost savings” → *CEO*" in json.dumps(menu, ensure_ascii=False)
    updates = len(fake_slack.calls("views.update", view_id=menu["id"]))
    slack.action(view_action(menu, action_id=REMOVE_OVERRIDE, user=ADMIN))
    [*_, redrawn] = fake_slack.wait_for("views.update", view_id=menu["id"], count=updates + 1)
    assert "Override removed" in json.dumps(redrawn["view"]) and "cost savings" not in json.dumps(redrawn["view"])
    assert answer(slack, fake_slack, "cost savings") == "Cost savings: the COO"


def test_a_new_topic_started_from_a_gap_answers_it_and_retiring_it_stops_that(slack, fake_slack):
    question = "who owns the espresso maker?"
    assert "not sure" in answer(slack, fake_slack, question)
    fake_slack.wait_quiet()  # an earlier test's Home redraw may still be on its way
    published = len(fake_slack.calls("views.publish", user_id=ADMIN))
    slack.event(home_opened(user=ADMIN))
    home = {**fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 1)[-1]["view"], "id": fresh_id("V")}
    [(_, button)] = [
        (b, e) for b, e in elements(home) if e["action_id"] == GAP_NEW_TOPIC and e["value"] == "espresso maker"
    ]
    opened = len(fake_slack.calls("views.open"))
    slack.action(view_action(home, action_id=GAP_NEW_TOPIC, value=button["value"], user=ADMIN))
    form = {**fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"], "id": fresh_id("V")}
    filled = {
        "owner": "COO",
        "reasoning": "Office equipment is day-to-day operations.",
        "source_title": "Office handbook",
        "quote": "Operations keeps the office running.",
    }
    assert "Saved as change #" in shown(submit(slack, form, filled))
    assert answer(slack, fake_slack, question) == "Espresso maker: the COO"
    editor = topic_editor(slack, fake_slack, "espresso-maker")
    assert "Saved as change #" in shown(submit(slack, editor, {"retire": ["retire"]}))
    assert "not sure" in answer(slack, fake_slack, question)


def consult_lines(slack, fake_slack, question: str) -> list[str]:
    """The answer's "also involved" lines, holders left out (other tests in this module name holders)."""
    headline = ask(slack, fake_slack, question)["blocks"][0]["text"]["text"]
    return [re.sub(r" \(\w+\)", "", line) for line in headline.splitlines() if line.startswith("Also involved")]


def test_the_roles_to_consult_are_edited_in_the_topic_modal_and_named_with_the_answer(slack, fake_slack):
    expected = ["Also involved: *CPO*: weighs in on what the product needs"]
    assert consult_lines(slack, fake_slack, "tech stack") == expected
    editor = topic_editor(slack, fake_slack, "tech-stack")
    refused = submit(slack, editor, {"consult": "CXO: helps"})
    assert refused["response_action"] == "errors" and "unknown role 'CXO'" in refused["errors"]["consult"]
    assert "Saved as change #" in shown(submit(slack, editor, {"consult": "COO: agrees the tools budget"}))
    assert consult_lines(slack, fake_slack, "tech stack") == ["Also involved: *COO*: agrees the tools budget"]


def test_an_override_sets_who_to_consult_in_this_workspace(slack, fake_slack):
    form = push_from(slack, fake_slack, open_menu(slack, fake_slack), action_id=NEW_OVERRIDE)
    saved = submit(slack, form, {"topic": "research and development", "role": "CTO", "consult": ["COO", "CEO"]})
    assert "Saved as change #" in shown(saved)
    assert consult_lines(slack, fake_slack, "research and development") == [
        "Also involved: *COO*: has a hand in it",
        "Also involved: *CEO*: has a hand in it",
    ]
    assert "consult COO, CEO" in json.dumps(open_menu(slack, fake_slack), ensure_ascii=False)


def test_a_custom_role_added_in_its_modal_takes_a_topic_and_a_holder(slack, fake_slack):
    form = push_from(slack, fake_slack, open_menu(slack, fake_slack), action_id=NEW_ROLE)
    refused = submit(slack, form, {"id": "Data officer", "name": "Chief Data Officer", "focus": "Owns our data."})
    assert refused["response_action"] == "errors" and "capital letters" in refused["errors"]["id"]
    role = {"id": "CDO", "name": "Chief Data Officer", "focus": "Owns our data."}
    refused = submit(slack, form, role | {"posts": "data steward\nTreasurer"})
    assert refused["errors"] == {"posts": "“Treasurer” already names the CFO"}
    role |= {"covered_by": ["CTO"], "work": "runs data", "posts": "data steward\nanalytics engineer"}
    assert ONLY_ADMINS in shown(submit(slack, form, role, user=MEMBER))
    assert "Saved as change #" in shown(submit(slack, form, role))
    editor = topic_editor(slack, fake_slack, "data-capabilities")
    assert "CDO · Chief Data Officer" in shown(editor)
    assert "Saved as change #" in shown(submit(slack, editor, {"owner": "CDO"}))
    reply = ask(slack, fake_slack, "data platform")
    assert reply["text"] == "Data capabilities and data platform: the CTO"
    assert "has no CDO; in companies without one, the CTO usually runs data." in json.dumps(reply["blocks"])
    settings = push_from(slack, fake_slack, open_menu(slack, fake_slack), action_id=OPEN_SETTINGS)
    roles = next(b for b in settings["blocks"] if b.get("block_id") == "roles")
    ticked = [option["value"] for option in roles["element"]["initial_options"]]
    updated = len(fake_slack.calls("views.update"))
    tick = multi_select_action(settings, block_id="roles", action_id="value", chosen=[*ticked, "CDO"], user=ADMIN)
    slack.action(tick)
    redrawn = fake_slack.wait_for("views.update", count=updated + 1)[-1]["view"]  # now with the CDO's fields
    holder = "U0CDOHOLD1"
    given = {"roles": [*ticked, "CDO"], "holder_CDO": holder}
    assert "Saved as change #" in shown(submit_confirmed(slack, {**settings, **redrawn}, given))
    reply = ask(slack, fake_slack, "data platform")
    assert reply["text"] == f"Data capabilities and data platform: the CDO ({holder})"
    assert f"*CDO* · Chief Data Officer · {holder}" in json.dumps(reply["blocks"], ensure_ascii=False)


def test_settings_that_move_owners_show_them_and_save_only_once_confirmed(slack, fake_slack):
    settings = push_from(slack, fake_slack, open_menu(slack, fake_slack), action_id=OPEN_SETTINGS)
    given = {"roles": ["CEO", "CTO", "COO"], "covers_CTO": ["CPO"]}
    asked = submit(slack, settings, given)
    text = shown(asked)
    assert asked["response_action"] == "update" and "Saving this moves owners." in text, asked
    assert re.search(r"\d+ topics change hands: \d+ from the CPO to the CTO", text)
    assert "Product strategy: CPO → *CTO*" in text
    confirming = {**asked["view"], "id": settings["id"]}
    assert json.loads(confirming["private_metadata"])["confirmed"]
    assert answer(slack, fake_slack, "product strategy").startswith("Product strategy: the CPO")  # nothing saved yet

    changed = submit(slack, confirming, {**given, "roles": ["CEO", "CTO"]})
    assert "Saving this moves owners." in shown(changed)  # other moves than the ones shown: asked again
    assert "from the COO to the CEO" in shown(changed)
    assert answer(slack, fake_slack, "product strategy").startswith("Product strategy: the CPO")


def test_a_stale_topic_says_so_and_still_right_from_the_home_tab_makes_it_fresh(slack, fake_slack, knowledge):
    with knowledge.db.transaction() as session:
        ReviewRepository(session).mark(Review("hosting-costs", utcnow() - timedelta(days=200), None))
        KnowledgeRepository(session).bump()
    context = [b for b in ask(slack, fake_slack, "hosting costs")["blocks"] if b["type"] == "context"]
    assert "last reviewed 6 months ago (" in json.dumps(context)

    published = len(fake_slack.calls("views.publish", user_id=ADMIN))
    slack.event(home_opened(user=ADMIN))
    home = {**fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 1)[-1]["view"], "id": fresh_id("V")}
    listed = json.dumps(home, ensure_ascii=False)
    assert "*Due a review* · 1 topic last reviewed over 180 days ago" in listed and "*Hosting costs* (CTO)" in listed
    edit = next(e for _, e in elements(home) if e["action_id"] == EDIT_DUE)
    assert edit["value"] == "hosting-costs"

    published = len(fake_slack.calls("views.publish", user_id=ADMIN))
    slack.action(view_action(home, action_id=STILL_RIGHT, value="hosting-costs", user=ADMIN))
    redrawn = fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 1)[-1]["view"]
    assert "Due a review" not in json.dumps(redrawn)
    assert "said “hosting-costs” is still right" in json.dumps(redrawn, ensure_ascii=False)  # in the history
    assert "last reviewed" not in json.dumps(ask(slack, fake_slack, "hosting costs")["blocks"])


def test_only_an_admin_may_say_still_right(slack, fake_slack, knowledge):
    with knowledge.db.transaction() as session:
        ReviewRepository(session).mark(Review("pricing", utcnow() - timedelta(days=200), None))
        KnowledgeRepository(session).bump()
    label = {"type": "plain_text", "text": "Still right"}
    button = {"type": "button", "action_id": STILL_RIGHT, "value": "pricing", "text": label}
    home = {"type": "home", "id": fresh_id("V"), "blocks": [{"type": "actions", "block_id": "d", "elements": [button]}]}
    opened = len(fake_slack.calls("views.open"))
    slack.action(view_action(home, action_id=STILL_RIGHT, value="pricing", user=MEMBER))
    refused = fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]
    assert ONLY_ADMINS in json.dumps(refused)
    assert "last reviewed" in json.dumps(ask(slack, fake_slack, "pricing")["blocks"])
