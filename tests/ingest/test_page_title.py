"""Which line of the page header is the title (core.page_header): what stands above it.

Labels, cookie banners, teasers, ticker items, the ``<title>`` tag and long menus
above the printed title are passed over; a title sharing few words with the story
still keeps its subtitle.  Split from ``test_page_header.py`` (its kicker, deck and
subtitle tests); the pages are invented for the repository.
"""

from __future__ import annotations

from tests.ingest.page_roles import COOKIE_EN, STORY_DE, STORY_EN, roles_by_text


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
