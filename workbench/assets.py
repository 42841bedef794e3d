"""Where the non-Python assets are, in a wheel and in a source checkout alike.

``templates/`` and ``translations/`` live at the repository root (translators
and designers find them there); the wheel maps them into the package
(``pyproject.toml``, hatch ``force-include``).  So an installed package finds
them beside this module and an editable install or a plain checkout finds them
one level up.  Nothing else in the code base guesses these paths.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def asset_dir(name: str) -> Path:
    """The folder ``name`` (``templates`` or ``translations``) of this installation."""
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(
        f"workbench is installed without its {name}/ folder (looked in {PACKAGE_DIR} and "
        f"{PACKAGE_DIR.parent}); reinstall it from a wheel or the repository"
    )


TEMPLATES_DIR = asset_dir("templates")
TRANSLATIONS_DIR = asset_dir("translations")
STATIC_DIR = PACKAGE_DIR / "web" / "static"
BABEL_CFG = PACKAGE_DIR / "web" / "babel.cfg"
