"""Runs of label lines: a flattened menu or widget read as story text is chrome.

Why a pass of its own, after the page evidence: a scraped page prints its menus,
section and agency labels, tag lists and widget residue as a stack of short lines
("Common Dreams" / "News  Views  Video" / "World"; "dpa" / "Feedback" / "Lawinengefahr
in den Alpen: Warnstufe vier"), whatever their words and language.  The rules
catch most of each stack by its words or its place above or below the story; a
line they miss inside the story region becomes ``body``.  Story text is not
printed that way: it is told in sentences, and a crosshead stands alone between
paragraphs, not in a stack.  So every ``body`` line in a run of ``run`` or more
consecutive lines that are each a line of their own, of at most ``words`` words,
not ending like a sentence or a list item (".", ":", ";", ","), is ``other``.
The lines of a run keep any other role (a headline in it stays a headline).

One exception, the header above the story: a run followed by a story sentence
with no story text above it holds the title the header rules may have missed
(kicker, title, subtitle); it is left alone.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_shapes import Shape, shapes
from workbench.core.segment import Seg

BODY, OTHER = "body", "other"


def label_runs(segs: Sequence[Seg], roles: Sequence[str], run: int, words: int) -> list[str]:
    """``roles`` with the ``body`` lines of every run of label lines made ``other``.

    ``run`` and ``words`` are ``RoleParams.label_run`` / ``label_run_words``, chosen
    leaving one set out (``benchmarks/role_labels_cv.py``); ``run`` 0 switches the
    pass off.
    """
    out = list(roles)
    if run <= 0:
        return out
    sh = shapes(segs)
    i = 0
    while i < len(segs):
        j = i
        while j < len(segs) and _label_line(segs[j], sh[j], words):
            j += 1
        if j - i >= run and not _heads_story(i, j, sh, out):
            out[i:j] = [OTHER if r == BODY else r for r in out[i:j]]
        i = max(j, i + 1)
    return out


def _label_line(seg: Seg, shape: Shape, words: int) -> bool:
    """A line of its own, short, not ending like a sentence or a list item."""
    if not (shape.starts_line and shape.ends_line) or shape.terminal:
        return False
    return 1 <= shape.words <= words and not seg.text.rstrip().endswith((":", ";", ","))


def _heads_story(i: int, j: int, sh: Sequence[Shape], roles: Sequence[str]) -> bool:
    """The run ``i:j`` stands right above the story's first sentence, no story above it."""
    opens = j < len(roles) and roles[j] == BODY and sh[j].terminal
    return opens and BODY not in roles[:i]
