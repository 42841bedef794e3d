"""Content languages beyond en/de/ru/uk/fr (Greek first): registry, detection, segments,
numbers, calendar words, names across scripts, and the settings check at the entrances."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from workbench.cli import main
from workbench.config import DEFAULT_LANGUAGES, Settings, content_languages
from workbench.core import languages
from workbench.core.anchors import name_key
from workbench.core.calendar_words import is_calendar_word
from workbench.core.checks import name_differences, number_differences, quantities
from workbench.core.langid import smooth_languages
from workbench.core.number_words import word_numbers
from workbench.core.segment import segment_text, split_sentences
from workbench.core.translit import transliterate
from workbench.errors import LanguageCodeError

GREEK_PAGE = (
    "Ευρώπη  Κόσμος\n\n"
    "Τρεις Γερμανοί σκιέρ σκοτώθηκαν από χιονοστιβάδα στο Τιρόλο\n\n"
    "Τρεις Γερμανοί σκιέρ σκοτώθηκαν την Κυριακή από χιονοστιβάδα στο Πιτστάλ της Αυστρίας. "
    "Στην επιχείρηση συμμετείχαν περίπου 60 διασώστες και δύο ελικόπτερα. "
    "Πόσο επικίνδυνη ήταν η περιοχή; Ο κίνδυνος είχε εκτιμηθεί ως σημαντικός.\n"
)


def test_registry_is_the_one_list_of_content_languages_pure() -> None:
    assert DEFAULT_LANGUAGES == languages.DEFAULT_LANGUAGES
    assert DEFAULT_LANGUAGES[:5] == ("en", "de", "ru", "uk", "fr") and "el" in DEFAULT_LANGUAGES
    assert languages.script_of("el") == "greek" and languages.script_of("uk") == "cyrillic"
    assert languages.script_of("pt-BR") == "latin" and languages.get("pt-BR").code == "pt"
    assert languages.uses_decimal_comma("el") and not languages.uses_decimal_comma("en")
    assert languages.capitalises_nouns("de") and not languages.capitalises_nouns("el")
    assert languages.unsupported(["en", "el", "sv", "xx"]) == ["sv", "xx"]
    for entry in languages.LANGUAGES.values():
        assert entry.script in ("latin", "cyrillic", "greek") and len(entry.code) == 2


def test_greek_letters_can_only_be_greek_pure() -> None:
    texts = ["An English sentence that is long enough.", "Κόσμος", "Another English sentence."]
    scores = [{"en": 0.99}, {"el": 0.2, "en": 0.5}, {"en": 0.99}]
    assert smooth_languages(texts, scores)[1].lang == "el"
    # Greek not configured: unknown, never English
    assert smooth_languages(texts, [{"en": 0.99}, {"en": 0.5}, {"en": 0.99}])[1].lang is None


def test_a_tie_between_neighbours_goes_to_the_page_language_pure() -> None:
    # a date line between a Ukrainian label and English text: 0.5 each side, every time
    texts = ["Українська мова сайту", "10.06.2025 13:45", "English text that is long.", "More."]
    scores = [{"uk": 0.99, "en": 0.0}, {"uk": 0.0, "en": 0.0, "de": 0.0}, {"en": 0.99}, {}]
    texts[3] = "Another long English sentence follows here."
    scores[3] = {"en": 0.99}
    for order in (scores[1], dict(reversed(list(scores[1].items())))):
        out = smooth_languages(texts, [scores[0], order, scores[2], scores[3]])
        assert out[1].lang == "en"


def test_greek_sentences_question_mark_and_abbreviations_pure() -> None:
    text = (
        "Πού θα πάμε; Ο κ. Παπαδόπουλος είπε ότι το κόστος είναι 2,5 εκατ. ευρώ. "
        "Η φωτιά απέχει 40 χλμ. νότια της πόλης. Τι έγινε\u037e Κανείς δεν ξέρει."
    )
    assert split_sentences(text, "el") == [
        "Πού θα πάμε;",
        "Ο κ. Παπαδόπουλος είπε ότι το κόστος είναι 2,5 εκατ. ευρώ.",
        "Η φωτιά απέχει 40 χλμ. νότια της πόλης.",
        "Τι έγινε\u037e",
        "Κανείς δεν ξέρει.",
    ]


@given(st.text(alphabet="Αβγ εκατ.;\u037e\nΔ δισ. ευρώ κ. 12,5", max_size=120))
def test_greek_segmentation_is_lossless(text: str) -> None:
    leading, segs = segment_text(text, "el")
    assert leading + "".join(s.text + s.separator for s in segs) == text
    assert all(text[s.start : s.end] == s.text for s in segs)


def test_greek_numbers_words_scales_and_decimal_comma_pure() -> None:
    found = word_numbers("Τρεις σκιέρ, είκοσι πέντε διασώστες, ΔΥΟ ελικόπτερα", "el")
    assert [v for _, _, v in found] == [3, 25, 2]
    values = dict(quantities("2,5 εκατ. ευρώ, 15.000 νοικοκυριά, δύο χιλιάδες πυροσβέστες", "el"))
    assert values == {"2,5": "2500000", "15.000": "15000", "δύο": "2000"}
    same = number_differences(
        "Three skiers died; about 60 rescuers and 2.5 million euros.",
        "Τρεις σκιέρ σκοτώθηκαν· περίπου 60 διασώστες και 2,5 εκατ. ευρώ.",
        "en",
        "el",
    )
    assert same == {}
    assert number_differences("Five died.", "Πέθαναν έξι.", "en", "el") == {
        "left_only": ["Five"],
        "right_only": ["έξι"],
    }
    assert [v for _, _, v in word_numbers("twenty five people", "en")] == [25]


def test_greek_month_and_weekday_names_in_any_case_pure() -> None:
    for word in ("Κυριακή", "Σάββατο", "Φεβρουαρίου", "ΙΟΥΛΙΟΥ", "Μαΐου", "Τρίτη"):
        assert is_calendar_word(word), word
    assert not is_calendar_word("Αυστρία")


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Ντόναλντ", "Donald"),
        ("Τραμπ", "Trump"),
        ("Μπάιντεν", "Biden"),
        ("Ζελένσκι", "Zelensky"),
        ("Βολοντίμιρ", "Volodymyr"),
        ("Πιτστάλ", "Pitztal"),
        ("Χέλγκα", "Helga"),
        ("Χέλγκα", "Гельга"),
        ("Λουκασένκο", "Лукашенко"),
        ("Κλάους", "Klaus"),
        ("Μητσοτάκης", "Mitsotakis"),
        ("Ίνσμπρουκ", "Innsbruck"),
        ("Τιρόλο", "Tyrol"),
        ("Αυστρία", "Austria"),
        ("Χάμπουργκ", "Hamburg"),
    ],
)
def test_names_meet_across_greek_latin_and_cyrillic_pure(greek: str, latin: str) -> None:
    left, right = name_key(greek), name_key(latin)
    assert name_differences(f"Είπε ο {greek} χθες.", f"Said {latin} yesterday.") == {}, (
        left,
        right,
    )


def test_transliteration_keeps_other_text_pure() -> None:
    assert transliterate("Hello, 2025!") == "Hello, 2025!"
    assert transliterate("Αυστρία") == "Austria"
    assert transliterate("Лукашенко") == "Lukashenko"


def test_an_unsupported_content_language_is_one_clear_error(tmp_path: Path) -> None:
    assert content_languages("en, el,de") == ("en", "el", "de")
    for bad in ("en,xx", "en,sv", "en", "Deutsch,en"):
        with pytest.raises(LanguageCodeError, match="WORKBENCH_LANGUAGES"):
            content_languages(bad)
    env = {"WORKBENCH_HOME": str(tmp_path), "WORKBENCH_LANGUAGES": "en,xx"}
    result = CliRunner().invoke(main, ["versions"], env=env)
    assert result.exit_code == 2, result.output
    assert "Error:" in result.output and "xx" in result.output
    assert "Traceback" not in result.output


def test_a_greek_page_is_labelled_greek_and_split_at_greek_questions(settings: Settings) -> None:
    from workbench.services.browse import version_detail
    from workbench.services.ingest import ingest_bytes

    result = ingest_bytes(settings, GREEK_PAGE.encode(), filename="el.txt", outlet="Euronews")
    detail = version_detail(settings, result.version_id)
    assert detail["language"] == "el"
    texts = [s["text"] for s in detail["segments"]]
    assert "Πόσο επικίνδυνη ήταν η περιοχή;" in texts
    assert {s["lang"] for s in detail["segments"] if s["role"] == "body"} == {"el"}


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("Загинули три людини, ще двох поранено, п’ять будинків", "uk", [3, 2, 5]),
        ("Сім'я з чотирьох осіб; двадцять п'ять рятувальників", "uk", [4, 25]),  # сім'я: family
        ("Погибли три человека, двадцать пять ранены, сорок домов", "ru", [3, 25, 40]),
        ("Deux morts, vingt-deux blessés, soixante-quinze maisons", "fr", [2, 22, 75]),
        ("quatre-vingt-dix, trois cents, deux cent trente", "fr", [90, 300, 230]),
    ],
)
def test_cyrillic_and_french_number_words_pure(text: str, lang: str, values: list[int]) -> None:
    assert [v for _, _, v in word_numbers(text, lang)] == values


def test_spelled_numbers_meet_digits_across_languages_pure() -> None:
    assert number_differences("Three died, 25 injured.", "Загинули три, двадцять п’ять поранено.",
                              "en", "uk") == {}  # fmt: skip
    assert number_differences("Three people died.", "Погибли четыре человека.", "en", "ru") == {
        "left_only": ["Three"],
        "right_only": ["четыре"],
    }


MIXED = "ΑαΆάΒβΓγΔδΕεΈέΗηΙιΪϊΐΟοΌόΥυΎύΩωΜμΠπΝνΤτΚκΣσςΧχ АаБбЖжЩщЇїЁёXyz'-.,1"


@given(st.text(alphabet=MIXED + "\u0301\u0306", max_size=80))
def test_transliteration_leaves_no_greek_or_cyrillic_letter(text: str) -> None:
    out = transliterate(text)
    assert not any(languages.script_of_char(ch) in ("greek", "cyrillic") for ch in out), out
    assert transliterate(out) == out  # Latin text is a fixed point


def test_a_regional_language_tag_is_a_hint(settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A capture's "el-GR" / "pt_BR" / "EN" names its content language; "xx-YY" none."""
    import json

    import workbench.services.ingest as ingest
    from workbench.services.ingest_checks import language_hint

    assert language_hint("el-GR", ("en", "el")) == "el"
    assert language_hint("EN_gb", ("en", "el")) == "en"
    assert language_hint("xx-YY", ("en", "el")) is None and language_hint(7, ("en",)) is None
    priors = []
    real = ingest.detect_segments

    def recording(texts, languages, prior=None):  # type: ignore[no-untyped-def]
        priors.append(prior)
        return real(texts, languages, prior=prior)

    monkeypatch.setattr(ingest, "detect_segments", recording)
    page = {"outlet": "Kathimerini", "language": "el-GR", "title": "Φωτιά στην Εύβοια",
            "text": "Φωτιά στην Εύβοια. Εκκενώθηκαν δύο χωριά."}  # fmt: skip
    result = ingest.ingest_bytes(settings, json.dumps(page).encode(), filename="k.json", outlet="")
    assert priors == ["el"] and result.version_id


def test_every_content_language_has_its_cldr_locale_once_in_registry_order() -> None:
    """``content_locales`` is what calendar words, calendar anchors and place names read: one
    Babel locale per content language Babel knows, in the registry's order."""
    found = [str(locale) for locale in languages.content_locales()]
    assert found == [code for code in languages.LANGUAGES if code in found]
    assert {"en", "de", "fr", "ru", "uk", "el"} <= set(found)
    assert is_calendar_word("Donnerstag") and is_calendar_word("грудня")
