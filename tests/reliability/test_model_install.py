"""Model install is verified before it replaces anything: a corrupt model never goes live.

Why: a valid zip holding a corrupt ``model.bin`` used to replace the working
model of its pair and be listed as healthy; every later translation failed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench.adapters.mt import install_package, list_packages
from workbench.adapters.mt.engine import EngineOptions, get_model
from workbench.errors import ModelError

Packages = dict[tuple[str, str], Path]


def _rewrite(src: Path, dst: Path, member_suffix: str, data: bytes) -> Path:
    """A copy of package ``src`` whose member ending in ``member_suffix`` holds ``data``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            body = data if item.filename.endswith(member_suffix) else zin.read(item)
            zout.writestr(item, body)
    return dst


def _translates(models: Path) -> str:
    [pkg] = [p for p in list_packages(models) if (p.from_code, p.to_code) == ("en", "de")]
    return (
        get_model(pkg, EngineOptions(beam_size=1, intra_threads=1)).translate(["the house"])[0].text
    )


@pytest.mark.parametrize(
    ("member", "data"),
    [
        ("model/model.bin", b"\x00" * 64),
        ("model/model.bin", b"not a ctranslate2 model at all"),
        ("sentencepiece.model", b"garbage tokenizer"),
    ],
)
@pytest.mark.bad_input
def test_a_corrupt_model_is_refused_and_the_old_one_keeps_working(
    tmp_path: Path, argos_packages: Packages, member: str, data: bytes
) -> None:
    models = tmp_path / "models"
    good = argos_packages[("en", "de")]
    install_package(models, good)
    before = _translates(models)
    bad = _rewrite(good, tmp_path / "bad.argosmodel", member, data)
    with pytest.raises(ModelError, match="cannot be loaded|test translation"):
        install_package(models, bad)
    assert [p.name for p in models.iterdir()] == ["translate-en_de"]  # nothing staged left
    assert not any(p.broken for p in list_packages(models))
    assert _translates(models) == before


def test_a_good_reinstall_still_replaces(tmp_path: Path, argos_packages: Packages) -> None:
    models = tmp_path / "models"
    install_package(models, argos_packages[("en", "de")])
    info = install_package(models, argos_packages[("en", "de")])
    assert info.path == models / "translate-en_de" and _translates(models)
