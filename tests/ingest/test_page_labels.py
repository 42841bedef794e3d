"""Runs of label lines (core.page_labels): a flattened menu or widget is no story text.

Menus, section and agency labels, tag lists and widget residue printed as a stack
of short lines, in words no phrase list holds.  The pages here are written for the
repository.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.page_labels import label_runs
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.roles import ROLES, assign_roles
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


def _roles(text: str, run: int) -> dict[str, str]:
    _, segs = segment_text(text, "en")
    params = replace(DEFAULT_PARAMS, label_run=run)
    return dict(zip((s.text for s in segs), assign_roles(segs, params=params), strict=True))


def test_labels_stacked_around_the_title_are_other_when_a_ticker_opened_the_story() -> None:
    before, after = _roles(TICKER_PAGE, 0), roles_by_text(TICKER_PAGE)
    assert before["World"] == before["Agencia"] == "body"  # a ticker line opens "the story"
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


def test_no_segments_no_roles() -> None:
    assert label_runs([], [], 2, 8) == []
