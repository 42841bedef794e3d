"""The page header: kicker, title, subtitle and deck above the story (core.page_header).

The shapes were first seen on blind batches 8 and 10 (a dpa paper's kicker,
title and two-sentence summary; a Luxembourg free daily's kicker and subtitle;
a French daily's long stamp line; a Russian exile site's subtitle); the pages
here are invented for the repository.
"""

from __future__ import annotations

from tests.ingest.page_roles import roles_by_text

STORY_DE = (
    "Bergen (dpa) - Ein Sturm mit Böen von bis zu 140 Kilometern pro Stunde hat in der Nacht "
    "zum Dienstag die Westküste Norwegens getroffen.\n"
    "Nach Angaben der Behörden waren am Morgen rund 40.000 Haushalte ohne Strom, vor allem "
    "in der Region um Bergen.\n"
    "\n"
    "Der Fährverkehr zwischen den Inseln wurde eingestellt, mehrere Straßen sind wegen "
    "umgestürzter Bäume gesperrt.\n"
    "Die Stromversorger rechnen damit, dass die Reparaturen bis zum Wochenende dauern.\n"
)


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


def test_a_label_whose_words_come_back_in_one_note_only_is_not_the_title() -> None:
    """A feed label above the title, repeated by a syndication note, is passed over."""
    text = (
        "Nordkurier Online\n"
        "Home  Panorama  Unwetter\n"
        "Direkt aus dem Agenturticker\n"
        "Sturm lässt Haushalte in Norwegen ohne Strom\n"
        "02.12.2026, 10:12 Uhr\n"
        "\n"
        "Direkt aus dem Agenturticker: Dieser Text wurde automatisch übernommen und von der "
        "Redaktion nicht bearbeitet.\n"
        "\n" + STORY_DE
    )
    roles = roles_by_text(text, "de")
    assert roles["Sturm lässt Haushalte in Norwegen ohne Strom"] == "headline"
    assert roles["Direkt aus dem Agenturticker"] != "headline"


COOKIE_EN = (
    "We use cookies to give you the best experience on our website. "
    "By continuing to browse the site you agree to our use of cookies.\n"
)
STORY_EN = (
    "A storm with gusts of up to 140 km/h hit Norway's west coast overnight, leaving some "
    "40,000 homes without power, officials said on Tuesday.\n"
    "Ferry services between the islands around Bergen were suspended and several roads "
    "were closed by fallen trees.\n"
    "Utility crews expect the repairs to the power lines to last until the weekend.\n"
)


def test_a_cookie_banner_above_the_title_does_not_end_the_title_search() -> None:
    """The site talking about cookies is no start of the story, even when the story
    shares a word or two with it ("website", "browse"): the title below it is found."""
    text = (
        "North Sea Post\n" + COOKIE_EN + "OK  Settings\n"
        "Норською  English\n"
        "General\n"
        "11:32 02.12.2026\n"
        "\n"
        "Storm leaves 40,000 homes without power on Norway west coast – officials\n"
        "\n" + STORY_EN + "The utility said on its website that customers should continue to "
        "browse its outage map for updates.\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Storm leaves 40,000 homes without power on Norway west coast – officials"] == (
        "headline"
    )
    assert roles["North Sea Post"] != "headline"
    assert roles["We use cookies to give you the best experience on our website."] != "headline"


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


def test_a_teaser_title_above_the_title_is_no_kicker() -> None:
    """A kicker is a few words; a teaser title sharing a word with the title is not one."""
    text = (
        "Nordkurier Online\n"
        "Lokales  Politik  Wirtschaft  Sport\n"
        "Eilmeldung: Parlament beschließt neuen Haushalt nach langer Debatte in Bergen\n"
        "Sturm lässt 40.000 Haushalte in Norwegen ohne Strom\n"
        "02.12.2026 um 07:58\n"
        "\n" + STORY_DE
    )
    roles = roles_by_text(text, "de")
    assert roles["Sturm lässt 40.000 Haushalte in Norwegen ohne Strom"] == "headline"
    teaser = "Eilmeldung: Parlament beschließt neuen Haushalt nach langer Debatte in Bergen"
    assert roles[teaser] != "headline"


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


def test_a_title_whose_words_come_back_once_keeps_its_subtitle() -> None:
    """Title and subtitle lines: the title shares one word with the story, the subtitle more.

    The spread test that passes feed labels must not pass the title of a
    title/subtitle pair (the repository's wire-de page has this shape).
    """
    text = (
        "Startseite\n"
        "Panorama\n"
        "Orkan trifft die Westküste Norwegens mit voller Wucht\n"
        "Zehntausende Haushalte ohne Strom, in Bergen fallen die Fähren aus\n"
        "Von Kari Nordmann\n"
        "02.12.2026, 09:30 Uhr\n"
        "\n" + STORY_DE
    )
    roles = roles_by_text(text, "de")
    assert roles["Orkan trifft die Westküste Norwegens mit voller Wucht"] == "headline"
    assert roles["Zehntausende Haushalte ohne Strom, in Bergen fallen die Fähren aus"] == "headline"


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


def test_a_news_ticker_item_with_its_time_is_never_the_title() -> None:
    """A "latest news" list above the title repeats the story's own item with its time:
    a line opening with a clock time is a ticker item, and the title under it is found."""
    story = (
        "Шторм с порывами ветра до 140 километров в час обрушился в ночь на вторник на "
        "западное побережье Норвегии.\n"
        "По данным властей, утром без света оставались около 40 тысяч домохозяйств.\n"
        "Паромное сообщение между островами приостановлено, несколько дорог перекрыты.\n"
    )
    item = "09:47  Шторм оставил без света 40 тысяч домохозяйств в Норвегии"
    text = (
        "Северный вестник\n"
        "Лента новостей\n"
        "09:52  ЦБ сохранил прогноз инфляции на 2027 год\n"
        f"{item}\n"
        "09:31  В Якутии ввели режим ЧС из-за морозов\n"
        "Все новости\n"
        "02.12.2026, 09:47\n"
        "Шторм в Норвегии оставил без света 40 тысяч домохозяйств\n"
        "\n" + story
    )
    roles = roles_by_text(text, "ru")
    assert roles["Шторм в Норвегии оставил без света 40 тысяч домохозяйств"] == "headline"
    assert roles[item] != "headline"


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


def test_the_pages_title_tag_on_top_and_the_printed_title_are_both_headline() -> None:
    """A capture opening with the ``<title>`` ("Title | Site"): the title printed above
    the story is still the title, and its deck is found under it, not under the tag."""
    title = "Sturm lässt 40.000 Haushalte in Norwegen ohne Strom"
    deck = "Böen von bis zu 140 Kilometern pro Stunde trafen die Westküste des Landes."
    text = (
        f"{title} | Nordkurier\n"
        "Nordkurier Online\n"
        "Lokales  Politik  Wirtschaft  Sport\n"
        f"{title}\n"
        f"{deck}\n"
        "Von dpa  02.12.2026 - 07:58 Uhr\n"
        "\n" + STORY_DE
    )
    roles = roles_by_text(text, "de")
    assert roles[f"{title} | Nordkurier"] == "headline"
    assert roles[title] == "headline"
    assert roles[deck] == "headline"
    assert roles["Nordkurier Online"] == "other"


def test_a_title_below_a_long_menu_is_found() -> None:
    """Sixteen menu lines above the title (a scraped drop-down menu): the title is
    looked for above the story's first sentence, not within the first few lines."""
    menu = "\n".join(
        ["Nordkurier Online", "Startseite", "Lokales", "Politik", "Wirtschaft", "Sport",
         "Kultur", "Wissen", "Reise", "Auto", "Digital", "Video", "Podcasts", "Wetter",
         "Newsletter", "E-Paper"]
    )  # fmt: skip
    title = "Sturm lässt 40.000 Haushalte in Norwegen ohne Strom"
    subtitle = "Böen bis 140 Kilometer pro Stunde an der Westküste, Fähren stehen still"
    text = menu + f"\n{title}\n{subtitle}\nVon dpa  02.12.2026 - 07:58 Uhr\n\n" + STORY_DE
    roles = roles_by_text(text, "de")
    assert [roles[title], roles[subtitle]] == ["headline", "headline"]
    assert roles["Newsletter"] == "other"


def test_a_title_printed_with_a_full_stop_above_the_stamp_is_headline() -> None:
    """No title-shaped line on the page: the one-sentence line with the date stamp
    between it and the story is the title, not the story's first sentence."""
    title = "Storm leaves 40,000 homes without power on Norway's west coast."
    text = "North Sea Post\nNews  World\n" + title + "\n02.12.2026 13:45\n\n" + STORY_EN
    roles = roles_by_text(text, "en")
    assert roles[title] == "headline"
    assert roles["North Sea Post"] == "other"  # the site name is no title for want of one
    assert all(roles[s] == "body" for s in STORY_EN.strip().split("\n"))
    no_stamp = "North Sea Post\nNews  World\n\n" + title + "\n" + STORY_EN
    assert roles_by_text(no_stamp, "en")[title] != "headline"  # nothing tells it apart


def test_a_teaser_on_the_same_topic_above_the_title_is_not_the_title() -> None:
    """A teaser title sharing the story's words is printed higher up: the title is the
    close line nearest the story (above its stamp)."""
    teaser = "Opinion: Storm on Norway's west coast, why 40,000 homes lost their power"
    title = "Storm leaves 40,000 homes without power on Norway's west coast"
    text = (
        "North Sea Post\n"
        f"{teaser}\n"
        "More headlines\n"
        f"{title}\n"
        "Published 02.12.2026 13:45\n"
        "\n" + STORY_EN
    )
    roles = roles_by_text(text, "en")
    assert roles[title] == "headline"
    assert roles[teaser] != "headline"
