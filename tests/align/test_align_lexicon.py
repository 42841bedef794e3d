"""The in-document word table, the one-direction MT's reverse view, and profile reuse."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align import AlignParams, align_scored
from workbench.core.align_lexicon import _words, gloss, learn_lexicon, reverse_view
from workbench.core.align_profiles import KeepingBuilder
from workbench.core.similarity import ProfileBuilder, normalize_for_similarity


def _plain_lexicon(left, right, pairs, min_count=2, min_dice=0.3) -> dict[str, str]:
    """The table as its docstring defines it, written the obvious way (string-pair counts)."""
    words = [(_words(left[i]), _words(right[j])) for i, j in pairs]
    left_count = Counter(w for lw, _ in words for w in lw)
    right_count = Counter(v for _, rw in words for v in rw)
    joint = Counter(pair for lw, rw in words for pair in product(lw, rw))
    best: dict[str, tuple[float, int, str]] = {}
    for (w, v), count in joint.items():
        dice = 2 * count / (left_count[w] + right_count[v])
        key = (dice, count, v)
        if count >= min_count and dice >= min_dice and (w not in best or key > best[w]):
            best[w] = key
    return {w: key[2] for w, key in best.items()}


_WORDS = st.sampled_from(
    ["haus", "maison", "rot", "rouge", "der", "le", "Zürich", "été", "12", "a"]
)
_TEXTS = st.lists(st.lists(_WORDS, max_size=7).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    left=_TEXTS,
    right=_TEXTS,
    picks=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=25),
    min_count=st.integers(1, 3),
    min_dice=st.sampled_from([0.0, 0.3, 0.5, 1.0]),
)
def test_lexicon_equals_the_plain_definition(left, right, picks, min_count, min_dice) -> None:
    pairs = [(i % len(left), j % len(right)) for i, j in picks]
    expected = _plain_lexicon(left, right, pairs, min_count, min_dice)
    assert learn_lexicon(left, right, pairs, min_count=min_count, min_dice=min_dice) == expected


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=40) | st.lists(_WORDS, max_size=9).map(" ".join),
    table=st.dictionaries(st.sampled_from(["haus", "rot", "der", "zurich", "ete", "a", "12"]),
                          st.sampled_from(["maison", "rouge", "le", "", "a b"]), max_size=6),
)  # fmt: skip
def test_gloss_renders_each_known_word_and_keeps_the_others(text, table) -> None:
    """``gloss`` (mapped in C since round 21) is the word-by-word definition."""
    words = normalize_for_similarity(text).split()
    assert gloss(text, table) == " ".join(table.get(w, w) for w in words)
    assert gloss(text, table, {}, 3) == gloss(text, table)


def test_lexicon_ties_go_to_the_more_frequent_then_alphabetical_word() -> None:
    left = ["alpha beta", "alpha beta", "gamma"]
    right = ["zeta eta", "zeta eta", "theta"]
    table = learn_lexicon(left, right, [(0, 0), (1, 1), (2, 2)])
    assert table == {"alpha": "zeta", "beta": "zeta"}  # dice 1.0 twice each: "zeta" > "eta"


def test_keeping_builder_reuses_original_profiles_with_one_numbering() -> None:
    left = ["Der Rat tagt in Bern.", "Zweiter Satz."]
    right = ["Le conseil siège à Berne.", "Der Rat tagt in Bern."]  # a verbatim copy
    builder = KeepingBuilder(left, right)
    first = [builder.numbered(t) for t in left + right]
    assert first[0] is first[3]  # the copy shares the original's profile
    assert builder.numbered(left[1]) is first[1]  # asked again: not rebuilt
    fresh = ProfileBuilder()
    names = {v: k for k, v in builder._numbers.items()}
    for text, kept in zip(left + right, first, strict=True):
        plain = fresh.numbered(text)
        fresh_names = {v: k for k, v in fresh._numbers.items()}
        assert {names[g] for g in kept} == {fresh_names[g] for g in plain}
    gloss = builder.numbered("le rat siège")  # not an original: built, not kept
    assert builder.numbered("le rat siège") is not gloss
    builder.forget()
    assert builder.numbered(left[0]) is not first[0]


_GERMAN = [
    "Der Hund schläft im Garten.",
    "Die Katze trinkt Milch im Haus.",
    "Der Hund und die Katze spielen im Garten.",
    "Die Kinder füttern den Hund.",
    "Die Katze schläft.",
    "Die Kinder trinken Milch.",
]
_MT = [  # the engine failed on sentence 2 and returned it untranslated
    "le chien dort dans le jardin",
    "le chat boit du lait dans la maison",
    "Der Hund und die Katze spielen im Garten.",
    "les enfants nourrissent le chien",
    "le chat dort",
    "les enfants boivent du lait",
]
_FRENCH = [
    "Le chien dort au jardin.",
    "Le chat boit du lait à la maison.",
    "Le chien et le chat jouent au jardin.",
    "Les enfants nourrissent le chien.",
    "Le chat dort.",
    "Les enfants boivent du lait.",
]


def test_reverse_view_glosses_the_other_side_through_the_mt_words() -> None:
    """left->right MT: the right side comes back in the left language, word by word."""
    left_view, right_view = reverse_view(_GERMAN, _FRENCH, _MT, None)
    assert left_view == _GERMAN
    assert len(right_view) == len(_FRENCH)
    words = right_view[2].split()
    assert "hund" in words and "katze" in words  # chien, chat: twice each beside Hund, Katze
    # the other direction: right_mt is the MT of the right side into the left language
    left_view, right_view = reverse_view(_FRENCH, _GERMAN, None, _MT)
    assert right_view == _GERMAN
    assert {"hund", "katze"} <= set(left_view[2].split())


def test_one_direction_mt_link_keeps_evidence_where_the_mt_failed() -> None:
    """The reverse view sees the pair the failed MT sentence hides."""
    on = AlignParams()
    off = replace(on, mt_reverse_view=False)
    beads_on, with_view = align_scored(_GERMAN, _FRENCH, left_mt=_MT, params=on)
    _beads, without = align_scored(_GERMAN, _FRENCH, left_mt=_MT, params=off)
    assert len(with_view.views) == 2 and len(without.views) == 1
    assert with_view.evidence(2, 1, 2, 1) > without.evidence(2, 1, 2, 1) + 0.05
    assert [(b.left, b.right) for b in beads_on] == [((k,), (k,)) for k in range(6)]
