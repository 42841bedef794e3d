"""One version translated on request: the rule the web and the CLI share lives in the service."""

from __future__ import annotations

import pytest

from tests.mt.conftest import AddVersion
from workbench.config import Settings
from workbench.errors import InputError, LanguagePairError
from workbench.services.translate import translate_version


def test_no_model_for_any_segment_is_an_error(
    mt_settings: Settings, add_version: AddVersion
) -> None:
    polish = add_version([("Dzień dobry.", "pl"), ("Do widzenia.", "pl")])
    with pytest.raises(LanguagePairError, match="pl → de"):
        translate_version(mt_settings, polish, "de")


def test_some_segments_without_a_model_are_reported(
    mt_settings: Settings, add_version: AddVersion
) -> None:
    mixed = add_version([("The bridge opened.", "en"), ("Dzień dobry.", "pl")])
    report = translate_version(mt_settings, mixed, "de")
    assert report.translated == 1 and report.failed == 1
    assert list(report.failed_pairs) == ["pl→de"]


def test_unknown_target_is_bad_input(mt_settings: Settings, add_version: AddVersion) -> None:
    version = add_version([("The bridge opened.", "en")])
    with pytest.raises(InputError, match="unknown target language"):
        translate_version(mt_settings, version, "xx")
