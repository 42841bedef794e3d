"""A comparison with no unlinked sentence pair has no chance baseline: "unknown" (round 35).

Why: the relation verdict counts links whose similarity is clearly above *chance*,
the mean similarity of the two texts' sentence pairs.  With one sentence a side
(comparing headlines only: ``workbench compare 1 2 --roles headline``,
``/api/compare {"roles": ["headline"]}``), the only pair IS the link, so chance
equalled the link's own similarity and no link could ever beat it: two identical
headlines were "unrelated: they are probably different stories", and the compare
view hid the row.  Now, when the aligner linked every sentence pair there is (one
sentence a side, or one bead holding both texts), there is nothing to measure
chance on and the verdict is ``unknown``, as across languages without MT; the rows
are shown.  Texts with any unlinked pair are judged as before.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.story.conftest import COPY, UNRELATED, WIRE, Ingest
from tests.web.conftest import Api
from workbench.config import Settings
from workbench.core.relatedness import UNKNOWN, relatedness
from workbench.services.compare import compare_versions
from workbench.web import create_app

SENTENCE = st.text(st.sampled_from("abcdef ghij"), min_size=1, max_size=40)


@given(SENTENCE, SENTENCE)
def test_one_sentence_a_side_cannot_be_judged(left: str, right: str) -> None:
    assert relatedness([left], [right], [((0,), (0,))]).relation == UNKNOWN


@given(st.lists(SENTENCE, min_size=1, max_size=4), st.lists(SENTENCE, min_size=1, max_size=4))
def test_one_bead_holding_both_texts_cannot_be_judged(left: list[str], right: list[str]) -> None:
    link = (tuple(range(len(left))), tuple(range(len(right))))
    assert relatedness(left, right, [link]).relation == UNKNOWN


def test_texts_with_an_unlinked_pair_are_judged_as_before() -> None:
    same = ["Engineers closed the bridge.", "Ferries run every hour."]
    assert relatedness(same, same, [((0,), (0,)), ((1,), (1,))]).relation == "related"
    other = ["Apple harvest starts early in the valley.", "Growers expect record prices."]
    assert relatedness(same, other, [((0,), (0,)), ((1,), (1,))]).relation == "unrelated"


def test_headlines_only_of_one_story_are_shown(settings: Settings, ingest: Ingest) -> None:
    wire, copy = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    other = ingest(UNRELATED, "gazette", 3, article="orchards")
    headlines = compare_versions(settings, wire, copy, roles=["headline"])
    assert headlines.summary["relation"] == UNKNOWN, headlines.summary
    page = Api(create_app(settings).test_client()).client.get(
        f"/alignments/{headlines.alignment_id}"
    )
    assert "look unrelated" not in page.get_data(as_text=True)
    assert 'class="pair' in page.get_data(as_text=True)
    whole = compare_versions(settings, wire, other).summary  # whole texts: still a verdict
    assert whole["relation"] == "unrelated"
