"""Build ``workbench/core/data/german_nouns.txt.gz`` from the ``german-nouns`` data.

    pip download --no-deps german-nouns==1.2.5 -d /tmp/gn      # the wheel only
    python benchmarks/make_german_nouns.py /tmp/gn/german_nouns-1.2.5-py3-none-any.whl

Why a generated file and not the package: ``german-nouns`` depends on
``wiktionary-de-parser < 0.10``, which pins lxml < 5, while the project needs
lxml >= 5.2 (and translate-toolkit lxml >= 6.1), so the package cannot be
installed beside the project. Its data file is all the flag checks need.

Source and licence: ``nouns.csv`` of german-nouns 1.2.5 (Jan Schäfer), compiled
from German Wiktionary (de.wiktionary.org), licensed CC BY-SA 4.0; the generated
list is an adaptation under the same licence (``workbench/core/data/README.md``).

What is written (UTF-8 lines, gzip without a timestamp so a rebuild is identical):
every inflected form of a common noun that is never a name (a toponym, first,
family or other proper name), leaving out closed compounds that
``german_lexicon.is_common_noun`` already finds by their last part (so the file
is about a quarter of the forms); then a line ``## names`` and every form of a
name, which stops the compound reading ("Hamburg" is no "Ham|burg").
Beside it, ``german_ambiguous.txt.gz``: each form that is both a common noun and
a name ("Geduld" a family name, "Sieg" a river) with the letters of its name
readings, then a line ``## first names`` and every first-name form
(``core/german_ambiguous.py`` reads them).
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.german_ambiguous import FIRST_NAMES_MARK  # noqa: E402
from workbench.core.german_lexicon import NAMES_MARK, by_tail  # noqa: E402

OUT = ROOT / "workbench" / "core" / "data" / "german_nouns.txt.gz"
#: The forms both a common noun and a name ("Geduld", "Sieg", "Baden"), then the first names.
AMBIGUOUS_OUT = ROOT / "workbench" / "core" / "data" / "german_ambiguous.txt.gz"
#: Parts of speech of a name in the data's ``pos`` column.
PROPER = ("Toponym", "Eigenname", "Vorname", "Nachname")


def read_rows(source: Path) -> list[list[str]]:
    """The rows of ``nouns.csv`` from the wheel (or the csv file itself)."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            text = wheel.read("german_nouns/nouns.csv").decode("utf-8")
    else:
        text = source.read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def forms(rows: list[list[str]]) -> tuple[set[str], set[str]]:
    """(forms of common nouns that are never a name's, forms of names); one-word capitalised."""
    header, body = rows[0], rows[1:]
    first = header.index("nominativ singular")
    common: set[str] = set()
    proper: set[str] = set()
    for row in body:
        found = {w for w in (row[0], *row[first:]) if w}
        (proper if any(p in row[1] for p in PROPER) else common).update(found)

    def word(w: str) -> bool:
        return len(w) >= 2 and " " not in w and w[0].isupper()

    return {w for w in common - proper if word(w)}, {w for w in proper if word(w)}


def reduce(common: set[str], proper: set[str]) -> list[str]:
    """``common`` less the closed compounds the lookup finds by a shorter tail anyway."""
    keep = {w for w in common if "-" in w or by_tail(w, common, proper) is not True}
    while True:  # a dropped tail may have been another word's only match: keep that one
        missing = {w for w in common - keep if by_tail(w, keep, proper) is not True}
        if not missing:
            return sorted(keep)
        keep |= missing


def ambiguous(rows: list[list[str]]) -> tuple[list[str], list[str]]:
    """(``form<TAB>kinds`` of every form that is a common noun and a name, first-name forms).

    ``kinds`` are the letters of the name readings (``german_ambiguous.KINDS``: T a place,
    N a family name, V a first name, E another proper name), sorted.
    """
    header, body = rows[0], rows[1:]
    first = header.index("nominativ singular")
    letters = {"Toponym": "T", "Nachname": "N", "Vorname": "V", "Eigenname": "E"}
    common: set[str] = set()
    kinds: dict[str, set[str]] = {}
    for row in body:
        found = {w for w in (row[0], *row[first:])
                 if w and len(w) >= 2 and " " not in w and w[0].isupper()}  # fmt: skip
        named = {letters[p] for p in PROPER if p in row[1]}
        if not named:
            common |= found
        for w in found if named else ():
            kinds.setdefault(w, set()).update(named)
    both = [f"{w}\t{''.join(sorted(kinds[w]))}" for w in sorted(common & kinds.keys())]
    return both, sorted(w for w, k in kinds.items() if "V" in k)


def write_gz(path: Path, lines: list[str]) -> None:
    """UTF-8 lines, gzip without a timestamp (a rebuild is byte-identical)."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    rows = read_rows(Path(sys.argv[1]))
    common, proper = forms(rows)
    lines = [*reduce(common, proper), NAMES_MARK, *sorted(proper)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write_gz(OUT, lines)
    print(f"{OUT}: {len(lines) - len(proper) - 1} common forms, {len(proper)} name forms")
    both, firsts = ambiguous(rows)
    write_gz(AMBIGUOUS_OUT, [*both, FIRST_NAMES_MARK, *firsts])
    print(f"{AMBIGUOUS_OUT}: {len(both)} forms both noun and name, {len(firsts)} first names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
