// Live search on the role map: asks /kb/search.json (the bot's own matcher) and lights up the matching rows
// as you type. Without JavaScript the form submits to /kb?q=… and the server renders the same thing.
// Text from the server is only ever set with textContent, never parsed as HTML. A matching row of a role
// the organisation lacks sits in a collapsed <details>; it is opened so the lit row shows.
(function () {
  "use strict";
  const form = document.querySelector("form.search");
  const table = document.getElementById("matrix");
  if (!form || !table) return;
  const input = form.elements.q;
  const team = form.elements.team;
  const results = document.getElementById("search-results");
  let timer = null;
  let latest = 0;

  const rowFor = (id) => document.getElementById("topic-" + id);

  function element(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  }

  function entryLink(id, title) {
    const link = element("a", "", title);
    const row = rowFor(id);
    link.href = row ? row.querySelector("th a").href : "#";
    return link;
  }

  function show(data) {
    document.querySelectorAll("table.matrix tr.hit").forEach((row) => row.classList.remove("hit", "best"));
    results.replaceChildren();
    if (!data.query) return;
    data.matches.forEach((match, index) => {
      const row = rowFor(match.id);
      if (!row) return;
      row.classList.add(...(index === 0 ? ["hit", "best"] : ["hit"]));
      const folded = row.closest("details");
      if (folded) folded.open = true;
    });
    const quoted = element("q", "", data.query);
    if (data.matches.length) {
      const list = element("ol", "hits");
      data.matches.forEach((match) => {
        const score = Math.round(match.score * 100) + "%";
        list.append(element("li", "", entryLink(match.id, match.title), " ", element("span", "tag", match.role),
          " ", element("span", "muted", score)));
      });
      results.append(element("p", "", "Topics matching ", quoted, ", best first:"), list);
      return;
    }
    const closest = data.closest.length ? " The closest topics:" : "";
    results.append(element("p", "", "Nothing matches ", quoted, " closely enough." + closest));
    if (data.closest.length) {
      results.append(element("ul", "hits", ...data.closest.map((ref) => element("li", "", entryLink(ref.id, ref.title)))));
    }
  }

  async function run({ scroll }) {
    const ticket = ++latest;
    const params = new URLSearchParams();
    const query = input.value.trim();
    if (query) params.set("q", query);
    if (team) params.set("team", team.value);
    history.replaceState(null, "", params.size ? "?" + params : location.pathname);
    if (!query) return show({ query: "", matches: [], closest: [] });
    const response = await fetch(form.dataset.endpoint + "?" + params, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error("search failed: " + response.status);
    const data = await response.json();
    if (ticket !== latest) return;
    show(data);
    const best = document.querySelector("table.matrix tr.best");
    if (scroll && best) best.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run({ scroll: false }).catch(() => {}), 200);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run({ scroll: true }).catch(() => form.submit());
  });
})();
