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


@dataclass
class Node:
    """A parsed element: tag, attributes, children (nodes or text)."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def hint(self) -> str:
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower()

    def text_len(self) -> int:
        return sum(len(c) if isinstance(c, str) else c.text_len() for c in self.children)


@dataclass(frozen=True)
class Block:
    """One block of visible text with its zone and kind (``h1``, ``p``, ``li``...)."""

    text: str
    zone: str
    kind: str


@dataclass
class Page:
    """What the extractor found: title candidates and the text blocks in order."""

    title: str
    blocks: list[Block]


class _TreeBuilder(HTMLParser):
    """Tolerant tree builder: closes implied tags, drops script/style contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack: list[Node] = [self.root]
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}

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
        closes = _SELF_CLOSING.get(tag)
        if closes and self.stack[-1].tag in closes:
            self.stack.pop()
        node = Node(tag, amap, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag == "input" and amap.get("type", "").lower() in ("submit", "button"):
            node.children.append(amap.get("value", ""))
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.skip_depth and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip_depth:
            if tag in _SKIP or tag not in _VOID:
                self.skip_depth -= 1
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if not self.skip_depth:
            self.stack[-1].children.append(data)


def _walk(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        if isinstance(child, Node):
            out.extend(_walk(child))
    return out


def _choose_main(root: Node) -> Node:
    """The article container: semantic tags first, else the densest paragraph parent."""
    nodes = _walk(root)
    semantic = [
        n
        for n in nodes
        if n.tag in ("article", "main")
        or n.attrs.get("itemprop") == "articleBody"
        or _MAIN_HINT.search(n.hint())
    ]
    if semantic:
        return max(semantic, key=lambda n: (n.text_len(), -nodes.index(n)))
    scores: dict[int, float] = {}
    by_id = {id(n): n for n in nodes}
    for n in nodes:
        if n.tag == "p" and n.parent is not None and n.text_len() >= 25:
            scores[id(n.parent)] = scores.get(id(n.parent), 0) + n.text_len()
            if n.parent.parent is not None:
                gp = id(n.parent.parent)
                scores[gp] = scores.get(gp, 0) + n.text_len() / 2
    if not scores:
        return root
    return by_id[max(scores, key=lambda k: scores[k])]


def _zone(node: Node, main: Node) -> str:
    """Nearest ancestor with a structural hint decides the zone."""
    current: Node | None = node
    while current is not None:
        if current is main:
            return "main"
        hint = current.hint()
        for zone, pattern in _HINTS:
            if pattern.search(hint) and not (zone == "page" and current.tag in ("body", "html")):
                return zone
        if current.tag in _PAGE_TAGS:
            return "page"
        current = current.parent
    return "page"


class _Collector:
    """Flattens the tree into blocks, breaking at block-level elements."""

    def __init__(self, main: Node) -> None:
        self.main = main
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.owner: Node | None = None

    def flush(self) -> None:
        lines = [" ".join(line.split()) for line in "".join(self.buffer).split("\n")]
        self.buffer = []
        text = "\n".join(line for line in lines if line)
        if text and self.owner is not None:
            self.blocks.append(Block(text, _zone(self.owner, self.main), self.owner.tag))

    def visit(self, node: Node, owner: Node, pre: bool = False) -> None:
        """Depth-first; text belongs to its nearest block-level ancestor."""
        block = node.tag in _BLOCK
        if block:
            self.flush()
            owner = node
        for child in node.children:
            if isinstance(child, str):
                self.owner = owner
                self.buffer.append(child if pre else re.sub(r"[ \t\r\n\f\v]+", " ", child))
            elif child.tag == "br":
                self.buffer.append("\n")
            else:
                self.visit(child, owner, pre or child.tag == "pre")
        if block:
            self.flush()


def _clean_title(raw: str) -> str:
    """Drop a trailing/leading site name from ``<title>`` ("Story | Outlet")."""
    title = " ".join(raw.split())
    parts = [p.strip() for p in re.split(r"\s+[|–—:]{1,2}\s+|\s+-\s+", title) if p.strip()]
    if len(parts) > 1:
        return max(parts, key=len)
    return title


def extract_page(html: str) -> Page:
    """Parse ``html`` and return its title and every visible text block, in order."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    main = _choose_main(builder.root)
    collector = _Collector(main)
    collector.visit(builder.root, builder.root)
    blocks = collector.blocks
    h1 = next((b.text for b in blocks if b.kind == "h1" and b.zone == "main"), "")
    title = h1 or builder.meta.get("og:title", "") or _clean_title("".join(builder.title_parts))
    return Page(title=" ".join(title.split()), blocks=blocks)
