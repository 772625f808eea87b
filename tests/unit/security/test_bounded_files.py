"""`file://` reads: regular files only, never more than the download cap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crawler.downloads import FileTooLarge, NotARegularFile, read_bounded


def test_a_regular_file_under_the_cap_is_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<html>ok</html>")
    assert read_bounded(str(page), 100) == b"<html>ok</html>"
    assert read_bounded(str(page), 0) == b"<html>ok</html>"  # 0: no cap, as DOWNLOAD_MAXSIZE=0 means


def test_a_file_above_the_cap_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge, match="more than the download cap of 100"):
        read_bounded(str(page), 100)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_without_reading(device: str) -> None:
    with pytest.raises(NotARegularFile, match="not a regular file"):
        read_bounded(device, 0)  # no cap at all: still refused at once


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile):
        read_bounded(str(fifo), 100)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        read_bounded(str(tmp_path), 100)
