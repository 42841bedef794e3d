"""The story desk's pure core: quoted speech comes from the one detector in core.anchors."""

from __future__ import annotations

from workbench.core.anchors import quotations, quote_differences
from workbench.core.story import Row, row_facts

LEFT = "The mayor said «we will reopen as soon as it is safe» on Monday."
RIGHT = "The mayor said ‚we will reopen when engineers say so‘ on Monday."


def test_quote_facts_are_the_pair_checks_quote_flags() -> None:
    flags = {"quotes": quote_differences(LEFT, RIGHT, same_language=True)}
    facts = row_facts(Row(0, "changed", [1], [1], LEFT, RIGHT, flags), True)
    reference = ["we will reopen as soon as it is safe"]
    version = ["we will reopen when engineers say so"]
    assert [(f["kind"], f["reference"], f["version"]) for f in facts] == [
        ("quote", reference, version)
    ]


def test_no_second_quote_detector_in_the_story_core() -> None:
    """Without the checks' flags the story core reports no quote: nothing is detected twice."""
    assert quotations(LEFT) and quotations(RIGHT)
    assert row_facts(Row(0, "changed", [1], [1], LEFT, RIGHT, {}), True) == []
