"""Round 36 (flagsb36): one duration told in two units is no change; a changed count is one.

The web lane saw "at least ten days" / "two weeks" flagged as ten -> two.  By the gold's own
convention that is a different length (batch 80's "about two weeks" / "ten days" is a true
change, docs/align.md round 24), so the properties pinned here are the brief's two: the same
length in another unit is never flagged, a count changed in one unit always is, in every
language the duration reader knows.  ``duration_spans.WHOLE_WORDS`` (a study, off) finds a
number word as a whole word, so "три" of "три тижні" is not read inside "триватиме".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import duration_spans
from workbench.core.check_forms import durations
from workbench.core.checks import check_pair
from workbench.core.duration_spans import place_of

SENTENCE = {"en": "Officials said the repairs would take {} {} in total.",
            "de": "Die Behörde sagte, die Reparatur werde insgesamt {} {} dauern.",
            "fr": "Selon les autorités, les travaux dureront {} {} au total.",
            "uk": "За словами посадовців, ремонт загалом займе {} {}.",
            "ru": "По словам чиновников, ремонт в целом займёт {} {}."}  # fmt: skip
UNITS = {1: {"en": "minutes", "de": "Minuten", "fr": "minutes", "uk": "хвилин", "ru": "минут"},
         60: {"en": "hours", "de": "Stunden", "fr": "heures", "uk": "годин", "ru": "часов"},
         1440: {"en": "days", "de": "Tage", "fr": "jours", "uk": "днів", "ru": "дней"},
         10080: {"en": "weeks", "de": "Wochen", "fr": "semaines", "uk": "тижнів",
                 "ru": "недель"}}  # fmt: skip
LANGS = st.sampled_from(sorted(SENTENCE))
SIMILARITY = st.sampled_from([None, 0.95, 0.5, 0.2])


def _flags(left: str, right: str, lang: str, similarity: float | None) -> dict:
    return check_pair(left, right, left_lang=lang, right_lang=lang, similarity=similarity,
                      confidence=None if similarity is None else 0.95)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(LANGS, st.sampled_from([(60, 1), (1440, 60), (10080, 1440)]), st.integers(5, 40),
       SIMILARITY)  # fmt: skip
def test_one_duration_in_two_units_is_never_flagged(lang, units, count, similarity):
    big, small = units
    left = SENTENCE[lang].format(count, UNITS[big][lang])
    right = SENTENCE[lang].format(count * big // small, UNITS[small][lang])
    assert "numbers" not in _flags(left, right, lang, similarity)


@settings(max_examples=60, deadline=None)
@given(LANGS, st.sampled_from(sorted(UNITS)), st.integers(5, 40), st.integers(1, 30),
       SIMILARITY)  # fmt: skip
def test_a_changed_count_in_one_unit_is_always_flagged(lang, unit, count, step, similarity):
    left = SENTENCE[lang].format(count, UNITS[unit][lang])
    right = SENTENCE[lang].format(count + step, UNITS[unit][lang])
    assert "numbers" in _flags(left, right, lang, similarity)


def test_ten_days_against_two_weeks_is_the_gold_s_change():
    """Batch 80's convention: ten days and two weeks are two lengths, flagged in any row."""
    left = "USPA said repairs would take ten days."
    right = "USPA said repairs would take two weeks."
    for similarity in (None, 0.95, 0.3):
        assert _flags(left, right, "en", similarity)["numbers"] == {
            "left_only": ["ten"], "right_only": ["two"]}


@given(st.text(alphabet="abc три", max_size=20), st.sampled_from(["три", "ten", "14"]))
def test_place_of_is_a_place_of_the_figure(text, raw):
    shipped = duration_spans.WHOLE_WORDS
    try:
        for on in (False, True):
            duration_spans.WHOLE_WORDS = on
            at = place_of(text, raw)
            assert at == -1 or text[at:at + len(raw)] == raw
            assert (at == -1) == (raw not in text)
    finally:
        duration_spans.WHOLE_WORDS = shipped


def test_whole_words_reads_a_number_word_inside_an_earlier_word(monkeypatch):
    """"три" inside "триватиме" (uk "will last"): off, the unit is read after the verb."""
    three_weeks, days = "Ремонт триватиме три тижні.", "Ремонт триватиме 21 день."
    monkeypatch.setattr(duration_spans, "WHOLE_WORDS", False)
    assert durations(three_weeks, "uk") == []
    assert "numbers" in _flags(three_weeks, days, "uk", 0.95)  # START's false flag
    monkeypatch.setattr(duration_spans, "WHOLE_WORDS", True)
    assert [m for _, m in durations(three_weeks, "uk")] == [30240]
    assert "numbers" not in _flags(three_weeks, days, "uk", 0.95)
    assert "numbers" in _flags(three_weeks, "Ремонт триватиме два тижні.", "uk", 0.3)
    assert place_of("The closure was extended for ten days.", "ten") == 29


def test_a_digit_inside_an_earlier_figure_is_not_the_duration(monkeypatch):
    """"1" of "1 day" inside "186,000", "3" inside "Nov 30" (``flags_unit_forms.py``'s told
    edits flagged with the switch off): the same length in another unit is no change."""
    rows = [("Fans raised 186,000 euros within 24 hours.",
             "Fans raised 186,000 euros within 1 day."),
            ("On Nov 30 Moldova told a diplomat to leave within 72 hours.",
             "On Nov 30 Moldova told a diplomat to leave within 3 days.")]  # fmt: skip
    for on, flagged in ((False, True), (True, False)):
        monkeypatch.setattr(duration_spans, "WHOLE_WORDS", on)
        for left, right in rows:
            assert ("numbers" in _flags(left, right, "en", 0.95)) is flagged
