"""Made-up first-name swaps and non-changes in the en / fr / uk / ru dev pages (round 36, flagsc36).

    .venv/bin/python benchmarks/flags_first_names_beyond.py [--shared DIR]

Why: ``check_first_names.SIMILAR_FIRST_NAMES_BEYOND`` reads a first name changed into one a
consonant apart before one surname ("Katrin" / "Karin Sommerfeld") outside German.  Real dev
pairs hold no such swap beyond German, so, as flagsb35 did for German, this builds them from
the dev pages' own sentences: each capitalised word directly before another capitalised word
(a listed first name, or inside a sentence) gets one consonant replaced (the change a rule
must flag), and the same word gets the forms one name takes in a language — Ukrainian /
Russian case endings ("Олена" / "Олени" / "Оленою", "Богдан" / "Богдана" / "Богданом"),
Latin transliteration variants ("Andriy" / "Andrii", "Oleksandr" / "Olexandr" / "Aleksandr")
— which it must not.  Each sentence is compared with its changed copy by
``check_names.name_differences`` (same language both sides), the switch off and on.  Dev
pages only: ``tests/data/story-pairs`` batches outside ``align_devsets.CHECK_SETS`` and the
shared dev set's pages.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from align_devsets import CHECK_SETS  # noqa: E402

from workbench.core import check_first_names  # noqa: E402
from workbench.core.check_first_names import _inside, _listed  # noqa: E402
from workbench.core.check_names import name_differences  # noqa: E402

LANGS = ("en", "fr", "uk", "ru")
_CONSONANTS = {"latin": "bcdfgklmnprstvz", "cyrillic": "бвгдзклмнпрстф"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
#: Case endings a Ukrainian / Russian first name takes (after a final vowel is dropped).
_CASES = ("а", "и", "і", "у", "ю", "ою", "ом", "ем", "ові", "ей")
_LATIN_VARIANTS = (("iy", "ii"), ("iy", "yi"), ("ks", "x"), ("y", "i"), ("ii", "iy"),
                   ("O", "A"), ("kh", "h"), ("yu", "iu"), ("ya", "ia"))  # fmt: skip


def pages(shared: Path) -> list[tuple[str, Path]]:
    """(language, page text file) of every dev page in the four languages."""
    found = []
    roots = [p for p in sorted((ROOT / "tests/data/story-pairs").glob("batch*"))
             if p.name not in CHECK_SETS]  # fmt: skip
    files = [f for r in roots for f in sorted((r / "pages").glob("*/*.txt"))]
    files += sorted((shared / "data/stories-dev/pages").glob("*.txt"))
    for f in files:
        lang = f.stem.rsplit("_", 1)[-1]
        if lang in LANGS:
            found.append((lang, f))
    return found


def swaps(word: str) -> list[str]:
    """``word`` with one consonant replaced by the next consonant of its script."""
    script = "cyrillic" if re.search("[а-яіїєґ]", word.lower()) else "latin"
    letters = _CONSONANTS[script]
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        if i and low in letters:
            new = letters[(letters.index(low) + 1) % len(letters)]
            out.append(word[:i] + new + word[i + 1:])
    return out


def variants(word: str) -> list[str]:
    """Forms of one name: case endings (Cyrillic) or transliteration variants (Latin)."""
    if re.search("[а-яіїєґ]", word.lower()):
        stem = word[:-1] if word[-1].lower() in "аяоьй" else word
        return [stem + end for end in _CASES if stem + end != word]
    return [word.replace(a, b, 1) for a, b in _LATIN_VARIANTS if a in word]


def run(shared: Path, limit: int = 120) -> dict[str, list[int]]:
    """Per language: [swaps, flagged off, flagged on, non-changes, raised off, raised on], from
    the first ``limit`` candidate words of each language (pages in sorted order)."""
    counts = {lang: [0] * 6 for lang in LANGS}
    seen: set[tuple[str, str]] = set()
    for lang, path in pages(shared):
        for sentence in _SENTENCE.split(path.read_text(encoding="utf-8")):
            for first, _after, mid in _inside(sentence):
                if (first, sentence) in seen or not (mid or _listed(first)):
                    continue
                if counts[lang][0] >= 2 * limit:
                    break
                seen.add((first, sentence))
                _score(lang, sentence, first, counts[lang])
    return counts


def _score(lang: str, sentence: str, first: str, row: list[int]) -> None:
    pattern = re.compile(rf"(?<!\w){re.escape(first)}(?!\w)")
    kept = check_first_names.SIMILAR_FIRST_NAMES_BEYOND
    for kind, forms in ((0, swaps(first)[:2]), (3, variants(first)[:4])):
        for form in forms:
            changed = pattern.sub(form, sentence)
            row[kind] += 1
            for k, on in ((1, False), (2, True)):
                check_first_names.SIMILAR_FIRST_NAMES_BEYOND = on
                found = name_differences(sentence, changed, left_lang=lang, right_lang=lang)
                raised = first in found.get("left_only", []) or form in found.get(
                    "right_only", [])
                row[kind + k] += raised if kind == 0 else bool(found)
    check_first_names.SIMILAR_FIRST_NAMES_BEYOND = kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=120, help="candidate words a language")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# First names one consonant apart beyond German (machine load {load[0]:.1f})\n")
    print("| language | swaps | flagged off | flagged on | non-changes | raised off | raised on |")
    print("|---|---|---|---|---|---|---|")
    for lang, row in run(args.shared, args.limit).items():
        print(f"| {lang} | " + " | ".join(str(n) for n in row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
