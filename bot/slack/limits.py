"""Slack's limits on what a message, a modal or the App Home may hold, in one place.

From Slack's Block Kit reference (blocks, block elements, composition objects, views). Every builder
takes its limits from here; `tests/slack/test_slack_limits.py` checks what the builders make against
them with the largest input an admin can write.
"""

from __future__ import annotations

MESSAGE_TEXT = 4000  # a message's top-level `text`: Slack advises at most 4,000 characters (and cuts at 40,000)
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100  # a modal or the App Home
SECTION_TEXT = 3000  # a section's text, and a context element's
CONTEXT_ELEMENTS = 10
ACTIONS_ELEMENTS = 25
HEADER_TEXT = 150
BLOCK_ID = 255
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
OPTION_TEXT = 75
OPTION_VALUE = 150
OPTIONS = 100  # a static select's options, and an option group's
OPTION_GROUPS = 100
PICKER_OPTIONS = 200  # ours: a topic picker's options in all, so ten thousand topics keep the view small
CONFIRM_TEXT = 300
ERROR_TEXT = 300  # what `response_action: errors` shows under a field (Slack cuts longer messages)
