"""A quote linked to a sentence that tells none moves to the free quote beside it:
``AlignParams.quote_neighbour_relink`` (round 36, beads36: shipped 1, two-language pairs).

Why: batch 130's uk -> en paraphrase links the original's quote to a sentence of context the
paraphrase added and leaves the paraphrase's own quote unmatched next to it; a quotation mark
survives every language and the stand-in MT.  The measurement is in ``docs/align.md`` "Round
36 (beads36)".
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.ladders import ladders
from workbench.core.align import AlignParams
from workbench.core.align_quotes import opens_quote, relink_quotes, tells_quote
from workbench.core.align_repair import Bead

#: batch 130 (svitlohirski_visti_uk / ukraine_towns_monitor_en): the quote and the sentence of
#: context the paraphrase put after its own quote
LEFT = ("«Нам нікуди йти, у багатьох тут діти й літні батьки», – сказала керівниця "
        "ініціативної групи Надія Коваль.",)  # fmt: skip
RIGHT = ('"We have nowhere to go," one of the protest organisers told local media.',
         "Rents in towns across central and western Ukraine have climbed sharply since 2022, "
         "as families fleeing the war moved away from the front line.")  # fmt: skip
TWO = replace(AlignParams(), quote_neighbour_relink=1)
ALL = replace(AlignParams(), quote_neighbour_relink=2)


def _as_found() -> list[Bead]:
    """The beads the aligner left: the paraphrase's quote free, the original's quote on the
    added sentence."""
    return [Bead((), (0,), 0.0, "0-1"), Bead((0,), (1,), 0.4, "1-1")]


def _pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_ships_at_one_and_is_off_at_zero() -> None:
    """Shipped at 1, two-language pairs only (round 36: LOBO gains three dev beads; docs/align.md
    "Round 36 (beads36)"); at 0 the step returns the beads as given."""
    assert AlignParams().quote_neighbour_relink == 1
    off = replace(AlignParams(), quote_neighbour_relink=0)
    assert relink_quotes(_as_found(), (LEFT, RIGHT), off) == _as_found()


def test_batch130_quote_moves_to_quote() -> None:
    """The link leaves the added sentence for the free quote beside it; order holds."""
    out = relink_quotes(_as_found(), (LEFT, RIGHT), TWO)
    assert _pairs(out) == [((0,), (0,)), ((), (1,))]
    assert out[0].score == 0.4


def test_quote_marks() -> None:
    """Guillemets, low-high and ASCII marks open a quote; a quote's last sentence, which closes a
    mark before its attribution, tells one too (batch 16's two-sentence quote)."""
    assert opens_quote(LEFT[0]) and opens_quote(RIGHT[0]) and not opens_quote(RIGHT[1])
    assert opens_quote("„Das ist für uns extrem peinlich.“")
    assert opens_quote("– «Ми контролювали гру.")
    last = 'Розраховуємо відновити рух у звичному режимі до вечора", – сказав заступник.'
    assert tells_quote(last) and not opens_quote(last)
    assert not tells_quote("Die 6.300 Zuschauer hatten das Stadion bis 22.30 Uhr verlassen.")


def test_level_one_is_two_language_only() -> None:
    """At 1 a pair of one language is left alone (its words are the evidence); 2 reads every
    pair."""
    assert relink_quotes(_as_found(), (LEFT, RIGHT), TWO, same=True) == _as_found()
    assert _pairs(relink_quotes(_as_found(), (LEFT, RIGHT), ALL, same=True))[0] == ((0,), (0,))


def test_no_move_across_break_or_from_a_move() -> None:
    """A role break between the two sentences, or a free sentence that is a move's end, keeps
    the link where it is."""
    broken = (frozenset(), frozenset({1}))
    assert relink_quotes(_as_found(), (LEFT, RIGHT), TWO, broken) == _as_found()
    moved = [Bead((), (0,), 0.0, "0-1", move_to=2), Bead((0,), (1,), 0.4, "1-1"),
             Bead((1,), (), 0.0, "1-0", move_to=0)]  # fmt: skip
    texts = ((LEFT[0], "x"), RIGHT)
    assert relink_quotes(moved, texts, TWO) == moved


def test_both_quote_or_neither_stays() -> None:
    """A link whose sides agree is never moved, whatever stands beside it."""
    beads = [Bead((), (0,), 0.0, "0-1"), Bead((0,), (1,), 0.4, "1-1")]
    texts = (LEFT, (RIGHT[0], RIGHT[0]))
    assert relink_quotes(beads, texts, TWO) == beads


_TEXTS = st.sampled_from(['"A quote."', "A sentence.", "«Цитата».", "Речення."])




@settings(max_examples=200, deadline=None)
@given(ladders(_TEXTS))
def test_property_order_and_sentences_hold(case: tuple[list[Bead], tuple]) -> None:
    """Every sentence once and in order on both sides, as many beads and as many links as
    before; a moved link's sides now agree on the quote."""
    beads, texts = case
    out = relink_quotes(beads, texts, TWO)
    assert len(out) == len(beads)
    for side in (0, 1):
        seq = [k for b in out for k in (b.left, b.right)[side]]
        assert seq == list(range(len(texts[side])))
    links = [sum(bool(b.left and b.right) for b in x) for x in (beads, out)]
    assert links[0] == links[1]
    for before, after in zip(beads, out, strict=True):
        if after.left and after.right and (after.left, after.right) != (before.left, before.right):
            assert tells_quote(texts[0][after.left[0]]) == tells_quote(texts[1][after.right[0]])
