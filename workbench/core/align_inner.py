"""What two pages compare: each page's story, and the lines inside both stories they share.

Why: the aligner compares what page roles call story (headline and body).  A crosshead
the role layer reads as chrome ("Dutzende Nachbeben", "Inflation im November bei 3,8
Prozent") leaves the comparison on both pages of a verbatim copy, and its gold bead is
missed: in round 23 that was 5 of the 7 sure beads the dev copies missed (batches 56, 61,
66, 75).  When two pages print the same line inside their stories (between the first
and the last body sentence) and the line uses the story's words, the pair says the
line is part of what is told, whatever one page's roles read; it is compared with the
story.  Its page role is unchanged (roles stay each page's own reading), so the role
break around it still keeps the aligner from joining it to a sentence.  An ad marker
("Anzeige", "Werbung") shares no word with the story and stays out ("Anzeige" on
both pages of a batch-41 rewrite, compared, moved a neighbouring link).
Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_shapes import stems
from workbench.core.roles import STORY_ROLES as STORY
from workbench.core.segment import text_hash
from workbench.core.segment_dateline import is_dateline

#: Switch for before/after runs (``benchmarks/align_pairs.py --story-only``; the flags
#: before run set it in process): off, the story roles alone are compared (before round 23).
SHARED_LINES = True


def _inner(texts: Sequence[str], roles: Sequence[str]) -> dict[int, str]:
    """Non-story lines between the page's first and last body sentence, by ``text_hash``
    (whitespace-normalised: the same line wrapped differently is the same line)."""
    body = [k for k, role in enumerate(roles) if role == "body"]
    if not body:
        return {}
    return {k: text_hash(texts[k]) for k in range(body[0], body[-1] + 1) if roles[k] not in STORY}


def _told(texts: Sequence[str], roles: Sequence[str]) -> frozenset[str]:
    """The content stems of the page's body (``page_shapes.stems``)."""
    return frozenset().union(*(stems(t) for t, role in zip(texts, roles, strict=True)
                               if role == "body"))  # fmt: skip


def compared_lines(
    left: Sequence[str],
    left_roles: Sequence[str],
    right: Sequence[str],
    right_roles: Sequence[str],
) -> tuple[list[int], list[int]]:
    """Each side's segment indices to compare, in page order: story roles and shared inner lines.

    A shared inner line is a non-story line inside both stories whose whitespace-normalised
    text is printed inside the other page's story too, and which shares a content stem
    with the body of both pages.
    """
    inner = _inner(left, left_roles), _inner(right, right_roles)
    told = _told(left, left_roles), _told(right, right_roles)
    theirs = set(inner[1].values()) if SHARED_LINES else set()
    shared = {key for k, key in inner[0].items() if key in theirs
              and stems(left[k]) & told[0] and stems(left[k]) & told[1]}  # fmt: skip
    return (
        [k for k, role in enumerate(left_roles) if (role in STORY or inner[0].get(k) in shared)
         and not is_apart(left[k])],
        [k for k, role in enumerate(right_roles) if (role in STORY or inner[1].get(k) in shared)
         and not is_apart(right[k])],
    )  # fmt: skip


#: Switch (round 35, dateline35; off): a segment that is a wire dateline and nothing more
#: ("Hohenried (dpa/lby) –", cut from its lead by ``segment.DATELINE_SEGMENTS``) is not
#: compared: where the filing agency is named is no sentence of the story, and a lone
#: dateline on one side shifts the pairing of the lead in a paraphrase from another agency.
DATELINES_APART = False


def is_apart(text: str) -> bool:
    """A lone dateline segment left out of the comparison (``align_dateline_gate`` reads it)."""
    return DATELINES_APART and is_dateline(text)
