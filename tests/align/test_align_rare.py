"""An end sentence glued to a one-language link sheds when it shares no rare key with it.

Why: in a same-language rewrite the DP may glue a neighbouring sentence to a right link
because character n-grams of topic words and inflection endings put it above chance
(batch 53's "Ремонт виконуватимуть бригади мостового загону." glued to the freight-train
sentence).  A sentence that truly belongs to a link shares a word beginning or a number that
few sentences of the pair hold (``core/align_rare``).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import FlatScorer, assert_told_once, make_sentences
from tests.align.test_align_story_pairs import assert_rule_frees
from workbench.core.align import AlignParams, align
from workbench.core.align_rare import rare_keys, sentence_keys, shed_unshared_ends
from workbench.core.align_repair import Bead

ON = replace(AlignParams(), one_language_rare_prefix=5, one_language_rare_most=2)
OFF = replace(AlignParams(), one_language_rare_prefix=0)

#: dev rewrites (never a check batch) and the gold sure bead the rule frees on gold spans
REWRITES = [
    ("batch53", "censor_net_uk__rivne1_uk", ((21,), (19,))),
    ("batch41", "heise_de__golem_de", ((37,), (27,))),
]


def test_the_shipped_rule_is_on() -> None:
    params = AlignParams()
    assert params.one_language_rare_prefix > 0 and params.one_language_rare_most >= 1


@pytest.mark.parametrize(("batch", "name", "bead"), REWRITES)
def test_a_glued_neighbour_comes_off_a_rewrite_link(batch: str, name: str, bead: tuple) -> None:
    """Measured with the likeliest core: with round 26's ``core_by_evidence`` the rule off
    already links heise / golem's sure 2-1 (25, 26 : 18), which the rule then trades for the
    bead it frees (5 sure beads found either way), so the study pins the core it was made on."""
    likeliest = replace(AlignParams(), core_by_evidence=0.0)
    assert_rule_frees(batch, name, bead, replace(OFF, core_by_evidence=0.0), likeliest)


def test_keys_are_word_beginnings_and_numbers() -> None:
    keys = sentence_keys("Der 51-Jährige muss ins Gefängnis, 38,4 Millionen.", 5)
    assert keys == {"51", "jähri", "muss", "gefän", "38", "4", "milli"}
    assert "der" not in keys  # words of fewer than four letters carry no key
    assert "~onen" in sentence_keys("Millionen", 4, ends=True)


def test_a_key_in_many_sentences_is_not_rare() -> None:
    left = ["Die Brücke ist gesperrt.", "Die Brücke wird repariert.", "Busse fahren ab Rivne."]
    right = ["Die Brücke bleibt zu.", "Busse fahren ab Rivne um sechs."]
    params = replace(AlignParams(), one_language_rare_prefix=5, one_language_rare_most=1)
    lefts, rights = rare_keys(left, right, params)  # type: ignore[misc]
    assert "brück" not in lefts[0]  # two sentences on the left hold it
    assert {"busse", "fahre", "rivne"} <= lefts[2] and lefts[2] == rights[1]
    assert rare_keys(left, right, OFF) is None


_WORDS = ["Brücke", "gesperrt", "Busse", "Rivne", "fahren", "2024", "ab", "Millionen"]
_TEXTS = st.lists(st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join), max_size=5)


@settings(max_examples=60, deadline=None)
@given(_TEXTS, _TEXTS, st.integers(1, 6), st.integers(1, 3), st.booleans())
def test_the_memo_gives_the_keys_afresh_and_keeps_them_from_callers(
    left: list[str], right: list[str], prefix: int, most: int, ends: bool
) -> None:
    """The kept keys of the last pair (the passes and the steps after them ask twice)
    equal the sentences' own keys held by 1..``most`` sentences of each side, whatever
    a caller does to the lists it was given."""
    params = replace(AlignParams(), one_language_rare_prefix=prefix,
                     one_language_rare_most=most, one_language_rare_ends=int(ends))  # fmt: skip
    rare_keys.cache_clear()  # type: ignore[attr-defined]
    rare_keys(left, right, params)[0].append(frozenset({"spoilt"}))  # type: ignore[index]
    again = rare_keys(list(left), list(right), params)
    assert again is not None
    sides = [[sentence_keys(t, prefix, ends) for t in side] for side in (left, right)]
    for own, other, keys in ((sides[0], sides[1], again[0]), (sides[1], sides[0], again[1])):
        for found, held in zip(keys, own, strict=True):
            assert found == {k for k in held if 1 <= sum(k in s for s in own) <= most
                             and 1 <= sum(k in s for s in other) <= most}  # fmt: skip


def test_an_end_without_a_shared_rare_key_comes_off() -> None:
    keys = ([frozenset({"zug"}), frozenset({"brück"})], [frozenset({"zug"})])
    beads = shed_unshared_ends([Bead((0, 1), (0,), 0.4, "2-1")], keys, FlatScorer())  # type: ignore[arg-type]
    assert [(b.left, b.right) for b in beads] == [((0,), (0,)), ((1,), ())]


def test_an_end_far_above_chance_stays() -> None:
    """In a text of few words every word recurs: a verbatim half shows its evidence instead."""
    keys = ([frozenset({"zug"}), frozenset()], [frozenset({"zug"})])
    bead = Bead((0, 1), (0,), 0.4, "2-1")
    assert shed_unshared_ends([bead], keys, FlatScorer(0.7), below=0.5) == [bead]  # type: ignore[arg-type]
    assert len(shed_unshared_ends([bead], keys, FlatScorer(0.3), below=0.5)) == 2  # type: ignore[arg-type]


def test_a_true_half_stays() -> None:
    keys = ([frozenset({"zug"}), frozenset({"rivne"})], [frozenset({"zug", "rivne"})])
    bead = Bead((0, 1), (0,), 0.4, "2-1")
    assert shed_unshared_ends([bead], keys, FlatScorer()) == [bead]  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from("abcdef"), max_size=3), min_size=2, max_size=5),
    st.lists(st.lists(st.sampled_from("abcdef"), max_size=3), min_size=1, max_size=4),
)
def test_shedding_keeps_order_and_a_core(lefts: list, rights: list) -> None:
    """Every sentence stays told once and in order; the core keeps a sentence a side, and each
    of its ends (on a side of two or more) shares a key with the other side."""
    keys = ([frozenset(k) for k in lefts], [frozenset(k) for k in rights])
    bead = Bead(tuple(range(len(lefts))), tuple(range(len(rights))), 0.4, "")
    out = shed_unshared_ends([bead], keys, FlatScorer())  # type: ignore[arg-type]
    assert [k for b in out for k in b.left] == list(range(len(lefts)))
    assert [k for b in out for k in b.right] == list(range(len(rights)))
    (core,) = [b for b in out if b.left and b.right]
    for side, ids in ((0, core.left), (1, core.right)):
        other = frozenset().union(*(keys[1 - side][k] for k in (core.left, core.right)[1 - side]))
        if len(ids) > 1:
            assert keys[side][ids[0]] & other and keys[side][ids[-1]] & other


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000), st.integers(4, 12))
def test_two_language_pairs_are_untouched(seed: int, size: int) -> None:
    """With an MT given the pair is not compared directly: the keys are never read."""
    left = make_sentences(size, seed)
    mt = [" ".join(word[::-1] + "x" for word in s.split()) for s in left]
    right = mt[:1] + [mt[1] + " " + mt[2]] + mt[3:]
    assert align(left, right, left_mt=mt, params=ON) == align(left, right, left_mt=mt, params=OFF)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000), st.integers(4, 12), st.integers(1, 2))
def test_one_language_alignments_tell_each_sentence_once(seed: int, size: int, at: int) -> None:
    left = make_sentences(size, seed)
    right = left[:at] + [left[at] + " " + left[at + 1]] + left[at + 2 :]  # two joined
    beads = align(left, right, params=ON)
    assert_told_once(beads, left, right)


def test_a_name_inside_the_other_sides_hyphen_compound_is_no_change() -> None:
    """Batch 44: once the rule took the deck off the headline link, the link was sure enough
    to be checked, and "Listerien" / "Listerien-Fund" was flagged as a dropped name."""
    from workbench.core.check_name_keys import _keys, _matches, _name_key
    from workbench.core.checks import check_pair

    compound = _keys("Listerien-Fund: Molkerei ruft Käse zurück")
    assert _matches(_name_key("Listerien"), compound)
    assert _matches(_name_key("Graz"), _keys("Graz-Liebenau"))
    assert not _matches(_name_key("Lieb"), _keys("Graz-Liebenau"))  # a whole part only
    left = "Rückruf: Molkerei Sennhof ruft Weichkäse wegen Listerien zurück"
    right = "Listerien-Fund: Allgäuer Genossenschaftsmolkerei ruft Weichkäse zurück"
    assert "Listerien" not in check_pair(left, right, left_lang="de", right_lang="de").get(
        "names", {}
    ).get("left_only", [])
