"""The page header: kicker, title, subtitle and deck above the story (core.page_header).

The shapes were first seen on blind batches 8 and 10 (a dpa paper's kicker,
title and two-sentence summary; a Luxembourg free daily's kicker and subtitle;
a French daily's long stamp line; a Russian exile site's subtitle); the pages
here are invented for the repository.  Which line is the title, and what above it is
passed over, is ``test_page_title.py``.
"""

from __future__ import annotations

from tests.ingest.page_roles import COOKIE_EN, STORY_DE, STORY_EN, roles_by_text


def test_kicker_title_and_a_deck_of_short_sentences_are_the_headline() -> None:
    """Kicker line, title line, then a deck whose second sentence is short."""
    text = (
        "Nordkurier Online\n"
        "Lokales  Politik  Wirtschaft  Sport\n"
        "Sturm in Norwegen\n"
        "Sturm lässt 40.000 Haushalte in Norwegen ohne Strom\n"
        "Böen von bis zu 140 Kilometern pro Stunde trafen die Westküste des Landes.\n"
        "Der Fährverkehr ruht.\n"
        "dpa\n"
        "02.12.2026 um 07:58\n"
        "\n" + STORY_DE
    )
    roles = roles_by_text(text, "de")
    assert roles["Sturm in Norwegen"] == "headline"
    assert roles["Sturm lässt 40.000 Haushalte in Norwegen ohne Strom"] == "headline"
    assert (
        roles["Böen von bis zu 140 Kilometern pro Stunde trafen die Westküste des Landes."]
        == "headline"
    )
    assert roles["Der Fährverkehr ruht."] == "headline"
    assert roles["Lokales  Politik  Wirtschaft  Sport"] == "other"
    assert roles["02.12.2026 um 07:58"] == "other"
    last = "Die Stromversorger rechnen damit, dass die Reparaturen bis zum Wochenende dauern."
    assert roles[last] == "body"


def test_a_stamp_line_with_clock_times_is_never_the_deck() -> None:
    """Deck, then a stamp too wordy for a metadata line: the stamp is chrome."""
    text = (
        "Le Quotidien\n"
        "Accueil  Monde  Europe\n"
        "Norvège : une tempête prive 40.000 foyers d'électricité sur la côte ouest\n"
        "Des rafales jusqu'à 140 km/h ont frappé la région de Bergen dans la nuit de lundi\n"
        "Publié le 02/12/26 à 08h41  Mis à jour le 02/12/26 à 09h02\n"
        "Le Quotidien avec AFP\n"
        "Partager\n"
        "\n"
        "Une tempête accompagnée de rafales jusqu'à 140 km/h a frappé la côte ouest de la "
        "Norvège dans la nuit de lundi à mardi, privant d'électricité quelque 40.000 foyers.\n"
        "Les liaisons par ferry entre les îles ont été suspendues et plusieurs routes sont "
        "coupées par des chutes d'arbres, selon les autorités locales.\n"
    )
    roles = roles_by_text(text, "fr")
    title = "Norvège : une tempête prive 40.000 foyers d'électricité sur la côte ouest"
    assert roles[title] == "headline"
    deck = "Des rafales jusqu'à 140 km/h ont frappé la région de Bergen dans la nuit de lundi"
    assert roles[deck] == "headline"
    assert roles["Publié le 02/12/26 à 08h41  Mis à jour le 02/12/26 à 09h02"] != "headline"


def test_a_subtitle_is_headline_but_a_byline_naming_the_site_is_not() -> None:
    """Title + subtitle lines are one headline; "Author — Site" under a title is a byline."""
    story = (
        "Шторм с порывами ветра до 140 километров в час обрушился в ночь на вторник на "
        "западное побережье Норвегии.\n"
        "По данным властей, утром без света оставались около 40 тысяч домохозяйств, "
        "сообщает «Северный вестник».\n"
        "Паромное сообщение между островами приостановлено, несколько дорог перекрыты.\n"
    )
    with_subtitle = (
        "Северный вестник\n"
        "Новости  Мнения  Подкасты\n"
        "Шторм оставил без света 40 тысяч домохозяйств в Норвегии\n"
        "Паромное сообщение между островами приостановлено\n"
        "2 декабря 2026  Обновлено 11:02\n"
        "\n" + story
    )
    roles = roles_by_text(with_subtitle, "ru")
    assert roles["Шторм оставил без света 40 тысяч домохозяйств в Норвегии"] == "headline"
    assert roles["Паромное сообщение между островами приостановлено"] == "headline"
    with_byline = (
        "Северный вестник\n"
        "Новости  Мнения  Подкасты\n"
        "Шторм оставил без света 40 тысяч домохозяйств в Норвегии\n"
        "Ольга Петренко — Северный вестник\n"
        "\n" + story
    )
    roles = roles_by_text(with_byline, "ru")
    assert roles["Шторм оставил без света 40 тысяч домохозяйств в Норвегии"] == "headline"
    assert roles["Ольга Петренко — Северный вестник"] != "headline"


def test_a_live_blog_entry_after_the_byline_is_no_deck() -> None:
    """Title, byline, stamp, then timed entries: the first entry is no deck."""
    text = (
        "NORTH SEA POST\n"
        "News  Energy  Opinion  Jobs\n"
        "LIVE\n"
        "Storm Latest: 40,000 Homes Without Power on Norway's West Coast\n"
        "By North Sea Post\n"
        "Updated: December 2, 2026, 12:40 pm\n"
        "12:31\n"
        "Ferry services between the islands around Bergen were suspended for a second day, "
        "the operator said on Tuesday.\n"
        "Share\n"
        "10:05\n"
        "A storm with gusts of up to 140 km/h hit Norway's west coast overnight, leaving some "
        "40,000 homes without power, officials said.\n"
        "Utility crews expect repairs to last until the weekend.\n"
        "Share\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Storm Latest: 40,000 Homes Without Power on Norway's West Coast"] == "headline"
    first = (
        "Ferry services between the islands around Bergen were suspended for a second day, "
        "the operator said on Tuesday."
    )
    assert roles[first] != "headline"


def test_a_cookie_banner_under_the_title_is_no_deck() -> None:
    """A banner printed under the title has the deck's place and shape but not its words."""
    text = (
        "Storm leaves 40,000 homes without power on Norway's west coast\n"
        + COOKIE_EN
        + "\nNorth Sea Post\n"
        "News  Energy  Opinion\n"
        "02.12.2026 11:32\n\n" + STORY_EN
    )
    roles = roles_by_text(text, "en")
    assert roles["Storm leaves 40,000 homes without power on Norway's west coast"] == "headline"
    assert roles["We use cookies to give you the best experience on our website."] != "headline"
    assert roles["By continuing to browse the site you agree to our use of cookies."] != "headline"


def test_summary_bullets_under_the_title_are_headline() -> None:
    """Bullets shown with the title, before the stamp, are its summary: never the title
    (even when a bullet repeats the lead word for word) and never a lone deck line."""
    first = (
        "• Bergen (dpa) - Ein Sturm mit Böen von bis zu 140 Kilometern pro Stunde hat in der "
        "Nacht zum Dienstag die Westküste Norwegens getroffen"
    )
    second = "• Rund 40.000 Haushalte sind ohne Strom, der Fährverkehr ruht"
    text = (
        "NORDKURIER ONLINE\n"
        "News\n"
        "Unwetter: Sturm trifft Norwegen\n"
        f"{first}\n"
        f"{second}\n"
        "02. Dezember 2026, 14:02 Uhr  Quelle: dpa\n" + STORY_DE
    )
    roles = roles_by_text(text, "de")
    assert roles["Unwetter: Sturm trifft Norwegen"] == "headline"
    assert [roles[first], roles[second]] == ["headline"] * 2
    assert all(roles[s] == "body" for s in STORY_DE.strip().split("\n") if s)


def test_a_deck_above_a_captioned_photo_is_headline_and_the_caption_is_not() -> None:
    """Title, deck, photo caption closed by its credit, byline, stamps: the credit tells
    which of the two prose-like lines under the title is the caption."""
    deck = "Gusts of up to 140 km/h hit the west coast overnight, closing roads around Bergen."
    caption = "A fallen tree blocks a road in Bergen, Norway, on December 2, 2026."
    text = (
        "NORTH SEA POST\n"
        "News  Europe  Energy\n"
        "Europe\n"
        "Storm leaves 40,000 homes without power on Norway's west coast\n"
        f"{deck}\n"
        f"{caption} © Kari Nordmann, NTB\n"
        "Text by:  NEWS WIRES\n"
        "Issued on: 02/12/2026 - 10:31\n"
        "\n" + STORY_EN
    )
    roles = roles_by_text(text, "en")
    assert roles["Storm leaves 40,000 homes without power on Norway's west coast"] == "headline"
    assert roles[deck] == "headline"
    assert roles[caption] != "headline"


def test_a_captioned_photo_right_under_the_title_is_no_deck() -> None:
    """A caption in its own block under the title, then its credit line and stamps."""
    caption = "Norway has seen three storms of this strength since 2020."
    text = (
        "The North Sea Post\n"
        "World  Europe\n"
        "\n"
        "Storm leaves 40,000 homes without power on Norway's west coast\n"
        "\n"
        f"{caption}\n"
        "PHOTO: NTB\n"
        "Published  Dec 02, 2026, 02:14 AM\n"
        "Listen to this article  2 min\n"
        "\n" + STORY_EN
    )
    roles = roles_by_text(text, "en")
    assert roles["Storm leaves 40,000 homes without power on Norway's west coast"] == "headline"
    assert roles[caption] != "headline"


def test_a_stamp_with_spaced_clock_times_is_no_subtitle() -> None:
    """ "Publié le … à 18 h 31  Mis à jour à 19 h 55" (Quebec style) is a stamp row, even
    when the story names the agency the row opens with."""
    stamp = "La Presse Canadienne  Publié le 2 décembre 2026 à 18 h 31  Mis à jour à 19 h 55"
    text = (
        "Noroît Info\n"
        "Actualités  Régions  Monde\n"
        "Tempête : 40 000 foyers privés d'électricité en Norvège\n"
        f"{stamp}\n"
        "Partager\n"
        "\n"
        "Une tempête accompagnée de rafales jusqu'à 140 km/h a frappé la côte ouest de la "
        "Norvège dans la nuit de lundi à mardi, privant d'électricité quelque 40 000 foyers.\n"
        "Les liaisons par traversier entre les îles ont été suspendues et plusieurs routes "
        "sont coupées par des chutes d'arbres, selon les autorités locales citées par La "
        "Presse Canadienne.\n"
    )
    roles = roles_by_text(text, "fr")
    assert roles["Tempête : 40 000 foyers privés d'électricité en Norvège"] == "headline"
    assert roles[stamp] != "headline"
