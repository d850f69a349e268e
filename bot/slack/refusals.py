"""What a person is told when their request was refused or could not be carried out, whatever the cause.

The one place a domain error becomes words: a refusal (`NotAllowed`), an edit overtaken by someone else's
(`StaleEdit`), bad input (`InvalidInput`), the knowledge base out of reach (`KnowledgeUnavailable`, which
the store raises for any database failure), or any other admin error, said as it is.
"""

from __future__ import annotations

from bot.core.problems import InvalidInput
from bot.core.unavailable import KnowledgeUnavailable
from bot.services.admin import NotAllowed, StaleEdit
from bot.slack import messages
from bot.slack.blocks.mrkdwn import escape, mention


def refusal(error: Exception) -> str:
    if isinstance(error, NotAllowed):
        return str(error)
    if isinstance(error, StaleEdit):
        return f":warning: {error.message(mention)}"
    if isinstance(error, InvalidInput):
        return ":warning: " + escape("; ".join(str(problem) for problem in error.problems))
    if isinstance(error, KnowledgeUnavailable):
        return messages.KNOWLEDGE_UNAVAILABLE
    return f":warning: {escape(str(error))}"
