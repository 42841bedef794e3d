"""Where the story ends inside a page: ticker entries, bios, cut lines (plain text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.page_roles import roles_by_text
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text
from workbench.testing.page_gold import load_annotated

ROLE_PAGES = Path(__file__).resolve().parents[1] / "data" / "role-pages"

_TICKER = (
    "Live\n"
    "Hochwasser in Sachsen: Die Entwicklungen am Montag im Ticker\n"
    "Stand: 3. März 2026, 11:20 Uhr\n"
    "11:20 Uhr\n"
    "Elbe in Dresden erreicht Alarmstufe drei\n"
    "Der Pegel der Elbe in Dresden hat am Vormittag die Marke von sechs Metern überschritten.\n"
    "Die Stadt hat Alarmstufe drei ausgerufen und die Uferwege gesperrt.\n"
    "Anwohner in Laubegast sollen ihre Keller räumen, teilte das Rathaus mit.\n"
    "dpa\n"
    "10:05 Uhr\n"
    "Bahnstrecke nach Prag wieder frei\n"
    "Die Bahnstrecke zwischen Dresden und Prag ist nach einem Erdrutsch wieder befahrbar.\n"
    "Reuters\n"
    "08:40 Uhr\n"
    "Landtag debattiert über Haushalt\n"
    "Der Landtag berät am Nachmittag über den Doppelhaushalt der Regierung.\n"
    "dpa\n"
)


def test_a_ticker_entry_is_the_story_and_its_neighbours_are_not() -> None:
    """The headline heads one entry (under its time): the other entries are neighbouring news."""
    roles = roles_by_text(_TICKER, "de")
    assert roles["Elbe in Dresden erreicht Alarmstufe drei"] == "headline"
    assert roles["Die Stadt hat Alarmstufe drei ausgerufen und die Uferwege gesperrt."] == "body"
    for line in (
        "Bahnstrecke nach Prag wieder frei",
        "Die Bahnstrecke zwischen Dresden und Prag ist nach einem Erdrutsch wieder befahrbar.",
        "Landtag debattiert über Haushalt",
        "Der Landtag berät am Nachmittag über den Doppelhaushalt der Regierung.",
        "10:05 Uhr",
    ):
        assert roles[line] == "other", line


def test_a_live_blog_under_its_own_headline_keeps_every_entry() -> None:
    """The headline above the first time: the page is one story and every entry is its copy."""
    text = (
        "Hochwasser in Sachsen: Elbe in Dresden erreicht Alarmstufe drei\n\n"
        "11:20 Uhr\n"
        "Der Pegel der Elbe in Dresden hat am Vormittag die Marke von sechs Metern überschritten.\n"
        "10:05 Uhr\n"
        "Die Stadt hat Alarmstufe drei ausgerufen und die Uferwege an der Elbe gesperrt.\n"
        "08:40 Uhr\n"
        "Anwohner in Laubegast sollen wegen der Elbe die Keller räumen, sagte das Rathaus.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["Hochwasser in Sachsen: Elbe in Dresden erreicht Alarmstufe drei"] == "headline"
    assert (
        roles["Die Stadt hat Alarmstufe drei ausgerufen und die Uferwege an der Elbe gesperrt."]
        == "body"
    )
    assert (
        roles["Anwohner in Laubegast sollen wegen der Elbe die Keller räumen, sagte das Rathaus."]
        == "body"
    )


_STORY = (
    "Harbour tram line approved after long dispute\n\n"
    "The city council approved a new tram line to the harbour on Tuesday after a long dispute.\n\n"
    "The tram line will cost 240 million euros and open in 2029, the council said.\n\n"
    "Work on the tram depot at the harbour starts in the spring, the mayor said.\n\n"
)


def test_a_bio_under_its_name_line_closing_the_page_is_chrome() -> None:
    roles = roles_by_text(
        "By Karin Olsen\n\n" + _STORY + "Karin Olsen\n"
        "Reporter at the Courier since 2019.\n"
        "She writes about transport, housing and city politics in the north of the country.\n\n"
        "Share this article\n"
    )
    assert roles["Reporter at the Courier since 2019."] == "other"
    bio = "She writes about transport, housing and city politics in the north of the country."
    assert roles[bio] == "other"
    assert (
        roles["Work on the tram depot at the harbour starts in the spring, the mayor said."]
        == "body"
    )


def test_a_bio_opened_by_the_bylines_name_is_chrome() -> None:
    roles = roles_by_text(
        "By Karin Olsen  12 May 2026\n\n" + _STORY + "Karin Olsen is a transport reporter at the "
        "Harbour Courier. She previously worked in Oslo.\n\n"
        "Share this article\n"
    )
    assert roles["Karin Olsen is a transport reporter at the Harbour Courier."] == "other"
    assert roles["She previously worked in Oslo."] == "other"
    assert (
        roles["The tram line will cost 240 million euros and open in 2029, the council said."]
        == "body"
    )


def test_a_crosshead_or_a_quoted_name_opening_the_last_paragraph_stays_story() -> None:
    roles = roles_by_text(
        "By Karin Olsen\n\n" + _STORY + "Depot in the harbour\n"
        "The depot will hold 30 trams and a workshop for the new harbour line.\n\n"
        "Share this article\n"
    )
    assert roles["The depot will hold 30 trams and a workshop for the new harbour line."] == "body"
    roles = roles_by_text(
        "By Karin Olsen\n\n" + _STORY + "Mayor Anna Berg\n"
        "The harbour tram line will change the city, the mayor Anna Berg said on Tuesday.\n"
    )
    assert (
        roles["The harbour tram line will change the city, the mayor Anna Berg said on Tuesday."]
        == "body"
    )


_HEAD = (
    "Harbour tram line approved after long dispute\n\n"
    "The city council approved a new tram line to the harbour on Tuesday after a dispute.\n\n"
)
_QUOTE = "“We will not stop until the last tram runs to the harbour.”"
_TOLD = "“We will not stop until the last tram runs to the harbour,” council leader Olsen said."
_COST = "The tram line will cost 240 million euros and open in 2029, the council said.\n"


def test_a_pull_quote_and_its_name_line_are_not_story() -> None:
    """The quotation set large repeats words a story sentence tells: only the sentence is story."""
    page = f"{_HEAD}{_QUOTE}\nKarin Olsen, council leader\n\n{_TOLD}\n\n{_COST}"
    roles = roles_by_text(page)
    assert roles[_QUOTE] == "other"
    assert roles["Karin Olsen, council leader"] == "other"
    assert roles[_TOLD] == "body"


def test_a_quoted_sentence_told_once_stays_story() -> None:
    roles = roles_by_text(f"{_HEAD}{_QUOTE}\n\n{_COST}")
    assert roles[_QUOTE] == "body"


def test_a_bio_opened_by_a_name_and_blurb_line_is_chrome() -> None:
    """ "Karin Olsen  Karin Olsen covers …" (a label-and-blurb box line) opens the author's box."""
    roles = roles_by_text(
        "By Karin Olsen\n\n"
        + _STORY
        + "Karin Olsen  Karin Olsen covers transport for the Courier. "
        "She previously worked for a newspaper in Oslo and studied journalism in Bergen.\n\n"
        "Tags\n"
    )
    bio = "She previously worked for a newspaper in Oslo and studied journalism in Bergen."
    assert roles[bio] == "other"
    assert (
        roles["Work on the tram depot at the harbour starts in the spring, the mayor said."]
        == "body"
    )


_PLANT = (
    "Головна  Новини  Регіони\n\n"
    "Вибух на хімічному заводі у Черкасах: п'ятеро постраждалих\n\n"
    "Автор: Марія Коваль  1 грудня 2026, 09:12\n\n"
    "У Черкасах уранці стався вибух на хімічному заводі, постраждали п'ятеро працівників.\n\n"
    "За даними ДСНС, пожежу на заводі загасили за дві години, рятувальники працюють на місці.\n\n"
    "Причини вибуху встановлюють слідчі поліції, відкрито кримінальне провадження.\n\n"
)


def test_an_update_stamp_opening_the_last_paragraph_opens_no_box() -> None:
    """ "UPD 10:05. Кількість постраждалих зросла …": an update under its stamp is the story's
    (a closing box is a bio or a rights notice, opened by a name or a line of chrome)."""
    update = "Кількість постраждалих на заводі зросла до семи, двоє з них у важкому стані."
    roles = roles_by_text(_PLANT + f"UPD 10:05. {update}\n\nПоділитися\n", "uk")
    assert roles[update] == "body"
    assert roles["UPD 10:05."] == "other"
    roles = roles_by_text(_PLANT + f"Оновлено о 10:05\n{update}\n\nПоділитися\n", "uk")
    assert roles[update] == "body"


def test_an_update_told_on_its_stamps_line_is_story() -> None:
    text = (
        "Home  News  World\n\n"
        "Explosion at chemical plant in Cherkasy injures five workers\n\n"
        "By Maria Koval  1 December 2026, 09:12\n\n"
        "An explosion at a chemical plant in Cherkasy injured five workers on Tuesday morning.\n\n"
        "Firefighters put out the fire at the plant within two hours, the service said.\n\n"
        "Police investigators are looking into the cause of the explosion at the plant.\n\n"
        "Update, 10:05: The number of workers injured at the plant has risen to seven.\n\n"
        "Update, 11:20: This story adds comment from the plant's owner.\n\n"
        "Share this article\n"
    )
    roles = roles_by_text(text)
    fact = "Update, 10:05: The number of workers injured at the plant has risen to seven."
    assert roles[fact] == "body"
    assert roles["Update, 11:20: This story adds comment from the plant's owner."] == "other"


_CUT_STORY = (
    "Harbour tram line approved after long dispute\n\n"
    "The city council approved a new tram line to the harbour on Tuesday after a long dispute.\n\n"
    "The tram line will cost 240 million euros and open in 2029, the council said.\n\n"
)


def test_a_visibly_cut_page_keeps_its_cut_last_sentence_in_the_story() -> None:
    """No line break after the last line: the capture cut the story's next sentence.

    Five words of it share nothing with the story's topic; a page saved whole (a line
    break at its end) still needs that, as a teaser or sign-off may end it.
    """
    cut = "Since the start of the yea"
    assert roles_by_text(_CUT_STORY + cut)[cut] == "body"
    assert roles_by_text(_CUT_STORY + cut + "\n")[cut] == "other"


def test_a_cut_sentence_after_a_story_sentence_on_its_line_is_story() -> None:
    cut = "Since the start of the yea"
    line = "Work on the tram depot at the harbour starts in the spring, the mayor said. "
    assert roles_by_text(_CUT_STORY + line + cut)[cut] == "body"


def test_a_cut_line_that_opens_no_sentence_stays_out_of_the_story() -> None:
    """A bracket or a lower-case start continues or annotates something else."""
    for cut in ("(Catch all the Business News, Breaking Ev", "and get the latest alerts on yo"):
        assert roles_by_text(_CUT_STORY + cut)[cut] != "body", cut


def test_a_cut_line_after_a_boxs_short_sentence_stays_in_the_box() -> None:
    """ "We need your help. Prosecutors called our newsroom undesir": the box's line, cut."""
    cut = "Prosecutors have called our newsroom undesir"
    text = _CUT_STORY + "Please support us today. " + cut
    assert roles_by_text(text)[cut] != "body"


@pytest.mark.parametrize(
    "name", ["reuters-en", "rbc-ru", "tagesschau-de", "pravda-uk", "lemonde-fr"]
)
def test_a_fixture_page_cut_five_words_into_a_story_line_keeps_them_in_the_story(
    name: str,
) -> None:
    """Cut as a 2,000-byte capture cuts: mid-word, no line break after; on a page saved whole
    (a line break after the same words) they were chrome, sharing too few words with the story.
    """
    page = load_annotated(ROLE_PAGES / f"{name}.txt")
    spans = sorted(page.spans, key=lambda s: s["start"])
    cuts = 0
    for prev, span in zip(spans, spans[1:], strict=False):
        words = span["text"].split()
        if {prev["role"], span["role"]} != {"body"} or len(words) <= 5:
            continue
        if "\n" not in page.text[prev["end"] : span["start"]]:
            continue
        at = span["start"] + span["text"].index(words[5], len(" ".join(words[:5]))) + 2
        _, segs = segment_text(page.text[:at], name.rsplit("-", 1)[1])
        assert assign_roles(segs)[-1] == "body", page.text[span["start"] : at]
        cuts += 1
    assert cuts >= 2
