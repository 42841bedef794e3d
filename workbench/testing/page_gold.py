"""Score page roles against character-span gold, in process (no database, no CLI).

The gold format is the one of the shared real-page dev set
(``stories-dev/gold-spans/<page>.json``: ``spans`` with ``start``, ``end``,
``role``, ``lang``); the repository's own fixture pages (``tests/data/pages``)
use it too, so the same scorer serves the benchmark and the tests.  Scores are
the dev set's ``eval.py`` definitions: characters (whitespace excluded) whose
segment has the gold role, and whose in-story decision (``headline``/``body``
or not) agrees; span figures take each span's majority label.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.adapters.langdetect import detect_segments, detect_text
from workbench.config import DEFAULT_LANGUAGES
from workbench.core.page_evidence import DEFAULT_PARAMS, RoleParams
from workbench.core.roles import assign_roles
from workbench.core.segment import Seg, segment_text

STORY = frozenset({"headline", "body"})


@dataclass
class GoldPage:
    """One page: its text, gold spans and the story (folder) it belongs to."""

    name: str
    story: str
    text: str
    spans: list[dict]
    segs: list[Seg] = field(default_factory=list)
    langs: list[str | None] = field(default_factory=list)


@dataclass
class Score:
    """Character and span counts of one or more pages."""

    chars: int = 0
    role_ok: int = 0
    story_ok: int = 0
    spans: int = 0
    span_role_ok: int = 0
    span_story_ok: int = 0
    confusion: Counter = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for name in ("chars", "role_ok", "story_ok", "spans", "span_role_ok", "span_story_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.confusion.update(other.confusion)

    @property
    def roles(self) -> float:
        return self.role_ok / self.chars if self.chars else 0.0

    @property
    def story(self) -> float:
        return self.story_ok / self.chars if self.chars else 0.0

    @property
    def span_roles(self) -> float:
        return self.span_role_ok / self.spans if self.spans else 0.0

    @property
    def span_story(self) -> float:
        return self.span_story_ok / self.spans if self.spans else 0.0


def load_pages(root: Path) -> list[GoldPage]:
    """Pages of a gold folder (``pages/`` + ``gold-spans/``), segmented once."""
    gold_dir = root / "gold-spans"
    names = json.loads((gold_dir / "index.json").read_text(encoding="utf-8"))["pages"]
    pages = []
    for name in names:
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
        raw = (root / "pages" / gold["file"]).read_bytes().decode("utf-8")
        text = raw.removeprefix("\ufeff")
        story = gold["file"].split("/")[0] if "/" in gold["file"] else gold.get("story", "main")
        pages.append(_analysed(GoldPage(name, story, text, gold["spans"])))
    return pages


def load_story_pair_sets(root: Path, have: set[str]) -> dict[str, list[GoldPage]]:
    """The blind batches under ``root`` (``batchN`` folders, stories-dev layout) as ``blindN``.

    Why: from batch 27 on the writers' pages are kept only in ``tests/data/story-pairs``,
    with no annotated copy in ``role-pages``; benchmarks that read ``role-pages/blindN``
    take the batches they lack (names not in ``have``) from here, in batch order.
    """
    out = {}
    for folder in sorted(root.glob("batch*"), key=lambda p: int(p.name[5:])):
        name = "blind" + folder.name.removeprefix("batch")
        if name not in have and (folder / "gold-spans" / "index.json").is_file():
            out[name] = load_pages(folder)
    return out


def _analysed(page: GoldPage) -> GoldPage:
    """Segment and detect languages as ``workbench ingest`` does for a ``.txt`` file."""
    page.segs = segment_text(page.text, detect_text(page.text, DEFAULT_LANGUAGES))[1]
    found = detect_segments([s.text for s in page.segs], DEFAULT_LANGUAGES)
    page.langs = [ls.lang for ls in found]
    return page


def predict(page: GoldPage, params: RoleParams = DEFAULT_PARAMS) -> list[str]:
    """The roles ``workbench ingest`` gives this page's segments (plain text)."""
    return assign_roles(page.segs, langs=page.langs, params=params)


def mapped_roles(page: GoldPage, runs: Sequence[Sequence]) -> list[str]:
    """Roles given as character runs ``(start, end, role)`` of another segmentation (an
    older main's labels in ``benchmarks/role_history.json``), by majority per segment."""
    role_at = {pos: role for start, end, role in runs for pos in range(start, end)}
    out = []
    for seg in page.segs:
        votes: dict[str, int] = {}
        for pos in range(seg.start, seg.end):
            if pos in role_at and not page.text[pos].isspace():
                votes[role_at[pos]] = votes.get(role_at[pos], 0) + 1
        out.append(max(votes, key=votes.__getitem__) if votes else "other")
    return out


def score_page(page: GoldPage, roles: Sequence[str]) -> Score:
    """Character- and span-level agreement of ``roles`` with the page's gold."""
    owner = [-1] * len(page.text)
    for k, seg in enumerate(page.segs):
        for pos in range(seg.start, seg.end):
            owner[pos] = k
    score = Score()
    for span in page.spans:
        votes: Counter = Counter()
        for pos in range(span["start"], span["end"]):
            if page.text[pos].isspace():
                continue
            tool = roles[owner[pos]] if owner[pos] >= 0 else None
            score.chars += 1
            score.role_ok += tool == span["role"]
            score.story_ok += (tool in STORY) == (span["role"] in STORY)
            votes[tool] += 1
            if tool != span["role"]:
                score.confusion[(span["role"], tool)] += 1
        if votes:
            label = votes.most_common(1)[0][0]
            score.spans += 1
            score.span_role_ok += label == span["role"]
            score.span_story_ok += (label in STORY) == (span["role"] in STORY)
    return score


def total(pages: Sequence[GoldPage], params: RoleParams = DEFAULT_PARAMS) -> Score:
    out = Score()
    for page in pages:
        out.add(score_page(page, predict(page, params)))
    return out


def cross_validate(
    pages: Sequence[GoldPage],
    grid: Sequence[RoleParams],
    fold_of: Callable[[GoldPage], str],
) -> tuple[Score, dict[str, RoleParams]]:
    """Held-out score: each fold scored with the grid point best on the other folds.

    "Best" is the mean of character role and story accuracy on the training
    folds; ties keep the earlier grid point (the defaults come first).
    """
    folds = sorted({fold_of(p) for p in pages})
    cache = {(k, p.name): score_page(p, predict(p, params)) for k, params in enumerate(grid)
             for p in pages}  # fmt: skip
    held = Score()
    chosen: dict[str, RoleParams] = {}
    for fold in folds:
        train = [p for p in pages if fold_of(p) != fold]
        best_k, best = 0, -1.0
        for k in range(len(grid)):
            s = Score()
            for p in train:
                s.add(cache[(k, p.name)])
            value = (s.roles + s.story) / 2
            if value > best + 1e-12:
                best_k, best = k, value
        chosen[fold] = grid[best_k]
        for p in pages:
            if fold_of(p) == fold:
                held.add(cache[(best_k, p.name)])
    return held, chosen


def load_annotated(path: Path) -> GoldPage:
    """A page written as ``ROLE LANG | text`` lines (see tests/data/role-pages/README.md)."""
    story, parts, spans, pos = "main", [], [], 0
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.startswith("#"):
            if raw.startswith("# story:"):
                story = raw.split(":", 1)[1].strip()
            continue
        pieces = []
        for chunk in raw.split(" ‖ ") if raw else []:
            label, text = chunk.split(" | ", 1)
            role, lang = label.split()
            lead = len(text) - len(text.lstrip())
            start = pos + sum(len(p) + 2 for p in pieces) + lead
            spans.append({"start": start, "end": start + len(text.strip()), "role": role,
                          "lang": lang, "text": text.strip()})  # fmt: skip
            pieces.append(text.rstrip())
        line = "  ".join(pieces)
        parts.append(line)
        pos += len(line) + 1
    text = "\n".join(parts).rstrip("\n") + "\n"
    return _analysed(GoldPage(path.stem, story, text, spans))


def load_annotated_dir(folder: Path) -> list[GoldPage]:
    return [load_annotated(p) for p in sorted(folder.glob("*.txt"))]
