"""Button rows (core.page_widgets): a share bar is link residue, a print/save bar is chrome.

A scraped article keeps its buttons as one line, joined by one space or wider gaps.
The label guide calls sharing ``link_residue`` and every other widget ``other``; a
row of one role is one segment and takes the role of most of its characters, a row
whose buttons take both roles is cut into runs of one role.  The pages here are
written for the repository.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.page_widgets import button_kind, button_parts, button_row, row_roles
from workbench.core.roles import _rule_role
from workbench.core.segment import segment_text

SHARE = ["Teilen", "Share", "Partager", "Поділитися", "Link kopieren", "Copy link"]
NETWORKS = ["Facebook", "X", "WhatsApp", "E-Mail", "Telegram", "LinkedIn"]
PAGE = ["Drucken", "Print", "Merken", "Save", "Imprimer", "Sauvegarder", "Font Size"]
COMMENT = ["Kommentare", "Commenter", "Comments", "Коментувати", "Réagir"]


def test_a_share_bar_joined_by_single_spaces_is_link_residue() -> None:
    assert button_row("Partager Facebook X WhatsApp") == "link_residue"
    assert button_row("Teilen Link kopieren") == "link_residue"
    assert button_row("X.com  Facebook  E-Mail  Messenger  WhatsApp  Link kopieren") == (
        "link_residue"
    )


def test_a_row_takes_the_role_of_most_of_its_characters() -> None:
    assert button_row("Teilen  Drucken  Merken") == "other"  # 6 shared against 13 page chars
    assert button_row("Partager  Ajouter à mes favoris") == "other"
    assert button_row("Share this article  Save") == "link_residue"
    assert button_row("Share  Font Size  Save  Print") == "other"


def test_a_row_with_no_share_button_is_left_to_the_other_rules() -> None:
    assert button_row("Facebook  X  Telegram") is None  # a follow bar: "Follow us" decides
    assert button_row("Drucken  Merken") is None
    assert button_row("Teilen") is None  # one button: the phrase rules answer
    assert button_row("Teilen Sie den Artikel mit Freunden") is None  # words of a sentence
    assert button_row("Kommentare  Facebook") is None  # a comment button is no share button
    assert button_row("1.2k comments  Share  Save") is None  # "1.2k" is no button or count


def test_a_comment_button_beside_a_share_button_is_cut_from_it_as_page_chrome() -> None:
    assert _parts("Kommentare (3) Teilen") == [("Kommentare (3)", "other"),
                                               ("Teilen", "link_residue")]  # fmt: skip
    assert _parts("Partager Commenter 12") == [("Partager", "link_residue"),
                                               ("Commenter 12", "other")]  # fmt: skip
    assert _parts("Share  Font Size  Save  Print  Comment") == [
        ("Share", "link_residue"), ("Font Size  Save  Print  Comment", "other")]
    roles = roles_by_text(PAGE_TEXT.format(bar="Kommentare  Teilen"), "de")
    assert (roles["Kommentare"], roles["Teilen"]) == ("other", "link_residue")
    assert roles["Verletzt wurde niemand."] == "body"


@given(st.lists(st.sampled_from(COMMENT + SHARE[:4]), min_size=2, max_size=5))
def test_comment_buttons_and_share_buttons_take_apart_roles(buttons: list[str]) -> None:
    row = " ".join(buttons)
    parts = _parts(row)
    if not any(b in SHARE for b in buttons) or all(b in SHARE for b in buttons):
        assert parts is None  # no share bar, or one of a single role: left whole
        return
    assert parts is not None
    assert " ".join(text for text, _ in parts) == row
    for text, role in parts:  # every part holds buttons of its own role only
        assert all((w in SHARE) == (role == "link_residue") for w in text.split())


def test_a_gift_button_takes_no_side() -> None:
    assert button_kind("Artikel verschenken") == "gift"
    assert button_row("Artikel verschenken Teilen") == "link_residue"
    assert button_row("Partager Offrir l'article Sauvegarder") == "other"  # 8 against 11


def test_print_alone_is_page_chrome_and_share_alone_is_link_residue() -> None:
    assert _rule_role("Drucken") == "other"
    assert _rule_role("Print") == "other"
    assert _rule_role("Teilen") == "link_residue"
    assert _rule_role("Social Sharing") == "link_residue"


PAGE_TEXT = (
    "Rheinhafen: Tanker läuft bei Kembs auf Grund\n"
    "27.11.2026, 10:15 Uhr\n"
    "{bar}\n"
    "Ein Tanker mit 2300 Tonnen Heizöl ist am Freitagmorgen bei Kembs auf Grund gelaufen.\n"
    "Die Schifffahrt zwischen Basel und Breisach ist unterbrochen, teilte die Polizei mit.\n"
    "Verletzt wurde niemand.\n"
)


def test_a_share_bar_on_a_page_is_link_residue_and_takes_no_story() -> None:
    for bar, role in (("Artikel verschenken Teilen", "link_residue"),
                      ("Teilen Link kopieren", "link_residue"),
                      ("Facebook X WhatsApp Teilen", "link_residue")):  # fmt: skip
        roles = roles_by_text(PAGE_TEXT.format(bar=bar), "de")
        assert roles[bar] == role
        assert roles["Verletzt wurde niemand."] == "body"
        assert roles["Ein Tanker mit 2300 Tonnen Heizöl ist am Freitagmorgen bei Kembs auf "
                     "Grund gelaufen."] == "body"  # fmt: skip


@given(
    st.lists(st.sampled_from(SHARE + NETWORKS + PAGE), min_size=2, max_size=6),
    st.sampled_from(["  ", " "]),
)
def test_any_row_of_known_buttons_gets_the_majority_role(buttons: list[str], gap: str) -> None:
    row = gap.join(buttons)
    shared = sum(len(b.replace(" ", "")) for b in buttons if b in SHARE + NETWORKS)
    chrome = sum(len(b.replace(" ", "")) for b in buttons if b in PAGE)
    if not any(b in SHARE for b in buttons):
        assert button_row(row) is None
    else:
        assert button_row(row) == ("link_residue" if shared >= chrome else "other")


@given(st.lists(st.sampled_from(SHARE + PAGE), min_size=1, max_size=4),
       st.text(alphabet="abcdefghij", min_size=3, max_size=8))  # fmt: skip
def test_a_word_no_button_holds_makes_the_line_no_row(buttons: list[str], word: str) -> None:
    assert button_row(" ".join([*buttons, word])) is None
    assert button_row(" ".join([word, *buttons])) is None


def _parts(row: str) -> list[tuple[str, str]] | None:
    found = button_parts(row)
    return None if found is None else [(row[a:b], role) for a, b, role in found]


def test_a_row_of_share_and_page_buttons_is_cut_between_them() -> None:
    assert _parts("Teilen  Merken") == [("Teilen", "link_residue"), ("Merken", "other")]
    assert _parts("Partager Facebook X LinkedIn E-mail Imprimer") == [
        ("Partager Facebook X LinkedIn E-mail", "link_residue"), ("Imprimer", "other")]
    assert _parts("Teilen Drucken Merken") == [("Teilen", "link_residue"),
                                               ("Drucken Merken", "other")]  # fmt: skip
    assert _parts("Share  Font Size  Save  Print  Copy link") == [
        ("Share", "link_residue"), ("Font Size  Save  Print", "other"),
        ("Copy link", "link_residue")]


def test_a_row_of_one_role_stays_whole_and_a_gift_button_joins_the_row() -> None:
    assert _parts("Partager Facebook X WhatsApp") is None
    assert _parts("Drucken  Merken") is None  # no share button: not a share bar
    assert _parts("Teilen Sie den Artikel mit Freunden") is None
    assert _parts("Artikel verschenken Teilen") is None  # the gift takes the row's role
    assert _parts("Partager Offrir l'article Sauvegarder") == [
        ("Partager", "link_residue"), ("Offrir l'article Sauvegarder", "other")]


def test_the_segmenter_cuts_a_mixed_row_and_each_part_takes_its_role() -> None:
    text = PAGE_TEXT.format(bar="Teilen  Drucken  Merken")
    assert "Teilen" in [s.text for s in segment_text(text, "de")[1]]
    roles = roles_by_text(text, "de")
    assert roles["Teilen"] == "link_residue"
    assert roles["Drucken  Merken"] == "other"
    assert roles["Verletzt wurde niemand."] == "body"
    roles = roles_by_text(PAGE_TEXT.format(bar="Partager Facebook X Imprimer"), "de")
    assert (roles["Partager Facebook X"], roles["Imprimer"]) == ("link_residue", "other")


def test_the_same_words_in_a_sentence_are_no_row_parts() -> None:
    _, segs = segment_text("Teilen Sie den Artikel. Drucken Sie ihn aus.\nMerken\n", "de")
    assert row_roles(segs) == [None] * len(segs)
    assert [s.text for s in segs] == ["Teilen Sie den Artikel.", "Drucken Sie ihn aus.", "Merken"]


@given(
    st.lists(st.sampled_from(SHARE + NETWORKS + PAGE), min_size=2, max_size=6),
    st.sampled_from(["  ", " "]),
)
def test_every_button_of_a_cut_row_lands_in_a_part_of_its_role(
    buttons: list[str], gap: str
) -> None:
    row = gap.join(buttons)
    text = f"Titel der Meldung\n{row}\nDer erste Satz der Meldung steht hier.\n"
    _, segs = segment_text(text, "de")
    roles = row_roles(segs)
    parts = button_parts(row)
    shared = [b in SHARE + NETWORKS for b in buttons]
    if parts is None:  # a row of one role, or no share bar: one segment, left to the rules
        assert row in [s.text for s in segs]
        assert not any(roles)
        assert not (any(b in SHARE for b in buttons) and any(shared) and not all(shared))
        return
    assert [r for r in roles if r] == [role for _, _, role in parts]
    assert all(p[2] != q[2] for p, q in zip(parts, parts[1:], strict=False))  # runs alternate
    pos = 0
    for button, share in zip(buttons, shared, strict=True):
        start = row.index(button, pos)
        pos = start + len(button)
        part = next(p for p in parts if p[0] <= start < p[1])
        assert pos <= part[1] and part[2] == ("link_residue" if share else "other")
