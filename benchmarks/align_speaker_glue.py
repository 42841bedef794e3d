"""Glued sentences whose only shared words are ones the other side tells again and again.

    .venv/bin/python benchmarks/align_speaker_glue.py --cache PICKLE [--roles tool|gold] \\
        [--set FIELD=VALUE] [--kinds rewrite,paraphrase] [--list]

Why: round 26 (rewrites26) saw sentences glued to a quote's link because the other side
repeats their attribution tail ("…, sagte Verdi-Verhandlungsführer Jens Albers.", "said X,
the union's spokesman"). A story attributes many sentences to one speaker, so a name or
verb the other side tells in several sentences says little about *which* sentence pairs
with which.  This counts, on the dev pairs (check batches never read), every sentence an
output link of three or more sentences holds that no gold bead (sure or possible) pairs
with any sentence of the link's other side (a *glued* sentence), and puts it in one class
by the content keys (``page_shapes.stems``: words of 5+ letters cut to 5, and whole
numbers; the left side's stand-in MT across languages) it shares with that other side:

* ``none``: it shares no key (glued by n-grams of short words, or by length alone);
* ``repeated only``: every shared key is told in at least 2 (then 3: both are printed)
  sentences of the other side's compared lines (the repeated-speaker class), ``name``
  when one of them is a capitalised word not at the sentence's start;
* ``own``: it shares at least one key the other side tells less often.

``--list`` prints each glued sentence with its class at 3 and each shared key with the number
of the other side's sentences that tell it.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_study  # noqa: E402
from align_misses import ALL_KINDS  # noqa: E402

from workbench.core.align_moves import move_links  # noqa: E402
from workbench.core.page_shapes import stems  # noqa: E402

_NUMBER = re.compile(r"\d+")
_CAPITAL = re.compile(r"(?<=\S\s)[^\W\d_]{5,}")


def keys(text: str) -> frozenset[str]:
    """Content stems and whole numbers of a sentence."""
    return stems(text) | frozenset(_NUMBER.findall(text))


def names(text: str) -> frozenset[str]:
    """Stems of capitalised words after the sentence's first word (names, roles in German)."""
    return frozenset(w.casefold()[:5] for w in _CAPITAL.findall(text) if w[0].isupper())


def classify(own: str, other: Sequence[str], told: Counter, repeat: int) -> str:
    """The class of one glued sentence against its link's other side (module docstring)."""
    shared = keys(own) & frozenset().union(*(keys(t) for t in other))
    if not shared:
        return "none"
    if any(told[k] < repeat for k in shared):
        return "own"
    return "repeated only, name" if shared & names(own) else "repeated only"


def glued(case: align_pairs.PairCase, roles: str, params: object
          ) -> list[tuple[str, list[str], Counter]]:  # fmt: skip
    """(sentence, the link's other side, key counts of the other side's compared lines) for
    each glued sentence of the pair's output links."""
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    ltexts = [(case.mt or case.left.texts)[k] for k in done.left]
    rtexts = [case.right.texts[k] for k in done.right]
    spans = ([case.left.spans[k] for k in done.left], [case.right.spans[k] for k in done.right])
    gold = [(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]]
    told = [Counter(k for t in texts for k in keys(t)) for texts in (ltexts, rtexts)]
    out = []
    for bead in move_links(done.beads):
        sides = (list(bead.left), list(bead.right))
        if not sides[0] or not sides[1] or len(sides[0]) + len(sides[1]) < 3:
            continue
        for side in (0, 1):
            other = frozenset().union(*(spans[1 - side][k] for k in sides[1 - side]))
            for k in sides[side]:
                mine = spans[side][k]
                if any(g[side] & mine and g[1 - side] & other for g in gold):
                    continue
                texts = (ltexts, rtexts)
                others = [texts[1 - side][o] for o in sides[1 - side]]
                out.append((texts[side][k], others, told[1 - side]))
    return out


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], ALL_KINDS, "one line per glued sentence")
    if study is None:
        return
    args, table = study.args, study.table
    for case, kind in study.cases():
        found = glued(case, args.roles, study.params)
        for repeat in (2, 3):
            for text, others, told in found:
                name = classify(text, others, told, repeat)
                table[repeat, kind, name] += 1
                table[repeat, kind, "batch " + case.set_name, name] += 1
                if args.list and repeat == 3:
                    shared = sorted(keys(text) & frozenset().union(*map(keys, others)))
                    told_as = " ".join(f"{k}:{told[k]}" for k in shared)
                    print(f"  {case.set_name:8} {kind[:5]:5} {name:20} {text[:90]} | {told_as}")
    for repeat in (2, 3):
        print(f"repeat >= {repeat}:")
        for kind in study.kinds:
            rows = sorted((v, k[2]) for k, v in table.items() if k[:2] == (repeat, kind)
                          and len(k) == 3)  # fmt: skip
            batches = {k[2] for k in table if k[:2] == (repeat, kind) and len(k) == 4
                       and k[3].startswith("repeated")}  # fmt: skip
            print(f"  {kind}: " + ", ".join(f"{n} {v}" for v, n in rows)
                  + f"; repeated-only in {len(batches)} batches")


if __name__ == "__main__":
    main()
