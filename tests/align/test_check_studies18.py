"""Round 18: round 17's unseen flag errors, as shapes.

Invented sentences in the shape of two unseen errors now on dev pages: a German rewrite
adding "Geduld" (patience, also a family name; dev b16's "Knapper Sieg", victory, also a
river) read as a name (``german_ambiguous``), and a Ukrainian rewrite's vote count "17
депутатів із 34" against "16 депутатів" in two rows the checks did not read together
(``check_twins.UNIT_TWINS`` with ``UNIT_UNBOUND``).  The third unseen error, "понад 3,2 млн"
against "3,4 млн", is a hedge the other figure meets: pinned below as one count, as
``check_rounded`` reads it, and a hedge the other figure contradicts as a change.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import check_twins, german_ambiguous
from workbench.core.check_twins import figure_twins
from workbench.core.checks import check_pair, page_tokens
from workbench.core.german_ambiguous import _data, named, readings

DE = {"left_lang": "de", "right_lang": "de"}


def test_a_noun_that_is_also_a_name_is_no_name_unless_a_page_names_it() -> None:
    assert readings("Geduld") == "N" and readings("Sieg") == "T" and readings("Werk") == ""
    assert check_pair("Die Anwohner brauchen jetzt Geduld, sagte sie.",
                      "Die Anwohner brauchen jetzt vor allem Ruhe, sagte sie.", **DE) == {}
    assert check_pair("Stichwahl: Wendt gewinnt gegen AfD-Kandidaten",
                      "Knapper Sieg gegen AfD: Wendt gewinnt", **DE) == {}  # fmt: skip
    # a person (a first name or a title before it) or a place (a bare preposition) is a name
    for left in ("Das sagte Anna Geduld am Montag.", "Frau Geduld sagte das am Montag.",
                 "Anna Geduld sagte das am Montag."):
        got = check_pair(left, "Das sagte die Sprecherin am Montag.", **DE)
        assert got == {"names": {"left_only": ["Geduld"]}}
    got = check_pair("Pendler fahren täglich nach Baden.", "Pendler fahren täglich los.", **DE)
    assert got == {"names": {"left_only": ["Baden"]}}


def test_the_page_says_what_the_word_is() -> None:
    """ "ganz Niedersachsen" in one sentence, "in Niedersachsen" in another (dev b56)."""
    page = page_tokens(["Die Seuche ist in Niedersachsen ausgebrochen.",
                        "Für ganz Niedersachsen gilt ein Verbot."], "de")  # fmt: skip
    assert "Niedersachsen" in page.named
    other = page_tokens(["Für das Land gilt ein Verbot."], "de")
    got = check_pair("Für ganz Niedersachsen gilt ein Verbot.", "Für das Land gilt ein Verbot.",
                     pages=(page, other), regrouped=False, **DE)  # fmt: skip
    assert got == {"names": {"left_only": ["Niedersachsen"]}}
    assert check_pair("Für ganz Niedersachsen gilt ein Verbot.", "Für das Land gilt ein Verbot.",
                      **DE) == {}  # fmt: skip


def test_switched_off_the_word_stays_a_name_candidate(monkeypatch) -> None:
    monkeypatch.setattr(german_ambiguous, "AMBIGUOUS_NOUNS", False)
    got = check_pair("Die Anwohner brauchen jetzt Geduld.", "Die Anwohner brauchen jetzt Ruhe.",
                     **DE)  # fmt: skip
    assert got == {"names": {"left_only": ["Geduld"]}}


_FORMS = sorted(_data()[0])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_FORMS))
def test_no_ambiguous_form_is_flagged_without_a_naming(word: str) -> None:
    """Property: any form both a noun and a name, written where no person or place reading
    shows, raises no name flag; after "Frau" (a person) or "in" (a place) it does, as before."""
    plain = f"Am Montag sprach sie über {word}, sagte sie."
    assert word not in named([plain])
    assert "names" not in check_pair(plain, "Am Montag sprach sie über nichts, sagte sie.", **DE)
    shown = "Frau" if readings(word) != "T" else "in"
    assert word in named([f"Am Montag sprach {shown} {word} lange."])


@given(st.integers(10, 500), st.integers(1, 40), st.sampled_from([
    ("uk", "За рішення проголосували {a} депутатів із {n}.", "Проголосували лише {b} депутатів."),
    ("de", "Es stimmten {a} Abgeordnete von {n} zu.", "Nur {b} Abgeordnete stimmten zu."),
    ("en", "In all {a} deputies voted, of {n}.", "Only {b} deputies voted."),
]))  # fmt: skip
def test_one_language_counts_of_one_unit_twin_whatever_else_their_sentence_tells(
    a: int, step: int, shape: tuple[str, str, str]
) -> None:
    """Property: a changed count written before one unit word in both copies is a twin, even
    when its sentence tells another figure the other copy never does ("із 34")."""
    lang, left, right = shape
    b = a + max(1, a * step // 100)
    if b > 1.5 * a or 1900 <= a <= 2099:
        return
    n = 3 * b + 7
    got = figure_twins([left.format(a=a, n=n)], [right.format(b=b)], lang, lang)
    assert got == [(str(a), str(b))]
    assert figure_twins([left.format(a=a, n=n)], [right.format(b=a)], lang, lang) == []


def test_switched_off_the_sentence_bounds_the_count(monkeypatch) -> None:
    left, right = ["Es stimmten 17 Abgeordnete von 34 zu."], ["Es stimmten 16 Abgeordnete zu."]
    assert figure_twins(left, right, "de", "de") == [("17", "16")]
    monkeypatch.setattr(check_twins, "UNIT_UNBOUND", False)
    assert figure_twins(left, right, "de", "de") == []  # 34 crowds the row
    monkeypatch.setattr(check_twins, "UNIT_TWINS", False)
    assert figure_twins(left, right, "de", "de") == []
    assert figure_twins(left, ["Es kamen 16 Besucher."], "de", "de") == []  # another unit


HEDGES = {
    "uk": ("Викрали понад {a} тисяч записів.", "Викрали {b} тисяч записів."),
    "en": ("Hackers stole more than {a} thousand records.", "Hackers stole {b} thousand records."),
    "de": ("Gestohlen wurden über {a} Tausend Daten.", "Gestohlen wurden {b} Tausend Daten."),
    "fr": ("Plus de {a} mille fiches ont été volées.", "{b} mille fiches ont été volées."),
}


@given(st.sampled_from(sorted(HEDGES)), st.integers(2, 9), st.integers(1, 9))
def test_a_hedge_that_bounds_the_other_figure_is_no_change_one_it_contradicts_is(
    lang: str, tens: int, step: int
) -> None:
    """Property (round 17's unseen "понад 3,2 млн" / "3,4 млн", already read so by
    ``check_rounded``): "more than X" against a figure above X, below X's next step, is one
    count; against a figure below X it is a change, in every language the markers cover."""
    left, right = HEDGES[lang]
    a = 10 * tens
    kw = {"left_lang": lang, "right_lang": lang}
    assert check_pair(left.format(a=a), right.format(b=a + step), **kw) == {}
    got = check_pair(left.format(a=a), right.format(b=a - step), **kw)
    assert got == {"numbers": {"left_only": [str(a)], "right_only": [str(a - step)]}}
