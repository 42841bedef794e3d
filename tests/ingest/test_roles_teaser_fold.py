"""A teaser label keeps its role whatever letters its title holds (``roles._after_label``).

The label test folded the whole line ("Lesen Sie auch: …") and gave the line up when the
fold changed its length, which "ß" does ("ss"): every German teaser whose title held a
"ß" ("Reifenwerk in Gießen", "Straßensperre", "Fußball") lost its `link_residue` and was
read as a teaser title, `other` (batch 48, two pages).  The pages here are invented.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.roles import _rule_role

STORY = (
    "Der Autozulieferer will sein Werk in Dillenburg bis Ende 2027 schließen, teilte das "
    "Unternehmen am Donnerstag in Stuttgart mit.\n"
    "Betroffen sind nach Unternehmensangaben mehr als tausend Beschäftigte in der Fertigung.\n"
)


@given(
    st.sampled_from(["Lesen Sie auch:", "Lesen Sie auch", "Mehr zum Thema:", "Read more:"]),
    st.sampled_from(["Reifenwerk in Gießen", "Straßensperre an der B49", "Fußball in Wetzlar"]),
    st.sampled_from(["", ": Einigung auf Sozialplan", " – die Bilanz"]),
)
def test_a_teaser_label_holds_whatever_its_title_spells(label: str, title: str, tail: str) -> None:
    plain = title.replace("ß", "ss")
    assert _rule_role(f"{label} {title}{tail}") == _rule_role(f"{label} {plain}{tail}")
    assert _rule_role(f"{label} {title}{tail}") == "link_residue"


def test_a_read_also_line_inside_the_story_is_link_residue_with_a_sharp_s() -> None:
    teaser = "Lesen Sie auch: Reifenwerk in Gießen: Einigung auf Sozialplan für 480 Beschäftigte"
    text = (
        "Getriebehersteller schließt Werk in Dillenburg\n\n"
        + STORY
        + f"{teaser}\n"
        + "Die IG Metall kündigte Widerstand gegen die Pläne des Unternehmens in Dillenburg an.\n"
    )
    roles = roles_by_text(text, "de")
    assert roles[teaser] == "link_residue"
    assert roles["Betroffen sind nach Unternehmensangaben mehr als tausend Beschäftigte in der "
                 "Fertigung."] == "body"  # fmt: skip


def test_a_sentence_opening_with_the_label_words_stays_no_label() -> None:
    """The fold changes no length, so a sentence is still told from a label as before."""
    for text in ("Related measures in Gießen were announced on Monday.",
                 "Read more about the Straße closures in the council's notice."):  # fmt: skip
        assert _rule_role(text) is None
