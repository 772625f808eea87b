"""System programs some tests need (Debian's redis-server, chromium): present, or a clear verdict.

CI installs them (.ci/run) and sets CI, so there a missing program fails the test; on a developer's
machine the test is skipped, saying how to install it (`pytest -rs` lists those).
"""

from __future__ import annotations

import os
import shutil

import pytest


def require_program(name: str, install: str) -> str:
    """The program's path; fails (under CI) or skips (elsewhere) when it is not installed."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed ({install})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path
