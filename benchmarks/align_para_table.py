"""Would a general word table, cognates or story position find the paraphrase beads we miss?

    .venv/bin/python benchmarks/align_para_table.py --cache PICKLE [--kinds paraphrase,translation]
    .venv/bin/python benchmarks/align_para_table.py --cache PICKLE --list [--own] [--in-sample]

Why (round 27, para27): round 26 (``align_para_anchors.py``) found that 70 of the 99
missed sure 1-1 beads of the dev cross-language paraphrases share no anchor: through
the stand-in MT (a copy) a reworded sentence shows as nothing.  The pair's own word
table (``align_lexicon``) learns from the pair's confident links, which a short
paraphrase has few of.  Three *general* sources a reader would still use:

* a word table of common news words learnt **outside the pair**, from the sure gold
  1-1 beads of the dev *translation* pairs' original pages (never the stand-in MT's
  output, so it is not fitted to the stand-in's vocabulary), with ``learn_lexicon``'s own
  Dice rule, one table per language pair (both directions pooled); a case of set ``s``
  is read only through a table learnt **without** set ``s`` (leave one batch out);
* cognates: the folded word beginnings the aligner already keys on
  (``align_cognates.sentence_beginnings``, five letters);
* position: the two sentences' relative places in their stories.

For each sure gold 1-1 bead (one compared segment per side, as ``align_para_anchors``
reads them) the study asks whether the source alone picks the gold partner: the left
sentence's words (copied, or glossed through the table) against every right sentence,
each shared word weighted by one over the number of right sentences holding it; the
bead counts ``best`` when its partner scores highest, above zero and alone, and
``mutual`` when the left sentence is also the partner's best.  A source helps the
aligner only where it is ``best`` on the misses *and* stays ``best`` on the found beads
(a source that disagrees with found links costs them).  ``touch`` is the share of words
of the dev translations' *right* (target-language) sentences the table would rewrite:
with a real MT installed the compared text is already in the target language, so a
low share says the table leaves it nearly as it is.  Check batches are never read here.

``--list`` measures the rule itself, with no core change: every two-language pair's
stand-in MT is glossed through its language pair's table (learnt without the pair's
set; a check pair's from every dev translation), words, case and punctuation kept
(``keep_gloss``: anchors read the same), and ``align_pairs.report`` scores all pairs
(check batches pooled only).  ``--own`` glosses only words the other document lacks;
``--in-sample`` learns every table from all dev translations (a fit, for comparison);
``--min-count=N`` asks N gold pairs of a table pair (``learn_lexicon``'s ``min_count``, 2).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
from align_para_anchors import case_study  # noqa: E402

from workbench.core.align_cognates import sentence_beginnings  # noqa: E402
from workbench.core.align_lexicon import Lexicon, gloss, learn_lexicon  # noqa: E402
from workbench.core.align_lexicon import _words as words  # noqa: E402  (the table's words)
from workbench.core.similarity import normalize_for_similarity  # noqa: E402

Parallel = list[tuple[str, str]]
OWN = "--own"  # with --list: words the other document holds are not glossed
INSIDE = "--in-sample"  # with --list: every table learnt from all dev translations (a fit)
MIN_COUNT = "--min-count="  # with --list: a table pair needs this many gold pairs (default 2)


def _option(prefix: str, default: int) -> int:
    """The value of the study's own ``prefix``N switch (taken out of ``sys.argv``)."""
    for arg in list(sys.argv):
        if arg.startswith(prefix):
            sys.argv.remove(arg)
            return int(arg[len(prefix) :])
    return default


def _flag(name: str) -> bool:
    """Whether the study's own switch ``name`` was given (taken out of ``sys.argv``: the
    shared ``align_misses.study_args`` parser does not know it)."""
    given = name in sys.argv
    if given:
        sys.argv.remove(name)
    return given


def gold_parallel(case: align_pairs.PairCase) -> Parallel:
    """(left text, right text) of each sure gold 1-1 bead, the segments that make its spans."""
    out = []
    for bead in case.gold["beads"]:
        if bead["type"] != "sure" or len(bead["left"]) != 1 or len(bead["right"]) != 1:
            continue
        texts = [
            " ".join(t for t, s in zip(side.texts, side.spans, strict=True) if s & set(bead[name]))
            for side, name in ((case.left, "left"), (case.right, "right"))
        ]
        if all(texts):
            out.append((texts[0], texts[1]))
    return out


def lang_pair(case: align_pairs.PairCase) -> tuple[str | None, str | None]:
    return align_pairs._lang(case.left.langs), align_pairs._lang(case.right.langs)


class Tables:
    """Word tables by (left language, right language), each learnt without one set.

    Why both directions pooled: a language pair's dev translations run either way
    (de -> en and en -> de); a right -> left pair is swapped before learning.
    """

    def __init__(
        self, cases: list[align_pairs.PairCase], inside: bool = False, min_count: int = 2
    ) -> None:
        self.inside = inside  # in sample: no set left out (a fit, for comparison only)
        self.min_count = min_count
        self.parallel: dict[tuple[str, str], list[tuple[str, Parallel]]] = defaultdict(list)
        for case in cases:
            a, b = lang_pair(case)
            if a and b and a != b:
                rows = gold_parallel(case)
                self.parallel[a, b].append((case.set_name, rows))
                self.parallel[b, a].append((case.set_name, [(r, ll) for ll, r in rows]))
        self.memo: dict[tuple[str, str, str], Lexicon] = {}

    def table(self, left: str, right: str, without: str) -> Lexicon:
        without = "" if self.inside else without
        key = (left, right, without)
        if key not in self.memo:
            rows = [r for name, rs in self.parallel[left, right] if name != without for r in rs]
            pairs = [(k, k) for k in range(len(rows))]
            self.memo[key] = learn_lexicon(
                [a for a, _ in rows], [b for _, b in rows], pairs, min_count=self.min_count
            )
        return self.memo[key]


def scores(left: list[set[str]], right: list[set[str]]) -> list[list[float]]:
    """Each left sentence's score against each right one: its shared words, each weighted by
    one over the number of right sentences holding it (a word every sentence has says little)."""
    df = Counter(w for s in right for w in s)
    return [[sum(1 / df[w] for w in a & b) for b in right] for a in left]


def best(row: list[float]) -> int | None:
    """The index of the single highest score above zero, if there is one."""
    top = max(row, default=0.0)
    at = [k for k, v in enumerate(row) if v == top]
    return at[0] if top > 0 and len(at) == 1 else None


def mutual(left: list[set[str]], right: list[set[str]]) -> dict[int, int]:
    """Left index -> right index of every pair each of whose sentences is the other's best."""
    rows = scores(left, right)
    back = [best(row) for row in scores(right, left)]
    return {i: j for i, row in enumerate(rows) if (j := best(row)) is not None and back[j] == i}


def picks(left: list[set[str]], right: list[set[str]], i: int, j: int) -> tuple[bool, bool, bool]:
    """(any shared word, partner best, mutual best) of gold pair ``i``, ``j``."""
    row = scores(left, right)[i]
    found = best(row) == j
    return row[j] > 0, found, found and mutual(left, right).get(i) == j


def place_of(i: int, n: int, m: int) -> int:
    """The right sentence (of ``m``) nearest to left sentence ``i``'s share of its ``n``."""
    return round(i * (m - 1) / (n - 1)) if n > 1 and m > 1 else 0


def position(i: int, j: int, n: int, m: int) -> bool:
    """Same relative place: ``j`` is the right sentence nearest to ``i``'s share of the left."""
    return place_of(i, n, m) == j


def sources(texts, table: Lexicon) -> dict[str, tuple[list[set[str]], list[set[str]]]]:
    """Each source's word sets of the two sides' compared sentences."""
    copy = [words(t) for t in texts[0]], [words(t) for t in texts[1]]
    glossed = [words(gloss(t, table)) for t in texts[0]], copy[1]
    stems = tuple(sentence_beginnings(side, 5) for side in texts)
    both = (
        [g | s for g, s in zip(glossed[0], stems[0], strict=True)],
        [c | s for c, s in zip(copy[1], stems[1], strict=True)],
    )
    return {"copy": copy, "table": glossed, "cognates": stems, "table+cognates": both}


def gap_picks(case, done, views: dict) -> Counter:
    """Pairs a rule could add: both sentences unmatched in the output and paired by a source
    (mutual best, or the same relative place), and how many of them a sure gold bead holds."""
    from workbench.core.align_moves import move_links

    out: Counter = Counter()
    links = [b for b in move_links(done.beads) if b.left and b.right]
    linked = {k for b in links for k in b.left}, {k for b in links for k in b.right}
    n, m = len(done.left), len(done.right)
    gold = [(set(b["left"]), set(b["right"])) for b in case.gold["beads"] if b["type"] == "sure"]

    def right(i: int, j: int) -> bool:
        spans = case.left.spans[done.left[i]], case.right.spans[done.right[j]]
        return any(spans[0] & g[0] and spans[1] & g[1] for g in gold)

    paired = {name: mutual(*sides) for name, sides in views.items()}
    paired["position"] = {i: place_of(i, n, m) for i in range(n)} if m else {}
    for name, pairs in paired.items():
        for i, j in pairs.items():
            if i not in linked[0] and j not in linked[1]:
                out[name, "pairs"] += 1
                out[name, "right"] += right(i, j)
    return out


_WORD = re.compile(r"[^\W\d_]+")


def keep_gloss(text: str, table: Lexicon, other: frozenset[str] = frozenset()) -> str:
    """``text`` with each word the table knows replaced by its translation, all else (case,
    punctuation, numbers, names) kept: what the aligner's anchors read stays as it was.

    ``other``: the other document's words; a word it holds is kept as it is (``--own``).
    Why: a real MT's output is in the other side's language already, and a word both
    sides hold is evidence as it is; only a word the other side lacks needs a gloss.
    """

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        key = normalize_for_similarity(word)
        return word if key in other else table.get(key, word)

    return _WORD.sub(one, text)


def glossed_run(cases: list[align_pairs.PairCase], tables: Tables, roles: str, own: bool
                ) -> None:  # fmt: skip
    """``align_pairs.report`` with each two-language pair's MT glossed through the table of
    its language pair learnt without its set (a check pair: from every dev translation)."""
    for case in cases:
        a, b = lang_pair(case)
        if case.mt is not None and a and b and a != b:
            table = tables.table(a, b, case.set_name)
            other = frozenset(words(" ".join(case.right.texts))) if own else frozenset()
            case.mt = [keep_gloss(t, table, other) for t in case.mt]
    align_pairs.report(cases, roles)


def touch(tables: Tables, cases: list[align_pairs.PairCase]) -> tuple[int, int]:
    """Words of the dev translations' right sentences a table (learnt without their set)
    would rewrite, and all their words: what the table does to text already translated."""
    changed = total = 0
    for case in cases:
        a, b = lang_pair(case)
        table = tables.table(a, b, case.set_name)
        for _left, right in gold_parallel(case):
            ws = normalize_for_similarity(right).split()
            total += len(ws)
            changed += sum(1 for w in ws if table.get(w, w) != w)
    return changed, total


def study(cases, tables: Tables, kinds: list[str], roles: str, params) -> tuple:
    """The tallies of each source on the sure gold 1-1 beads of the dev two-language pairs
    (by kind, found or missed, with or without an anchor), their pairs, and ``gap_picks``."""
    counts: Counter = Counter()
    held: dict[tuple, set[str]] = defaultdict(set)
    gaps: dict[str, Counter] = defaultdict(Counter)
    for case in cases:
        kind = align_pairs.pair_kind(case)
        a, b = lang_pair(case)
        if kind not in kinds or not (a and b and a != b):
            continue
        rows, texts, done = case_study(case, roles, params)
        views = sources(texts, tables.table(a, b, case.set_name))
        gaps[kind] += gap_picks(case, done, views)
        for output, anchors, i, j in ((r[0], r[1], r[5], r[6]) for r in rows):
            group = (kind, "found" if output == "found" else "missed", anchors == "none")
            counts[group, "beads"] += 1
            held[group].add(case.name)
            counts[group, "position"] += position(i, j, len(texts[0]), len(texts[1]))
            for name, (left, right) in views.items():
                flags = picks(left, right, i, j)
                for part, flag in zip(("any", "best", "mutual"), flags, strict=True):
                    counts[group, name, part] += flag
    return counts, held, gaps


def fluent_touch(tables: Tables, cases: list[align_pairs.PairCase]) -> tuple[int, int, int]:
    """Words of the dev rewrites' left pages (fluent text in the right page's language, as a
    real MT's output would be) that a table into that language rewrites: all, and those
    ``--own`` would (absent from the right page), over all words, every source language."""
    every = plain = kept = 0
    for case in cases:
        if align_pairs.pair_kind(case) != "rewrite":
            continue
        _a, b = lang_pair(case)
        other = frozenset(words(" ".join(case.right.texts)))
        for source in {x for x, _y in tables.parallel} - {b}:
            table = tables.table(source, b, case.set_name)
            found = [w for t in case.left.texts for w in words_in_order(t)] if table else []
            every += len(found)
            plain += sum(1 for w in found if table.get(w, w) != w)
            kept += sum(1 for w in found if w not in other and table.get(w, w) != w)
    return every, plain, kept


def words_in_order(text: str) -> list[str]:
    """The compared words of ``text`` with repeats, numbers aside."""
    return [w for w in normalize_for_similarity(text).split() if not w.isdigit()]


def main() -> None:
    own, inside = (_flag(name) for name in (OWN, INSIDE))
    min_count = _option(MIN_COUNT, 2)
    args = align_misses.study_args(
        __doc__.split("\n")[0],
        "paraphrase,translation",
        "align every pair with its MT glossed (the rule measured)",
    )
    if args is None:
        return
    params = align_misses.parse_set(args.set)
    cases = [c for c in align_pairs.cached_cases(args.cache)
             if c.set_name not in align_pairs.CHECK_SETS]  # fmt: skip
    translations = [c for c in cases if align_pairs.pair_kind(c) == "translation"]
    tables = Tables(translations, inside, min_count)
    if args.list:  # the aligner on every pair (check pooled), each MT glossed (left out)
        glossed_run(align_pairs.cached_cases(args.cache), tables, args.roles, own)
        return
    counts, held, gaps = study(cases, tables, args.kinds.split(","), args.roles, params)
    report(counts, held, args.kinds.split(","))
    print("\npairs of two sentences unmatched in the output that a source pairs, and right")
    for kind, found in gaps.items():
        names = ("position", "copy", "table", "cognates", "table+cognates")
        cells = [f"{name} {found[name, 'right']}/{found[name, 'pairs']}" for name in names]
        print(f"  {kind}: " + ", ".join(cells))
    changed, total = touch(tables, translations)
    print(f"\ntouch: the tables (left out) rewrite {changed} of {total} words of the dev "
          f"translations' target sentences ({changed / max(1, total):.1%})")  # fmt: skip
    every, plain, kept = fluent_touch(tables, cases)
    print(f"fluent target text (dev rewrites' left pages, every table into their language): "
          f"{plain} of {every} words rewritten ({plain / max(1, every):.2%}), "
          f"--own {kept} ({kept / max(1, every):.2%})")  # fmt: skip
    sizes = {k: len(tables.table(*k, "")) for k in sorted(tables.parallel)}
    print("table sizes (all dev translations): "
          + ", ".join(f"{a}>{b} {n}" for (a, b), n in sizes.items() if n))  # fmt: skip


def report(counts: Counter, held: dict, kinds: list[str]) -> None:
    names = ("copy", "table", "cognates", "table+cognates")
    print("| kind | beads | no anchor | n | pairs | position | "
          + " | ".join(f"{n} any/best/mutual" for n in names) + " |")  # fmt: skip
    print("|---|---|---|---:|---:|---:|" + "---:|" * len(names))
    for kind in kinds:
        for state in ("found", "missed"):
            for none in (False, True):
                group = (kind, state, none)
                n = counts[group, "beads"]
                if not n:
                    continue
                cells = [
                    "/".join(str(counts[group, name, part]) for part in ("any", "best", "mutual"))
                    for name in names
                ]
                print(f"| {kind} | {state} | {'none' if none else 'some'} | {n} | "
                      f"{len(held[group])} | {counts[group, 'position']} | "
                      + " | ".join(cells) + " |")  # fmt: skip


if __name__ == "__main__":
    main()
