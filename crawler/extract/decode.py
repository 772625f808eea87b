"""HTML bytes to text when the page's charset is missing, wrong or lying; and `strip_stray_end_tags`.

Pure functions of bytes (the extraction worker decodes a page's body with them). Why and how:
docs/sources.md (encodings).
"""

from __future__ import annotations

import codecs
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    read_bom,
    resolve_encoding,
)

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)

# The declared decoding is wrong when it yields at least this many U+FFFD ...
MIN_REPLACEMENTS = 4
# ... making up at least this share of the non-ASCII characters (a stray bad byte is not enough).
MIN_REPLACEMENT_SHARE = 0.05
# A single-byte decoding (latin-1, cp1252, ...) is mojibake when at least this many non-ASCII
# characters stand next to another non-ASCII character (multi-byte text read byte by byte) ...
MIN_MOJIBAKE_PAIRS = 8
# ... and such neighbours are at least this share of its non-ASCII characters: all of them in mojibake,
# about half in Portuguese full of "ção"/"ções" (and even then no codepage is swapped for another).
MIN_MOJIBAKE_SHARE = 0.75
# A page declaring another charset is read as UTF-8 when it is valid UTF-8 with this many non-ASCII characters.
MIN_UTF8_CHARS = 8
# A candidate decoding is accepted with at most this many U+FFFD per 1,000 characters.
MAX_CANDIDATE_REPLACEMENTS_PER_1000 = 1.0
# Bytes the detector looks at (it samples; a page's head and first paragraphs are enough).
DETECTOR_MAX_BYTES = 256 * 1024
# Encodings the detector may answer: the region's, plus UTF-8 and Western single-byte pages.
DETECTOR_CANDIDATES = (
    "utf_8", "gb18030", "big5hkscs", "big5", "shift_jis", "euc_jp", "euc_kr", "cp1252",
)
# The checks read this much of the decoded page.
CHECK_MAX_CHARS = 200_000
_HIGH_RE = re.compile(r"[^\x00-\x7f\s]")
_HIGH_RUN_RE = re.compile(r"[^\x00-\x7f\s]{2,}")
_PROBE = b"\xc3\xa9\xe4\xb8\xad\xd6\xd0"  # 7 high bytes: 7 characters only in a single-byte codepage
_REPLACEMENT = "\ufffd"


@lru_cache(maxsize=64)
def _is_single_byte(encoding: str) -> bool:
    """True for codepages that map every byte to one character (latin-1, cp1252, koi8-r...)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return len(_PROBE.decode(name, "replace")) == len(_PROBE)


def _non_ascii(text: str) -> int:
    return len(_HIGH_RE.findall(text, 0, CHECK_MAX_CHARS))


def _too_many_replacements(text: str) -> bool:
    bad = text.count(_REPLACEMENT, 0, CHECK_MAX_CHARS)
    return bad >= MIN_REPLACEMENTS and bad >= MIN_REPLACEMENT_SHARE * max(1, _non_ascii(text))


def _looks_like_mojibake(text: str) -> bool:
    """Multi-byte text decoded one byte per character: its non-ASCII characters come in runs."""
    paired = sum(len(run) for run in _HIGH_RUN_RE.findall(text, 0, CHECK_MAX_CHARS))
    return paired >= MIN_MOJIBAKE_PAIRS and paired >= MIN_MOJIBAKE_SHARE * _non_ascii(text)


def _suspicious(text: str, encoding: str) -> bool:
    if _too_many_replacements(text):
        return True
    return _is_single_byte(encoding) and _looks_like_mojibake(text)


def _is_utf8_text(body: bytes) -> bool:
    """Strictly valid UTF-8 with multi-byte characters: a page saved as UTF-8 whose old declaration
    (gb2312, shift_jis...) was kept. Legacy multi-byte text is practically never valid UTF-8."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return _non_ascii(text) >= MIN_UTF8_CHARS


def _detected(body: bytes) -> str | None:
    match = from_bytes(body[:DETECTOR_MAX_BYTES], cp_isolation=list(DETECTOR_CANDIDATES)).best()
    return match.encoding if match is not None else None


def _undeclared(body: bytes) -> str | None:
    """Scrapy's guess for a page that declares nothing: ASCII, else UTF-8, else the detector."""
    for encoding in ("ascii", "utf-8"):
        try:
            body.decode(encoding)
        except UnicodeDecodeError:
            continue
        return resolve_encoding(encoding)
    detected = _detected(body)
    return resolve_encoding(detected) if detected else None


def _candidates(body: bytes, used: str) -> list[str]:
    """Encodings to try instead of `used`, best evidence first, each once, w3lib's supersets applied."""
    found: list[str] = []
    for raw in (html_body_declared_encoding(body), _detected(body), "utf-8"):
        encoding = resolve_encoding(raw) if raw else None
        if encoding and encoding != used and encoding not in found:
            found.append(encoding)
    return found


def _clean_decode(body: bytes, encoding: str) -> str | None:
    """`body` decoded with at most a stray U+FFFD or two; None if that is not possible."""
    text = body.decode(encoding, "replace")
    if text.count(_REPLACEMENT) > MAX_CANDIDATE_REPLACEMENTS_PER_1000 * len(text) / 1000:
        return None
    return text


def decode_html(body: bytes, header_encoding: str | None) -> tuple[str, str, bool]:
    """Decode an HTML body: (text, Python codec name used, whether the declared charset was overridden).

    `header_encoding` is the charset of the HTTP `Content-Type` (None when it names none). The result
    is what Scrapy's `response.text` gives (BOM, then header, then `<meta>`, else detected) unless that
    looks wrong and another candidate decodes cleanly; only then is the third value True.
    """
    content_type = f"text/html; charset={header_encoding}" if header_encoding else None
    used, text = html_to_unicode(content_type, body, auto_detect_fun=_undeclared)
    if read_bom(body)[0] is None and used != "utf-8" and _is_utf8_text(body):
        return body.decode("utf-8"), "utf-8", True
    if read_bom(body)[0] is not None or not _suspicious(text, used):
        return text, used, False
    single_byte = _is_single_byte(used)
    for candidate in _candidates(body, used):
        if single_byte and _is_single_byte(candidate):
            continue  # codepage-for-codepage guesses are not evidence enough
        decoded = _clean_decode(body, candidate)
        if decoded is not None:
            return decoded, candidate, True
    return text, used, False


_STRAY_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_STRAY_END_TAGS_BYTES = re.compile(rb"</(?:body|html)\s*>", re.IGNORECASE)


def strip_stray_end_tags(html: str | bytes) -> str | bytes:
    """`html` without `</body>` and `</html>` end tags, so that nothing after an early one is lost.

    The parser closes both elements at the end of the document anyway; a template that closes them
    early (before the rest of the story) would otherwise cost every paragraph after it.
    """
    if isinstance(html, bytes):
        return _STRAY_END_TAGS_BYTES.sub(b"", html)
    return _STRAY_END_TAGS.sub("", html)
