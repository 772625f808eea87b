"""Content fingerprints are stored: the fast path for ASCII text must give the regular expression's words."""

from __future__ import annotations

import hashlib
import random
import re

from crawler.state.fingerprint import content_fingerprint
from tests.support.paths import FIXTURES


def _by_definition(title: str | None, text: str | None) -> str:
    words = re.findall(r"[^\W_]+", f"{title or ''}\n{text or ''}".casefold())
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest()


# ASCII of every class, the punctuation replaced on the fast path, letters and digits outside ASCII
# (some fold to ASCII: long s, Kelvin sign; some to two letters: sharp s, dotted capital I), marks.
_ALPHABET = ("aZ09_ \t\n.,;:'\"-()$%&/\\" "\u201c\u201d\u2018\u2019\u2013\u2014\xa0\u2026\u00a3\u20ac\u00a5\u2022"
             "\u00b7\u00ab\u00bb" "\u00e9\u00df\u0130\u017f\u212a\u00b2\u0663\u4e2d\u0301\u3000")


def test_random_text_has_the_fingerprint_of_its_definition() -> None:
    rnd = random.Random(17)
    regex_path = 0
    for _ in range(6000):
        # ASCII only, ASCII and the replaced punctuation (the fast path), or anything (either path)
        alphabet = _ALPHABET[: rnd.choice((22, 37, len(_ALPHABET)))]
        title = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 80)))
        assert content_fingerprint(title, text) == _by_definition(title, text), (title, text)
        regex_path += not re.sub("[\u201c\u201d\u2018\u2019\u2013\u2014\xa0\u2026\u00a3\u20ac\u00a5\u2022\u00b7\u00ab\u00bb]",
                                "", f"{title}\n{text}".casefold()).isascii()
    assert 1000 < regex_path < 5000  # both paths are exercised


def test_fixture_pages_text_and_none_have_the_fingerprint_of_their_definition() -> None:
    texts = [page.read_text(encoding="utf-8", errors="replace") for page in sorted(FIXTURES.glob("pages/*/page.html"))]
    assert len(texts) > 20
    for text in texts:
        assert content_fingerprint(text[:80], text) == _by_definition(text[:80], text)
    assert content_fingerprint(None, None) == _by_definition(None, None)
    assert content_fingerprint("Rates \u201crise\u201d", "HK$5\u00a0bn \u2013 now") == content_fingerprint("rates rise", "hk 5 bn now")
