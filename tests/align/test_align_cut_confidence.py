"""A page's last sentence the capture cut: its link is judged on what was captured.

A capture keeps a fixed number of bytes, so one copy of a story may end
mid-word.  The link of that stub to its whole copy must not be reported as
unlikely because the lengths differ or the copy's uncaptured rest is not
covered (``align_calibration.cut_features``).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from workbench.core.align import AlignParams, align, align_scored
from workbench.core.align_calibration import (
    NO_CUT,
    cut_features,
    with_confidence,
)
from workbench.core.align_confidence import features
from workbench.core.align_fragments import ends_open
from workbench.core.statuses import UNCERTAIN_BELOW

STORY = [
    "Ein Frachtschiff ist am Dienstagmorgen auf dem Neckar bei Heilbronn auf Grund gelaufen.",
    "Die Schifffahrt zwischen Heilbronn und Mannheim wurde für mehrere Stunden gesperrt.",
    "Das 86 Meter lange Schiff hatte nach Angaben der Wasserschutzpolizei Getreide geladen.",
    "Die drei Besatzungsmitglieder blieben unverletzt.",
    "Der Fluss führt nach dem trockenen Sommer ungewöhnlich wenig Wasser.",
    "Am Pegel Lauffen wurden am Morgen nur 1,12 Meter gemessen.",
    "Die Ladung soll am Mittwoch auf ein zweites Schiff umgeladen werden.",
    "Die Versorgung der Mühlen in der Region sei nach Angaben des Betreibers nicht gefährdet.",
]


def test_ends_open_tells_a_cut_line_from_a_sentence() -> None:
    assert ends_open("Die Versorgung d")
    assert ends_open("Фото: ДСНС України")
    assert ends_open("Text (Foto")
    assert not ends_open("Die Pflichtlager seien gut gefüllt.")
    assert not ends_open("Er sagte: «Wir bleiben.»")
    assert not ends_open("(So stand es im Bericht.)")


def test_a_stub_cut_by_the_capture_links_with_confidence() -> None:
    right = [*STORY[:-1], "Die Versorgung der M"]
    beads = align(STORY, right)
    stub = [b for b in beads if b.right == (len(right) - 1,)]
    assert stub and stub[0].left == (len(STORY) - 1,)
    assert stub[0].confidence >= UNCERTAIN_BELOW
    # judged as a whole sentence (no cut known), the same link was all but ruled out
    scored, scorer = align_scored(STORY, right, params=AlignParams())
    doubted = with_confidence(scored, scorer, AlignParams(), NO_CUT)
    assert [b.confidence for b in doubted if b.right == (len(right) - 1,)][0] < 0.1


def test_an_uncut_side_keeps_the_glue_features() -> None:
    left = make_sentences(9, seed=5)
    right = left[:4] + make_sentences(2, seed=6) + left[4:]
    beads, scorer = align_scored(left, right, params=AlignParams())
    links = [b for b in beads if b.left and b.right]
    assert links
    for bead in links:
        assert cut_features(bead, scorer, NO_CUT) == features(bead, scorer)
        if len(left) - 1 not in bead.left:  # a cut left end: only its own link changes
            assert cut_features(bead, scorer, (True, False)) == features(bead, scorer)


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=3, max_value=12),
       st.integers(min_value=1, max_value=40))  # fmt: skip
def test_a_cut_touches_only_the_link_of_the_cut_sentence(seed: int, count: int, keep: int) -> None:
    """The right side's last sentence cut to ``keep`` characters: every other link keeps its
    glue features, the cut link's are finite with no length cost, and confidences stay in
    [0, 1]."""
    left = make_sentences(count, seed=seed)
    right = [*left[:-1], left[-1][:keep].rstrip(" .,") or "x"]
    beads, scorer = align_scored(left, right, params=AlignParams())
    for bead in (b for b in beads if b.left and b.right):
        judged = cut_features(bead, scorer, (False, True))
        if bead.right[-1] == len(right) - 1:
            assert judged[2] == 0.0 and all(-1.0 <= f <= 1.0 for f in judged[:2])
        else:
            assert judged == features(bead, scorer)
    assert all(0.0 <= b.confidence <= 1.0 for b in align(left, right))
