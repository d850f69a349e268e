"""What the bot says on the agent conversation, shortcuts, link previews and welcomes, in one place."""

from __future__ import annotations

STATUS_ANSWERING = "is looking it up…"
PROMPTS_TITLE = "Try asking"
PROMPT_TOPIC = "Who owns hosting costs here?"
PROMPT_ASSESS = "Should we have a CPTO?"
PROMPT_ROLE = "What does the {role} own here?"

NO_TOPIC_YET = "Ask me who owns an area of work first; then “why?” or “who holds it?” tells you more about the answer."
WHY_HEADLINE = "*Why the {role} owns {topic} here*"
HOLDER_NAMED = "*{role}* · {role_name}: {holder} holds it here."
HOLDER_MISSING = (
    "Nobody is named as the *{role}* ({role_name}) here yet. An admin can name the holders in the App Home's settings."
)
ROLE_TOPICS = "*{role}* · {role_name}{holder} owns here:"
ROLE_OWNS_NOTHING = "The *{role}* owns none of the topics I know in this workspace."
ROLE_UNKNOWN = "This workspace has no {role} in its settings. Its roles: {roles}."
ASSESS = (
    "Whether one CPTO or a CPO and a CTO suits you depends on your company. The assessment (also `/whoowns "
    "assess`) asks a few questions and recommends one, with the articles behind it."
)
START_ASSESSMENT = "Start the assessment"
VIEWED_CHANNEL_UNKNOWN = (
    "I can't tell which topic you mean: open a channel whose name is a topic (such as #hosting-costs), or name it."
)

SHORTCUT_QUOTE = "You asked about:\n>{line}"
SHORTCUT_EMPTY = "That message has no text I can read. Try `/whoowns <topic>`."
SHARE = "Share in channel"
SHARED_BY_NAME = "Shared by {name} with /whoowns"
SHARED_FROM = "Shared with /whoowns"
ASK_MODAL_TITLE = "Ask who owns…"
ASK_LABEL = "What do you want to know?"
ASK_PLACEHOLDER = "hosting costs, product pricing, security…"
ASK_SUBMIT = "Ask"
POST_LABEL = "Post in a channel"
POST_SUBMIT = "Post"
CLOSE = "Close"
ASK_UNAVAILABLE = "I can't reach my knowledge base right now, so I can't answer. Please try again in a minute."
ASK_EMPTY = "Write an area of work, such as “hosting costs”."

WELCOME_INSTALL = (
    ":wave: Thanks for installing *whoowns*! I tell people which executive role owns an area of work, and why.\n"
    "Three first steps:\n"
    "1. *Name the holders* of your roles, so answers name the person: open the settings below.\n"
    "2. *Try it*: `/whoowns hosting costs`\n"
    "3. *Run* `/whoowns assess` to see whether one CPTO or a CPO and a CTO suits you."
)
OPEN_SETTINGS = "Open settings"
WELCOME_HOME = (
    ":wave: *Welcome, {user}!* Ask me who owns an area of work: message me in the Messages tab, use "
    "`/whoowns <topic>` anywhere, or pick *Who owns this?* from any message's menu (⋮)."
)
OPEN_TOPIC = "Open a topic…"
FIRST_STEPS_TITLE = "First steps"
FIRST_STEPS = (
    "Nobody is named in this workspace's settings yet, so answers name roles but not people. Name who holds "
    "each role, add an override where your company decides differently, or import your settings from a file."
)
NAME_ROLE = "Name your {role}"
ADD_OVERRIDE = "Add an override"
IMPORT_FILE = "Import a file"
IMPORT_HOWTO = (
    "Start from what is stored now: `python -m bot kb export --team {team} > whoowns.yaml` where the app runs. "
    "A file too large for Slack imports there too: `python -m bot kb import whoowns.yaml --team {team}`."
)
IMPORT_INTRO = (
    "Upload a YAML knowledge file (an export, edited). Its topics update the knowledge base every workspace "
    "shares; its `org` section sets this workspace's roles, holders, cover, fallback and overrides. "
    "I'll check it and show what changes before anything is imported."
)
IMPORT_LABEL = "Knowledge file (.yaml)"
IMPORT_CHECK = "Check the file"
IMPORT_SUBMIT = "Import"
IMPORT_NO_FILE = "Choose a .yaml file to upload."
IMPORT_MORE_PROBLEMS = "…and {count} more problems."
IMPORT_PROBLEMS = ":warning: *The file cannot be imported* (nothing was changed). Fix these, then upload it again:"
IMPORT_CHECKING = ":hourglass_flowing_sand: Reading and checking the file…"
IMPORT_IMPORTING = ":hourglass_flowing_sand: Importing…"
IMPORT_NOTHING = "*{name}* holds what is already stored: nothing to import."
IMPORT_WOULD = "Importing *{name}* changes:"
IMPORT_SETTINGS = "this workspace's settings"
IMPORT_AUDITED = "The import is applied in one go and recorded in the history, where it can be looked up."
IMPORT_DONE = ":white_check_mark: Imported *{name}*; recorded in the history as change {changes}."
IMPORT_MOVES_CHANGED = ":warning: What the file moves changed since you checked it: here is what it moves now."
IMPORT_ADMINS_ONLY = "Only admins can import a file."
CANCEL = "Cancel"
DONE = "Done"
