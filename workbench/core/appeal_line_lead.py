"""The sentence opening an ask's printed line, below the story, is the box's first line.

Why (round 39, roles39): an appeal box printed on one line opens with the site describing
itself ("Radio Trek works for you every day.", "Schulpost Mitte ist werbearm und
unabhängig.", "Lokaljournalismus kostet Geld.") and runs on into its ask ("Unterstützen Sie
…") on the same line.  ``appeal_box.ask_lead_in`` takes such a lead only when it shares no
content word with the story, and the site's name or a common word ("Ukraine", "Mitte",
"kostet" beside the story's "Kosten") is shared often enough that the lead stayed ``body``:
on the dev pages, eight pages of eight batches (4, 21, 53, 84, 107, 119, 128, 139) lose the
lead of a box on the ask's line, the largest class the new batches 139 and 141 share with
older ones (docs/ingest.md "Round 39 (roles39)").

The line is the evidence here, not the words: a story's paragraph printed on one line holds
several sentences, so the sentence right before an ask that opens its own line is the whole
of what the line says before the ask; the ask asks for support in its words; everything
after it on the line is the box too; and no story body follows below (a box inside the
story is ``page_resume``'s; the comment section under it, read ``body`` until its label is
set, is no story).  ``RoleParams.ask_line_lead`` switches it (round 39: on, every
leave-one-set-out fold chose it; docs/ingest.md).

Pure: a function on the page's segments, shapes, fixed and open roles.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from workbench.core.appeal_box import ask_lead_in
from workbench.core.page_shapes import Shape
from workbench.core.role_params import RoleParams
from workbench.core.role_phrases import SUPPORT_WORDS
from workbench.core.segment import Seg

#: A sentence's end, inside closing quotes too (``appeal_box._SENTENCE_END``).
_SENTENCE_END = re.compile(r"[.!?…][\"'»“”)]*\s*$")


def box_leads(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], roles: list[str],
    prose: Sequence[int], params: RoleParams, comments: Collection[int] = (),
) -> list[str]:  # fmt: skip
    """``ask_lead_in`` (a lead above the ask), then, when switched on, a lead on its line
    (``comments``: the comment section's segments, not yet labelled: no story below)."""
    roles = ask_lead_in(segs, sh, fixed, roles, prose, params.ask_lead_words)
    if not params.ask_line_lead:
        return roles
    return ask_line_lead(segs, sh, fixed, roles, params.ask_lead_words, comments)


def _rest_of_line(sh: Sequence[Shape], a: int) -> range:
    """The segments from ``a`` to the end of its printed line."""
    end = a + 1
    while end < len(sh) and not sh[end].starts_line:
        end += 1
    return range(a, end)


def ask_line_lead(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], roles: list[str],
    words: int, comments: Collection[int] = (),
) -> list[str]:  # fmt: skip
    """A short ``body`` sentence opening a line that runs on into an ask, the rest of the line
    the box's and no ``body`` below it but the comment section's (``comments``), is
    ``appeal``."""
    out = list(roles)
    for a in range(1, len(segs)):
        k = a - 1
        if out[a] != "appeal" or out[k] != "body" or fixed[k] is not None:
            continue
        if sh[a].starts_line or not sh[k].starts_line or sh[k].words > words:
            continue  # the lead opens the line and the ask runs on it
        if not _SENTENCE_END.search(segs[k].text) or not SUPPORT_WORDS.search(segs[a].text):
            continue
        line = _rest_of_line(sh, a)
        if any(out[j] != "appeal" for j in line):
            continue
        if any(out[j] == "body" and j not in comments for j in range(line.stop, len(segs))):
            continue  # the story goes on below: not the box under the story
        out[k] = "appeal"
    return out
