"""Optimistic locking: a write goes ahead only if the row still has the version the editor opened.

`claim_version` is one `UPDATE … WHERE version = :expected` whose row count says whether the row was
still at that version. On PostgreSQL the UPDATE also locks the row until the transaction ends, so of two
processes saving the same opened version at once the second waits, then finds the version moved and
claims nothing: exactly one wins, without a read-then-write race. SQLite serialises writers anyway.
"""

from __future__ import annotations

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from bot.store.slack_records import rows_matched
from bot.store.tables import Base, KbState, ResponsibilityRow


def claim_version(session: Session, table: type[Base], key: str, expected: int | None) -> bool:
    """Locks the row `key` of `table` for this transaction if its version is `expected` (any, when None).

    The version itself is left alone (`SET version = version`): the write that follows bumps it.
    """
    column = inspect(table).primary_key[0]
    version = table.version  # type: ignore[attr-defined]
    statement = update(table).where(column == key).values(version=version)
    if expected is not None:
        statement = statement.where(version == expected)
    result = session.execute(statement.execution_options(synchronize_session=False))
    session.expire_all()  # anything loaded before the claim may be older than the row we now hold
    return rows_matched(result) == 1


def lock_knowledge(session: Session) -> None:
    """Holds every entry and the knowledge base's state row for this transaction (an import, an undo of one).

    No other change to the knowledge base runs alongside, and everything read afterwards is current. The
    entries are locked first, in id order, then the state row: the order a single entry's save takes them
    too (its entry, then the revision bump), so the two queue behind each other and never deadlock. On
    SQLite the UPDATE takes the database's write lock, which serialises writers.
    """
    session.execute(select(ResponsibilityRow.id).order_by(ResponsibilityRow.id).with_for_update()).all()
    session.execute(update(KbState).where(KbState.id == 1).values(revision=KbState.revision))
    session.expire_all()  # rows loaded before the lock may be older than the ones now held
