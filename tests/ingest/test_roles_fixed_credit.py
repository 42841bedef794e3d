"""A sentence printed before a credit the phrase rules fixed is that credit's caption.

``RoleParams.fixed_credits``: "1 / 4 Аварійна ділянка на вулиці Заводській. Фото:
Новоборівська міська рада" (a gallery caption and its credit on one line) and a price
widget's "Пшениця CBOT, $/буш.  5,41  +1,3%" open a line with a short sentence and end it
with page chrome that a phrase rule already labelled; the caption pass only looked at
chrome the page evidence found, so the sentence was read as the story's first.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with, rules_only
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "story-pairs"
SIVER = PAGES / "batch29/pages/novoborivsk-heating-main-rupture-2026-11-27/siver_uk.txt"
EPRAVDA = PAGES / "batch11/pages/bosporus-grounding-2026-12-01/epravda_uk.txt"


@pytest.mark.parametrize(
    ("page", "line"),
    [
        (SIVER, "1 / 4 Аварійна ділянка на вулиці Заводській."),
        (EPRAVDA, "Пшениця CBOT, $/буш."),
    ],
)
def test_a_sentence_before_a_fixed_credit_on_its_line_is_chrome(page: Path, line: str) -> None:
    """The rule takes the line; the rules without it read it as story.

    The rule's effect is measured on the rules alone (learned layer off): since round 15 the
    learned layer also turns body <-> other, and it takes the price widget's line without the
    rule too, so with the layer on, "rule off" would no longer show what the rule does.  The
    product (rules, then the layer) must still read the line as chrome.
    """
    text = page.read_text(encoding="utf-8").removeprefix("\ufeff")
    assert roles_by_text(text, "uk")[line] == "other"
    with rules_only():
        assert roles_by_text(text, "uk")[line] == "other"
        assert roles_with(text, "uk", fixed_credits=False)[line] == "body"


def test_a_story_sentence_before_its_own_line_break_stays_story() -> None:
    """The credit must share the sentence's printed line: a credit line below is no caption's."""
    text = (
        "Heating main bursts in Novoborivsk\n"
        "27 November 2026 12:47\n\n"
        "A heating main burst in Novoborivsk overnight, leaving 38,000 people without heating.\n"
        "Photo: Novoborivsk city council\n\n"
        "Repair crews welded the damaged section and began refilling the network with water.\n\n"
        "The city opened 14 warming points, the council said on Friday.\n"
    )
    roles = roles_by_text(text)
    assert roles["A heating main burst in Novoborivsk overnight, leaving 38,000 people "
                 "without heating."] == "body"  # fmt: skip


_SENTENCES = (
    "У Новоборівську в ніч на п'ятницю прорвало магістральну тепломережу біля котельні.",
    "Без опалення залишилися 214 багатоповерхівок, 11 шкіл і поліклініка міської лікарні.",
    "Аварійники заварили пошкоджену ділянку й почали заповнювати мережу водою.",
    "У місті відкрили 14 пунктів обігріву, їхні адреси є на сайті міськради.",
)
_CAPTIONS = ("1 / 4 Аварійна ділянка на вулиці Заводській.", "Котельня на вулиці Шкільній.")
_CREDITS = ("Фото: Новоборівська міська рада ‹ ›", "Фото: УНІАН ‹ ›", "Фото: УНІАН")
_HEADER = (
    "СІВЕРЩИНА громадсько-політичний тижневик\n"
    "Новини Громади Люди Історія Архів газети Передплата\n\n"
    "У Новоборівську прорвало тепломагістраль: без опалення 38 тисяч людей\n"
    "27 листопада 2026 12:47  Переглядів: 912\n"
)


@given(
    order=st.permutations(range(len(_SENTENCES))),
    lead=st.tuples(st.sampled_from(_CAPTIONS), st.sampled_from(_CREDITS)),
    inside=st.lists(
        st.tuples(st.sampled_from(_CAPTIONS), st.sampled_from(_CREDITS), st.integers(1, 3)),
        max_size=1,
    ),
)
def test_the_rule_only_takes_a_sentence_sharing_its_line_with_a_credit(
    order: list[int], lead: tuple[str, str], inside: list[tuple[str, str, int]]
) -> None:
    """On or off, a segment differs only as body -> other, before a credit on its line."""
    paras = [_SENTENCES[k] for k in order]
    for caption, credit, at in inside:
        paras.insert(at, f"{caption} {credit}")
    text = _HEADER + f"{lead[0]} {lead[1]}\n\n" + "\n\n".join(paras) + "\n"
    _, segs = segment_text(text, "uk")
    on = assign_roles(segs)
    off = assign_roles(segs, params=replace(DEFAULT_PARAMS, fixed_credits=False))
    for k, (a, b) in enumerate(zip(off, on, strict=True)):
        if a != b:
            assert (a, b) == ("body", "other")
            assert k + 1 < len(segs) and "\n" not in segs[k].separator
            assert segs[k + 1].text in _CREDITS and on[k + 1] == off[k + 1] == "other"
    if lead[1].endswith("‹ ›"):  # a credit the phrase rules fix: its caption is taken
        assert on[next(k for k, seg in enumerate(segs) if seg.text == lead[0])] == "other"
