"""Python equivalents of trafilatura's pruning XPaths, installed in place of its `re:test` ones.

lxml evaluates EXSLT `re:test` by calling back into Python once per attribute tested, so
trafilatura's pruning expressions cost ~10 ms on a page of 1,000 elements; the same tests in a loop
over the candidate elements cost a fraction of that. Each equivalent is read from the text of
trafilatura's own expression (its tags, attributes and literals), and only expressions made of the
few forms below are replaced: anything else, in this or a later trafilatura, keeps its XPath. Tests
compare every replaced expression with its XPath, element for element (docs/performance.md).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property

from lxml import etree

logger = logging.getLogger(__name__)

# A condition of a predicate, as a function of the element and its attribute names in source order.
Test = Callable[[etree._Element, list[str]], bool]
Value = Callable[[etree._Element, list[str]], str]

_LITERAL = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_ATTRS = r"@[\w-]+(?:\|@[\w-]+)*"
_NAME = r"[\w-]+"


def _attribute_value(attrs: str) -> Value:
    """XPath's string value of `@a|@b` as lxml hands it to an extension function or a string
    function: the first of those attributes in source order, "" when the element has none."""
    names = frozenset(part.lstrip("@") for part in attrs.split("|"))
    if len(names) == 1:
        (only,) = names
        return lambda element, _keys: element.get(only) or ""

    def first(element: etree._Element, keys: list[str]) -> str:
        for key in keys:
            if key in names:
                return element.get(key) or ""
        return ""

    return first


def _translate_table(source: str, target: str) -> dict[int, int | None]:
    """XPath translate(): the first occurrence of a character decides; characters without a
    counterpart are deleted."""
    table: dict[int, int | None] = {}
    for index, char in enumerate(source):
        if ord(char) not in table:
            table[ord(char)] = ord(target[index]) if index < len(target) else None
    return table


@dataclass(frozen=True)
class _Condition:
    """One condition; `attributes`: those it reads, empty when it reads the element itself."""

    holds: Test
    attributes: frozenset[str]

    @cached_property
    def when_absent(self) -> bool:
        """Its answer on an element without those attributes (a pattern may match "")."""
        return not self.attributes or self.holds(_BARE, [])


def _condition(text: str, literals: Sequence[str]) -> _Condition | None:
    """One operand of a predicate, its literals as `'#n'` placeholders; None for a form not read."""

    def lit(match: re.Match[str], group: str) -> str:
        return literals[int(match.group(group))]

    def reads(match: re.Match[str]) -> frozenset[str]:
        return frozenset(part.lstrip("@") for part in match.group("a").split("|"))

    if m := re.fullmatch(rf"re:test\((?P<a>{_ATTRS}), '#(?P<p>\d+)'\)", text):
        search, value = re.compile(lit(m, "p")).search, _attribute_value(m.group("a"))
        return _Condition(lambda el, keys: search(value(el, keys)) is not None, reads(m))
    if m := re.fullmatch(rf"contains\((?P<a>{_ATTRS}), '#(?P<s>\d+)'\)", text):
        needle, value = lit(m, "s"), _attribute_value(m.group("a"))
        return _Condition(lambda el, keys: needle in value(el, keys), reads(m))
    if m := re.fullmatch(rf"starts-with\((?P<a>{_ATTRS}), '#(?P<s>\d+)'\)", text):
        prefix, value = lit(m, "s"), _attribute_value(m.group("a"))
        return _Condition(lambda el, keys: value(el, keys).startswith(prefix), reads(m))
    translated = rf"translate\((?P<a>{_ATTRS}), '#(?P<f>\d+)', '#(?P<t>\d+)'\)"
    if m := re.fullmatch(rf"contains\({translated}, '#(?P<s>\d+)'\)", text):
        table = _translate_table(lit(m, "f"), lit(m, "t"))
        needle, value = lit(m, "s"), _attribute_value(m.group("a"))
        return _Condition(lambda el, keys: needle in value(el, keys).translate(table), reads(m))
    if m := re.fullmatch(rf"(?P<a>@{_NAME})\s*=\s*'#(?P<s>\d+)'", text):
        name, expected = m.group("a")[1:], lit(m, "s")
        return _Condition(lambda el, _keys: el.get(name) == expected, reads(m))
    if m := re.fullmatch(rf"(?P<a>@{_NAME})", text):
        name = m.group("a")[1:]
        return _Condition(lambda el, _keys: el.get(name) is not None, reads(m))
    if re.fullmatch(rf"not\(self::{_NAME}(?: or self::{_NAME})*\)", text):
        tags = frozenset(re.findall(rf"self::({_NAME})", text))
        return _Condition(lambda el, _keys: el.tag not in tags, frozenset())
    if m := re.fullmatch(rf"not\(\.//(?P<t>{_NAME})\)", text):
        tag = m.group("t")
        return _Condition(lambda el, _keys: next(el.iterdescendants(tag), None) is None, frozenset())
    return None


def _split_or(text: str) -> list[str]:
    """Top-level ` or ` operands of a predicate (parentheses respected; literals are placeholders)."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and text.startswith(" or ", index):
            parts.append(text[start:index].strip())
            start = index = index + 4
            continue
        index += 1
    parts.append(text[start:].strip())
    return parts


def _predicates(text: str) -> list[str] | None:
    """The bracketed predicates after `.//*`, or None when the expression has another shape."""
    if not text.startswith(".//*["):
        return None
    groups, depth, start = [], 0, 0
    for index, char in enumerate(text[4:], start=4):
        if char == "[":
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                groups.append(text[start:index].strip())
        elif depth == 0 and not char.isspace():
            return None
    return groups if depth == 0 and groups else None


@dataclass(frozen=True)
class PythonPrune:
    """Callable like the `etree.XPath` it replaces: the matching descendants, in document order.

    `holders`: when every match must carry one of a few attributes, an XPath without callbacks
    that finds the elements carrying them (libxml2 finds them faster than Python walks every
    element); read when the expression names no tags, whose elements are walked instead.
    `released`: trafilatura's own expression it stands in for, once installed."""

    path: str
    tags: frozenset[str] | None
    groups: tuple[tuple[_Condition, ...], ...]
    holders: etree.XPath | None
    released: etree.XPath | None = field(default=None, compare=False, repr=False)

    def __call__(self, tree: etree._Element | etree._ElementTree) -> list[etree._Element]:
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        if self.tags:
            candidates = root.iter(*self.tags) if root is not tree else root.iterdescendants(*self.tags)
        elif self.holders is not None:
            candidates = self.holders(tree)
            if candidates and candidates[0] is tree:  # `.//@a/..` holds the context element, `.//*` not
                del candidates[0]
        else:
            candidates = root.iter(etree.Element) if root is not tree else root.iterdescendants(etree.Element)
        return [element for element in candidates if self._matches(element)]

    def _matches(self, element: etree._Element) -> bool:
        keys = element.keys()
        if not keys and self.holders is not None:
            return False
        for group in self.steps:
            for holds, attributes, when_absent in group:
                # a condition on attributes the element lacks has the answer it has on a bare element
                if holds(element, keys) if attributes is None or not attributes.isdisjoint(keys) else when_absent:
                    break
            else:
                return False
        return True

    @cached_property
    def steps(self) -> tuple[tuple[tuple[Test, frozenset[str] | None, bool], ...], ...]:
        """The conditions as plain tuples, read once per element."""
        return tuple(
            tuple((c.holds, c.attributes or None, c.when_absent) for c in group) for group in self.groups
        )


def python_equivalent(path: str) -> PythonPrune | None:
    """The equivalent of one pruning XPath, or None when it uses a form this module does not read."""
    literals: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        literals.append(match.group(1) if match.group(1) is not None else match.group(2))
        return f"'#{len(literals) - 1}'"

    text = " ".join(_LITERAL.sub(placeholder, path).split())
    text = text.replace("( ", "(").replace(" )", ")").replace("[ ", "[").replace(" ]", "]")
    predicates = _predicates(text)
    if predicates is None:
        return None
    tags: frozenset[str] | None = None
    if re.fullmatch(rf"self::{_NAME}(?: or self::{_NAME})*", predicates[0]):
        tags = frozenset(re.findall(rf"self::({_NAME})", predicates[0]))
        predicates = predicates[1:]
    groups: list[list[_Condition]] = []
    try:
        for predicate in predicates:
            conditions = [_condition(operand, literals) for operand in _split_or(predicate)]
            if any(condition is None for condition in conditions):
                return None
            groups.append([condition for condition in conditions if condition is not None])
    except (re.error, IndexError):
        return None
    if not groups:
        return None
    return PythonPrune(path, tags, tuple(tuple(group) for group in groups), _holders(groups))


def _holders(groups: list[list[_Condition]]) -> etree.XPath | None:
    """An XPath for the elements carrying the attributes of a predicate that only reads attributes
    and cannot hold on an element without them; None when there is no such predicate."""
    for group in groups:
        if any(not condition.attributes for condition in group):
            continue
        if any(condition.when_absent for condition in group):
            continue
        names = sorted(set().union(*(condition.attributes for condition in group)))
        return etree.XPath("|".join(f".//@{name}/.." for name in names))
    return None


_BARE = etree.Element("bare")


# trafilatura's pruning lists that run on every page (trafilatura.xpaths).
PRUNE_LISTS = (
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "OVERALL_DISCARD_XPATH",
    "PRECISION_DISCARD_XPATH",
)


def _entries(module: object) -> Iterator[tuple[list[object], str, int, object]]:
    """(list, its name, index, expression) for each expression of trafilatura's pruning lists."""
    for name in PRUNE_LISTS:
        expressions = getattr(module, name, None)
        if isinstance(expressions, list):
            for index, expression in enumerate(expressions):
                yield expressions, name, index, expression


def _xpaths_module(module: object | None) -> object:
    if module is None:
        from trafilatura import xpaths  # noqa: PLC0415 - trafilatura is imported by our caller anyway

        return xpaths
    return module


def install(module: object | None = None) -> list[str]:
    """Replace, in place, each `re:test` expression of trafilatura's pruning lists that has an
    equivalent; returns `LIST[i]` of those replaced. Idempotent; expressions without `re:test` are
    left to libxml2, which evaluates them without calling back into Python."""
    replaced = []
    for expressions, name, index, expression in _entries(_xpaths_module(module)):
        if not isinstance(expression, etree.XPath) or "re:test" not in expression.path:
            continue
        equivalent = python_equivalent(expression.path)
        if equivalent is None:
            logger.debug("trafilatura's %s[%d] keeps its XPath (a form we do not read)", name, index)
            continue
        expressions[index] = replace(equivalent, released=expression)
        replaced.append(f"{name}[{index}]")
    return replaced


@contextmanager
def trafilatura_as_released(module: object | None = None) -> Iterator[None]:
    """Inside the block, trafilatura prunes with its own XPaths again (the equivalents are put
    back after): for a baseline that times trafilatura as released, or to rule the equivalents out."""
    saved: list[tuple[list[object], int, PythonPrune]] = []
    for expressions, _name, index, expression in _entries(_xpaths_module(module)):
        if isinstance(expression, PythonPrune) and expression.released is not None:
            saved.append((expressions, index, expression))
            expressions[index] = expression.released
    try:
        yield
    finally:
        for expressions, index, expression in saved:
            expressions[index] = expression
