"""A translation job's request as stored with the job: the ``JobRequest`` record.

Why at adapter level: the queue adapter (``adapters.queue``) replays a stored request
block by block and the job services (``services.jobs``, ``services.job_request``) build,
check and run it; with the record in ``services`` the adapter imported a service and
``services.jobs`` imported the adapter back (a circle).  Here both import it; running a
request is the services' ``run_request`` (round 40, layers40).  ``services.jobs`` and
``services.job_request`` re-export it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core import roles as core_roles
from workbench.store.models import TranslationJob

#: Page roles translated when boilerplate is left out (the roles registry's list).
CONTENT_ROLES: tuple[str, ...] = core_roles.CONTENT_ROLES


@dataclass(frozen=True)
class JobRequest:
    """What to translate: versions (or a story's versions), into which language, how."""

    target: str
    version_ids: tuple[int, ...] | None = None  # None = every version
    story: int | None = None  # an article id: all its versions
    include_boilerplate: bool = True
    retranslate: bool = False

    @property
    def roles(self) -> tuple[str, ...] | None:
        """The role filter of the bulk service (None = every role)."""
        return None if self.include_boilerplate else CONTENT_ROLES

    def params(self) -> dict[str, Any]:
        """JSON stored with the job (and sent to queue workers)."""
        return {
            "version_ids": list(self.version_ids) if self.version_ids is not None else None,
            "story": self.story,
            "include_boilerplate": self.include_boilerplate,
            "retranslate": self.retranslate,
        }

    @classmethod
    def from_job(cls, job: TranslationJob) -> JobRequest:
        """The request a stored job was made from."""
        p = job.params
        ids = p.get("version_ids")
        return cls(
            target=job.target_lang,
            version_ids=tuple(ids) if ids is not None else None,
            story=p.get("story"),
            include_boilerplate=bool(p.get("include_boilerplate", True)),
            retranslate=bool(p.get("retranslate", False)),
        )
