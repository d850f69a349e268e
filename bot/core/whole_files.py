"""Cache files written whole or not at all: a unique temporary file beside the target, then an atomic
rename, so another process reading the folder never finds half a file. The entry vectors
(`bot/core/semantic.py`) and `ask`'s snapshots (`bot/store/snapshot.py`) are written this way; a cache
that cannot be written only costs the next process its head start, so a failure is logged, not raised.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)


def write_whole(path: Path, write: Callable[[IO[bytes]], object], *, what: str) -> bool:
    """Writes `path` with `write(file)`; False (logged, nothing left behind) when the folder cannot take it."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f"{path.stem}.", suffix=".tmp", delete=False) as file:
            temporary = Path(file.name)
            write(file)
        os.replace(temporary, path)
        return True
    except OSError as error:
        log.warning("could not keep %s in %s: %s", what, path.parent, error)
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        return False
