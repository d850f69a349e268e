"""The knowledge-base pages in headless Chromium, served by the real server: the role map for a CPTO
organisation, the live search, an entry page, admin-written script that never runs, and screenshots of
the pages (saved under artifacts/ as test artefacts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bot.config import REPO_ROOT
from bot.core.models import Citation, Responsibility
from tests.e2e.conftest import module_sqlite_url
from tests.web.conftest import TEAM, Site, admin_written

ARTIFACTS = REPO_ROOT / "artifacts"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server_database_url(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The browser sees the same pages on any database; the HTTP tests cover PostgreSQL."""
    return module_sqlite_url(sqlite_template, tmp_path_factory)


@pytest.fixture
def page(browser, site: Site) -> Iterator[object]:
    """A fresh page; the test fails if the page logs an error (a blocked script or style counts)."""
    context = browser.new_context(base_url=site.url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("dialog", lambda dialog: errors.append(f"a dialog opened: {dialog.message}"))
    yield tab
    context.close()
    assert errors == []


def test_the_matrix_shows_a_cpto_column_for_a_cpto_org(page):
    page.goto(f"/kb?team={TEAM['T0CPTO']}")
    expect(page.locator("#matrix thead th")).to_have_text(["Topic", "CEO", "CPTO", "COO"])
    hosting = page.locator("#topic-hosting-costs td")
    expect(hosting).to_have_text(["", "covers CTO", "shares"])  # the COO is still consulted on the bill
    expect(page.locator(".seats li", has_text="CPTO")).to_contain_text("U0EXAMPLE1")


def test_typing_cloud_bill_lights_up_the_hosting_costs_row(page):
    page.goto("/kb")
    page.get_by_label("Find a topic").fill("cloud bill")
    expect(page.locator("#topic-hosting-costs")).to_have_class("hit best")
    expect(page.locator("#search-results")).to_contain_text("Hosting costs")
    expect(page.locator("#matrix tr.hit")).to_have_count(1)
    page.get_by_label("Find a topic").press("Enter")
    expect(page).to_have_url(re.compile(r"/kb\?q=cloud\+bill$"))
    page.get_by_label("Find a topic").fill("")
    expect(page.locator("#matrix tr.hit")).to_have_count(0)


def test_without_javascript_the_search_form_lights_up_the_row_too(browser, site):
    context = browser.new_context(base_url=site.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/kb?team={TEAM['T0CPTO']}")
    page.get_by_label("Find a topic").fill("cloud bill")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(rf"/kb\?q=cloud\+bill&team={re.escape(TEAM['T0CPTO'])}$"))
    expect(page.locator("#topic-hosting-costs")).to_have_class("hit best")
    context.close()


def test_an_entry_page_shows_its_quote_and_article_link(page, site):
    item = site.knowledge.engine().responsibility("technical-strategy")
    source = site.knowledge.engine().kb.source(item.citation.source)
    page.goto("/kb")
    page.get_by_role("link", name="Technical strategy and direction").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Technical strategy and direction")
    expect(page.locator("blockquote")).to_have_text(item.citation.quote)
    link = page.get_by_role("link", name=source.title)
    expect(link).to_have_attribute("href", source.url)


def test_admin_written_script_is_shown_as_text_and_never_runs(page, site):
    title = "<script>window.owned = true</script> Vendor contracts"
    item = Responsibility(
        id="vendor-contracts",
        title=title,
        owner="COO",
        reasoning='<img src=x onerror="window.owned = true"> Operations signs the contracts.',
        citation=Citation(source="ctoiam-cto-cpo-coo", quote="<script>window.owned = true</script>"),
    )
    with admin_written(site.knowledge, item):
        page.goto("/kb/vendor-contracts")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator("blockquote")).to_have_text("<script>window.owned = true</script>")
        page.goto("/kb")
        expect(page.locator("#topic-vendor-contracts th")).to_have_text(title)
        assert page.evaluate("window.owned") is None


def test_screenshots_of_the_pages_are_saved_and_fit_a_phone(page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/kb?team={TEAM['T0CPTO']}&q=cloud+bill")
    expect(page.locator("#topic-hosting-costs")).to_have_class("hit best")
    page.screenshot(path=ARTIFACTS / "kb.png", full_page=True)
    page.goto(f"/kb/hosting-costs?team={TEAM['T0OVERRIDE']}")
    page.screenshot(path=ARTIFACTS / "kb-entry.png", full_page=True)
    page.set_viewport_size(PHONE)
    for path, name in (("/kb?q=cloud+bill", "kb-phone.png"), ("/kb/pricing", "kb-entry-phone.png")):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{path} scrolls sideways"
        page.screenshot(path=ARTIFACTS / name, full_page=True)
    assert (ARTIFACTS / "kb.png").stat().st_size > 50_000


TEXT_COLOURS = """() => {
  const visible = (c) => c !== "transparent" && !/rgba\\(.*, 0\\)$/.test(c);
  const backdrop = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (visible(colour)) return colour;
    }
    return "rgb(255, 255, 255)";
  };
  const texts = [...document.querySelectorAll("body *")].filter((el) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
  return texts.map((el) => [el.textContent.trim().slice(0, 40), getComputedStyle(el).color, backdrop(el)]);
}"""


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two computed `rgb(…)` colours."""

    def luminance(colour: str) -> float:
        channels = [int(float(v)) / 255 for v in re.findall(r"[\d.]+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "path", [f"/kb?team={TEAM['T0OVERRIDE']}&q=cloud+bill", f"/kb/hosting-costs?team={TEAM['T0CPTO']}", "/kb/sources"]
)
def test_all_text_has_at_least_aa_contrast_against_its_background(page, path):
    page.goto(path)
    low = [(text, round(contrast(fg, bg), 2)) for text, fg, bg in page.evaluate(TEXT_COLOURS) if contrast(fg, bg) < 4.5]
    assert low == []
