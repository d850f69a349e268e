"""What the admin tools say, in one place, so the wording is easy to review."""

from __future__ import annotations

ADMIN_HELP = (
    "*Admin tools* (workspace admins and the admins named in the settings):\n"
    "• `/whoowns admin` opens the editor: topics due a review, settings, topics, overrides\n"
    "• `/whoowns admin gaps` lists what people asked that I couldn't answer, and answers they voted 👎\n"
    "• `/whoowns admin history` lists the latest changes, each with an Undo button"
)
MENU_TITLE = "whoowns admin"
UNNAMED_ROLES = (
    ":memo: *To do*: nobody is named yet for {roles}. Answers about their topics name the role, with nobody to ask."
)
NAME_HOLDERS = "Name the holders"
FLAGGED_HOLDERS = ":warning: *Holders to check*: {holders}."
DEACTIVATED = "{name}, named for the *{role}*, is deactivated in Slack"
TITLED_OTHERWISE = "{name}, named for the *{role}*, now has the title *{title}*"
SUGGESTION = "{name}'s title is *{title}*: name them the {role}?"
FILL_HOLDER = "Fill in"
DIGEST_LABEL = "DM the admins a weekly digest (unanswered, 👎, due a review)"
MENU_SETTINGS = "*Settings for this workspace*"
MENU_TOPICS = "*Topics* — the knowledge base every answer comes from"
MENU_ROLES = "*Roles* — the executive roles topics belong to; add your own, then tick it in the settings"
ROLES_HINT = "Tick a role to name who holds it; the form changes as you tick."
FALLBACK_HINT = "Takes work no present role owns."
ROLE_COVER_HINT = "In that order: the first one a workspace has takes the role's topics when it lacks the role."
ROLE_POSTS_HINT = (
    "One a line (or separated by commas): posts that report to the role. A duty naming one (“the data "
    "engineer builds …”) is its work."
)
MENU_OVERRIDES = "*Overrides* — local decisions that beat the knowledge base"
NO_OVERRIDES = "_No overrides yet._"
MENU_FOOTER = "`/whoowns admin gaps`: what I couldn't answer · `/whoowns admin history`: latest changes, with Undo"
SAVED_TITLE = "Saved"
REFUSED_TITLE = "Not saved"
NOTHING_CHANGED = "Nothing to save: that is how it already was."
UNDONE = ":leftwards_arrow_with_hook: Undid change #{change}."
OVERRIDE_REMOVED = ":white_check_mark: Override removed."
ALIAS_ADDED = ":white_check_mark: “{alias}” is now an alias of “{title}”."
GAPS_HEADER = "What people asked that I couldn't answer"
NO_GAPS = "_Nothing yet: every question was answered, and nobody voted 👎._"
HISTORY_HEADER = "Latest changes"
NO_HISTORY = "_No changes yet._"
ADMIN_HEADER = "Admin"
OPEN_ADMIN = "Open the admin editor"
UNDO = "Undo"
NEW_TOPIC_FROM_GAP = "New topic from this"
ADD_AS_ALIAS = "Add as alias of…"
PREVIOUS = "← Previous"
NEXT = "Next →"
SPECIALIST_HINT = (
    "Where the organisation has a {role}, the {role} owns this topic instead (the knowledge files' specialist). "
    "Choose the {role} here to make it the {role}'s everywhere."
)
RETIRE_LABEL = "Retire this topic (it stops answering; Undo in the history brings it back)"


def asked(count: int) -> str:
    return "asked once" if count == 1 else f"asked {count} times"


def voted_down(count: int, title: str) -> str:
    votes = "one 👎" if count == 1 else f"{count} 👎"
    return f"{votes} on the answer “{title}”"


def requested_by(mentions: list[str]) -> str:
    """`mentions` are already mrkdwn (`<@U…>`)."""
    return "added on request of " + ", ".join(mentions) if mentions else ""


def gap_note(owner: str | None, note: str | None) -> str:
    """What someone wrote with a 👎; both parts are already escaped."""
    parts = ([f"should be owned by {owner}"] if owner else []) + ([note] if note else [])
    return " · ".join(parts)


def overrides_shown(first: int, last: int, total: int) -> str:
    return f"Overrides {first:,}–{last:,} of {total:,}"


def saved(change: int) -> str:
    return (
        f":white_check_mark: Saved as change #{change}. The next question anyone asks gets the new answer; "
        "`/whoowns admin history` can undo it."
    )


def stale(message: str) -> str:
    return f":warning: {message} Here is the current version: make your change again and save."


def ask_an_admin(names: list[str]) -> str:
    """Told to someone who is not an admin; `names` are already escaped, and shown as names, not mentions."""
    if not names:
        return "Only admins can change this: your workspace's admins and owners, and anyone its settings name."
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"Only admins can change this. Ask {listed}."


def still_right(title: str, audit_id: int | None) -> str:
    """`title` is escaped mrkdwn already."""
    return f":white_check_mark: “{title}” is reviewed: still right (change #{audit_id}). Fresh for another interval."
