"""Score pair flags against the flag gold (``tests/data/flag-gold.json``).

Flags are counted as tokens: each (kind, side, token) a check raises is a true
positive when the gold lists it, else a false positive; gold tokens not raised
are misses.  Dev pairs use the shared dev set's gold beads (so aligner errors
do not count against the checks); cases are the gold file's own sentence pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from workbench.core.check_echoes import echoes
from workbench.core.check_name_twins import name_twins
from workbench.core.check_nouns import SEGMENT_BREAK
from workbench.core.check_twins import figure_twins, with_twins
from workbench.core.checks import (
    DEFAULT_GATE,
    FlagGate,
    PageTokens,
    check_pair,
    page_tokens,
    sentences_beside,
    unpaired,
)
from workbench.testing.page_gold import GoldPage


def _tokens(flags: dict) -> Counter:
    return Counter(
        (kind, side, token)
        for kind, sides in flags.items()
        for side, tokens in sides.items()
        for token in tokens
    )


def _span_texts(gold_dir: Path, page_file: str) -> tuple[list[dict], str]:
    page = json.loads((gold_dir / (page_file.removesuffix(".txt").replace("/", "__") + ".json"))
                      .read_text(encoding="utf-8"))  # fmt: skip
    return page["spans"], page["spans"][0]["lang"]


def dev_items(gold: dict, stories_dev: Path) -> list[tuple[str, dict, dict]]:
    """(label, produced flags, gold flags) of every gold bead of the judged dev pairs."""
    gold_dir = stories_dev / "gold-spans"
    items = []
    for entry in gold["dev_pairs"]:
        pair = json.loads((gold_dir / f"align-{entry['pair']}.json").read_text(encoding="utf-8"))
        left, llang = _span_texts(gold_dir, pair["left"])
        right, rlang = _span_texts(gold_dir, pair["right"])
        wanted = {f["bead"]: {k: v for k, v in f.items() if k != "bead"} for f in entry["flags"]}
        for k, bead in enumerate(pair["beads"]):
            ltext = SEGMENT_BREAK.join(left[i]["text"] for i in bead["left"])
            rtext = SEGMENT_BREAK.join(right[i]["text"] for i in bead["right"])
            got = check_pair(ltext, rtext, left_lang=llang, right_lang=rlang)
            items.append((f"{entry['pair']}#{k}", got, wanted.get(k, {})))
    return items


def case_items(gold: dict) -> list[tuple[str, dict, dict]]:
    items = []
    for k, case in enumerate(gold["cases"]):
        got = check_pair(case["left"], case["right"], left_lang=case["lang"][0],
                         right_lang=case["lang"][1], left_mt=case.get("mt"))  # fmt: skip
        items.append((f"case {k}", got, case["flags"]))
    return items


def precision_recall(items: list[tuple[str, dict, dict]]) -> dict:
    tp = fp = fn = 0
    for _, got, wanted in items:
        g, w = _tokens(got), _tokens(wanted)
        tp += sum((g & w).values())
        fp += sum((g - w).values())
        fn += sum((w - g).values())
    return {
        "true": tp, "false": fp, "missed": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
    }  # fmt: skip


@dataclass
class PairBeads:
    """One judged pair run through roles and aligner: each bead's gate inputs and flags."""

    label: str
    beads: list[tuple[float, float, str, str, str | None, str | None]]
    # (confidence, similarity, left text, right text, left language, right language)
    wanted: dict[str, dict[str, list[str]]]
    regrouped: list[bool] = field(default_factory=list)  # a side holds 2+ sentences
    pages: tuple[PageTokens, PageTokens] | None = None
    either: Counter = field(default_factory=Counter)  # neither required nor false when raised
    group: str = ""  # the page set the pair comes from (leave-one-set-out folds)
    beside: list[tuple[PageTokens, PageTokens]] = field(default_factory=list)  # neighbours


def _grouped(texts: list[list[str]], li: Sequence[int], ri: Sequence[int], lr: Sequence[str],
             rr: Sequence[str]) -> list:  # fmt: skip
    """The compare service's aligning of the lines (groups and role breaks, no MT here): what
    decides the edge lines ``core.align_partners`` adds, as in the product."""
    from workbench.core.align_groups import align_groups, breaks_of, groups_of

    return align_groups([texts[0][k] for k in li], [texts[1][k] for k in ri], groups_of(lr),
                        groups_of(rr), left_breaks=breaks_of(lr), right_breaks=breaks_of(rr))


def end_to_end_pairs(
    gold: dict, pages: dict[str, GoldPage], key: str = "end_to_end",
    groups: dict[str, str] | None = None, roles: Callable[[GoldPage], list[str]] | None = None,
) -> list:  # fmt: skip
    """Every ``gold[key]`` pair whose two pages are in ``pages``: roles -> align -> checks.

    Flags are computed without the gate once; ``gated_items`` applies a gate.
    ``groups`` names each page's set (the pair takes its left page's); ``roles``
    gives a page's segment roles (the tool's, ``page_gold.predict``, by default;
    ``benchmarks/flags_robust.py`` passes gold roles with seeded errors).
    """
    from workbench.core.align import align
    from workbench.core.align_dateline_gate import dateline_gate, gate_of
    from workbench.core.align_inner import compared_lines
    from workbench.core.align_moves import move_links
    from workbench.core.align_partners import compare_partners
    from workbench.testing.page_gold import predict

    roles = roles or predict
    out = []
    for entry in gold.get(key, []):
        if entry["left"] not in pages or entry["right"] not in pages:
            continue
        pair = pages[entry["left"]], pages[entry["right"]]
        texts = [[seg.text for seg in page.segs] for page in pair]
        read = roles(pair[0]), roles(pair[1])
        # the compare service's selection, with its groups and role breaks (align_partners)
        done = compare_partners(compared_lines(texts[0], read[0], texts[1], read[1]), read,
                                partial(_grouped, texts), (texts[0], texts[1]))  # fmt: skip
        sides = []
        for page, keep in zip(pair, (done.left, done.right), strict=True):
            lang = Counter(page.langs[k] for k in keep).most_common(1)[0][0]
            sides.append(([page.segs[k].text for k in keep], lang))
        (left, llang), (right, rlang) = sides
        beads, regrouped, beside = [], [], []
        rows = move_links(align(left, right))  # as the compare service's rows
        # the gate's numbers of a lead whose dateline was kept apart (core.align_dateline_gate)
        gates = dateline_gate(rows, (texts[0], texts[1]), (done.left, done.right),
                              lambda lt, rt: move_links(align(lt, rt)))  # fmt: skip
        alone = unpaired([(b.left, b.right) for b in rows], (len(left), len(right)))
        for bead in rows:
            # segments joined as the compare service hands them to the checks
            joined = (SEGMENT_BREAK.join(left[i] for i in bead.left),
                      SEGMENT_BREAK.join(right[i] for i in bead.right))
            beads.append((*gate_of(bead, gates), *joined, llang, rlang))
            regrouped.append(len(bead.left) > 1 or len(bead.right) > 1)
            near = (sentences_beside(left, bead.left, alone[0]),
                    sentences_beside(right, bead.right, alone[1]))
            beside.append((page_tokens(near[0], llang), page_tokens(near[1], rlang)))
        wanted: dict[str, dict[str, list[str]]] = {}
        for kind, side, token in entry["true"]:
            wanted.setdefault(kind, {}).setdefault(side, []).append(token)
        tokens = (page_tokens(left, llang), page_tokens(right, rlang))
        label = f"{entry['left']}__{entry['right']}"
        either = Counter(tuple(t) for t in entry.get("either", []))
        group = (groups or {}).get(entry["left"], key)
        out.append(PairBeads(label, beads, wanted, regrouped, tokens, either, group, beside))
    return out


def gated_items(pairs: list[PairBeads], gate: FlagGate | None = DEFAULT_GATE) -> list[tuple]:
    """(label, flags of the pair's beads through ``check_pair`` and ``gate``, gold flags).

    ``gate=None`` checks every bead whatever its confidence and similarity.
    """
    items = []
    for pair in pairs:
        produced: dict[str, dict[str, list[str]]] = {}
        for got in _with_twins(pair, gate):
            for kind, by_side in got.items():
                for side, tokens in by_side.items():
                    produced.setdefault(kind, {}).setdefault(side, []).extend(tokens)
        items.append((pair.label, _without(produced, pair.either, pair.wanted), pair.wanted))
    return items


def _with_twins(pair: PairBeads, gate: FlagGate | None) -> list[dict]:
    """Each bead's flags (``check_pair`` through ``gate``), then the pair's figure twins
    (``core.check_twins``) on the first checked bead that holds each, then each flag
    again on the beads whose same side tells it again (``core.check_echoes``)."""
    flags = []
    for k, (confidence, similarity, left, right, llang, rlang) in enumerate(pair.beads):
        regrouped = pair.regrouped[k] if pair.regrouped else False
        flags.append(check_pair(left, right, left_lang=llang, right_lang=rlang,
                                confidence=confidence if gate else None,
                                similarity=similarity if gate else None,
                                gate=gate or DEFAULT_GATE, pages=pair.pages, regrouped=regrouped,
                                beside=pair.beside[k] if pair.beside else None))  # fmt: skip
    if not pair.beads:
        return flags
    rows = [(plain(left), plain(right)) for _, _, left, right, _, _ in pair.beads]
    langs = pair.beads[0][4:6]
    twins = figure_twins([r[0] for r in rows if r[0]], [r[1] for r in rows if r[1]], *langs)
    floor = gate.confidence if gate else -1.0
    checked = [b[0] >= floor for b in pair.beads]
    flags = with_twins(rows, flags, twins, checked, langs)
    flags = name_twins(rows, flags, checked, langs)  # "Miriam" / "Marion Heitzmann" (flags38)
    return echoes(rows, flags, checked, langs)


def plain(text: str) -> str:
    """A row's text as the compare service stores it (segments joined by a space)."""
    return text.replace(SEGMENT_BREAK, " ")


def either_counted_false(pairs: list[PairBeads]) -> list[PairBeads]:
    """``pairs`` with no ``either`` lists: every raised token the gold does not require is
    false (the strict reading; the ``either`` lists hid 13 raised tokens on 19-22 in round 9)."""
    return [replace(pair, either=Counter()) for pair in pairs]


def _without(flags: dict, either: Counter, wanted: dict | None = None) -> dict:
    """``flags`` less the tokens the gold accepts either way (each as often as listed).

    A token the gold both requires and accepts ("17" in a headline and again in a
    deck) first counts against the required ones: only its further occurrences are
    taken off, so a required flag raised once is never lost to its ``either`` twin.
    """
    left = Counter(either)
    required = _tokens(wanted or {})
    out: dict[str, dict[str, list[str]]] = {}
    for kind, by_side in flags.items():
        for side, tokens in by_side.items():
            for token in tokens:
                if required[(kind, side, token)] > 0:
                    required[(kind, side, token)] -= 1
                    out.setdefault(kind, {}).setdefault(side, []).append(token)
                elif left[(kind, side, token)] > 0:
                    left[(kind, side, token)] -= 1
                else:
                    out.setdefault(kind, {}).setdefault(side, []).append(token)
    return out


def end_to_end_items(gold: dict, stories_dev: Path, *, gated: bool = True) -> list[tuple]:
    """(label, flags of every bead of the pair, gold flags) through roles, aligner and checks.

    ``gated=False`` checks every bead whatever its score (the behaviour before
    the confidence threshold), for the benchmark's comparison row.
    """
    from workbench.testing.page_gold import load_pages

    pages = {p.name.split("__")[-1]: p for p in load_pages(stories_dev)}
    return gated_items(end_to_end_pairs(gold, pages), DEFAULT_GATE if gated else None)


def gate_grid() -> list[FlagGate]:
    """The default gate first (ties keep it), then a grid of the three thresholds."""
    points = [DEFAULT_GATE]
    for conf in (0.3, 0.5, 0.7, 0.8):
        for sim in (0.3, 0.4, 0.5, 0.6):
            for title in (sim, 0.4, 0.3, 0.2):  # ties keep the stricter
                gate = FlagGate(confidence=conf, similarity=sim, similarity_title=title)
                if gate not in points:
                    points.append(gate)
    return points


def cross_validate_gate(
    pairs: list[PairBeads], grid: list[FlagGate], fold: Callable[[PairBeads], str] | None = None
) -> tuple[dict, list]:
    """Leave one fold out (each pair by default; ``fold=lambda p: p.group`` for sets):
    the gate chosen on the other folds judges it.

    The goal decides the choice: the most true flags among gates with precision
    at least ``PRECISION_GOAL`` on the training pairs (ties keep the earlier grid
    point, the default first); when none reaches it, the most precise gate.
    """
    held, chosen = held_out_items(pairs, grid, fold)
    return precision_recall(held), chosen


def held_out_items(
    pairs: list[PairBeads], grid: list[FlagGate], fold: Callable[[PairBeads], str] | None = None
) -> tuple[list[tuple], list[FlagGate]]:
    """``cross_validate_gate``'s held-out items (one per pair, labelled) and chosen gates."""
    keys = [fold(p) if fold else str(k) for k, p in enumerate(pairs)]
    per_gate = [gated_items(pairs, gate) for gate in grid]  # each gate's items, pair by pair
    held: list[tuple] = []
    chosen = []
    for name in dict.fromkeys(keys):
        train = [k for k, key in enumerate(keys) if key != name]
        best, best_key = 0, (-1, -1.0, -1.0)
        for g, items in enumerate(per_gate):
            s = precision_recall([items[k] for k in train])
            if s["precision"] >= PRECISION_GOAL:
                key = (1, s["recall"], s["precision"])
            else:  # none reaches the goal: the most precise gate, as documented
                key = (0, s["precision"], s["recall"])
            if key > best_key:
                best, best_key = g, key
        chosen.append(grid[best])
        held += [per_gate[best][k] for k, key in enumerate(keys) if key == name]
    return held, chosen


PRECISION_GOAL = 0.85
