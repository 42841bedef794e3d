"""Properties of the MT adapter's pure parts and of its batching (hypothesis).

What is promised: ``plan_batches`` puts every input in exactly one batch,
longest first, within the token budget (an over-long input alone);
``_version_key`` orders any version text without raising (package metadata
and the Argos index are outside input); and a batch of texts is translated
exactly as each text alone, whatever the texts hold (any script, RTL,
combining marks, control characters, very long words, long inputs that the
engine cuts into chunks).  The copy models of ``workbench.testing`` run the
real SentencePiece + CTranslate2 path.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench.adapters.mt import EngineOptions, base, find_route, get_model, install_package
from workbench.adapters.mt.base import MTResult
from workbench.adapters.mt.engine import MAX_SOURCE_PIECES, LoadedModel, plan_batches
from workbench.adapters.mt.packages import MAX_VERSION, PackageInfo, _version_key, list_packages
from workbench.config import Settings
from workbench.services.translate import translate_texts
from workbench.services.translate_files import _translate_document
from workbench.services.translate_texts import _edges

# Text a stored segment may hold: no NUL, no lone surrogates (ingest refuses both).
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_SAMPLES = st.sampled_from(
    [
        "שלום עולם",  # Hebrew (RTL)
        "مرحبا بالعالم ١٢٣",  # Arabic (RTL) with Arabic-Indic digits
        "e\u0301e\u0300\u0308",  # combining marks
        "Київ «так» — 3,14%",
        "Straßenbahn-Größe",
        "\u200f\u200e\u202e",  # direction marks
        "\x01\x1b\x7f",  # control characters
        "a" * 300,  # one very long word
        "\u00a0\u2003",  # non-breaking and em spaces
    ]
)
_PIECE = st.one_of(st.text(_CHARS, max_size=30), _SAMPLES)
_TEXT = st.lists(_PIECE, min_size=1, max_size=4).map(" ".join)


@given(st.lists(st.integers(0, 600), max_size=40), st.integers(1, 2000))
def test_batches_cover_every_input_once_within_the_budget(lengths: list[int], budget: int) -> None:
    batches = plan_batches(lengths, budget)
    flat = [i for batch in batches for i in batch]
    assert sorted(flat) == list(range(len(lengths)))
    assert all(batches)
    for batch in batches:
        assert [lengths[i] for i in batch] == sorted((lengths[i] for i in batch), reverse=True)
        if len(batch) > 1:
            assert len(batch) * max(lengths[batch[0]], 1) <= budget
    assert [lengths[i] for i in flat] == sorted(lengths, reverse=True)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=50))
@example("1." + "9" * 5000)  # more digits than int() converts by default
@example("2.\u0661\u0660")  # Arabic-Indic digits
def test_version_key_orders_any_text(version: str) -> None:
    key = _version_key(version)
    assert isinstance(key, tuple) and key
    assert _version_key(version) == key


@given(st.lists(st.integers(0, 10**6), max_size=4), st.lists(st.integers(0, 10**6), max_size=4))
def test_version_key_orders_as_the_numbers(a: list[int], b: list[int]) -> None:
    key_a, key_b = (_version_key(".".join(map(str, v)) + "-x") for v in (a, b))
    assert (key_a < key_b) == ((a or [0]) < (b or [0]))
    assert (key_a == key_b) == ((a or [0]) == (b or [0]))


def test_a_package_with_a_huge_version_number_is_reported_not_a_crash(
    mt_settings: Settings,
) -> None:
    """A 5,000-digit version once crashed every lookup of its pair (``int`` of it) and, on
    PostgreSQL, the translation cache's 50-character ``model_version`` column: the folder is
    now listed as broken with the reason, and the pair keeps its usable package."""
    assert mt_settings.models_dir is not None
    folder = find_route(mt_settings.models_dir, "uk", "en")[0].path
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    copy = mt_settings.models_dir / "uk_en-copy"
    shutil.copytree(folder, copy)
    meta["package_version"] = "9" * 5000
    (copy / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    listed = {p.path: p for p in list_packages(mt_settings.models_dir)}
    assert listed[copy].broken and "package_version" in (listed[copy].problem or "")
    assert [p.path for p in find_route(mt_settings.models_dir, "uk", "en")] == [folder]
    assert translate_texts(mt_settings, ["Київ."], "uk", "en") == ["Київ."]


def test_the_longest_version_a_package_may_carry_is_chosen_and_stored(
    mt_settings: Settings,
) -> None:
    """A version of ``MAX_VERSION`` digits still wins by value and its rows fit the store."""
    assert mt_settings.models_dir is not None
    folder = find_route(mt_settings.models_dir, "uk", "en")[0].path
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    copy = mt_settings.models_dir / "uk_en-copy"
    shutil.copytree(folder, copy)
    meta["package_version"] = "9" * MAX_VERSION
    (copy / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    assert [p.path for p in find_route(mt_settings.models_dir, "uk", "en")] == [copy]
    assert translate_texts(mt_settings, ["Київ."], "uk", "en") == ["Київ."]


@pytest.fixture(scope="module")
def copy_model(
    argos_packages: dict[tuple[str, str], Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LoadedModel]:
    """The uk->en copy model, installed once for the module."""
    models = tmp_path_factory.mktemp("mt-properties") / "models"
    for path in argos_packages.values():
        install_package(models, path)
    settings_ = Settings(home=models.parent, models_dir=models, mt_threads=1)
    route = find_route(models, "uk", "en")
    yield get_model(route[0], EngineOptions.from_settings(settings_))


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT.map(str.strip).filter(bool), min_size=1, max_size=4))
@example(["\x01"])
@example(["a" * 2 * MAX_SOURCE_PIECES, "b"])
def test_a_batch_translates_as_each_text_alone(copy_model: LoadedModel, texts: list[str]) -> None:
    batched = copy_model.translate(texts)
    alone = [copy_model.translate([t])[0] for t in texts]
    assert [r.text for r in batched] == [r.text for r in alone]
    assert [r.truncated for r in batched] == [r.truncated for r in alone]
    assert all(isinstance(r.text, str) for r in batched)


class _Marker:
    """A toy engine that wraps each input in brackets and records what it was given."""

    def __init__(self, package: PackageInfo, options: Any) -> None:
        self.package = package

    engine = "marker"
    given: list[str] = []

    @property
    def model_id(self) -> str:
        return self.package.model_id

    @property
    def version(self) -> str:
        return self.package.version

    def translate(
        self, texts: Sequence[str], prefixes: Sequence[str | None] | None = None
    ) -> list[MTResult]:
        _Marker.given.extend(texts)
        return [MTResult(f"⟨{t}⟩", -0.5) for t in texts]


@pytest.fixture
def marker_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(base._ENGINES, "marker", _Marker)
    monkeypatch.setattr(PackageInfo, "engine", property(lambda p: "marker"))
    yield


def _marked(text: str, hops: int) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return lead + "⟨" * hops + core + "⟩" * hops + trail


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_TEXT, st.sampled_from(["", " ", "\n\t", "\u3000x\u3000"])), max_size=6))
def test_texts_keep_their_edges_and_the_engine_gets_stripped_text(
    mt_settings: Settings, marker_engine: None, texts: list[str]
) -> None:
    _Marker.given.clear()
    assert translate_texts(mt_settings, texts, "en", "de") == [_marked(t, 1) for t in texts]
    assert translate_texts(mt_settings, texts, "ru", "de") == [_marked(t, 2) for t in texts]
    assert all(t and t == t.strip() for t in _Marker.given)


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_TEXT, st.sampled_from(["", "\n", "\r\n", "  \n\n", ". ."])), max_size=8))
def test_a_loose_file_keeps_every_character_outside_its_sentences(
    mt_settings: Settings, marker_engine: None, lines: list[str]
) -> None:
    text = "\n".join(lines)
    out = _translate_document(mt_settings, text, "en", "de")
    assert out.replace("⟨", "").replace("⟩", "") == text


_PLAIN_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


@given(st.text(st.sampled_from("a b\t\n\r\u3000\u00a0\x1c\x85.ж"), max_size=30))
@example(" \x1c")
def test_edges_are_the_white_space_a_regex_would_strip(text: str) -> None:
    m = _PLAIN_EDGES.match(text)
    assert m is not None and _edges(text) == m.groups()


def test_a_long_run_of_spaces_keeps_its_edges_at_once(
    mt_settings: Settings, marker_engine: None
) -> None:
    """At START the edge regex was quadratic: 30,000 spaces took 27 s, this ~15 minutes."""
    text = " Київ" + " " * 200_000 + "місто. "
    assert _edges(text) == (" ", text.strip(), " ")
    assert translate_texts(mt_settings, [text], "uk", "en") == [f" ⟨{text.strip()}⟩ "]
