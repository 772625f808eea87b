"""Every setting has one home: defined in `crawler/settings.py`, read without an inline fallback.

The code is read as an AST: each `<...>settings.get*("NAME", ...)` / `settings["NAME"]` call in
`crawler/`, `pipelines/` and `sample_site/` must name a setting that `crawler/settings.py` (or
Scrapy's own defaults) defines, and must pass no default (neither a second argument, `default=`,
nor `... or CONSTANT`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

import pytest
from scrapy.settings import default_settings

import crawler.settings as project_settings
from tests.support.paths import PROJECT

GETTERS = {"get", "getint", "getfloat", "getbool", "getlist", "getdict", "getdictorlist", "getwithbase",
           "getpriority", "__getitem__"}
SCANNED = ("crawler", "pipelines", "sample_site")


@dataclass(frozen=True)
class Read:
    where: str
    name: str
    fallback: str | None  # the inline default, as source text, if any


def _is_settings(node: ast.expr) -> bool:
    """`settings`, `self.settings`, `crawler.settings`, `self.crawler.settings`, `<x>_settings`."""
    if isinstance(node, ast.Name):
        return node.id == "settings" or node.id.endswith("_settings")
    return isinstance(node, ast.Attribute) and node.attr == "settings"


def _name_of(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def reads_in(source: str, where: str) -> list[Read]:
    tree = ast.parse(source)
    found: list[Read] = []
    or_fallbacks: dict[int, str] = {}
    for node in ast.walk(tree):
        # `settings.get("X") or DEFAULT` / `or "literal"`: an inline fallback in disguise.
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            first, rest = node.values[0], node.values[1:]
            if isinstance(first, ast.Call) and any(
                (isinstance(v, ast.Constant) and v.value is not None) or (isinstance(v, ast.Name) and v.id.isupper())
                for v in rest
            ):
                or_fallbacks[id(first)] = ast.get_source_segment(source, rest[0]) or "?"
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_settings(node.value):
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                found.append(Read(f"{where}:{node.lineno}", key.value, None))
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in GETTERS or not _is_settings(node.func.value):
            continue
        name = _name_of(node)
        if name is None:
            continue
        fallback = None
        if len(node.args) > 1:
            fallback = ast.get_source_segment(source, node.args[1])
        for keyword in node.keywords:
            if keyword.arg == "default":
                fallback = ast.get_source_segment(source, keyword.value)
        if node.func.attr != "getpriority":  # a priority is not a value: `or 0` is no default
            fallback = fallback or or_fallbacks.get(id(node))
        found.append(Read(f"{where}:{node.lineno}", name, fallback))
    return found


def all_reads() -> list[Read]:
    reads: list[Read] = []
    for folder in SCANNED:
        for path in sorted((PROJECT / folder).rglob("*.py")):
            reads.extend(reads_in(path.read_text(encoding="utf-8"), str(path.relative_to(PROJECT))))
    return reads


READS = all_reads()


def defined(name: str) -> bool:
    return hasattr(project_settings, name) or hasattr(default_settings, name)


def test_the_scan_finds_the_reads() -> None:
    names = {r.name for r in READS}
    # A scan that found nothing would pass both tests below for the wrong reason.
    assert {"EXTRACTION_WORKERS", "STATE_STORE_CLASS", "TEMPLATES_COUNTER_CLASS", "RETRY_BACKOFF_BASE"} <= names
    assert len(READS) > 50


def test_no_setting_is_read_with_an_inline_default() -> None:
    with_default = [f"{r.where}: {r.name} read with default {r.fallback}" for r in READS if r.fallback]
    assert with_default == []


def test_every_setting_read_is_defined_once() -> None:
    undefined = sorted({f"{r.where}: {r.name}" for r in READS if not defined(r.name)})
    assert undefined == []


def test_the_scan_sees_a_fallback() -> None:
    source = 'def f(settings):\n    return settings.getint("X", 4), settings.get("Y") or "y", settings["Z"]\n'
    reads = reads_in(source, "probe.py")
    assert sorted((r.name, r.fallback) for r in reads) == [("X", "4"), ("Y", '"y"'), ("Z", None)]


@pytest.mark.parametrize("name", ["STATE_STORE_CLASS", "TEMPLATES_COUNTER_CLASS"])
def test_variants_are_class_path_settings(name: str) -> None:
    from scrapy.utils.misc import load_object

    assert callable(load_object(getattr(project_settings, name)))
