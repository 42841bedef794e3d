"""Safe serving: the UI answers only to trusted Host names (no DNS rebinding).

Why: a page on ``evil.example`` whose DNS name is re-pointed at 127.0.0.1 could
otherwise read the UI (and its CSRF token) and post edits to a local server.
"""

from __future__ import annotations

import pytest

from workbench.commands.web import bind_hosts
from workbench.config import Settings
from workbench.web import create_app


def _get(settings: Settings, host: str, url: str = "/api/versions") -> int:
    app = create_app(settings)
    return app.test_client().get(url, headers={"Host": host}).status_code


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:8000"])
def test_loopback_names_are_served(settings: Settings, host: str) -> None:
    assert _get(settings, host) == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil"]
)
@pytest.mark.bad_input
def test_other_host_names_are_refused(settings: Settings, host: str) -> None:
    assert _get(settings, host) == 400
    assert _get(settings, host, "/api/csrf") == 400  # no token for a rebinding page


def test_trusted_hosts_setting_adds_names(settings: Settings) -> None:
    team = settings.with_(trusted_hosts=("workbench.newsroom.lan",))
    assert _get(team, "workbench.newsroom.lan:8000") == 200
    assert _get(team, "evil.example") == 400
    assert _get(settings.with_(trusted_hosts=("*",)), "anything.example") == 200


def test_trusted_hosts_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TRUSTED_HOSTS", "a.example, b.example")
    assert Settings.from_env().trusted_hosts == ("a.example", "b.example")


def test_the_bind_address_is_trusted() -> None:
    assert bind_hosts("192.168.1.20") == ("192.168.1.20",)
    assert bind_hosts("0.0.0.0") and "0.0.0.0" not in bind_hosts("0.0.0.0")


@pytest.mark.parametrize("host", ["[::1]", "[::1]:8000", "[::1]:5000", "LOCALHOST:8000"])
def test_ipv6_loopback_host_headers_are_served(settings: Settings, host: str) -> None:
    assert _get(settings, host) == 200


@pytest.mark.parametrize(
    "host", ["[::2]:8000", "[::1].evil.example", "[::1]:99999", "::1:8000", "[::1]x"]
)
@pytest.mark.bad_input
def test_other_ipv6_and_malformed_hosts_are_refused(settings: Settings, host: str) -> None:
    assert _get(settings, host) == 400
    assert _get(settings, host, "/api/csrf") == 400


def test_a_server_bound_to_an_ipv6_address_answers_to_it(settings: Settings) -> None:
    bound = settings.with_(trusted_hosts=bind_hosts("fd00::5"))
    assert _get(bound, "[fd00::5]:8000") == 200
    assert _get(bound, "[fd00::6]:8000") == 400
