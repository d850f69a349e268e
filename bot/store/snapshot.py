"""A SQLite database's knowledge stamp, read with Python's own sqlite3, and files kept under a stamp's key:
what lets `whoowns ask` answer without importing SQLAlchemy, about half of a one-question start-up.

The stamp is the schema's version, the knowledge revision and when the knowledge was last written
(`KnowledgeRepository.bump` moves the last two in the transaction that writes). Any change to the
knowledge, its reviews or their interval gives another stamp, and a database created anew does not repeat
one. Only SQLite: PostgreSQL serves from long-running processes, which keep their engine in memory.
This module reads two rows, read-only; everything else that touches the database goes through SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.whole_files import write_whole

log = logging.getLogger(__name__)

SQLITE_URL = re.compile(r"^sqlite(?:\+pysqlite)?:///(?P<path>[^?]+)$")
BUSY_SECONDS = 5.0  # a writer holding the file longer than this: the caller reads through SQLAlchemy instead
KEEP = 8  # snapshot files kept in the folder, the newest (several databases may share one folder)


@dataclass(frozen=True)
class Stamp:
    schema: str  # Alembic's revision of the schema
    revision: int  # the knowledge revision
    written: str  # when that revision was written, as stored

    def key(self) -> str:
        return f"{self.schema}:{self.revision}:{self.written}"


def sqlite_stamp(url: str) -> Stamp | None:
    """The stamp of the SQLite database at `url`; None for another database, a file not there yet, a
    database not yet migrated and seeded, or one another process keeps locked."""
    match = SQLITE_URL.match(url)
    if match is None or not Path(match["path"]).is_file():
        return None
    read_only = f"{Path(match['path']).resolve().as_uri()}?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(read_only, uri=True, timeout=BUSY_SECONDS)) as connection:
            (schema,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision, written = connection.execute("SELECT revision, updated_at FROM kb_state WHERE id = 1").fetchone()
    except (sqlite3.Error, TypeError):  # no such table, or no row (fetchone() gave None)
        return None
    return Stamp(str(schema), int(revision), str(written))


class SnapshotFiles:
    """Values pickled into a folder under a key, the newest `KEEP` kept. A file that cannot be read (cut
    short, or written by other code) counts as missing: the caller builds the value again."""

    def __init__(self, folder: Path):
        self.folder = folder

    def read(self, key: str) -> Any | None:
        try:
            with open(self.folder / f"{key}.pickle", "rb") as file:
                return pickle.load(file)
        except FileNotFoundError:
            return None
        except Exception as error:  # unpickling can raise anything: the value is rebuilt
            log.warning("ignoring the unreadable snapshot %s: %s", key, error)
            return None

    def write(self, key: str, value: Any) -> None:
        """Writes the file whole or not at all (another process may be reading the folder)."""
        path = self.folder / f"{key}.pickle"
        if write_whole(
            path, lambda file: pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL), what="a snapshot"
        ):
            self._prune()

    def _prune(self) -> None:
        try:
            files = sorted(self.folder.glob("*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
            for old in files[KEEP:]:
                old.unlink(missing_ok=True)
        except OSError as error:  # another process pruning the same folder
            log.warning("could not prune the snapshots in %s: %s", self.folder, error)
