"""Which holders need attention and whom to suggest for a role: table-driven."""

import pytest

from bot.core.holders import (
    Concern,
    FlaggedHolder,
    Profile,
    concern_for,
    flagged_holders,
    mentions_role,
    suggest_holders,
)
from bot.core.models import Role
from bot.core.org import OrgSettings, Seat

CTO = Role(id="CTO", name="Chief Technology Officer", focus="technology")
CPO = Role(id="CPO", name="Chief Product Officer", focus="product")
CPTO = Role(id="CPTO", name="Chief Product and Technology Officer", focus="product and technology")
COO = Role(id="COO", name="Chief Operating Officer", focus="operations")
ROLES = [CTO, CPO, CPTO, COO]

MENTIONS = [
    # (title, role, mentions it)
    ("CTO", CTO, True),
    ("cto", CTO, True),
    ("CTO & co-founder", CTO, True),
    ("Co-founder/CTO", CTO, True),
    ("Chief Technology Officer, EMEA", CTO, True),
    ("chief technology officer", CTO, True),
    ("Deputy CTO", CTO, True),  # says the role; an admin judges the rest
    ("Head of Sales", CTO, False),
    ("CTOs' assistant", CTO, False),  # not the word
    ("Coordinator", COO, False),  # COO inside a word
    ("Chief Product Officer", CTO, False),
    ("CPTO", CTO, False),
    ("Chief Technology Officer", CPTO, False),
]


@pytest.mark.parametrize(("title", "role", "mentions"), MENTIONS)
def test_a_title_mentions_a_role_by_its_id_or_name_as_whole_words(title, role, mentions):
    assert mentions_role(title, [role]) is mentions


CONCERNS = [
    # (profile, the seat's roles (held, then covered), concern)
    (Profile("U1", "Ada", "CTO"), [CTO], None),
    (Profile("U1", "Ada", "Head of Sales"), [CTO], Concern.TITLE),
    (Profile("U1", "Ada", ""), [CTO], None),  # no title: nothing to go on, not flagged
    (Profile("U1", "Ada", "   "), [CTO], None),
    (Profile("U1", "Ada", "CTO", deleted=True), [CTO], Concern.DEACTIVATED),
    (Profile("U1", "Ada", "", deleted=True), [CTO], Concern.DEACTIVATED),
    (Profile("U1", "Ada", "CTO"), [CPTO], Concern.TITLE),
    (Profile("U1", "Ada", "CTO"), [CPTO, CTO], None),  # the CPTO's seat covers the CTO
    (None, [CTO], None),  # Slack has not said yet
]


@pytest.mark.parametrize(("profile", "roles", "concern"), CONCERNS)
def test_a_holder_is_flagged_when_deactivated_or_when_their_title_no_longer_mentions_the_role(profile, roles, concern):
    assert concern_for(profile, roles) is concern


def test_flagged_holders_come_in_role_order_with_what_is_wrong():
    org = OrgSettings(
        roles={"COO": Seat(holder="U0COO"), "CTO": Seat(holder="U0CTO"), "CPO": Seat(holder="U0CPO"), "CPTO": Seat()}
    )
    profiles = {
        "U0COO": Profile("U0COO", "Grace", "COO", deleted=True),
        "U0CTO": Profile("U0CTO", "Ada", "VP Sales"),
        "U0CPO": Profile("U0CPO", "Kay", "Chief Product Officer"),
    }
    flagged = flagged_holders(org, ROLES, profiles)
    assert [(f.role, f.holder.name, f.concern) for f in flagged] == [
        ("CTO", "Ada", Concern.TITLE),
        ("COO", "Grace", Concern.DEACTIVATED),
    ]


PEOPLE = [
    Profile("U0ADA", "Ada Lovelace", "CTO"),
    Profile("U0ALAN", "Alan Turing", "CTO & co-founder"),
    Profile("U0BOT", "deploybot", "CTO", bot=True),
    Profile("U0GONE", "Gone", "CPO", deleted=True),
    Profile("U0KAY", "Kay", "Head of Product, acting CPO"),
    Profile("U0GRACE", "Grace", "Chief Operating Officer"),
    Profile("U0NOBODY", "Nobody", ""),
]

SUGGESTIONS = [
    # (the organisation's seats, flagged roles, [(role, suggested user)])
    ({"CTO": Seat(), "CPO": Seat()}, [], [("CTO", "U0ADA"), ("CPO", "U0KAY")]),  # the exact title first
    ({"CTO": Seat(holder="U0ALAN"), "CPO": Seat(holder="U0KAY")}, [], []),  # everyone named, nobody flagged
    ({"CTO": Seat(holder="U0ADA")}, ["CTO"], [("CTO", "U0ALAN")]),  # never the flagged holder again
    ({"COO": Seat()}, [], [("COO", "U0GRACE")]),
    ({"CPTO": Seat()}, [], []),  # a title must mention that very role
]


@pytest.mark.parametrize(("seats", "flagged_roles", "expected"), SUGGESTIONS)
def test_suggestions_are_people_titled_for_a_role_with_nobody_or_a_flagged_holder(seats, flagged_roles, expected):
    org = OrgSettings(roles=seats)
    holders = {p.user_id: p for p in PEOPLE}
    flagged = [FlaggedHolder(r, r, holders[seats[r].holder], Concern.TITLE) for r in flagged_roles]
    suggestions = suggest_holders(org, ROLES, PEOPLE, flagged=flagged)
    assert [(s.role, s.person.user_id) for s in suggestions] == expected
