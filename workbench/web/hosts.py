"""Host header validation (no DNS rebinding), IPv6 literals included.

Why our own check instead of Flask's ``TRUSTED_HOSTS``: Werkzeug cuts every
trusted name at its first ``:`` ("[::1]" becomes "["), so a browser on
``http://[::1]:8000/`` was refused by a server bound to ``::1``.  Here names are
compared without port and brackets; anything not listed still gets a 400 before
any view runs, so a rebinding page can neither read a page nor a CSRF token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask import Flask, request
from werkzeug.exceptions import SecurityError

#: ``name[:port]`` or ``[ipv6][:port]`` (lower-cased first), as Werkzeug accepts them.
_HOST = re.compile(
    r"(?:(?P<name>[a-z0-9.-]+)|\[(?P<v6>[a-f0-9]*:[a-f0-9.:]+)\])(?::(?P<port>[1-9][0-9]{0,4}))?"
)


def _bare(ref: str) -> str:
    """A configured name without port or brackets ("[::1]:80" -> "::1", "a:80" -> "a")."""
    ref = ref.strip().lower()
    if ref.startswith("["):
        return ref[1:].partition("]")[0]
    if ref.count(":") == 1:  # name:port (an unbracketed IPv6 literal has several colons)
        ref = ref.partition(":")[0]
    try:
        return ref.encode("idna").decode("ascii")
    except UnicodeError:
        return ref


def host_allowed(header: str | None, trusted: Iterable[str]) -> bool:
    """Whether a ``Host`` header names one of ``trusted`` (a leading "." matches subdomains)."""
    found = _HOST.fullmatch((header or "").strip().lower())
    if found is None:
        return False
    if found["port"] and not 1 <= int(found["port"]) <= 65535:
        return False
    name = found["name"] or found["v6"]
    for ref in trusted:
        suffix = ref.startswith(".")
        bare = _bare(ref[1:] if suffix else ref)
        if name == bare or (suffix and name.endswith(f".{bare}")):
            return True
    return False


def init_app(app: Flask, trusted: list[str] | None) -> None:
    """Refuse requests whose Host is not ``trusted`` (``None``: answer to any name)."""
    if trusted is None:
        return

    def check_host() -> None:
        header = request.headers.get("Host") or request.environ.get("SERVER_NAME")
        if not host_allowed(header, trusted):
            raise SecurityError(f"Host {header!r} is not trusted")

    # first of all hooks (before accounts and CSRF): an untrusted Host learns nothing
    app.before_request_funcs.setdefault(None, []).insert(0, check_host)
