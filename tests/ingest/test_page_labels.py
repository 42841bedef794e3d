"""Label lines (core.page_labels): a flattened menu, widget or caption is no story text.

Menus, section and agency labels, tag lists and widget residue printed as a stack
of short lines, and single lines inside the story that are no sentence (captions
without a full stop, teaser titles, embeds), in words no phrase list holds.  The
pages here are written for the repository.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from tests.ingest.page_roles import roles_with as _roles
from workbench.core.page_labels import (
    caption_lines,
    label_runs,
    prompt_kept,
    prompt_lines,
    question_lines,
    untermed_lines,
)
from workbench.core.page_shapes import shapes
from workbench.core.roles import ROLES
from workbench.core.segment import segment_text

TICKER_PAGE = (
    "Markets: European shares opened lower on Tuesday as oil prices climbed again.\n"
    "Live prices  ×\n"
    "Common Times\n"
    "News  Views  Video  Newsletters\n"
    "World\n"
    "Donors pledge $640 million for demining in Ukraine\n"
    "Agencia\n"
    "Dec 01, 2026\n\n"
    "KYIV, Dec 1 - Ukraine has returned about 1.6 million hectares of farmland to use since "
    "2023, the economy ministry said on Tuesday.\n\n"
    "Japan, Switzerland and the European Union pledged a combined $640 million for "
    "humanitarian demining in Ukraine, a joint statement said.\n"
)


def test_labels_stacked_around_the_title_are_other_when_a_ticker_opened_the_story() -> None:
    # with both rules off a ticker line opens "the story" (round 26's banner_title reads the
    # ticker as a banner above the title too: it alone also gives this page back)
    before = _roles(TICKER_PAGE, label_run=0, banner_title=False)
    after = roles_by_text(TICKER_PAGE)
    assert before["World"] == before["Agencia"] == "body"
    alone = _roles(TICKER_PAGE, label_run=0)
    assert alone["Donors pledge $640 million for demining in Ukraine"] == "headline"
    assert alone["World"] == alone["Agencia"] == "other"
    assert after["World"] == "other"
    assert after["Agencia"] == "other"
    assert after["Japan, Switzerland and the European Union pledged a combined $640 million for "
                 "humanitarian demining in Ukraine, a joint statement said."] == "body"  # fmt: skip


WIDGET_PAGE = (
    "Floods close the border crossing at Tiszabecs\n\n"
    "Heavy rain overnight flooded the road to the Tiszabecs border crossing, the regional "
    "police said on Tuesday.\n\n"
    "{mid}\n\n"
    "Trucks were sent to the crossing at Záhony, about forty kilometres to the west, where "
    "waiting times reached six hours.\n\n"
    "Engineers expect the water to recede by Thursday, the road authority said in a statement.\n"
)


def test_a_widget_stack_between_story_paragraphs_is_other() -> None:
    mid = "Hírlevél\nIratkozzon fel most\nLegolvasottabb\nIdőjárás Budapesten ma"
    roles = roles_by_text(WIDGET_PAGE.format(mid=mid))
    for line in mid.split("\n"):
        assert roles[line] == "other", line
    assert roles["Trucks were sent to the crossing at Záhony, about forty kilometres to the "
                 "west, where waiting times reached six hours."] == "body"  # fmt: skip


def test_a_crosshead_a_list_and_sentences_stay_story() -> None:
    roles = roles_by_text(WIDGET_PAGE.format(mid="What happens next"))
    assert roles["What happens next"] == "body"  # a crosshead stands alone, not in a stack
    items = "Trains cancelled:\nBudapest to Kyiv, six hours late;\nLviv to Kyiv, four hours late;"
    roles = roles_by_text(WIDGET_PAGE.format(mid=items))
    assert roles["Budapest to Kyiv, six hours late;"] == "body"  # list items end like list items
    said = "It rained.\nThe river rose.\nThe road closed."
    roles = roles_by_text(WIDGET_PAGE.format(mid=said))
    assert roles["The river rose."] == "body"


def test_a_stack_right_above_the_first_sentence_is_left_to_the_header_rules() -> None:
    """Kicker, title and subtitle the header rules missed keep their story side."""
    _, segs = segment_text(
        "Autoindustrie\nAurelis sperrt Werk in Graz zu\n2.300 Jobs betroffen\n"
        "Der Zulieferer Aurelis schließt sein Werk in Graz bis Ende 2027, teilte das "
        "Unternehmen am Montag mit.\n", "de",
    )  # fmt: skip
    roles = ["body"] * len(segs)
    assert label_runs(segs, roles, 2, 8) == roles


_LINES = st.lists(
    st.sampled_from(["Anzeige", "World", "Most read today", "What happens next", "Trains:",
                     "Budapest to Kyiv, six hours late;", "It rained.", "",
                     "The road reopened on Thursday after the water receded.",
                     "A very long line of words that no label would ever be made of here"]),
    min_size=1, max_size=12,
)  # fmt: skip


@given(_LINES, st.lists(st.sampled_from(ROLES), min_size=12, max_size=12),
       st.integers(0, 4), st.integers(1, 12))  # fmt: skip
def test_only_body_lines_in_stacks_change_and_only_to_other(lines, labels, run, words) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    out = label_runs(segs, roles, run, words)
    assert len(out) == len(roles)
    for seg, before, after in zip(segs, roles, out, strict=True):
        if before != after:
            assert (before, after) == ("body", "other")
            assert not seg.text.endswith((".", ":", ";", ","))
            assert 1 <= len(seg.text.split()) <= words + 1  # "Dec 01, 2026": digits are no words
    assert label_runs(segs, roles, 0, words) == list(roles)
    assert label_runs(segs, out, run, words) == out  # a second pass changes nothing more


def test_a_line_that_is_no_sentence_inside_the_story_is_other() -> None:
    caption = "Firefighters pump water from a flooded cellar in Tiszabecs on Monday morning"
    teaser = "Hochwasser an der Theiß: Pegel steigt weiter an"
    for mid in (caption, teaser, "Watch: the flooded road seen from a police drone (1:12)"):
        roles = roles_by_text(WIDGET_PAGE.format(mid=mid))
        assert roles[mid] == "other", mid
        assert roles["Engineers expect the water to recede by Thursday, the road authority "
                     "said in a statement."] == "body"  # fmt: skip
    off = _roles(WIDGET_PAGE.format(mid=caption), untermed_words=0)
    assert off[caption] == "body"  # the pass switched off: the caption reads as story


def test_the_last_story_line_and_a_possible_title_are_spared() -> None:
    lines = [
        "Floods close the border crossing",
        "Heavy rain flooded the road to the border crossing, the police said.",
        "Trucks were sent to the crossing at Záhony about forty kilometres to the west",
        "Engineers expect the water to recede by Thursday, the road authority said.",
        "Waiting times at the crossing reached six hours on Tuesday and may grow",
    ]
    _, segs = segment_text("\n".join(lines), "en")
    assert [s.text for s in segs] == lines
    titled = ["headline", "body", "body", "body", "body"]
    assert untermed_lines(segs, titled, 5) == ["headline", "body", "other", "body", "body"]
    untitled = ["body"] * 5  # no headline found: the first such line may be the title
    assert untermed_lines(segs, untitled, 5) == untitled
    above = ["headline", "other", "body", "body", "body"]  # no story sentence above it yet
    assert untermed_lines(segs, above, 5) == above
    assert untermed_lines(segs, titled, 0) == titled


def test_no_segments_no_roles() -> None:
    assert label_runs([], [], 2, 8) == []
    assert untermed_lines([], [], 5) == []


def test_a_sentence_closed_by_low_high_quotes_ends_like_one() -> None:
    """German „…“ closes with “: the sentence still ends (stories-dev's seed article)."""
    _, segs = segment_text("Der Minister sagte, die Lage sei „ernst.“\n", "de")
    assert [s.terminal for s in shapes(segs)] == [True]


TRUCKS = (
    "Trucks were sent to the crossing at Záhony, about forty kilometres to the west, where "
    "waiting times reached six hours."
)


def test_a_crosshead_heading_its_paragraph_stays_story_and_a_teaser_does_not() -> None:
    """Same shape, six words, no sentence end: only the crosshead's words recur below it."""
    crosshead = "Waiting trucks sent to Záhony crossing"
    teaser = "Mayor opens new swimming pool tonight"
    roles = roles_by_text(WIDGET_PAGE.format(mid=crosshead))
    assert roles[crosshead] == "body"
    assert roles[TRUCKS] == "body"
    assert roles_by_text(WIDGET_PAGE.format(mid=teaser))[teaser] == "other"
    off = _roles(WIDGET_PAGE.format(mid=crosshead), crosshead_words=0, crosshead_between=0)
    assert off[crosshead] == "other"  # round 31's pass by place alone gives it back too:
    assert _roles(WIDGET_PAGE.format(mid=crosshead), crosshead_words=0)[crosshead] == "body"


def test_a_long_line_sharing_words_with_its_paragraph_is_still_no_crosshead() -> None:
    """A caption names what the story tells too; past ``crosshead`` words it stays other."""
    lines = [
        "Floods close the border crossing",
        "Heavy rain flooded the road to the border crossing, the police said.",
        "Trucks wait at the flooded border crossing near Záhony on Tuesday morning",
        "Trucks were sent to the crossing at Záhony, forty kilometres to the west.",
        "Engineers expect the water to recede by Thursday, the road authority said.",
    ]
    _, segs = segment_text("\n".join(lines), "en")
    titled = ["headline", "body", "body", "body", "body"]
    assert untermed_lines(segs, titled, 5, 6) == ["headline", "body", "other", "body", "body"]
    assert untermed_lines(segs, titled, 5, 12) == titled  # wide enough, it is spared


@given(_LINES, st.lists(st.sampled_from(ROLES), min_size=12, max_size=12),
       st.integers(1, 12), st.integers(0, 12))  # fmt: skip
def test_sparing_crossheads_only_keeps_short_lines_in_the_story(lines, labels, words, cross):
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    plain = untermed_lines(segs, roles, words)
    spared = untermed_lines(segs, roles, words, cross)
    wider = untermed_lines(segs, roles, words, cross + 1)
    assert plain == untermed_lines(segs, roles, words, 0)
    for sh, a, b, c in zip(shapes(segs), plain, spared, wider, strict=True):
        if a != b:
            assert (a, b) == ("other", "body") and sh.words <= cross
        assert not (b == "body" and c == "other")  # a wider limit spares at least as much


TIP = "Got a tip about the floods? Write to our newsroom or send us a photo."


def test_a_line_opening_with_a_bare_question_is_the_sites_box() -> None:
    """A tip box, an alerts prompt, a poll: the question and the rest of its line."""
    page = WIDGET_PAGE.format(mid=TIP)
    before, after = _roles(page, question_words=0), roles_by_text(page)
    assert before["Got a tip about the floods?"] == "body"
    assert after["Got a tip about the floods?"] == "other"
    assert after["Write to our newsroom or send us a photo."] == "other"
    assert after[TRUCKS] == "body"
    teaser = "Who will win the mayoral run-off in Schwedt?"
    assert roles_by_text(WIDGET_PAGE.format(mid=teaser))[teaser] == "other"


def test_a_question_heading_its_paragraph_or_quoted_stays_story() -> None:
    crosshead = "Where do the trucks wait?"  # the paragraph below tells it: "Trucks were sent"
    assert roles_by_text(WIDGET_PAGE.format(mid=crosshead))[crosshead] == "body"
    lines = [
        "Floods close the border crossing",
        "Heavy rain flooded the road to the border crossing, the police said.",
        "Will the road reopen before Christmas, asked the “Tisza” committee?",
        "Engineers expect the water to recede by Thursday, the road authority said.",
    ]
    _, segs = segment_text("\n".join(lines), "en")
    titled = ["headline", "body", "body", "body"]
    assert question_lines(segs, titled, 12, 6) == titled


_ASKING = st.lists(
    st.sampled_from(["Got a news tip?", "Call us.", "Where do the trucks wait?", "World",
                     "Trucks were sent to the crossing at Záhony.", "“Why now?” she asked?",
                     "Push alerts?  Allow  Later", "It rained.", ""]),
    min_size=1, max_size=12,
)  # fmt: skip


@given(_ASKING, st.lists(st.sampled_from(ROLES), min_size=40, max_size=40),
       st.integers(0, 12), st.integers(0, 12))  # fmt: skip
def test_question_lines_only_take_body_lines_out_and_more_with_more_words(
    lines, labels, words, cross
) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]  # a line may hold two sentences: 12 lines, up to 24 segments
    out = question_lines(segs, roles, words, cross)
    wider = question_lines(segs, roles, words + 1, cross)
    assert question_lines(segs, roles, 0, cross) == list(roles)
    for before, after, more in zip(roles, out, wider, strict=True):
        if before != after:
            assert (before, after) == ("body", "other")
        assert not (after == "other" and more == "body")  # a wider limit takes at least as much


PROMPT = "Sign up for our daily flood alerts and never miss an update!"


def test_a_line_exclaiming_in_the_sites_voice_is_its_prompt() -> None:
    """A newsletter or channel prompt printed between story sentences: the rule makes it
    ``other`` and the learned layer, which reads a sentence's shape, keeps it so."""
    page = WIDGET_PAGE.format(mid=PROMPT).replace("\n\n", "\n")  # no blank lines: one box
    before, after = _roles(page, prompt_lines=False), roles_by_text(page)
    assert before[PROMPT] == "body"
    assert after[PROMPT] == "other"
    assert after[TRUCKS] == "body"


def test_an_exclamation_quoted_or_in_the_third_person_stays_story() -> None:
    lines = [
        "Floods close the border crossing",
        "Heavy rain flooded the road to the border crossing, the police said.",
        "“Stay away from the river, we cannot help you there!”",
        "Residents cheered when the first trucks came back!",
        "Engineers expect the water to recede by Thursday, the road authority said.",
    ]
    _, segs = segment_text("\n".join(lines), "en")
    titled = ["headline", "body", "body", "body", "body"]
    assert prompt_lines(segs, titled) == titled
    exclaiming = "Heavy rain flooded the road. Follow our live blog for updates!"
    _, segs = segment_text(exclaiming, "en")
    assert prompt_lines(segs, ["body", "body"]) == ["body", "body"]  # not a line of its own


_EXCLAIMING = st.lists(
    st.sampled_from([PROMPT, "Join us on Telegram!", "It rained!", "“Help us!” she cried.",
                     "Trucks were sent to the crossing at Záhony.", "Subscribe now!", "",
                     "You can still go home.", "World"]),
    min_size=1, max_size=12,
)  # fmt: skip


@given(_EXCLAIMING, st.lists(st.sampled_from(ROLES), min_size=24, max_size=24), st.booleans())
def test_prompt_lines_only_take_body_out_and_keep_only_what_they_mark(lines, labels, on):
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    out = prompt_lines(segs, roles, on)
    assert prompt_lines(segs, roles, False) == list(roles)
    for before, after in zip(roles, out, strict=True):
        if before != after:
            assert (before, after) == ("body", "other")
    for seg, role, keep in zip(segs, out, prompt_kept(segs, out), strict=True):
        assert not keep or (role == "other" and seg.text.rstrip().endswith("!"))


CROSSHEAD_PAGE = (
    "Maul- und Klauenseuche in Uelzen bestätigt\n\n"
    "Im Landkreis Uelzen ist die Maul- und Klauenseuche bei Rindern eines Milchviehbetriebs "
    "festgestellt worden, teilte das Agrarministerium am Mittwoch mit.\n"
    "Alle 380 Rinder des Hofes sollen noch in der Nacht getötet werden.\n"
    "Anzeige\n"
    "Tierärztin bemerkte Blasen im Maul\n"
    "Einer Hoftierärztin waren am Dienstag bei mehreren Kühen Blasen an Maul und Klauen "
    "aufgefallen, die Tierärztin meldete den Verdacht sofort.\n"
    "Erste Exportstopps\n"
    "Die Niederlande und Dänemark stoppten am Mittwoch die Einfuhr von Rindern aus "
    "Niedersachsen, Exportstopps für Milch gibt es bisher nicht.\n"
    "Mehr zum Thema\n"
    "Schweinepest in Brandenburg\n"
    "Die Kreisverwaltung richtet für Landwirte eine Hotline ein, sie ist ab Donnerstag "
    "erreichbar.\n"
)


def test_a_crosshead_under_an_ad_label_stays_story_and_a_teaser_under_its_label_does_not() -> None:
    # round 27 (roles27): a crosshead under a stamp, an ad's label or a photo credit made a run
    # of two label lines with it (dpa pages, a live blog's entries, a credit over a crosshead)
    before = _roles(CROSSHEAD_PAGE, "de", crosshead_runs=False, crosshead_between=0)
    after = _roles(CROSSHEAD_PAGE, "de", crosshead_runs=True)
    assert before["Tierärztin bemerkte Blasen im Maul"] == "other"
    alone = _roles(CROSSHEAD_PAGE, "de", crosshead_runs=False)  # round 31's pass by its place
    assert alone["Tierärztin bemerkte Blasen im Maul"] == "body"
    assert after["Tierärztin bemerkte Blasen im Maul"] == "body"  # its paragraph tells it
    assert after["Anzeige"] == "other"
    assert after["Schweinepest in Brandenburg"] == "other"  # its paragraph tells another story


@given(_LINES, st.lists(st.sampled_from(ROLES), min_size=12, max_size=12),
       st.integers(0, 4), st.integers(1, 12), st.integers(0, 8))  # fmt: skip
def test_sparing_crossheads_in_runs_keeps_only_a_runs_last_short_body_line(
    lines, labels, run, words, cross
) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    plain = label_runs(segs, roles, run, words)
    spared = label_runs(segs, roles, run, words, cross)
    sh = shapes(segs)
    for i, (a, b) in enumerate(zip(plain, spared, strict=True)):
        if a != b:  # kept body: a short line of its own right above a story sentence
            assert (roles[i], a, b) == ("body", "other", "body")
            assert sh[i].words <= cross and not sh[i].terminal
            assert spared[i + 1] == "body" and sh[i + 1].terminal
            assert "body" in spared[:i]


CAPTION_PAGE = (
    "Kelvara recalls insulin pens after a dosing fault\n\n"
    "The drugmaker Kelvara is recalling about 40,000 insulin pens in Germany and Austria "
    "after a fault in the dosing dial, the company said on Wednesday.\n\n"
    "{line}\n\n"
    "Patients should keep using their pens until a pharmacy has replaced them, the company "
    "said in a statement.\n"
)


def test_a_caption_with_its_credit_on_its_line_between_paragraphs_is_other() -> None:
    for line, caption, credit in (
        ("A pharmacist arranges medicine boxes. File picture",
         "A pharmacist arranges medicine boxes.", "File picture"),
        ("The Kelvara plant in Lemmstedt. Permission granted by Kelvara",
         "The Kelvara plant in Lemmstedt.", "Permission granted by Kelvara"),
    ):  # fmt: skip
        roles = roles_by_text(CAPTION_PAGE.format(line=line))
        assert roles[caption] == roles[credit] == "other", line
        assert roles["Patients should keep using their pens until a pharmacy has replaced "
                     "them, the company said in a statement."] == "body"  # fmt: skip
        off = _roles(CAPTION_PAGE.format(line=line), caption_tails=False)
        assert off[caption] == "body", line  # the pass switched off: read as story


def test_a_wrapped_sentence_a_long_tail_or_a_long_sentence_stays_story() -> None:
    lines = ["The recall started on Monday.",
             "It was stopped. More pens were found",
             "in two more pharmacies on Tuesday.",
             "The regulator said the fault had been found in pens made between March and "
             "October at the plant in Lemmstedt. Health ministry",
             "It was stopped. The recall covers pens sold in Germany and Austria",
             "Patients should keep using their pens."]  # fmt: skip
    _, segs = segment_text("\n".join(lines), "en")
    roles = ["body"] * len(segs)
    assert caption_lines(segs, roles, 6) == roles
    lines[2] = "In two more pharmacies on Tuesday."  # no longer a wrapped sentence
    _, segs = segment_text("\n".join(lines), "en")
    roles = ["body"] * len(segs)
    moved = [s.text for s, r in zip(segs, caption_lines(segs, roles, 6), strict=True)
             if r == "other"]  # fmt: skip
    assert moved == ["It was stopped.", "More pens were found"]
    assert caption_lines(segs, roles, 0) == roles


_CAPTIONED = st.lists(
    st.sampled_from(["The pens were recalled on Monday.", "A pharmacist at work. File picture",
                     "Salmon pens in the loch. Picture: Kelvara Seafarms", "Anzeige",
                     "patients were told to wait.", "It rained. and then", ""]),
    min_size=1, max_size=10,
)  # fmt: skip


@given(_CAPTIONED, st.lists(st.sampled_from(ROLES), min_size=30, max_size=30),
       st.integers(0, 8))  # fmt: skip
def test_caption_lines_only_take_a_body_caption_line_out(lines, labels, words) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    out = caption_lines(segs, roles, words)
    sh = shapes(segs)
    for i, (before, after) in enumerate(zip(roles, out, strict=True)):
        if before != after:
            assert after == "other" and before in ("body", "other")
            assert 0 < i < len(segs) - 1 and "body" in out[i + 1 :]
            assert sh[i].starts_line != sh[i].ends_line  # half of a two-segment line
    assert caption_lines(segs, roles, 0) == list(roles)
    assert caption_lines(segs, out, words) == out  # a second pass changes nothing more
