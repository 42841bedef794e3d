"""Fixtures for the deliverable tests: the web tests' corpus and app, plus an ingested page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import Corpus, api, app, client, corpus  # noqa: F401
from tests.web.test_browser import browser, page, serve  # noqa: F401
from workbench.config import Settings
from workbench.services.ingest import ingest_bytes
from workbench.services.postedit import save_translation

PAGE = (
    b"Storm shuts the harbour bridge\n\n"
    b"Engineers closed the bridge on Sunday. The city said so.\n"
    b"Ferries will run every hour.\n\n"
    b"The mayor called a meeting.\n"
)


@pytest.fixture
def page_version(settings: Settings) -> int:
    """A real ingest (headline + two paragraphs, one with two lines) of a small English page."""
    return ingest_bytes(settings, PAGE, filename="storm.txt", outlet="wire").version_id


def approve(settings: Settings, corpus: Corpus) -> None:  # noqa: F811
    """Corpus edits: the soldiers line approved (rev 3), the headline drafted (rev 1)."""
    seg = corpus.segments["soldiers"]
    save_translation(settings, seg, "de", "Über 10.000 Soldaten.", base_revision=1)
    save_translation(
        settings, seg, "de", "Über 10.000 Soldaten.", base_revision=2, status="approved"
    )
    save_translation(settings, corpus.segments["headline"], "de", "Truppen zurück", base_revision=0)


@pytest.fixture(scope="session")
def demo_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The generated packages as ``workbench demo`` installs them (marked demo)."""
    from workbench.testing.argos_models import build_test_packages

    pairs = (("en", "de"), ("de", "en"))
    return build_test_packages(tmp_path_factory.mktemp("demo-packages"), pairs, demo=True)


@pytest.fixture
def demo_settings(settings: Settings, demo_packages: dict[tuple[str, str], Path]) -> Settings:
    """``settings`` with the demo packages installed (one MT thread)."""
    from workbench.adapters.mt import install_package

    mt = settings.with_(mt_threads=1)
    assert mt.models_dir is not None
    for path in demo_packages.values():
        install_package(mt.models_dir, path)
    return mt
