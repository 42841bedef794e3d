"""A far tail that is one run of adjacent sentences, none the site's voice, is the story's.

Why (round 37, rolesb37; docs/ingest.md "Round 37 (rolesb37)"): round 29's far tail
(``page_far_tail``) reads prose past three chrome lines that shares few five-letter stems
with the story above as the site's.  On two dev batches (116's linzer_tagespost_apa_de,
133's linzer_tagesanzeiger_de) the story goes on under a "read also" block with its last
three sentences, which name new things (the loss in euros, the help hoped for, the
festival's founding) and so share few stems: the rule cut 553 gold body characters.  Every
correct far-tail catch on dev has another shape: the site's prose is either broken up
(a cookie banner's sentence and its buttons, a newsletter blurb and then a consent box, a
reader comment under its name and stamp, a disclaimer after a list) or speaks as the site
("Si vous lisez ces lignes …", "Wir und unsere Partner …").  A story's own last paragraph
is sentences printed one after another with nothing between them, told in the third person.
So a tail of at least ``min_run`` segments, adjacent (no segment between two of them), each
a sentence (ends like one, three words or more), none saying "we" or "you" outside
quotation marks (``page_tail.site_voice``), stays prose.  ``min_run`` 0 switches the guard
off (``RoleParams.far_tail_run``).  Pure: indices, texts and shapes in, out.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_far_tail import far_tail
from workbench.core.page_shapes import Shape
from workbench.core.page_tail import site_voice
from workbench.core.role_params import RoleParams


def story_run(texts: Sequence[str], sh: Sequence[Shape], tail: Sequence[int],
              min_run: int) -> bool:  # fmt: skip
    """Whether ``tail`` reads as the story's own last sentences (see the module)."""
    if not min_run or len(tail) < min_run:
        return False
    if tail[-1] - tail[0] != len(tail) - 1:  # sorted, distinct: no segment between
        return False
    if not all(sh[k].terminal and sh[k].words >= 3 for k in tail):
        return False
    return not any(site_voice(texts[k]) for k in tail)


def far_tail_cut(texts: Sequence[str], sh: Sequence[Shape], prose: Sequence[int],
                 params: RoleParams) -> list[int]:  # fmt: skip
    """``page_far_tail.far_tail`` under the shipped params, less a tail the guard keeps."""
    tail = far_tail(texts, sh, prose, params.far_tail_lines, params.far_tail_share,
                    params.far_tail_words)  # fmt: skip
    return [] if story_run(texts, sh, tail, params.far_tail_run) else tail
