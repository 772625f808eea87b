"""Spider arguments (`-a urls=...`), validated once with clear errors."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from crawler.errors import UsageError

_SCHEMES = ("http", "https", "file")
# Passed by Scrapyd to every spider it runs (the job id): accepted, not used.
PASSED_BY_SCRAPYD = ("_job",)


class ArgumentError(UsageError):
    """A spider argument that cannot be used; the message says which and why."""


def check_names(given: Mapping[str, object] | Iterable[str], accepted: Iterable[str], spider: str) -> None:
    """Raise `ArgumentError` for the first argument name the spider does not take, naming the closest."""
    accepted = tuple(accepted)
    for name in given:
        if name in accepted or name in PASSED_BY_SCRAPYD:
            continue
        close = difflib.get_close_matches(name, accepted, n=1, cutoff=0.6)
        hint = f"did you mean -a {close[0]}=...?" if close else "it takes " + ", ".join(f"-a {a}=..." for a in accepted)
        raise ArgumentError(f"-a {name}: spider {spider!r} has no such argument ({hint})")


def _read_file(path: str, name: str) -> list[str]:
    try:
        lines = Path(path).expanduser().read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ArgumentError(f"-a {name}=@{path}: cannot read the file ({exc.strerror})") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _as_url(value: str, name: str) -> str:
    scheme = urlsplit(value).scheme.lower()
    if scheme in _SCHEMES and (scheme == "file" or urlsplit(value).netloc):
        return value
    if not scheme and Path(value).expanduser().exists():
        return Path(value).expanduser().resolve().as_uri()
    raise ArgumentError(f"-a {name}: {value!r} is not an http(s):// or file:// URL (nor an existing file)")


def url_list(value: str | list[str] | None, name: str) -> list[str]:
    """URLs from a comma-separated string, `@FILE` (one per line), or a list; order kept, no repeats."""
    if value is None or value == "":
        return []
    raw = value if isinstance(value, list) else value.split(",")
    urls: list[str] = []
    for part in raw:
        part = part.strip()
        if not part:
            continue
        for candidate in _read_file(part[1:], name) if part.startswith("@") else [part]:
            url = _as_url(candidate, name)
            if url not in urls:
                urls.append(url)
    return urls
