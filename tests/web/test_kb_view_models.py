"""What the knowledge-base pages show, on the shipped knowledge, without a server: the role map, search,
an entry and the sources."""

from __future__ import annotations

import pytest

from bot.core.answer import Engine
from bot.core.org import OrgSettings, default_org
from bot.services.kb_entries import build_entry, build_sources
from bot.services.kb_pages import RoleMap, build_role_map, search
from tests.web.conftest import example_org


def org(engine: Engine, name: str) -> OrgSettings:
    return engine.check_org(example_org(name))


def cells(role_map: RoleMap, responsibility_id: str) -> dict[str, tuple[str | None, str]]:
    """{role: (mark, label)} for one topic's row."""
    row = next(row for group in role_map.groups for row in group.rows if row.item.id == responsibility_id)
    return {column.role.id: (cell.mark, cell.label) for column, cell in zip(role_map.columns, row.cells, strict=True)}


def test_the_default_map_has_a_column_per_default_role_and_every_topic_once(engine):
    role_map = build_role_map(engine, default_org(engine.kb))
    assert [c.role.id for c in role_map.columns] == ["CEO", "CTO", "CPO", "COO"]
    ids = [row.item.id for group in role_map.groups for row in group.rows]
    assert sorted(ids) == sorted(item.id for item in engine.kb.active)
    assert [g.role.id for g in role_map.present] == ["CEO", "CTO", "CPO", "COO"]
    assert [g.role.id for g in role_map.absent] == ["CFO", "CMO", "CHRO", "CISO", "GC", "CRO"]
    assert role_map.topics == len(ids) and role_map.changed == 0


def test_topics_of_roles_the_organisation_lacks_go_to_whoever_usually_takes_them(engine):
    role_map = build_role_map(engine, default_org(engine.kb))
    assert cells(role_map, "expense-approval")["COO"] == ("usual_cover", "takes CFO's")
    assert cells(role_map, "security-incident-response")["CTO"] == ("usual_cover", "takes CISO's")
    cfo = next(g for g in role_map.absent if g.role.id == "CFO")
    assert cfo.takers == ("COO",)


def test_a_topic_with_a_specialist_is_its_where_the_organisation_has_that_role(engine):
    with_cmo = engine.check_org({"roles": {"CEO": {}, "CTO": {}, "CPO": {}, "CMO": {}}})
    assert cells(build_role_map(engine, with_cmo), "market-research")["CMO"] == ("specialist", "owns as specialist")
    assert cells(build_role_map(engine, default_org(engine.kb)), "market-research")["CPO"] == ("owner", "owns")
    entry = build_entry(engine, with_cmo, "market-research")
    assert entry is not None and (entry.owner.role, entry.usual_role.id) == ("CMO", "CPO")
    assert entry.specialist_source is not None and entry.specialist_source.id == "4cornerresources-cmo"
    assert entry.source.id == "yojobs-cpo-cto"  # the article's own quote, for why the CPO elsewhere


def test_the_default_map_marks_the_owner_and_the_roles_that_share_a_topic(engine):
    assert cells(build_role_map(engine, default_org(engine.kb)), "hosting-costs") == {
        "CEO": (None, ""),
        "CTO": ("owner", "owns"),
        "CPO": (None, ""),
        "COO": ("shared", "shares"),
    }


def test_a_cpto_org_has_a_cpto_column_that_covers_the_cto_and_the_cpo(engine):
    role_map = build_role_map(engine, org(engine, "cpto"))
    assert [c.role.id for c in role_map.columns] == ["CEO", "CPTO", "COO"]
    cpto = role_map.columns[1]
    assert (cpto.holder, cpto.covers) == ("U0EXAMPLE1", ("CTO", "CPO"))
    assert cells(role_map, "hosting-costs")["CPTO"] == ("covered", "covers CTO")
    assert cells(role_map, "pricing")["CPTO"] == ("covered", "covers CPO")
    assert cells(role_map, "day-to-day-operations")["COO"] == ("owner", "owns")
    assert role_map.changed == 0  # a CPTO covering the CTO and the CPO is how most companies work


def test_only_overrides_and_fallbacks_count_as_a_different_owner(engine):
    assert build_role_map(engine, org(engine, "override")).changed == 1
    no_coo = build_role_map(engine, org(engine, "no-coo"))
    assert no_coo.changed == sum(row.owner.route.value == "fallback" for g in no_coo.groups for row in g.rows) > 0


def test_an_override_is_marked_and_explained_in_the_cell(engine):
    row_cells = build_role_map(engine, org(engine, "override"))
    hosting = next(row for g in row_cells.groups for row in g.rows if row.item.id == "hosting-costs")
    coo = hosting.cells[[c.role.id for c in row_cells.columns].index("COO")]
    assert (coo.mark, coo.label) == ("override", "override")
    assert "Operations negotiates and pays the cloud provider here." in coo.note
    assert cells(row_cells, "hosting-costs")["CTO"] == (None, "")  # not "shares": the org decided otherwise


def test_a_consulted_role_is_marked_where_it_is_resolved_in_the_org(engine):
    role_map = build_role_map(engine, org(engine, "cpto"))
    assert cells(role_map, "headcount")["CPTO"] == ("shared", "shares")  # the CTO consulted is the CPTO here
    row = next(row for g in role_map.groups for row in g.rows if row.item.id == "headcount")
    note = row.cells[[c.role.id for c in role_map.columns].index("CPTO")].note
    assert note.startswith("Consult the CPTO (standing in for the CTO): hires the engineers.")
    # Without a COO (and nobody covering it) the consulted COO is dropped, not handed to the fallback CEO.
    assert cells(build_role_map(engine, org(engine, "no-coo")), "hosting-costs")["CEO"] == (None, "")


def test_without_a_coo_its_topics_fall_back_to_the_ceo(engine):
    assert cells(build_role_map(engine, org(engine, "no-coo")), "day-to-day-operations")["CEO"] == (
        "fallback",
        "fallback",
    )


@pytest.mark.parametrize(("org_name", "role"), [(None, "CTO"), ("cpto", "CPTO"), ("override", "COO")])
def test_searching_cloud_bill_finds_hosting_costs_and_its_owner_in_the_org(engine, org_name, role):
    found = search(engine, org(engine, org_name) if org_name else default_org(engine.kb), "cloud bill")
    assert found.hits[0].id == "hosting-costs" and found.hits[0].role == role
    assert found.closest == ()
    data = found.to_json()
    assert data["matches"][0] == {
        "id": "hosting-costs",
        "title": "Hosting costs",
        "score": 1.0,
        "matched": "AWS bill",
        "role": role,
    }


def test_a_search_that_matches_nothing_offers_the_bots_closest_topics(engine):
    found = search(engine, default_org(engine.kb), "who owns the office plants?")
    assert found.hits == () and found.ids == frozenset()
    assert found.closest == tuple(engine.answer("who owns the office plants?").suggestions)
    assert len(found.closest) == 1


def test_every_hit_is_as_confident_as_the_bot_needs_to_answer(engine):
    found = search(engine, default_org(engine.kb), "hosting costs")
    assert {"hosting-costs", "technology-infrastructure"} <= found.ids
    assert all(hit.score >= found.to_json()["threshold"] for hit in found.hits)


def test_an_entry_carries_its_owner_quote_article_and_related_topics(engine):
    entry = build_entry(engine, default_org(engine.kb), "technical-strategy")
    assert entry is not None
    assert (entry.owner.role, entry.owner.route.value) == ("CTO", "owner")
    assert entry.source.url == "https://ctoiam.com/2023/07/cto-vs-cpo-vs-coo-understanding-the-roles/"
    assert entry.item.citation.quote.startswith("The CTO sets the long-term technical direction")
    assert all(r.item.citation.source == entry.source.id for r in entry.same_source)
    assert entry.item not in [r.item for r in entry.same_source + entry.neighbours]
    assert entry.source_entries == sum(i.citation.source == entry.source.id for i in engine.kb.active)


def test_an_entry_in_a_cpto_org_says_how_the_settings_changed_its_owner(engine):
    entry = build_entry(engine, org(engine, "cpto"), "hosting-costs")
    assert entry is not None
    assert (entry.owner_role.id, entry.usual_role.id, entry.owner.holder) == ("CPTO", "CTO", "U0EXAMPLE1")
    assert any("the CPTO covers its topics" in step for step in entry.owner.steps)
    assert [(c.role, c.why) for c in entry.consult] == [("COO", "agrees the budget")]
    assert entry.source.url == "https://ctoiam.com/2023/07/cto-vs-cpo-vs-coo-understanding-the-roles/"
    assert "technology-infrastructure" in [r.item.id for r in entry.neighbours]
    assert {r.role for r in entry.neighbours} <= {"CPTO", "COO", "CEO"}


def test_an_entry_citing_the_article_without_an_address_links_to_nothing(engine):
    entry = build_entry(engine, default_org(engine.kb), "reliability-and-performance")
    assert entry is not None
    assert entry.source.url is None  # the Exclaimer article: this page is the link answers give


def test_an_unknown_id_has_no_entry(engine):
    assert build_entry(engine, default_org(engine.kb), "office-coffee-machine") is None


def test_the_sources_list_every_article_the_five_seeds_first_and_every_entry_under_each_it_cites(engine):
    sources = build_sources(engine)
    assert [s.source.id for s in sources] == [s.id for s in engine.kb.sources]
    assert [s.source.seed is not None for s in sources[:5]] == [True] * 5
    assert [s.source.url is None for s in sources].count(True) == 1
    cited = [item.id for view in sources for item in view.entries]
    assert sorted(cited) == sorted(item.id for item in engine.kb.active for _ in item.sources_cited)
    assert any(len(item.sources_cited) == 2 for item in engine.kb.active)  # market research: its specialist's too
