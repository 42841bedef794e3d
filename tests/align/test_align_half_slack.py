"""An ordered half with keys out of place: ``AlignParams.ordered_half_slack`` (round 34, beads34).

Why: the split read as its 1-1 core is the class of most missed rewrite and paraphrase beads
(round 34's count: 109 missed sure beads in 53 dev batches, 101 wrong in 43); in a pair of one
language the ordered-halves gate (``core/align_ordered_halves``) reads the join from the word
order of the joined sentence, and refuses it when a single key of the half stands before the
partner's (batch 89's "Verdi will erreichen, dass … – derzeit seien es teilweise bis zu 28"). The
slack lets that many keys stand out of place.  With it, the other reading of the same class:
round 27's length halves in a pair of one language (``one_language_length_half_gain``).  Both
ship off: the study's measurement is in ``docs/align.md`` "Round 34 (beads)".
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import benchmark_module
from workbench.core.align import AlignParams
from workbench.core.align_late_twins import rejoin_then_twins_marked
from workbench.core.align_ordered_halves import half_shape, out_of_order
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import BeadScorer

#: batch 89's rewrite (nordsee_zeitung_dpa_de / radio_bremen_de): the sentence, its 1-1 partner
#: and the partner's unmatched neighbour, which the gold joins to the link as one 2-1 bead
WHOLE = ("Verdi will erreichen, dass eine Pflegekraft nachts auf Normalstationen höchstens zehn "
         "Patienten versorgen muss – derzeit seien es teilweise bis zu 28.")  # fmt: skip
PART = ("Im Nachtdienst solle eine Pflegekraft auf Normalstationen höchstens zehn Patientinnen "
        "und Patienten betreuen.")  # fmt: skip
HALF = "Derzeit seien es teils bis zu 28, sagte Verdi-Verhandlungsführer Jens Albers."


def test_the_slack_ships_off() -> None:
    """The study's parameter ships off (round 34: LOBO did not gain, docs/align.md)."""
    assert AlignParams().ordered_half_slack == 0


def test_out_of_order_counts_the_fewest_keys_to_strike() -> None:
    assert out_of_order([]) == 0
    assert out_of_order(list("PPHH")) == 0
    assert out_of_order(list("HPPHH")) == 1
    assert out_of_order(list("PHPH")) == 1
    assert out_of_order(list("HHPP")) == 2
    assert out_of_order(list("PHHP")) == 1


def test_batch89_half_with_its_speaker_lifted_to_the_front() -> None:
    """One key of the half ("Verdi") opens the sentence: refused in strict order, read as an
    ordered half (four keys of its own: strong) with one key of slack."""
    strict = replace(AlignParams(), ordered_half_slack=0, ordered_half_unordered=-1.0)
    assert half_shape(WHOLE, PART, HALF, True, strict) is None
    slack = replace(strict, ordered_half_slack=1)
    assert half_shape(WHOLE, PART, HALF, True, slack) == "strong"


_MARKS = st.lists(st.sampled_from("PH"), max_size=12)


@given(_MARKS)
def test_out_of_order_is_zero_exactly_in_order_and_at_most_the_smaller_side(marks: list[str]
                                                                            ) -> None:  # fmt: skip
    """0 exactly when no "H" stands before a "P"; never more than striking every "P" or every
    "H"; striking one mark lowers it by at most one."""
    n = out_of_order(marks)
    in_order = "".join(marks) == "P" * marks.count("P") + "H" * marks.count("H")
    assert (n == 0) == in_order
    assert n <= min(marks.count("P"), marks.count("H"))
    for i in range(len(marks)):
        assert n - 1 <= out_of_order(marks[:i] + marks[i + 1 :]) <= n


_WORDS = st.sampled_from(["Pflegekraft", "nachts", "Patienten", "derzeit", "seien", "28",
                          "Verdi", "zehn", "höchstens", "und", "die", "Stationen"])  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=10), st.lists(_WORDS, min_size=1, max_size=6),
       st.lists(_WORDS, min_size=1, max_size=6), st.booleans(), st.integers(0, 3))  # fmt: skip
def test_slack_only_adds_halves_and_is_monotone(
    whole: list[str], part: list[str], half: list[str], after: bool, slack: int
) -> None:
    """(Woven reading off.) A half accepted at some slack is accepted, with the same reading,
    at every larger slack."""
    texts = (" ".join(whole), " ".join(part), " ".join(half))
    base = replace(AlignParams(), ordered_half_unordered=-1.0)
    low = half_shape(*texts, after, replace(base, ordered_half_slack=slack))
    high = half_shape(*texts, after, replace(base, ordered_half_slack=slack + 1))
    if low is not None:
        assert high == low


def _case(gates: ModuleType, between: bool) -> object:
    """Batch 89's three sentences as a one-language pair: left ``PART`` and ``HALF`` (with a
    story line between them when ``between``), right ``WHOLE``; spans are segment numbers."""
    pairs = gates.align_pairs
    left = [PART] + (["Der Streik dauert an."] if between else []) + [HALF]
    sides = [
        pairs.Side(
            texts,
            ["body"] * len(texts),
            ["body"] * len(texts),
            ["de"] * len(texts),
            [frozenset({k}) for k in range(len(texts))],
        )  # fmt: skip
        for texts in (left, [WHOLE])
    ]
    return pairs.PairCase("batch89", "pair", sides[0], sides[1], {"beads": []}, (set(), set()))


def test_split_gates_reads_a_free_half_beside_its_core() -> None:
    """``benchmarks/align_split_gates.py``: the core ``L0 : R0`` inside the gold 2-1, the half
    unmatched next to it (woven today: it carries the partner's missing figure 28; strong with
    one key of slack), or with a line between; no core, or the half linked elsewhere."""
    gates = benchmark_module("align_split_gates")
    params = AlignParams()
    case = _case(gates, False)
    gold = (frozenset({0, 1}), frozenset({0}))
    core = (frozenset({0}), frozenset({0}))
    free = [core, (frozenset({1}), frozenset())]
    assert gates.gate(case, gold, free, "tool", params) == (
        "H free, next to P: words woven, one key of slack strong"
    )
    linked = [core, (frozenset({1}), frozenset({5}))]
    assert gates.gate(case, gold, linked, "tool", params).startswith("H linked elsewhere")
    assert gates.gate(case, gold, [(frozenset({0, 1}), frozenset())], "tool", params) == (
        "no single core"
    )
    apart = _case(gates, True)
    far_gold = (frozenset({0, 2}), frozenset({0}))
    assert gates.gate(apart, far_gold, [core, (frozenset({2}), frozenset())], "tool",
                      params).startswith("H free, not next to P")  # fmt: skip


def test_one_language_length_halves_ship_off_and_join_when_on() -> None:
    """``AlignParams.one_language_length_half_gain`` (round 34, a study: it loses rewrite beads
    at every gain, docs/align.md): off, a pair of one language is left as the ordered halves
    leave it; on, the half the partner's length asks for joins, as across languages."""
    assert AlignParams().one_language_length_half_gain < 0
    left = ["Alpha beta gamma delta epsilon zeta eta theta iota.",
            "Kappa lambda mu nu xi omicron pi rho sigma tau.",
            "Upsilon phi chi psi omega alpha beta gamma delta."]  # fmt: skip
    right = ["Один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
             "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать.",
             "Двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят."]  # fmt: skip
    off = replace(AlignParams(), glue_evidence=-9.0)
    scorer = BeadScorer(left, right, [left], [right], off)
    beads = [Bead((0,), (0,), 0.1, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.1, "1-1")]
    breaks = (frozenset(), frozenset())
    kept, _ = rejoin_then_twins_marked(beads, (None, scorer, True), off, breaks, (left, right))
    assert [(b.left, b.right) for b in kept] == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    on = replace(off, one_language_length_half_gain=off.length_half_gain)
    joined, _ = rejoin_then_twins_marked(beads, (None, scorer, True), on, breaks, (left, right))
    assert [(b.left, b.right) for b in joined] == [((0, 1), (0,)), ((2,), (1,))]
