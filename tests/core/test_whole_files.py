"""Cache files are written whole or not at all, and a folder that cannot take one is logged, not raised."""

from bot.core.whole_files import write_whole


def test_a_file_is_written_whole_with_nothing_left_beside_it(tmp_path):
    target = tmp_path / "cache" / "vectors.bin"
    assert write_whole(target, lambda file: file.write(b"abc"), what="vectors")
    assert target.read_bytes() == b"abc"
    assert [p.name for p in target.parent.iterdir()] == ["vectors.bin"]


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_one(tmp_path, caplog):
    target = tmp_path / "vectors.bin"
    target.write_bytes(b"old")

    def half_then_full(file):
        file.write(b"ne")
        raise OSError(28, "No space left on device")

    assert not write_whole(target, half_then_full, what="vectors")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["vectors.bin"]
    assert "could not keep vectors in" in caplog.text
