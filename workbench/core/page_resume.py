"""The story resumes after an appeal box set inside it.

Why: an appeal opened by its starter ("Soutenez un journalisme indépendant …") runs, as a
block, to the next structural break (``roles._fixed_roles``).  A capture read line by line
has no break, so a donation box printed between two story paragraphs took the rest of the
story with it (batch 66, sept_info_ats_fr: 626 story characters read as the appeal).  The
evidence that the story has resumed is what follows the box, not the box's wording: a
sentence of running text, not in the site's voice, that shares content words with the
story above the box.  From that line on, the lines the block took (not the lines whose own
words make them an appeal, a residue or chrome) are left to the page evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_shapes import Shape, is_prose, shapes
from workbench.core.page_tail import site_voice
from workbench.core.role_params import DEFAULT_PARAMS, RoleParams
from workbench.core.role_runs import runs_of
from workbench.core.segment import Seg

APPEAL = "appeal"

#: A line resumes the story when it shares at least this many content stems with the
#: story's prose above the box (one is chance: "ville", "année").
RESUME_STEMS = 2


def story_resumes(
    segs: Sequence[Seg],
    fixed: Sequence[str | None],
    own: Sequence[bool],
    params: RoleParams = DEFAULT_PARAMS,
) -> list[str | None]:
    """``fixed`` with the appeal block's lines after the story resumes left open (``None``).

    ``own[i]`` says that segment ``i`` took its role from its own words (a starter, a
    button); those keep it.  The box runs at least to its last such line (a line above
    its button is the box's, whatever it says: "Das Zentrum … ist als gemeinnützig
    anerkannt" over "Jetzt spenden"); the story can resume only below it.  Only a block
    with story prose above it is read: an appeal above the story is the page's.
    """
    out = list(fixed)
    if not params.appeal_resume:
        return out
    sh = shapes(segs)
    for i, end in runs_of(fixed, APPEAL):
        owned = [k for k in range(i, end) if own[k]]
        if not owned:  # a block with no starter or button of its own: nothing to read
            continue
        vocab = _story_above(segs, sh, fixed, i, params)
        start = next((k for k in range(owned[-1] + 1, end)
                      if _resumes(segs[k], sh[k], vocab, params)), None)  # fmt: skip
        if start is not None:
            for k in range(start, end):
                if not own[k]:
                    out[k] = None
    return out


def _story_above(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], i: int, p: RoleParams
) -> frozenset[str]:
    """The content stems of the open prose lines above segment ``i`` (the story so far)."""
    found: set[str] = set()
    for k in range(i):
        if fixed[k] is None and is_prose(sh[k], False, p) and not site_voice(segs[k].text):
            found |= sh[k].stems
    return frozenset(found)


def _resumes(seg: Seg, shape: Shape, vocab: frozenset[str], p: RoleParams) -> bool:
    """A story sentence: running text, not the site talking, on the story's topic."""
    if not vocab or not is_prose(shape, False, p) or site_voice(seg.text):
        return False
    return len(shape.stems & vocab) >= RESUME_STEMS
