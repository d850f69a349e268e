"""The Slack app: Bolt listeners by kind (`listeners/`), pure Block Kit builders (`blocks/`), and the parts
that tie them to Slack — credentials, the Web API client, where replies go. No business rule lives here:
listeners translate Slack's payloads into service calls and the results into messages.
"""

from bot.slack.app import build_bolt_app
from bot.slack.credentials import MissingSetting, SlackCredentials, slack_credentials

__all__ = ["MissingSetting", "SlackCredentials", "build_bolt_app", "slack_credentials"]
