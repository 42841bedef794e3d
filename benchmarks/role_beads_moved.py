"""Beads of a weights file against the shipped one, only on the pairs whose roles move.

    .venv/bin/python benchmarks/role_beads_moved.py FILE

Why (round 33): ``align_pairs.py --roles tool`` ingests every page of every dev and check
batch (twice for a comparison), yet a pair whose two pages keep every product-path role under
both files is ingested, aligned and scored identically.  As ``role_flags_moved.py`` does for
flags, this finds the pages whose roles differ (``page_gold.predict`` under each file: the
plain-text ingest path, every gold page is a ``.txt``), ingests only the gold pairs with such a
page, once under the shipped file and once under ``FILE``, and prints ``align_pairs.report``'s
pooled tool-role beads of both (dev and check pooled apart; check pairs never one by one).
The difference of the two tables is the whole bead difference of the two files.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import align_pairs as ap  # noqa: E402
import role_weights as rw  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.testing import page_gold  # noqa: E402


def moved_pages(roots: list[Path], models: tuple) -> set[tuple[str, str]]:
    """(batch folder, index page name) of every page whose roles differ between the models."""
    out = set()
    for root in roots:
        if not (root / "gold-spans" / "index.json").exists():
            continue
        for page in page_gold.load_pages(root):
            read = []
            for model in models:
                rm.shipped_model = lambda model=model: model
                read.append(page_gold.predict(page))
            if read[0] != read[1]:
                out.add((root.name, page.name))
    return out


def collect(roots: list[Path], keep: Callable[[Path, str, str], bool]) -> list[ap.PairCase]:
    """``align_pairs.collect`` restricted to the pairs ``keep(root, left page, right page)``."""
    from workbench.config import Settings
    from workbench.errors import LanguagePairError
    from workbench.services.models import install_demo_models
    from workbench.services.translate_texts import translate_texts

    ev = ap.load_eval()
    cases: list[ap.PairCase] = []
    with tempfile.TemporaryDirectory(prefix="beads-moved-") as tmp:
        home = Path(tmp)
        settings = Settings(home=home, database_url=f"sqlite:///{home}/wb.db",
                            models_dir=home / "models")  # fmt: skip
        install_demo_models(settings)
        for root in roots:
            folder = root / "gold-spans"
            if not (folder / "index.json").exists():
                continue
            index = json.loads((folder / "index.json").read_text("utf-8"))
            set_name = "stories" if root.name == "stories-dev" else root.name
            kinds_file = root / "kinds.json"
            kinds = json.loads(kinds_file.read_text("utf-8")) if kinds_file.exists() else {}
            sides: dict[str, ap.Side] = {}
            for pair in index["pairs"]:
                gold = json.loads((folder / f"align-{pair}.json").read_text("utf-8"))
                names = [ap._page(index, k) for k in (gold["left"], gold["right"])]
                if not keep(root, *names):
                    continue
                for key, page in zip((gold["left"], gold["right"]), names, strict=True):
                    if key not in sides:
                        sides[key] = ap._side(settings, ev, folder, root / "pages", page)
                left, right = sides[gold["left"]], sides[gold["right"]]
                body = tuple(
                    {k for k, s in enumerate(json.loads((folder / f"{name}.json")
                                                        .read_text("utf-8"))["spans"])
                     if s["role"] == "body"}
                    for name in names
                )  # fmt: skip
                case = ap.PairCase(set_name, pair, left, right, gold, body)  # type: ignore[arg-type]
                if pair in kinds:
                    case.kind = ap._written_kind(kinds[pair])
                langs = ap._lang(left.langs), ap._lang(right.langs)
                if langs[0] and langs[1] and langs[0] != langs[1]:
                    try:
                        case.mt = ap._translate(settings, translate_texts, left, langs[1])
                    except LanguagePairError:
                        case.mt = None
                cases.append(case)
    return cases


def main() -> int:
    shipped, alt = rm.shipped_model(), rw.load_model(Path(sys.argv[1]))
    roots = ap.STORY_ROOTS + ap.CHECK_ROOTS
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared)", flush=True)
    moved = moved_pages(roots, (shipped, alt))
    dev = sum(1 for r, _ in moved if r not in ap.CHECK_SETS)
    print(f"pages whose roles move: {dev} dev, {len(moved) - dev} check", flush=True)

    def keep(root: Path, left: str, right: str) -> bool:
        return (root.name, left) in moved or (root.name, right) in moved

    for label, model in (("shipped", shipped), (sys.argv[1], alt)):
        rm.shipped_model = lambda model=model: model
        cases = collect(roots, keep)
        print(f"\n## {label}: {len(cases)} pairs with a moved page "
              f"(load {os.getloadavg()[0]:.1f})\n", flush=True)
        ap.report(cases, "tool")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
