"""Dev sets for the aligner: Text+Berg chunks, real-story pairs, synthetic edits.

Why several: a weight that helps on the one Text+Berg dev document may not
carry over to other documents or to same-language republications.  Each set
yields *units* (one document pair each, with gold beads); ``align_dev.py``
chooses parameters leaving one unit out at a time.

* ``textberg``: the de-fr dev document cut into 4 contiguous parts at gold bead
  boundaries, each aligned without MT and with each supplied MT.
* ``stories``: the real-story dev pairs, on their gold body spans (so page
  roles do not blur the aligner's own figures), direct comparison.
* ``blind3`` ... ``blind7``: story pairs the blind fixture writers made after the
  code, kept in ``tests/data/story-pairs/batchN`` once their first run was
  recorded (same layout), one set per batch.
* ``synthetic``: real sentences (Text+Berg French side, in 4 separate slices)
  edited as republishers do: rewrites, deletions, insertions, merges, splits,
  adjacent and distant swaps of sentences and of paragraph blocks.
* ``cipher``: the Text+Berg parts with no MT, the French side's letters written
  in the Georgian alphabet (which nothing transliterates): a language pair with
  no model and no shared script, where only lengths, numbers and punctuation
  remain (the issue's floor: never worse than Gale-Church).
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXTBERG = SHARED / "data" / "textberg-dev"
STORIES = SHARED / "data" / "stories-dev"
# blind story pairs, kept in the repository once their first run was recorded
BLIND = Path(__file__).resolve().parents[1] / "tests" / "data" / "story-pairs"
# Batches kept as a check only (split discipline): scored pooled, never pair by pair, never
# used to choose a rule or a parameter (align_pairs.py, align_cv.py).  Round 7 kept 12 and
# 14 apart, round 8 16 and 18; from round 9 those are dev data and 20 and 22 (held out in
# round 8) are the check.
CHECK_SETS = (
    "batch20", "batch22", "batch28", "batch30", "batch32", "batch34", "batch36", "batch38",
    "batch39", "batch42", "batch45", "batch46", "batch49", "batch50",
    "batch51", "batch54",
    "batch55", "batch58",
    "batch59", "batch60",
    "batch63", "batch64",
    "batch69", "batch70",
    "batch72", "batch74",
    "batch77", "batch78",
    "batch79", "batch81",
    "batch83", "batch85",
    "batch87", "batch90",
    "batch93", "batch94",
    "batch95", "batch97",
    "batch99", "batch100",
    "batch103", "batch106",
    "batch108", "batch109",
    "batch112", "batch114",
    "batch115", "batch118",
    "batch120", "batch121",
    "batch123", "batch125",
    "batch127", "batch129",
    "batch131", "batch134",
    "batch135", "batch137",
    "batch140", "batch142",
    "batch143", "batch144",
    "batch147", "batch149",
    "batch153", "batch154",
    "batch156", "batch158",
    "batch159", "batch160",
)

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass
class Unit:
    """One document pair with gold: ``possible`` beads count for precision only."""

    set_name: str
    name: str
    left: list[str]
    right: list[str]
    gold: Beads
    kwargs: dict[str, list[str]] = field(default_factory=dict)
    possible: Beads = field(default_factory=list)
    metric: str = "textberg"  # or "beads" (stories: judged beads only)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def _parse(text: str) -> Beads:
    from workbench.core.align import parse_ladder

    return parse_ladder(text)


def textberg_units(parts: int = 4) -> list[Unit]:
    if not (TEXTBERG / "dev.de").exists():
        return []
    left, right = _lines(TEXTBERG / "dev.de"), _lines(TEXTBERG / "dev.fr")
    gold = _parse((TEXTBERG / "dev.defr").read_text(encoding="utf-8"))
    mts = {
        "none": {},
        "ep de>fr": {"left_mt": _lines(TEXTBERG / "dev.mt_de2fr.europarlfull")},
        "ep fr>de": {"right_mt": _lines(TEXTBERG / "dev.mt_fr2de.europarlfull")},
        "google": {"left_mt": _lines(TEXTBERG / "dev.mt_de2fr.google")},
    }
    cuts = [round(k * len(gold) / parts) for k in range(parts + 1)]
    units = []
    for p in range(parts):
        chunk = gold[cuts[p] : cuts[p + 1]]
        i0 = min((b[0][0] for b in chunk if b[0]), default=0)
        j0 = min((b[1][0] for b in chunk if b[1]), default=0)
        i1 = max((b[0][-1] for b in chunk if b[0]), default=i0 - 1) + 1
        j1 = max((b[1][-1] for b in chunk if b[1]), default=j0 - 1) + 1
        beads = [(tuple(i - i0 for i in a), tuple(j - j0 for j in b)) for a, b in chunk]
        for label, kwargs in mts.items():
            sliced = {k: (v[i0:i1] if k == "left_mt" else v[j0:j1]) for k, v in kwargs.items()}
            units.append(
                Unit("textberg", f"part{p + 1} {label}", left[i0:i1], right[j0:j1], beads, sliced)
            )
    return units


def story_units(root: Path | None = None, set_name: str = "stories") -> list[Unit]:
    """Story pairs of one gold folder (``stories-dev`` layout) on their gold body spans."""
    folder = (root or STORIES) / "gold-spans"
    index = folder / "index.json"
    if not index.exists():
        return []
    meta = json.loads(index.read_text(encoding="utf-8"))
    pages = {name: name for name in meta["pages"]}
    units = []
    for pair in meta["pairs"]:
        gold = json.loads((folder / f"align-{pair}.json").read_text("utf-8"))
        sides = []
        for key in (gold["left"], gold["right"]):
            page = next(p for p in pages if p == key or p.endswith("__" + key))
            spans = json.loads((folder / f"{page}.json").read_text("utf-8"))
            body = [k for k, s in enumerate(spans["spans"]) if s["role"] == "body"]
            texts = [spans["spans"][k]["text"] for k in body]
            sides.append((texts, {k: n for n, k in enumerate(body)}))
        (left, lmap), (right, rmap) = sides
        sure, possible = [], []
        for bead in gold["beads"]:
            mapped = (tuple(lmap[k] for k in bead["left"] if k in lmap),
                      tuple(rmap[k] for k in bead["right"] if k in rmap))  # fmt: skip
            (sure if bead["type"] == "sure" else possible).append(mapped)
        units.append(Unit(set_name, pair, left, right, sure, {}, possible, "beads"))
    return units


def blind_units() -> list[Unit]:
    """The blind fixture writer's story pairs once scored (``tests/data/story-pairs``).

    One dev set per batch (``blind3`` ... ``blind13``): each batch was written at
    another time, so leaving one batch out is the honest held-out test.  The
    check batches (``CHECK_SETS``, 20 and 22) are left out: no
    parameter may be chosen on them (``check_units`` scores them apart).
    """
    return [u for batch in sorted(BLIND.glob("batch*/")) if batch.name not in CHECK_SETS
            for u in story_units(batch, "blind" + batch.name.removeprefix("batch"))]  # fmt: skip


def check_units() -> list[Unit]:
    """The check batches' pairs on their gold body spans (scores only, never for a choice)."""
    return [u for batch in sorted(BLIND.glob("batch*/")) if batch.name in CHECK_SETS
            for u in story_units(batch, "check" + batch.name.removeprefix("batch"))]  # fmt: skip


def _edit(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    for _ in range(max(1, len(words) // 5)):
        k = rng.randrange(len(words))
        op = rng.random()
        if op < 0.4 and len(words) > 4:
            del words[k]
        elif op < 0.7:
            words.insert(k, rng.choice(words))
        else:
            words[k], words[-1] = words[-1], words[k]
    return " ".join(words)


def synthetic_unit(pool: list[str], extra: list[str], seed: int) -> Unit:
    """Edited copy of ``pool`` with gold beads (moves are crossing 1-1 links)."""
    rng = random.Random(seed)
    blocks: list[list[int]] = []
    k = 0
    while k < len(pool):
        size = rng.randint(2, 5)
        blocks.append(list(range(k, min(len(pool), k + size))))
        k += size
    if len(blocks) > 4:  # adjacent and distant paragraph swaps
        a = rng.randrange(len(blocks) - 1)
        blocks[a], blocks[a + 1] = blocks[a + 1], blocks[a]
        b, c = sorted(rng.sample(range(len(blocks)), 2))
        blocks[b], blocks[c] = blocks[c], blocks[b]
    order = [i for block in blocks for i in block]
    if len(order) > 6:  # an adjacent sentence swap
        s = rng.randrange(len(order) - 1)
        order[s], order[s + 1] = order[s + 1], order[s]
    right: list[str] = []
    gold: Beads = []
    pos = 0
    while pos < len(order):
        i, r, j = order[pos], rng.random(), len(right)
        if r < 0.06:
            gold.append(((i,), ()))
        elif r < 0.11 and pos + 1 < len(order) and order[pos + 1] == i + 1:
            right.append(pool[i] + " " + pool[i + 1])
            gold.append(((i, i + 1), (j,)))
            pos += 1
        elif r < 0.15 and len(pool[i].split()) > 10:
            words = pool[i].split()
            right += [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]
            gold.append(((i,), (j, j + 1)))
        elif r < 0.40:
            right.append(_edit(pool[i], rng))
            gold.append(((i,), (j,)))
        else:
            right.append(pool[i])
            gold.append(((i,), (j,)))
        if rng.random() < 0.06:
            gold.append(((), (len(right),)))
            right.append(rng.choice(extra))
        pos += 1
    return Unit("synthetic", f"edits seed {seed}", list(pool), right, gold)


def synthetic_units(count: int = 4, size: int = 60) -> list[Unit]:
    if not (TEXTBERG / "dev.fr").exists():
        return []
    text = [t for t in _lines(TEXTBERG / "dev.fr") if len(t.split()) >= 4]
    units = []
    for n in range(count):
        pool = text[n * size : (n + 1) * size]
        extra = text[-size:]
        units.append(synthetic_unit(pool, extra, seed=n + 1))
    return units


def cipher(text: str) -> str:
    """``text`` case-folded, accents dropped, letters a-z as Georgian letters (a private script)."""
    out = []
    for ch in unicodedata.normalize("NFKD", text.casefold()):
        if unicodedata.combining(ch):
            continue
        out.append(chr(0x10D0 + ord(ch) - ord("a")) if "a" <= ch <= "z" else ch)
    return "".join(out)


def cipher_units() -> list[Unit]:
    """The no-MT Text+Berg parts with the right side in a script nothing else shares."""
    units = [u for u in textberg_units() if u.name.endswith(" none")]
    name = "cipher"
    return [Unit(name, u.name, u.left, [cipher(t) for t in u.right], u.gold) for u in units]


def all_units() -> list[Unit]:
    return (textberg_units() + story_units() + blind_units() + synthetic_units()
            + cipher_units())  # fmt: skip
