"""What the aligner's scorer compares: each side against the other's MT, or the sides.

Kept apart from ``align`` (the passes) because choosing the views is one decision
with its own reasons: an empty MT line falls back to its original, one MT also gets
its reversed view, one language compared directly gets stemmed views.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.align_lexicon import reverse_view
from workbench.core.align_scoring import AlignParams
from workbench.core.align_stems import stem_views


def scorer_views(
    left: Sequence[str],
    right: Sequence[str],
    left_mt: Sequence[str] | None,
    right_mt: Sequence[str] | None,
    params: AlignParams,
    same: bool,
) -> tuple[list[Sequence[str]], list[Sequence[str]]]:
    """The views the scorer compares: each side against the other's MT, else the sides.

    With one MT a reversed view is added (``mt_reverse_view``); one language compared
    directly gets stemmed views (``one_language_prefix``/``numbers``) so that inflected
    words and figures meet.
    """
    views_left: list[Sequence[str]] = []
    views_right: list[Sequence[str]] = []
    if left_mt is not None:
        views_left.append(fill_missing(left_mt, left))
        views_right.append(right)
    if right_mt is not None:
        views_left.append(left)
        views_right.append(fill_missing(right_mt, right))
    if not views_left:
        if same and (params.one_language_prefix > 0 or params.one_language_numbers):
            stems = (params.one_language_prefix, bool(params.one_language_numbers),
                     params.one_language_prefix_longer)  # fmt: skip
            return [stem_views(left, *stems)], [stem_views(right, *stems)]
        return [left], [right]
    if len(views_left) == 1 and params.mt_reverse_view:
        extra_left, extra_right = reverse_view(
            left, right, views_left[0] if left_mt is not None else None,
            views_right[0] if right_mt is not None else None,
        )  # fmt: skip
        views_left.append(extra_left)
        views_right.append(extra_right)
    return views_left, views_right


def fill_missing(mt: Sequence[str], original: Sequence[str]) -> list[str]:
    """Machine translation with empty lines replaced by the original sentence.

    An engine sometimes returns nothing for a sentence (a timeout, an input it
    refuses).  Its names, numbers and cognates still match the other side far
    better than an empty string, which would leave the sentence unalignable.
    """
    return [t if t.strip() or not o.strip() else o for t, o in zip(mt, original, strict=True)]
