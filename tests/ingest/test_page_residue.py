"""Residue by place (core.page_residue): a label the capture cut, a teaser title's tail.

The pages here are written for the repository: a capture that stops inside a
"Read also" label, and teasers whose titles hold a full stop.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.page_residue import CUT_LETTERS, POINTER_WORDS, cut_label, line_credit, pointer
from workbench.core.role_phrases import COMMENT_STARTERS, TEASER_PHRASES
from workbench.core.segment import segment_text

STORY_UK = (
    "Міст через Тясмин закрили на ремонт до весни\n"
    "Міська рада Смілянська закрила міст через Тясмин для всіх автомобілів з понеділка.\n"
    "Ремонт триватиме до квітня, повідомили в міській раді.\n"
    "Автобуси їздитимуть об'їзною дорогою через Ротмістрівку.\n"
)


def test_a_page_cut_inside_a_read_also_label_ends_in_link_residue() -> None:
    roles = roles_by_text(STORY_UK + "Читайте так", "uk")  # no line break: the capture cut
    assert roles["Читайте так"] == "link_residue"
    assert roles["Ремонт триватиме до квітня, повідомили в міській раді."] == "body"


def test_a_page_cut_inside_a_comment_heading_ends_in_the_comment_form() -> None:
    assert cut_label("Коментар") == "comment_form"
    assert cut_label("Leave a rep") == "comment_form"


def test_a_cut_word_that_starts_labels_of_two_roles_or_too_short_is_left_alone() -> None:
    assert cut_label("Sav") is None  # too few letters
    assert cut_label("Se connect") is None  # only a chrome label starts so: the block decides
    assert cut_label("Пасаж") is None  # no label starts so: a story word
    assert cut_label("Read more") is None  # a whole label: the phrase rules answer


TEASER_FR = (
    "Incendie dans un entrepôt de Vénissieux : 40 pompiers mobilisés\n\n"
    "Un incendie s'est déclaré mardi soir dans un entrepôt de pneus de Vénissieux.\n"
    "Une quarantaine de pompiers ont été mobilisés toute la nuit.\n"
    "Lire aussi Enquête. Les entrepôts de la vallée de la chimie sous surveillance\n"
    "Aucun blessé n'est à déplorer, selon la préfecture du Rhône.\n"
)


def test_a_teaser_title_split_by_a_full_stop_stays_link_residue() -> None:
    roles = roles_by_text(TEASER_FR, "fr")
    assert roles["Lire aussi Enquête."] == "link_residue"
    assert roles["Les entrepôts de la vallée de la chimie sous surveillance"] == "link_residue"
    assert roles["Aucun blessé n'est à déplorer, selon la préfecture du Rhône."] == "body"


def test_a_sentence_after_a_teaser_on_its_line_is_not_taken_as_its_title() -> None:
    text = TEASER_FR.replace(
        "Les entrepôts de la vallée de la chimie sous surveillance",
        "Les pompiers sont restés sur place jusqu'à l'aube.",
    )
    roles = roles_by_text(text, "fr")
    assert roles["Les pompiers sont restés sur place jusqu'à l'aube."] != "link_residue"


@given(st.sampled_from(sorted(TEASER_PHRASES)), st.data())
def test_the_cut_start_of_a_teaser_label_is_never_another_box(label: str, data) -> None:
    if len(label) <= CUT_LETTERS + 1:
        return
    cut = data.draw(st.integers(min_value=CUT_LETTERS, max_value=len(label) - 1))
    assert cut_label(label[:cut]) in ("link_residue", None)


@given(st.sampled_from(sorted(COMMENT_STARTERS)), st.data())
def test_the_cut_start_of_a_comment_label_is_never_link_residue(label: str, data) -> None:
    if len(label) <= CUT_LETTERS + 1:
        return
    cut = data.draw(st.integers(min_value=CUT_LETTERS, max_value=len(label) - 1))
    assert cut_label(label[:cut]) in ("comment_form", None)


STORY_EN = (
    "Flight diverted to Gander after smoke warning\n"
    "A transatlantic flight from Dublin to Boston was diverted to Gander on Sunday.\n"
    "The crew reported a smoke warning in the rear cargo hold, the airline said.\n"
    "All 214 passengers left the aircraft safely and were taken to hotels in town.\n"
)


def test_network_names_under_a_share_label_are_its_targets() -> None:
    roles = roles_by_text(STORY_EN + "Share this story\nFacebook X Email\nGot a news tip?\n")
    assert roles["Share this story"] == "link_residue"
    assert roles["Facebook X Email"] == "link_residue"
    assert roles["All 214 passengers left the aircraft safely and were taken to hotels in "
                 "town."] == "body"  # fmt: skip


def test_network_names_under_anything_else_are_left_to_the_other_rules() -> None:
    roles = roles_by_text(STORY_EN + "Follow us\nFacebook X Email\n")
    assert roles["Facebook X Email"] != "link_residue"
    roles = roles_by_text(STORY_EN + "Share this story\nFacebook and X users shared it.\n")
    assert roles["Facebook and X users shared it."] != "link_residue"


PAGE_DE = (
    "Stichwahl in Schwedt: Parteilose Wendt gewinnt knapp\n"
    "Katrin Wendt am Wahlabend im Schwedter Rathaus. Quelle: Patrick Pleul/dpa\n"
    "Die parteilose Kandidatin Katrin Wendt hat die Stichwahl in Schwedt gewonnen.\n"
    "Sie kam am Sonntag auf 52,4 Prozent der Stimmen, teilte die Stadt mit.\n"
    "Die Wahlbeteiligung lag bei 46,1 Prozent.\n"
    "Quelle: dpa\n"
)


def test_a_source_line_on_a_captions_line_is_its_credit_and_alone_stays_residue() -> None:
    roles = roles_by_text(PAGE_DE, "de")
    assert roles["Quelle: Patrick Pleul/dpa"] == "other"
    assert roles["Quelle: dpa"] == "link_residue"
    assert roles["Die Wahlbeteiligung lag bei 46,1 Prozent."] == "body"


@given(
    st.sampled_from(["Quelle", "Source", "Sources", "Источник", "Джерело", "Fonte", "Source "]),
    st.sampled_from(["dpa", "Patrick Pleul/dpa", "APA / Vindobona.org", "Eesti Energia"]),
)
def test_a_source_is_a_credit_only_after_something_on_its_own_line(label: str, name: str) -> None:
    source = f"{label}: {name}"
    _, segs = segment_text(f"Auvere power plant. {source}\n{source}\n", "en")
    texts = [s.text for s in segs]
    assert texts == ["Auvere power plant.", source, source]
    assert [line_credit(segs, i) for i in range(3)] == [False, True, False]


def test_a_line_that_sends_the_reader_to_a_link_is_residue_and_a_citation_is_not() -> None:
    roles = roles_by_text(PAGE_DE.replace("Quelle: dpa\n", "Mehr Nachrichten aus Schwedt lesen "
                                          "Sie hier.\n"), "de")  # fmt: skip
    assert roles["Mehr Nachrichten aus Schwedt lesen Sie hier."] == "link_residue"
    assert roles["Die Wahlbeteiligung lag bei 46,1 Prozent."] == "body"
    assert pointer("Детальніше з текстом постанови можна ознайомитися за посиланням.")
    assert not pointer("Про це повідомляє РБК-Україна з посиланням на МАГАТЕ.")
    assert not pointer("Sign up here.")


POINTER_ENDS = ["lesen Sie hier.", "read it here", "lisez-le ici.", "за посиланням."]


@given(st.text(alphabet="abcdefghij klmnop.,", max_size=80), st.sampled_from(POINTER_ENDS))
def test_a_pointer_needs_its_closing_words_and_a_short_line(text: str, end: str) -> None:
    assert not pointer(text)  # no closing pointer words
    assert not pointer(" ".join(["word"] * POINTER_WORDS) + " " + end)  # too long for a link line
