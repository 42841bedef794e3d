"""The boxes after and around the story: comment forms, related-story labels, appeals.

Shapes seen across blind batches 8-21 (login-gated comment sections followed by the
site's chrome, related-story headings in every language, appeal boxes); the pages
here are written for the repository.
"""

from __future__ import annotations

import pytest

from tests.ingest.page_roles import roles_by_text

STORY = (
    "Harbour crane collapses in Gdansk\n\n"
    "A container crane collapsed at the port of Gdansk on Tuesday, injuring two workers.\n"
    "The port authority said the crane had been inspected in October and found safe.\n"
    "Investigators from the labour inspectorate arrived at the terminal in the afternoon.\n"
    "Operations at the terminal are expected to resume on Thursday, the operator said.\n\n"
)


def test_a_comment_section_showing_only_its_login_gate_ends_with_it() -> None:
    """No post below the form: the newsletter box and the story list after it are chrome."""
    text = STORY + (
        "Comments (0)\n"
        "You must be logged in to post a comment.\n"
        "Log in\n"
        "Newsletter: the week's port and shipping news in your inbox  Sign up\n"
        "Ferry operator orders two new ships for the Baltic route\n"
    )
    roles = roles_by_text(text)
    assert roles["Comments (0)"] == "comment_form"
    assert roles["You must be logged in to post a comment."] == "comment_form"
    assert roles["Log in"] == "comment_form"
    assert roles["Ferry operator orders two new ships for the Baltic route"] != "comment_form"
    assert all(r != "comment_form" for t, r in roles.items() if t.startswith("Newsletter"))


def test_a_comment_section_with_timed_posts_runs_on_over_them() -> None:
    text = STORY + (
        "Comments (2)\n"
        "Log in to comment.\n"
        "harbour_watcher\n"
        "Tuesday 14:02\n"
        "This is the third accident at that terminal in two years.\n"
        "Marta K.\n"
        "Tuesday 15:40\n"
        "Hoping the two workers recover quickly.\n"
    )
    roles = roles_by_text(text)
    assert roles["This is the third accident at that terminal in two years."] == "comment_form"
    assert roles["Hoping the two workers recover quickly."] == "comment_form"


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("Новини на тему", "uk"),
        ("Вам також може бути цікаво:", "uk"),
        ("Связанные материалы", "ru"),
        ("Новости на тему", "ru"),
        ("Explore further", "en"),
        ("Das könnte dich auch interessieren:", "de"),
        ("Lire également", "fr"),
    ],
)
def test_a_related_stories_heading_is_link_residue(label: str, lang: str) -> None:
    from workbench.core.roles import _rule_role

    assert _rule_role(label) == "link_residue"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Матеріал підготовлено за фінансової підтримки Європейського Союзу.", "uk"),
        (
            "Його зміст є виключною відповідальністю редакції і не обов'язково відображає "
            "погляди ЄС.",
            "uk",
        ),
        ("The views expressed do not necessarily reflect the views of the donor.", "en"),
        ("This document is subject to copyright.", "en"),
        ("The content is provided for information purposes only.", "en"),
        ("Der Beitrag gibt nicht unbedingt die Meinung der Stiftung wieder.", "de"),
        ("Ce contenu ne reflète pas nécessairement la position de l'Union européenne.", "fr"),
        ("Материал подготовлен при поддержке фонда.", "ru"),
    ],
)
def test_a_disclaimer_under_the_copy_is_chrome(line: str, lang: str) -> None:
    text = STORY + line + "\n"
    roles = roles_by_text(text, lang)
    assert [r for t, r in roles.items() if t in line] == ["other"] * sum(t in line for t in roles)
    assert (
        roles[
            "Investigators from the labour inspectorate arrived at the terminal in the afternoon."
        ]
        == "body"
    )


def test_story_sentences_that_look_like_disclaimers_stay_story() -> None:
    from workbench.core.role_phrases import SELF_REFERENCE

    for line in (
        "The attack was the sole responsibility of the regime, the minister said.",
        "Das ist nicht unbedingt die beste Lösung, sagte der Bürgermeister.",
        "Material produced at the plant is shipped to Poland.",
    ):
        assert not SELF_REFERENCE.search(line), line


# A page read line by line (no blank lines: 28 of 209 dev pages) loses the box paragraphs.
STORY_LINES = (
    "Harbour crane collapses in Gdansk\n"
    "A container crane collapsed at the port of Gdansk on Tuesday, injuring two workers.\n"
    "The port authority said the crane had been inspected in October and found safe.\n"
    "Investigators from the labour inspectorate arrived at the terminal in the afternoon.\n"
    "Operations at the terminal are expected to resume on Thursday, the operator said.\n"
)


def test_an_appeal_box_read_line_by_line_keeps_its_middle_line() -> None:
    text = STORY_LINES + (
        "I hope you appreciated this article. Before you move on, I was hoping you would "
        "consider supporting our journalism.\n"
        "A handful of billionaires own much of the press. We have no owner to answer to.\n"
        "Our journalism is free from commercial influence and open to everyone, thanks to "
        "readers like you.\n"
    )
    roles = roles_by_text(text)
    assert roles["We have no owner to answer to."] == "appeal"
    assert roles["A handful of billionaires own much of the press."] == "appeal"
    assert (
        roles[
            "Investigators from the labour inspectorate arrived at the terminal in the afternoon."
        ]
        == "body"
    )


def test_the_printed_line_over_a_donate_button_is_its_box() -> None:
    text = STORY_LINES + (
        "Our reporting from the port of Gdansk needs support. With your donation you make our "
        "work on the Gdansk terminal possible.\n"
        "Donate now\n"
    )
    roles = roles_by_text(text)
    assert roles["Our reporting from the port of Gdansk needs support."] == "appeal"
    assert (
        roles["With your donation you make our work on the Gdansk terminal possible."] == "appeal"
    )
    assert (
        roles["Operations at the terminal are expected to resume on Thursday, the operator said."]
        == "body"
    )


_MISTO = (
    "У Житомирі відкрили новий міст через Тетерів\n\n"
    "У Житомирі у вівторок відкрили новий автомобільний міст через річку Тетерів.\n\n"
    "Міст завдовжки 240 метрів будували два роки, він коштував 310 млн грн.\n\n"
    "Рух мостом відкрили для автомобілів і тролейбусів, повідомили у міській раді.\n\n"
)


@pytest.mark.parametrize(
    "box",
    [
        "«Вежа» пише про Житомир з 2015 року. Станьте другом «Вежі» — від 50 гривень на місяць, "
        "і ми залишимося незалежними.\nДолучитися\n",
        "Підтримайте незалежну редакцію «Вежі» внеском від 50 гривень на місяць.\n",
    ],
)
def test_an_appeal_that_bids_the_reader_and_names_a_monthly_sum_is_an_appeal(box: str) -> None:
    """No "you", no "support": a verb in the second person plural and a sum a month."""
    roles = roles_by_text(_MISTO + box, "uk")
    bid = next(t for t in roles if t.startswith(("Станьте", "Підтримайте")))
    assert roles[bid] == "appeal"
    told = "Рух мостом відкрили для автомобілів і тролейбусів, повідомили у міській раді."
    assert roles[told] == "body"


@pytest.mark.parametrize(
    ("text", "bids"),
    [
        ("Станьте другом редакції.", True),
        ("Підтримайте нас.", True),
        ("Поддержите независимую журналистику.", True),
        ("Подпишитесь на наш канал.", True),
        ("Υποστηρίξτε την ανεξάρτητη δημοσιογραφία.", True),
        ("Soutenez une information libre.", True),
        ("Martinez said the bridge would open in May.", False),
        ("Gomez a déclaré que le pont ouvrira en mai.", False),
        ("Нагадаємо, міст будували два роки.", False),
        ("Рятувальники працюють на місці.", False),
        ("«Поддержите нас», — попросил мэр.", False),
    ],
)
def test_a_verb_bidding_the_reader_opens_the_sentence(text: str, bids: bool) -> None:
    from workbench.core.page_tail import addresses_reader

    assert addresses_reader(text) is bids


@pytest.mark.parametrize(
    ("story", "form", "lang"),
    [
        (
            "Effondrement d'une grue dans le port de Gdansk\n\n"
            "Une grue s'est effondrée mardi dans le port de Gdansk, blessant deux ouvriers.\n\n"
            "Selon l'autorité portuaire, la grue avait été inspectée en octobre.\n\n"
            "Les inspecteurs du travail sont arrivés au terminal dans l'après-midi.\n\n",
            "Pour réagir, vous devez être connecté.  Se connecter\n",
            "fr",
        ),
        (
            "Hafenkran in Danzig eingestürzt\n\n"
            "Im Hafen von Danzig ist am Dienstag ein Containerkran eingestürzt, zwei Arbeiter "
            "wurden verletzt.\n\n"
            "Die Hafenbehörde teilte mit, der Kran sei im Oktober geprüft worden.\n\n"
            "Ermittler der Arbeitsinspektion trafen am Nachmittag am Terminal ein.\n\n",
            "Diskutieren Sie mit!\n",
            "de",
        ),
    ],
)
def test_the_site_asking_readers_to_comment_heads_the_comment_form(
    story: str, form: str, lang: str
) -> None:
    """No comment label and no post: the site's voice and a word of commenting open the form."""
    roles = roles_by_text(story + form + "\nImpressum  Datenschutz  Contact\n", lang)
    head = form.split("  ")[0].strip()
    assert roles[head] == "comment_form"
    last = story.strip().split("\n")[-1]
    assert roles[last] == "body"


def test_a_story_sentence_inviting_comments_on_a_plan_stays_story() -> None:
    text = STORY + (
        "You can comment on the crane inspection plans at the port authority until Friday, "
        "the operator said.\n"
        "The terminal employs 400 people.\n"
    )
    roles = roles_by_text(text)
    said = (
        "You can comment on the crane inspection plans at the port authority until Friday, "
        "the operator said."
    )
    assert roles[said] == "body"
