"""The numpy n-gram rows hold exactly the string profiles' sets; batched move gains and
the anchor chain's unique keys equal their one-pair-at-a-time definitions."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core.align_chain import _unique_pairs
from workbench.core.align_grams import _by_text, view_rows
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.similarity import ProfileBuilder, normalize_for_similarity

_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "É", "日本", "ß",
     "x_y", "x", "y", "x_y_x", "y_", "_", "e\u0301", "", "  ", "\U0001d538", "a.b", "Zürich-West"]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_WORDS, max_size=7).map(" ".join), max_size=7)


def _sets(rows, count: int) -> list[frozenset[int]]:
    ids, starts = rows
    return [frozenset(ids[starts[k] : starts[k + 1]].tolist()) for k in range(count)]


@settings(max_examples=150, deadline=None)
@given(left=_TEXTS, right=_TEXTS)
@example(left=["a_b c"], right=["a b_c"])  # "_".join makes these bigrams one string
@example(left=["x y", "x_y"], right=["x_y x", "y_ x"])  # a plain bigram spells a word
@example(left=["", "  "], right=["."])  # no word at all: an empty profile
def test_rows_are_the_string_profiles(left: list[str], right: list[str]) -> None:
    rows = view_rows(left, right)
    assert rows is not None  # the packed form covers these alphabets
    builder = ProfileBuilder()
    plain = [builder.profile(t) for t in left], [builder.profile(t) for t in right]
    got = _sets(rows[0], len(left)), _sets(rows[1], len(right))
    for side in (0, 1):
        for k, (ids, strings) in enumerate(zip(got[side], plain[side], strict=True)):
            assert len(ids) == len(strings)  # no repeats within a sentence
            assert len(rows[side][0][rows[side][1][k] : rows[side][1][k + 1]]) == len(ids)
    for i, a in enumerate(plain[0]):  # same id <=> same n-gram string, across sides too
        for j, b in enumerate(plain[1]):
            assert len(got[0][i] & got[1][j]) == len(a & b)
        for j, b in enumerate(plain[0]):
            assert len(got[0][i] & got[0][j]) == len(a & b)


def test_a_huge_alphabet_falls_back_to_the_string_path() -> None:
    text = "".join(chr(0x20000 + k) for k in range(40_000))  # 40,000 distinct CJK characters
    assert view_rows([text], ["x"]) is None


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS.filter(bool), right=_TEXTS.filter(bool), views=st.sampled_from([1, 2]))
def test_move_gains_equal_the_pair_coverages(left, right, views) -> None:
    scorer = BeadScorer(left, right, [left] * views, [right] * views, AlignParams())
    pairs = [(i, j) for i in range(len(left)) for j in range(len(right))]
    gains = scorer.move_gains([i for i, _ in pairs], [j for _, j in pairs]).tolist()
    for (i, j), gain in zip(pairs, gains, strict=True):
        left_cover, right_cover = scorer.pair_coverages(i, j)
        assert gain == min(left_cover - scorer.chance[0][i], right_cover - scorer.chance[1][j])


def _plain_unique_keys(texts: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for k, text in enumerate(texts):
        words = normalize_for_similarity(text).split()
        keys = {a + " " + b for a, b in zip(words, words[1:], strict=False)}
        keys.update(w for w in words if len(w) >= 7)
        repeated.update(keys & seen.keys())
        seen.update(dict.fromkeys(keys, k))
    return {key: k for key, k in seen.items() if key not in repeated}


@settings(max_examples=150, deadline=None)
@given(left=_TEXTS, right=_TEXTS)
def test_unique_pairs_are_the_keys_unique_on_both_sides(left, right) -> None:
    lk, rk = _plain_unique_keys(left), _plain_unique_keys(right)
    expected = sorted({(lk[k], rk[k]) for k in lk.keys() & rk.keys()}, key=lambda p: (p[0], -p[1]))
    assert _unique_pairs(left, right) == expected


def test_the_string_fallback_aligns_the_same(monkeypatch) -> None:
    from workbench.core import align_views
    from workbench.core.align import align

    left = ["Der Rat tagt in Bern.", "Er beschliesst 12 Gesetze.", "Das Wetter ist gut.", "Ende."]
    right = ["Le conseil siège à Berne.", "Il adopte 12 lois.", "Fin.", "Il fait beau."]
    fast = align(left, right)
    monkeypatch.setattr(align_views, "view_rows", lambda lc, rc, cache=None: None)
    assert align(left, right) == fast


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(st.lists(st.integers(0, 40), max_size=12, unique=True), max_size=30),
    wide=st.booleans(),
)
def test_pairs_by_text_are_the_stable_order(texts: list[list[int]], wide: bool) -> None:
    """Round 40: ``_by_text`` (one sort of packed (text, run) integers) gives the runs of
    pairs ordered by key then text exactly as a stable sort by text does, also when the
    packing is too wide for 32 bits (the argsort then)."""
    pairs = sorted((key, text) for text, keys in enumerate(texts) for key in keys)
    distinct = sorted({key for key, _text in pairs})
    run = np.array([distinct.index(key) for key, _text in pairs], np.int32)
    who = np.array([text for _key, text in pairs], np.uint16)
    size = (1 << 30) if wide else len(distinct)
    got = _by_text(run, who, size)
    assert got.dtype == np.int32
    assert got.tolist() == run.take(np.argsort(who, kind="stable")).tolist()
