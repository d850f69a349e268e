"""`/whoowns admin [gaps | history]`: the editor modal, or the gaps or the latest changes, for admins only.

Plugged into the `/whoowns` routing table as `admin`. Anyone else is told, privately, that only admins
can change this and who the admins are (by name, so nobody is pinged), and nothing opens.
"""

from __future__ import annotations

import logging

from bot.services.unnamed_roles import unnamed_roles
from bot.slack import admin_messages as say
from bot.slack import messages
from bot.slack.admin_roster import admin_names
from bot.slack.admin_ui import actor_for, menu_view
from bot.slack.blocks.admin_lists import gaps_blocks, history_blocks
from bot.slack.blocks.admin_todo import todo_text
from bot.slack.blocks.mrkdwn import escape, mention
from bot.slack.listeners.command_request import CommandRequest
from bot.slack.replies import WEB_API_FAILURES, Reply, deliver

log = logging.getLogger(__name__)


def admin_command(request: CommandRequest) -> None:
    what = request.args.split(maxsplit=1)[0].casefold() if request.args.strip() else ""
    admin, team = request.deps.admin, request.team_id or ""

    def produce() -> Reply | None:
        actor = actor_for(request.client, team, request.user_id)
        if not admin.permissions.allows(actor):
            named = admin_names(request.client, named=admin.org.open(team)[0].admins)
            return Reply.of(say.ask_an_admin([escape(name) for name in named]))
        if what == "gaps":
            return Reply.of(say.GAPS_HEADER, gaps_blocks(admin.gaps.list(actor)))
        if what == "history":
            return Reply.of(
                say.HISTORY_HEADER, history_blocks(admin.history.latest(actor, mention=mention), mention=mention)
            )
        if what:
            return Reply.of(say.ADMIN_HELP)
        try:
            flagged = request.deps.holders.flagged(team)  # the cached profiles: the trigger expires in 3 s
            todo = todo_text(unnamed_roles(request.deps.knowledge, team), flagged)
            request.client.views_open(trigger_id=request.trigger_id, view=menu_view(request.deps, team, notice=todo))
        except WEB_API_FAILURES as error:
            log.error("could not open the admin editor (team %s, user %s): %s", team, request.user_id, error)
            return Reply.of(messages.EDITOR_NOT_OPENED)
        return None

    deliver(request.reply_privately, produce)
