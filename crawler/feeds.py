"""Feed storage that never leaves a half-written file under the final name.

Each feed is written to `<path>.part`; on a clean close it is flushed, fsynced and renamed to
`<path>` (overwrite mode, `-O`) or appended to it in one go (append mode, `-o`). A run killed at any
moment leaves only the `.part` file: recognisable by its suffix, every complete line in it valid
JSON (at most the last line is torn), and the state store has not counted its articles as
delivered, so the next run emits them again.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage

logger = logging.getLogger(__name__)

PART_SUFFIX = ".part"


class AtomicFileFeedStorage(FileFeedStorage):
    """`FileFeedStorage` with write-to-temporary-then-rename semantics."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.final = Path(self.path)
        self.part = self.final.with_name(self.final.name + PART_SUFFIX)

    def open(self, spider: Any) -> IO[bytes]:
        self.part.parent.mkdir(parents=True, exist_ok=True)
        return self.part.open("wb")

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        if self.write_mode == "ab" and self.final.exists():
            with self.part.open("rb") as src, self.final.open("ab") as dst:
                shutil.copyfileobj(src, dst)
                dst.flush()
                os.fsync(dst.fileno())
            self.part.unlink()
        else:
            os.replace(self.part, self.final)
        logger.debug("Feed written to %s", self.final)
