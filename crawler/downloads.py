"""`file://` downloads bounded like HTTP ones.

Scrapy's `FileDownloadHandler` reads the whole file (`Path.read_bytes()`): `DOWNLOAD_MAXSIZE` does
not apply, and `file:///dev/zero` or a FIFO never ends. This handler, registered for `file` in
`DOWNLOAD_HANDLERS`, reads only regular files and at most `DOWNLOAD_MAXSIZE` bytes (the request's
`download_maxsize` meta wins, as for HTTP). Which `file://` URLs are requested at all is the
spider's business: only those given on the command line (see docs/operations.md).
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.responsetypes import responsetypes
from scrapy.utils.asyncio import run_in_thread
from w3lib.url import file_uri_to_path

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response


class NotARegularFile(OSError):
    """A device, FIFO, socket or directory: nothing a crawl should read."""


class FileTooLarge(OSError):
    """A file above the download size cap."""


def read_bounded(path: str, maxsize: int) -> bytes:
    """The bytes of the regular file at `path`, or an error if it is not one or holds more than `maxsize`.

    `maxsize` 0 means no cap (Scrapy's meaning of `DOWNLOAD_MAXSIZE = 0`). The size is checked on the
    open file and again while reading, so a file that grows meanwhile is still cut off.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"{path} is not a regular file: not read")
        if maxsize and info.st_size > maxsize:
            raise FileTooLarge(f"{path} holds {info.st_size} bytes, more than the download cap of {maxsize}")
        body = file.read(maxsize + 1) if maxsize else file.read()
    if maxsize and len(body) > maxsize:
        raise FileTooLarge(f"{path} grew past the download cap of {maxsize} bytes while being read")
    return body


class BoundedFileDownloadHandler(BaseDownloadHandler):
    """Download handler for `file://`: regular files only, at most the download size cap."""

    async def download_request(self, request: Request) -> Response:
        path = file_uri_to_path(request.url)
        maxsize = int(request.meta.get("download_maxsize", self.crawler.settings.getint("DOWNLOAD_MAXSIZE")))
        body = await run_in_thread(read_bounded, path, maxsize)
        respcls = responsetypes.from_args(filename=path, body=body)
        return respcls(url=request.url, body=body)
