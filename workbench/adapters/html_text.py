"""A small readability: HTML to plain text blocks, each tagged with its page zone.

Why our own (stdlib ``html.parser``) instead of trafilatura: trafilatura throws
away exactly the text this project studies (donation appeals, comment forms,
"Source link" residue).  We keep *all* visible text, and only label where each
block came from, so page roles can be decided later from text *and* structure.

Zones: ``main`` (the article container), ``appeal`` (donation/newsletter boxes),
``comments`` (comment sections and forms), ``page`` (navigation, header,
footer, sidebars, anything else).  Script, style and similar contents are
dropped; no markup ever reaches the output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset("script style noscript template svg math iframe object canvas head".split())
_BLOCK = frozenset(
    """address article aside blockquote body dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p
    pre section table tbody thead tfoot tr td th ul summary label button option select
    textarea caption legend""".split()
)
_SELF_CLOSING = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
_SELF_CLOSING.update({"tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}})
_HINTS = (
    ("comments", re.compile(r"(?<![a-z])(comment|respond|reply|discussion|disqus)")),
    (
        "appeal",
        re.compile(
            r"(?<![a-z])(donat|support-?us|appeal|newsletter|subscri|paywall|membership"
            r"|fundrais|spende|contribut|paid-?content|promo)"
        ),
    ),
    (
        "page",
        re.compile(
            r"(?<![a-z])(nav|menu|footer|site-header|sidebar|share|sharing|social|related"
            r"|breadcrumb|cookie|widget|banner|masthead|toolbar|skip)"
        ),
    ),
)
_MAIN_HINT = re.compile(
    r"(?<![a-z])(article-?body|articlebody|entry-content|post-content|story-?body|article-content)"
)
_PAGE_TAGS = frozenset({"nav", "aside", "footer"})


#: Elements nested deeper than this are attached flat to the deepest open element
#: (as Chromium does past 512): broken pages with thousands of unclosed ``<span>``
#: or ``<font>`` stay readable, and every walk below is bounded by this depth.
MAX_DEPTH = 512
#: Past this many elements a page is refused (a clear error, not minutes of work).
MAX_NODES = 50_000


_TAG_START = re.compile(r"<[A-Za-z]")


class HtmlBudgetError(ValueError):
    """The page has more elements than ``MAX_NODES`` (callers turn it into an InputError)."""


@dataclass(eq=False)
class Node:
    """A parsed element: tag, attributes, children (nodes or text).

    ``eq=False``: nodes compare by identity.  A field-wise ``__eq__`` recursed
    through whole subtrees, so two similar ``<article>`` teasers crashed with
    ``RecursionError`` and ``list.index`` cost a tree walk per comparison.
    """

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)
    order: int = 0  # document order (preorder number)
    size: int = 0  # visible text length of the subtree, filled by ``_measure``

    def hint(self) -> str:
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower()

    def text_len(self) -> int:
        return self.size


@dataclass(frozen=True)
class Block:
    """One block of visible text with its zone and kind (``h1``, ``p``, ``li``...)."""

    text: str
    zone: str
    kind: str
    #: Share of the block's visible characters inside ``<a>`` links (0..1): a short
    #: block that is mostly link text is navigation or a teaser (page-role evidence).
    link_share: float = 0.0


@dataclass
class Page:
    """What the extractor found: title candidates and the text blocks in order."""

    title: str
    blocks: list[Block]


class _TreeBuilder(HTMLParser):
    """Tolerant tree builder: closes implied tags, drops script/style contents.

    Keeps a count of each open tag so an end tag with no open element is
    skipped in O(1) instead of scanning the whole stack (quadratic on junk).
    """

    def __init__(self, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack: list[Node] = [self.root]
        self.open: dict[str, int] = {}
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.count = 0
        self.max_nodes = max_nodes
        self.max_depth = max_depth

    def _push(self, node: Node) -> None:
        self.stack.append(node)
        self.open[node.tag] = self.open.get(node.tag, 0) + 1

    def _pop_to(self, index: int) -> None:
        for node in self.stack[index:]:
            self.open[node.tag] -= 1
        del self.stack[index:]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        amap = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        if tag == "meta" and amap.get("property", amap.get("name", "")) in ("og:title",):
            self.meta["og:title"] = amap.get("content", "")
        if self.skip_depth or tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        self.count += 1
        if self.count > self.max_nodes:
            raise HtmlBudgetError(f"the page has more than {self.max_nodes:,} HTML elements")
        closes = _SELF_CLOSING.get(tag)
        if closes and self.stack[-1].tag in closes:
            self._pop_to(len(self.stack) - 1)
        node = Node(tag, amap, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag == "input" and amap.get("type", "").lower() in ("submit", "button"):
            node.children.append(amap.get("value", ""))
        if tag not in _VOID and len(self.stack) <= self.max_depth:
            self._push(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        depth = len(self.stack)
        self.handle_starttag(tag, attrs)
        if len(self.stack) > depth and self.stack[-1].tag == tag:
            self._pop_to(len(self.stack) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip_depth:
            if tag in _SKIP or tag not in _VOID:
                self.skip_depth -= 1
            return
        if not self.open.get(tag):
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                return

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if not self.skip_depth:
            self.stack[-1].children.append(data)


def _walk(root: Node) -> list[Node]:
    """Every element in document order, iteratively (depth is no limit)."""
    out: list[Node] = []
    todo = [root]
    while todo:
        node = todo.pop()
        node.order = len(out)
        out.append(node)
        todo.extend(reversed([c for c in node.children if isinstance(c, Node)]))
    return out


def _measure(nodes: list[Node]) -> None:
    """Fill ``size`` bottom-up: children come after parents in preorder."""
    for node in reversed(nodes):
        node.size = sum(len(c) if isinstance(c, str) else c.size for c in node.children)


def _choose_main(root: Node, nodes: list[Node] | None = None) -> Node:
    """The article container: semantic tags first, else the densest paragraph parent."""
    if nodes is None:
        nodes = _walk(root)
        _measure(nodes)
    semantic = [
        n
        for n in nodes
        if n.tag in ("article", "main")
        or n.attrs.get("itemprop") == "articleBody"
        or _MAIN_HINT.search(n.hint())
    ]
    if semantic:
        return max(semantic, key=lambda n: (n.size, -n.order))
    scores: dict[int, float] = {}
    by_id = {id(n): n for n in nodes}
    for n in nodes:
        if n.tag == "p" and n.parent is not None and n.size >= 25:
            scores[id(n.parent)] = scores.get(id(n.parent), 0) + n.size
            if n.parent.parent is not None:
                gp = id(n.parent.parent)
                scores[gp] = scores.get(gp, 0) + n.size / 2
    if not scores:
        return root
    return by_id[max(scores, key=lambda k: scores[k])]


def _own_zone(node: Node) -> str | None:
    hint = node.hint()
    if hint.strip():
        for zone, pattern in _HINTS:
            if pattern.search(hint) and not (zone == "page" and node.tag in ("body", "html")):
                return zone
    if node.tag in _PAGE_TAGS:
        return "page"
    return None


class _Zones:
    """Nearest ancestor with a structural hint decides the zone (memoised: linear)."""

    def __init__(self, main: Node) -> None:
        self.main = main
        self.memo: dict[int, str] = {}

    def __call__(self, node: Node) -> str:
        path: list[Node] = []
        current: Node | None = node
        zone = "page"
        while current is not None:
            known = self.memo.get(id(current))
            if known is not None:
                zone = known
                break
            if current is self.main:
                zone = "main"
                path.append(current)
                break
            own = _own_zone(current)
            path.append(current)
            if own is not None:
                zone = own
                break
            current = current.parent
        for seen in path:
            self.memo[id(seen)] = zone
        return zone


class _Collector:
    """Flattens the tree into blocks, breaking at block-level elements."""

    def __init__(self, main: Node) -> None:
        self.zone = _Zones(main)
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.linked = 0  # non-space characters of the buffer inside links
        self.owner: Node | None = None

    def flush(self) -> None:
        if not self.buffer:  # every block boundary flushes; most have nothing to flush
            return
        lines = [" ".join(line.split()) for line in "".join(self.buffer).split("\n")]
        self.buffer = []
        linked, self.linked = self.linked, 0
        text = "\n".join(line for line in lines if line)
        if text and self.owner is not None:
            visible = sum(1 for ch in text if not ch.isspace())
            share = min(1.0, linked / visible) if visible else 0.0
            self.blocks.append(Block(text, self.zone(self.owner), self.owner.tag, share))

    def visit(self, root: Node) -> None:
        """Depth-first with an explicit stack; text belongs to its nearest block ancestor."""
        # stack items: (node, owner, pre, in_link, leaving); leaving marks a block's exit
        todo: list[tuple[Node | str, Node, bool, bool, bool]] = [(root, root, False, False, False)]
        while todo:
            item, owner, pre, link, leaving = todo.pop()
            if leaving:
                self.flush()
                continue
            if isinstance(item, str):
                self.owner = owner
                self.buffer.append(item if pre else _SPACES.sub(" ", item))
                if link:
                    self.linked += sum(1 for ch in item if not ch.isspace())
                continue
            if item.tag == "br":
                self.buffer.append("\n")
                continue
            pre = pre or item.tag == "pre"
            link = link or item.tag == "a"
            if item.tag in _BLOCK:
                self.flush()
                owner = item
                todo.append((item, owner, pre, link, True))
            todo.extend((child, owner, pre, link, False) for child in reversed(item.children))


_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def _clean_title(raw: str) -> str:
    """Drop a trailing/leading site name from ``<title>`` ("Story | Outlet")."""
    title = " ".join(raw.split())
    parts = [p.strip() for p in re.split(r"\s+[|–—:]{1,2}\s+|\s+-\s+", title) if p.strip()]
    if len(parts) > 1:
        return max(parts, key=len)
    return title


def extract_page(html: str) -> Page:
    """Parse ``html`` and return its title and every visible text block, in order.

    Raises ``HtmlBudgetError`` past ``MAX_NODES`` elements.  Every step is
    iterative and linear in the number of elements (depth bounded by ``MAX_DEPTH``).
    """
    tags = len(_TAG_START.findall(html))
    if tags > 2 * MAX_NODES:  # clearly over budget: refuse before a minute of parsing
        raise HtmlBudgetError(f"the page has {tags:,} HTML tags; the limit is {MAX_NODES:,}")
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    nodes = _walk(builder.root)
    _measure(nodes)
    main = _choose_main(builder.root, nodes)
    collector = _Collector(main)
    collector.visit(builder.root)
    blocks = collector.blocks
    h1 = next((b.text for b in blocks if b.kind == "h1" and b.zone == "main"), "")
    title = h1 or builder.meta.get("og:title", "") or _clean_title("".join(builder.title_parts))
    return Page(title=" ".join(title.split()), blocks=blocks)
