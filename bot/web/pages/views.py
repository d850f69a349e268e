"""The knowledge-base pages: the role map, one page per entry, the sources, and the map's search endpoint.

Read-only. The default organisation's pages are open to anyone who can reach the server; a workspace's
own view (`?team=` with a token the bot signed, see `workspace_links`) opens only from the links the bot
posts. Each view picks the organisation, asks the knowledge service for the engine and the settings, and
renders a view model from `bot.services`. Templates autoescape, and the pages forbid inline scripts and
anything from another origin, so admin-written text is shown as text and the pages work offline.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.core.answer import Engine
from bot.core.org import OrgSettings
from bot.services.kb_entries import build_entry, build_sources
from bot.services.kb_pages import build_role_map, closest_topics, search
from bot.services.knowledge import KnowledgeService
from bot.services.people import PersonNames
from bot.services.workspace_links import TOKEN, WorkspaceLinks

EXTENSION = "whoowns.kb_pages"
LINKS = "whoowns.kb_links"
MAX_QUERY = 200
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}

pages = Blueprint("kb", __name__, url_prefix="/kb", template_folder="templates", static_folder="static")


def _knowledge() -> tuple[Engine, OrgSettings, str | None]:
    """The engine, the organisation the page is for and its `team` token (None for the default one)."""
    token = request.args.get("team") or None
    service: KnowledgeService = current_app.extensions[EXTENSION]
    if token is None:
        return *service.engine_and_org(None), None
    if not TOKEN.fullmatch(token):
        abort(400, description="team must be a workspace link the bot posted in Slack, such as T0123ABCD.…")
    links: WorkspaceLinks = current_app.extensions[LINKS]
    team_id = links.team_of(token)
    if team_id is None:
        abort(
            403,
            description="This link to a workspace's map was not made by this server. Open the map "
            "from a link the bot posts in Slack.",
        )
    return *service.engine_and_org(team_id), token


def _holder_names(org: OrgSettings, token: str | None) -> dict[str, str]:
    """The holders' names the bot was told by Slack (kept per workspace, `bot.services.people`), for a
    workspace's own pages; a holder whose name is not known is shown by id. The default organisation: none."""
    team_id = current_app.extensions[LINKS].team_of(token) if token else None
    if team_id is None:
        return {}
    service: KnowledgeService = current_app.extensions[EXTENSION]
    return PersonNames(service.db).names(team_id, [seat.holder for seat in org.roles.values() if seat.holder])


def _query() -> str:
    return request.args.get("q", "").strip()[:MAX_QUERY]


@pages.get("")
def role_map() -> str:
    engine, org, team = _knowledge()
    query = _query()
    found = search(engine, org, query) if query else None
    role_map = build_role_map(engine, org)
    names = _holder_names(org, team)
    return render_template("kb/role_map.html", map=role_map, found=found, query=query, team=team, names=names)


@pages.get("/")
def role_map_slash() -> ResponseReturnValue:
    """`/kb/`, typed by hand, is the role map too."""
    query: dict[str, Any] = request.args.to_dict()  # Any: url_for types its own `_external`… keywords too
    return redirect(url_for("kb.role_map", **query), code=308)


@pages.get("/search.json")  # a responsibility id has no dot, so this never hides an entry page
def search_json() -> Response:
    engine, org, _ = _knowledge()
    return jsonify(search(engine, org, _query()).to_json())


@pages.get("/sources")
def sources() -> str:
    engine, _, team = _knowledge()
    return render_template("kb/sources.html", sources=build_sources(engine), team=team)


@pages.get("/<responsibility_id>")
def entry(responsibility_id: str) -> str | tuple[str, int]:
    engine, org, team = _knowledge()
    view = build_entry(engine, org, responsibility_id)
    if view is None:
        closest = closest_topics(engine, responsibility_id.replace("-", " "))
        message = f"There is no topic “{responsibility_id}” in the knowledge base."
        return render_template(
            "kb/problem.html", title="No such topic", message=message, closest=closest, team=team
        ), 404
    service: KnowledgeService = current_app.extensions[EXTENSION]
    review, names = service.review_of(view.item.id), _holder_names(org, team)
    return render_template("kb/entry.html", entry=view, org=org, team=team, review=review, names=names)


@pages.errorhandler(400)
def bad_request(error: Exception) -> tuple[str, int]:
    message = getattr(error, "description", "")
    return render_template("kb/problem.html", title="Bad request", message=message, closest=(), team=None), 400


@pages.errorhandler(403)
def forbidden(error: Exception) -> tuple[str, int]:
    message = getattr(error, "description", "")
    return render_template("kb/problem.html", title="Not this link", message=message, closest=(), team=None), 403


@pages.after_request
def secure(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response
