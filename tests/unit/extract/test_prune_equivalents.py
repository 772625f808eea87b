"""Python equivalents of trafilatura's pruning XPaths select exactly what the XPaths select.

Each installed equivalent is compared with a fresh XPath compiled from the same text: on invented
pages with attributes in every order, on the fixture pages before and after trafilatura's tag
conversion, and on random trees built from the tokens its patterns look for.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree
from trafilatura.settings import Extractor
from trafilatura.utils import load_html
from trafilatura.xpaths import REGEXP_NS

import crawler.extract.body  # noqa: F401 - installs the equivalents, as every extraction does
from benchmarks.prune_bench import converted
from crawler.extract.prune_equivalents import PRUNE_LISTS, PythonPrune, install, python_equivalent

FIXTURES = Path(__file__).parents[2] / "fixtures" / "pages"


def installed() -> list[tuple[str, PythonPrune]]:
    from trafilatura import xpaths

    return [
        (f"{name}[{index}]", expression)
        for name in PRUNE_LISTS
        for index, expression in enumerate(getattr(xpaths, name, []))
        if isinstance(expression, PythonPrune)
    ]


INSTALLED = installed()


def original(prune: PythonPrune) -> etree.XPath:
    return etree.XPath(prune.path, namespaces={"re": REGEXP_NS})


def test_trafilatura_regex_pruning_is_replaced() -> None:
    # If this fails after a trafilatura upgrade, its pruning expressions took a form
    # prune_equivalents does not read: they still work (as XPaths), only slower.
    names = [name for name, _ in INSTALLED]
    assert any(name.startswith("OVERALL_DISCARD_XPATH") for name in names), names


ORDERS = load_html(
    "<html><body>"
    '<div id="a1" class="cookie-banner">id first: the id decides re:test(@id|@class)</div>'
    '<div class="cookie-banner" id="a2">class first: the class decides</div>'
    '<div class="reply-box" id="a3">starts-with reads the first too</div>'
    '<div id="reply-a4" class="x">id first, reply-</div>'
    '<div class="x" id="reply-a5">class first, not reply-</div>'
    '<section role="Navigation">translate N to n</section><span role="NAV">no match</span>'
    '<p data-lp-replacement-content="">present, empty</p>'
    '<div data-component="MostPopularStoriesList">most popular</div>'
    '<div style="display: none">hidden</div><div style="color:red;display:none">hidden too</div>'
    '<div id="x-hidden" style="display:block">id first: hidden</div>'
    '<div style="hidden" id="y">style first: hidden</div>'
    '<div aria-hidden="true">aria</div><div aria-hidden="false">not aria</div>'
    '<div class="comments-title">exact</div><div class="comments-title x">contains</div>'
    '<div class="sharebar">^shar</div><div class="x sharebar">not at start</div>'
    '<div class="content ad-slot">(?:^| )ad-</div><div class="bottom">bottom</div>'
    '<div id="x" class="my link here">link token</div><div style="border: 1px">border</div>'
    '<div id="comments"><ol id="comment-list"><li>c</li></ol><ul class="commentary">keep</ul></div>'
    '<div class="infinite-scroll"><h1>kept: holds the h1</h1></div><div class="infinite-scroll">gone</div>'
    '<aside id="mvp-post-add-box"><h1>gone although it holds an h1</h1></aside>'
    '<details class="post-comments">details</details><div>no attributes</div>'
    "<!-- comment --><?pi x?>"
    "</body></html>"
)


def fixture_trees() -> list[etree._Element]:
    trees = [ORDERS]
    for case in sorted(FIXTURES.iterdir()):
        page = case / "page.html"
        if page.exists():
            tree = load_html(page.read_bytes())
            if tree is not None:
                trees.append(tree)
                # after trafilatura's cleaning and conversion: `list`, `item`, `head`...
                options = Extractor(precision=True)
                trees.append(converted(tree, options))
    return trees


TREES = fixture_trees()

TOKENS = [
    "share", "shareBar", "social", "nav", "Nav", "navbar", "menu", "footer", "sidebar", "cookie", "comment",
    "Comments", "commentary", "comol", "disqus_thread", "post-comments", "reply-", "x-reply-y", "hidden",
    "hide-print", "display:none", "display: none", "border", "bottom", "link", "ad-", "-ad-", " ad ", "widget",
    "content", "story", "body", "main", "teaser", "caption", "mvp-post-add-wrap", "infinite-scroll",
    "elementor-share-buttons", "comments-title", "MostPopularStories", "meta", "", "true", "Navigation",
]
ATTRIBUTES = ["id", "class", "style", "role", "aria-hidden", "data-component", "data-lp-replacement-content", "title"]
TAGS = ["div", "section", "aside", "span", "p", "list", "item", "ol", "ul", "details", "h1", "a", "header"]


def random_tree(rng: random.Random) -> etree._Element:
    root = etree.Element("body")
    nodes = [root]
    for _ in range(rng.randint(5, 60)):
        element = etree.SubElement(rng.choice(nodes), rng.choice(TAGS))
        for name in rng.sample(ATTRIBUTES, rng.randint(0, 4)):
            element.set(name, " ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 3))))
        element.text = "text"
        nodes.append(element)
    html = etree.Element("html", {"class": rng.choice(TOKENS)})
    html.append(root)
    return html


@pytest.mark.parametrize(("name", "prune"), INSTALLED, ids=[name for name, _ in INSTALLED])
def test_same_elements_as_the_xpath_on_pages(name: str, prune: PythonPrune) -> None:
    xpath = original(prune)
    found = 0
    for tree in TREES:
        expected = xpath(tree)
        assert prune(tree) == expected, name
        assert prune(etree.ElementTree(tree)) == xpath(etree.ElementTree(tree)), name
        found += len(expected)
    assert found  # the pages exercise every expression


@pytest.mark.parametrize(("name", "prune"), INSTALLED, ids=[name for name, _ in INSTALLED])
def test_same_elements_as_the_xpath_on_random_trees(name: str, prune: PythonPrune) -> None:
    rng = random.Random(name)
    xpath = original(prune)
    matched = 0
    for _ in range(400):
        tree = random_tree(rng)
        expected = xpath(tree)
        assert prune(tree) == expected, etree.tostring(tree)
        inner = tree[0][0] if len(tree[0]) else tree[0]
        assert prune(inner) == xpath(inner), etree.tostring(inner)  # from an inner element: its descendants
        matched += bool(expected)
    assert matched > 20


def test_attribute_order_decides_the_union() -> None:
    prune = python_equivalent(".//*[re:test(@id|@class, 'cookie')]")
    assert prune is not None
    assert [e.get("id") for e in prune(ORDERS)] == ["a2"]


def test_translate_is_xpaths() -> None:
    prune = python_equivalent(".//*[contains(translate(@role, 'NnA', 'x'), 'xavigatio')]")
    assert prune is not None
    tree = load_html('<html><body><div role="Navigation">N to x, n deleted</div><div role="nav">no</div></body></html>')
    assert prune(tree) == original(prune)(tree) != []


def test_a_pattern_that_matches_nothing_still_finds_bare_elements() -> None:
    prune = python_equivalent(".//*[self::div][re:test(@class, '^$')]")
    assert prune is not None
    tree = load_html('<html><body><div>bare</div><div class="x">no</div><div class="">empty</div></body></html>')
    assert [e.text for e in prune(tree)] == ["bare", "empty"] == [e.text for e in original(prune)(tree)]


@pytest.mark.parametrize(
    "path",
    [
        ".//header",
        ".//*[re:match(@id, 'x')]",
        ".//*[self::div][re:test(@id, 'x') and re:test(@class, 'y')]",
        ".//div[re:test(@id, 'x')]",
        ".//*[re:test(@id, 'x', 'i')]",
        ".//*[re:test(@id, '(')]",
        "//*[re:test(@id, 'x')]",
        ".//*[re:test(@id, 'x')]/span",
    ],
)
def test_other_forms_have_no_equivalent(path: str) -> None:
    assert python_equivalent(path) is None


def test_install_replaces_only_regex_expressions_it_reads_and_is_idempotent() -> None:
    ns = {"re": REGEXP_NS}
    regex = etree.XPath(".//*[self::div][re:test(@class, 'share')]", namespaces=ns)
    plain = etree.XPath(".//*[self::div][contains(@class, 'share')]")
    unread = etree.XPath(".//*[re:test(@class, 'share') and @id]", namespaces=ns)
    module = SimpleNamespace(OVERALL_DISCARD_XPATH=[regex, plain, unread], RAW_TREE_PRUNE_XPATH="not a list")
    assert install(module) == ["OVERALL_DISCARD_XPATH[0]"]
    assert isinstance(module.OVERALL_DISCARD_XPATH[0], PythonPrune)
    assert module.OVERALL_DISCARD_XPATH[0].released is regex
    assert module.OVERALL_DISCARD_XPATH[1:] == [plain, unread]
    assert install(module) == []


def test_the_benchmark_script_compares_every_replaced_expression(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks import prune_bench

    (tmp_path / "one.html").write_bytes(etree.tostring(ORDERS))
    monkeypatch.setattr(sys, "argv", ["prune_bench", str(tmp_path), "--pages", "2"])
    monkeypatch.setattr(prune_bench.logging, "disable", lambda level: None)  # the script silences logging
    prune_bench.main()
    rows = [line.split("|") for line in capsys.readouterr().out.splitlines() if line.startswith("| ") and "[" in line]
    assert [row[1].strip() for row in rows] == [name for name, _ in INSTALLED]
    assert all(row[2].strip() == "0" for row in rows)


def test_trafilatura_as_released_puts_its_xpaths_back_for_the_block_only() -> None:
    from trafilatura import xpaths

    from crawler.extract.prune_equivalents import trafilatura_as_released

    before = list(xpaths.OVERALL_DISCARD_XPATH)
    assert any(isinstance(e, PythonPrune) for e in before)
    with trafilatura_as_released():
        inside = list(xpaths.OVERALL_DISCARD_XPATH)
        assert all(isinstance(e, etree.XPath) for e in inside)
        assert [e.path for e in inside] == [e.path for e in before]
        # trafilatura's own objects, not copies
        assert [e for e, b in zip(inside, before, strict=True) if e is not getattr(b, "released", b)] == []
        assert inside[0](ORDERS) == before[0](ORDERS)
    assert xpaths.OVERALL_DISCARD_XPATH == before


def test_the_naive_crawl_baseline_runs_trafilatura_as_released() -> None:
    import subprocess

    code = ("import benchmarks.crawl_baselines; from trafilatura import xpaths; "
            "print(type(xpaths.OVERALL_DISCARD_XPATH[0]).__name__)")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[3], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "XPath"


def test_the_benchmark_script_names_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks import prune_bench

    monkeypatch.setattr(sys, "argv", ["prune_bench", str(tmp_path / "absent")])
    with pytest.raises(SystemExit):
        prune_bench.main()
    assert "PAGES_DIR" in capsys.readouterr().err
