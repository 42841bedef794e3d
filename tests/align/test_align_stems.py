"""Word beginnings and spelled numbers as extra words of a one-language comparison.

Why: a same-language rewrite rewords with other forms of its words ("Kühllastwagen" /
"Kühllaster") and writes figures as words ("дев'яти" / "9"); ``align_stems`` appends
each long word's beginning and each spelled number's digits to the compared text, so
the n-gram profiles count them as shared words.  Off by default
(``AlignParams.one_language_prefix`` 0, ``one_language_numbers`` 0): leave-one-batch-out
on the dev story pairs decides (docs/align.md, round 16).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from workbench.core.align import AlignParams, align
from workbench.core.align_stems import stem_views, with_stems
from workbench.core.similarity import chrf

ON = replace(AlignParams(), one_language_prefix=5, one_language_numbers=1)


def test_a_compound_and_its_short_form_share_a_beginning() -> None:
    left = with_stems("Ein Kühllastwagen stand quer", 5, False)
    right = with_stems("Ein Kühllaster stand quer", 5, False)
    assert left.endswith(" Kühll") and right.endswith(" Kühll")
    plain = chrf("Ein Kühllastwagen stand quer", "Ein Kühllaster stand quer")
    assert chrf(left, right) > plain


def test_a_spelled_number_is_read_as_its_digits() -> None:
    text = "Температура впала до мінус дев'яти градусів"
    assert with_stems(text, 0, True).split()[-1] == "9"
    assert with_stems("sieben Patienten", 0, True).endswith(" 7")
    assert with_stems("sieben Patienten", 0, False) == "sieben Patienten"


def test_short_words_and_digits_add_nothing() -> None:
    assert with_stems("Der Bus kam um 9", 5, True) == "Der Bus kam um 9"


def test_longer_keeps_only_the_long_words_beginnings() -> None:
    text = "Ein Kühllastwagen mit Bussen"
    assert with_stems(text, 5, False, 9).split()[-1] == "Kühll"
    assert "Busse" not in with_stems(text, 5, False, 9).split()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=6), st.integers(0, 8), st.booleans(),
       st.integers(0, 12))  # fmt: skip
def test_the_view_keeps_each_text_as_its_start(texts, prefix, numbers, longer) -> None:
    view = stem_views(texts, prefix, numbers, longer)
    assert len(view) == len(texts)
    for text, seen in zip(texts, view, strict=True):
        assert seen.startswith(text)
        added = seen[len(text) :].split()
        assert all(len(w) <= prefix or w.isdigit() for w in added)


def test_off_by_default() -> None:
    params = AlignParams()
    assert params.one_language_prefix == 0 and not params.one_language_numbers


@settings(max_examples=10, deadline=None)
@given(st.integers(4, 14), st.integers(1, 50), st.integers(3, 6))
def test_a_copy_stays_aligned_one_to_one(count, seed, prefix) -> None:
    sentences = make_sentences(count, seed)
    params = replace(ON, one_language_prefix=prefix)
    beads = align(sentences, list(sentences), params=params)
    assert [(b.left, b.right) for b in beads] == [((k,), (k,)) for k in range(count)]
