"""Across languages, a sentence one page tells as two: the joined sentence's clause cut placed by
the halves' lengths (``core/align_cut_halves``, round 40, beads40).

Why: batch 146's de→en translation (``swabia_weekly_en``) tells "Die Ursache des Einsturzes ist
noch unklar; ein Statiker soll …" as two English sentences, and the aligner linked the second
and left the first unmatched; the stand-in MT is a copy, so only lengths speak. The measurement
and the shipped switch are in ``docs/align.md`` "Round 40 (beads40)".
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.align.test_align_length_halves import LengthScorer
from workbench.core import align_cut_halves as ch
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams

#: batch 146 (hegau_anzeiger_dpa_de / swabia_weekly_en): the German sentence cut at its semicolon
GERMAN = ["Die Ursache des Einsturzes ist noch unklar; ein Statiker soll den Reststumpf des Turms "
          "am Donnerstag untersuchen."]  # fmt: skip
ENGLISH = ["The cause of the collapse is not yet known.",
           "A structural engineer is due to inspect the remaining stump of the tower on Thursday."]
#: L0 - R1 linked, R0 unmatched before it (the aligner's output at START)
LINKED = [Bead((), (0,), 0.0, "0-1"), Bead((0,), (1,), 0.4, "1-1")]
#: the 1-1 costs 3 nats, the 1-2 1.5: under round 27's 5-nat bar, over the cut rule's 1
COSTS = {(0, 1, 1, 1): 3.0, (0, 1, 0, 2): 1.5}


def _spans(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_ships_as_the_docs_say() -> None:
    """Shipped at .08, the bare comma only before a subject pronoun (docs/align.md "Round 40
    (beads40)", "Round 40 (beadsd40)"); 0 is off."""
    assert (ch.CUT_SHARE, ch.CUT_COMMA, ch.CUT_GAIN) == (0.08, 2, 1.0)
    out = ch.join_cut_halves(LINKED, LengthScorer(COSTS), AlignParams(), (frozenset(), frozenset()),
                             (GERMAN, ENGLISH), limit=0)  # type: ignore[arg-type]  # fmt: skip
    assert out is LINKED


def test_batch146_semicolon_places_the_half() -> None:
    """The German semicolon splits the sentence as the two English sentences split: a 1-2."""
    out = ch.join_cut_halves(LINKED, LengthScorer(COSTS), AlignParams(), (frozenset(), frozenset()),
                             (GERMAN, ENGLISH), limit=0.05)  # type: ignore[arg-type]  # fmt: skip
    assert _spans(out) == [((0,), (0, 1))]
    assert out[0].kind == "1-2"


def test_no_cut_a_crosshead_or_a_break_keeps_them_apart() -> None:
    """No cut in the joined sentence, a half that is no sentence (a crosshead), a role break
    between, or too small a length saving: no join."""
    scorer, breaks = LengthScorer(COSTS), (frozenset(), frozenset())
    plain = ["Die Ursache des Einsturzes ist noch unklar und ein Statiker kommt."]
    plain = [plain[0].replace(" und ", " ")]
    assert ch.join_cut_halves(LINKED, scorer, AlignParams(), breaks, (plain, ENGLISH),
                              limit=0.05) == LINKED  # type: ignore[arg-type]  # fmt: skip
    head = ["Cause still unknown", ENGLISH[1]]
    assert ch.join_cut_halves(LINKED, scorer, AlignParams(), breaks, (GERMAN, head),
                              limit=0.05) == LINKED  # type: ignore[arg-type]  # fmt: skip
    broken = (frozenset(), frozenset({1}))
    assert ch.join_cut_halves(LINKED, scorer, AlignParams(), broken, (GERMAN, ENGLISH),
                              limit=0.05) == LINKED  # type: ignore[arg-type]  # fmt: skip
    flat = LengthScorer({(0, 1, 1, 1): 3.0, (0, 1, 0, 2): 2.5})  # saves .5 nats
    assert ch.join_cut_halves(LINKED, flat, AlignParams(), breaks, (GERMAN, ENGLISH),
                              limit=0.05) == LINKED  # type: ignore[arg-type]  # fmt: skip


def test_cut_points_and_headline() -> None:
    """A headline's colon is a kicker (no sentence end: no cut); a clock's "10:30" is no cut;
    a coordinating word with its comma is one cut; a bare comma only at ``CUT_COMMA``."""
    assert ch.cut_points("Oberweilingen: Kirchturm von St. Gallus eingestürzt") == []
    assert ch.cut_points("Der Zug fuhr um 10:30 ab.") == []
    names = [c[0] for c in ch.cut_points("No one was hurt, and crews evacuated 14 people.")]
    assert names == ["conj"]
    assert ch.cut_points("It fell, the square was empty.") == []


def test_bare_comma_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ch, "CUT_COMMA", 1)
    assert [c[0] for c in ch.cut_points("It fell, the square was empty.")] == ["comma"]


#: batch 119 (mitteldeutsche_rundblick_dpa_de / germany_now_en): one German sentence at a bare
#: comma, two English ones, the second repeating the subject as "They"
JOINED_119 = ("Zusätzlich stellte das Amt kurzfristig 14 Quereinsteiger ohne Lehramtsstudium ein, "
              "die nach einer vierwöchigen Schulung unterrichten sollen.")  # fmt: skip
FIRST_119 = ("The authority has also hired 14 career changers without teacher training at "
             "short notice.")


def test_comma_with_a_repeated_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    """``CUT_COMMA`` 2 (shipped, beadsd40): a bare comma is a cut only when the later half
    opens with a subject pronoun — not another word, not a quote mark (a quote's "We" is its
    speaker's own sentence); at 0 never."""
    then = "They are to start teaching after a four-week training course."
    monkeypatch.setattr(ch, "CUT_COMMA", 0)
    assert ch.cut_error(FIRST_119, then, JOINED_119) == (1.0, None)
    monkeypatch.setattr(ch, "CUT_COMMA", 2)
    err, name = ch.cut_error(FIRST_119, then, JOINED_119)
    assert name == "comma" and err < 0.01
    assert ch.cut_error(FIRST_119, "Teachers start after a course.", JOINED_119) == (1.0, None)
    assert ch.cut_error(FIRST_119, '"We start after a course."', JOINED_119) == (1.0, None)


@settings(max_examples=60, deadline=None)
@given(
    first=st.text(alphabet="abc ", min_size=1, max_size=40),
    second=st.text(alphabet="abc ", min_size=1, max_size=40),
    joiner=st.sampled_from(["; ", " und ", ", and ", " – "]),
)
@example(first="The cause is not yet known", second="an engineer comes on Thursday",
         joiner="; ")  # fmt: skip
def test_a_sentence_cut_where_its_halves_split_fits_exactly(
    first: str, second: str, joiner: str,
) -> None:  # fmt: skip
    """The halves' own sentence, joined at a cut, fits at that cut to within one character's
    share; and the error never exceeds 1 nor is negative."""
    a, b = "X" + first.strip() + ".", "Y" + second.strip() + "."
    joined = a[:-1] + joiner + b
    err, name = ch.cut_error(a[:-1], b, joined)
    assert name is not None
    assert 0 <= err <= 1 / (len(a) + len(b) - 1) + 1e-9
