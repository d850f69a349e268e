"""Everything the bot says that is not an answer, in one place, so the wording is easy to review."""

from __future__ import annotations

KNOWLEDGE_UNAVAILABLE = (
    ":warning: I can't reach my knowledge base right now, so I can't answer. Please try again in a minute."
)
REPLY_FAILED = (
    ":warning: Sorry, I could not show you that reply. Please try again; if it keeps happening, tell an admin."
)
ASK_HOWTO = (
    "*Ask me who owns an area of work* and I'll tell you which executive role owns it, why, and the "
    "article that says so.\n"
    "• *Mention me* in a channel: `@whoowns who owns hosting costs?` (I answer in the thread)\n"
    "• *Message me* directly: `who decides product pricing?`\n"
    "• *Use the command*: `/whoowns hosting costs` (only you see the answer)\n"
    "• *One leader or two?* `/whoowns assess` asks eight questions and says whether product and technology "
    "should have a CPTO, or a CPO and a CTO"
)
GREETING = (
    ":wave: Hi! I tell you which executive role owns an area of work, and why, with the article that says "
    "so. Ask me something like “who owns hosting costs?”, or say `help` to see how else to ask."
)
YOURE_WELCOME = "You're welcome! Ask me any time."
EXAMPLES_INTRO = "Some topics I know:"
HELP_FOOTER = "`/whoowns help` shows this again. My answers come from published articles about executive roles."
UNSURE_PREFIX = ":thinking_face: "
SUGGESTIONS_PROMPT = "Did you mean one of these?"
REQUEST_TOPIC = "Ask an admin to add this"
REQUEST_THANKS = "Thanks: I've passed your question on to the admins, who can add it to what I know."
REQUEST_TO_ADMINS = (
    ":inbox_tray: {user} asked me something I couldn't answer and would like it added:\n>{question}\n"
    "`/whoowns admin gaps` lists every open question."
)
DOWNVOTE_TITLE = "What was wrong?"
DOWNVOTE_OWNER = "Who should own this?"
DOWNVOTE_OWNER_HINT = "A role or a person, in your own words"
DOWNVOTE_NOTE = "Anything else?"
DOWNVOTE_SUBMIT = "Send to the admins"
DOWNVOTE_EMPTY = "Write who should own it, or anything else, or close this form."
CLOSE = "Close"
DOWNVOTE_INTRO = "The admins see what you write here with your 👎 on the answer about *{topic}*."
HELPFUL = "👍 Helpful"
NOT_HELPFUL = "👎 Not helpful"
NOBODY_NAMED = "_nobody named yet_"
HOME_TITLE = "Who owns what?"
HOME_ROLES = "Roles in {workspace}"
HOME_TOPICS = "What I know, by the role that owns it here"
THIS_WORKSPACE = "this workspace"
HOME_CUT = "_There is more than this tab can show: ask me about any topic by name._"
HOME_ABSENT = "Roles this workspace does not have, and who takes their topics here:"
TOPIC_NO_LONGER_EXISTS = "That topic is no longer in my knowledge base. Try asking again in your own words."
ASK_ONLY_THE_ASKER = "Only the person who asked can send this question on. Ask me yourself to get your own button."
ASK_NOT_SENT = ":warning: I couldn't send your question just now. Please try again in a moment."


def thanks(*, helpful: bool, up: int, down: int) -> str:
    """Shown only to the person who voted: the answer's message stays as it was, so nobody sees who voted."""
    how = "glad it helped" if helpful else "sorry it missed; the admins will see it"
    return f"Thanks for the feedback, {how}. So far: 👍 {up} · 👎 {down}"


def more_topics(count: int) -> str:
    return f"_and {count:,} more topics: ask me about any of them_"


def covers(roles: tuple[str, ...]) -> str:
    return f" (also covers the {', '.join(roles)})" if roles else ""


def several_topics(count: int, titles: str) -> str:
    """The line above the answers to a question about several topics; `titles` is already mrkdwn."""
    return f"Your question names {count} topics: {titles}. Here is who owns each."


EDITOR_NOT_OPENED = ":warning: Slack did not let me open the editor. Please run `/whoowns admin` again."
ASSESSMENT_NOT_OPENED = ":warning: Slack did not let me open the questions. Please run `/whoowns assess` again."
ASSESSMENT_IN_DM = "I couldn't post in that channel, so here is your assessment (only you can see this DM)."
ASSESSMENT_NOT_SHARED = ":warning: I couldn't post in this channel. Invite me with `/invite @whoowns` and share again."


def question_sent(name: str, *, with_thread: bool) -> str:
    """Told only to the asker once their question reached the holder; `name` is already mrkdwn."""
    where = ", with a link to this thread." if with_thread else "."
    return f":incoming_envelope: I sent your question to {name}{where}"
