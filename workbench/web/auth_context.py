"""Who is making the current request (set by the auth hooks; ``None`` = local user)."""

from __future__ import annotations

from flask import g

from workbench.services.accounts import Actor


def current_actor() -> Actor | None:
    """The logged-in (or token) actor; ``None`` when the database has no accounts."""
    return g.get("actor")
