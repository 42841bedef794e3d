"""QA checks between a source and its translation (pure core), with property tests."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core.qa import CHECKS, check_translation, describe
from workbench.core.terms import Term, contains, find, term_hits


def checks(source: str, target: str, src: str = "en", tgt: str = "de", **kw) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        w.check for w in check_translation(source, target, source_lang=src, target_lang=tgt, **kw)
    ]


def test_numbers_are_compared_as_values_across_conventions() -> None:
    assert checks("It cost 10,000.5 euros.", "Es kostete 10.000,5 Euro.") == []
    assert checks("It cost 10,000 euros.", "Это стоило 10 000 евро.", tgt="ru") == []
    found = check_translation(
        "More than 10,000 soldiers.",
        "Mehr als 11.000 Soldaten.",
        source_lang="en",
        target_lang="de",
    )
    assert [w.check for w in found] == ["numbers"]
    assert found[0].detail == {"missing": ["10,000"], "extra": ["11.000"]}
    assert "10,000" in describe(found[0])


def test_names_are_transliteration_aware() -> None:
    assert (
        checks("Вчера Зеленский выступил в Киеве.", "Yesterday Zelensky spoke in Kyiv.", "ru", "en")
        == []
    )
    found = check_translation(
        "Вчера Зеленский выступил.",
        "Yesterday the president spoke.",
        source_lang="ru",
        target_lang="en",
    )
    assert [(w.check, w.detail) for w in found] == [("names", {"missing": ["Зеленский"]})]


def test_german_nouns_are_names_only_when_mt_keeps_them() -> None:
    # German capitalises nouns: without MT no name evidence, with MT a kept name counts.
    assert checks("Der Hafen von Hamburg.", "The port.", "de", "en") == []
    assert "names" in checks(
        "Der Hafen von Hamburg.", "The port.", "de", "en", mt_text="The port of Hamburg."
    )


def test_glossary_terms_case_and_inflection_tolerant() -> None:
    troop = Term("Troop", "truppe")
    assert checks("The troops arrived.", "Die Truppen kamen an.", terms=[troop]) == []
    assert checks("The troops arrived.", "Die Soldaten kamen an.", terms=[troop]) == [
        "glossary_missing"
    ]
    assert checks("No such word here.", "Kein Wort.", terms=[troop]) == []
    bad = Term("soldier", "Krieger", forbidden=True)
    assert checks("The soldiers left.", "Die Krieger gingen.", terms=[bad]) == [
        "glossary_forbidden"
    ]
    anywhere = Term("", "Russland-Ukraine-Krieg", forbidden=True)
    assert checks("The war.", "Der Russland-Ukraine-Krieg.", terms=[anywhere]) == [
        "glossary_forbidden"
    ]


def test_ukrainian_terms_without_a_stemmer_match_inflections() -> None:
    assert contains("Війська увійшли з військами.", "війська", "uk")
    assert find("Війська увійшли.", "війська", "uk") == [(0, 7)]
    assert not contains("Вода.", "війська", "uk")


def test_multiword_terms_and_overlaps() -> None:
    hits = term_hits(
        "The front line moved.", [Term("front line", "Frontlinie"), Term("front", "Front")], "en"
    )
    assert [(h.term.target, h.start, h.end) for h in hits] == [("Frontlinie", 4, 14)]


def test_empty_and_untranslated() -> None:
    assert checks("Troops were sent.", "") == ["empty"]
    assert checks("Troops were sent.", "troops were sent.") == ["untranslated"]
    assert checks("Reuters", "Reuters") == []  # a bare name may stay as it is
    assert checks("Troops were sent.", "Troops were sent.", "en", "en") == []


def test_punctuation_whitespace_doubles_and_balance() -> None:
    assert checks("Who sent them?", "Wer schickte sie.") == ["punctuation"]
    assert checks("– Troops were sent.", "Truppen wurden geschickt.") == ["punctuation"]
    assert (
        checks("He said: “Go.”", "Er sagte: „Geh.“") == []
    )  # closing quotes do not hide the period
    assert checks("Troops were sent.", "Truppen  wurden geschickt.") == ["whitespace"]
    assert checks("Troops were sent.", "Truppen wurden wurden geschickt.") == ["doubled_word"]
    assert checks("Troops (many) were sent.", "Truppen (viele wurden geschickt.") == ["brackets"]
    assert checks("He said “go”.", "Er sagte „geh.") == ["quotes"]
    assert checks("Er sagte „geh“.", "He said «go».", "de", "fr") == []


text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)


@settings(max_examples=300, deadline=None)
@given(text, st.sampled_from(["en", "de", "ru", "uk", "fr"]))
def test_a_translation_identical_to_its_source_in_the_same_language_is_clean(
    s: str, lang: str
) -> None:
    assert check_translation(s, s, source_lang=lang, target_lang=lang) == []


@settings(max_examples=300, deadline=None)
@given(
    text, text, st.sampled_from(["en", "de", "ru", "uk", None]), st.sampled_from(["en", "de", "ru"])
)
def test_any_pair_gives_known_checks_and_never_raises(
    s: str, t: str, a: str | None, b: str
) -> None:
    found = check_translation(s, t, source_lang=a, target_lang=b, terms=[Term("ab", "cd")])
    assert all(w.check in CHECKS for w in found)
    assert [CHECKS.index(w.check) for w in found] == sorted(CHECKS.index(w.check) for w in found)
    assert all(isinstance(w.as_dict()["message"], str) for w in found)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=200, deadline=None)
@given(words, st.integers(min_value=1, max_value=10**9))
@example("dub", 1)  # Czech "dub" (April) beside a number: still an added number
@example("out", 5)
@example("march", 14)
def test_an_added_number_is_always_reported(s: str, n: int) -> None:
    found = check_translation(s, f"{s} {n}", source_lang="en", target_lang="en")
    numbers = [w for w in found if w.check == "numbers"]
    assert numbers and numbers[0].detail["extra"] == [str(n)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=3, max_size=12))
def test_term_matching_ignores_case(word: str) -> None:
    for lang in ("en", "de", "uk"):
        assert contains(f"x {word.upper()} y", word, lang)
