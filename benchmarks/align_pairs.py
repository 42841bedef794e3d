"""Real-story pairs as the product aligns them: page segments, stand-in MT, per-pair beads.

    .venv/bin/python benchmarks/align_pairs.py [--roles tool|gold|both] [--story-only]

Why: ``align_devsets`` aligns the gold *body spans* of each pair directly, which
isolates the aligner but is not what ``stories-dev/eval.py`` measures: there the
pages are segmented and labelled by the tool, headlines join the comparison,
and a cross-language pair is compared through the MT of the installed models
(the held-out runs use the generated stand-in models of ``workbench demo``,
which copy most languages unchanged).  This benchmark ingests every page of
every story-pair batch (``../shared/data/stories-dev`` and
``tests/data/story-pairs/batch*``) in a temporary home with the stand-in models,
then aligns each pair exactly as ``services.compare`` does (roles headline and
body, ``align_groups``, role breaks, the left side's MT into the right
language) and scores the beads with ``eval.py``'s own span mapping.

``--roles gold`` replaces each segment's role with the gold role of the span
holding most of its characters: the aligner's own figure, free of page-role
errors; ``tool`` keeps the tool's roles (what ``eval.py`` reports).  Needs
``../shared/data/stories-dev/eval.py`` (the scorer); without it nothing runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_devsets import CHECK_SETS  # noqa: E402

from workbench.core.align_inner import compared_lines  # noqa: E402
from workbench.core.align_partners import compare_partners  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "data" / "stories-dev" / "eval.py"
# the check batches (align_devsets.CHECK_SETS) are not in STORY_ROOTS, which align_cv.py's
# end-to-end sets read: they are scored apart, pooled only
_BATCHES = sorted((ROOT / "tests" / "data" / "story-pairs").glob("batch*"))
STORY_ROOTS = [SHARED / "data" / "stories-dev"] + [b for b in _BATCHES if b.name not in CHECK_SETS]
CHECK_ROOTS = [b for b in _BATCHES if b.name in CHECK_SETS]
STORY = ("headline", "body")

# Each dev pair's kind, from the fixture writers' descriptions (kinds.json / README of each
# batch): the figures differ by kind far more than by batch, so they are reported by kind.
_KINDS = {
    "copy": (
        "eastwestwingchun_france24-afp-copy_en__tag24_afp_en",
        "yahoo_afp_en__digitaljournal_afp_en",
        "in_gr_el__protothema_el", "faz_dpa_de__msn_dpa_de",
        "investing_reuters_en__marketscreener_reuters_en", "sueddeutsche_dpa_de__gmx_dpa_de",
        "lepoint_afp_fr__20minutes_afp_fr", "ctvnews_reuters_en__swissinfo_reuters_en",
        "theprint_reuters_en__premiumtimesng_reuters_en",
    ),
    "translation": (
        "ostro_org_uk__ostro_org_ru", "lefigaro_afp_fr__yahoo_afp_en", "columbian_ap_en__dw_de",
        "ukrinform_uk__ukrinform_en", "rbc_ua_uk__rbc_ua_ru", "euronews_en__euronews_el",
        "pravda_com_ua_uk__pravda_com_ua_en", "eurointegration_uk__pravda_ua_en",
        "swissinfo_sda_de__swissinfo_ru", "ctvnews_reuters_en__kursiv_kz_ru",
        "watson_ch_sda_de__rts_ats_fr", "lessentiel_fr__lessentiel_de",
        "bessarabiainform_uk__bessarabiainform_ru",
    ),
}  # fmt: skip


#: "de-de", "fr–fr", "en->en": one language code on both sides of a pair
SAME_CODES = re.compile(r"\b([a-z]{2})\s*(?:->|→|-|–|/)\s*\1\b")


def _written_kind(text: str) -> str:
    """A writer's description (``kinds.json``) as a kind, the lead's ``pool.py`` reading.

    "same-language rewrite ... quote paraphrased" (batches 34 and 40) is a rewrite:
    a description that says the pair is one language never names a cross-language kind.
    """
    text = text.lower()
    cross = "cross-language" in text or "cross language" in text
    said = "paraphrase" in text or (cross and "translat" not in text)  # a cross-language summary
    if said and not one_language(text):
        return "paraphrase"
    if "translation" in text:
        return "translation"
    if "verbatim" in text and "rewrite" not in text and "edited" not in text:
        return "copy"
    return "rewrite"


def one_language(description: str) -> bool:
    """Whether a writer's description says the pair's two pages are in one language.

    Writers say it in words ("same-language") or as a code pair ("de-de local-paper
    rewrite ... witness detail paraphrased", batch 50).
    """
    return ("same-language" in description or "same language" in description
            or SAME_CODES.search(description) is not None)  # fmt: skip


def pair_kind(case: PairCase) -> str:
    """copy, rewrite (same language), translation or paraphrase (across languages)."""
    same = _lang(case.left.langs) == _lang(case.right.langs)
    if case.kind:  # a pickle from before the fix above may hold a one-language "paraphrase"
        return "rewrite" if same and case.kind == "paraphrase" and not case.mt else case.kind
    for kind, names in _KINDS.items():
        if case.name in names:
            return kind
    return "rewrite" if same else "paraphrase"


def split_of(set_name: str) -> str:
    """``dev`` (stories-dev, batches 3-18), ``dev19-21`` (new this round) or ``check`` (20, 22)."""
    if set_name in CHECK_SETS:
        return "check"
    return "dev19-21" if set_name in ("batch19", "batch21") else "dev"


@dataclass
class Side:
    """One page's segments: texts, tool roles, gold roles, languages, gold spans per segment."""

    texts: list[str]
    roles: list[str]
    gold_roles: list[str]
    langs: list[str | None]
    spans: list[frozenset[int]]


@dataclass
class PairCase:
    """One gold pair: both sides, the gold beads and the gold body spans."""

    set_name: str
    name: str
    left: Side
    right: Side
    gold: dict[str, Any]
    body: tuple[set[int], set[int]]
    mt: list[str] | None = None  # left texts in the right's language (all segments)
    kind: str = ""  # from the batch's kinds.json when it has one


def load_eval() -> Any:
    spec = importlib.util.spec_from_file_location("stories_eval", EVAL)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _side(settings: Any, ev: Any, folder: Path, pages_dir: Path, page: str) -> Side:
    from sqlmodel import select

    from workbench.services.ingest import ingest_bytes
    from workbench.store.db import get_engine, session_scope
    from workbench.store.models import Segment

    meta = json.loads((folder / f"{page}.json").read_text("utf-8"))
    data = (pages_dir / meta["file"]).read_bytes()
    result = ingest_bytes(settings, data, filename=Path(meta["file"]).name,
                          outlet=meta["outlet"], article=meta.get("article"),
                          url=meta.get("url"), captured_at=meta.get("captured_at"))  # fmt: skip
    with session_scope(get_engine(settings.database_url)) as session:
        query = select(Segment).where(Segment.version_id == result.version_id)
        segs = list(session.exec(query.order_by(Segment.position)))  # type: ignore[arg-type]
        rows = [{"text": s.text, "start": s.start, "end": s.end, "role": s.role, "lang": s.lang}
                for s in segs]  # fmt: skip
    text = ev.decode_page(data)
    placed, _, _ = ev.place_segments(text, rows)
    mapper = ev.SpanMapper(text, meta["spans"])
    gold_spans = meta["spans"]
    spans, gold_roles = [], []
    for st, en, _seg in placed:
        hit = mapper(st, en)
        spans.append(hit)
        weight = Counter({gold_spans[g]["role"]: mapper.ns(max(st, gold_spans[g]["start"]),
                                                            min(en, gold_spans[g]["end"]))
                          for g in hit})  # fmt: skip
        gold_roles.append(weight.most_common(1)[0][0] if weight else "other")
    kept = [seg for _, _, seg in placed]
    return Side([s["text"] for s in kept], [s["role"] for s in kept], gold_roles,
                [s["lang"] for s in kept], spans)  # fmt: skip


def collect(roots: list[Path] | None = None) -> list[PairCase]:
    """Ingest every page of the batches and build the pair cases (a temporary home)."""
    from workbench.config import Settings
    from workbench.errors import LanguagePairError
    from workbench.services.models import install_demo_models
    from workbench.services.translate_texts import translate_texts

    ev = load_eval()
    cases: list[PairCase] = []
    with tempfile.TemporaryDirectory(prefix="align-pairs-") as tmp:
        home = Path(tmp)
        settings = Settings(home=home, database_url=f"sqlite:///{home}/wb.db",
                            models_dir=home / "models")  # fmt: skip
        install_demo_models(settings)
        for root in roots or STORY_ROOTS:
            folder = root / "gold-spans"
            if not (folder / "index.json").exists():
                continue
            index = json.loads((folder / "index.json").read_text("utf-8"))
            set_name = "stories" if root.name == "stories-dev" else root.name
            sides: dict[str, Side] = {}
            kinds_file = root / "kinds.json"
            kinds = json.loads(kinds_file.read_text("utf-8")) if kinds_file.exists() else {}
            for pair in index["pairs"]:
                gold = json.loads((folder / f"align-{pair}.json").read_text("utf-8"))
                for key in (gold["left"], gold["right"]):
                    if key not in sides:
                        page = next(p for p in index["pages"] if p == key or p.endswith("__" + key))
                        sides[key] = _side(settings, ev, folder, root / "pages", page)
                left, right = sides[gold["left"]], sides[gold["right"]]
                body = tuple(
                    {k for k, s in enumerate(json.loads((folder / f"{_page(index, key)}.json")
                                                        .read_text("utf-8"))["spans"])
                     if s["role"] == "body"}
                    for key in (gold["left"], gold["right"])
                )  # fmt: skip
                case = PairCase(set_name, pair, left, right, gold, body)  # type: ignore[arg-type]
                if pair in kinds:
                    case.kind = _written_kind(kinds[pair])
                langs = _lang(left.langs), _lang(right.langs)
                if langs[0] and langs[1] and langs[0] != langs[1]:
                    try:
                        case.mt = _translate(settings, translate_texts, left, langs[1])
                    except LanguagePairError:
                        case.mt = None
                cases.append(case)
    return cases


def _page(index: dict[str, Any], key: str) -> str:
    return next(p for p in index["pages"] if p == key or p.endswith("__" + key))


def _lang(langs: list[str | None]) -> str | None:
    counts = Counter(x for x in langs if x)
    return counts.most_common(1)[0][0] if counts else None


def _translate(settings: Any, translate: Callable[..., list[str]], side: Side, target: str
               ) -> list[str]:  # fmt: skip
    out = list(side.texts)
    by_lang: dict[str, list[int]] = {}
    for k, lang in enumerate(side.langs):
        if lang and lang != target:
            by_lang.setdefault(lang, []).append(k)
    for lang, ks in by_lang.items():
        for k, text in zip(ks, translate(settings, [side.texts[k] for k in ks], lang, target),
                           strict=True):  # fmt: skip
            out[k] = text
    return out


def align_case(case: PairCase, roles: str, **options: Any) -> list[tuple[frozenset, frozenset]]:
    """The pair aligned as ``services.compare`` does; beads as gold-span sets."""
    return case_beads(case, roles, **options)[1]


def case_beads(case: PairCase, roles: str, **options: Any) -> tuple[list[Any], list[tuple]]:
    """The aligner's beads for the pair and the same beads as (left, right) gold-span sets."""
    left, right = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    return labelled_beads(case, left, right, **options)


def compared(case: PairCase, lroles: list[str], rroles: list[str], memo: dict | None = None,
             **options: Any) -> Any:  # fmt: skip
    """The pair's compared lines and beads (``core.align_partners.Compared``): the story
    roles, the inner lines both pages share and the edge lines the aligner links to the other
    page's story, as ``services.compare`` selects and aligns them (``memo``: alignments by
    lines and roles, for several settings of one pair)."""
    from workbench.core.align_groups import align_groups, breaks_of, groups_of

    def run(li: Sequence[int], ri: Sequence[int], lr: Sequence[str], rr: Sequence[str]) -> list:
        key = (tuple(li), tuple(ri), tuple(lr), tuple(rr))
        if memo is not None and key in memo:
            return memo[key]
        mt = [case.mt[k] for k in li] if case.mt is not None else None
        beads = align_groups([case.left.texts[k] for k in li], [case.right.texts[k] for k in ri],
                             groups_of(lr), groups_of(rr), left_mt=mt, left_breaks=breaks_of(lr),
                             right_breaks=breaks_of(rr), **options)  # fmt: skip
        if memo is not None:
            memo[key] = beads
        return beads

    keep = compared_lines(case.left.texts, lroles, case.right.texts, rroles)
    return compare_partners(keep, (lroles, rroles), run, (case.left.texts, case.right.texts))


def labelled_beads(case: PairCase, lroles: list[str], rroles: list[str], **options: Any
                   ) -> tuple[list[Any], list[tuple]]:  # fmt: skip
    """``case_beads`` with the given role of each segment (``align_pairs_robust``: perturbed)."""
    done = compared(case, lroles, rroles, **options)
    return done.beads, span_beads(case, done)


def span_beads(case: PairCase, done: Any) -> list[tuple[frozenset, frozenset]]:
    """The compared pair's beads as (left, right) gold-span sets, as the rows show them."""
    from workbench.core.align_moves import move_links

    out = []
    for bead in move_links(done.beads):  # as the rows show them: a move's landing is its link
        left = frozenset().union(*(case.left.spans[done.left[k]] for k in bead.left))
        right = frozenset().union(*(case.right.spans[done.right[k]] for k in bead.right))
        out.append((left, right))
    return out


def case_gale_church(case: PairCase, roles: str) -> list[tuple[frozenset, frozenset]]:
    """The length-only baseline (Gale-Church 1993) on the same sentences, as gold-span sets."""
    from workbench.core.align_gc import gale_church

    li, ri = (_story(side, roles) for side in (case.left, case.right))
    beads = gale_church([case.left.texts[k] for k in li], [case.right.texts[k] for k in ri])
    lsp, rsp = case.left.spans, case.right.spans
    return [
        (frozenset().union(*(lsp[li[k]] for k in a)), frozenset().union(*(rsp[ri[k]] for k in b)))
        for a, b in beads
    ]


def _story(side: Side, roles: str) -> list[int]:
    labels = side.gold_roles if roles == "gold" else side.roles
    return [k for k, r in enumerate(labels) if r in STORY]


def score_case(ev: Any, case: PairCase, roles: str, **options: Any) -> dict[str, int]:
    return ev.score_pair(case.gold, case.body[0], case.body[1], align_case(case, roles, **options))


def report(cases: list[PairCase], roles: str, **options: Any) -> dict[str, Counter]:
    """Print one line per pair, pooled beadP/beadR per set, per kind and per split.

    Pairs of ``CHECK_SETS`` are only pooled (by set, by split and by kind within the
    split): looking at them pair by pair would make them dev data.
    """
    ev = load_eval()
    per_set: dict[str, Counter] = {}
    for case in cases:
        c = score_case(ev, case, roles, **options)
        split, kind = split_of(case.set_name), pair_kind(case)
        keys = [split, f"{split}:{kind}", "ALL"]
        if split != "check":  # a check batch alone is not printed: check sets are pooled only
            keys += [case.set_name, kind]
        for key in keys:
            per_set.setdefault(key, Counter()).update(c)
        if split == "check":
            continue
        m = ev.pair_metrics(c)
        print(f"  {roles:4} {case.set_name:8} {pair_kind(case)[:5]:5} {case.name[:46]:46}"
              f" {'mt' if case.mt else '  '}"
              f" beadP {ev.fmt(m['beadP'], 2):>4} beadR {ev.fmt(m['beadR'], 2):>4}"
              f"  ({c['bead_correct']}/{c['judged']}, {c['bead_found_sure']}/{c['gold_sure']})")
    for name, c in sorted(per_set.items(), key=lambda kv: (":" in kv[0], kv[0])):
        m = ev.pair_metrics(c)
        print(f"{roles} roles, {name:22} pooled beadP {ev.fmt(m['beadP'], 3)} "
              f"beadR {ev.fmt(m['beadR'], 3)}  ({c['bead_correct']}/{c['judged']}, "
              f"{c['bead_found_sure']}/{c['gold_sure']})")
    return per_set


class _Unpickler(pickle.Unpickler):
    """Our own pickle, read from any script: classes saved under ``__main__`` are this module's."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "__main__" and name in ("PairCase", "Side"):
            return globals()[name]
        return super().find_class(module, name)


def cached_cases(cache: Path | None) -> list[PairCase]:
    """``collect()``, or its pickle from an earlier run (ingesting every page takes minutes)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            return _Unpickler(handle).load()
    cases = collect(STORY_ROOTS + CHECK_ROOTS)
    if cache is not None:
        cache.write_bytes(pickle.dumps(cases))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roles", choices=("tool", "gold", "both"), default="both")
    parser.add_argument("--cache", type=Path, help="pickle of the ingested pairs: reused if "
                        "present (valid while segmentation, roles and stand-in MT are unchanged)")
    parser.add_argument("--story-only", action="store_true", help="compare the story roles "
                        "alone, without round 23's shared inner lines (the before run)")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"no scorer at {EVAL}: nothing to do")
        return
    if args.story_only:
        from workbench.core import align_inner, align_partners

        align_inner.SHARED_LINES = False
        align_partners.PARTNER_LINES = False
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared)")
    cases = cached_cases(args.cache)
    for roles in (("tool", "gold") if args.roles == "both" else (args.roles,)):
        report(cases, roles)


if __name__ == "__main__":
    sys.exit(main())
