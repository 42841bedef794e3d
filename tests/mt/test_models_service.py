"""``services.models``: the one way the CLI, the web and the demo manage models."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.config import Settings
from workbench.errors import InputError, LanguageCodeError, NotFoundError
from workbench.services import models


def test_install_find_remove(
    settings: Settings, argos_packages: dict[tuple[str, str], Path]
) -> None:
    assert models.installed(settings) == []
    info = models.install_file(settings, argos_packages[("en", "de")])
    assert models.find(settings, "en", "de") == info
    assert [p.label for p in models.usable(settings)] == [info.label]
    with pytest.raises(NotFoundError, match="models install de en"):
        models.find(settings, "de", "en")
    with pytest.raises(LanguageCodeError):
        models.find(settings, "Deutsch!", "en")
    with pytest.raises(InputError, match="no such package file"):
        models.install_file(settings, Path("/nonexistent/x.argosmodel"))
    assert models.remove(settings, "en", "de").label == info.label
    assert models.installed(settings) == []


def test_demo_models_only_when_none_is_usable(
    settings: Settings, argos_packages: dict[tuple[str, str], Path]
) -> None:
    labels = models.install_demo_models(settings)
    assert labels and all("@" in label for label in labels)
    assert models.install_demo_models(settings) == []  # rerun adds nothing
