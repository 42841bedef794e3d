"""Share bars and credits, rule by rule: leave one batch out, check pooled.

    .venv/bin/python benchmarks/role_bars_cv.py [--shared DIR] [--rules NAME,...] [--json FILE]

Why: the largest box confusions on round 12's unseen pages were ``other`` read as
``link_residue`` and back (592 and 422 characters).  Most of those lines are writers
disagreeing (related-box headings, "Lire aussi: <title>" split or whole, source lines
at the story's end); the rules here take kinds that several dev writers label alike
and the tool misread.  Each rule is switched off in the same process (the pages are
segmented again, since a rule may cut a line) and scored against the shipped code:

* ``comment buttons``: a comment button or counter in a share row is a page button
  (``page_widgets.COMMENT_BUTTONS``), so the row is cut ("Kommentare | Teilen");
* ``share targets``: a line of network names right under a share label is
  ``link_residue`` (``page_residue.SHARE_TARGETS``);
* ``line credits``: a source line ending a caption's line is the picture's credit,
  ``other`` (``page_residue.LINE_CREDITS``);
* ``consent links``: a "read more" link on a consent text's line is the box's, ``other``
  (``page_consent.LINKS``);
* ``pointers``: a line that sends the reader to a link in a sentence of its own ("… lesen
  Sie hier.", "… можна ознайомитися за посиланням.") is ``link_residue``
  (``page_residue.POINTERS``);
* ``named tail``: a sentence at the story's end that prints the site's name (its
  masthead) and shares little of the story's words is the site's own line, ``other``
  ("Download the VOCM app …", "Newsletter BFM Alsace …"; ``page_named.NAMED_TAIL``).

Dev sets as ``role_buttons_cv.py`` (stories-dev, the fixture pages, story-pairs dev
batches read raw).  Leave one set out: a fold turns the rule on only when, on the other
sets, it lowers none and raises the pooled mean of roles and story; the left-out set is
scored with that choice.  The check batches are scored pooled, on against off, never a
page, never used to choose.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_buttons_cv import CHECK, SHARED, STORY_PAIRS, dev_sets  # noqa: E402

from workbench.core import page_consent, page_named, page_residue, page_widgets  # noqa: E402
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    _analysed,
    load_pages,
    predict,
    score_page,
)


@contextmanager
def _unset(module: object, name: str, value: object) -> Iterator[None]:
    shipped = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, shipped)


#: Each rule's "off" switch (the shipped code is "on").
RULES: dict[str, Callable[[], object]] = {
    "comment buttons": lambda: _unset(page_widgets, "COMMENT_BUTTONS", frozenset()),
    "share targets": lambda: _unset(page_residue, "SHARE_TARGETS", False),
    "line credits": lambda: _unset(page_residue, "LINE_CREDITS", False),
    "consent links": lambda: _unset(page_consent, "LINKS", False),
    "pointers": lambda: _unset(page_residue, "POINTERS", False),
    "named tail": lambda: _unset(page_named, "NAMED_TAIL", False),
}


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def scores(pages: list[GoldPage], off: Callable[[], object] | None) -> Score:
    out = Score()
    with off() if off else _nothing():  # type: ignore[attr-defined]
        for page in pages:
            page = _analysed(page)  # segmented again with the rule off or on
            out.add(score_page(page, predict(page)))
    return out


def _merit(s: Score) -> float:
    return round((s.roles + s.story) / 2, 9)


def _pool(table: dict, names: list[str], point: str) -> Score:
    out = Score()
    for n in names:
        out.add(table[(n, point)])
    return out


def chooses(table: dict, names: list[str]) -> bool:
    """On, when it lowers no set of ``names`` and raises their pooled mean."""
    safe = all(table[(n, "on")].role_ok >= table[(n, "off")].role_ok
               and table[(n, "on")].story_ok >= table[(n, "off")].story_ok
               for n in names)  # fmt: skip
    return safe and _merit(_pool(table, names, "on")) > _merit(_pool(table, names, "off"))


def _cell(a: Score, b: Score) -> str:
    return f"{a.roles:.4f} / {a.story:.4f} -> {b.roles:.4f} / {b.story:.4f}"


def leave_one_out(rule: str, table: dict, names: list[str]) -> dict:
    print(f"\n## {rule}\n\n| left-out set | on? | off -> chosen (roles / story) |\n|---|---|---|")
    held = (Score(), Score())
    folds = {}
    for name in names:
        on = chooses(table, [n for n in names if n != name])
        folds[name] = on
        a, b = table[(name, "off")], table[(name, "on" if on else "off")]
        held[0].add(a)
        held[1].add(b)
        mark = "" if a.role_ok == b.role_ok and a.story_ok == b.story_ok else " **"
        print(f"| {name}{mark} | {'on' if on else 'off'} | {_cell(a, b)} |")
    print(f"| **dev pooled, leave one set out** | {sum(folds.values())}/{len(names)} | "
          f"{_cell(*held)} |")  # fmt: skip
    on = chooses(table, names)
    print(f"| **dev pooled, in sample** | {'on' if on else 'off'} | "
          f"{_cell(_pool(table, names, 'off'), _pool(table, names, 'on'))} |")  # fmt: skip
    return {"folds": folds, "on": on, "held": [held[0].roles, held[0].story,
                                               held[1].roles, held[1].story]}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--rules", default=",".join(RULES))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# Share bars and credits, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    names = list(sets)
    check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
    shipped = {n: scores(pages, None) for n, pages in sets.items()}
    out = {}
    for rule in args.rules.split(","):
        table = {(n, "on"): s for n, s in shipped.items()}
        table |= {(n, "off"): scores(sets[n], RULES[rule]) for n in names}
        out[rule] = leave_one_out(rule, table, names)
        off, on = scores(check, RULES[rule]), scores(check, None)
        out[rule]["check"] = [off.roles, off.story, on.roles, on.story]
        print(f"| **check {', '.join(map(str, CHECK))} pooled** | | {_cell(off, on)} |")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
