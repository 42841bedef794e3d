"""Language per segment: lingua restricted to the configured set, plus smoothing."""

from __future__ import annotations

import pytest

from workbench.adapters.langdetect import detect_segments, detector, to_language
from workbench.core.langid import dominant_language, is_reliable, smooth_languages
from workbench.errors import LanguagePairError

LANGS = ("en", "de", "ru", "uk", "fr")


def test_short_segment_takes_neighbours_language_pure() -> None:
    texts = ["A long and clearly English sentence here.", "Continue", "Another English sentence."]
    scores = [{"en": 0.99, "fr": 0.01}, {"fr": 0.504, "en": 0.488}, {"en": 0.97, "de": 0.03}]
    out = smooth_languages(texts, scores)
    assert [o.lang for o in out] == ["en", "en", "en"]
    assert out[1].smoothed and not out[0].smoothed
    assert 0 < out[1].confidence <= 1


def test_reliable_segment_keeps_its_own_language_pure() -> None:
    texts = ["English text that is long enough.", "Schreibe einen Kommentar", "More English text."]
    scores = [{"en": 0.99}, {"de": 0.975, "en": 0.014}, {"en": 0.99}]
    assert [o.lang for o in smooth_languages(texts, scores)] == ["en", "de", "en"]


def test_alphabet_blocks_impossible_votes_pure() -> None:
    # a short Cyrillic word inside English text cannot become English
    texts = ["An English sentence that is long.", "Ответ", "Another English sentence here."]
    scores = [{"en": 0.99}, {"ru": 0.6, "uk": 0.4, "en": 0.0}, {"en": 0.99}]
    assert smooth_languages(texts, scores)[1].lang == "ru"


def test_no_letters_and_no_context_is_unknown_pure() -> None:
    out = smooth_languages(["123", "***"], [{"en": 0.0}, {"en": 0.0}])
    assert [o.lang for o in out] == [None, None]
    assert not is_reliable("Hi", {"en": 1.0})


def test_digits_take_the_neighbours_language_pure() -> None:
    out = smooth_languages(["Ein deutscher Satz, lang genug.", "2026"], [{"de": 1.0}, {}])
    assert out[1].lang == "de"


def test_dominant_language_weighs_letters() -> None:
    assert dominant_language(["a b", "longer english text"], ["de", "en"]) == "en"
    assert dominant_language([], []) is None


def test_lingua_in_context_keeps_short_english_lines_english() -> None:
    texts = [
        "By supporting The Moscow Times, you're defending open, independent journalism.",
        "Continue",
        "Not ready to support today?",
        "Remind me later.",
        "Source link",
        "Schreibe einen Kommentar",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    ]
    langs = [s.lang for s in detect_segments(texts, LANGS)]
    assert langs == ["en", "en", "en", "en", "en", "de", "de"]


def test_ukrainian_and_russian_are_told_apart() -> None:
    out = detect_segments(
        ["Ми не відкриємо міст, доки не будемо впевнені, що він безпечний.",
         "Мы не откроем мост, пока не будем уверены, что он безопасен."],
        LANGS,
    )  # fmt: skip
    assert [o.lang for o in out] == ["uk", "ru"]


def test_detector_is_built_once_per_language_set() -> None:
    assert detector(LANGS) is detector(LANGS)
    with pytest.raises(LanguagePairError):
        to_language("xx")
    with pytest.raises(LanguagePairError):
        detector(("en",))


def test_interface_text_between_cyrillic_lines_keeps_its_language_pure() -> None:
    """A Latin-only line with free lower-case words is written text, not a brand name."""
    uk = "Румунія викликала російського дипломата через уламки дрона."
    texts = [uk, "View in Telegram", "LIGA.net", "date 2025-07-22", uk]
    scores = [{"uk": 0.99}, {"en": 0.58, "de": 0.32}, {"en": 0.3, "de": 0.3},
              {"en": 0.4, "de": 0.37}, {"uk": 0.99}]  # fmt: skip
    out = [o.lang for o in smooth_languages(texts, scores)]
    # interface text stays English; a domain and a capture stamp follow the page
    assert out == ["uk", "en", "uk", "uk", "uk"]


def test_telegram_interface_lines_on_a_ukrainian_channel_page() -> None:
    texts = [
        "Труха⚡️Україна",
        "2.43M subscribers  98.1K photos  41.7K videos  112 links",
        "View in Telegram",
        "На полі біля села Кілія-Веке, прямо навпроти Ізмаїла, місцеві знайшли уламки дрона.",
        "Вночі румуни піднімали два F-16 і розсилали людям RO-Alert.",
        "Please open Telegram to view this post",
        "МЗС Румунії вручило російському дипломату ноту протесту.",
    ]
    langs = [o.lang for o in detect_segments(texts, LANGS)]
    assert langs == ["uk", "en", "en", "uk", "uk", "en", "uk"]
