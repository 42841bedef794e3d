"""A half beside a link with one word the whole pair says only there (round 38, beads38).

Why: the merge read as its 1-1 core is again the largest class of missed copy, translation and
rewrite beads (65 in 41 dev batches), and in one language most such halves stand free next to
the partner with the word gate refusing them: too few keys of their own, or too small a share
of what the merged sentence adds.  A key said in exactly one sentence of each side (hunalign's
hapax anchor) is stronger evidence than a count of common words; ``ordered_half_unique_keys``
lets such a half past the key count and the residual share (the order and the glue gate still
read it).  Batch 104's rewrite merged "… 73-річний чоловік." + "Його госпіталізували …" into one
sentence ending "якого потім госпіталізували": one key of its own, said nowhere else.  A study:
shipped off (``docs/align.md`` "Round 38 (beads38)").
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once
from tests.align.test_align_ordered_halves import _join, _spans
from workbench.core import align_ordered_halves
from workbench.core.align import AlignParams
from workbench.core.align_ordered_halves import document_unique, half_shape, key_sequence
from workbench.core.align_repair import Bead

OFF = replace(AlignParams(), ordered_half_unique_keys=0)
ON = replace(AlignParams(), ordered_half_unique_keys=1)

#: batch 104 (varosh_uk -> 5_ua_uk, dev rewrite): the wire's two sentences (left) and the
#: rewrite's one (right); gold sure L[17, 18] : R[13]
WIRE = ["Рятувальники понад годину розбирали завали господарської будівлі, під якими опинився "
        "73-річний чоловік.",
        "Його госпіталізували до Тячівської районної лікарні, стан стабільний.",
        "Ще одна жінка травмувала голову через падіння цегли з димаря."]  # fmt: skip
REWRITE = ["Рятувальники понад годину діставали з-під завалів господарської будівлі 73-річного "
           "чоловіка, якого потім госпіталізували.",
           "Постраждала також жінка, на яку впала цегла з димаря."]  # fmt: skip
#: the aligner's output at START: the core linked, the half unmatched beside it
CORE = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.5, "1-1")]


def test_ships_off_and_reads_words_only() -> None:
    """A study: off (0), and a whole number is no unique key unless the grid switch says so."""
    assert AlignParams().ordered_half_unique_keys == 0
    assert align_ordered_halves.UNIQUE_FIGURES == 0
    assert _join(CORE, (WIRE, REWRITE), OFF) == CORE


def test_document_unique_keys_are_said_once_a_side() -> None:
    texts = (["Die Bergbehörde prüft.", "Die Bergbehörde sperrt."], ["Die Bergbehörde prüft."])
    unique = document_unique(texts)
    assert "prüft" in unique and "bergb" not in unique  # said twice on the left
    assert "sperr" not in unique  # said on one side only


def test_batch104_half_joins_on_its_one_unique_key() -> None:
    """One key of its own ("госпі"): refused off by the key count, taken on; end to end the
    joined link is the gold's 2-1."""
    unique = document_unique((WIRE, REWRITE))
    assert "госпі" in unique
    args = (REWRITE[0], WIRE[0], WIRE[1], True)
    assert half_shape(*args, OFF, unique) is None
    assert half_shape(*args, ON, unique) == "ordered"
    assert half_shape(*args, ON, frozenset()) is None
    joined = _join(CORE, (WIRE, REWRITE), replace(ON, ordered_half_strong=0))
    assert _spans(joined) == [((0, 1), (0,)), ((2,), (1,))]


@pytest.mark.parametrize("figures", [0, 1])
def test_a_figure_counts_only_under_the_switch(monkeypatch: pytest.MonkeyPatch,
                                               figures: int) -> None:  # fmt: skip
    """Batch 52's age retold ("51 Jahre alt" / "Der 51-Jährige"): a unique figure is no
    evidence of a half unless ``UNIQUE_FIGURES`` (the grid's second axis) is on."""
    monkeypatch.setattr(align_ordered_halves, "UNIQUE_FIGURES", figures)
    whole = "Der Mann wurde verurteilt, er ist 51 Jahre alt."
    part = "Der Mann wurde verurteilt."
    half = "Der 51-Jährige schwieg."
    unique = document_unique(([whole], [part, half]))
    got = half_shape(whole, part, half, True, ON, unique)
    assert (got is not None) == bool(figures)


_WORDS = st.sampled_from(["Versorger", "erhöht", "Gaspreise", "Haushalte", "Prozent", "52",
                          "Umland", "Kunden", "und", "die", "17", "Sommer"])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=10), st.lists(_WORDS, min_size=1, max_size=6),
       st.lists(_WORDS, min_size=1, max_size=6), st.booleans(),
       st.sets(_WORDS.map(lambda w: w.casefold()[:5]), max_size=6))  # fmt: skip
def test_unique_reading_only_adds_and_needs_a_unique_key_of_the_half(
    whole: list[str], part: list[str], half: list[str], after: bool, unique: set[str]
) -> None:
    """Every half accepted off is accepted on with the same shape; a half accepted only on
    holds a unique, non-figure key of the sentence that its partner lacks."""
    texts = (" ".join(whole), " ".join(part), " ".join(half))
    off = half_shape(*texts, after, OFF, frozenset(unique))
    on = half_shape(*texts, after, ON, frozenset(unique))
    if off is not None:
        assert on == off
    if on is not None and off is None:
        keys = [{k for k in key_sequence(t) if k} for t in texts]
        rare = (keys[0] & keys[2]) - keys[1]
        assert any(k in unique and not k.isdigit() for k in rare)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WIRE + REWRITE), min_size=2, max_size=5),
       st.lists(st.sampled_from(WIRE + REWRITE), min_size=1, max_size=4))  # fmt: skip
def test_every_sentence_is_told_once(left: list[str], right: list[str]) -> None:
    """On any texts, the join keeps every sentence once and in order."""
    beads = [Bead((0,), (0,), 0.5, "1-1")]
    beads += [Bead((k,), (), 0.0, "1-0") for k in range(1, len(left))]
    beads += [Bead((), (k,), 0.0, "0-1") for k in range(1, len(right))]
    joined = _join(beads, (left, right), replace(ON, ordered_half_strong=0))
    assert_told_once(joined, left, right)
