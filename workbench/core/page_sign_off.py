"""The story's end below its last sentence: the footer trim, a notice's run, a sign-off.

Why its own module (round 39, rolesb39): ``page_evidence`` is at its size limit.  The rules
read the story's end in three steps: ``page_tail.trim_footer`` drops the site's sentences
ending the prose (a line addressing the reader or speaking as the site, off the story's
words); ``page_prose.tail_run`` gives back a notice's sentences run on from the story
(``RoleParams.notice_tail``); the first line the trim drops stays when it names the
broadcast (``RoleParams.on_air``, ``page_on_air``, round 40); and, a study shipped off
(``RoleParams.footer_adjoined``), a reader-addressed line printed on right after a story
sentence of its paragraph stays.

That last shape is a local radio station's sign-off at the story's end ("Wir halten euch
hier und im Programm auf dem Laufenden.", "… das ganze Gespräch hören Sie morgen …"):
gold reads it as the story, where a newspaper's "Schreiben Sie uns" box after a break is
chrome.  The trim keeps such a line (``keep_addressed``) and the box search
(``page_tail.reader_boxes``), which would take it back as a small box, is told it is the
story's (:func:`signed_on`).

Pure: functions on segments, shapes and parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workbench.core.page_named import own_voice
from workbench.core.page_on_air import on_air_sign_off
from workbench.core.page_prose import tail_run
from workbench.core.page_shapes import ADDRESS_COHESION, Shape
from workbench.core.page_tail import addresses_reader, adjoins, site_voice, trim_footer
from workbench.core.role_params import DEFAULT_PARAMS, RoleParams
from workbench.core.segment import Seg


def signed_on(kept: Sequence[int], segs: Sequence[Seg]) -> set[int]:
    """The reader-addressed lines ending ``kept``, each adjoining the line before it."""
    out: set[int] = set()
    for n in range(len(kept) - 1, 0, -1):
        i = kept[n]
        if not addresses_reader(segs[i].text) or not adjoins(i, segs, kept[:n]):
            break
        out.add(i)
    return out


def story_end(
    prose: Sequence[int],
    segs: Sequence[Seg],
    sh: Sequence[Shape],
    cohesion_of: Callable[[int, Sequence[int]], float | None],
    params: RoleParams = DEFAULT_PARAMS,
) -> tuple[list[int], set[int]]:
    """The prose the footer trim keeps, and the lines below it that stay the story's
    whatever the box search says (a notice's run, a sign-off printed on)."""
    voice = own_voice(segs, site_voice)
    kept = trim_footer(prose, segs, cohesion_of, ADDRESS_COHESION, voice, params.footer_adjoined)
    tail = set(tail_run(kept, prose[len(kept) :], segs, sh)) if params.notice_tail else set()
    if params.footer_adjoined:
        tail |= signed_on(kept, segs)
    if params.on_air:  # a station's sign-off naming its broadcast (round 40 rolesb40)
        tail |= on_air_sign_off(prose, kept, segs)
    return kept, tail
