"""Date candidates from visible date lines and from article URLs.

Pages print "Published: 11:59am, 11 Jul 2025 | Updated: 2:36pm, 11 Jul 2025",
"发布时间：2025年2月18日 14:30", "2025-02-18 06:40更新", "Publié le 29/10/2012" or "公開日：2019年4月4日";
URLs carry /2025/02/18/, /20250218/ or /2025-02-18/. These functions only find and label the
values (`visible` finds the lines on a page); `publication.resolve_publication_dates` parses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from crawler.dates.model import DateCandidate
from crawler.dates.parse import is_relative, parse_value
from crawler.dates.zones import Reading

# Labels that introduce a date on a line; "updated"-like ones give modified candidates.
_LABEL_RE = re.compile(
    r"(?P<label>(?:first\s+)?published(?:\s+(?:on|at))?|posted(?:\s+(?:on|at))?"
    r"|(?:last\s+)?(?:updated|modified)(?:\s+(?:on|at))?"
    r"|publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?"
    r"|publicado(?:\s+(?:el|em|en))?|actualizado(?:\s+el)?|atualizado(?:\s+em)?|pubblicato(?:\s+il)?"
    r"|aggiornato(?:\s+il)?|gepubliceerd(?:\s+op)?|bijgewerkt(?:\s+op)?"
    r"|发布时间|發佈時間|發布時間|发布日期|發佈日期|發布日期|发表时间|發表時間|发表日期|发布于|發佈於|发布於"
    r"|更新时间|更新時間|更新日期|更新于|更新於|修改时间|修改時間|时间|時間|日期"
    r"|公開日時?|投稿日時?|掲載日時?|配信日時?|更新日時?)"
    r"\s*[:：]?\s*",
    re.I,
)
_MODIFIED_MARKERS = ("updat", "modif", "更新", "修改", "mis à jour", "aktualisiert", "actualiz", "atualiz", "aggiorn",
                     "bijgewerkt")
# Where a date value ends: separators, a following field ("来源：", "Source:", "By ...").
_VALUE_END_RE = re.compile(r"\s*(?:[|｜·•;]|\s{2,}|来源|來源|作者|编辑|編輯|source\s*:|by\s+[A-Z])", re.I)
_MAX_BARE_LINE = 40
_MAX_SLOW_VALUE = 48
"""Longer label values are prose ("in the print edition of ..."): not worth dateparser's time."""
_MAX_TRIM_STEPS = 6

_URL_DATE_RES = (
    re.compile(r"/(?P<raw>(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2}))(?=[/_.-]|$)"),
    re.compile(r"/(?P<raw>(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d))(?=[/_.-]|$)"),
    re.compile(r"/(?P<raw>(?P<y>(?:19|20)\d\d)(?P<m>\d\d)/(?P<d>\d\d))(?=[/_.-]|$)"),  # /202502/18/
    re.compile(r"/(?P<raw>(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)(?P<d>\d\d))(?=[/_.-]|$)"),  # /2025/0218/
    re.compile(r"(?:/t?|_)(?P<raw>(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d))(?=[/_.-]|$)"),  # /20250218/
)
_EARLIEST_URL_YEAR = 1990


def _date_value(segment: str, how: Reading | None = None) -> str | None:
    """The leading part of `segment` that is a date, exactly as written, else None."""
    end = _VALUE_END_RE.search(segment)
    value = (segment[: end.start()] if end else segment).strip(" ,.-–—:")
    if not value or not any(ch.isdigit() for ch in value):
        return None
    if is_relative(value):
        return value
    tokens = value.split(" ")
    for step in range(min(_MAX_TRIM_STEPS, len(tokens))):
        candidate = " ".join(tokens[: len(tokens) - step]).rstrip(" ,")
        if parse_value(candidate, "UTC", fallback=False, how=how) is not None:
            return candidate
    if len(value) > _MAX_SLOW_VALUE:
        return None
    return value if parse_value(value, "UTC", how=how) is not None else None


# A value followed by its label: "2025-02-18 06:40更新", "2019年3月8日 发布".
_TRAILING_LABEL_RE = re.compile(
    r"^(?P<value>.*?\d.*?)\s*(?P<label>更新|修改|发布|發佈|發布|发表|發表|公開|公开|掲載|投稿)(?:日時|时间|時間|日)?$"
)
_PUBLISHED_TRAILING = ("发布", "發佈", "發布", "发表", "發表", "公開", "公开", "掲載", "投稿")


_PARTS_SEPARATOR = re.compile(r"\s*[|｜•·]\s*")
_DATELINE_SEPARATOR = re.compile(r"\s*(?:[|｜丨]|来源\s*[:：]|來源\s*[:：]|Source\s*:)\s*")


def _labelled_candidates(text: str, labels: list[re.Match[str]], how: Reading | None) -> list[DateCandidate]:
    found = []
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = _date_value(text[label.end() : end], how)
        if value is not None:
            name = label["label"].lower()
            kind = "modified" if any(marker in name for marker in _MODIFIED_MARKERS) else "published"
            found.append(DateCandidate("visible", kind, value))
    return found


def visible_date_candidates(
    lines: Iterable[str], how: Reading | None = None, *, leading: bool = False
) -> list[DateCandidate]:
    """Published/modified candidates (source "visible") from short visible date lines.

    A label before ("Published:", "发布时间：") or after ("2025-02-18 06:40更新") the value names
    its kind. A line without a label counts only when the whole short line is a date ("2025-02-18
    14:30"), or, with `leading` (texts of elements whose class says "date"), when one of its parts
    between separators starts with one ("2019.03.08 Back to the list", "By Jane Doe • 12.29.14").
    `how`: how the page's country reads dates.
    """
    found: list[DateCandidate] = []
    for line in lines:
        if not isinstance(line, str):
            continue
        text = " ".join(line.split())
        labels = list(_LABEL_RE.finditer(text))
        trailing = _TRAILING_LABEL_RE.match(text) if not labels else None
        if trailing and len(trailing["value"]) <= _MAX_BARE_LINE:
            value = trailing["value"].strip()
            if parse_value(value, "UTC", fallback=False, how=how) is not None:
                kind = "published" if trailing["label"] in _PUBLISHED_TRAILING else "modified"
                found.append(DateCandidate("visible", kind, value))
            continue
        labelled = _labelled_candidates(text, labels, how)
        if labelled:
            found.extend(c for c in labelled if c not in found)
            continue
        # "2025年02月18日09:30 | 来源：人民网": a bare date-time leading a dateline counts too.
        head = _DATELINE_SEPARATOR.split(text, maxsplit=1)[0].strip()
        if len(head) <= _MAX_BARE_LINE and parse_value(head, "UTC", fallback=False, how=how) is not None:
            found.append(DateCandidate("visible", "published", head))
        elif leading:
            value = next(filter(None, (_date_value(part, how) for part in _PARTS_SEPARATOR.split(text))), None)
            if value is not None and (candidate := DateCandidate("visible", "published", value)) not in found:
                found.append(candidate)
    return found


def url_date_candidate(url: str) -> DateCandidate | None:
    """A published candidate (source "url", day granularity) from the URL path, else None."""
    if not isinstance(url, str):
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    matches = sorted(
        (m for pattern in _URL_DATE_RES for m in pattern.finditer(path)), key=lambda m: m.start()
    )
    for m in matches:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if year < _EARLIEST_URL_YEAR:
            continue
        try:
            date(year, month, day)
        except ValueError:
            continue
        return DateCandidate("url", "published", m["raw"])
    return None
