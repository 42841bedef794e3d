"""A news ticker or a station's live bar above the story is no title (round 40 roles40).

``RoleParams.ticker_bar`` (``core.page_live_bar``): a ticker of two or more "+++" items or a
bar naming the live programme shares the story's words on a local radio's page and was taken
for the title, leaving the real title chrome (145 stadtradio_wehrstetten_de's shape).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with, rules_only
from workbench.core.page_live_bar import TICKER_MARK, ticker_bar
from workbench.core.role_params import DEFAULT_PARAMS

BAR = "▶ JETZT LIVE Stadtradio Wehrstetten 98,4 Der Morgen mit Tobi Renz"
TICKER = "+++ Entwarnung in Wehrstetten +++ B 462 wieder frei +++ Blitzer heute in Oberkirnach +++"
NAV = "News Verkehr Wetter Programm Gewinnspiele"
TITLE = "Entwarnung nach Gasaustritt: Fenster dürfen wieder auf"
STAMP = "Freitag, 17.09.2027 – 06:25 Redaktion"
STORY = [
    "Die Stadt Wehrstetten hat am Freitagmorgen um 6.10 Uhr Entwarnung gegeben. Fenster und "
    "Türen dürfen wieder geöffnet werden, auch Lüftungsanlagen können wieder laufen.",
    "Am Donnerstagabend war bei Halvercon Chemie am Kirnachufer Chlorwasserstoff aus einem "
    "Tank ausgetreten. Die Behörden hatten die Menschen in der Kernstadt und in Oberkirnach "
    "daraufhin aufgefordert, drinnen zu bleiben.",
    "Laut Landratsamt haben die Messungen in der Nacht keine erhöhten Werte in den "
    "Wohngebieten ergeben. Die Schulen bleiben heute trotzdem geschlossen, die Kitas öffnen "
    "normal.",
    "Halvercon hat für Fragen eine Hotline eingerichtet: 07431 88 20 00.",
    "Ihr habt etwas gesehen oder gerochen? Schickt uns eure Fotos an die Redaktion.",
    "Antwort hinterlassen Deine E-Mail-Adresse wird nicht veröffentlicht. Kommentar Name "
    "Kommentar absenden",
]
FOOT = "© 2027 Stadtradio Wehrstetten Impressum Datenschutz"


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_the_switch_passes_a_ticker_above_the_title() -> None:
    """Off the ticker is taken for the title and the title left chrome; on, the title is
    the headline and the ticker chrome; nothing else moves (rules alone and as shipped)."""
    text = _page(BAR, TICKER, NAV, TITLE, STAMP, *STORY, FOOT)
    with rules_only():
        off = roles_with(text, "de", ticker_bar=False)
        on = roles_with(text, "de", ticker_bar=True)
    assert off[TICKER] == "headline" and off[TITLE] != "headline"
    assert on[TICKER] != "headline" and on[TITLE] == "headline"
    moved = {k for k in on if on[k] != off[k]}
    assert moved == {TICKER, TITLE}
    shipped = roles_by_text(text, "de")  # the product's path: shipped params, layer on
    assert shipped[TITLE] == "headline" and shipped[TICKER] != "headline"
    assert DEFAULT_PARAMS.ticker_bar  # shipped on (round 40)


def test_a_live_blog_title_bracketed_once_stays_the_title() -> None:
    """One item between two marks is a live blog's title (31 berliner_rundfunk_de), no ticker."""
    title = "+++ Gasaustritt in Wehrstetten: Alle Infos zur Entwarnung im Liveticker +++"
    assert not ticker_bar(title)
    with rules_only():
        on = roles_with(_page(NAV, title, STAMP, *STORY, FOOT), "de", ticker_bar=True)
    assert on[title] == "headline"


def test_the_bar_shapes() -> None:
    """The live bars and tickers of the dev pages, and titles that are neither."""
    assert ticker_bar(BAR) and ticker_bar(TICKER)
    assert ticker_bar("● Зараз в ефірі: «Ранок на Вербі» Слухати наживо")
    assert ticker_bar("Jetzt live: Conference League Ergebnisse vom Donnerstag")
    assert ticker_bar("Welle OÖ Live hören Programm Nachrichten Verkehr Wetter")
    assert not ticker_bar(TITLE)
    assert not ticker_bar("Live-Ticker zum Gasaustritt: Was wir wissen")
    assert not ticker_bar("EN DIRECT - Tempête : jusqu'à 30 cm de neige attendus")


_WORDS = st.sampled_from(["Entwarnung", "B 462", "frei", "Live", "▶", "+++", "hören", "Wehr"])


@given(st.lists(_WORDS, min_size=1, max_size=12))
def test_more_marks_never_make_a_ticker_less(words: list[str]) -> None:
    """Property: a ticker stays one with another item appended, a live bar with more words."""
    line = " ".join(words)
    if ticker_bar(line):
        assert ticker_bar(f"{line} {TICKER_MARK} Blitzer heute {TICKER_MARK}")
        assert ticker_bar(f"{line} Blitzer heute")
