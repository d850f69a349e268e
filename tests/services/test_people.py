"""Holders' names, cached per workspace with a lifetime, and who set an override: on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.core.holders import Profile
from bot.services.admin.actor import Actor
from bot.services.decisions import override_decision
from bot.services.people import PersonNames, display_name, to_profile
from bot.services.unnamed_roles import UnnamedRole, unnamed_roles
from bot.wiring import build_admin
from tests.helpers import Clock, save_org


def slack_user(user_id: str, name: str) -> dict:
    return {"id": user_id, "name": "handle", "real_name": "Real Name", "profile": {"display_name": name}}


def test_the_name_shown_is_the_display_name_then_the_real_name_then_the_handle():
    assert display_name(slack_user("U1", "Ada")) == "Ada"
    assert display_name({"id": "U1", "name": "ada", "real_name": "Ada Lovelace", "profile": {"display_name": " "}}) == (
        "Ada Lovelace"
    )
    assert display_name({"id": "U1", "name": "ada"}) == "ada"
    assert display_name({"id": "U1"}) is None


def test_a_name_is_looked_up_once_then_read_from_the_database_until_it_grows_old(service):
    clock, asked = Clock(), []

    def lookup(user_id: str) -> dict:
        asked.append(user_id)
        return slack_user(user_id, f"name {len(asked)}")

    names = PersonNames(service.db, lifetime=timedelta(hours=24), now=clock)
    assert names.names("T1", ["U1", "U2"], lookup=lookup) == {"U1": "name 1", "U2": "name 2"}
    assert PersonNames(service.db, now=clock).names("T1", ["U1"], lookup=lookup) == {"U1": "name 1"}  # another process
    assert asked == ["U1", "U2"]
    assert names.names("T2", ["U1"]) == {}  # another workspace, and no lookup: nothing known
    clock.now += timedelta(hours=25)
    assert names.names("T1", ["U1"], lookup=lookup) == {"U1": "name 3"}


def test_a_failed_lookup_keeps_an_old_name_or_leaves_the_person_unnamed(service):
    clock = Clock()
    names = PersonNames(service.db, lifetime=timedelta(hours=1), now=clock)
    names.names("T1", ["U1"], lookup=lambda user: slack_user(user, "Ada"))
    clock.now += timedelta(hours=2)
    assert names.names("T1", ["U1", "U9"], lookup=lambda _user: None) == {"U1": "Ada"}


def test_a_user_change_replaces_the_name_at_once(service):
    names = PersonNames(service.db)
    names.names("T1", ["U1"], lookup=lambda user: slack_user(user, "Ada"))
    names.remember("T1", slack_user("U1", "Ada L."))
    names.remember("T1", {"profile": {"display_name": "no id"}})  # ignored
    assert names.names("T1", ["U1"], lookup=lambda _user: None) == {"U1": "Ada L."}


def test_an_overrides_author_and_time_come_from_the_latest_change_that_set_it(service):
    admin = build_admin(service)
    assert override_decision(service.db, "T1", "hosting-costs") is None
    actor = Actor("T1", "U0ADMIN1", workspace_admin=True)
    admin.org.add_override(actor, topic="hosting costs", role="COO", reason="Finance pays.")
    other = Actor("T1", "U0ADMIN2", workspace_admin=True)
    admin.org.add_override(other, topic="pricing", role="CEO")  # a later change that leaves it alone
    decision = override_decision(service.db, "T1", "hosting-costs")
    assert decision is not None and decision.by == "U0ADMIN1"
    assert abs(decision.at - datetime.now(UTC)) < timedelta(minutes=5)
    assert override_decision(service.db, "T1", "pricing").by == "U0ADMIN2"
    assert override_decision(service.db, "T2", "hosting-costs") is None  # another workspace's log


def test_the_roles_nobody_is_named_for_are_the_admins_to_do(service):
    assert [r.role for r in unnamed_roles(service, "T1")] == ["CEO", "CTO", "CPO", "COO"]
    save_org(service, "T1", {"roles": {"CEO": {"holder": "U0CEO01"}, "CPTO": {"covers": ["CTO", "CPO"]}}}, by=None)
    assert unnamed_roles(service, "T1") == [UnnamedRole("CPTO", "Chief Product and Technology Officer")]


def test_a_profile_keeps_the_title_and_whether_the_person_is_deactivated_or_a_bot(service):
    people = PersonNames(service.db)
    gone = {"id": "U1", "deleted": True, "profile": {"real_name": "Ada", "title": " CTO "}}
    assert people.profiles("T1", ["U1"], lookup=lambda _user: gone) == {"U1": Profile("U1", "Ada", "CTO", True)}
    people.remember("T1", {"id": "U1", "profile": {"real_name": "Ada", "title": "Head of Sales"}})
    assert people.profiles("T1", ["U1"]) == {"U1": Profile("U1", "Ada", "Head of Sales")}
    assert to_profile({"id": "USLACKBOT", "name": "slackbot"}).bot
    assert to_profile({"id": "B1", "name": "deploy", "is_bot": True}).bot


def test_the_workspace_is_listed_once_a_lifetime_and_a_failed_listing_keeps_the_last(service):
    clock, listings = Clock(), []

    def list_people() -> list[dict]:
        listings.append(clock.now)
        return [slack_user("U1", "Ada"), slack_user(f"U{len(listings) + 1}", "Newcomer"), {"id": "U9"}]  # U9: no name

    people = PersonNames(service.db, lifetime=timedelta(hours=24), now=clock)
    assert people.everyone("T1") == []  # never listed
    assert [p.user_id for p in people.everyone("T1", list_people=list_people)] == ["U1", "U2"]
    assert PersonNames(service.db, now=clock).everyone("T1", list_people=list_people) == people.everyone("T1")
    assert len(listings) == 1 and people.listed_recently("T1") and not people.listed_recently("T2")
    clock.now += timedelta(hours=25)
    assert [p.user_id for p in people.everyone("T1", list_people=list_people)] == ["U1", "U3"]  # U2 has gone
    clock.now += timedelta(hours=25)
    assert [p.user_id for p in people.everyone("T1", list_people=lambda: None)] == ["U1", "U3"]
