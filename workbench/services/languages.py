"""The content languages as users see them: registry entries, configured or not, MT pairs.

Why a service: the CLI (``workbench languages``) and the web (``/api/i18n``'s
``content_languages``) show the same list; the registry itself is pure core
(``workbench.core.languages``) and knows nothing of settings or installed models.
"""

from __future__ import annotations

from typing import Any

from workbench.config import Settings
from workbench.core.languages import LANGUAGES


def content_languages(settings: Settings) -> list[dict[str, Any]]:
    """Every registry language: code, names, alphabet, whether it is detected, its MT pairs.

    ``mt_to``/``mt_from`` list the languages an installed package translates it
    into / from directly (pivots through English are not listed).
    """
    from workbench.adapters.mt.packages import list_packages

    assert settings.models_dir is not None
    pairs = {(p.from_code, p.to_code) for p in list_packages(settings.models_dir) if not p.broken}
    rows = []
    for code, lang in LANGUAGES.items():
        rows.append(
            {
                "code": code,
                "name": lang.name,
                "native": lang.native,
                "script": lang.script,
                "configured": code in settings.languages,
                "default": lang.default,
                "number_words": bool(lang.number_words) or code in ("en", "de"),
                "mt_to": sorted(t for f, t in pairs if f == code),
                "mt_from": sorted(f for f, t in pairs if t == code),
            }
        )
    return rows


def check_target(settings: Settings, target: str | None) -> str | None:
    """``target`` if it is a configured content language (or ``None``), else a clear error.

    Why: ``show --to xx`` used to print the segments with no translation and no word
    about the typo; every command taking ``--to`` says the same thing instead.
    """
    from workbench.errors import N_, InputError
    from workbench.services.validation import check_language_given

    check_language_given(target, "target language", settings.languages)  # round 44
    if target is not None and target not in settings.languages:
        raise InputError(
            N_("unknown target language %(target)r; expected one of %(languages)s"),
            target=target,
            languages=", ".join(settings.languages),
        )
    return target


def require_target(settings: Settings, target: str) -> str:
    """``check_target`` for a use case that cannot do without a target language (a
    deliverable, a post-edit, a QA report, a translation run): ``None`` counts as left out.

    Why (round 44 review): those four services each repeated the blank and the unknown
    check with the same messages; one function keeps the messages in one place.
    """
    checked = check_target(settings, "" if target is None else target)
    assert checked is not None
    return checked
