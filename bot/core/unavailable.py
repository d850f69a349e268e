"""What a failing database means to everyone above the store, without naming the database library.

The store turns every database failure (down, hung past its deadline, a lock held too long) into
`KnowledgeUnavailable`, once, where it happens (`bot/store/database.py`); services, Slack listeners, the
web pages and the CLI catch this and tell the person, and none of them imports SQLAlchemy to do it.
"""

from __future__ import annotations


class KnowledgeUnavailable(Exception):
    """The database could not be read or written just now; the unit of work was rolled back whole."""


class WriteConflict(KnowledgeUnavailable):
    """Another transaction stored the same row first (two first-ever saves of one workspace's settings)."""
