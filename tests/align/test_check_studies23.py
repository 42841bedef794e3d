"""Round 23: round 22's unseen false flags (batches 75, 76, now dev) as shapes.

Why: a dpa copy's headline told "zwei Feuerwehrleute verletzt" where the other copy's headline
told the residents' windows, while both bodies told the two firefighters word for word; the
figure is one headline's pick, not a changed fact.  The APA copy's "seit Längerem" (an
adverb made a noun) was read as a name, and a dpa rewrite's "für zwölf Stunden" against
"ein zwölfstündiger Warnstreik" as a changed count (batch 40).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_counted, german_lexicon
from workbench.core.check_counted import headline_figures, without_compounds
from workbench.core.checks import check_pair, page_tokens
from workbench.core.german_lexicon import nominalised
from workbench.core.number_words import compound_heads

HEAD_LEFT = "Großbrand in Batterielager: Anwohner sollen Fenster geschlossen halten"
HEAD_RIGHT = "Hollerbeck: Großbrand in Batterielager – zwei Feuerwehrleute verletzt"
BODY = "Bei dem Brand sind zwei Feuerwehrleute leicht verletzt worden."


def _headlines(left_page: list[str]) -> dict:
    pages = (page_tokens(left_page, "de"), page_tokens([HEAD_RIGHT, BODY], "de"))
    return check_pair(HEAD_LEFT, HEAD_RIGHT, left_lang="de", right_lang="de", pages=pages,
                      regrouped=False)  # one headline against one


def test_the_shipped_switches_are_on() -> None:
    assert check_counted.HEADLINE_TOLD and not check_counted.HEADLINE_FIGURES
    assert check_counted.COMPOUNDS and german_lexicon.NOMINALISED


def test_a_headline_figure_the_other_page_tells_elsewhere_is_no_change() -> None:
    assert _headlines([HEAD_LEFT, BODY]) == {}


def test_a_headline_figure_the_other_page_never_tells_stays_a_flag() -> None:
    other = "Bei dem Brand wurde niemand verletzt."
    assert _headlines([HEAD_LEFT, other]) == {"numbers": {"right_only": ["zwei"]}}


def test_without_the_switch_the_told_figure_is_flagged(monkeypatch) -> None:
    monkeypatch.setattr(check_counted, "HEADLINE_TOLD", False)
    assert _headlines([HEAD_LEFT, BODY]) == {"numbers": {"right_only": ["zwei"]}}


def test_a_replaced_headline_figure_stays_a_flag_though_the_page_tells_it() -> None:
    nums = {"left_only": ["30"], "right_only": ["40"]}
    told = (frozenset({"40"}), frozenset({"30"}))
    assert headline_figures(nums, True, told, ("uk", "uk")) == nums


@given(st.integers(min_value=11, max_value=10**6), st.booleans())
def test_only_told_values_leave_a_headline_row(value: int, told_there: bool) -> None:
    nums = {"left_only": [str(value)]}
    told = (frozenset(), frozenset({str(value)} if told_there else {str(value + 1)}))
    got = headline_figures(nums, True, told, ("en", "en"))
    assert got == ({} if told_there else nums)
    assert headline_figures(nums, False, told, ("en", "en")) == nums  # body rows: untouched


AK_LEFT = "Die AK fordert seit Längerem eine öffentliche Preisdatenbank für Lebensmittel."
AK_RIGHT = "Die AK verlangt deshalb eine öffentliche Preisdatenbank."


def test_an_adverb_made_a_noun_is_no_name() -> None:
    assert check_pair(AK_LEFT, AK_RIGHT, left_lang="de", right_lang="de") == {}


def test_without_the_switch_the_adverb_is_flagged(monkeypatch) -> None:
    monkeypatch.setattr(german_lexicon, "NOMINALISED", False)
    got = check_pair(AK_LEFT, AK_RIGHT, left_lang="de", right_lang="de")
    assert got == {"names": {"left_only": ["Längerem"]}}


def test_names_ending_in_em_stay_candidates() -> None:
    assert nominalised("Längerem") and nominalised("Größerem")
    assert not nominalised("Jerusalem")  # a name form of the dictionary
    assert not nominalised("Ekrem") and not nominalised("Nadeem")  # short; a vowel before
    assert not nominalised("Längeren") and not nominalised("LÄNGEREM")
    got = check_pair("Der Papst reiste nach Jerusalem.", "Der Papst reiste nach Rom.",
                     left_lang="de", right_lang="de")  # fmt: skip
    assert got == {"names": {"left_only": ["Jerusalem"], "right_only": ["Rom"]}}


STRIKE_LEFT = "Anfang November hatte ein zwölfstündiger Warnstreik den Verkehr lahmgelegt."
STRIKE_RIGHT = "Anfang November hatte ein Warnstreik den Zugverkehr für zwölf Stunden lahmgelegt."


def test_a_count_told_inside_a_compound_of_its_noun_is_no_change() -> None:
    assert compound_heads("zwölfstündiger", "de") == [(12, "stündiger")]
    assert check_pair(STRIKE_LEFT, STRIKE_RIGHT, left_lang="de", right_lang="de") == {}


def test_a_compound_of_another_count_or_noun_keeps_the_flag() -> None:
    other_count = STRIKE_LEFT.replace("zwölfstündiger", "achtstündiger")
    got = check_pair(other_count, STRIKE_RIGHT, left_lang="de", right_lang="de")
    assert got == {"numbers": {"right_only": ["zwölf"]}}
    nums = {"right_only": ["zwölf"]}
    other_noun = "Ein zwölfköpfiges Team kam."
    assert without_compounds(other_noun, "Es kam für zwölf Stunden.", nums, "de", "de") == nums


def test_without_the_switch_the_compound_count_is_flagged(monkeypatch) -> None:
    monkeypatch.setattr(check_counted, "COMPOUNDS", False)
    got = check_pair(STRIKE_LEFT, STRIKE_RIGHT, left_lang="de", right_lang="de")
    assert got == {"numbers": {"right_only": ["zwölf"]}}


COUNTS = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "zehn", "zwölf"]


@given(st.sampled_from(COUNTS), st.sampled_from(["stündige", "tägige", "jährige", "köpfige"]))
def test_compound_heads_read_the_leading_count(word: str, rest: str) -> None:
    values = dict(compound_heads(word + rest, "de"))
    assert rest in values.values()
    assert not compound_heads(word, "de")  # a whole number word is no compound
