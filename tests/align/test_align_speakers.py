"""Repeated speakers masked in the scorer's views (core/align_speakers.py, round 26)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.align import align
from workbench.core.align_inputs import scorer_views
from workbench.core.align_params import AlignParams
from workbench.core.align_speakers import mask, quiet_speakers, repeated_names

STORY = [
    "Die Pflegekräfte am Klinikum streiken seit Montag.",
    "Derzeit seien es teils bis zu 28 Patienten, sagte Verhandlungsführer Jens Albers.",
    "Das sei zu viel für eine Schicht, sagte Albers.",
    "Die Klinik wollte sich nicht äußern, wie Albers berichtete.",
]


def test_repeated_names_counts_sentences_not_tokens() -> None:
    assert repeated_names(STORY, 3) == frozenset({"Albers"})
    assert repeated_names(STORY, 4) == frozenset()
    # one sentence naming him twice is still one sentence
    assert repeated_names(["Albers und Albers.", "Nur Albers."], 3) == frozenset()


def test_german_common_nouns_are_no_speakers() -> None:
    texts = ["Der lange Streik geht weiter.", "Ein neuer Streik droht.", "Im Streik sind alle."]
    assert repeated_names(texts, 3) == frozenset()


def test_mask_takes_the_first_name_with_the_repeated_one() -> None:
    out = mask(STORY, frozenset({"Albers"}))
    assert "Jens" not in out[1] and "Albers" not in out[1]
    assert out[1].startswith("Derzeit seien es teils bis zu 28 Patienten, sagte")
    assert out[0] == STORY[0]


def test_mask_keeps_a_text_that_would_be_blank_and_the_first_word() -> None:
    assert mask(["Albers", "Mit Albers gesprochen."], frozenset({"Albers"})) == [
        "Albers", "Mit gesprochen.",
    ]  # fmt: skip


def test_quiet_speakers_masks_every_side_by_any_sides_repeats() -> None:
    right = ["Albers said 28 patients is too many.", "The clinic declined to comment."]
    left, new_right, none = quiet_speakers([STORY, right, None], 3)
    assert none is None
    assert all("Albers" not in t for t in [*left, *new_right])
    assert quiet_speakers([STORY, right], 0) == [STORY, right]


def test_scorer_views_mask_only_when_on() -> None:
    right = ["Die Pflegekräfte streiken.", "Es seien bis zu 28, sagte Albers."]
    off = scorer_views(STORY, right, None, None, AlignParams(), False)
    on = scorer_views(STORY, right, None, None, replace(AlignParams(), speaker_repeat_min=3),
                      False)  # fmt: skip
    assert "Albers" in off[0][0][1] and "Albers" not in on[0][0][1]
    assert "Albers" not in on[1][0][1]


def test_align_runs_with_speakers_masked() -> None:
    right = [
        "Seit Montag streiken die Pflegekräfte am Klinikum.",
        "Teils seien es bis zu 28 Patienten, sagte Verhandlungsführer Jens Albers.",
        "Das sei zu viel für eine Schicht, sagte Albers.",
        "Die Klinik äußerte sich nicht, wie Albers berichtete.",
    ]
    params = replace(AlignParams(), speaker_repeat_min=3)
    beads = align(STORY, right, params=params)
    assert [(b.left, b.right) for b in beads if b.left and b.right] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)),
    ]  # fmt: skip


words = st.text(alphabet="abcdefgh", min_size=1, max_size=6)


@given(st.lists(st.lists(st.sampled_from(["Albers", "Jens", "sagte", "heute", "28"]), min_size=1,
                         max_size=8).map(" ".join), min_size=1, max_size=6))  # fmt: skip
def test_mask_never_leaves_a_dropped_name_and_never_blanks(texts: list[str]) -> None:
    out = mask(texts, frozenset({"Albers"}))
    assert len(out) == len(texts)
    for before, after in zip(texts, out, strict=True):
        assert any(ch.isalnum() for ch in after)
        assert "Albers" not in after.split() or after == before
        assert len(after) <= len(before)


@given(st.lists(words, max_size=6))
def test_lower_case_texts_are_untouched(texts: list[str]) -> None:
    assert quiet_speakers([texts, texts], 2) == [texts, texts]
