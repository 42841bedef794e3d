"""``WORKBENCH_MT_THREADS=-3`` was taken without a word (reliabc38).

At START ``WORKBENCH_MT_THREADS=abc`` was refused where the settings are read (every
command, exit 2), but ``-3`` passed: commands that do not translate said nothing and the
translator's layout silently replaced it by one thread.  The rule is now the same for
both: where the settings are read, a value out of range is one ``Error:`` (exit 2) for
every command, as a non-integer was.  The numbers of ``_MT_INTS`` each have their least
value: threads and replicas 0 ("choose from the CPU count"), batch tokens 64 (the
translator's floor, which read a smaller value as 64), the others 1.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError


@pytest.mark.parametrize(("name", "value", "least"), [
    ("WORKBENCH_MT_THREADS", "-3", 0), ("WORKBENCH_MT_INTER_THREADS", "-1", 0),
    ("WORKBENCH_MT_BEAM_SIZE", "0", 1), ("WORKBENCH_MT_BATCH_TOKENS", "63", 64),
    ("WORKBENCH_MAX_INPUT_CHARS", "0", 1), ("WORKBENCH_MAX_SEGMENTS", "-10", 1),
])  # fmt: skip
def test_a_value_below_its_least_is_refused(monkeypatch: pytest.MonkeyPatch, name: str,
                                            value: str, least: int) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=f"{name} must be an integer of at least {least}, "
                                         f"not '{value}'"):  # fmt: skip
        Settings.from_env()


def test_zero_threads_still_means_choose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MT_THREADS", "0")
    monkeypatch.setenv("WORKBENCH_MT_INTER_THREADS", "2")
    assert (Settings.from_env().mt_threads, Settings.from_env().mt_inter_threads) == (0, 2)


@pytest.mark.parametrize("value", ["-3", "abc"])
def test_a_command_that_does_not_translate_says_so(monkeypatch: pytest.MonkeyPatch,
                                                   settings: Settings, value: str) -> None:
    monkeypatch.setenv("WORKBENCH_MT_THREADS", value)
    said = CliRunner().invoke(main, ["--database-url", settings.database_url, "story", "x"])
    assert said.exit_code == 2, said.output
    assert said.output.startswith("Error: WORKBENCH_MT_THREADS must be an integer"), said.output
    assert said.output.count("Error:") == 1


@pytest.mark.parametrize(("value", "bad"), [("-1", "-1"), ("0,-2", "-2")])
def test_a_negative_gpu_index_is_refused_as_the_other_numbers_are(
        monkeypatch: pytest.MonkeyPatch, value: str, bad: str) -> None:
    """reliab39: ``WORKBENCH_MT_DEVICE_INDEX`` was read without a range; a GPU index
    is at least 0, and below it is the same one ``Error:`` as the other numbers."""
    monkeypatch.setenv("WORKBENCH_MT_DEVICE_INDEX", value)
    with pytest.raises(InputError, match="WORKBENCH_MT_DEVICE_INDEX must be an integer of "
                                         f"at least 0, not '{bad}'"):  # fmt: skip
        Settings.from_env()


def test_gpu_indexes_at_least_zero_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MT_DEVICE_INDEX", "0, 1")
    assert Settings.from_env().mt_device_index == (0, 1)
