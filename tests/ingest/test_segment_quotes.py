"""Sentence ends inside quotation marks (``core.segment_quotes``), in every quote style.

The cut is on since round 26; these tests switch it on themselves, so they hold either way.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import segment_quotes
from workbench.core.segment import split_sentences
from workbench.core.segment_quotes import split_quoted


@pytest.fixture(autouse=True, scope="module")
def _cut_on() -> Iterator[None]:
    shipped = segment_quotes.SPLIT_QUOTES
    segment_quotes.SPLIT_QUOTES = True
    yield
    segment_quotes.SPLIT_QUOTES = shipped


# (language, quote of two sentences + attribution, the cut's first words of the second sentence)
TWO_SENTENCE_QUOTES = [
    ("uk", "«Я не вірю, що це сталося. Ми багато працювали влітку над стрільбою», – сказала "
           "Деревянко.", "Ми багато"),
    ("ru", "«Я не верю, что это произошло. Мы много работали летом над стрельбой», – сказала "
           "Деревянко.", "Мы много"),
    ("de", "„Ich kann es noch gar nicht glauben. Ich habe einfach versucht, ruhig zu bleiben“, "
           "sagte Vautrin.", "Ich habe"),
    ("fr", "« Je n'arrive pas encore à y croire. J'ai juste essayé de rester dans ma bulle », a "
           "réagi la skieuse.", "J'ai juste"),
    ("en", "“Most of those released today had been in captivity since 2022. Among them are "
           "defenders of Mariupol,” the statement said.", "Among them"),
    ("en", '"Brigades have worked since the night, by hand. We expect normal traffic by the '
           'evening," the deputy head said.', "We expect"),
    ("fr", "‹ Le train est reparti vers midi. Les passagers sont rentrés chez eux ›, dit-il.",
     "Les passagers"),
    ("uk", "«Ми контролювали гру до того, як вимкнули світло. — Тепер команда залишається в "
           "Австрії», — сказав тренер.", "— Тепер"),
    ("en", "'This is not about money. This is revenge for our reporting on City Hall', she "
           "said.", "This is revenge"),
    ("en", "‘We didn’t expect the water so soon. The whole street was flooded’, he said.",
     "The whole"),
    ("de", "‚Das hat uns alle überrascht heute. Wir mussten sofort handeln‘, sagte sie.", "Wir"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "second"), TWO_SENTENCE_QUOTES)
def test_a_quote_of_two_sentences_is_two_segments(lang: str, text: str, second: str) -> None:
    parts = split_sentences(text, lang)
    assert len(parts) == 2
    assert parts[1].startswith(second)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", 'He said "Stop! Now." and left.'),  # short quoted words
        ("en", 'The report "Dr. Smith and the Board of Trustees" came out.'),  # abbreviation
        ("de", "Er nannte es „3.5 Prozent mehr als im Vorjahr“ und ging."),  # decimal
        ("fr", "« Nous verrons… Peut-être demain, qui sait », a-t-il dit."),  # ellipsis
        ("en", '"It was over, and we all knew it at once," she said.'),  # one sentence
        ("en", '"The team won. and then it rained hard all day," she said.'),  # lower case
        ("fr", 'Elle est deuxième à 18"6 du podium, devant la Suédoise.'),  # seconds, no quote
        ("en", '"We went home after the storm." and then it rained all day long.'),  # continues
        ("de", "„Wir gingen nach dem Sturm nach Hause.“ und dann regnete es den ganzen Tag."),
    ],
)
def test_abbreviations_decimals_ellipses_and_short_quotes_stay_whole(lang: str, text: str) -> None:
    assert split_sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("lang", "piece"),
    [
        ("en", "We don't know. They're gone and won't be back soon, he said."),
        ("fr", "L'équipe l'a dit aujourd'hui. C'est fini pour cette saison, a-t-il dit."),
        ("uk", "Він узяв м’яч у руки. Ми пішли додому разом, сказав він."),
        ("de", "Er lief 44'12 im Ziel. Das war neuer Rekord für ihn, sagte er."),
    ],
)
def test_an_apostrophe_or_a_unit_mark_is_no_quotation_mark(lang: str, piece: str) -> None:
    """A single mark between two letters or digits opens no quote: a piece the splitter
    gave whole (as here, on purpose) is not read as a quotation to cut."""
    assert split_quoted([piece], lang) == [piece]


def test_the_switch_turns_the_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off (the measurement's baseline): the quote of two sentences stays one segment."""
    lang, text, _ = TWO_SENTENCE_QUOTES[0]
    monkeypatch.setattr(segment_quotes, "SPLIT_QUOTES", False)
    assert split_sentences(text, lang) == [text]
    assert split_quoted([text], lang) == [text]


_PIECES = st.sampled_from(
    ["«", "»", "„", "“", "”", '"', "‹", "›", "‘", "’", "‚", "'", " ", ". ", "! ", "… ", "Dr. ",
     "3.5", "We went home", "Він пішов додому", "don't", "м’яч", "and left", ", – said she",
     "Mr", "A", "e.g. ", "\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.sampled_from(["en", "uk", "de", "fr"]))
def test_splitting_never_loses_or_reorders_characters(text: str, lang: str) -> None:
    assert "".join(split_quoted([text], lang)) == text
    assert all(split_quoted([text], lang))


_WORDS = st.lists(st.sampled_from(["we", "had", "never", "seen", "such", "a", "storm", "here"]),
                  min_size=1, max_size=12).map(" ".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    _WORDS,
    st.sampled_from(["«»", "„“", "“”", '""', "‹›", "‘’", "‚‘", "''"]),
    st.sampled_from([".", "!", "?", ","]),
)
def test_a_quote_of_one_sentence_stays_whole(words: str, marks: str, stop: str) -> None:
    text = f"{marks[0]}{words.capitalize()}{stop}{marks[1]} she said."
    assert split_quoted([text], "en") == [text]


def test_a_quote_of_more_sentences_than_max_cuts_allows_stays_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``MAX_CUTS``: a statement quoted as one block of three sentences stays whole at 1, is
    cut twice with no limit; a quote of two sentences is cut either way."""
    text = (
        "«Сьогодні була доповідь щодо ситуації на фронті. Значна кількість окупантів "
        "знищена на цьому напрямку. Я вдячний всім нашим воїнам за стійкість», – сказав він."
    )
    monkeypatch.setattr(segment_quotes, "MAX_CUTS", 0)
    assert len(split_sentences(text, "uk")) == 3
    monkeypatch.setattr(segment_quotes, "MAX_CUTS", 1)
    assert split_sentences(text, "uk") == [text]
    lang, two, second = TWO_SENTENCE_QUOTES[0]
    assert split_sentences(two, lang)[1].startswith(second)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.sampled_from(["en", "uk", "de", "fr"]),
       st.integers(0, 2))  # fmt: skip
def test_a_cap_on_cuts_never_loses_characters(text: str, lang: str, cap: int) -> None:
    shipped = segment_quotes.MAX_CUTS
    segment_quotes.MAX_CUTS = cap
    try:
        parts = split_quoted([text], lang)
    finally:
        segment_quotes.MAX_CUTS = shipped
    assert "".join(parts) == text
    assert not cap or len(parts) <= cap + 1


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("«Так», – сказав він.", True),
        ("'This is it', she said.", True),
        ("‚Gut‘, sagte er.", True),
        ("We don't know.", False),
        ("Він узяв м’яч.", False),
        ("Er lief 44'12 im Ziel.", False),
    ],
)
def test_has_quote_tells_quotation_marks_from_apostrophes(text: str, quoted: bool) -> None:
    assert segment_quotes.has_quote(text) is quoted
