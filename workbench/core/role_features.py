"""The features the learned role correction reads (``core.role_model``).

Why a module of their own: the features are the evidence the rules already
compute, read segment by segment from the whole page (its shape, where it sits
relative to the story block, repetition, cohesion, language change, the labels of the
neighbours one and two segments away, HTML link density, the site's own voice and name,
whether a box the rules found reads as the story it interrupts);
the model, its weights file and where it may overrule a rule are ``core.role_model``.
Both ``core.roles`` (through the model) and the training benchmark
(``benchmarks/role_train.py``) call ``page_features``, so a change here changes the
model's input everywhere at once.

Pure: functions on segments and lists, linear in the page.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.core.page_named import mentions_site, names_site, site_name
from workbench.core.page_shapes import (
    _ADDRESS,
    _BYLINE,
    _CAPTION_END,
    DEFAULT_PARAMS,
    _norm,
    chrome_shape,
    is_metadata,
    is_title_like,
    shapes,
)
from workbench.core.page_tail import addresses_reader, site_voice
from workbench.core.segment import Seg

_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_COUNT = re.compile(r"\d(?:[.,]\d+)?\s?[KMkм]\b")
_LABEL = re.compile(r"^[^\s:]{1,20}(?:\s[^\s:]{1,20})?\s?:\s")
ROLES = ("headline", "body", "appeal", "link_residue", "comment_form", "other")

_OWN = [
    "log_chars", "log_words", "terminal", "caps", "lower", "starts_line", "ends_line",
    "title_like", "chrome", "metadata", "reader", "digits", "address", "colon_end", "pipe",
    "quote", "upper_only", "emoji", "clock", "count_k", "label_prefix", "paren_end", "word_len",
]  # fmt: skip
_CONTEXT = [
    "fixed", "rel_pos", "above_story", "below_story", "gap_story", "para_story", "para_size",
    "cohesion", "no_cohesion", "repeated", "lang_change", "no_lang", "link_share", "html",
    "after_headline", "first_seg", "last_seg", "prev_terminal", "next_terminal", "prev_words",
    "next_words", "body_run", "head_cohesion", "site_voice", "opens_site", "names_site",
]  # fmt: skip
#: Inside a box the rules found (round 20): a story the rules' box ran over (``_box_story``).
_BOX = ["box_cohesion", "box_sentence", "box_follow"]
_BOXES = ("appeal", "comment_form")
FEATURES: tuple[str, ...] = (
    *_OWN,
    *_CONTEXT,
    *(f"rule_{r}" for r in ROLES),
    *(f"prev_{r}" for r in ROLES),
    *(f"next_{r}" for r in ROLES),
    *(f"prev2_{r}" for r in ROLES),
    *(f"next2_{r}" for r in ROLES),
    *_BOX,
)


#: Columns a study may add after ``FEATURES`` (``page_features(optional=...)``); none ships,
#: so the shipped weights file and ``FEATURES`` keep their columns (rounds 35 and 36:
#: ``benchmarks/role_caption_cv.py --columns``).
OPTIONAL = ("under_byline", "above_credit")


def under_byline(segs: Sequence[Seg], roles: Sequence[str]) -> np.ndarray:
    """1 for a line right under a byline or date line, below a headline the rules found and
    above the rules' story: where a photo's caption sits ("By Tom Harrington  Sunday, 29
    November 2026" / "Yuliia Derevianko shot clean to win in Kontiolahti IBU").

    Why (round 35): a heavier headline class lifted that caption into ``headline``; on the
    dev sets' today's labels such lines are gold ``other`` 334 times in 64 sets and
    ``headline`` 5 times (a title under a date line has no headline above it).  The line
    above's shape, the rules' headline above and the story below are each readable, their
    conjunction is not, for a linear model.
    """
    n = len(segs)
    out = np.zeros(n)
    body = [i for i, r in enumerate(roles) if r == "body"]
    first_body = body[0] if body else n
    seen_head = False
    for i in range(1, min(n, first_body)):
        seen_head = seen_head or roles[i - 1] == "headline"
        above = segs[i - 1].text.strip()
        if seen_head and (is_metadata(above) or _BYLINE.match(above)):
            out[i] = 1.0
    return out


#: A photo credit closing its line: "© Emrah Gurel/AP/dpa", "(Jean-Philippe
#: Thériault/Radio-Canada)", "Foto: dpa", "(Archivbild) Bild: dpa", "(Photo: Reuters)".
CREDIT_END = re.compile(
    r"©|\([^()]{2,60}/[^()]{1,40}\)\.?$"
    r"|\b(?:photo|foto|фото|bild|credit|image|picture)s?\s?:\s?[^.!?:]{2,60}$",
    re.I,
)


def is_credit(text: str) -> bool:
    """A line that is, or closes with, a photo credit (``CREDIT_END`` or ``_CAPTION_END``)."""
    return bool(CREDIT_END.search(text)) or bool(_CAPTION_END.search(text))


def above_credit(segs: Sequence[Seg], roles: Sequence[str]) -> np.ndarray:
    """1 for a line right above a photo credit, below a headline the rules found and above
    the rules' story: a photo's caption ("Schlepper versuchen, … freizuschleppen." /
    "© Emrah Gurel/AP/dpa").

    Why (round 36): round 35's ×2 headline weight with ``under_byline`` lifted two captions
    that sit under a gallery counter or a long "Posted: … | Last Updated: …" line, not under
    a byline (batch 11's merkur_dpa_de, batch 13's cbc_en); both carry a credit on the next
    line.  On the dev sets' today's labels such lines are gold ``other`` 173 times in 58 sets,
    ``headline`` 3 times in 3, ``body`` never (``benchmarks/role_caption_marks.py``); the
    credit lines themselves are gold ``other`` 584 times and nothing else.
    """
    n = len(segs)
    out = np.zeros(n)
    body = [i for i, r in enumerate(roles) if r == "body"]
    first_body = body[0] if body else n
    seen_head = False
    for i in range(1, min(n - 1, first_body)):
        seen_head = seen_head or roles[i - 1] == "headline"
        if seen_head and is_credit(segs[i + 1].text.strip()):
            out[i] = 1.0
    return out


_OPTIONAL_COLUMNS = {"under_byline": under_byline, "above_credit": above_credit}


def _own_features(text: str, shape, p=DEFAULT_PARAMS) -> list[float]:
    """What the segment looks like on its own."""
    chars = max(1, len(text))
    letters = [ch for ch in text if ch.isalpha()]
    return [
        math.log1p(len(text)),
        math.log1p(shape.words),
        float(shape.terminal),
        shape.caps,
        shape.lower,
        float(shape.starts_line),
        float(shape.ends_line),
        float(is_title_like(shape, p)),
        float(chrome_shape(text, shape, p)),
        float(is_metadata(text)),
        float(addresses_reader(text)),
        sum(ch.isdigit() for ch in text) / chars,
        float(bool(_ADDRESS.search(text))),
        float(text.rstrip().endswith(":")),
        float("|" in text),
        float(bool(re.search(r"[\"“”«»„]", text))),
        float(bool(letters) and all(not ch.islower() for ch in letters)),
        float(any(ord(ch) >= 0x2600 and not ch.isalpha() for ch in text)),
        float(bool(_CLOCK.search(text))),
        float(bool(_COUNT.search(text))),
        float(bool(_LABEL.match(text))),
        float(bool(re.search(r"\(\s*\d[^()]*\)\W*$", text))),
        min(len(letters) / max(1, shape.words), 12.0) / 12.0,
    ]


def _one_hot(role: str | None) -> list[float]:
    return [float(role == r) for r in ROLES]


@dataclass
class _Page:
    """What every segment's features read from the whole page (computed once: linear)."""

    sh: list
    roles: Sequence[str]
    body: list[int]
    story: Counter  # stem -> body segments using it
    head: Counter  # stem -> headline segments using it
    texts: Counter  # normalised text -> segments with it
    para_size: Counter
    para_body: Counter
    runs: list[int]
    main: str | None
    heads_end: int  # the last headline segment (-2: none)
    site: str | None  # the masthead's name (``page_named.site_name``)


def _read_page(segs: Sequence[Seg], roles: Sequence[str], langs) -> _Page:
    sh = shapes(segs)
    body = [i for i, r in enumerate(roles) if r == "body"]
    heads = [i for i, r in enumerate(roles) if r == "headline"]
    return _Page(
        sh=sh,
        roles=roles,
        body=body,
        story=Counter(stem for i in body for stem in sh[i].stems),
        head=Counter(stem for i in heads for stem in sh[i].stems),
        texts=Counter(_norm(seg.text) for seg in segs),
        para_size=Counter(seg.paragraph for seg in segs),
        para_body=Counter(seg.paragraph for seg, r in zip(segs, roles, strict=True) if r == "body"),
        runs=_runs(roles),
        main=_main_lang(langs, body),
        heads_end=heads[-1] if heads else -2,
        site=site_name(segs),
    )


def _shared(own: frozenset[str], pool: Counter, mine: bool) -> float | None:
    """Share of the segment's stems used by *other* segments of ``pool`` (None: too few)."""
    if len(own) < 2:
        return None
    return sum(1 for stem in own if pool[stem] - mine > 0) / len(own)


def _context(i: int, segs: Sequence[Seg], pg: _Page, fixed, langs, link_share) -> list[float]:
    """Where the segment sits: the story block, its paragraph, its neighbours, the page."""
    n, sh, roles = len(segs), pg.sh, pg.roles
    first, last = (pg.body[0], pg.body[-1]) if pg.body else (n, -1)
    c = _shared(sh[i].stems, pg.story, roles[i] == "body")
    hc = _shared(sh[i].stems, pg.head, roles[i] == "headline")
    para = segs[i].paragraph
    mates = pg.para_size[para] - 1
    lang = langs[i] if langs is not None else None
    return [
        float(fixed[i] is not None),
        i / max(1, n - 1),
        float(i < first),
        float(i > last),
        _gap(i, pg.body) / 6,
        (pg.para_body[para] - (roles[i] == "body")) / mates if mates else 0.0,
        math.log1p(mates),
        c if c is not None else 0.0,
        float(c is None),
        float(pg.texts[_norm(segs[i].text)] > 1),
        float(bool(pg.main and lang and lang != pg.main)),
        float(lang is None),
        link_share[i] if link_share is not None else 0.0,
        float(link_share is not None),
        float(i == pg.heads_end + 1),
        float(i == 0),
        float(i == n - 1),
        float(i > 0 and sh[i - 1].terminal),
        float(i + 1 < n and sh[i + 1].terminal),
        math.log1p(sh[i - 1].words) if i else 0.0,
        math.log1p(sh[i + 1].words) if i + 1 < n else 0.0,
        math.log1p(pg.runs[i]),
        hc if hc is not None else 0.0,
        *_voice(segs[i].text, pg.site),
    ]


def _voice(text: str, site: str | None) -> list[float]:
    """The site speaking (round 18): its "we" / "you" / cookies outside quotations, a line
    opening with the masthead's name, a line printing it anywhere.  Site text read as story
    (other -> body, the layer's largest confusion on unseen pages) is bios, self-descriptions
    and promotions, which speak as the site or name it; a story speaks of the world."""
    return [
        float(site_voice(text)),
        float(site is not None and names_site(text, site)),
        float(site is not None and mentions_site(text, site)),
    ]


def page_features(
    segs: Sequence[Seg],
    roles: Sequence[str],
    fixed: Sequence[str | None],
    *,
    langs: Sequence[str | None] | None = None,
    link_share: Sequence[float] | None = None,
    optional: Sequence[str] = (),
) -> np.ndarray:
    """One row of ``FEATURES`` per segment, from the rules' labels and the page's shapes;
    then the ``optional`` columns (names from ``OPTIONAL``) a study asks for."""
    n = len(segs)
    pg = _read_page(segs, roles, langs)
    rows = []
    for i, seg in enumerate(segs):
        rows.append([
            *_own_features(seg.text, pg.sh[i]), *_context(i, segs, pg, fixed, langs, link_share),
            *_one_hot(roles[i]), *_one_hot(roles[i - 1] if i else None),
            *_one_hot(roles[i + 1] if i + 1 < n else None),
            *_one_hot(roles[i - 2] if i >= 2 else None),
            *_one_hot(roles[i + 2] if i + 2 < n else None),
        ])  # fmt: skip
    x = np.asarray(rows, dtype=float).reshape(n, len(FEATURES) - len(_BOX))
    extra = [_OPTIONAL_COLUMNS[name](segs, roles).reshape(n, 1) for name in optional]
    return np.hstack([x, _box_story(segs, pg), *extra])


def _story_like(seg: Seg, sh) -> bool:
    """A line shaped like a story sentence: closed, 8+ words, not the site or the reader."""
    return bool(sh.terminal and sh.words >= 8 and not addresses_reader(seg.text)
                and not site_voice(seg.text))  # fmt: skip


def _box_story(segs: Sequence[Seg], pg: _Page) -> np.ndarray:
    """Inside a box the rules found (appeal, comment form): the line's stems shared with the
    rules' story, whether it is shaped like a story sentence, and the share of story-shaped
    lines in the rest of the box's run.  Why: an appeal set inside the story, after which the
    story resumes, was run by the rules over the resumed story (round 19's largest unseen
    confusion, body -> appeal); the rule label alone says "appeal" there.  Zero outside a box."""
    n, roles = len(segs), pg.roles
    like = [_story_like(seg, s) for seg, s in zip(segs, pg.sh, strict=True)]
    out = np.zeros((n, len(_BOX)))
    end = n
    for i in range(n - 1, -1, -1):
        if i + 1 < n and roles[i + 1] != roles[i]:
            end = i + 1
        if roles[i] not in _BOXES:
            continue
        c = _shared(pg.sh[i].stems, pg.story, False)
        rest = like[i + 1 : end]
        out[i] = [c or 0.0, float(like[i]), sum(rest) / len(rest) if rest else 0.0]
    return out


def _runs(roles: Sequence[str]) -> list[int]:
    """For each segment, the length of the run of equal labels it sits in."""
    out, start = [0] * len(roles), 0
    for i in range(1, len(roles) + 1):
        if i == len(roles) or roles[i] != roles[start]:
            out[start:i] = [i - start] * (i - start)
            start = i
    return out


def _gap(i: int, body: Sequence[int]) -> int:
    """Segments to the nearest body segment, capped at 6 (bisect: huge pages stay linear)."""
    k = bisect.bisect_left(body, i)
    near = [abs(i - body[j]) for j in (k - 1, k) if 0 <= j < len(body)]
    return min([6, *near])


def _main_lang(langs: Sequence[str | None] | None, body: Sequence[int]) -> str | None:
    if langs is None:
        return None
    found = [langs[i] for i in body if langs[i]]
    return max(set(found), key=found.count) if found else None
