"""Person names out of byline strings: "By A and B | Site | Updated: ...", "本报记者 张三 李四".

A byline carries more than names (prefixes, roles, dates, e-mail addresses, the site's name); this
keeps the names and refuses what does not look like one (UI words, organisations, news agencies).
See docs/cleaning.md (Bylines).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Bylines that name no person: CMS defaults and desk names. Compared case-insensitively.
PLACEHOLDER_AUTHORS = frozenset(
    {"admin", "administrator", "editor", "editors", "staff", "staff writer", "webmaster", "author",
     "guest", "user", "root", "newsroom", "news desk", "web desk", "desk", "team", "contributor",
     "unknown", "anonymous", "wordpress", "wpadmin", "site admin", "username", "guest author",
     "staff reporter", "our correspondent", "our reporter", "online desk", "digital desk"}
)
# News agencies: a wire byline names no person (the item records the agency as its original).
AGENCIES = {
    "reuters": "Reuters", "associated press": "Associated Press", "ap": "Associated Press",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "xinhua": "Xinhua",
    "bloomberg": "Bloomberg", "kyodo": "Kyodo", "kyodo news": "Kyodo", "yonhap": "Yonhap",
    "bernama": "Bernama", "dpa": "dpa", "pti": "PTI", "ians": "IANS", "ani": "ANI", "cna": "CNA",
    "antara": "Antara", "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "upi": "UPI",
    "新华社": "新华社", "中新社": "中新社", "中新网": "中新网", "中央社": "中央社",
}
# Words that make a byline an organisation or a page element, not a person (as `fold` writes them).
_NOT_PERSON_WORDS = frozenset(
    "magazine media news newsroom wire wires press agency agencies ediciones editions edition "
    "organization organisation foundation inc ltd llc plc group corp corporation company team desk "
    "daily times post journal network online tv radio staff reporters correspondents editors editorial "
    "board bureau service services channel studio studios publishing publications contributors "
    "submissions project institute university association council ministry department "
    "follow share comments comment subscribe login sign menu home search more read advertisement "
    "sponsored updated published posted print email facebook twitter whatsapp linkedin loading "
    "profile about contact view all articles stories latest "
    # the editorial desk in other languages (a "Redaktion Wirtschaft" byline names no person)
    "redaktion redaction redaccion redazione redactie redakcja "
    # "published"/"updated" in the languages of the European date forms we read (folded: no accents)
    "veroffentlicht aktualisiert publie actualise publicado actualizado pubblicato aggiornato "
    "gepubliceerd bijgewerkt".split()
)
# Role words after a name: the name ends before the first ("Andrea Stone Senior Washington
# Correspondent", "Ben Silverman Games Editor", "Brenda Goodman, MA").
_ROLE_WORDS = frozenset(
    "senior chief deputy associate assistant managing executive contributing political politics business "
    "economics economy markets finance tech technology science health sports sport foreign national "
    "washington london games music film travel food fashion style beauty entertainment features opinion "
    "culture arts books world investigative digital special "
    "correspondent reporter writer editor columnist contributor producer analyst photographer commentator "
    "engineer intern fellow md phd ma mba rn dds msc bsc".split()
)
# A byline word alone that is no name ("By" in its own element, "Curator:").
_NOT_A_NAME_ALONE = frozenset({"by", "par", "por", "von", "door", "di", "and", "with", "curator", "more", "from"})
_ROMAN = frozenset({"II", "III", "IV", "JR", "SR"})
_LOWER_PARTICLES = frozenset(
    "de da di del della der den van von le la du dos das bin binti al el y e ter ten zu".split()
)
# What introduces names in a byline, in the languages of our sources and of common CMS templates.
_PREFIX = re.compile(
    r"^(?:(?:written|posted|words|story|text|reporting|reported|compiled|published)\s+by|by|from|par|por|von|"
    r"door|af|av|di|autor(?:es|a|zy)?|author(?:s)?|text|texto|testo|words)\s*[:：]?\s+",
    re.IGNORECASE,
)
_CN_PREFIX = re.compile(r"^(?:(?:本报|本刊|新华社|中新社|人民网|人民日报)?(?:特约)?(?:记者|通讯员|作者|撰文|文)"
                        r"|文\s*/|作者\s*[:：|｜])\s*[:：/]?\s*")
# Where the names end: a date, a time, "Updated", a credit for something else.
_CUT = re.compile(
    r"\s+(?:(?:on|at|in)\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\s*\b(?:(?:updated|published|posted)(?!\s+by\b)|last\s+(?:updated|modified)|edited\s+by|photo(?:graph)?s?\s+by"
    r"|illustrations?\s+by|additional\s+reporting|with\s+reporting|reviewed\s+by|fact[- ]checked\s+by)\b"
    r"|\s+\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s"
    r"|\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\s+\d{4}[-/.年]\d{1,2}|\s+\d{1,2}:\d{2}"
    r"|\s+(?:hace|il y a)\s+\d|\s+\d+\s+(?:minutes?|hours?|days?)\s+ago",
    re.IGNORECASE,
)
_CONTRIBUTORS = re.compile(r"\bcontributed\b|\bcontributing to this\b", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:[,;|｜/•·]|\s[-–—]\s|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|、|，|；)\s*", re.IGNORECASE)
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[·•][\u4e00-\u9fff]{1,6})?$")
_HAN_SPLIT = re.compile(r"[\s\u3000、，,;；/]+")
_EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+")
_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def fold(text: str) -> str:
    """Lower case without accents or punctuation: "Ediciones El País" -> "ediciones el pais"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def agency(name: str) -> str | None:
    """The agency a byline names ("Reuters", "AFP" ...), or None."""
    return AGENCIES.get(fold(name)) or AGENCIES.get(name.strip())


def _fix_case(name: str) -> str:
    """"GILLIAN MOHNEY" -> "Gillian Mohney" (bylines in capitals); mixed case is kept."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return " ".join(w if w.lower() in _LOWER_PARTICLES else w.capitalize() for w in name.split())
    return name


def _cut_roles(words: list[str]) -> list[str]:
    """The words before the first role word or lower-case trailer ("Stone Senior Correspondent")."""
    for index, word in enumerate(words[1:], start=1):
        if fold(word) in _ROLE_WORDS or word[:1].islower() and word.lower() not in _LOWER_PARTICLES:
            return words[:index]
    return words


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and "." not in word and all(c.isupper() for c in letters) and word not in _ROMAN


def looks_like_name(name: str, *, strict: bool = False) -> bool:
    """A person's name in shape: 1-5 words, capitalised, no digits, no organisation or UI words.

    `strict` (text found by class names alone, or a second name in a byline) asks for two words.
    """
    if _HAN.search(name):
        return bool(_HAN_NAME.match(name)) or (len(name) <= 12 and " " not in name and not strict
                                               and bool(re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff]{2,8}", name)))
    words = name.split()
    if not words or len(words) > 5 or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    if len(words) == 1 and (strict or fold(name) in _NOT_A_NAME_ALONE or fold(name) in _ROLE_WORDS
                            or _is_acronym(name)):
        return False
    if words[0] in ("The", "THE") or any(w.endswith(("'s", "’s")) for w in words):
        return False
    if any(fold(w) in _NOT_PERSON_WORDS for w in words) or fold(name) in PLACEHOLDER_AUTHORS:
        return False
    if len(words) > 1 and any(_is_acronym(w) for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _LOWER_PARTICLES or not w[:1].isalpha() for w in words)


def _name_of(part: str, *, first: bool) -> str | None:
    """The name in one part of a byline; a later part ("..., Staff Writer") must be a full name.

    A news agency is returned under its usual name ("AFP"): `clean_authors` sets it apart."""
    part = _PREFIX.sub("", part.strip(" .:-–—()[]\"'")).strip(" .:-–—()[]\"'")
    if agency(part):
        return agency(part)
    label = re.match(r"^[A-Za-z]+(?: [A-Za-z]+)?\s*[:：]\s*(?=\S)", part)  # "Curator: Phoebe Gavin"
    if label is not None:
        part = part[label.end():]
    words = part.split()
    if not words or not first and fold(words[0]) in _ROLE_WORDS:
        return None
    mixed = not all(_is_acronym(w) or not any(c.isalpha() for c in w) for w in words)
    if mixed:  # "Tom DiChristopher WATCH LIVE": capitals after a mixed-case name are a label
        while len(words) > 1 and _is_acronym(words[-1]):
            words.pop()
    name = _fix_case(" ".join(_cut_roles(words)))
    return name if name and looks_like_name(name, strict=not first) else None


def names_from_byline(text: str, *, strict: bool = False) -> list[str]:
    """The person names in one byline string, in order; [] when it holds none."""
    text = _SPACE.sub(" ", text or "").strip(" -–—:|")
    if _CONTRIBUTORS.search(text):  # "X and Y contributed to this report": not the byline
        return []
    if _HAN.search(text) and not re.search(r"[A-Za-z]{3}", text):
        return _han_names(text)
    text = _EMAIL_OR_URL.sub(" ", text)
    cut = _CUT.search(text)
    if cut is not None:
        text = text[:cut.start()]
    out: list[str] = []
    first_in_capitals = False
    for part in _SPLIT.split(text):
        if out and not first_in_capitals and _in_capitals(part):  # "Jefferson Graham, USA TODAY"
            continue
        name = _name_of(part, first=not out and not strict)
        if name is None and not out and strict:
            name = _name_of(part, first=False)
        if name and name not in out:
            first_in_capitals = first_in_capitals or (not out and _in_capitals(part))
            out.append(name)
    return out


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _han_names(text: str) -> list[str]:
    """ "本报记者 王晓冬 李明" / "作者：张三" / "（记者王晓冬）": Chinese names after a reporter prefix."""
    text = text.strip(" ()（）【】[]")
    text = re.split(r"(?:责任编辑|责编|编辑|来源|摄影|图片|校对)\s*[:：]?", text, maxsplit=1)[0]
    text = _CN_PREFIX.sub("", text.strip())
    out = []
    for part in _HAN_SPLIT.split(text):
        part = _CN_PREFIX.sub("", part).strip(" ()（）:：")
        if part and _HAN_NAME.match(part) and part not in out:
            out.append(part)
    return out


def clean_authors(candidates: Iterable[str], *, site_names: Iterable[str | None] = (),
                  agencies: list[str] | None = None) -> list[str]:
    """Person names from author values, split and de-duplicated; placeholders, URLs and the site's
    own names removed. News agencies are left out too, and appended to `agencies` when given."""
    blocked = {fold(name) for name in site_names if name}
    out: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        for name in names_from_byline(candidate):
            key = fold(name)
            if agency(name):
                if agencies is not None and agency(name) not in agencies and key not in blocked:
                    agencies.append(agency(name) or name)
                continue
            if key in blocked or key in seen or key in PLACEHOLDER_AUTHORS:
                continue
            seen.add(key)
            out.append(name)
    return out
