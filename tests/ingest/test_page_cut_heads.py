"""The capture's cut under a crosshead or a "read also" line (core.page_cut_heads, round 36):
a page stored without a line break after its last line stops inside the story's next
sentence, and a crosshead or link line printed between the story's last sentence and that cut
line does not make it chrome.  The pages here are written for the repository."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_cut_heads import cut_heads
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.segment import segment_text

ON = replace(DEFAULT_PARAMS, cut_heads=2, cut_heads_words=5)
OFF = replace(DEFAULT_PARAMS, cut_heads=0)

STORY = (
    "Hangrutschung in Gschnaidt: Straße gesperrt\n\n"
    "In der Kärntner Gemeinde Gschnaidt hat eine Hangrutschung in der Nacht die Landesstraße "
    "verschüttet, teilte die Polizei am Mittwoch mit.\n\n"
    "Rund 38 Menschen mussten ihre Häuser verlassen, die Feuerwehr war mit 120 Kräften im "
    "Einsatz.\n\n"
    "Die Geologen wollen den Hang am Donnerstag erneut begutachten, sagte ein Sprecher.\n\n"
)
CUT = "Das Land prüft den Bau einer Behelfsstraße durch das Bundes"


def _segs(text: str) -> list:
    return list(segment_text(text, "de")[1])


def _rolled(text: str, between: dict[str, str], last: str = "other") -> tuple[list, list[str]]:
    """The page's segments and roles as the layer leaves them: the story's lines ``body``,
    the named lines their role, the last line ``last``."""
    segs = _segs(text)
    roles = ["body"] * len(segs)
    roles[0] = "headline"
    for k, seg in enumerate(segs):
        roles[k] = between.get(seg.text, roles[k])
    roles[-1] = last
    return segs, roles


def test_a_cut_line_under_a_crosshead_is_the_storys_and_so_is_the_crosshead() -> None:
    head = "Behelfsstraße in acht Wochen"
    segs, roles = _rolled(STORY + head + "\n" + CUT, {head: "other"})
    assert cut_heads(segs, roles, None, OFF) == roles
    out = cut_heads(segs, roles, None, ON)
    assert out[-1] == out[-2] == "body"
    assert out[:-2] == roles[:-2]


def test_a_cut_line_under_a_read_also_line_is_the_storys_the_link_stays() -> None:
    link = "Lesen Sie auch: Wie sicher sind Kärntens Hänge?"
    segs, roles = _rolled(STORY + link + "\n" + CUT, {link: "link_residue"})
    out = cut_heads(segs, roles, None, ON)
    assert out[-1] == "body"
    assert out[-2] == "link_residue"


def test_a_page_saved_whole_or_a_label_or_a_short_line_stays() -> None:
    head = "Behelfsstraße in acht Wochen"
    saved = _rolled(STORY + head + "\n" + CUT + "\n", {head: "other"})  # a line break: no cut
    assert cut_heads(*saved, None, ON) == saved[1]
    tags = "Schlagworte: Kärnten Unwetter"  # a label's colon
    labelled = _rolled(STORY + tags + "\n" + CUT, {tags: "other"})
    assert cut_heads(*labelled, None, ON) == labelled[1]
    short = _rolled(STORY + head + "\n" + "Jetzt den Newsletter abon", {head: "other"})
    assert cut_heads(*short, None, ON) == short[1]  # four words: a button's or a box's
    fixed = [None] * len(saved[0])
    fixed[-1] = "other"
    segs, roles = _rolled(STORY + head + "\n" + CUT, {head: "other"})
    assert cut_heads(segs, roles, fixed, ON) == roles


def test_through_assign_roles_only_the_cut_end_moves() -> None:
    text = STORY + "Behelfsstraße in acht Wochen\n" + CUT
    off = roles_with(text, "de", cut_heads=0)
    on = roles_with(text, "de", cut_heads=2, cut_heads_words=5)
    moved = {t for t in off if off[t] != on[t]}
    assert moved == {"Behelfsstraße in acht Wochen", CUT}  # other -> body, nothing else
    assert all(on[t] == "body" for t in moved)
    assert roles_with(text, "de") == on  # the shipped default: two lines, five words


LINES = st.sampled_from([
    "Behelfsstraße in acht Wochen", "Lesen Sie auch: Hänge in Kärnten", "Fotos: Polizei",
    "Die Feuerwehr sicherte den Hang mit Netzen.", "Teilen", CUT, "Das Land prüft",
])
ROLES = st.sampled_from(["body", "other", "link_residue", "headline", "appeal"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(LINES, ROLES), min_size=1, max_size=5), st.integers(0, 3),
       st.integers(1, 7), st.booleans())  # fmt: skip
def test_only_the_cut_end_moves_only_to_body(lines, heads, words, cut) -> None:
    text = STORY + "\n".join(t for t, _ in lines) + ("" if cut else "\n")
    segs = _segs(text)
    roles = ["body"] * len(segs)
    tail = [r for _, r in lines]
    roles[-len(tail):] = tail  # each sampled line is one segment
    p = replace(DEFAULT_PARAMS, cut_heads=heads, cut_heads_words=words)
    out = cut_heads(segs, roles, None, p)
    changed = [k for k in range(len(segs)) if out[k] != roles[k]]
    assert all(out[k] == "body" for k in changed)
    assert all(k >= len(segs) - 1 - heads for k in changed)
    assert not changed or (cut and heads > 0 and roles[-1] == "other")
    assert cut_heads(segs, out, None, p) == out  # once is enough
