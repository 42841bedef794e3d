"""Page roles of the chrome around one story (the harbour tram line, ``STORY``).

Footers and boxes addressed to the reader, appeals and sign-ups, bios, counters,
agency sign-offs and the page furniture of blind batches 3-5 placed before, inside
and after the same six story sentences, which must stay body.  Split from
``test_roles_pages.py`` (fixture pages, labels and the chrome property test).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text

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


@pytest.mark.parametrize("sign_off", ["mrc/dpa/AFP", "jhe/lby", "kle / sti"])
def test_agency_sign_offs_are_chrome(sign_off: str) -> None:
    roles = roles_by_text("\n".join(["Council approves harbour tram line", *STORY[:3], sign_off,
                              *STORY[3:]]) + "\n")  # fmt: skip
    assert roles[sign_off] == "other" and all(roles[s] == "body" for s in STORY)


GESCHICHTE = [
    "Der Stadtrat hat am Dienstagabend eine neue Straßenbahnlinie zum Hafen beschlossen.",
    "Die Räte stimmten nach einer langen Debatte mit 31 zu 24 Stimmen für die neue Linie.",
    "Die Linie zum Hafen soll 120 Millionen Euro kosten und im Jahr 2029 eröffnet werden.",
    "Gegner der Straßenbahn warfen dem Stadtrat vor, günstigere Buslinien übergangen zu haben.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Hier kannst du dich jeden Morgen für deinen kostenlosen Newsletter zum Hafen anmelden.",
        "Um eingebettete Inhalte anzuzeigen, ist deine widerrufliche Einwilligung notwendig.",
    ],
)
def test_the_familiar_you_is_the_sites_voice_too(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A German site says "du"/"dein" as others say "Sie"/"you" (round 19, page_tail.FAMILIAR)."""
    from workbench.core import page_tail

    text = "\n".join(["Stadtrat beschließt Straßenbahn zum Hafen", *GESCHICHTE, "Teilen", line])
    roles = roles_by_text(text + "\n", "de")
    assert all(roles[s] == "body" for s in GESCHICHTE)
    assert roles[line] == "other"
    assert page_tail.addresses_reader(line)
    monkeypatch.setattr(page_tail, "FAMILIAR", False)
    assert not page_tail.addresses_reader(line)
    assert roles_by_text(text + "\n", "de")[line] == "body"  # an off-topic closing sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Le maire du village a présenté le projet du tramway devant le conseil.",
        "Der Dir. des Hafens stellte die Pläne am Dienstag vor.",
        "Le conseil a donné le ton du débat sur la ligne.",
    ],
)
def test_words_that_only_look_familiar_are_not_the_reader(sentence: str) -> None:
    from workbench.core.page_tail import addresses_reader

    assert not addresses_reader(sentence)


@given(st.sampled_from(GESCHICHTE), st.sampled_from(["dich", "deine", "ты", "твой", "ти", "твій"]))
def test_familiar_address_outside_quotes(sentence: str, pronoun: str) -> None:
    from workbench.core.page_tail import addresses_reader

    assert not addresses_reader(sentence)
    assert addresses_reader(f"{sentence[:-1]} für {pronoun}.")
    assert not addresses_reader(f"„{sentence[:-1]} für {pronoun}.“")
