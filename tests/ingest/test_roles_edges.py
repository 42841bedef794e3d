"""Page roles at the page's edges: the masthead above the story, the footer below it."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import example, given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.appeal_box import box_goes_on, closes_box
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.roles import _fixed_roles
from workbench.core.segment import lines_as_paragraphs, segment_text

STORY = (
    "The regional court ruled on Tuesday that the city had broken its own building rules, "
    "the judges said.\n\n"
    "The case was brought by a group of residents of the old harbour quarter in 2024.\n\n"
    "The city council said it would study the ruling before deciding on an appeal.\n"
)


def test_a_donate_menu_item_above_the_story_opens_no_appeal_box() -> None:
    text = (
        "HARBOUR WATCH\nLocal News & Opinion\nNews  Opinion  Features  Donate\n"
        "Court rules against the city over harbour flats\nAnna Berger | Staff Reporter\n"
        "December 1, 2026 03:12 pm\n\n" + STORY
    )
    roles = roles_by_text(text)
    assert roles["Court rules against the city over harbour flats"] == "headline"
    for line in ("HARBOUR WATCH", "News  Opinion  Features  Donate", "December 1, 2026 03:12 pm"):
        assert roles[line] == "other", line
    assert "appeal" not in roles.values()


def test_a_button_alone_in_the_masthead_is_a_menu_item() -> None:
    text = (
        "ZORYA\nЦентр новин\nНовини  Статті  EN\nПідтримати\n"
        "Суд визнав порушення прав журналіста з Бахчисарая\n01.12.2026\n\n"
        "Суд у вівторок визнав, що влада порушила права журналіста, який вів стріми з обшуків.\n\n"
        "Журналіста затримали у березні 2021 року, а засудили у 2023 році до семи років.\n\n"
        "Адвокатка журналіста сказала, що він має проблеми із серцем і не отримує допомоги.\n"
    )
    roles = roles_by_text(text, "uk")
    assert roles["Підтримати"] == "other"
    assert roles["Суд визнав порушення прав журналіста з Бахчисарая"] == "headline"
    assert "appeal" not in roles.values()


def test_a_support_banner_above_the_story_stays_an_appeal() -> None:
    text = (
        "Harbour Watch\n\nWe rely on readers like you to keep our reporting free.  Donate\n\n"
        "Court rules against the city over harbour flats\n\n" + STORY
    )
    roles = roles_by_text(text)
    assert roles["We rely on readers like you to keep our reporting free."] == "appeal"


def test_the_site_describing_itself_below_the_story_is_not_story() -> None:
    text = (
        "Harbour Watch  News  Sport  Weather\n"
        "Court rules against the city over harbour flats\n\n"
        "The regional court ruled on Tuesday that the city had broken its own building rules, "
        "the judges said.\n"
        "As Harbour Watch reported in May, the residents of the old harbour quarter brought "
        "the case in 2024.\n"
        "The city council said it would study the ruling before deciding on an appeal.\n\n"
        "Share this article\n"
        "Most Read\n"
        "Weather\n"
        "© Harbour Watch 2026. HarbourWatch.ie is the website of the Coastal Media Group, "
        "an independent publisher. Harbour Watch is not responsible for external internet sites.\n"
    )
    roles = roles_by_text(text)
    told = "As Harbour Watch reported in May, the residents of the old harbour quarter"
    assert roles[next(s for s in roles if s.startswith(told))] == "body"
    for line in ("Weather", "Harbour Watch is not responsible for external internet sites."):
        assert roles[line] == "other", line
    assert roles[next(s for s in roles if s.startswith("HarbourWatch.ie"))] == "other"


def test_site_name_is_the_mastheads_first_item() -> None:
    from workbench.core.page_tail import names_site, site_name
    from workbench.core.segment import segment_text

    assert site_name(segment_text("Olympics.com  Watch  News\n\nText.\n", "en")[1]) == "Olympics"
    assert site_name(segment_text("The storm killed two people on Monday.\n", "en")[1]) is None
    assert names_site("«Галка» працює завдяки читачам.", "Галка")
    assert names_site("Галка працює завдяки читачам.", "Галка")
    assert not names_site('"Moldova will not tolerate interference," she said.', "Moldova")
    assert not names_site("Як повідомляв Укрінформ, 14 травня …", "Укрінформ")


def test_a_label_and_its_blurb_on_one_line_are_a_box() -> None:
    text = (
        "Court rules against the city over harbour flats\n\n" + STORY + "\n"
        "Where to watch  The hearings are shown live by regional broadcasters on weekdays.\n"
        "Create a free account  Exclusive content and personalised news every morning.\n"
        "Sign up\n"
    )
    roles = roles_by_text(text)
    boxes = [s for s in roles if s.startswith(("Where to watch", "Create a free"))]
    assert len(boxes) == 2 and {roles[s] for s in boxes} == {"other"}
    assert roles[next(s for s in roles if s.startswith("The city council"))] == "body"


def test_a_dateline_before_a_gap_still_opens_the_story() -> None:
    text = (
        "Court rules against the city over harbour flats\n\n"
        "HAMBURG  The regional court ruled on Tuesday that the city had broken its own "
        "building rules, the judges said.\n\n"
        "The case was brought by a group of residents of the old harbour quarter in 2024.\n\n"
        "The city council said it would study the ruling before deciding on an appeal.\n"
    )
    roles = roles_by_text(text)
    assert [r for s, r in roles.items() if s.startswith("HAMBURG")] == ["body"]


def test_a_comment_heading_glued_to_its_first_line_opens_the_section() -> None:
    from workbench.core.roles import _rule_role

    assert _rule_role("Comments Please log in here to leave a comment.") == "comment_form"
    glued = "Kommentare Die Kommentarfunktion steht nur angemeldeten Lesern zur Verfügung."
    assert _rule_role(glued) == "comment_form"
    assert _rule_role("Kommentare Trumps sorgten am Montag für Aufregung.") is None
    text = (
        "Court rules against the city over harbour flats\n\n" + STORY + "\n"
        "Comments Please log in here to leave a comment.\n"
        "Join the conversation in our comments section below. Share your views and if you have "
        "a question for our journalists then email us.\n"
    )
    roles = roles_by_text(text)
    assert roles["Comments Please log in here to leave a comment."] == "comment_form"
    assert roles["Join the conversation in our comments section below."] == "comment_form"


def test_the_site_living_on_its_readers_is_an_appeal() -> None:
    text = (
        "Zorya\nНовини  Франківськ  Культура\n"
        "Суд визнав порушення прав журналіста з Бахчисарая\n"
        "Суд у вівторок визнав, що влада порушила права журналіста, який вів стріми з обшуків.\n"
        "Журналіста затримали у березні 2021 року, а засудили у 2023 році до семи років.\n"
        "Адвокатка журналіста сказала, що він має проблеми із серцем і не отримує допомоги.\n"
        "Поділитися  24\n"
        "Zorya працює завдяки читачам. Підтримайте незалежну журналістику щомісячним внеском.\n"
        "Стати патроном\n"
    )
    roles = roles_by_text(text, "uk")
    for line in ("Zorya працює завдяки читачам.", "Стати патроном"):
        assert roles[line] == "appeal", line
    assert roles["Підтримайте незалежну журналістику щомісячним внеском."] == "appeal"


def test_a_comment_section_ends_at_a_copyright_line_in_any_language() -> None:
    from workbench.core.page_comments import _ends_section
    from workbench.core.segment import Seg

    for line in ("Alle Rechte vorbehalten. www.example.de", "Tous droits réservés", "© 2026"):
        assert _ends_section(Seg(0, len(line), line, "\n", 0), None), line
    line = "Ich stimme dem Autor in allen Punkten zu."
    assert not _ends_section(Seg(0, len(line), line, "\n", 0), None)


def test_a_stray_double_space_in_a_sentence_makes_no_box() -> None:
    from workbench.core.page_shapes import label_led

    assert label_led("Newsletter  Sign up for our weekly newsletter.")
    assert not label_led("The regional court  ruled on Tuesday that the city had broken its rules.")
    assert not label_led("the court  Ruled on Tuesday.")


def test_a_dated_sentence_after_a_story_sentence_on_its_line_is_story() -> None:
    text = (
        "Суд зобов'язав Росію виплатити 26 тисяч євро журналісту\n"
        "1 грудня 2026, 13:52\n\n"
        "Європейський суд з прав людини визнав, що Росія порушила права кримського журналіста.\n\n"
        "Суд дійшов висновку, що Росія порушила статті 5, 6 і 10 Європейської конвенції. "
        "Рішення ухвалили одноголосно 1 грудня.\n\n"
        "Журналіста затримали в березні 2021 року в Бахчисараї під час масових обшуків.\n"
    )
    roles = roles_by_text(text, "uk")
    assert roles["Рішення ухвалили одноголосно 1 грудня."] == "body"
    assert roles["1 грудня 2026, 13:52"] == "other"


def test_an_open_appeal_box_ends_with_its_button_on_a_page_read_line_by_line() -> None:
    """A box opened by its ask ("Support our …") ends with its button: a capture without
    blank lines has no other break, and the newsletter, footer and cookie lines below it
    are the site's chrome, not the appeal (batch 67's box ran on to the page's end)."""
    box = ["Support our independent reporting from just €5 a month.", "Become a member"]
    after = ["Sign up for our weekly newsletter Email address Subscribe",
             "About Team Advertise Contact Privacy policy", "© 2026 Harbour Watch."]  # fmt: skip
    lines = ["Court rules against the city over harbour flats", *STORY.split("\n\n"),
             "Tags: courts housing harbour", *box, *after]  # fmt: skip
    text = "\n".join(line.strip() for line in lines) + "\n"
    roles = roles_by_text(text)
    assert {roles[b] for b in box} == {"appeal"}
    assert {roles[a] for a in after} == {"other"}
    off = roles_with(text, button_ends=False, ask_ends=False)  # both end this box
    assert {off[a] for a in after} == {"appeal"}  # the rules, not another one, end the box
    assert roles_with(text, ask_ends=False) == roles  # the button alone ends it


_BOX_LINES = ["Support our work with a small donation.", "Become a member", "Donate",
              "Sign up for our newsletter", "© 2026 Harbour Watch.", "Dear readers,",
              STORY.split("\n\n")[0], "Tags: courts housing", "Remind me later", ""]  # fmt: skip


@given(st.lists(st.sampled_from(_BOX_LINES), min_size=1, max_size=12), st.booleans())
# Round 30 (reliab30): a second button after the box its first button closed opened a box of
# its own, and its paragraph fill reached above the first box's ask (``_backfill_appeal``).
@example(["Sign up for our newsletter", "Support our work with a small donation.",
          "Become a member", "Sign up for our newsletter", "Become a member", "",
          "Support our work with a small donation."], True)  # fmt: skip
def test_a_button_only_ends_a_box_it_never_opens_or_widens_one(
    lines: list[str], flat: bool
) -> None:
    """Property: with ``button_ends`` a line the block rules call an appeal was one without it,
    and every line the rule leaves out of a box comes after a short button.  ``ask_ends`` is
    off on both sides: a box that button_ends closes early lets a later ask open its own box
    and take its button, which ``test_appeal_ask``'s property allows for ask_ends itself
    (CI found ask, button, form, ask, form)."""
    text = ("\n" if flat else "\n\n").join(lines) + "\n"
    _, segs = segment_text(text, "en")
    segs = lines_as_paragraphs(segs)
    none = [None] * len(segs)
    params = replace(DEFAULT_PARAMS, ask_ends=False)
    off = _fixed_roles(segs, none, [False] * len(segs), replace(params, button_ends=False))
    on = _fixed_roles(segs, none, [False] * len(segs), params)
    for k, (a, b) in enumerate(zip(off, on, strict=True)):
        if b == "appeal":
            assert a == "appeal"
        if a != b:
            buttons = [j for j in range(k) if on[j] == "appeal" and len(segs[j].text.split()) <= 5]
            assert buttons


@given(st.text(alphabet="abc ÄЖ.,!?€5\n", max_size=60))
def test_a_long_line_never_closes_a_box_and_a_sentence_always_goes_on(text: str) -> None:
    """Property (``core.appeal_box``): a button is short; a line ending a sentence is the box."""
    if len(text.split()) > 5:
        assert not closes_box(text)
    if text.rstrip().endswith((".", "!", "?")):
        assert box_goes_on(text)


def test_a_buttons_paragraph_fill_stops_at_the_box_above_it() -> None:
    """A button opening a box fills its paragraph's undecided lines, but not those above a
    box that ended earlier in the same paragraph (round 30, reliab30: with ``button_ends``
    the line above the first box's ask was read as an appeal, without it as undecided)."""
    lines = ["Sign up for our newsletter", "Support our work with a small donation.",
             "Become a member", "Sign up for our newsletter", "Become a member", "",
             "Support our work with a small donation."]  # fmt: skip
    _, segs = segment_text("\n".join(lines) + "\n", "en")
    segs = lines_as_paragraphs(segs)
    params = replace(DEFAULT_PARAMS, ask_ends=False)
    none, plain = [None] * len(segs), [False] * len(segs)
    on = _fixed_roles(segs, none, plain, params)
    off = _fixed_roles(segs, none, plain, replace(params, button_ends=False))
    assert on[0] is None and off[0] is None  # above the first box's ask
    assert on[1:] == off[1:] == ["appeal"] * 5
