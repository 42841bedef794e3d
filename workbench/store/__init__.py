"""Persistence adapter: SQLModel tables, engines, sessions and migrations."""
