"""Page sections decided by evidence across the page: comment sections, consent banners.

Shapes first seen on blind batches 6 and 7 (finance portals, Austrian papers with
user postings, Baltic Russian-language sites with cookie banners); the pages here
are written for the repository.
"""

from __future__ import annotations

from tests.ingest.page_roles import roles_by_text

STORY_FR = (
    "Le constructeur Aurelis ferme son usine de Graz\n"
    "Le constructeur automobile Aurelis va fermer son usine autrichienne de Graz d'ici fin 2027.\n"
    "Quelque 2.300 salariés sont concernés par cette fermeture, a annoncé le groupe lundi.\n"
    "La production du modèle Mistral sera transférée dans l'usine slovaque de Trnava.\n"
)


def test_the_whole_comment_section_below_the_story_is_comment_form() -> None:
    """Counter, commenter names, times, votes and comment texts: one section."""
    text = STORY_FR + (
        "12 commentaires\n"
        "M3581921  24 novembre 11:19\n"
        "Enfin une décision de bon sens, cette usine coûtait une fortune à tout le monde.\n"
        "211  14\n"
        "lecoursier75  24 novembre 11:26\n"
        "Et pendant ce temps les Chinois ouvrent des usines en Hongrie et ailleurs en Europe.\n"
    )
    roles = roles_by_text(text, "fr")
    assert roles["Le constructeur Aurelis ferme son usine de Graz"] == "headline"
    assert (
        roles[
            "Quelque 2.300 salariés sont concernés par cette fermeture, a annoncé le groupe lundi."
        ]
        == "body"
    )
    tail = text.split("12 commentaires")[1]
    assert roles["12 commentaires"] == "comment_form"
    for seg, role in roles.items():
        if seg in tail:
            assert role == "comment_form", seg


def test_a_comment_counter_above_the_story_does_not_swallow_it() -> None:
    text = (
        "Aurelis sperrt Werk in Graz zu\n24. November 2026, 10:31\n327 Postings\n\n"
        "Der französische Autohersteller Aurelis schließt sein Montagewerk in Graz bis Ende 2027.\n"
        "Rund 2.300 Beschäftigte verlieren ihren Arbeitsplatz, teilte der Konzern am Montag mit.\n"
        "Die Produktion des Kompakt-SUV wird ab Mitte 2027 ins slowakische Trnava verlagert.\n\n"
        "Diskussion zum Artikel  Neues Posting\n"
        "Grazer_Jung  vor 2 Stunden\n"
        "Erst die Nulllohnrunde, dann zusperren und alle Leute heimschicken.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles["327 Postings"] == "comment_form"
    assert roles["Aurelis sperrt Werk in Graz zu"] == "headline"
    story = [r for t, r in roles.items() if "Aurelis schließt" in t or "2.300 Beschäftigte" in t]
    assert story == ["body", "body"]
    assert roles["Diskussion zum Artikel  Neues Posting"] == "comment_form"
    assert roles["Grazer_Jung  vor 2 Stunden"] == "comment_form"
    assert (
        roles["Erst die Nulllohnrunde, dann zusperren und alle Leute heimschicken."]
        == "comment_form"
    )


FLOOD_RU = (
    "Наводнение на западе Украины: подтоплены более тысячи домов\n\n"
    "Проливные дожди вызвали наводнение в Закарпатской области Украины, вода подтопила "
    "более тысячи домов.\n"
    "По данным спасателей, уровень воды в реке Тиса превысил критическую отметку у Рахова.\n"
    "Спасатели эвакуировали около шестисот жителей, среди них сто сорок детей.\n"
)


def test_a_consent_banner_above_the_story_is_chrome() -> None:
    """The site talking ("we", "you") off the story's topic, above the headline."""
    text = (
        "Мы и наши партнеры используем файлы cookie, чтобы персонализировать контент и "
        "анализировать трафик.\n"
        "Нажимая «Принять все», вы соглашаетесь на их использование.\n"
        "Принять все  Настройки\n" + FLOOD_RU
    )
    roles = roles_by_text(text, "ru")
    first = "Мы и наши партнеры используем файлы cookie"
    assert [r for t, r in roles.items() if t.startswith(first)] == ["other"]
    assert roles["Нажимая «Принять все», вы соглашаетесь на их использование."] == "other"
    assert roles["Наводнение на западе Украины: подтоплены более тысячи домов"] == "headline"
    body = [r for t, r in roles.items() if "Спасатели" in t or "Тиса" in t]
    assert body == ["body", "body"]


def test_a_cookie_line_below_the_story_is_chrome() -> None:
    """The site's "we" after page chrome is chrome; right after a story sentence it is story."""
    cookie = "Мы используем файлы cookie, чтобы сайт работал лучше."
    roles = roles_by_text(FLOOD_RU + "Delfi в Telegram  Подписаться\n" + cookie + "\n", "ru")
    assert roles[cookie] == "other"
    assert [r for t, r in roles.items() if "Спасатели" in t] == ["body"]
    text = (
        "Ferry operator suspends crossings after engine fire\n"
        "The operator suspended all crossings between Kiel and Klaipeda on Sunday after an "
        "engine fire on one of its ships.\n"
        "Nobody was hurt in the fire, which broke out shortly after midnight, the company said.\n"
        "We are deeply grateful to the crew for their calm and professional response, the "
        "company said in a statement.\n"
    )
    assert set(list(roles_by_text(text, "en").values())[1:]) == {"body"}


def test_we_in_quoted_speech_stays_story() -> None:
    text = (
        "Gewerkschaft kündigt Widerstand gegen Werksschließung an\n\n"
        "Die Gewerkschaft kündigte am Montag Widerstand gegen die Schließung des Werks an.\n"
        '"Wir werden um jeden Arbeitsplatz in diesem Werk kämpfen", sagte der Betriebsratschef.\n'
        "Der Konzern will die Produktion des Werks bis Mitte 2027 in die Slowakei verlagern.\n"
    )
    roles = roles_by_text(text, "de")
    assert set(list(roles.values())[1:]) == {"body"}


def test_a_channel_post_ending_in_emoji_is_story() -> None:
    text = (
        "Труха Україна\n388K  13:31\n"
        "Румунія викликала російського дипломата через уламки дрона біля Ізмаїла\n"
        "На полі біля села Кілія-Веке, прямо навпроти Ізмаїла, місцеві знайшли уламки дрона.\n"
        "Вночі румуни піднімали два винищувачі і розсилали людям попередження.\n"
        "МЗС Румунії вручило російському дипломату ноту протесту 🤡\n"
        "402K  edited  13:47\n"
    )
    roles = roles_by_text(text, "uk")
    assert roles["МЗС Румунії вручило російському дипломату ноту протесту 🤡"] == "body"
    assert roles["402K  edited  13:47"] == "other"


def test_credit_notes_and_named_photo_credits_are_chrome() -> None:
    text = (
        "Aurelis to shut Austrian plant, 2,300 jobs at risk\n\n"
        "French carmaker Aurelis will close its assembly plant in Graz by the end of 2027, "
        "the company said on Monday.\n\n"
        "Flooded street in Graz, 24 November 2026. Photo EPA\n\n"
        "Production of the Mistral will move to the company's plant in Trnava, Slovakia.\n\n"
        "(Reporting by Gilles Marchand in Paris and Katharina Weiss in Vienna; Editing by "
        "Mark Potter)\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Flooded street in Graz, 24 November 2026."] == "other"
    assert roles["Photo EPA"] == "other"
    note = [r for t, r in roles.items() if t.startswith("(Reporting by")]
    assert note == ["other"]
    assert [r for t, r in roles.items() if t.startswith("Production")] == ["body"]


def test_on_topic_sentences_beside_a_read_also_line_stay_story() -> None:
    """A paragraph with a "Read also" line is a widget only when no story sentence is in it."""
    text = (
        "На Закарпатті через паводок підтоплено понад тисячу будинків\n\n"
        "Унаслідок сильних дощів на Закарпатті піднявся рівень води в річках, підтоплено "
        "понад тисячу будинків у населених пунктах.\n"
        "За словами голови ОВА, найскладніша ситуація у Рахівському та Тячівському районах.\n\n"
        "Рятувальники евакуювали 600 людей.\n"
        "Без світла залишаються понад 9 тисяч абонентів.\n"
        "Читайте також: Укренерго: графіки відключень у неділю не застосовуватимуть\n"
    )
    roles = roles_by_text(text, "uk")
    assert roles["Без світла залишаються понад 9 тисяч абонентів."] == "body"
    label = "Читайте також: Укренерго: графіки відключень у неділю не застосовуватимуть"
    assert roles[label] == "link_residue"


def test_a_deck_under_the_stamp_and_video_embeds() -> None:
    """Title, stamp, then the deck in the title's block; embeds with a running time are chrome."""
    text = (
        "Brand auf Ostsee-Fähre vor Rügen: 14 Menschen leicht verletzt\n"
        "Stand: 08.11.2025 14:20 Uhr\n"
        "Auf einer Fähre von Kiel nach Klaipėda ist in der Nacht ein Feuer ausgebrochen. "
        "Die Crew brachte den Brand unter Kontrolle, das Schiff erreichte den Hafen Mukran.\n"
        "Video: Nach Brand auf Fähre: Passagiere in Mukran an Land (2 Min)\n\n"
        "Auf der Ostseefähre ist in der Nacht zu Sonnabend ein Feuer auf dem Fahrzeugdeck "
        "ausgebrochen.\n"
        "An Bord waren 238 Passagiere und 61 Besatzungsmitglieder, verletzt wurden vierzehn.\n\n"
        "Video: Seenotretter begleiten Fähre nach Mukran (1 Min)\n\n"
        "Hintergrund:\n"
        "Seenotrettungskreuzer aus Sassnitz und Glowe begleiteten die Fähre bis in den Hafen.\n"
    )
    roles = roles_by_text(text, "de")
    deck = "Auf einer Fähre von Kiel nach Klaipėda ist in der Nacht ein Feuer ausgebrochen."
    assert roles[deck] == "headline"
    assert roles["Video: Nach Brand auf Fähre: Passagiere in Mukran an Land (2 Min)"] == "other"
    assert roles["Video: Seenotretter begleiten Fähre nach Mukran (1 Min)"] == "other"
    assert roles["Hintergrund:"] == "body"  # a crosshead opening its paragraph
    assert [r for t, r in roles.items() if t.startswith("An Bord")] == ["body"]


def test_a_forum_thread_first_post_is_the_story_and_replies_are_comments() -> None:
    text = (
        "Форум Ужгорода • Перегляд теми - Паводок на Закарпатті\n"
        "Головна сторінка форуму ‹ Новини Закарпаття\n"
        "Паводок на Закарпатті\n"
        "Повідомлення  tysa_rakhiv  » Чт листопада 27, 2026 11:14\n"
        "Унаслідок сильних дощів на Закарпатті піднявся рівень води в річках Тиса, Теребля та "
        "Ріка, підтоплено понад тисячу будинків.\n"
        "Про це повідомив голова Закарпатської обласної адміністрації на брифінгу.\n"
        "За його словами, найскладніша ситуація у Рахівському та Тячівському районах.\n"
        "Джерело: https://www.pravda.com.ua/news/2026/11/27/7488213/\n"
        "Люди, хто з Тячева – як у вас там?\n"
        "Повідомлення  Marichka  » Чт листопада 27, 2026 11:52\n"
        "Ми в Тячеві на Добрянського, вода вже у дворі, на другий поверх все переносимо.\n"
        "Повідомлення  Sanych_Uzh  » Чт листопада 27, 2026 12:30\n"
        "В Ужгороде Уж пока в берегах, но на Лавочном дорогу размыло, объезжайте.\n"
    )
    roles = roles_by_text(text, "uk")
    assert roles["Головна сторінка форуму ‹ Новини Закарпаття"] == "other"
    assert (
        roles["Про це повідомив голова Закарпатської обласної адміністрації на брифінгу."] == "body"
    )
    assert roles["Джерело: https://www.pravda.com.ua/news/2026/11/27/7488213/"] == "link_residue"
    replies = text.split("як у вас там?\n")[1]
    for seg, role in roles.items():
        if seg in replies:
            assert role == "comment_form", seg


def test_an_appeal_leads_up_to_its_button_and_an_ad_disclaimer_is_chrome() -> None:
    text = (
        "Aurelis to shut Austrian plant, 2,300 jobs at risk\n\n"
        "French carmaker Aurelis will close its assembly plant in Graz by the end of 2027, "
        "the company said on Monday.\n\n"
        "3rd party Ad. Not an offer or recommendation by Investing.com. See disclosure here.\n\n"
        "Production of the Mistral compact SUV will move to the Aurelis plant in Trnava, "
        "Slovakia, from mid-2027.\n\n"
        "Austria's PRO-GE union called the decision a slap in the face for the plant's workers.\n"
        "Aurelis  Graz  carmakers\n"
        "Support the Daily Gull on Patreon!\n"
        "The Daily Gull is the place where you will find the latest news about the region.\n"
        "Support DG\n"
        "Most read\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Not an offer or recommendation by Investing.com."] == "other"
    assert roles["3rd party Ad."] == "other"
    box = ["Support the Daily Gull on Patreon!", "Support DG"]
    assert [roles[t] for t in box] == ["appeal", "appeal"]
    assert roles["Most read"] == "other"
    assert [r for t, r in roles.items() if t.startswith("Production")] == ["body"]


def test_a_sign_up_pitch_in_a_block_of_chrome_below_the_story_is_chrome() -> None:
    text = (
        "Feuer auf Fähre vor Kap Arkona: 17 Verletzte\n\n"
        "Auf der Ostseefähre Baltic Meridian ist in der Nacht ein Feuer auf dem Autodeck "
        "ausgebrochen.\n"
        "Die Crew hatte das Feuer mit der Sprinkleranlage bis zum Morgen unter Kontrolle.\n\n"
        "Sur le même sujet\n"
        "Newsletter Nordkurier: täglich die wichtigsten Nachrichten aus Mecklenburg ins Postfach.\n"
        "Anmelden\n"
    )
    roles = roles_by_text(text, "de")
    pitch = (
        "Newsletter Nordkurier: täglich die wichtigsten Nachrichten aus Mecklenburg ins Postfach."
    )
    assert roles[pitch] == "other"
    assert [r for t, r in roles.items() if t.startswith("Die Crew")] == ["body"]


def test_a_thread_repost_with_handles_and_an_english_cookie_banner() -> None:
    """Probes in shapes no batch had: a Reddit-like thread, a two-stem cookie sentence."""
    thread = (
        "r/worldnews\nPosted by u/baltic_watch 5h ago\n"
        "Ferry fire off Rügen: 14 people slightly injured\nndr.de\n"
        "A fire broke out overnight on a ferry from Kiel to Klaipeda, German authorities said.\n"
        "The crew brought the blaze under control and the ship reached the port of Mukran.\n"
        "Fourteen people were treated for smoke inhalation, according to the authorities.\n"
        "1.2k comments  Share  Save\nSort by: Best\nu/seafarer88 · 4h\n"
        "Glad nobody was seriously hurt, those car decks are a nightmare to fight fires on.\n"
        "Reply  312\n"
    )
    roles = roles_by_text(thread, "en")
    assert roles["Ferry fire off Rügen: 14 people slightly injured"] == "headline"
    assert roles["ndr.de"] == "other"  # a source line is not the title's wrapped end
    assert roles["1.2k comments  Share  Save"] == "comment_form"
    assert roles["u/seafarer88 · 4h"] == "comment_form"
    banner = (
        "We use cookies to give you the best experience on our site. By continuing to browse, "
        "you agree to our use of cookies.\nAccept  Manage settings\nKYIV POST\n"
        "Drone debris found in Romania near Izmail\nBy Olena Petrenko  September 23, 2025\n"
        "Romania summoned a Russian diplomat on Tuesday after drone debris was found in a field "
        "near the Ukrainian port of Izmail.\n"
        "The Romanian Foreign Ministry said the incident endangered the lives of its citizens.\n"
        "Two F-16 fighter jets were scrambled overnight, the Defence Ministry said.\n"
    )
    roles = roles_by_text(banner, "en")
    assert roles["We use cookies to give you the best experience on our site."] == "other"
    assert roles["Drone debris found in Romania near Izmail"] == "headline"


def test_listen_widgets_and_a_cookie_notice_without_we_or_you_are_chrome() -> None:
    text = (
        "Наводнение на западе Украины: подтоплены более тысячи домов\nСлушать статью\n\n"
        + FLOOD_RU.split("\n\n", 1)[1]
        + "\nТеги  Украина  наводнение\n"
        "Этот сайт использует файлы cookie для улучшения работы и аналитики посещаемости.\n"
        "Принять\n"
    )
    roles = roles_by_text(text, "ru")
    assert roles["Слушать статью"] == "other"
    notice = "Этот сайт использует файлы cookie для улучшения работы и аналитики посещаемости."
    assert roles[notice] == "other"
    assert [r for t, r in roles.items() if "Спасатели" in t] == ["body"]
    assert (
        roles_by_text("Drohnenteile in Rumänien gefunden\nArtikel anhören  3 Min.\n", "de")[
            "Artikel anhören  3 Min."
        ]
        == "other"
    )


def test_live_blog_entries_under_bare_times_are_not_forum_posts() -> None:
    entries = [
        "The crew has brought the fire on the ferry under control, the Havariekommando said.",
        "Fourteen passengers were treated for smoke inhalation on board the ferry overnight.",
        "The ferry is heading for the port of Mukran under its own power, the operator said.",
        "Buses will take the passengers from Mukran to Klaipeda on Sunday, the operator said.",
        "Investigators believe the fire broke out in a refrigerated lorry on the car deck.",
    ]
    times = ["11:30", "11:02", "10:42", "10:15", "09:58"]
    text = "Live: Ferry fire off Rügen\n\n" + "".join(
        f"{t}\n{e}\n" for t, e in zip(times, entries, strict=True)
    )
    roles = roles_by_text(text, "en")
    assert [roles[e] for e in entries[1:]] == ["body"] * 4
    assert "comment_form" not in roles.values()


def test_source_lists_and_further_reading_labels_are_link_residue() -> None:
    from workbench.core.roles import _rule_role

    labels = ["Verwendete Quellen:  Nachrichtenagentur dpa", "Original source: Reuters"]
    labels += ["Empfehlungen der Redaktion", "Weitere Informationen", "Further reading"]
    for line in labels:
        assert _rule_role(line) == "link_residue", line
    assert _rule_role("Another source said on Monday that the talks had failed.") is None


def test_a_site_name_above_the_title_is_not_the_headline() -> None:
    """The site's own sentences name the site; they do not vouch for a site-name line."""
    text = (
        "Coastal Herald\n"
        "Zakarpattia floods: two dead\n"
        "Heavy rain flooded more than 1,000 homes in 34 villages of Zakarpattia Oblast, "
        "officials said.\n"
        "Two people were killed, a man swept away by the current and a woman in her house.\n"
        "Rescuers evacuated about 600 people, including 140 children, from flooded villages.\n"
        "The Coastal Herald is the place where you will find the latest news from the coast.\n"
    )
    roles = roles_by_text(text, "en")
    assert roles["Coastal Herald"] == "other"
    assert roles["Zakarpattia floods: two dead"] == "headline"
