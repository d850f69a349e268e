"""Lines of standard input in groups of the ones already written, for `ask` to answer a group at a time.

A file or a pipe of 1,000 questions arrives in groups of up to `GROUP_SIZE`, so the questions that need
the sentence encoder are encoded on its own thread while the rest of the group is read (README "The
encoder on a thread of its own": groups of 128 left the encoder idle while each next group was read,
3.4-3.5 s against 2.9-3.1 s for 1,000 questions); someone typing, or a program that writes one question
and waits for its answer, gets each answer as soon as the line is complete, because a group never waits
for lines not written yet.
"""

from __future__ import annotations

import io
import os
import select
from collections.abc import Iterator
from typing import TextIO

GROUP_SIZE = 1024  # lines answered as one group at most
READ_SIZE = 1 << 16


def waiting_lines(stream: TextIO, group_size: int = GROUP_SIZE) -> Iterator[list[str]]:
    """The stream's lines, without their line ends, in order, grouped as they are waiting to be read."""
    try:
        fd = stream.fileno()
    except (AttributeError, io.UnsupportedOperation):  # not a file (a StringIO in a test): a line a group
        yield from ([line.rstrip("\r\n")] for line in stream)
        return
    encoding = stream.encoding or "utf-8"
    pending, ended = b"", False
    while not ended or pending:
        # Read while no line is complete, or while more is already waiting (never blocking for it).
        while not ended and pending.count(b"\n") < group_size and (b"\n" not in pending or _readable(fd)):
            chunk = os.read(fd, READ_SIZE)
            ended = not chunk
            pending += chunk
        lines = pending.split(b"\n")
        complete, pending = (lines, b"") if ended else (lines[:-1], lines[-1])
        if ended and complete and not complete[-1]:
            complete.pop()  # the end of the last line, not an empty line after it
        decoded = [line.decode(encoding, errors="replace").rstrip("\r") for line in complete]
        for start in range(0, len(decoded), group_size):
            yield decoded[start : start + group_size]


def _readable(fd: int) -> bool:
    """True when reading `fd` would not wait."""
    return bool(select.select([fd], [], [], 0)[0])
