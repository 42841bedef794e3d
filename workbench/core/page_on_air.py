"""A station's sign-off that speaks of its broadcast ends the story (round 40, rolesb40).

Why: a local radio's story often ends with the newsroom's word to its listeners, printed
on under the last sentence: "Wir halten euch hier und im Programm auf dem Laufenden." (138
radio_fichtelwelle_de), "… das ganze Gespräch hören Sie morgen ab 7 Uhr …" (133
radio_muehlkreis_de), "Ми стежимо за ситуацією і повідомлятимемо в ефірі щопівгодини." (145
radio_verba_fm_uk).  Gold reads it as the story; the footer trim (``page_tail.trim_footer``)
drops it, since it is the site's voice ("we", "you") off the story's words.  Round 39
(rolesb39) tried "it adjoins a story sentence" and lost: a newspaper's box is printed the
same way, and 145's line follows a short sentence that is no prose, so adjoining does not
reach it.

What the three share and no gold-other line the trim drops on the dev pages does (197
lines, 80 dev sets; docs/ingest.md "Round 40 (rolesb40)"): the line names the broadcast —
the programme, the studio, "on air", listening.  A newsletter, cookie or app line names
the inbox, the site or the app; a podcast plug says "listen" (left out).  So the first
line the trim drops stays the story's when it names the broadcast as a whole word
(``ON_AIR``; "Programmhinweise" on a station's service line is no such word).

Pure: a regular expression and a function on segment texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.segment import Seg

#: The broadcast named as a whole word: the programme, a broadcast, the studio, on air,
#: listening to it (de, uk, ru, en, fr).  Not "listen"/"podcast": a podcast plug below
#: the story is the site's (31 itv_utv_en, gold other).
ON_AIR = re.compile(
    r"\b(?:programm|sendung|studio|hören|ефір\w*|эфир\w*|on air|on-air|à l'antenne)\b",
    re.I,
)


def on_air_sign_off(prose: Sequence[int], kept: Sequence[int], segs: Sequence[Seg]) -> set[int]:
    """The first prose line the footer trim dropped, when it names the broadcast.

    Only the first: below a sign-off the station's own boxes follow ("Schickt uns eure
    Infos per WhatsApp …"), and they are chrome.
    """
    if len(kept) >= len(prose) or not kept:
        return set()
    first = prose[len(kept)]
    return {first} if ON_AIR.search(segs[first].text) else set()
