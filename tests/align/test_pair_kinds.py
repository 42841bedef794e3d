"""The benchmarks read a story pair's kind from its writer's one-line description.

``benchmarks/align_pairs.py`` (dev and check figures by kind) and
``benchmarks/heldout_pool.py`` (the lead's held-out figures by kind) both read
``kinds.json``.  "same-language rewrite ... quote paraphrased" (batches 34 and
40) was filed as a cross-language paraphrase because of the word "paraphrased";
a description that says the pair is one language never names a cross-language kind.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTIONS = sorted(
    (path.parent.name, pair, text)
    for pattern in ("tests/data/story-pairs/batch*/kinds.json",
                    "tests/data/held-out/*/batch*/kinds.json")  # fmt: skip
    for path in ROOT.glob(pattern)
    for pair, text in json.loads(path.read_text("utf-8")).items()
)


@pytest.fixture(scope="module")
def readers() -> tuple[ModuleType, ModuleType]:
    return benchmark_module("align_pairs"), benchmark_module("heldout_pool")


def test_a_one_language_rewrite_that_paraphrases_a_quote_is_a_rewrite(readers) -> None:
    pairs, pool = readers
    for batch, pair in (("batch34", "hs_lausitz_nord_de__nabu_brandenburg_de"),
                        ("batch40", "bnn_dpa_de__swr_de")):  # fmt: skip
        text = next(t for b, p, t in DESCRIPTIONS if (b, p) == (batch, pair))
        assert "paraphrased" in text
        assert pairs._written_kind(text) == "rewrite"
        assert pool.kind_of(text) == "rewrite"


def test_no_one_language_description_is_a_cross_language_kind(readers) -> None:
    pairs, pool = readers
    said = [t for _b, _p, t in DESCRIPTIONS if pairs.one_language(t.lower())]
    assert len(said) >= 10  # every batch writer describes their copies and rewrites so
    for text in said:
        assert pairs._written_kind(text) in ("rewrite", "copy"), text
        assert pool.kind_of(text) in ("rewrite", "copy"), text


def test_both_readers_agree_on_which_pairs_cross_languages(readers) -> None:
    """Cross-language or not: the two readers agree on every description.  (Copy against
    rewrite they read differently for two verbatim copies whose chrome mentions an "edit",
    batches 13 and 18; that split is left as it is.)"""
    pairs, pool = readers
    assert len(DESCRIPTIONS) >= 100
    for _batch, _pair, text in DESCRIPTIONS:
        crossed = pairs._written_kind(text) in ("paraphrase", "translation")
        assert crossed == pool.kind_of(text).startswith("x-"), text


def test_a_language_code_pair_says_one_language(readers) -> None:
    """"de-de local-paper rewrite ... witness detail paraphrased" (batch 50) is a rewrite;
    "de-fr paraphrase" still crosses languages."""
    pairs, pool = readers
    rewrite = "de-de local-paper rewrite of dpa: witness detail paraphrased, changed numbers"
    assert pairs.one_language(rewrite)
    assert pairs._written_kind(rewrite) == "rewrite"
    assert pool.kind_of(rewrite) == "rewrite"
    for crossed in ("de-fr cross-agency paraphrase", "uk-en loose paraphrase on a portal"):
        assert not pairs.one_language(crossed)
        assert pool.kind_of(crossed) == "x-paraphrase"


def test_a_cross_language_summary_is_a_cross_language_paraphrase(readers) -> None:
    """Round 16: a writer called a de->en digest a "cross-language summary (de regional
    rewrite -> en digest)"; it named neither translation nor paraphrase and was read as a
    same-language rewrite."""
    pairs, pool = readers
    text = "cross-language summary (de regional rewrite -> en digest): sentences merged"
    assert pairs._written_kind(text) == "paraphrase"
    assert pool.kind_of(text) == "x-paraphrase"
    translated = "cross-language translation by the same outlet (uk -> ru), one-to-one"
    assert pairs._written_kind(translated) == "translation"
    assert pool.kind_of(translated) == "x-translation"
