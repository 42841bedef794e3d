"""Word-mode diffs (hypothesis: ops rebuild both texts) and the per-pair checks."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.anchors import name_key, normalize_number, transliterate
from workbench.core.checks import check_pair, name_differences, number_differences
from workbench.core.diff import apply_ops, tokenize, word_diff

WORDS = st.sampled_from(
    ["the", "bridge", "closed", "Brücke", "мост", "42,000", "桥", "!", " ", "\n"]
)
TEXTS = st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=25).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_ops_rebuild_both_texts_exactly(a: str, b: str) -> None:
    result = word_diff(a, b)
    assert apply_ops(result.ops) == (a, b)
    assert all(op in (-1, 0, 1) and text for op, text in result.ops)
    assert 0.0 <= result.edit_ratio <= 1.0
    assert json.loads(json.dumps(result.ops, ensure_ascii=False)) == result.ops


@given(TEXTS)
def test_tokenize_is_lossless(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_word_mode_keeps_whole_words() -> None:
    ops = word_diff("The council approved the budget.", "The council rejected the budget.").ops
    assert ops == [[0, "The council "], [-1, "approved"], [1, "rejected"], [0, " the budget."]]


def test_scripts_without_spaces_fall_back_to_characters() -> None:
    ops = word_diff("我爱北京天安门", "我爱上海天安门").ops
    assert ops == [[0, "我爱"], [-1, "北京"], [1, "上海"], [0, "天安门"]]
    assert tokenize("ภาษาไทย") == list("ภาษาไทย")


def test_edit_ratio_bounds() -> None:
    assert word_diff("same text", "same text").edit_ratio == 0.0
    assert word_diff("same text", "same text").ops == [[0, "same text"]]
    assert word_diff("alpha", "omega").edit_ratio == 1.0
    assert word_diff("", "").ops == []
    small = word_diff("About 42,000 vehicles a day.", "About 45,000 vehicles a day.").edit_ratio
    assert 0 < small < 0.3


def test_numbers_normalised_per_language() -> None:
    assert normalize_number("10,000", "en") == normalize_number("10.000", "de") == "10000"
    assert normalize_number("10 000", "fr") == normalize_number("10\u00a0000", "ru") == "10000"
    assert normalize_number("3.5", "en") == normalize_number("3,5", "de") == "3.5"
    assert normalize_number("1,5", "uk") == "1.5"
    assert normalize_number("10.000") == "10000"  # no language: a 3-digit group is thousands
    assert number_differences("It cost 10,000 euros.", "Es kostete 10.000 Euro.", "en", "de") == {}
    assert number_differences("3.5 km", "3,5 km", "en", "fr") == {}
    differs = number_differences("It cost 10,000 euros.", "Cela coûte 11 000 euros.", "en", "fr")
    assert differs == {"left_only": ["10,000"], "right_only": ["11 000"]}
    # The same digits mean different numbers in en and de: 10.000 (de) = 10000, 10.000 (en) = 10.
    assert number_differences("10.000", "10.000", "en", "de") != {}


def test_repeated_numbers_count_as_a_multiset() -> None:
    assert number_differences("2 and 2", "2 and 3", "en", "en") == {
        "left_only": ["2"],
        "right_only": ["3"],
    }


def test_names_transliterated_across_scripts() -> None:
    assert transliterate("Москва, Шольц") == "Moskva, Sholts"
    assert name_key("Зеленский") == name_key("Zelensky") == name_key("Selenskyj")
    assert name_key("Київ") == name_key("Kyiv") == name_key("Kiew")
    found = name_differences(
        "Yesterday President Zelensky met Olaf Scholz in Kyiv.",
        "Вчера президент Зеленский встретился в Киеве.",
    )
    assert found == {"left_only": ["Olaf", "Scholz"]}


def test_sentence_initial_capitals_are_not_names() -> None:
    assert name_differences("Storm hits. Police closed roads.", "Roads were closed.") == {}


def test_german_nouns_are_not_names_when_mt_translated_them() -> None:
    flags = check_pair(
        "Gestern besuchte Präsident Selenskyj das Krankenhaus in Kiew.",
        "Yesterday President Zelensky visited the hospital in Kyiv and Berlin.",
        left_lang="de",
        right_lang="en",
        left_mt="Yesterday visited President Selenskyj the hospital in Kiev.",
    )
    assert flags == {"names": {"right_only": ["Berlin"]}}


def test_check_pair_skips_one_sided_pairs_and_reports_numbers() -> None:
    assert check_pair("Only left 5.", "", left_lang="en", right_lang="en") == {}
    flags = check_pair("Costs rose to 42,000 euros.", "Costs rose to 45,000 euros.",
                       left_lang="en", right_lang="en")  # fmt: skip
    assert flags == {"numbers": {"left_only": ["42,000"], "right_only": ["45,000"]}}


def test_rewrite_diff_never_splits_a_word() -> None:
    left, right = "could cost them millions.", "could cost the local economy several million euros."
    assert word_diff(left, right).ops == [
        [0, "could cost "],
        [-1, "them millions"],
        [1, "the local economy several million euros"],
        [0, "."],
    ]


PROSE = st.lists(
    st.sampled_from(["the", "them", "million", "millions", "euros", "cost", "could", "local"]),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(PROSE, PROSE)
def test_every_op_boundary_is_a_token_boundary(a: str, b: str) -> None:
    ops = word_diff(a, b).ops
    assert apply_ops(ops) == (a, b)
    for text in (a, b):
        cuts = {0}
        for token in tokenize(text):
            cuts.add(max(cuts) + len(token))
        for side in ((-1, 0), (0, 1)):
            pos, seen = 0, {0}
            for op, piece in ops:
                if op in side:
                    pos += len(piece)
                    seen.add(pos)
            if "".join(p for op, p in ops if op in side) == text:
                assert seen <= cuts, (text, ops)


def test_cosmetic_changes_are_only_typography() -> None:
    from workbench.core.diff import is_cosmetic

    assert is_cosmetic("Ukraine's army", "Ukraine’s army")
    assert is_cosmetic('He said "no".', "He said «no».")
    assert is_cosmetic("Kyiv - the capital", "Kyiv — the capital")
    assert is_cosmetic("North Korean Troops", "North Korean troops")
    assert is_cosmetic("two  spaces", "two\u00a0spaces")
    assert not is_cosmetic("same", "same")  # identical is unchanged, not cosmetic
    assert not is_cosmetic("10,000 troops", "11,000 troops")
    assert not is_cosmetic("Ukraine's army", "Ukraines army")  # a dropped mark is an edit


@given(st.text(max_size=40))
def test_cosmetic_is_symmetric_and_survives_recasing(text: str) -> None:
    from workbench.core.diff import is_cosmetic

    other = text.swapcase()
    assert is_cosmetic(text, other) == is_cosmetic(other, text)
    if text != other and text.casefold() == other.casefold():
        assert is_cosmetic(text, other)
