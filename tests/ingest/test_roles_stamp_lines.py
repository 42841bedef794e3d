"""A stamp line under the title is a line of its own (``core.segment._metadata_line``).

The segmenter joins a line that opens in lower case onto the line above as wrapped prose.
Under a title a lower-case stamp line ("in Commodities News 30/11/2026", "dpa  30.11.2026
14:20 Uhr  12 Kommentare") was joined so; the joined segment held a date, and a line with a
date is never the title, so the title was lost and the masthead's lines above it were taken
for the headline (batch 56's shipping site, batch 14's dpa copy).  The pages are invented.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core import segment
from workbench.core.segment import segment_text, split_sentences

TITLE = "Grain barge traffic resumes on the Danube after low water"
STORY = (
    "Barges loaded with wheat and maize began moving again on the lower Danube on Sunday "
    "after a week of low water had halted most of the traffic.\n"
    "The river authority said the water level at the port of Izmail had risen by forty "
    "centimetres since Thursday, enough for barges with a reduced load.\n"
    "Traders said the delay had pushed up freight rates for grain shipped from Ukrainian "
    "river ports to Constanta by about a tenth.\n"
    "More rain is forecast for the upper river this week, the authority added.\n"
)


def page(stamp: str) -> str:
    return (
        "Danube Shipping Daily Worldwide\n"
        "Online daily news on river and sea freight\n"
        "Home Shipping News Dry Bulk Ports Contact\n"
        f"\n{TITLE}\n{stamp}\n\n{STORY}"
    )


@contextmanager
def joined() -> Iterator[None]:
    """The segmenter as before the switch: a lower-case stamp line joins the title."""
    keep = segment.METADATA_BREAKS
    segment.METADATA_BREAKS = False
    try:
        yield
    finally:
        segment.METADATA_BREAKS = keep


def test_a_stamp_line_under_the_title_keeps_the_title_found() -> None:
    stamp = "in Commodities News 30/11/2026"
    with joined():
        before = roles_by_text(page(stamp))
    assert f"{TITLE}\n{stamp}" in before and before[f"{TITLE}\n{stamp}"] != "headline"
    roles = roles_by_text(page(stamp))
    assert roles[TITLE] == "headline"
    assert roles[stamp] == "other"
    assert roles["Danube Shipping Daily Worldwide"] != "headline"
    assert roles["More rain is forecast for the upper river this week, the authority added."] == (
        "body"
    )


@given(
    st.sampled_from(["in Commodities News", "dpa", "von Redaktion", "publié le"]),
    st.sampled_from(["30/11/2026", "30.11.2026  14:20 Uhr", "1er décembre 2026 à 12h41"]),
)
def test_a_lower_case_stamp_line_is_never_joined_onto_the_line_above(lead: str, date: str) -> None:
    stamp = f"{lead} {date}"
    assert [s.text for s in segment_text(f"{TITLE}\n{stamp}\n")[1]] == [TITLE, stamp]


def test_wrapped_prose_holding_a_date_still_joins() -> None:
    """A sentence's wrapped end closes with its full stop; a long wrapped line is no stamp."""
    for text in (
        "The council will vote on the plan\non 30/11/2026.",
        "The council met on Tuesday and\nagreed on 30/11/2026 to fund the repairs of the old "
        "bridge over the river\nbefore the winter.",
    ):
        assert split_sentences(text, "en") == [text]
