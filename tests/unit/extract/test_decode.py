"""`decode_html` on bytes: charsets declared only in the page, declared wrongly in the header, or not
at all, decode right; honest pages are left exactly as Scrapy decodes them.
"""

from __future__ import annotations

import codecs

import pytest

from crawler.extract.decode import decode_html
from tests.support import fault_pages as fs

BASE = "http://127.0.0.1:8000"
BIG5_ARTICLE = fs.CHINESE_ARTICLES[fs.BIG5_WRONG_HEADER_PATH]
GBK_ARTICLE = fs.CHINESE_ARTICLES[fs.GBK_LATIN1_HEADER_PATH]

FRENCH = ("<html><head><title>Économie</title></head><body>" + "<p>Le marché a été agité cette année : les "
          "investisseurs, préoccupés par la hausse des taux d'intérêt, ont réduit leurs positions.</p>" * 4
          + "</body></html>")
PORTUGUESE = ("<html><body>" + "<p>As informações sobre a situação económica e as exportações mostram uma "
              "evolução positiva nas regiões. Não há razões para preocupação, disse o ministro.</p>" * 4
              + "</body></html>")
CHINESE_UTF8 = fs.article_html(GBK_ARTICLE, BASE, meta_charset=None)


def page(path: str, *, meta: str | None = "keep", encoding: str | None = None) -> bytes:
    """A fault-server Chinese page, optionally with another meta charset (None: no meta) or encoding."""
    default_encoding, _, default_meta = fs.CHINESE_ENCODINGS[path]
    meta_charset = default_meta if meta == "keep" else meta
    return fs.article_html(fs.CHINESE_ARTICLES[path], BASE, meta_charset=meta_charset).encode(
        encoding or default_encoding)


# Known limitation: GBK bytes read as Big5 (or the reverse) are valid, wrong characters, no U+FFFD.
CJK_FOR_CJK = pytest.mark.xfail(strict=True, reason="a CJK page labelled with another CJK charset decodes without "
                                "U+FFFD; catching it needs a character-frequency check (not done)")

GBK_META = fs.chinese_page_bytes(fs.GBK_META_ONLY_PATH, BASE)            # meta gb2312, GBK-only 镕
GBK_NO_META = fs.chinese_page_bytes(fs.GBK_LATIN1_HEADER_PATH, BASE)      # GBK, no meta
BIG5_META = fs.chinese_page_bytes(fs.BIG5_WRONG_HEADER_PATH, BASE)        # meta big5, HKSCS-only 嘅
BIG5_NO_META = page(fs.BIG5_WRONG_HEADER_PATH, meta=None)
UTF8 = CHINESE_UTF8.encode("utf-8")


def case(name: str, body: bytes, header: str | None, encoding: str, overridden: bool, expected: str,
         marks: pytest.MarkDecorator | tuple[()] = ()) -> object:
    """One row: page bytes, header charset, expected codec, overridden?, text that must appear."""
    return pytest.param(body, header, encoding, overridden, expected, id=name, marks=marks)


CASES = [
    case("gbk-meta-only", GBK_META, None, "gb18030", False, fs.GBK_TITLE),
    case("gbk-meta-gb2312-header-gb2312", GBK_META, "gb2312", "gb18030", False, fs.GBK_TITLE),
    case("big5-header-utf8-meta-big5", BIG5_META, "utf-8", "big5hkscs", True, fs.BIG5_TITLE),
    case("big5-header-utf8-no-meta", BIG5_NO_META, "utf-8", "big5hkscs", True, fs.BIG5_TITLE),
    case("big5-header-latin1-meta-big5", BIG5_META, "iso-8859-1", "big5hkscs", True, fs.BIG5_TITLE),
    case("big5-undeclared", BIG5_NO_META, None, "big5hkscs", False, fs.BIG5_TITLE),
    case("gbk-header-latin1-no-meta", GBK_NO_META, "iso-8859-1", "gb18030", True, fs.GBK_LATIN1_TITLE),
    case("gbk-header-cp1252-no-meta", GBK_NO_META, "cp1252", "gb18030", True, fs.GBK_LATIN1_TITLE),
    case("gbk-header-utf8-no-meta", GBK_NO_META, "utf-8", "gb18030", True, fs.GBK_LATIN1_TITLE),
    case("gbk-header-big5", GBK_NO_META, "big5", "gb18030", True, fs.GBK_LATIN1_TITLE, marks=CJK_FOR_CJK),
    case("big5-header-gbk", BIG5_NO_META, "gbk", "big5hkscs", True, fs.BIG5_TITLE, marks=CJK_FOR_CJK),
    case("utf8-header-latin1", UTF8, "iso-8859-1", "utf-8", True, fs.GBK_LATIN1_TITLE),
    case("utf8-header-utf8", UTF8, "utf-8", "utf-8", False, fs.GBK_LATIN1_TITLE),
    case("utf8-stale-meta-gb2312", UTF8.replace(b"<head>", b'<head><meta charset="gb2312">'), "utf-8", "utf-8",
         False, fs.GBK_LATIN1_TITLE),
    # A page saved as UTF-8 that kept its old declaration (no header: a file on disk).
    case("utf8-saved-meta-gb2312-no-header", UTF8.replace(b"<head>", b'<head><meta charset="gb2312">'), None,
         "utf-8", True, fs.GBK_LATIN1_TITLE),
    case("utf8-saved-meta-shift-jis-no-header", UTF8.replace(b"<head>", b'<head><meta charset="shift_jis">'), None,
         "utf-8", True, fs.GBK_LATIN1_TITLE),
    case("utf8-bom-header-gbk", codecs.BOM_UTF8 + UTF8, "gbk", "utf-8", False, fs.GBK_LATIN1_TITLE),
    case("french-latin1-honest", FRENCH.encode("latin-1"), "iso-8859-1", "cp1252", False, "marché a été agité"),
    case("portuguese-latin1-honest", PORTUGUESE.encode("latin-1"), "iso-8859-1", "cp1252", False,
         "situação económica"),
    case("french-cp1252-header-utf8", FRENCH.encode("cp1252"), "utf-8", "cp1252", True, "marché a été agité"),
    case("utf8-one-stray-byte", UTF8.replace(b"</title>", b"\xff</title>"), "utf-8", "utf-8", False,
         fs.GBK_LATIN1_PARAGRAPHS[0]),
    case("ascii-only", b"<html><body><p>Plain text.</p></body></html>", None, "cp1252", False, "Plain text."),
]


@pytest.mark.parametrize(("body", "header", "encoding", "overridden", "expected"), CASES)
def test_decode_html(body: bytes, header: str | None, encoding: str, overridden: bool, expected: str) -> None:
    text, used, was_overridden = decode_html(body, header)
    assert expected in text
    assert (used, was_overridden) == (encoding, overridden)
    assert text.count("\ufffd") <= 1


def test_hkscs_character_survives() -> None:
    # 嘅 is in Big5-HKSCS only: plain big5 would lose it; w3lib maps the big5 label to big5hkscs.
    text, _, _ = decode_html(fs.chinese_page_bytes(fs.BIG5_WRONG_HEADER_PATH, BASE), "utf-8")
    assert "港商嘅出口訂單" in text


def test_gbk_only_character_survives_a_gb2312_label() -> None:
    text, _, _ = decode_html(fs.chinese_page_bytes(fs.GBK_META_ONLY_PATH, BASE), None)
    assert "镕达科技" in text


def test_empty_body() -> None:
    assert decode_html(b"", "utf-8") == ("", "utf-8", False)
