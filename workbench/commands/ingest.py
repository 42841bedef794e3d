"""CLI commands for the ingest area (filled in by its issue)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
