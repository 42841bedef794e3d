#!/usr/bin/env python3
"""Build a stories-dev style batch from a writer's marked-up sources (stdlib only).

    python3 benchmarks/heldout_build.py HOLD/batchNN   (docs/heldout.md: how it is used)

Reads   BATCH/src/<article>/<stem>.page   and   BATCH/src/pairs.json
Writes  BATCH/pages/<article>/<stem>.txt, BATCH/gold-spans/*.json (index, pages, align-*),
        BATCH/kinds.json.  Exits 1 with a list of problems if the sources are inconsistent.

Page source format (UTF-8):
  #outlet: NAME          header lines (optional; defaults: outlet = stem, lang none,
  #url: URL               url https://example.invalid/<stem>, captured_at 2026-12-01T12:00:00Z,
  #captured_at: ISO       cut 2000 = keep at most 2,000 UTF-8 bytes of the page text)
  #lang: en
  #cut: 2000 | none
  ROLE [LANG] [@ID] | text                one page line with one span
  ROLE LANG | text ‖ ROLE LANG @7 | text   one page line, several spans joined by one space
  ROLE LANG | text ‖‖ ROLE LANG | text    (‖‖ joins with two spaces, ‖t with a tab)
  (an empty source line is an empty page line; a line starting with '##' is a comment)
Roles: headline body link_residue appeal comment_form other.  IDs are free tokens, unique
per page; pairs reference them.

pairs.json: a list of
  {"left": "<article>/<stem>", "right": "<article>/<stem>", "kind": "free description",
   "beads": [["1", "a1", "sure"], ["2 3", "a2", "possible"], ...]}
(left ids and right ids space-separated; type sure|possible; only body spans may be aligned).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROLES = {"headline", "body", "link_residue", "appeal", "comment_form", "other"}
JOINS = {"‖‖": "  ", "‖t": "\t", "‖": " "}
SPLIT = re.compile(r"\s(‖‖|‖t|‖)\s")
HEAD = re.compile(r"^(?P<role>[a-z_]+)(?:\s+(?P<lang>[a-z]{2}))?(?:\s+@(?P<id>\S+))?\s*$")


def parse_page(path: Path, problems: list[str]) -> dict:
    meta = {"outlet": path.stem, "url": f"https://example.invalid/{path.stem}",
            "captured_at": "2026-12-01T12:00:00Z", "lang": None, "cut": "2000"}
    lines: list[list[tuple]] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("##"):
            continue
        m = re.match(r"^#(outlet|url|captured_at|lang|cut):\s*(.*)$", raw)
        if m:
            meta[m.group(1)] = m.group(2).strip()
            continue
        if not raw.strip():
            lines.append([])
            continue
        parts = SPLIT.split(raw)
        chunks, seps = parts[0::2], [JOINS[s] for s in parts[1::2]]
        line = []
        for i, chunk in enumerate(chunks):
            if "|" not in chunk:
                problems.append(f"{path}:{n}: chunk without 'ROLE LANG |': {chunk[:40]!r}")
                continue
            head, text = chunk.split("|", 1)
            h = HEAD.match(head.strip())
            text = text.strip()
            if not h or h.group("role") not in ROLES:
                problems.append(f"{path}:{n}: bad head {head.strip()!r} (roles: {sorted(ROLES)})")
                continue
            lang = h.group("lang") or meta["lang"]
            if not lang:
                problems.append(f"{path}:{n}: no language (give 'ROLE LANG |' or '#lang:')")
                continue
            if not text:
                problems.append(f"{path}:{n}: empty text")
                continue
            line.append((h.group("role"), lang, h.group("id"), text, seps[i - 1] if i else ""))
        lines.append(line)
    return {"meta": meta, "lines": lines}


def render(page: dict, path: Path, problems: list[str]) -> tuple[str, list[dict], dict]:
    text, spans, ids = "", [], {}
    for k, line in enumerate(page["lines"]):
        if k:
            text += "\n"
        for role, lang, sid, chunk, sep in line:
            text += sep
            spans.append({"start": len(text), "end": len(text) + len(chunk), "text": chunk,
                          "role": role, "lang": lang})
            if sid is not None:
                if sid in ids:
                    problems.append(f"{path}: id @{sid} used twice")
                ids[sid] = len(spans) - 1
            text += chunk
    text += "\n"
    cut = page["meta"]["cut"]
    if cut != "none":
        limit = int(cut)
        data = text.encode("utf-8")
        if len(data) > limit:
            text = data[:limit].decode("utf-8", errors="ignore")
            kept = []
            for s in spans:
                if s["start"] >= len(text):
                    continue
                if s["end"] > len(text):
                    s["end"] = len(text.rstrip())
                    s["text"] = text[s["start"]:s["end"]]
                    if not s["text"].strip():
                        continue
                kept.append(s)
            ids = {i: j for i, j in ids.items() if j < len(kept)}
            spans = kept
    return text, spans, ids


def check_cover(text: str, spans: list[dict], path: Path, problems: list[str]) -> None:
    covered = [False] * len(text)
    for s in spans:
        if text[s["start"]:s["end"]] != s["text"]:
            problems.append(f"{path}: span text mismatch at {s['start']}")
        for i in range(s["start"], s["end"]):
            covered[i] = True
    for i, ch in enumerate(text):
        if not ch.isspace() and not covered[i]:
            problems.append(f"{path}: character {i} {ch!r} not covered")
            break


def _dump(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def build_page(batch: Path, path: Path, problems: list[str]) -> dict:
    """Write one page's text and gold; return what the pairs need (name, spans, ids)."""
    article, stem = path.parent.name, path.stem
    page = parse_page(path, problems)
    text, spans, ids = render(page, path, problems)
    check_cover(text, spans, path, problems)
    name = f"{article}__{stem}"
    out = batch / "pages" / article / f"{stem}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(text.encode("utf-8"))
    m = page["meta"]
    _dump(batch / "gold-spans" / f"{name}.json", {
        "name": name, "file": f"{article}/{stem}.txt", "outlet": m["outlet"],
        "article": article, "url": m["url"], "captured_at": m["captured_at"],
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "encoding": "utf-8",
        "chars": len(text), "spans": spans,
        "source": {"written_by": "blind fixture writer", "batch": batch.name[5:],
                   "note": "invented story; chrome imitates the outlet's scraped text"}})
    return {"name": name, "spans": spans, "ids": ids}


def bead_side(side: dict, ids: str, pname: str, problems: list[str]) -> list[int]:
    """Span indices of one bead side; only body spans that survived the cut."""
    idx = []
    for i in str(ids).split():
        if i not in side["ids"]:
            problems.append(f"{pname}: id @{i} not on {side['name']} (or cut away)")
        elif side["spans"][side["ids"][i]]["role"] != "body":
            problems.append(f"{pname}: @{i} on {side['name']} is not a body span")
        else:
            idx.append(side["ids"][i])
    return sorted(idx)


def build_pair(batch: Path, p: dict, built: dict, problems: list[str]) -> str | None:
    """Write one pair's gold beads; return its name (None when a page is unknown)."""
    left, right = built.get(p["left"]), built.get(p["right"])
    if not left or not right:
        problems.append(f"pairs.json: unknown page {p['left']!r} or {p['right']!r}")
        return None
    pname = f"{p['left'].split('/')[1]}__{p['right'].split('/')[1]}"
    beads = []
    for b in p["beads"]:
        sides = [bead_side(left, b[0], pname, problems), bead_side(right, b[1], pname, problems)]
        if b[2] not in ("sure", "possible"):
            problems.append(f"{pname}: bead type {b[2]!r}")
        if sides[0] and sides[1]:
            beads.append({"left": sides[0], "right": sides[1], "type": b[2], "note": ""})
    _dump(batch / "gold-spans" / f"align-{pname}.json", {
        "name": pname, "left": left["name"], "right": right["name"], "beads": beads,
        "source": {"written_by": "blind fixture writer", "batch": batch.name[5:]}})
    return pname


def main(batch: Path) -> int:
    problems: list[str] = []
    batch = batch.resolve()  # "." has no name: the batch label comes from the folder
    src = batch / "src"
    built = {f"{path.parent.name}/{path.stem}": build_page(batch, path, problems)
             for path in sorted(src.glob("*/*.page"))}
    names = [b["name"] for b in built.values()]
    pfile = src / "pairs.json"
    kinds = {}
    for p in json.loads(pfile.read_text(encoding="utf-8")) if pfile.exists() else []:
        pname = build_pair(batch, p, built, problems)
        if pname:
            kinds[pname] = p.get("kind", "")
    _dump(batch / "gold-spans" / "index.json", {
        "format": "stories-gold-spans/1",
        "offsets": "Unicode code point offsets into the page text decoded as UTF-8 "
                   "(a byte-order mark, if any, removed); no other normalisation",
        "pages": names, "pairs": list(kinds)})
    _dump(batch / "kinds.json", kinds)
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(names)} pages, {len(kinds)} pairs, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
