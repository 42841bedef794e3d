"""Page chrome around the story: shapes first seen on blind batches 8-10.

A header row of byline and stamps, "Subscribe to X on Telegram" beside an
appeal, an agency sign-off ending wire copy, a page cut inside a story
sentence, a post embedded in the story.  The pages here are written for the
repository.
"""

from __future__ import annotations

from tests.ingest.page_roles import roles_by_text


def test_a_header_row_of_byline_stamps_and_reading_time_is_chrome() -> None:
    text = (
        "Séisme en Roumanie : douze blessés légers\n"
        "Par AFP  Publié le 30/11/2026 à 08:12  Mis à jour le 30/11/2026 à 09:04  "
        "Temps de lecture: 2 min\n\n"
        "Un séisme de magnitude 5,8 a frappé lundi à l'aube le département de Vrancea, dans l'est "
        "de la Roumanie.\n\n"
        "Douze personnes ont été légèrement blessées, pour la plupart en quittant leur domicile.\n"
    )
    roles = roles_by_text(text, "fr")
    row = next(k for k in roles if k.startswith("Par AFP"))
    assert roles[row] == "other"
    assert roles["Séisme en Roumanie : douze blessés légers"] == "headline"


def test_a_channel_invitation_beside_an_appeal_is_other() -> None:
    text = (
        "Оползень перекрыл дорогу к границе\n\n"
        "В субботу утром оползень сошел на дорогу в районе села Гвелети, движение перекрыто.\n"
        "На грузинской стороне у пункта пропуска скопились около 900 грузовиков.\n\n"
        "Работы по расчистке дороги ведут 25 единиц техники, движение откроют к вечеру.\n\n"
        "Подписывайтесь на Civil.ge в Telegram\n"
        "Civil.ge – независимое издание, которое существует благодаря читателям.\n"
        "Поддержите нашу работу\n\n"
        "Subscribe to Kyiv Post on Telegram\n"
    )
    roles = roles_by_text(text, "ru")
    assert roles["Подписывайтесь на Civil.ge в Telegram"] == "other"
    assert roles["Subscribe to Kyiv Post on Telegram"] == "other"
    assert roles["Поддержите нашу работу"] == "appeal"
    news = "Губернатор сообщил об этом в Telegram."  # a sentence naming a network is news
    assert roles_by_text(news, "ru")[news] != "other"


STORY_EN = (
    "Kazakh oil exports disrupted after drone attack on Black Sea terminal\n\n"
    "The Caspian Pipeline Consortium suspended oil loadings at its Black Sea terminal on Sunday "
    "after an attack by unmanned boats damaged a mooring point.\n\n"
    "The consortium said no staff were injured and that a tanker loading at the mooring was "
    "moved to a safe distance.\n\n"
    "The pipeline carries around 1.5% of global oil supply, mostly Kazakh crude from the "
    "Tengiz field.\n\n"
    "Russia's defence ministry said its fleet had destroyed four unmanned boats overnight.\n\n"
)


MORE_EN = (
    "Kazakhstan's energy ministry said production at its major fields was not affected for now, "
    "but output would be cut if loadings did not resume within three days.\n\n"
    "Ukraine did not immediately comment on the attack on the terminal.\n\n"
    "Kyiv has stepped up attacks on Russian oil infrastructure this year, saying it aims to cut "
    "revenue used to finance the war.\n\n"
    "Benchmark Brent crude futures rose 1.2% to $66.85 a barrel by 1130 GMT after the attack.\n\n"
    "The terminal handled about 1.6 million barrels of oil per day in October, according to "
    "shipping data.\n\n"
)


def test_nothing_below_an_agency_sign_off_is_story() -> None:
    """The sign-off ends wire copy: a disclaimer under it is chrome, a name-heavy line above
    it is story."""
    text = (
        STORY_EN
        + MORE_EN
        + (
            "Shareholders in the consortium include Russia's Transneft, Kazakhstan's KazMunayGas, "
            "Chevron and Exxon Mobil.\n\n"
            "(Reporting by Nurlan Abenov in Astana; Editing by Tom Hargreaves)\n\n"
            "Disclaimer: This report is auto-generated from the Reuters news service.\n"
            "The site holds no responsibility for its content.\n"
        )
    )
    roles = roles_by_text(text, "en")
    assert roles["Shareholders in the consortium include Russia's Transneft, Kazakhstan's "
                 "KazMunayGas, Chevron and Exxon Mobil."] == "body"  # fmt: skip
    assert (
        roles["Disclaimer: This report is auto-generated from the Reuters news service."] == "other"
    )
    assert roles["The site holds no responsibility for its content."] == "other"
    middle = STORY_EN + "(Reporting by Nurlan Abenov)\n\n" + MORE_EN  # a credit mid-story
    roles = roles_by_text(middle, "en")
    assert roles["Ukraine did not immediately comment on the attack on the terminal."] == "body"


def test_a_page_cut_inside_a_story_sentence_keeps_it_in_the_story() -> None:
    text = STORY_EN + "Shareholders in CPC include Russia's Transneft, Kazakh"
    roles = roles_by_text(text, "en")
    assert roles["Shareholders in CPC include Russia's Transneft, Kazakh"] == "body"
    boxed = STORY_EN + "All rights reserved.\nAny use of our material requires a hyperlink to"
    roles = roles_by_text(boxed, "en")
    assert roles["Any use of our material requires a hyperlink to"] != "body"


def test_a_post_embedded_in_the_story_is_story_in_any_language() -> None:
    """A tweet quoted in a Russian story: its English text is story, its link and byline chrome."""
    text = (
        "Атака на терминал КТК: отгрузки казахстанской нефти приостановлены\n\n"
        "Каспийский трубопроводный консорциум приостановил отгрузку нефти на терминале под "
        "Новороссийском после атаки безэкипажных катеров.\n\n"
        "Через терминал проходит около полутора процентов мировых поставок нефти, в основном "
        "казахстанской.\n\n"
        "МИД Казахстана назвал атаку угрозой международной энергетической безопасности.\n\n"
        "Kazakhstan's MFA expresses deep concern over another attack on CPC infrastructure, "
        "an exclusively civilian facility.\n"
        "pic.twitter.com/Xk2LrQ9vTe\n"
        "— MFA Kazakhstan (@MFA_KZ) November 29, 2026\n\n"
        "В консорциуме уточнили, что пострадавших нет, а танкер отвели от поврежденного причала.\n"
    )
    roles = roles_by_text(text, "ru")
    tweet = next(k for k in roles if k.startswith("Kazakhstan's MFA"))
    assert roles[tweet] == "body"
    assert roles["pic.twitter.com/Xk2LrQ9vTe"] == "other"
    assert roles["— MFA Kazakhstan (@MFA_KZ) November 29, 2026"] == "other"
