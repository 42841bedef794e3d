"""The main job on a fresh machine: the bundled sample corpus, translated and compared.

Why a service: ``workbench demo`` (CLI) and the tests both call it, and it is
the README's first command, so it must work offline with nothing installed but
the package.  When no translation model is installed it installs the generated
*demo* models (an EN->DE word-dictionary model and copy models, see
``workbench.testing.argos_models``) and says so loudly: they show the whole
pipeline, not real translation quality.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workbench.config import Settings
from workbench.services.alignments import list_alignments
from workbench.services.compare import STATUSES, compare_versions
from workbench.services.ingest import IngestResult, ensure_database
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.models import install_demo_models
from workbench.services.translate import translate_versions

Log = Callable[[str], None]

#: Comparisons made on the sample corpus: (label, left outlet file, right outlet file).
DEMO_COMPARISONS: tuple[tuple[str, str, str], ...] = (
    ("edit over time (Northwire 08:00 vs 11:30)", "northwire-v1.txt", "northwire-v2.json"),
    ("republication in German (Northwire vs Abendpost)", "northwire-v1.txt", "abendpost-de.html"),
    ("republication in Ukrainian (Northwire vs Visnyk)", "northwire-v1.txt", "visnyk-uk.txt"),
)


@dataclass
class DemoResult:
    """What the demo did, for printing and for tests."""

    demo_models_installed: list[str] = field(default_factory=list)
    ingested: list[IngestResult] = field(default_factory=list)
    translated: dict[str, int] = field(default_factory=dict)
    comparisons: list[dict[str, Any]] = field(default_factory=list)


def run_demo(settings: Settings, log: Log = lambda _msg: None) -> DemoResult:
    """Create the database, install demo models if needed, ingest, translate, compare."""
    result = DemoResult()
    ensure_database(settings)
    log(f"Database: {settings.database_url}")
    result.demo_models_installed = install_demo_models(settings)
    if result.demo_models_installed:
        log(
            "No translation model was installed: installed generated DEMO models "
            f"({', '.join(result.demo_models_installed)}). They are word-dictionary and "
            "copy models, not real translation; install real ones with "
            "'workbench models install FROM TO' (online) or "
            "'workbench models install PATH.argosmodel'."
        )
    result.ingested = ingest_sample_corpus(settings)
    for item in result.ingested:
        state = "new" if item.created else "already stored"
        log(
            f"Ingested {item.filename}: version {item.version_id}, {item.segments} segments, "
            f"{item.encoding}, {item.language} ({state})"
        )
    for target in ("en", "de"):
        report = translate_versions(settings, target)
        result.translated[target] = report.translated + report.cached
        log(
            f"Translated into {target}: {report.translated} by model, "
            f"{report.cached} from cache, {report.skipped_existing} already done, "
            f"{report.skipped_same_lang} already {target}"
        )
    by_file = {item.filename: item.version_id for item in result.ingested}
    for label, left, right in DEMO_COMPARISONS:
        entry = _compare_once(settings, by_file[left], by_file[right])
        result.comparisons.append({"label": label, **entry})
        log(f"Compared {label}: alignment {entry['alignment_id']} {_brief(entry['summary'])}")
    return result


def _compare_once(settings: Settings, left: int, right: int) -> dict[str, Any]:
    """Reuse a stored alignment of the same two versions, so reruns add nothing."""
    for stored in list_alignments(settings, left):
        if stored["left_version_id"] == left and stored["right_version_id"] == right:
            return {"alignment_id": stored["id"], "summary": dict(stored["summary"])}
    compared = compare_versions(settings, left, right)
    return {"alignment_id": compared.alignment_id, "summary": dict(compared.summary)}


def _brief(summary: dict[str, Any]) -> str:
    shown = {**summary, "moved": summary.get("moves", summary.get("moved", 0))}  # once a move
    return ", ".join(f"{k} {shown[k]}" for k in STATUSES if k in summary)
