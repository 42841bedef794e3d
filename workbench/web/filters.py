"""Role and change-kind filters of the compare view and the version page.

The data comes from the services (``services.browse``, ``services.compare``),
the same functions the CLI's ``--json`` output comes from; what is left here is
presentation: which roles count as boilerplate (hidden on pages until ticked),
the order the filter bar lists them in, and reading the ticks from the query
string.
"""

from __future__ import annotations

from typing import Any

from flask import request

from workbench.core import roles as core_roles
from workbench.core.statuses import DISPLAY_ORDER
from workbench.errors import N_, InputError
from workbench.services.export_stream import check_row_values

BOILERPLATE_ROLES: tuple[str, ...] = core_roles.BOILERPLATE_ROLES
CONTENT_ROLES: tuple[str, ...] = core_roles.CONTENT_ROLES
# Content first, boilerplate last: the order the filter bar lists them in.
ROLES: tuple[str, ...] = CONTENT_ROLES + BOILERPLATE_ROLES
# Changes first, "unchanged" last: the filter bar lists what a reader looks for first.
STATUSES: tuple[str, ...] = DISPLAY_ORDER


def roles_arg(raw: object) -> tuple[str, ...] | None:
    """Roles asked for by a form or JSON body (list or comma-separated); unknown ones are a 422."""
    if raw in (None, "", []):
        return None
    items = raw if isinstance(raw, list) else str(raw).split(",")
    roles = tuple(str(r).strip() for r in items if str(r).strip())
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise InputError(N_("unknown role(s): %(unknown)s"), unknown=", ".join(unknown))
    return roles or None


def role_filter(default_roles: tuple[str, ...]) -> set[str]:
    """Ticked ``?role=`` values; ``default_roles`` when none (any role in a submitted form).

    ``filtered=1`` marks a submitted filter form, so unticking everything shows
    everything instead of falling back to the default.  An unknown role is a 422 on
    every page that reads it (round 36: the version page showed "0 of 12" for ``bodyy``).
    """
    roles = set(roles_arg(request.args.getlist("role")) or ())  # unknown: a 422
    if roles:
        return roles
    return set(ROLES if request.args.get("filtered") == "1" else default_roles)


def pair_filters(default_roles: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """Role and status filters of the compare view from the query string; an unknown
    value is a 422 (round 36: ``?status=chnged`` showed "No rows match", and its export
    would have been empty, silently)."""
    statuses = set(request.args.getlist("status")) or set(STATUSES)
    roles = role_filter(default_roles)
    check_row_values(roles, statuses)  # the CLI's `export --role/--status` rule too
    return roles, statuses


def filter_pairs(
    pairs: list[dict[str, Any]], roles: set[str], statuses: set[str]
) -> list[dict[str, Any]]:
    """Pairs with at least one segment in ``roles`` and a status in ``statuses``."""
    return [
        p for p in pairs if p["status"] in statuses and (not p["roles"] or set(p["roles"]) & roles)
    ]


def filter_segments(segments: list[dict[str, Any]], roles: set[str]) -> list[dict[str, Any]]:
    """Segments whose role is in ``roles``."""
    return [s for s in segments if s["role"] in roles]
