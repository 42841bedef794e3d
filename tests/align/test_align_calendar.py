"""Weekday and month names are anchors across languages (``core/calendar_anchors.py``).

The real cases are dev story pairs in two languages (gold headline and body
spans, aligned as ``services.compare`` does, no MT): each link named here is a
gold ``sure`` bead the aligner makes with the names as anchors and loses with
them off (``AlignParams.calendar_anchor_max=0``).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from babel import Locale
from babel.dates import get_day_names, get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.test_align_cut_ends import _links
from workbench.core.align import AlignParams
from workbench.core.align_views import anchor_sets
from workbench.core.anchors import anchor_keys_all, spelled_number_keys
from workbench.core.calendar_anchors import calendar_keys, word_key
from workbench.core.languages import LANGUAGES

OFF = replace(AlignParams(), calendar_anchor_max=0)
_FRIDAY = [
    "am Freitagmorgen",
    "vendredi matin",
    "в пятницу утром",
    "у п’ятницю",
    "On Friday",
    "il venerdì",
]


@pytest.mark.parametrize(
    ("texts", "key"),
    [
        (_FRIDAY, "%w4"),
        (["Sonntagabend", "dimanche soir", "в неділю", "on Sunday"], "%w6"),
        (["on 1 December", "le 2 décembre", "2 грудня", "2 декабря", "am 2. Dezember"], "%m12"),
        (["w środę", "в среду", "mercredi", "Mittwoch", "Wednesday"], "%w2"),
        (["in May", "im Mai", "en mai", "у травні"], "%m5"),
    ],
)
def test_one_key_per_day_or_month_in_every_language(texts: list[str], key: str) -> None:
    assert [calendar_keys(t) for t in texts] == [frozenset({key})] * len(texts)


@pytest.mark.parametrize(
    "text",
    [
        "Montage der Anlage",  # a noun that starts like Montag, one letter on
        "you may go",  # the English verb; "May" counts only capitalised
        "protesters march on",
        "охрана окружающей среды",  # "environment", the genitive of Wednesday's name
        "серед них",  # Ukrainian "among", Wednesday's stem
        "Sept. 11 and mar 3",  # abbreviations are left out
    ],
)
def test_words_that_only_look_like_a_day_or_month_are_no_anchor(text: str) -> None:
    assert calendar_keys(text) == frozenset()


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_language_names_its_days_and_months_with_their_keys(lang: str) -> None:
    locale = Locale.parse(lang)
    days = get_day_names("wide", "format", locale)
    months = get_month_names("wide", "format", locale)
    named = [(name, f"%w{k}") for k, name in days.items()]
    named += [(name, f"%m{k}") for k, name in months.items()]
    found = {name: word_key(name) for name, _ in named}
    # a name is read as its own day or month, or (when it means another in another
    # language) not at all
    assert all(found[name] in (key, None) for name, key in named)
    assert sum(found[name] is not None for name, _ in named) >= 17


_WORDS = ["Freitag", "vendredi", "March", "march", "décembre", "грудня", "Montage", "rain",
          "Sonntagabend", "the", "2", "среды", "п’ятницю", "trains"]  # fmt: skip


@settings(max_examples=80)
@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.lists(st.sampled_from(_WORDS), max_size=8))
def test_keys_of_a_text_are_the_keys_of_its_parts(first: list[str], second: list[str]) -> None:
    a, b = " ".join(first), " ".join(second)
    keys = calendar_keys(a + " " + b)
    assert keys == calendar_keys(a) | calendar_keys(b)
    assert all(k[:2] in ("%w", "%m") and k[2:].isdigit() for k in keys)


def test_story_pages_get_calendar_keys_when_asked() -> None:
    texts = ["Le navire s'est échoué vendredi.", "Das Schiff lief am Freitag auf Grund."]
    assert all("%w4" in keys for keys in anchor_sets(texts, {}, 100))
    plain = [k | spelled_number_keys(t) for k, t in zip(anchor_keys_all(texts), texts, strict=True)]
    assert anchor_sets(texts, {}) == anchor_sets(texts, {}, len(texts)) == plain


CALENDAR = [
    # de -> fr, two agencies' copies: "bis mindestens Sonntagabend" / "jusqu'à dimanche soir"
    ("batch27", "bz_basel_sda_de__rfj_ats_fr", ((40,), (34,))),
    # en -> uk: "On Friday morning the children sang" / "Уранці в п’ятницю діти заспівали"
    ("batch31", "itv_utv_en__radiosvoboda_uk", ((19,), (19,))),
]


@pytest.mark.parametrize(("batch", "name", "link"), CALENDAR)
def test_a_shared_day_links_two_languages(batch: str, name: str, link: tuple) -> None:
    assert link in _links(batch, name)
    assert link not in _links(batch, name, OFF)
