"""A weather widget is chrome, never a title or its kicker (core.page_shapes.chrome_shape).

Regional sites print a weather widget over the title ("Salzburg -2° Schneefall",
"Weather -2°C Gander"): its place name is the story's, so it shared the story's words
and was taken for the title or a kicker (batches 27 and 31).  Dev pages of nine batches
print such widgets, all gold ``other``.  The pages here are invented.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.page_shapes import DEFAULT_PARAMS, WIDGET_WORDS, chrome_shape, shapes
from workbench.core.segment import segment_text

STORY_EN = (
    "A freight train left the rails near Kingston station in icy weather early on Tuesday, "
    "blocking the main line for most of the day.\n"
    "Kingston police said nobody was hurt and the cause of the derailment is not yet known.\n"
    "\n"
    "Crews worked through the afternoon to lift the wagons back onto the track.\n"
    "The rail operator expects trains between Kingston and Ottawa to run again on Wednesday.\n"
)


def test_a_weather_widget_over_the_title_is_no_kicker() -> None:
    text = (
        "CKWS News\n"
        "Listen Live  Podcasts  Contests\n"
        "LOCAL NEWS\n"
        "Weather -3°C Kingston\n"
        "Freight Train Derails Near Kingston Station\n"
        "CKWS News Tuesday, December 1st, 2026 at 6:40pm\n"
        "\n" + STORY_EN
    )
    roles = roles_by_text(text, "en")
    assert roles["Weather -3°C Kingston"] == "other"
    assert roles["Freight Train Derails Near Kingston Station"] == "headline"
    assert roles["Crews worked through the afternoon to lift the wagons back onto the track."] == (
        "body"
    )


def test_a_weather_widget_in_the_title_block_is_not_the_title() -> None:
    """Widget, section label and title stacked: the first close line was the widget."""
    text = (
        "KINGSTON24\n"
        "Menü  Suche\n"
        "Stadt  Region  Sport\n"
        "Kingston 1° Nebel\n"
        "Kingston Blaulicht\n"
        "Zug entgleist bei Kingston: zwei Verletzte\n"
        "Veröffentlicht: 1. Dezember 2026 18:40\n"
        "\n"
        "Ein Güterzug ist am Dienstagmorgen bei dichtem Nebel in Kingston entgleist und hat "
        "die Strecke stundenlang blockiert.\n"
        "Zwei Fahrgäste wurden nach Angaben der Polizei leicht verletzt.\n"
        "Wegen des Nebels war die Sicht rund um Kingston am Morgen schlecht.\n"
        "Die Bahn rechnet damit, dass die Strecke bis Kingston am Mittwoch wieder frei ist.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Kingston 1° Nebel"] == "other"
    assert roles["Zug entgleist bei Kingston: zwei Verletzte"] == "headline"


def test_a_title_reporting_a_temperature_stays_the_title() -> None:
    """A headline is longer than a widget: a reading in a title of 5+ words is no widget."""
    text = (
        "The Daily Courier\n"
        "News  Weather  Sport\n"
        "Heatwave pushes Kingston to 38°C as records fall\n"
        "December 1, 2026\n"
        "\n"
        "A heatwave pushed the temperature in Kingston to 38 degrees on Tuesday, a record "
        "for the month.\n"
        "Kingston officials opened cooling centres and asked residents to check on neighbours.\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Heatwave pushes Kingston to 38°C as records fall"] == "headline"


_PLACE = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=3, max_size=10)
_READING = st.tuples(
    st.sampled_from(["", "+", "-", "−"]),
    st.integers(0, 45),
    st.sampled_from(["°", "°C", " °C", "°F"]),
)


@given(st.lists(_PLACE, min_size=1, max_size=WIDGET_WORDS - 1), _READING, st.booleans())
def test_a_short_line_with_a_temperature_reading_is_chrome(places, reading, first) -> None:
    sign, value, unit = reading
    temp = f"{sign}{value}{unit}"
    line = f"{temp} {' '.join(places)}" if first else f"{' '.join(places)} {temp}"
    _, segs = segment_text(line, "en")
    assert len(segs) == 1
    assert chrome_shape(segs[0].text, shapes(segs)[0], DEFAULT_PARAMS)


@given(st.integers(0, 45), st.integers(WIDGET_WORDS + 1, 12))
def test_a_reading_in_a_longer_line_or_a_sentence_is_no_widget(value, words) -> None:
    """The widget test alone: lower-case words and a reading, longer than a widget or closed."""
    long_line = " ".join(["warm"] * words) + f" {value}°C"
    sentence = f"It was {value}°C."
    for line in (long_line, sentence):
        _, segs = segment_text(line, "en")
        assert not chrome_shape(segs[0].text, shapes(segs)[0], DEFAULT_PARAMS)
