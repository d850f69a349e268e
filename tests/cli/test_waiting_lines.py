"""Standard input read in groups of the lines already written, never waiting for lines not written yet."""

import io
import os
import threading

from bot.cli.waiting_lines import waiting_lines


def pipe_reader() -> tuple[io.TextIOWrapper, int]:
    read_end, write_end = os.pipe()
    return io.TextIOWrapper(io.FileIO(read_end, "r"), encoding="utf-8"), write_end


def test_lines_already_written_come_as_one_group_then_the_rest_as_written():
    reader, writer = pipe_reader()
    os.write(writer, b"who owns pricing?\nwho owns security?\r\nwho ")
    groups = waiting_lines(reader)
    assert next(groups) == ["who owns pricing?", "who owns security?"]  # the partial third line waits
    os.write(writer, b"owns hiring?\n")
    assert next(groups) == ["who owns hiring?"]
    os.write(writer, b"last line without an end")
    os.close(writer)
    assert list(groups) == [["last line without an end"]]


def test_a_group_has_at_most_the_group_size_and_empty_lines_are_kept():
    reader, writer = pipe_reader()
    os.write(writer, b"a\n\nb\nc\nd\n")
    os.close(writer)
    assert list(waiting_lines(reader, group_size=2)) == [["a", ""], ["b", "c"], ["d"]]


def test_a_line_that_arrives_later_is_read_when_it_comes():
    reader, writer = pipe_reader()
    groups = waiting_lines(reader)
    later = threading.Timer(0.2, lambda: (os.write(writer, b"who owns pricing?\n"), os.close(writer)))
    later.start()
    assert list(groups) == [["who owns pricing?"]]
    later.join()


def test_bytes_that_are_not_utf8_are_replaced_not_fatal():
    reader, writer = pipe_reader()
    os.write(writer, b"who owns pric\xffing?\n")
    os.close(writer)
    assert list(waiting_lines(reader)) == [["who owns pric\ufffding?"]]


def test_a_stream_without_a_file_gives_a_line_a_group():
    assert list(waiting_lines(io.StringIO("a\nb\n"))) == [["a"], ["b"]]
