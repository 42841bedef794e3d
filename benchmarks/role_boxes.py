"""Boxes moved between writers: are appeals, comment forms and link residue found in pages
their writer did not write?

    .venv/bin/python benchmarks/role_boxes.py [--kinds appeal,comment_form,link_residue]
        [--hosts 6] [--flat] [--inside] [--off FIELD]

Why: a rule for a box is usually written on the page that showed the error, and then
fires on that page only (round 9: three of four box rules moved no segment of the check
or unseen batches).  This benchmark takes every block of a kind (consecutive lines of
that gold role, blank lines inside kept) from the repository's dev role pages
(``tests/data/role-pages``: the fixtures and the blind batches, without the check
batches ``CHECK_SETS``) and sets it, unchanged, into up to ``--hosts`` pages of the same
language from *other* batches (other writers), right after the host story's last body
line (hosts whose capture ends inside the story's last sentence are left out).
``--flat`` removes every blank line from the result (a page read line by line).

Per donor batch it prints the moved block's characters with the right role and with
the right in-story decision, and the host's own characters with the right in-story
decision (a box rule must not take story from the host).  The baseline, run in the
same process, is the same block in its own page: the difference is how much a box's
recognition rests on its writer's page rather than on the box.  ``--check`` adds one
pooled row per kind for the check batches' boxes moved into dev pages (their pages and
per-page figures are never printed).  ``--inside`` sets each block after the host story's
middle body line instead, with story below it (round 20: does the story resume after a box
set inside it?); ``--off FIELD`` scores every page with that ``RoleParams`` switch off.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_check_sets import ROLE_CHECK_SETS  # noqa: E402

from workbench.core.role_params import DEFAULT_PARAMS  # noqa: E402
from workbench.testing.page_gold import STORY, GoldPage, load_annotated, predict  # noqa: E402

PAGES = ROOT / "tests" / "data" / "role-pages"
#: scores only, pooled, never pages (PROTOCOL)
CHECK_SETS = ROLE_CHECK_SETS  # one tuple for all role/flag studies (reliab41)


def dev_files(check: bool = False) -> list[Path]:
    """The dev pages, or (``check``) the check batches' pages."""
    folders = [PAGES] + sorted(p for p in PAGES.iterdir() if p.is_dir())
    return [f for d in folders if (d.name in CHECK_SETS) == check for f in sorted(d.glob("*.txt"))]


def batch(path: Path) -> str:
    return path.parent.name if path.parent != PAGES else "fixtures"


def chunks(line: str) -> list[tuple[str, str, str]]:
    """(role, lang, text) of each chunk of an annotated page line (none for comments)."""
    if not line or line.startswith("#"):
        return []
    out = []
    for chunk in line.split(" ‖ "):
        label, text = chunk.split(" | ", 1)
        role, lang = label.split()
        out.append((role, lang, text.strip()))
    return out


def blocks(lines: list[str], kind: str) -> list[list[str]]:
    """Runs of lines whose every chunk has role ``kind`` (blank lines inside a run kept)."""
    out: list[list[str]] = []
    run: list[str] = []
    for line in [*lines, "#"]:
        parts = chunks(line)
        if parts and all(role == kind for role, _, _ in parts):
            run.append(line)
        elif line == "" and run:
            run.append(line)
        else:
            while run and run[-1] == "":
                run.pop()
            if run:
                out.append(run)
            run = []
    return out


def story_lang(lines: list[str]) -> str | None:
    langs = Counter(lang for ln in lines for role, lang, _ in chunks(ln) if role == "body")
    return langs.most_common(1)[0][0] if langs else None


def cut_off(lines: list[str]) -> bool:
    """The capture ends inside the story's last sentence (no box can follow it there)."""
    body = [t for ln in lines for role, _, t in chunks(ln) if role == "body"]
    return bool(body) and not body[-1].rstrip().endswith(tuple(".!?…\"»”)"))


#: Where a moved block goes: after the host story's last body line, or (``--inside``) after
#: its middle one, with story lines below it (a box set inside the story: round 20).
INSIDE: list[bool] = [False]
#: ``--off FIELD``: every page is scored with that ``RoleParams`` switch off.
PARAMS = [DEFAULT_PARAMS]


def place(host: list[str], block: list[str], flat: bool) -> list[str]:
    body = [i for i, ln in enumerate(host) if any(r == "body" for r, _, _ in chunks(ln))]
    last = body[(len(body) - 1) // 2] if INSIDE[0] else body[-1]
    lines = host[: last + 1] + ["", *block, ""] + host[last + 1 :]
    return [ln for ln in lines if ln] if flat else lines


def score(page: GoldPage, kind: str, texts: set[str]) -> list[int]:
    """[block chars, role right, story right, host chars, host story right]."""
    roles = predict(page, PARAMS[0])
    owner = [-1] * len(page.text)
    for k, seg in enumerate(page.segs):
        owner[seg.start : seg.end] = [k] * (seg.end - seg.start)
    out = [0, 0, 0, 0, 0]
    for span in page.spans:
        moved = span["role"] == kind and span["text"] in texts
        for pos in range(span["start"], span["end"]):
            if page.text[pos].isspace():
                continue
            tool = roles[owner[pos]] if owner[pos] >= 0 else None
            if moved:
                out[0] += 1
                out[1] += tool == kind
                out[2] += tool not in STORY
            else:
                out[3] += 1
                out[4] += (tool in STORY) == (span["role"] in STORY)
    return out


def run(
    kind: str, hosts_per_block: int, flat: bool, tmp: Path, check: bool = False
) -> dict[str, dict[str, list[int]]]:
    """Per donor batch, the block in its own page and moved; ``check``: check donors, dev hosts."""
    pages = {f: f.read_text(encoding="utf-8").split("\n") for f in dev_files()}
    donors = {f: f.read_text(encoding="utf-8").split("\n") for f in dev_files(True)}
    donors = donors if check else pages
    by_lang: dict[str, list[Path]] = defaultdict(list)
    for f, lines in pages.items():
        has_kind = any(role == kind for ln in lines for role, _, _ in chunks(ln))
        if (lang := story_lang(lines)) and not has_kind and not cut_off(lines):
            by_lang[lang].append(f)
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"own": [0] * 5, "moved": [0] * 5})
    n = 0
    for donor, lines in donors.items():
        found = blocks(lines, kind)
        if not found:
            continue
        own = load_annotated(donor)
        for b, block in enumerate(found):
            texts = {t for ln in block for _, _, t in chunks(ln)}
            acc = table[batch(donor)]
            acc["own"] = [a + s for a, s in zip(acc["own"], score(own, kind, texts), strict=True)]
            lang = chunks(block[0])[0][1]
            hosts = [h for h in by_lang[lang] if batch(h) != batch(donor)]
            hosts.sort(key=lambda h: hashlib.md5(f"{donor.name}{b}{h.name}".encode()).hexdigest())
            for host in hosts[:hosts_per_block]:
                path = tmp / f"{n}.txt"
                n += 1
                path.write_text("\n".join(place(pages[host], block, flat)), encoding="utf-8")
                got = score(load_annotated(path), kind, texts)
                acc["moved"] = [a + s for a, s in zip(acc["moved"], got, strict=True)]
    return table


def _cells(c: list[int]) -> str:
    return f"{c[0]:,} | {c[1] / c[0]:.3f} | {c[2] / c[0]:.3f} | {c[4] / max(c[3], 1):.4f}"


def report(kind: str, table: dict[str, dict[str, list[int]]], flat: bool, check: bool) -> None:
    layout = "read line by line (no blank lines)" if flat else "with the pages' blank lines"
    if check:  # the check batches' boxes moved into dev pages: one pooled row, no page seen
        total = [sum(row["moved"][i] for row in table.values()) for i in range(5)]
        own = [sum(row["own"][i] for row in table.values()) for i in range(2)]
        label = f"{kind}, check 20 + 22 pooled, {layout}"
        print(f"| {label} | {_cells(total)} | {own[1] / own[0]:.3f} |")
        return
    print(f"\n### {kind}: blocks moved into other writers' pages, {layout}\n")
    print("| donor batch | block chars (moved) | role | story | host story | role in own page |")
    print("|---|---:|---:|---:|---:|---:|")
    total = {"own": [0] * 5, "moved": [0] * 5}
    for name in sorted(table, key=lambda s: (len(s), s)):
        row = table[name]
        if row["moved"][0]:
            own = row["own"][1] / row["own"][0]
            print(f"| {name} | {_cells(row['moved'])} | {own:.3f} |")
        for part in total:
            total[part] = [a + b for a, b in zip(total[part], row[part], strict=True)]
    own = total["own"][1] / total["own"][0]
    print(f"| **all** | {_cells(total['moved'])} | {own:.3f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", default="appeal,comment_form,link_residue")
    parser.add_argument("--hosts", type=int, default=6, help="host pages per block")
    parser.add_argument("--flat", action="store_true", help="also read every page line by line")
    parser.add_argument("--check", action="store_true", help="also check batches' boxes, pooled")
    parser.add_argument("--inside", action="store_true", help="set boxes inside the host story")
    parser.add_argument("--off", default=None, help="a RoleParams switch to score off")
    args = parser.parse_args()
    INSIDE[0] = args.inside
    if args.off:
        PARAMS[0] = replace(DEFAULT_PARAMS, **{args.off: False})
    load = os.getloadavg()
    print(f"# Boxes moved between writers (machine load {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f})")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds.split(","):
            for flat in (False, True) if args.flat else (False,):
                report(kind, run(kind, args.hosts, flat, Path(tmp)), flat, False)
        if args.check:
            print("\n### Check batches' boxes moved into dev pages (pooled only)\n")
            print("| kind | block chars | role | story | host story | role in own page |")
            print("|---|---:|---:|---:|---:|---:|")
            for kind in args.kinds.split(","):
                for flat in (False, True) if args.flat else (False,):
                    report(kind, run(kind, args.hosts, flat, Path(tmp), True), flat, True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
