"""The engine through the real install + SentencePiece + CTranslate2 path, exact outputs."""

from __future__ import annotations

import pytest

from workbench.adapters.mt import STATS, EngineOptions, find_route, get_model
from workbench.config import Settings
from workbench.errors import LanguagePairError
from workbench.services.translate import mt_model_label, translate_scored, translate_texts
from workbench.testing import corpus


def test_dictionary_model_exact_sentences(mt_settings: Settings) -> None:
    texts = [
        "The mayor opened the new bridge today.",
        "The town council approved the budget for two schools yesterday.",
        "Police reported the flood after the storm, and there was water on the road!",
    ]
    assert translate_texts(mt_settings, texts, "en", "de") == [
        "Die Bürgermeister eröffnete die neue Brücke heute.",
        "Die Stadt Rat billigte die Haushalt für zwei schools gestern.",
        "Police meldete die Hochwasser nach die Sturm, und there war Wasser on die Straße!",
    ]


def test_dictionary_model_matches_word_reference(mt_settings: Settings) -> None:
    texts = corpus.sentences("en", 150, seed=3)
    expected = [corpus.dictionary_reference(t) for t in texts]
    assert translate_texts(mt_settings, texts, "en", "de") == expected
    assert sum(a != b for a, b in zip(texts, expected, strict=True)) > 100  # real work


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Ночью, 24 февраля, «Ура»: ёлка, Ёж — 3,14%."),
        ("uk", "Їжак, ґанок, Євген; пʼять — «так»? Київ (17%)…"),
        ("de", "Straßenbahn, Größe: 10.000 € (ca. 7 %)!  Doppelt  gesetzt."),
        ("fr", "Évidemment, l'été à Genève coûte 12,50 € — « très cher » …"),
    ],
)
def test_copy_models_roundtrip(mt_settings: Settings, lang: str, text: str) -> None:
    assert translate_texts(mt_settings, [text], lang, "en") == [text]
    assert translate_texts(mt_settings, [text], "en", lang) == [text]


def test_order_preserved_across_many_small_batches(mt_settings: Settings) -> None:
    settings = mt_settings.with_(mt_max_batch_tokens=64)
    base = corpus.sentences("ru", 40)
    texts = [" ".join(base[: 1 + (i * 7) % 9]) for i in range(60)]  # mixed lengths
    texts[5] = "Я."
    before = STATS.batches
    assert translate_texts(settings, texts, "ru", "en") == texts
    assert STATS.batches - before > 5


def test_long_input_is_chunked_losslessly(mt_settings: Settings) -> None:
    text = " ".join(corpus.sentences("uk", 80))
    route = find_route(mt_settings.models_dir, "uk", "en")  # type: ignore[arg-type]
    model = get_model(route[0], EngineOptions.from_settings(mt_settings))
    assert len(model.tokenizer.encode(text)) > 600
    assert translate_texts(mt_settings, [text], "uk", "en") == [text]


def test_pivot_through_english(mt_settings: Settings) -> None:
    # ru->en is a copy model, en->de the dictionary: English text labelled ru shows both hops ran
    out = translate_texts(mt_settings, ["The mayor closed the old school."], "ru", "de")
    assert out == ["Die Bürgermeister schloss die alte Schule."]
    assert mt_model_label(mt_settings, "ru", "de") == "argos:ru_en@1.0+argos:en_de@1.0"
    assert mt_model_label(mt_settings, "en", "de") == "argos:en_de@1.0"


def test_scores_and_whitespace_and_blanks(mt_settings: Settings) -> None:
    results = translate_scored(mt_settings, ["  The storm.\n", "", "   ", "water"], "en", "de")
    assert [r.text for r in results] == ["  Die Sturm.\n", "", "   ", "Wasser"]
    assert all(isinstance(r.score, float) and r.score <= 0.01 for r in results)


def test_target_prefix_forces_start(mt_settings: Settings) -> None:
    route = find_route(mt_settings.models_dir, "en", "de")  # type: ignore[arg-type]
    model = get_model(route[0], EngineOptions.from_settings(mt_settings))
    # the lexical model ignores its history: the forced first piece replaces "Die"
    results = model.translate(["The mayor opened the bridge.", "The storm."], ["Wasser", None])
    assert [r.text for r in results] == [
        "Wasser Bürgermeister eröffnete die Brücke.",
        "Die Sturm.",
    ]


def test_same_language_returns_input(mt_settings: Settings) -> None:
    before = STATS.segments
    assert translate_texts(mt_settings, ["x", "The"], "de", "de") == ["x", "The"]
    assert STATS.segments == before


def test_translator_is_cached_per_model(mt_settings: Settings) -> None:
    route = find_route(mt_settings.models_dir, "en", "de")  # type: ignore[arg-type]
    options = EngineOptions.from_settings(mt_settings)
    assert get_model(route[0], options) is get_model(route[0], options)


def test_unknown_code_and_missing_pair(mt_settings: Settings) -> None:
    with pytest.raises(LanguagePairError, match="unknown language code"):
        translate_texts(mt_settings, ["x"], "english!", "de")
    with pytest.raises(LanguagePairError) as info:
        translate_texts(mt_settings, ["x"], "pl", "de")
    message = info.value.message
    assert "pl → de" in message and "pl → en" in message
    assert "workbench models install PATH.argosmodel" in message


def test_cache_second_call_does_no_model_work(mt_settings: Settings) -> None:
    texts = ["The weather.", "The market.", "The weather.", "The market.", "Two workers."]
    before = STATS.segments
    first = translate_texts(mt_settings, texts, "en", "de")
    assert STATS.segments - before == 3  # repeated texts translated once
    middle = STATS.segments
    assert translate_texts(mt_settings, texts, "en", "de") == first
    assert STATS.segments == middle
    # the pivot's hops are cached too
    translate_texts(mt_settings, texts, "ru", "de")
    after_pivot = STATS.segments
    translate_texts(mt_settings, texts, "ru", "de")
    assert STATS.segments == after_pivot


def test_short_first_cap_is_redecoded_to_argos_output(mt_settings: Settings) -> None:
    from workbench.adapters.mt.engine import EngineOptions as Options

    texts = corpus.sentences("en", 12, seed=21)
    route = find_route(mt_settings.models_dir, "en", "de")  # type: ignore[arg-type]
    full = [r.text for r in get_model(route[0], Options()).translate(texts)]
    before = STATS.redecoded
    tight = get_model(route[0], Options(decoding_slack=0.3, decoding_extra=1)).translate(texts)
    assert [r.text for r in tight] == full and not any(r.truncated for r in tight)
    assert STATS.redecoded - before == len(texts)


def test_outputs_cut_by_argos_cap_are_reported(
    mt_settings: Settings, add_version, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from workbench.adapters.mt import engine
    from workbench.services.translate import translate_versions

    monkeypatch.setattr(engine, "ARGOS_MAX_DECODING", 6)
    long, short = "The mayor opened the new bridge over the river today.", "Water."
    vid = add_version([(long, "en"), (short, "en")])
    report = translate_versions(mt_settings, "de", [vid])
    assert report.truncated == 1 and report.translated == 2
