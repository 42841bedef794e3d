"""Shared helpers for the align area's tests: sentence pools and stored versions."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import SHARED, shared_file
from workbench.core.align_repair import Bead

SCORER = SHARED / "tools" / "alignscore.py"

_SUBJECTS = [
    "The mayor",
    "A spokeswoman",
    "The council",
    "Engineers",
    "Police",
    "The minister",
    "Residents",
    "The company",
    "Doctors",
    "Farmers",
    "The court",
    "Teachers",
]
_VERBS = [
    "approved",
    "rejected",
    "reviewed",
    "postponed",
    "announced",
    "criticised",
    "welcomed",
    "questioned",
    "funded",
    "inspected",
]
_OBJECTS = [
    "the harbour budget",
    "a new railway bridge",
    "the school reform",
    "flood barriers",
    "the hospital wing",
    "wind turbines",
    "the museum roof",
    "bus timetables",
    "the water tariff",
    "a cycling lane",
    "the market hall",
    "river dredging",
]
_TAILS = [
    "after a long debate",
    "on Tuesday evening",
    "despite protests",
    "for the third time",
    "without a vote",
    "in a brief statement",
    "near the old station",
    "before the holidays",
]


def make_sentences(count: int, seed: int = 1) -> list[str]:
    """Distinct, plausible English sentences (deterministic) for synthetic alignments."""
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < count:
        number = rng.randint(2, 9999)
        text = (
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"{rng.choice(_TAILS)}, with {number} {rng.choice(['euros', 'people', 'votes'])}."
        )
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def assert_told_once(beads: list, left: list[str], right: list[str]) -> None:
    """Every sentence of each side is in exactly one bead, and moves point at each other.

    The invariant the property tests of moves and figures share: a change to the aligner may
    move links, never lose or double a sentence or leave a one-way move."""
    for side, texts in ((0, left), (1, right)):
        told = sorted(k for b in beads for k in (b.left, b.right)[side])
        assert told == list(range(len(texts)))
    for k, bead in enumerate(beads):
        if bead.move_to is not None and bead.move_to != k:
            assert beads[bead.move_to].move_to == k


@pytest.fixture
def sentences() -> list[str]:
    return make_sentences(40)


@pytest.fixture(scope="session")
def alignscore() -> ModuleType:
    """The shared scorer, imported from its path (never copied into the project)."""
    spec = importlib.util.spec_from_file_location("alignscore", shared_file(SCORER))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def benchmark_module(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` imported from its path (the benchmarks are no package)."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def link_f1(gold: set, predicted: set) -> float:
    """F1 of predicted (left, right) links against gold links; 0.0 with no hit."""
    hits = len(gold & predicted)
    if not hits:
        return 0.0
    p, r = hits / len(predicted), hits / len(gold)
    return 2 * p * r / (p + r)


class FlatScorer:
    """A stand-in scorer for the bead passes that read only coverage against chance
    (``align_rare.shed_unshared_ends``, ``align_rejoin.rejoin_halves``): every sentence is
    covered ``level`` above a chance level of 0; the n-gram Dice and the length cost are
    constants, so a test decides by its keys alone."""

    def __init__(self, level: float = 0.2) -> None:
        self.level = level
        self.chance = [[0.0] * 8, [0.0] * 8]
        self.growth: list[dict[int, float]] = [{}, {}]

    def coverage(self, side: int, k: int, start: int, size: int) -> float:
        return self.level

    @staticmethod
    def similarity(i: int, a: int, j: int, b: int) -> float:
        return 0.5

    @staticmethod
    def length_cost(i: int, a: int, j: int, b: int) -> float:
        return 0.0


# A two-language pair of eight sentences whose right side joins sentences 2 and 3 into one:
# the steps ledger and the merge-undo study tests (benchmarks/align_xlang_steps.py,
# align_merge_undo.py) run the real aligner on it.
LEFT = [f"Sentence number {k} tells about the harbour of town {k} and its {k * 7} boats."
        for k in range(8)]  # fmt: skip
RIGHT = [f"Phrase numéro {k} parle du port de la ville {k} et de ses {k * 7} bateaux."
         for k in range(8)]  # fmt: skip
JOINED = RIGHT[:2] + [RIGHT[2][:-1] + ", et " + RIGHT[3][0].lower() + RIGHT[3][1:]] + RIGHT[4:]


def link_bead(i: int, j: int, score: float = 0.5) -> Bead:
    """A 1-1 link between sentence ``i`` and ``j`` (the late repair steps' unit tests)."""
    return Bead((i,), (j,), score, "1-1")


def free_bead(
    left: int | None = None, right: int | None = None, move_to: int | None = None
) -> Bead:
    """A sentence left without a partner, on the left or on the right."""
    side = ((left,), ()) if left is not None else ((), (right,))
    return Bead(side[0], side[1], 0.0, "1-0" if left is not None else "0-1", move_to)


def bead_pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The beads as (left, right) index tuples, what the steps' tests compare."""
    return [(b.left, b.right) for b in beads]


def shaped_beads(shapes: list[str], score: float = 0.5) -> tuple[list[Bead], int, int]:
    """Beads in order for a list of ``link`` / ``left`` / ``right`` shapes (the late steps'
    property tests draw them), with how many sentences each side then holds."""
    beads, i, j = [], 0, 0
    for name in shapes:
        left, right = (i if name == "left" else None), (j if name == "right" else None)
        beads.append(link_bead(i, j, score) if name == "link" else free_bead(left, right))
        i, j = i + (name != "right"), j + (name != "left")
    return beads, i, j
