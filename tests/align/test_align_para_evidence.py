"""``benchmarks/align_para_evidence.py``: a judged link's evidence classes and the drop rules.

Why: round 28 (para28) decides whether a rule that unpairs weakly evidenced cross-language
links can carry from how right each class of link is; each class must mean what its name
says, and a dropped link must be scored as two unmatched sentences, as the aligner would
output them.
"""

from __future__ import annotations

from collections import Counter
from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module
from workbench.core.align_views import anchor_sets
from workbench.core.anchors import unique_anchors

F = frozenset


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return benchmark_module("align_para_evidence")


def link(study: ModuleType, **fields: object) -> dict:
    base = dict(right=False, shape="1-1", anchor="none", place="near", confidence=0.7,
                flank=1, wrong="told by one side", shared=[], texts=("", ""))  # fmt: skip
    return study.Link(base, **fields)


def test_the_anchor_class_counts_common_keys_and_prefers_unique(study: ModuleType) -> None:
    left = ["Etwa 640 Beschäftigte in Köln legten die Arbeit nieder.", "Verdi rief in Köln auf."]
    right = ["Quelque 640 salariés à Cologne ont cessé le travail.", "Le syndicat Verdi a appelé."]
    keys = anchor_sets(left, {}), anchor_sets(right, {})
    unique = unique_anchors(keys[0]), unique_anchors(keys[1])
    shared = keys[0][0] & keys[1][0]
    assert "#640" in shared
    assert study.anchor_class(shared, unique[0][0] & unique[1][0]) == "unique"
    assert study.anchor_class(F({"@verdi", "@koln"}), F()) == "two+"
    assert study.anchor_class(F({"@koln"}), F()) == "one"
    assert study.anchor_class(F(), F()) == "none"


def test_the_rules_pick_the_class_their_names_say(study: ModuleType) -> None:
    rules = study.RULES
    weak = link(study, anchor="one", place="far")
    assert rules["1-1, one common key or none"](weak)
    assert not rules["1-1, no key"](weak)
    assert rules["1-1, <=1 key, far"](weak)
    assert not rules["1-1, <=1 key, far"](link(study, anchor="one"))
    assert not rules["1-1, one common key or none"](link(study, anchor="unique"))
    assert rules["N-M, no key"](link(study, shape="N-M"))
    assert not rules["N-M, no key"](link(study))
    assert rules["uncertain"](link(study, confidence=0.39))
    assert not rules["uncertain"](link(study, confidence=0.4))
    assert not any(rules["none"](link(study, anchor=a)) for a in ("none", "one", "unique"))


@pytest.fixture(scope="module")
def ev(study: ModuleType) -> ModuleType:
    """``eval.py``'s own scorer, when the shared data is there."""
    import align_pairs  # the study imported it: benchmarks/ is on sys.path

    if not align_pairs.EVAL.exists():
        pytest.skip("no shared scorer")
    return align_pairs.load_eval()


def test_a_dropped_link_is_scored_as_two_unmatched_sentences(
    study: ModuleType, ev: ModuleType
) -> None:
    class Case:
        gold = {"beads": [{"left": [0], "right": [0], "type": "sure"},
                          {"left": [1], "right": [2], "type": "sure"}]}  # fmt: skip
        body = ({0, 1, 2}, {0, 1, 2})

    right, wrong = (F({0}), F({0})), (F({1}), F({1}))
    links = [(right, link(study, right=True, anchor="unique")), (wrong, link(study))]
    kept = study.scored(ev, Case, links, study.RULES["none"])
    dropped = study.scored(ev, Case, links, study.RULES["1-1, no key"])
    assert (kept["judged"], kept["bead_correct"], kept["bead_found_sure"]) == (2, 1, 1)
    assert (dropped["judged"], dropped["bead_correct"], dropped["bead_found_sure"]) == (1, 1, 1)
    assert study.f1(dropped) > study.f1(kept)
    assert study.f1(Counter()) == 0.0


def test_a_link_knows_its_place_and_its_linked_neighbours(study: ModuleType) -> None:
    from workbench.core.align_repair import Bead

    texts = (["A 12.", "B.", "C 7 Kyiv.", "D."], ["a 12.", "c 7 Kyiv.", "b.", "d."])
    keys = [anchor_sets(list(t), {}) for t in texts]
    sides = (texts, keys, [unique_anchors(k) for k in keys])
    rows = [Bead((0,), (0,), 0.5, "1-1", confidence=0.8), Bead((1,), (), 0.0, "1-0"),
            Bead((2,), (1,), 0.3, "1-1", confidence=0.6), Bead((3,), (3,), 0.2, "1-1"),
            Bead((), (2,), 0.0, "0-1")]  # fmt: skip
    first, middle = study.link_of(rows, 0, sides), study.link_of(rows, 2, sides)
    assert (first["anchor"], first["flank"], first["place"]) == ("unique", 0, "near")
    assert first["confidence"] == 0.8 and first["texts"] == ("A 12.", "a 12.")
    assert middle["anchor"] == "unique" and middle["flank"] == 1  # an unmatched one before
    assert middle["place"] == "far"  # 2.5 / 4 against 1.5 / 4: .25 apart (near: under .15)
    last = study.link_of(rows, 3, sides)
    assert (last["shape"], last["anchor"], last["place"]) == ("1-1", "none", "near")
