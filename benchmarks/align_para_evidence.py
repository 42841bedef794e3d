"""What carries each link of the dev cross-language pairs, right and wrong: the evidence classes.

    .venv/bin/python benchmarks/align_para_evidence.py --cache PICKLE [--kinds paraphrase] \\
        [--set FIELD=VALUE] [--list] [--drop]

Why (round 28, para28): every wrong bead a paraphrase pair prints is a false claim to a
reader, and the flags sit on it.  A rule that keeps wrong pairings out only carries if
something the aligner can read tells them from the right ones.  Each judged link of the dev
pairs of ``--kinds`` (product path: ``align_pairs``, stand-in MT, moves as landing rows;
judged as ``eval.py`` judges: both sides non-empty, right when the gold holds it as sure or
possible) is put in

* an **anchor class**: the anchor keys (``align_views.anchor_sets``: numbers, name
  skeletons, spelled numbers, calendar words) its two sides share: ``unique`` when one of
  them no other sentence of either document holds (``anchors.unique_anchors``), ``two+``
  when two or more common keys, ``one`` when exactly one common key, ``none``;
* a **confidence class**: the calibrated confidence the reader is shown, by tenths (under
  ``statuses.UNCERTAIN_BELOW`` the row is ``uncertain`` and carries no flags);
* a **place class**: the distance between the two sides' relative places in their stories
  (``near`` under .15, ``far`` otherwise), and ``move`` for a move's landing;
* for a wrong link, ``align_xlang_wrong``'s class (a gold bead's part, told by one side, ...);
  for a 1-1 with at most one common key, how many of its two neighbours are links.

``--drop`` scores, pooled and leave one batch out, the rules that unpair links of a class
(what an aligner rule would do: the link's sentences become unmatched) on the pairs of
``--kinds`` and, as a guard, on every other dev pair (one-language pairs are scored as they
are: the rules are for two languages; the choice reads all of them, as ``align_pairs_cv``).
Check batches (``align_devsets.CHECK_SETS``) are never read.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_xlang_wrong  # noqa: E402

from workbench.core.align_moves import move_links  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402
from workbench.core.align_views import anchor_sets  # noqa: E402
from workbench.core.anchors import unique_anchors  # noqa: E402
from workbench.core.statuses import UNCERTAIN_BELOW  # noqa: E402

NEAR = 0.15


class Link(dict):
    """One judged output link with its classes (a dict: the study prints and counts fields)."""


def anchor_class(shared: frozenset[str], unique: frozenset[str]) -> str:
    """``unique`` / ``two+`` / ``one`` / ``none`` (see the module docstring)."""
    if unique:
        return "unique"
    return "two+" if len(shared) > 1 else ("one" if shared else "none")


def case_links(case: align_pairs.PairCase, roles: str, params: AlignParams) -> list[tuple]:
    """Each output bead of the pair as (span bead, Link or None).

    ``None`` for a bead that is not a judged link (unmatched, outside the body, repeated).
    """
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    texts = ([case.left.texts[k] for k in done.left], [case.right.texts[k] for k in done.right])
    keys = [anchor_sets(t, {}, params.calendar_anchor_max) for t in texts]
    sides = (texts, keys, [unique_anchors(k) for k in keys])
    gold, seen = golds(case), set()
    out: list[tuple] = []
    rows = move_links(done.beads)
    spans = align_pairs.span_beads(case, done)
    for at, (bead, span) in enumerate(zip(done.beads, spans, strict=True)):
        left, right = span
        judged = left and right and (left & case.body[0] or right & case.body[1])
        if not judged or span in seen:
            out.append((span, None))
            continue
        seen.add(span)
        link = link_of(rows, at, sides)
        right = span in gold
        wrong = "" if right else align_xlang_wrong.wrong_class(span, gold, case.body)
        link.update(right=right, wrong=wrong)
        link["place"] = "move" if bead.move_to is not None else link["place"]
        out.append((span, link))
    return out


def golds(case: align_pairs.PairCase) -> list[tuple[frozenset, frozenset]]:
    """The pair's gold beads, sure and possible, as span sets."""
    return [(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]]


def link_of(rows: list, at: int, sides: tuple[tuple, list, list]) -> Link:
    """The anchor, place, confidence and neighbour fields of the link ``rows[at]``
    (``sides``: each side's compared texts, anchor keys and unique keys)."""
    row = rows[at]
    texts, keys, unique = sides
    own = (row.left, row.right)
    shared, pinned = (
        frozenset().union(*(table[0][i] for i in own[0]))
        & frozenset().union(*(table[1][j] for j in own[1]))
        for table in (keys, unique)
    )
    where = abs(
        (sum(own[0]) / len(own[0]) + 0.5) / max(1, len(texts[0]))
        - (sum(own[1]) / len(own[1]) + 0.5) / max(1, len(texts[1]))
    )
    linked = [k for k in (at - 1, at + 1) if 0 <= k < len(rows) and rows[k].left and rows[k].right]
    return Link(
        shape="1-1" if len(own[0]) == len(own[1]) == 1 else "N-M",
        anchor=anchor_class(shared, pinned),
        shared=sorted(shared),
        place="near" if where < NEAR else "far",
        confidence=row.confidence,
        flank=len(linked),
        texts=tuple(" ".join(texts[s][k] for k in own[s]) for s in (0, 1)),
    )


Rule = Callable[[Link], bool]

RULES: dict[str, Rule] = {
    "none": lambda link: False,
    "1-1, no key": lambda link: link["shape"] == "1-1" and link["anchor"] == "none",
    "1-1, one common key or none": lambda link: (
        link["shape"] == "1-1" and link["anchor"] in ("none", "one")
    ),
    "1-1, one common key": lambda link: link["shape"] == "1-1" and link["anchor"] == "one",
    "1-1, <=1 key, far": lambda link: (
        link["shape"] == "1-1" and link["place"] == "far" and link["anchor"] in ("none", "one")
    ),
    "N-M, no key": lambda link: link["shape"] == "N-M" and link["anchor"] == "none",
    "N-M, <=1 key": lambda link: link["shape"] == "N-M" and link["anchor"] in ("none", "one"),
    "uncertain": lambda link: link["confidence"] < UNCERTAIN_BELOW,
    "under .6": lambda link: link["confidence"] < 0.6,
    "1-1, no key, under .7": lambda link: (
        link["shape"] == "1-1" and link["anchor"] == "none" and link["confidence"] < 0.7
    ),
}


def scored(ev: object, case: align_pairs.PairCase, links: list, rule: Rule) -> Counter:
    """``eval.py``'s counts of the pair when the links ``rule`` picks are left unpaired."""
    beads = []
    for span, link in links:
        if link is not None and rule(link):
            beads += [(span[0], frozenset()), (frozenset(), span[1])]
        else:
            beads.append(span)
    return Counter(ev.score_pair(case.gold, case.body[0], case.body[1], beads))  # type: ignore


def pr(c: Counter) -> str:
    p, r = c["bead_correct"] / max(1, c["judged"]), c["bead_found_sure"] / max(1, c["gold_sure"])
    return (
        f"{p:.3f} / {r:.3f} ({c['bead_correct']} / {c['judged']}, "
        f"{c['bead_found_sure']} / {c['gold_sure']})"
    )


def f1(c: Counter) -> float:
    p, r = c["bead_correct"] / max(1, c["judged"]), c["bead_found_sure"] / max(1, c["gold_sure"])
    return 2 * p * r / max(1e-9, p + r)


def drop_study(rows: list[tuple[str, str, align_pairs.PairCase, list]], ev: object) -> None:
    """Each rule pooled on the studied kinds and on the other two-language dev pairs, and the
    rule chosen by pooled bead F1 over all dev pairs without each batch, scored on it."""
    counts: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for batch, kind, case, links in rows:
        for name, rule in RULES.items():
            counts[name, batch, kind] += scored(ev, case, links, rule)
    kinds = sorted({k for _, k, _, _ in rows})
    print(
        "\n| rule, pooled dev | "
        + " | ".join(kinds)
        + " | all |\n"
        + "|---" * (len(kinds) + 2)
        + "|"
    )
    for name in RULES:
        cells = [pr(sum((c for (r, _, k), c in counts.items() if r == name and k == kind),
                        Counter())) for kind in kinds]  # fmt: skip
        total = sum((c for (r, _, _), c in counts.items() if r == name), Counter())
        print(f"| {name} | " + " | ".join(cells) + f" | {pr(total)} |")
    batches = sorted({b for _, b, _ in counts})
    left_out: dict[str, Counter] = defaultdict(Counter)
    chosen: Counter = Counter()
    for out in batches:
        train = {r: f1(sum((c for (q, b, _), c in counts.items() if q == r and b != out),
                           Counter())) for r in RULES}  # fmt: skip
        best = max(RULES, key=lambda r: (round(train[r], 6), r == "none"))
        chosen[best] += 1
        for (q, b, k), c in counts.items():
            if q == best and b == out:
                left_out[k] += c
                left_out["all"] += c
    print(f"\nleave one batch out ({len(batches)} folds), chosen: {dict(chosen)}")
    for kind in kinds + ["all"]:
        print(f"  {kind:12} {pr(left_out[kind])}")


def classes(link: Link) -> list[tuple[str, str, str]]:
    """The (shape, axis, class) rows of the table one judged link counts in."""
    shape = link["shape"]
    out = [(shape, axis, link[axis]) for axis in ("anchor", "place")]
    out.append((shape, "confidence", f"{min(9, int(link['confidence'] * 10)) / 10:.1f}"))
    if not link["right"]:
        out.append((shape, "wrong class", link["wrong"]))
        out.append((shape, "wrong class x anchor", f"{link['wrong']}, {link['anchor']}"))
    if shape == "1-1" and link["anchor"] in ("none", "one"):  # the weak links a rule would drop
        out.append((shape, "<=1 key: linked neighbours", str(link["flank"])))
        out.append((shape, "<=1 key: confidence >= .7, linked neighbours",
                    f"{link['confidence'] >= .7}, {link['flank']}"))  # fmt: skip
    return out


def print_table(links: list[tuple[str, Link]], title: str) -> None:
    """Right / wrong links of each class, the batches holding a wrong one and the mean
    confidence the reader is shown (issue 16: does it say how often the class is right?)."""
    table: dict[tuple, list] = defaultdict(lambda: [0, 0, set(), 0.0])
    for batch, link in links:
        for key in classes(link):
            cell = table[key]
            cell[0 if link["right"] else 1] += 1
            if not link["right"]:
                cell[2].add(batch)
            cell[3] += link["confidence"]
    print(f"\njudged links of the dev {title} pairs (right: the gold holds it, sure or possible)")
    print(
        "| shape | axis | class | right | wrong | batches with a wrong | right share | "
        "mean confidence |\n|---|---|---|---:|---:|---:|---:|---:|"
    )
    for key in sorted(table):
        right, wrong, held, conf = table[key]
        n = right + wrong
        print(
            f"| {' | '.join(key)} | {right} | {wrong} | {len(held)} | {right / n:.2f} "
            f"| {conf / n:.2f} |"
        )


def main() -> None:
    drop = "--drop" in sys.argv  # this study's own option, taken out before the shared ones
    sys.argv = [a for a in sys.argv if a != "--drop"]
    args = align_misses.study_args(__doc__.split("\n")[0], "paraphrase", "one line per link")
    if args is None:
        return
    params = align_misses.parse_set(args.set)
    kinds = args.kinds.split(",")
    studied, rows = [], []
    for case in align_pairs.cached_cases(args.cache):
        kind = align_pairs.pair_kind(case)
        if case.set_name in align_pairs.CHECK_SETS or (kind not in kinds and not drop):
            continue
        links = case_links(case, args.roles, params)
        if kind in ("copy", "rewrite"):  # one language: the rules are for two, never fire here
            links = [(span, None) for span, _ in links]
        rows.append((case.set_name, kind, case, links))
        if kind not in kinds:
            continue
        for _, link in links:
            if link is None:
                continue
            studied.append((case.set_name, link))
            if args.list:
                print(
                    f"  {case.set_name:8} {case.name[:40]:40} "
                    f"{'right' if link['right'] else 'wrong'} {link['shape']} {link['anchor']} "
                    f"{link['place']} {link['wrong']} {link['confidence']:.2f} {link['shared']}"
                    f"\n      L: {link['texts'][0][:110]}\n      R: {link['texts'][1][:110]}"
                )
    print_table(studied, args.kinds)
    if drop:
        drop_study(rows, align_pairs.load_eval())


if __name__ == "__main__":
    main()
