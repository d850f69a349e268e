"""The stamp `whoowns ask` reads with sqlite3 alone, and the files it keeps under a stamp's key."""

import os
import sqlite3
from pathlib import Path

import pytest

from bot.store.database import Database
from bot.store.snapshot import KEEP, SnapshotFiles, sqlite_stamp
from bot.store.unit_of_work import unit_of_work


def test_a_prepared_database_has_a_stamp_that_a_knowledge_write_moves(prepared_sqlite_url):
    before = sqlite_stamp(prepared_sqlite_url)
    assert before is not None and before.revision >= 1 and before.schema
    assert sqlite_stamp(prepared_sqlite_url) == before  # reading changes nothing
    db = Database(prepared_sqlite_url)
    with unit_of_work(db) as store:
        store.knowledge.bump()
    db.dispose()
    after = sqlite_stamp(prepared_sqlite_url)
    assert after is not None and after.revision == before.revision + 1
    assert after.key() != before.key()


def test_a_copy_written_to_separately_never_shares_a_stamp_with_the_original(prepared_sqlite_url, tmp_path):
    """Two copies of one file moved on to the same revision by different writes: their write times differ."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(prepared_sqlite_url.removeprefix("sqlite:///")).read_bytes())
    stamps = []
    for url in (prepared_sqlite_url, f"sqlite:///{copy}"):
        db = Database(url)
        with unit_of_work(db) as store:
            store.knowledge.bump()
        db.dispose()
        stamps.append(sqlite_stamp(url))
    assert stamps[0].revision == stamps[1].revision and stamps[0] != stamps[1]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://127.0.0.1:5432/test",  # served by long-running processes: no snapshot
        "sqlite:///:memory:",
        "sqlite:////nowhere/whoowns.db",
    ],
)
def test_no_stamp_where_there_is_no_sqlite_file(url):
    assert sqlite_stamp(url) is None


def test_no_stamp_before_the_database_is_migrated_and_seeded(tmp_path):
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert sqlite_stamp(f"sqlite:///{empty}") is None
    assert not empty.read_bytes()  # read-only: nothing was created in it


def test_a_value_kept_is_read_back_and_another_key_finds_nothing(tmp_path):
    files = SnapshotFiles(tmp_path / "snapshots")  # made on the first write
    files.write("a", {"kb": [1, 2, 3]})
    assert files.read("a") == {"kb": [1, 2, 3]}
    assert files.read("b") is None
    assert [p.name for p in (tmp_path / "snapshots").iterdir()] == ["a.pickle"]  # no temporary file left


def test_a_file_cut_short_counts_as_missing(tmp_path):
    files = SnapshotFiles(tmp_path)
    files.write("a", list(range(1000)))
    whole = (tmp_path / "a.pickle").read_bytes()
    (tmp_path / "a.pickle").write_bytes(whole[: len(whole) // 2])
    assert files.read("a") is None


def test_only_the_newest_files_are_kept(tmp_path):
    files = SnapshotFiles(tmp_path)
    for index in range(KEEP + 3):
        files.write(f"k{index}", index)
        os.utime(tmp_path / f"k{index}.pickle", (index, index))  # written in this order, a second apart
    assert sorted(p.stem for p in tmp_path.glob("*.pickle")) == sorted(f"k{i}" for i in range(3, KEEP + 3))


def test_a_folder_that_cannot_be_written_costs_only_the_file(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    SnapshotFiles(blocker / "snapshots").write("a", 1)  # no error
    assert SnapshotFiles(blocker / "snapshots").read("a") is None


def test_a_write_cut_short_leaves_no_temporary_file(tmp_path, monkeypatch):
    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bot.store.snapshot.pickle.dump", disk_full)
    SnapshotFiles(tmp_path).write("a", 1)  # no error
    assert list(tmp_path.iterdir()) == []
