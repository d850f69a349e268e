"""The knowledge-base pages over plain HTTP from the real server, on SQLite and on PostgreSQL: status codes,
what the HTML says without JavaScript, and admin-written text shown as text."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import requests

from bot.core.freshness import Review
from bot.core.knowledge_files import load_knowledge
from bot.core.models import Citation, Responsibility
from bot.services.people import PersonNames
from bot.store.repository import KnowledgeRepository
from bot.store.review_repository import ReviewRepository
from tests.conftest import KNOWLEDGE_DIR
from tests.web.conftest import TEAM, Site, admin_written

pytestmark = pytest.mark.usefixtures("site")


def get(site: Site, path: str, **params: str) -> requests.Response:
    return requests.get(site.url + path, params=params, timeout=30)


def row(html: str, responsibility_id: str) -> str:
    """The opening tag of a topic's row on the role map."""
    match = re.search(rf'<tr id="topic-{responsibility_id}"[^>]*>', html)
    assert match, f"no row for {responsibility_id}"
    return match.group(0)


def test_the_role_map_of_a_cpto_workspace_has_a_cpto_column(site):
    cpto = get(site, "/kb", team=TEAM["T0CPTO"])
    assert cpto.status_code == 200 and cpto.headers["Content-Type"].startswith("text/html")
    assert '<th scope="col"><abbr title="Chief Product and Technology Officer">CPTO</abbr></th>' in cpto.text
    assert "Example org with a combined CPTO" in cpto.text and "U0EXAMPLE1" in cpto.text
    default = get(site, "/kb")
    assert ">CTO</abbr></th>" in default.text and ">CPTO</abbr></th>" not in default.text
    assert '<span class="posts">Job titles under it: VP of engineering, head of engineering, ' in default.text


def test_roles_the_workspace_lacks_are_folded_under_who_takes_their_topics(site):
    page = get(site, "/kb").text
    assert page.count('<details class="absent"') == 6
    assert "<strong>CFO</strong> · Chief Financial Officer · " in page and "here with the COO" in page
    assert 'class="pill mark-usual_cover"' in page
    searched = get(site, "/kb", q="expense approval").text
    assert re.search(r'<details class="absent" open>\s*<summary><strong>CFO</strong>', searched)


def test_without_javascript_a_search_renders_the_map_with_the_matching_rows_lit(site):
    page = get(site, "/kb", q="cloud bill", team=TEAM["T0OVERRIDE"]).text
    assert 'class="hit best"' in row(page, "hosting-costs")
    assert "class=" not in row(page, "pricing")
    assert 'value="cloud bill"' in page and f'<input type="hidden" name="team" value="{TEAM["T0OVERRIDE"]}">' in page
    assert re.search(
        rf'href="/kb/hosting-costs\?team={re.escape(TEAM["T0OVERRIDE"])}">Hosting costs</a> '
        r'<span class="tag">COO</span>',
        page,
    )


def test_a_topic_whose_id_is_search_still_has_its_page(site):
    item = Responsibility(
        id="search",
        title="Search",
        owner="CPO",
        reasoning="Finding things in the product is part of the product.",
        citation=Citation(source="yojobs-cpo-cto", quote="the product"),
    )
    with admin_written(site.knowledge, item):
        page = get(site, "/kb/search")
    assert page.status_code == 200 and "<h1>Search</h1>" in page.text


def test_the_search_endpoint_answers_with_the_bots_matches_for_the_workspace(site):
    found = get(site, "/kb/search.json", q="cloud bill", team=TEAM["T0CPTO"])
    assert found.headers["Content-Type"] == "application/json"
    best = found.json()["matches"][0]
    assert (best["id"], best["role"], best["score"]) == ("hosting-costs", "CPTO", 1.0)
    nothing = get(site, "/kb/search.json", q="the office coffee machine").json()
    assert nothing["matches"] == [] and nothing["closest"][0]["id"] == "office-and-facilities"
    unrelated = get(site, "/kb/search.json", q="what time is standup").json()  # off-topic to the bot, not here
    assert unrelated["matches"] == [] and len(unrelated["closest"]) == 3


def test_the_search_endpoint_finds_topics_by_meaning_as_the_bot_does(site):
    found = get(site, "/kb/search.json", q="who grows the engineering org?").json()
    assert found["matches"][0]["id"] == "engineering-team-leadership"


def test_an_entry_page_shows_its_quote_and_article_link(site):
    page = get(site, "/kb/technical-strategy").text
    assert "<h1>Technical strategy and direction</h1>" in page
    assert (
        '<blockquote cite="https://ctoiam.com/2023/07/cto-vs-cpo-vs-coo-understanding-the-roles/"><p>The CTO sets'
        in page
    )
    assert "CTO vs CPO vs COO: Understanding the Roles (ctoiam.com, July 2023)</a>" in page


def test_an_entry_page_says_who_owns_it_where_there_is_a_specialist_with_that_quote_too(site):
    page = get(site, "/kb/market-research").text
    assert '<h2 id="specialist-heading">Where there is a CMO</h2>' in page
    assert (
        '<blockquote cite="https://www.4cornerresources.com/job-descriptions/chief-marketing-officer/"><p>Direct market'
        in page
    )
    assert "How this organisation's settings changed it" not in page  # the default organisation has no CMO


def test_an_entry_citing_the_article_without_an_address_says_so_and_links_nowhere_else(site):
    page = get(site, "/kb/developer-productivity", team=TEAM["T0CPTO"]).text
    assert "<cite>CTO to CTPO: Navigating the Dual Role in Tech Leadership" in page
    assert "no public address" in page and "<blockquote><p>If there" in page
    assert "How this organisation's settings changed it" in page and "the CPTO covers its topics" in page
    hosting = get(site, "/kb/hosting-costs", team=TEAM["T0CPTO"]).text
    assert "<li>Consult the <strong>COO</strong>: agrees the budget</li>" in hosting


def test_an_entry_page_names_the_role_standing_in_for_a_consulted_one(site):
    page = get(site, "/kb/headcount", team=TEAM["T0CPTO"]).text
    expected = "Consult the <strong>CPTO</strong> (standing in for the CTO), held by <code>U0EXAMPLE1</code>"
    assert f"<li>{expected}: hires the engineers</li>" in page


def test_a_workspaces_pages_name_holders_whose_names_slack_gave_the_bot(site):
    assert "Held by <code>U0EXAMPLE3</code>" in get(site, "/kb", team=TEAM["T0OVERRIDE"]).text  # not known yet
    PersonNames(site.knowledge.db).remember("T0OVERRIDE", {"id": "U0EXAMPLE3", "profile": {"display_name": "Oda <3"}})
    for path in ("/kb", "/kb/hosting-costs"):
        page = get(site, path, team=TEAM["T0OVERRIDE"]).text
        assert "Held by Oda &lt;3" in page and "U0EXAMPLE3" not in page
    assert "Oda" not in get(site, "/kb").text  # the default organisation's pages name nobody


def test_an_unknown_id_is_a_404_page_that_suggests_the_closest_topics(site):
    missing = get(site, "/kb/hosting-cost")
    assert missing.status_code == 404
    assert "No such topic" in missing.text and 'href="/kb/hosting-costs">Hosting costs</a>' in missing.text


def test_a_malformed_team_id_is_a_400(site):
    bad = get(site, "/kb", team="t0<script>")
    assert bad.status_code == 400
    assert "workspace link the bot posted" in bad.text and "<script>" not in bad.text


def test_the_sources_page_lists_the_articles_and_the_entries_and_roles_citing_them(site):
    page = get(site, "/kb/sources").text
    assert page.count('<section class="source"') == len(load_knowledge(KNOWLEDGE_DIR).sources)
    assert "Says who usually does the <strong>CFO</strong>'s work where a company has none: the COO" in page
    assert '<a href="https://yojobs.com/the-cpo-and-cto-roles"' in page
    assert "No public address known" in page
    assert 'href="/kb/hosting-costs">Hosting costs</a>' in page


def test_admin_written_text_is_shown_as_text_never_as_markup(site):
    title = '<script>alert("owned")</script> Cloud <b>bills</b>'
    item = Responsibility(
        id="escaping-check",
        title=title,
        owner="CTO",
        aliases=('<img src=x onerror="alert(1)">',),
        reasoning='Reasoning with <a href="javascript:alert(1)">a link</a> & an ampersand.',
        citation=Citation(source="yojobs-cpo-cto", quote="</blockquote><script>alert(2)</script>"),
    )
    with admin_written(site.knowledge, item):
        pages = {path: get(site, path).text for path in ("/kb/escaping-check", "/kb", "/kb/sources")}
    for path, page in pages.items():
        assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt; Cloud &lt;b&gt;bills&lt;/b&gt;" in page, path
        assert "<script>alert" not in page and "<b>bills" not in page, path
    entry = pages["/kb/escaping-check"]
    assert "<img" not in entry and 'href="javascript:' not in entry
    assert "&lt;/blockquote&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in entry


def test_headers_have_scopes_inputs_have_labels_and_pages_load_nothing_from_elsewhere(site):
    page = get(site, "/kb", team=TEAM["T0CPTO"])
    headers = re.findall(r"<th\b[^>]*>", page.text)
    assert headers and all("scope=" in th for th in headers)
    assert '<label for="q">' in page.text and 'id="q"' in page.text
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page.text)  # no CDN: everything from this server
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    css = get(site, "/kb/static/kb.css")
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css")


def test_kb_with_a_trailing_slash_redirects_to_the_map_keeping_the_workspace(site):
    moved = requests.get(site.url + "/kb/", params={"team": TEAM["T0CPTO"]}, allow_redirects=False, timeout=30)
    assert moved.status_code == 308 and moved.headers["Location"] == f"/kb?team={TEAM['T0CPTO']}"


def test_a_workspace_view_needs_the_token_the_bot_signed(site: Site):
    unsigned = get(site, "/kb", team="T0CPTO")
    assert unsigned.status_code == 400
    forged = get(site, "/kb", team="T0CPTO." + "0" * 24)
    assert forged.status_code == 403 and "not made by this server" in forged.text
    other_team = get(site, "/kb", team=TEAM["T0CPTO"].replace("T0CPTO", "T0NOCOO"))
    assert other_team.status_code == 403
    assert "U0EXAMPLE1" not in forged.text + other_team.text  # the holder stays private


def test_an_entry_page_says_when_the_topic_was_last_reviewed_and_whether_one_is_due(site):
    fresh = get(site, "/kb/budgeting")
    assert fresh.status_code == 200 and '<h2 id="review-heading">Last reviewed</h2>' in fresh.text
    assert "due a review" not in fresh.text
    with site.knowledge.db.transaction() as session:
        ReviewRepository(session).mark(Review("budgeting", datetime(2025, 1, 2, tzinfo=UTC), "U0REVIEW1"))
        KnowledgeRepository(session).bump()
    due = get(site, "/kb/budgeting").text
    assert "2025-01-02 by <code>U0REVIEW1</code> — <strong>due a review</strong>: over 180 days ago." in due
