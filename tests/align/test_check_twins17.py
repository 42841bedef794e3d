"""Round 17: a translation's changed count told as a number word, or on a one-sided row.

Invented sentences in the shape of a dev miss (batch 53, a German / French pair): "23
Gemeinden" against "Vingt-deux communes", each in a sentence the aligner left alone, the
French one with confidence .20 (under the flag gate).  ``TWIN_WORDS`` lets number words of
10 or more be twins; ``LONE_ROWS`` lets a twin whose other figure landed on a checked row
land on a one-sided row below the gate (a one-sided row is no link: nothing unsure is
flagged).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_twins
from workbench.core.check_numbers import quantities
from workbench.core.check_twins import figure_twins, with_twins
from workbench.core.number_words import german_number

DE = ["Betroffen sind 23 Gemeinden.", "Die Feuerwehr war die ganze Nacht im Einsatz."]
FR = ["Les pompiers sont intervenus toute la nuit.", "Vingt-deux communes sont touchées."]

#: Number words 10-99 the readers know, by language (value -> word).
WORDS = {
    "de": {12: "zwölf", 15: "fünfzehn", 22: "zweiundzwanzig", 30: "dreißig", 40: "vierzig"},
    "fr": {12: "douze", 15: "quinze", 22: "vingt-deux", 30: "trente", 40: "quarante"},
    "en": {12: "twelve", 15: "fifteen", 22: "twenty-two", 30: "thirty", 40: "forty"},
    "uk": {12: "дванадцять", 15: "п'ятнадцять", 22: "двадцять два", 30: "тридцять", 40: "сорок"},
}


def test_the_shipped_switches_are_on() -> None:
    assert check_twins.TWIN_WORDS and check_twins.LONE_ROWS


def test_a_count_told_as_a_number_word_opposite_is_a_twin() -> None:
    assert figure_twins(DE, FR, "de", "fr") == [("23", "Vingt-deux")]
    assert figure_twins(FR, DE, "fr", "de") == [("Vingt-deux", "23")]


def test_a_small_number_word_is_no_figure_and_crowds_no_row() -> None:
    # "drei" is wording: it neither twins with "4" nor makes the count's row crowded.
    crowded = ["Betroffen sind 23 Gemeinden in drei Landkreisen.", DE[1]]
    assert figure_twins(crowded, FR, "de", "fr") == [("23", "Vingt-deux")]
    assert figure_twins(["Es gab drei Tote."], ["Il y a eu 4 morts."], "de", "fr") == []


def test_the_switch_off_keeps_number_words_out(monkeypatch) -> None:
    monkeypatch.setattr(check_twins, "TWIN_WORDS", False)
    assert figure_twins(DE, FR, "de", "fr") == []


def test_german_tens_with_sharp_s_are_read_however_they_are_cased() -> None:
    assert german_number("dreißig") == german_number("Dreissig") == 30
    assert german_number("zweiunddreißig") == 32
    assert quantities("Es waren dreißig Fälle.", "de") == [("dreißig", "30")]


def test_a_twin_lands_on_a_lone_row_under_the_gate_when_its_other_figure_landed() -> None:
    rows = [(DE[0], ""), (DE[1], FR[0]), ("", FR[1])]
    flags: list[dict] = [{}, {}, {}]
    got = with_twins(rows, flags, [("23", "Vingt-deux")], [True, True, False], ("de", "fr"))
    assert got == [{"numbers": {"left_only": ["23"]}}, {},
                   {"numbers": {"right_only": ["Vingt-deux"]}}]  # fmt: skip
    # no foot on a checked row: nothing lands
    none = with_twins(rows, flags, [("23", "Vingt-deux")], [False, True, False], ("de", "fr"))
    assert none == [{}, {}, {}]


def test_an_unsure_link_never_takes_a_lone_rows_twin() -> None:
    rows = [(DE[0], ""), (DE[1], FR[1])]  # the French count sits in an unsure link
    got = with_twins(rows, [{}, {}], [("23", "Vingt-deux")], [True, False], ("de", "fr"))
    assert got == [{"numbers": {"left_only": ["23"]}}, {}]


def test_the_switch_off_keeps_twins_off_rows_under_the_gate(monkeypatch) -> None:
    monkeypatch.setattr(check_twins, "LONE_ROWS", False)
    rows = [(DE[0], ""), ("", FR[1])]
    got = with_twins(rows, [{}, {}], [("23", "Vingt-deux")], [True, False], ("de", "fr"))
    assert got == [{"numbers": {"left_only": ["23"]}}, {}]


_LANGS = st.sampled_from(sorted(WORDS))


@given(_LANGS, _LANGS, st.sampled_from(sorted(WORDS["de"])), st.sampled_from(sorted(WORDS["de"])))
def test_a_number_word_twins_a_figure_only_when_their_values_differ(
    word_lang: str, digit_lang: str, v: int, w: int
) -> None:
    if word_lang == digit_lang:
        return  # one-language pairs make no twins
    left = [f"{WORDS[word_lang][v]} x."]
    right = [f"{w} x."]
    twins = figure_twins(left, right, word_lang, digit_lang)
    if v == w:
        assert twins == []  # a count and its own number word: told by both
    elif max(v, w) <= 1.5 * min(v, w):
        assert twins == [(WORDS[word_lang][v], str(w))]
    else:
        assert twins == []


@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=6))
def test_lone_row_twins_never_flag_an_unsure_link(shape: list) -> None:
    # Each row: (has left, has right, checked); the twin's figures are on every row's sides.
    rows = [(DE[0] if a else "", FR[1] if b else "") for a, b, _ in shape]
    checked = [c for _, _, c in shape]
    got = with_twins(rows, [{} for _ in rows], [("23", "Vingt-deux")], checked, ("de", "fr"))
    for (left, right), ok, flags in zip(rows, checked, got, strict=True):
        if left and right and not ok:  # an unsure link holding both: TWIN_ROWS may flag it
            continue
        if flags and not ok:
            assert not (left and right)  # below the gate only a one-sided row is flagged
