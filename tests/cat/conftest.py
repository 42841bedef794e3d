"""The CAT tests reuse the web tests' app, CSRF-aware API client and small corpus."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result

from tests.web.conftest import Api, Corpus, api, app, client, corpus  # noqa: F401
from tests.web.test_browser import browser, page, serve  # noqa: F401
from workbench.cli import main
from workbench.config import Settings


@pytest.fixture
def run(settings: Settings) -> Callable[..., Result]:
    """Invoke the CLI on the per-test database."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(
            main, ["--database-url", settings.database_url, *args], input=input
        )

    return invoke


__all__ = ["Api", "Corpus"]
