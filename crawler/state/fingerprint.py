"""Content fingerprints: the same story under two URLs, or on two sites, has the same one."""

from __future__ import annotations

import hashlib
import re

_WORDS = re.compile(r"[^\W_]+", re.UNICODE)


def content_fingerprint(title: str | None, text: str | None) -> str:
    """Hash of the words of title and body, case- and punctuation-insensitive (16 hex digits).

    Whitespace, quotes, dashes and markup differences between copies do not change it; one changed
    word does, which is what marks an updated article.
    """
    words = _WORDS.findall(f"{title or ''}\n{text or ''}".casefold())
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest()
