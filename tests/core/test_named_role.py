"""The role a statement names as doing its work: found by id or name as the subject, never as an object."""

import pytest

from bot.core.models import KnowledgeBase
from bot.core.named_role import RoleNames, Subject


@pytest.mark.parametrize(
    ("statement", "role"),
    [
        ("The CFO decides how spare cash is invested", "CFO"),
        ("CISOs build out vendor risk programmes", "CISO"),  # a plural, as job descriptions write
        ("General counsel can draft the bylaws", "GC"),  # by name, any case
        ("the chief people officer runs the annual review cycle", "CHRO"),  # the name in brackets too
        ("The marketing officer plans the trade show calendar", "CMO"),  # the name without "Chief"
        ("In day to day operation the COO keeps the sites running", "COO"),  # after a leading phrase
        ("The main purpose of a CPO is to lead product teams", "CPO"),
        ("Serve as the primary legal advisor to the CEO and the board", None),  # an object: whom the work serves
        ("Partner with the CEO and CFO on the annual plan", None),
        ("Running the sales floor and briefing the CRO every week", None),
        ("Prepares the monthly reports that the management team and eventually the CFO reads", None),  # too late
        ("Oversee the cfo office's coffee machine", None),  # an id is written in capitals
        ("Manage payroll and benefits", None),
        ("Advise the CEO on legal and regulatory matters", None),  # a duty's verb whose object is a person
        ("The CLO often works closely with the board", "GC"),  # a name's initials: Chief Legal Officer
        # named late, but with a verb after it: the subject all the same
        (
            "Operating with C-suite authority and reporting directly to the chief executive officer, the CMO is "
            "held accountable for revenue growth",
            "CMO",
        ),
        ("Prepares the monthly reports that the management team and eventually the CFO will read", None),
        # a post under a role (`Role.posts`) stands for it
        ("The treasurer sweeps spare cash into short-term deposits", "CFO"),
        ("Our paralegals keep the signed agreements filed", "GC"),
        ("A product owner grooms the backlog before each sprint", "CPO"),
        ("The president signs off the yearly plan", "CEO"),
        ("A Vice President, Engineering Culture hosts the offsite", None),  # no president
        ("The ethics office advises deans, the president and staff", None),  # among those advised
    ],
)
def test_the_role_a_statement_names_as_its_subject(kb: KnowledgeBase, statement, role):
    found = RoleNames(kb).subject(statement)
    assert (found.role if found else None) == role


def test_a_role_named_by_a_job_title_under_it_says_so(kb: KnowledgeBase):
    assert RoleNames(kb).subject("Our paralegals keep the signed agreements filed") == Subject("GC", by_post=True)
    assert RoleNames(kb).subject("General counsel can draft the bylaws") == Subject("GC", by_post=False)
