"""Exactness with real package layouts: the engine's output equals argostranslate's own.

Layouts (``workbench.testing.real_layouts``): argos-train SentencePiece without
byte fallback, an OPUS-style joint vocabulary, and Moses+BPE.  Each package is
installed both into workbench and into argostranslate (isolated by the root
conftest), and every sentence is translated by both.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.adapters.mt import EngineOptions, get_model, install_package
from workbench.adapters.mt.packages import PackageInfo
from workbench.testing import corpus
from workbench.testing.real_layouts import LAYOUTS, build_layout_package

SPECIAL = [
    "The mayor opened the new bridge yesterday.",
    "Ціна 100 ₴ 🙂 зросла.",
    "The price of snake_case water: 100 ₴ 🙂 today!",
    "Police reported the flood after the storm, and there was water on the road!",
    "«Quoted» — the council…",
]


@pytest.fixture(scope="module")
def layout_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("layouts")
    return {layout: build_layout_package(layout, out) for layout in LAYOUTS}


def _argos_translate(archive: Path, texts: list[str]) -> list[str]:
    import argostranslate.package as argos_package
    import argostranslate.settings as argos_settings
    import argostranslate.translate as argos_translate

    folder = Path(argos_settings.package_data_dir)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    argos_package.install_from_path(archive)
    argos_translate.installed_translates.clear()
    argos_translate.get_installed_languages.cache_clear()
    return [argos_translate.translate(t, "en", "de") for t in texts]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_engine_equals_argostranslate(
    layout: str, layout_packages: dict[str, Path], tmp_path: Path
) -> None:
    texts = SPECIAL + corpus.sentences("en", 40, seed=11)
    info: PackageInfo = install_package(tmp_path / "models", layout_packages[layout])
    ours = [r.text for r in get_model(info, EngineOptions()).translate(texts)]
    assert ours == _argos_translate(layout_packages[layout], texts)
    assert not any("\u2581" in t or "\u2047" in t for t in ours)  # no ▁, no ⁇
    assert "₴ 🙂" in ours[1] or "₴🙂" in ours[1]
    assert sum(a != b for a, b in zip(texts, ours, strict=True)) > 20  # real work


def test_greedy_draft_and_threads_layouts_agree_on_exact_models(
    layout_packages: dict[str, Path], tmp_path: Path
) -> None:
    info = install_package(tmp_path / "models", layout_packages["opus"])
    texts = corpus.sentences("en", 30, seed=4)
    full = [r.text for r in get_model(info, EngineOptions()).translate(texts)]
    for options in (
        EngineOptions(beam_size=1),
        EngineOptions(inter_threads=2, intra_threads=1, max_batch_tokens=64),
    ):
        assert [r.text for r in get_model(info, options).translate(texts)] == full


def test_readme_and_licence_are_read(layout_packages: dict[str, Path], tmp_path: Path) -> None:
    info = install_package(tmp_path / "models", layout_packages["bpe"])
    assert info.tokenizer == "bpe" and "CC-BY 4.0" in info.license
    assert info.to_json()["readme"].startswith("# BPE test package")


def test_models_show_and_list_verbose_print_the_licence(
    layout_packages: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from workbench.cli import main

    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBENCH_MODELS_DIR", str(tmp_path / "models"))
    install_package(tmp_path / "models", layout_packages["bpe"])
    runner = CliRunner()
    shown = runner.invoke(main, ["models", "show", "en", "de"])
    assert shown.exit_code == 0 and "licence: License: CC-BY 4.0 (test)" in shown.output
    assert "# BPE test package" in shown.output
    listed = runner.invoke(main, ["models", "list", "--verbose"])
    assert "licence: License: CC-BY 4.0" in listed.output
    assert runner.invoke(main, ["models", "show", "en", "fr"]).exit_code == 3
