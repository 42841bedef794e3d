"""Workbench: a multilingual translation and comparison workbench.

Layers (dependencies point downwards only):

* ``workbench.core``      pure functions on strings and dataclasses (no I/O).
* ``workbench.adapters``  the MT engine (Argos/CTranslate2) and other outside-world code.
* ``workbench.store``     SQLModel tables, engine/session handling, Alembic migrations.
* ``workbench.services``  use cases (ingest, translate, compare, export) shared by CLI and web.
* ``workbench.cli`` / ``workbench.web``  entrances.
"""

__version__ = "0.1.0"
