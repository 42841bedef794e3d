"""Hostile and merely odd inputs, shared by the reliability tests and the benchmark.

Why generators instead of files: the shapes that hurt (deep nesting, a million
tiny elements, one endless sentence) are tiny to describe and huge to store, and
the benchmark needs each at several sizes.  ``normal_page`` is the baseline: an
ordinary article padded to the same byte size.
"""

from __future__ import annotations

import random

from workbench.testing.corpus import EN_DE_WORDS

_WORDS = [w for w in EN_DE_WORDS if w.islower()] or ["word"]


def _sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."


def normal_page(size: int, seed: int = 1) -> bytes:
    """An ordinary news page (header, nav, article paragraphs, footer) of about ``size`` bytes."""
    rng = random.Random(seed)
    head = (
        "<!doctype html><html><head><title>Story | Outlet</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        "<main><article><h1>The council approved the budget</h1>"
    )
    tail = "</article></main><footer><p>Copyright Outlet</p></footer></body></html>"
    parts = [head]
    total = len(head) + len(tail)
    while total < size:
        para = "<p>" + " ".join(_sentence(rng) for _ in range(4)) + "</p>\n"
        parts.append(para)
        total += len(para)
    parts.append(tail)
    return "".join(parts).encode()


def one_paragraph(sentences: int, seed: int = 1) -> bytes:
    """An article whose story is one ``<p>``: one printed line of ``sentences`` sentences."""
    rng = random.Random(seed)
    body = " ".join(_sentence(rng) for _ in range(sentences))
    return _page(f"<article><h1>Big page</h1><p>{body}</p></article>")


def _page(body: str) -> bytes:
    return f"<!doctype html><html><body>{body}</body></html>".encode()


def related_articles(count: int = 2) -> bytes:
    """A story plus a "related stories" list of ``<li><article>`` teasers (the blocker)."""
    teasers = "".join(
        f"<li><article><h3>Teaser {i % 2}</h3><p>Short teaser text.</p></article></li>"
        for i in range(count)
    )
    story = "<article><h1>Main story</h1><p>" + "The council met today. " * 20 + "</p></article>"
    return _page(story + f"<ul class='related'>{teasers}</ul>")


def twin_teasers() -> bytes:
    """Two identical ``<div class="teaser"><article>`` boxes (equal dataclasses recursed)."""
    box = "<div class='teaser'><article><p>Same teaser text here.</p></article></div>"
    return _page(box + box + "<p>" + "The mayor spoke at length about the river. " * 5 + "</p>")


def deep_nesting(depth: int, tag: str = "div", closed: bool = True) -> bytes:
    """``depth`` nested elements around one sentence; ``closed=False`` never closes them."""
    inner = "The bridge was opened by the mayor."
    close = f"</{tag}>" * depth if closed else ""
    return _page(f"<{tag}>" * depth + inner + close)


def many_inline(count: int) -> bytes:
    """``count`` tiny inline elements in one paragraph: ``<i>a</i>`` repeated."""
    return _page("<p>" + "<i>a</i>" * count + "</p>")


def many_articles(count: int) -> bytes:
    """``count`` sibling ``<article>`` elements, each with one word."""
    return _page("<article>a</article>" * count)


def unclosed_paragraphs(count: int) -> bytes:
    """``count`` unclosed ``<p>a`` (each closes the previous, per HTML rules)."""
    return _page("<p>a" * count)


def nested_json(depth: int) -> bytes:
    """A JSON article whose extra field nests ``depth`` arrays."""
    return b'{"text": "The mayor spoke.", "x": ' + b"[" * depth + b"]" * depth + b"}"


def long_sentence(chars: int, seed: int = 3) -> str:
    """One sentence of about ``chars`` characters (no full stop until the end)."""
    rng = random.Random(seed)
    words: list[str] = []
    total = 0
    while total < chars:
        word = rng.choice(_WORDS)
        words.append(word)
        total += len(word) + 1
    return " ".join(words).capitalize() + ".\n"
