"""The role and flag check batches, in one place (reliab41).

Why: the same 64 batch names stood five times — ``roles_flags.FLAG_CHECK_SETS``,
``role_train.CHECK_ONLY``, ``role_labels_cv.CHECK_SETS``, ``role_boxes.CHECK_SETS`` and
``role_cuts.CHECK`` — and each round's new check batches had to be added to every copy
(COMMON.md: the check is scored pooled only and can only veto).  They are the aligner's
check batches (``align_devsets.CHECK_SETS``, ``batchN`` in ``tests/data/story-pairs``) under
the name their pages have in the role and flag studies (``blindN``), so a batch that joins
the check is added once, in ``align_devsets``.  ``roles_flags.CHECK_SETS`` (which also
holds round 7's blind12-18) stays its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_devsets import CHECK_SETS  # noqa: E402

#: scored pooled only, never page by page or set by set; never chosen on
ROLE_CHECK_SETS: tuple[str, ...] = tuple("blind" + name.removeprefix("batch")
                                         for name in CHECK_SETS)  # fmt: skip
