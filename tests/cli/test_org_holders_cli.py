"""`python -m bot org holders --team T…`: the holders a workspace names, from the profiles the app keeps,
flagged as in Slack."""

import json

from bot.services.knowledge import KnowledgeService
from bot.services.people import PersonNames
from bot.store.database import Database
from tests.cli.running import run
from tests.conftest import KNOWLEDGE_DIR
from tests.helpers import save_org


def test_org_holders_flags_the_deactivated_and_the_titled_otherwise(cli_env):
    service = KnowledgeService(Database(f"sqlite:///{cli_env['WHOOWNS_DB_PATH']}"), KNOWLEDGE_DIR)
    service.prepare()
    holders = {"CEO": "U0GONE", "CTO": "U0MO", "CPO": "U0KAY", "COO": "U0NEW"}
    roles = {role: {"holder": user} for role, user in holders.items()}
    save_org(service, "T0ACME", {"roles": roles}, by=None)
    people = PersonNames(service.db)
    people.remember("T0ACME", {"id": "U0GONE", "deleted": True, "profile": {"real_name": "Grace", "title": "CEO"}})
    people.remember("T0ACME", {"id": "U0MO", "profile": {"real_name": "Mo", "title": "Head of Sales"}})
    people.remember("T0ACME", {"id": "U0KAY", "profile": {"real_name": "Kay", "title": "CPO"}})
    service.db.dispose()
    result = run(["org", "holders", "--team", "T0ACME"], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "T0ACME: 2 of 4 named holders need attention\n"
        "  CEO: Grace (U0GONE), deactivated in Slack\n"
        "  CTO: Mo (U0MO), title “Head of Sales”, which no longer mentions the role\n"
        "  CPO: Kay (U0KAY), title “CPO”\n"
        "  COO: U0NEW, not seen in Slack yet\n"
    )
    report = json.loads(run(["org", "holders", "--json", "--team", "T0ACME"], cli_env).stdout)
    assert [(h["role"], h["concern"]) for h in report["holders"]] == [
        ("CEO", "deactivated"), ("CTO", "title"), ("CPO", None), ("COO", None)
    ]  # fmt: skip
