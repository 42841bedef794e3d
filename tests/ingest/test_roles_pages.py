"""Page roles on real-site chrome shapes: repository fixtures, the shared dev pages, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from tests.ingest.page_roles import roles_by_text
from workbench.core.roles import ROLES, assign_roles
from workbench.core.segment import segment_text
from workbench.testing.page_gold import Score, load_annotated, load_pages, predict, score_page

ROLE_PAGES = Path(__file__).resolve().parents[1] / "data" / "role-pages"
STORIES_DEV = SHARED / "data" / "stories-dev"


@pytest.mark.parametrize("path", sorted(ROLE_PAGES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixture_page_roles(path: Path) -> None:
    page = load_annotated(path)
    for span in page.spans:  # the fixture's own gold is consistent
        assert page.text[span["start"] : span["end"]] == span["text"]
    score = score_page(page, predict(page))
    assert score.roles >= 0.85 and score.story >= 0.85, score.confusion


@pytest.mark.parametrize("folder", ["", "blind3", "blind4", "blind5", "blind6", "blind7"])
def test_fixture_pages_meet_the_goals_overall(folder: str) -> None:
    """The issue's goals (0.95 right role, 0.97 right story decision) over each fixture set.

    ``blind3`` .. ``blind7`` are blind batches kept after their first runs
    (0.858/0.879, 0.909/0.931, 0.931/0.957, 0.813/0.891 and 0.911/0.934, see their
    READMEs); over them the rules are in-sample now.
    """
    total = Score()
    for path in sorted((ROLE_PAGES / folder).glob("*.txt")):
        page = load_annotated(path)
        total.add(score_page(page, predict(page)))
    assert total.roles >= 0.95 and total.story >= 0.97, total.confusion


@pytest.mark.skipif(
    not STORIES_DEV.is_dir(), reason=f"shared real-page dev set absent: {STORIES_DEV}"
)
def test_shared_dev_pages_roles() -> None:
    total = Score()
    for page in load_pages(STORIES_DEV):
        total.add(score_page(page, predict(page)))
    assert total.roles >= 0.97 and total.story >= 0.98, total.confusion


def test_nav_labels_are_passed_over_for_the_headline() -> None:
    roles = roles_by_text(
        "India\nLeft Menu\nShort Url\n"
        "Council approves tram line to the harbour\n"
        "Follow\n\n"
        "The city council approved a new tram line to the harbour on Tuesday after a dispute.\n"
        "The tram line will cost 240 million euros, the council said in a statement.\n"
    )
    assert roles["India"] == roles["Left Menu"] == roles["Short Url"] == "other"
    assert roles["Follow"] == "other"
    assert roles["Council approves tram line to the harbour"] == "headline"


def test_teasers_captions_and_credits() -> None:
    roles = roles_by_text(
        "Council approves tram line\n\n"
        "The city council approved a new tram line to the harbour on Tuesday evening.\n"
        "Read moreWhy the old tram network was closed in 1961\n"
        "A tram passes the harbour station in a file photo. (Photo: Reuters)\n"
        "Pop singer cancels summer tour over vocal cord surgery\n"
        "The tram line will cost 240 million euros, the council said on Tuesday.\n"
        "Karin Olsen Mayor\n"
        "Construction of the tram line starts in the autumn, the council said.\n"
        "News.Az\n"
    )
    assert roles["Read moreWhy the old tram network was closed in 1961"] == "link_residue"
    assert roles["Pop singer cancels summer tour over vocal cord surgery"] == "other"
    assert roles["Karin Olsen Mayor"] == "other"
    assert roles["News.Az"] == "other"  # a site name with a dot stays one segment
    assert roles["A tram passes the harbour station in a file photo."] == "other"  # caption
    assert roles["(Photo: Reuters)"] == "other"
    story = {k: v for k, v in roles.items() if "tram line" in k and k.endswith(".")}
    assert len(story) == 3 and set(story.values()) == {"body"}


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Storm hits the coast", "Related: Storm hits the coast",
        "Lesen Sie auch: Sturm an der Küste", "Lire aussi | La tempête frappe la côte",
        "Читайте также: Шторм на побережье", "Читайте також: Шторм на узбережжі",
        "Διαβάστε επίσης: Καταιγίδα στην ακτή", "Source: AFP", "Quelle: dpa",
        "Джерело: Укрінформ", "Источник: ТАСС", "Πηγή: ΑΠΕ-ΜΠΕ", "Source link", "Поділитися",
    ],
)  # fmt: skip
def test_link_residue_in_every_supported_language(line: str) -> None:
    text = f"Storm hits the coast\n\nA storm hit the coast on Monday, officials said.\n{line}\n"
    assert roles_by_text(text)[line] == "link_residue"


def test_a_sentence_starting_like_a_label_stays_body() -> None:
    text = "Storm hits\n\nRelated measures were taken on Monday, officials said in the town.\n"
    assert roles_by_text(text)[
        "Related measures were taken on Monday, officials said in the town."
    ] == ("body")


PROSE = [
    "The city council approved a new tram line to the harbour on Tuesday evening.",
    "Councillors voted 31 to 24 in favour of the plan after a long debate.",
    "Opponents had argued that the tram line would damage the old market square.",
    "The regional government will pay most of the cost of the tram line, officials said.",
    "Construction of the tram line is due to start in the autumn, the mayor said.",
]
CHROME = [
    "Follow", "Short Url", "By Anna Berger", "12 January 2026, 10:45", "© AFP", "Share",
    "Photo: Reuters", "Read more: Harbour district gets new housing", "Advertisement",
    "Updated 3 March 2026", "(Reporting by Maria Lund; Editing by Tom Berg)",
]  # fmt: skip


#: Lines of CHROME shaped like a photo credit closing a caption (page_deck.photo_credit).
CREDITS = {"© AFP", "Photo: Reuters", "(Reporting by Maria Lund; Editing by Tom Berg)"}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(CHROME), max_size=6),
    st.lists(st.integers(0, len(PROSE)), min_size=6, max_size=6),
    st.booleans(),
)
# two date stamps between story sentences once read as a forum's post headers
@example(chrome=["12 January 2026, 10:45"] * 2, where=[4, 3, 0, 0, 0, 0], blank=False)
# a repeated 'Updated <date>' line once read as two posts by 'Updated' (fresh-clone CI, round 5)
@example(chrome=["Updated 3 March 2026"] * 2, where=[4, 3, 0, 0, 0, 0], blank=False)
# a sentence right above "© AFP" reads as a photo caption, the line above it as the deck (round 7)
@example(chrome=["© AFP", "Updated 3 March 2026"], where=[2, 3, 0, 0, 0, 0], blank=False)
@example(chrome=["By Anna Berger", "© AFP"], where=[2, 2, 0, 0, 0, 0], blank=False)
@example(chrome=["By Anna Berger", "Photo: Reuters"], where=[2, 2, 0, 0, 0, 0], blank=False)
# a widget between the deck and the caption above "© AFP" (round 8)
@example(
    chrome=["Follow", "Follow", "By Anna Berger", "© AFP", "Follow", "Follow"],
    where=[2, 4, 2, 2, 0, 2],
    blank=False,
)
def test_chrome_anywhere_never_enters_the_story(
    chrome: list[str], where: list[int], blank: bool
) -> None:
    lines = list(PROSE)
    for line, pos in zip(chrome, where, strict=False):
        lines.insert(pos, line)
    sep = "\n\n" if blank else "\n"
    roles = roles_by_text("Council approves harbour tram line" + sep + sep.join(lines) + "\n")
    assert roles["Council approves harbour tram line"] == "headline"
    for sentence in PROSE:
        assert roles[sentence] in ("body", "headline")  # in the story either way
    decks = [s for s in PROSE if roles[s] == "headline"]
    if decks:  # by position a deck: the one full line between the title and a byline/stamp,
        # or the line above a photo's caption (a full line closed by a credit: page_deck.captioned),
        # widgets ("Follow") between them or not
        between = lines[lines.index(decks[0]) + 1 : lines.index(PROSE[1])]
        assert decks == [PROSE[0]]
        credit = lines[lines.index(PROSE[1]) + 1 : lines.index(PROSE[1]) + 2]
        assert {"By Anna Berger", "12 January 2026, 10:45", "Updated 3 March 2026"} & set(
            between
        ) or set(credit) & CREDITS
    for line in chrome:
        assert roles[line] not in ("body", "headline"), line


@given(st.text(max_size=300))
def test_every_segment_gets_a_known_role(text: str) -> None:
    segs = segment_text(text, "en")[1]
    roles = assign_roles(segs)
    assert len(roles) == len(segs) and set(roles) <= set(ROLES)
    assert assign_roles(segs) == roles  # deterministic


def test_short_sentences_around_the_story_stay_body() -> None:
    roles = roles_by_text(
        "The mayor spoke.\n\n"
        "The city council approved a new tram line to the harbour on Tuesday evening.\n\n"
        "The bridge reopened.\n"
    )
    assert set(roles.values()) == {"body"}


def test_headline_of_short_words_and_a_cookie_notice_above_the_story() -> None:
    roles = roles_by_text(
        "We use cookies to improve your experience on this website.\n"
        "Menu\n"
        "Kyiv hit again\n"
        "By Anna Berger\n\n"
        "Russian drones struck the capital overnight, the city administration said on Sunday.\n"
        "Air defence units shot down most of the drones over the western districts.\n"
    )
    assert roles["Kyiv hit again"] == "headline"
    assert roles["We use cookies to improve your experience on this website."] == "other"
    assert roles["Menu"] == roles["By Anna Berger"] == "other"


def test_a_question_headline_above_the_story() -> None:
    roles = roles_by_text(
        "Menu\n"
        "Will the new tram line to the harbour ever be built by the city council?\n\n"
        "The city council approved a new tram line to the harbour on Tuesday evening.\n"
        "Councillors voted 31 to 24 in favour of the tram line after a long debate.\n"
    )
    assert roles["Will the new tram line to the harbour ever be built by the city council?"] == (
        "headline"
    )
    assert roles["Menu"] == "other"


STORY = [
    "The city council approved a new tram line to the harbour on Tuesday evening.",
    "Councillors voted 31 to 24 in favour of the tram line after a long debate.",
    "The harbour tram line will cost 120 million euros and open in 2029, the council said.",
    "Opponents of the tram line said the council had ignored cheaper bus routes.",
    "The mayor said the council would publish the tram line contracts next month.",
    "Work on the first section of the line near the harbour starts in the spring.",
]


def test_footer_sentences_below_the_story_are_not_story() -> None:
    """Sentences addressed to the reader end the story (core.page_tail)."""
    footer = [
        "If you have noticed a mistake, select the text and press Ctrl + Enter to tell us.",
        "Get our newsletter with all the headlines you need to start the day.",
        "Wenn Sie einen Fehler bemerkt haben, markieren Sie ihn bitte.",
    ]
    text = "\n".join(["Council approves harbour tram line", *STORY, "Share", "Photo: Herald",
                      *footer]) + "\n"  # fmt: skip
    roles = roles_by_text(text)
    assert all(roles[s] == "body" for s in STORY)
    assert all(roles[s] == "other" for s in footer), roles


def test_quoted_second_person_stays_body() -> None:
    quoted = '"You will see trams at the harbour by 2029," the mayor told residents.'
    roles = roles_by_text("\n".join(["Council approves harbour tram line", *STORY, quoted]) + "\n")
    assert roles[quoted] == "body"


@given(st.sampled_from(STORY), st.sampled_from(["you", "your", "Вы", "vous", "σας"]))
def test_reader_address_outside_quotes(sentence: str, pronoun: str) -> None:
    from workbench.core.page_tail import addresses_reader

    assert not addresses_reader(sentence)
    assert addresses_reader(f"{sentence[:-1]} for {pronoun}.")
    assert not addresses_reader(f"“{sentence[:-1]} for {pronoun}.”")


def test_a_story_telling_readers_what_to_do_stays_body() -> None:
    advice = "If you live near the harbour tram line, you should check the council's works plan."
    roles = roles_by_text("\n".join(["Council approves harbour tram line", *STORY, advice]) + "\n")
    assert roles[advice] == "body"


def test_deck_between_title_and_byline_and_a_two_stamp_dateline() -> None:
    """By position: the full line between title and byline is the deck (headline)."""
    deck = "The council backs the harbour tram line after a long debate about its cost."
    stamp = "Publié le 3 décembre 2026 à 14h22, modifié à 15h10"
    text = "\n".join(["Council approves harbour tram line", deck, "By Anna Berger", stamp,
                      "Subscribers only", *STORY]) + "\n"  # fmt: skip
    roles = roles_by_text(text)
    assert roles[deck] == "headline"
    assert roles["By Anna Berger"] == roles[stamp] == roles["Subscribers only"] == "other"
    assert all(roles[s] == "body" for s in STORY)
    # without a byline or stamp after it, the first line under the title is the story's lead
    roles = roles_by_text("\n".join(["Council approves harbour tram line", deck, *STORY]) + "\n")
    assert roles[deck] == "body"


def test_page_furniture_shapes_seen_on_blind_batch_3() -> None:
    """Label rows, appeal boxes, title lines, caption credits, web addresses (general rules)."""
    appeal = ["We are an independent newsroom, and we are funded by our readers.", "Support us"]
    text = "\n".join([
        "Home  World  Europe  Transport",
        "Council approves harbour tram line. Work starts in spring",
        "11:02, 14 March 2026",
        "", *STORY[:3], "",
        *appeal,
        "", *STORY[3:],
        "A tram at the harbour stop in March  (JONAS FELD)",
        "Harbour  Transport  City council",
        "Das könnte Sie auch interessieren",
        "Harbour tram: what changes for commuters in the old town",
        "Bus routes: the council plans new night lines in the harbour",
        "AFP",
        "Follow our coverage of the city at https://herald.example.com/city",
        "Copyright 2026 The Herald. All rights reserved.",
    ]) + "\n"  # fmt: skip
    roles = roles_by_text(text)
    assert (
        roles["Council approves harbour tram line."]
        == roles["Work starts in spring"]
        == ("headline")
    )
    assert all(roles[s] == "body" for s in STORY)
    assert {roles[a] for a in appeal} == {"appeal"}
    assert roles["Das könnte Sie auch interessieren"] == "link_residue"
    others = [
        "Home  World  Europe  Transport", "Harbour  Transport  City council", "AFP",
        "A tram at the harbour stop in March  (JONAS FELD)",
        "Harbour tram: what changes for commuters in the old town",
        "Bus routes: the council plans new night lines in the harbour",
        "Follow our coverage of the city at https://herald.example.com/city",
        "Copyright 2026 The Herald.", "All rights reserved.",
    ]  # fmt: skip
    assert {line: roles[line] for line in others} == dict.fromkeys(others, "other")


def test_bios_under_their_name_line_and_counters_are_not_story() -> None:
    bio = "Anna Berger is a city reporter covering transport and housing for the Herald."
    lines = ["Council approves harbour tram line", *STORY[:3], "1 of 5", *STORY[3:],
             "Anna Berger  City reporter", bio, "@HeraldCity"]  # fmt: skip
    roles = roles_by_text("\n".join(lines) + "\n")
    assert all(roles[s] == "body" for s in STORY)
    assert roles["1 of 5"] == roles[bio] == roles["@HeraldCity"] == "other"
    # a one-word crosshead followed by a sentence about it stays story
    petition = "Opponents of the tram line plan a petition to the regional government."
    lines = ["Council approves harbour tram line", *STORY[:3], "Opponents", petition, *STORY[3:]]
    roles = roles_by_text("\n".join(lines) + "\n")
    assert roles[petition] == "body"


def test_a_support_box_below_the_story_and_labels_over_embeds() -> None:
    """A small paragraph with one reader-addressed, off-topic line is a box (blind batch 4)."""
    box = [
        "I hope you appreciated this article.",
        "The Herald is different.",
        "Our journalism is free from commercial influence, and it is open to everyone.",
    ]
    lines = ["Council approves harbour tram line", "Herald staff with AFP.", "",
             *STORY[:3], "See the video:", *STORY[3:], "", *box]  # fmt: skip
    roles = roles_by_text("\n".join(lines) + "\n")
    assert all(roles[s] == "body" for s in STORY)
    assert {roles[b] for b in box} == {"appeal"}
    assert roles["See the video:"] == roles["Herald staff with AFP."] == "other"


def test_news_about_donations_is_not_an_appeal() -> None:
    """Appeal snippets match whole words, and only a short button takes its paragraph."""
    gift = "The regional fruit cooperative donated the saplings and the compost."
    lines = ["Council approves harbour tram line", "", *STORY[:3], gift, *STORY[3:]]
    roles = roles_by_text("\n".join(lines) + "\n")
    assert roles[gift] == "body" and all(roles[s] == "body" for s in STORY)


def test_page_shapes_seen_on_blind_batch_5() -> None:
    """A kicker over the title, long credited captions, widget blocks, a closing teaser list."""
    caption = ("Workers lay the first rails of the harbour tram line near the old market hall in "
               "the rain on Monday © Jonas Feld/Herald")  # fmt: skip
    lines = [
        "Home  World  Transport", "Harbour dispute:", "Council approves the harbour tram line",
        "The vote ends a long dispute about the line.", "Updated 14 March 2026, 10:02", "",
        *STORY[:2], "", caption, "",
        STORY[2], "", "Advertisement", "Winter coats at half price, only until Sunday", "",
        *STORY[3:], "",
        "rk/tb", "Feedback", "Related", "Harbour tram: what changes for commuters",
        "Night buses return to the old town after three years of works",
    ]  # fmt: skip
    roles = roles_by_text("\n".join(lines) + "\n")
    assert all(roles[s] == "body" for s in STORY), roles
    heads = ["Harbour dispute:", "Council approves the harbour tram line",
             "The vote ends a long dispute about the line."]  # fmt: skip
    assert [roles[h] for h in heads] == ["headline"] * 3
    others = [caption, "Advertisement", "Winter coats at half price, only until Sunday",
              "rk/tb", "Feedback", lines[-2], lines[-1]]  # fmt: skip
    assert {line: roles[line] for line in others} == dict.fromkeys(others, "other")
    assert roles["Related"] == "link_residue"


def test_sentences_on_a_story_line_stay_story() -> None:
    """A blogger's opening and closing words, printed on the lines of story sentences."""
    opening, closing = "Sad news from the harbour.", "Take care out there, all of you!"
    lines = ["Council approves harbour tram line", "", f"{opening} {STORY[0]}", "",
             *STORY[1:5], "", f"{STORY[5]} {closing}", "", "Share this article"]  # fmt: skip
    roles = roles_by_text("\n".join(lines) + "\n")
    assert roles[opening] == roles[closing] == "body"
    assert all(roles[s] == "body" for s in STORY)
    assert roles["Share this article"] == "link_residue"


def test_an_appeal_box_ends_at_page_chrome_and_sign_ups_are_not_appeals() -> None:
    box = ["Do you like the Herald?", "Support our work with a small donation.", "Donate now"]
    after = ["Category: City  Tags: tram, harbour", "Post navigation",
             "← New night buses for the old town"]  # fmt: skip
    signup = "Get the city news in your inbox every morning  Sign me up"
    lines = ["Council approves harbour tram line", "", *STORY, "", *box, *after, "", signup]
    roles = roles_by_text("\n".join(lines) + "\n")
    assert {roles[b] for b in box} == {"appeal"}
    assert {roles[a] for a in after} == {"other"}
    assert roles[signup] == "other"


@pytest.mark.parametrize(
    "label",
    ["Κοινοποιήστε αυτό το άρθρο", "Share this story", "Diesen Artikel teilen",
     "Partager cet article", "Ähnliche Inhalte", "Σχετικά", "По этой теме",
     "You may also be interested in the news:", "Вас може зацікавити:"],
)  # fmt: skip
def test_share_and_related_labels(label: str) -> None:
    text = f"Storm hits the coast\n\nA storm hit the coast on Monday, officials said.\n{label}\n"
    assert roles_by_text(text)[label] == "link_residue"


def test_share_verbs_in_a_headline_or_sentence_are_not_labels() -> None:
    roles = roles_by_text(
        "Share prices fall\n\nShare prices fell sharply on Monday, traders said.\n"
    )
    assert roles["Share prices fall"] == "headline"
    assert roles["Share prices fell sharply on Monday, traders said."] == "body"


def test_one_word_tags_under_a_label_and_a_footer_line_opened_by_chrome() -> None:
    """Probed shapes (not from a gold batch): "Related topics" tags, a long copyright line."""
    footer = ["Copyright 2026 Herald.", "All rights reserved.",
              "The Herald is not responsible for the content of external sites.",
              "Read about our approach to external linking."]  # fmt: skip
    lines = ["Council approves harbour tram line", "", *STORY, "Related topics", "Harbour",
             "Transport", "", " ".join(footer)]  # fmt: skip
    roles = roles_by_text("\n".join(lines) + "\n")
    assert all(roles[s] == "body" for s in STORY)
    assert roles["Related topics"] == "link_residue"
    assert roles["Harbour"] == roles["Transport"] == "other"
    assert {roles[f] for f in footer} == {"other"}
    # a story sentence after a credit on its line stays story
    credit = "Photo: Herald."
    late = "The harbour tram line will also serve the new ferry terminal, the council said."
    roles = roles_by_text("\n".join(["Council approves harbour tram line", "", *STORY[:4],
                              f"{credit} {late}", *STORY[4:]]) + "\n")  # fmt: skip
    assert roles[late] == "body"


def test_a_dateline_opening_the_lead_line_is_story() -> None:
    """ "РИМ, 30 ноября. /ТАСС/. Более 4 тыс. …": the dateline pieces are the lead's (body)."""
    lead = ("Более 4 тыс. человек эвакуированы в регионе Эмилия-Романья на севере Италии "
            "из-за наводнения, вызванного проливными дождями.")  # fmt: skip
    lines = ["Тeги  Италия", "В Италии из-за наводнения эвакуировали более 4 тыс. человек",
             f"РИМ, 30 ноября. /ТАСС/. {lead} Об этом сообщила служба гражданской защиты.",
             "По ее данным, из берегов вышли более 20 рек в регионе за двое суток.",
             "Школы в 40 населенных пунктах региона будут закрыты в понедельник."]  # fmt: skip
    roles = roles_by_text("\n".join(lines) + "\n", "ru")
    assert roles["РИМ, 30 ноября."] == roles["/ТАСС/."] == "body"
    assert roles["Об этом сообщила служба гражданской защиты."] == "body"


@pytest.mark.parametrize("sign_off", ["mrc/dpa/AFP", "jhe/lby", "kle / sti"])
def test_agency_sign_offs_are_chrome(sign_off: str) -> None:
    roles = roles_by_text("\n".join(["Council approves harbour tram line", *STORY[:3], sign_off,
                              *STORY[3:]]) + "\n")  # fmt: skip
    assert roles[sign_off] == "other" and all(roles[s] == "body" for s in STORY)
