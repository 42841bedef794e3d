"""The rows of a comparison: one ``AlignedPair`` per bead, checked, diffed and given a status.

Why a module of its own: ``services.compare`` decides what is compared (roles,
languages, MT, the stored twin) and stores it; this module holds the rules that
turn the aligner's beads into rows and their summary, and nothing here reads or
writes the database.  The status vocabulary is ``core.statuses``; the rules for
each status are in ``services.compare``'s docstring.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from workbench.core.align import Bead
from workbench.core.align_dateline_gate import GateScores, gate_of
from workbench.core.align_moves import move_links
from workbench.core.anchors import quote_differences
from workbench.core.check_echoes import echoes
from workbench.core.check_name_twins import name_twins
from workbench.core.check_nouns import SEGMENT_BREAK
from workbench.core.check_twins import figure_twins, with_twins
from workbench.core.checks import PageTokens, check_pair, page_tokens, sentences_beside, unpaired
from workbench.core.diff import is_cosmetic, word_diff
from workbench.core.long_text import PARTIAL, cheap_diff, clip, clip_all, is_long, partial_flag
from workbench.core.relatedness import UNKNOWN, relatedness
from workbench.core.statuses import STATUSES, UNCERTAIN_BELOW
from workbench.core.story import Row as StoryRow
from workbench.core.story import summarise as story_summary
from workbench.store.models import AlignedPair, Segment

Langs = tuple[str | None, str | None]


def _status(bead: Bead, texts: tuple[str, str], flags: dict[str, Any], cross: bool) -> str:
    """The row's status (``core.statuses``): links first, then what differs."""
    if bead.move_to is not None:  # the origin marker, or the landing carrying the link
        return "moved"
    if not bead.right:
        return "removed"
    if not bead.left:
        return "added"
    if _uncertain(bead):
        return "uncertain"
    if cross:
        return "differs" if set(flags) - {PARTIAL} else "equivalent"
    if " ".join(texts[0].split()) == " ".join(texts[1].split()):
        return "unchanged"
    return "cosmetic" if is_cosmetic(*texts) else "changed"


def _uncertain(bead: Bead) -> bool:
    """A link below THE confidence threshold: shown ``uncertain`` and, like the flag
    gate of ``check_pair`` (same constant), never checked, so it carries no flags."""
    return bool(bead.left and bead.right) and bead.confidence < UNCERTAIN_BELOW


def pair_rows(
    beads: list[Bead],
    left: list[Segment],
    right: list[Segment],
    mt: list[str] | None,
    langs: Langs,
    gates: GateScores | None = None,
) -> list[AlignedPair]:
    """One row per bead, in bead order: texts, MT used, flags, diff and status.

    ``gates``: a row's (confidence, similarity) where the checks' gate reads others than the
    aligner's (``core.align_dateline_gate``: a lead with its kept-apart dateline rejoined).
    The row then shows and stores those, so one threshold keeps meaning one thing: a row
    shown ``uncertain`` is one the checks did not read (``tests/align/test_one_threshold``);
    its sentences are the aligner's."""
    cross = bool(langs[0] and langs[1] and langs[0] != langs[1])
    pages = _page_tokens(beads, left, right, langs)
    texts = ([clip(s.text) for s in left], [clip(s.text) for s in right]) if pages else None
    rows = [replace(r, confidence=c, score=s) if (c, s) != (r.confidence, r.score) else r
            for r in move_links(beads) for c, s in [gate_of(r, gates or {})]]  # fmt: skip
    alone = unpaired([(b.left, b.right) for b in rows], (len(left), len(right)))
    out = [
        _row(position, bead, left, right, mt, langs, cross, pages, texts, alone)
        for position, bead in enumerate(rows)
    ]
    return _with_echoes(_with_twins(out, rows, langs, cross), rows, langs, cross)


def _with_echoes(out: list[AlignedPair], beads: list[Bead], langs: Langs, cross: bool
                 ) -> list[AlignedPair]:  # fmt: skip
    """The rows with each flagged figure or name again on the rows whose same side tells
    it again and that the other copy never tells (``core.check_echoes``)."""
    texts = [(r.left_text or "", r.right_text or "") for r in out]
    checked = [b.confidence >= UNCERTAIN_BELOW for b in beads]
    # a first name swapped under one surname across the rows (``core.check_name_twins``)
    named = name_twins(texts, [r.flags or {} for r in out], checked, langs)
    for row, bead, text, flags in zip(out, beads, texts, echoes(texts, named, checked, langs),
                                      strict=True):  # fmt: skip
        if flags != (row.flags or {}):
            row.flags = flags
            row.status = _status(bead, text, flags, cross)
    return out


def _with_twins(out: list[AlignedPair], beads: list[Bead], langs: Langs, cross: bool
                ) -> list[AlignedPair]:  # fmt: skip
    """The rows with a translation's changed figures the aligner put in rows not linked to
    each other (``core.check_twins``), on the first row holding each that checks ran on."""
    if not cross:
        return out
    texts = [(r.left_text, r.right_text) for r in out]
    twins = figure_twins([t[0] for t in texts if t[0]], [t[1] for t in texts if t[1]], *langs)
    checked = [b.confidence >= UNCERTAIN_BELOW for b in beads]
    for row, bead, text, flags in zip(out, beads, texts,
                                      with_twins(texts, [r.flags for r in out], twins, checked,
                                                 langs),
                                      strict=True):  # fmt: skip
        if flags != row.flags:
            row.flags = flags
            row.status = _status(bead, text, flags, cross)
    return out


def _page_tokens(
    beads: list[Bead], left: list[Segment], right: list[Segment], langs: Langs
) -> tuple[PageTokens, PageTokens] | None:
    """Both pages' numbers, names and German nouns (``check_pair(pages=)``)."""
    if not any(b.left and b.right for b in beads):
        return None  # no linked row: nothing is checked
    return (page_tokens((clip(s.text) for s in left), langs[0]),
            page_tokens((clip(s.text) for s in right), langs[1]))  # fmt: skip


def _row(
    position: int, bead: Bead, left: list[Segment], right: list[Segment],
    mt: list[str] | None, langs: Langs, cross: bool,
    pages: tuple[PageTokens, PageTokens] | None = None,
    texts: tuple[list[str], list[str]] | None = None,
    alone: tuple[list[int], list[int]] = ([], []),
) -> AlignedPair:  # fmt: skip
    left_text = " ".join(left[k].text for k in bead.left)
    right_text = " ".join(right[k].text for k in bead.right)
    compared = " ".join(mt[k] for k in bead.left) if mt is not None else ""
    long = is_long(left_text, right_text, compared)  # checked by head and tail only
    joined = (SEGMENT_BREAK.join(left[k].text for k in bead.left),
              SEGMENT_BREAK.join(right[k].text for k in bead.right))  # where sentences open
    flags = _flags(bead, joined, compared if mt is not None else None,
                   langs, cross, pages, _beside(bead, texts, langs, alone))  # fmt: skip
    # word and character diffs only between texts of one language
    differ = cheap_diff if long else word_diff
    diff = word_diff("", "") if cross else differ(left_text, right_text)
    if long and not _uncertain(bead):  # "checked in part" only where checks ran
        flags = {**flags, PARTIAL: partial_flag(left_text, right_text, compared)}
    return AlignedPair(
        position=position,
        kind=bead.kind,
        status=_status(bead, (left_text, right_text), flags, cross),
        left_segment_ids=[left[k].id for k in bead.left],
        right_segment_ids=[right[k].id for k in bead.right],
        left_text=left_text,
        right_text=right_text,
        compared_text=compared,
        score=bead.score,
        edit_ratio=diff.edit_ratio,
        diff_ops=diff.ops,
        flags=flags,
        move_to=bead.move_to,
        confidence=bead.confidence,
    )


def _beside(
    bead: Bead, texts: tuple[list[str], list[str]] | None, langs: Langs,
    alone: tuple[list[int], list[int]] = ([], []),
) -> tuple[PageTokens, PageTokens] | None:  # fmt: skip
    """The tokens of the sentences next to a linked row on each side, and of the side's
    sentences no row links (``alone``, ``core.checks.unpaired``): ``check_pair(beside=)``."""
    if texts is None or not (bead.left and bead.right):
        return None
    return (page_tokens(sentences_beside(texts[0], bead.left, alone[0]), langs[0]),
            page_tokens(sentences_beside(texts[1], bead.right, alone[1]), langs[1]))  # fmt: skip


def _flags(
    bead: Bead, texts: tuple[str, str], compared: str | None, langs: Langs, cross: bool,
    pages: tuple[PageTokens, PageTokens] | None = None,
    beside: tuple[PageTokens, PageTokens] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """``check_pair``'s flags (on clipped texts, segments joined by ``SEGMENT_BREAK``) plus
    differing quotations of a linked pair."""
    left_text, right_text = texts
    plain = (left_text.replace(SEGMENT_BREAK, " "), right_text.replace(SEGMENT_BREAK, " "))
    flags = check_pair(
        clip(left_text), clip(right_text), left_lang=langs[0], right_lang=langs[1],
        left_mt=clip(compared) if compared is not None else None, confidence=bead.confidence,
        similarity=bead.score, pages=pages, regrouped=len(bead.left) > 1 or len(bead.right) > 1,
        beside=beside,
    )  # fmt: skip
    if bead.left and bead.right and not _uncertain(bead):
        quotes = quote_differences(clip(plain[0]), clip(plain[1]), same_language=not cross)
        if quotes:
            flags = {**flags, "quotes": quotes}
    return flags


def count_moves(rows: Iterable[tuple[str, list[int] | None, list[int] | None]]) -> int:
    """Moves counted once, at their origin: the left sentences of each ``moved`` row that
    has no right side (where the sentence stood), as the story desk counts them
    (``core.story.summarise``).  ``rows`` are ``(status, left ids, right ids)``.

    Why one rule: a move is two rows (where it stood, where it went), and the summary, the
    CLI and the exports said "moved 2" where the banner and the desk said 1 (round 37)."""
    return sum(len(left or []) for status, left, right in rows if status == "moved" and not right)


def summarise(rows: list[AlignedPair], langs: Langs) -> dict[str, Any]:
    """Counts per status (rows), moves (once each), flagged rows and the mean edit ratio
    of linked rows."""
    counts = Counter(r.status for r in rows)
    linked = [r.edit_ratio for r in rows if r.left_segment_ids and r.right_segment_ids]
    summary: dict[str, Any] = {status: counts.get(status, 0) for status in STATUSES}
    summary.update(
        moves=count_moves((r.status, r.left_segment_ids, r.right_segment_ids) for r in rows),
        pairs=len(rows),
        flagged=sum(1 for r in rows if r.flags),
        mean_edit_ratio=round(sum(linked) / len(linked), 4) if linked else 0.0,
        left_language=langs[0],
        right_language=langs[1],
    )
    return summary


def _untranslated(left: list[Segment], mt: list[str]) -> bool:
    """True when no line's MT differs from its source (white space aside)."""
    same = (" ".join(m.split()) == " ".join(s.text.split()) for s, m in zip(left, mt, strict=True))
    return all(same)


def relation(
    left: list[Segment], right: list[Segment], mt: list[str] | None, beads: list[Bead],
    cross: bool,
) -> dict[str, Any]:  # fmt: skip
    """``relation`` and its evidence; unknown across languages without MT, and when the
    MT translated nothing (every line came back as it went in: a copy model such as the
    demo's en->uk, or a model for another pair): English against Ukrainian then shares
    nothing by script alone, and "unrelated" told the demo's reader that a faithful
    translation was another story (round 34, web34)."""
    if cross and (mt is None or _untranslated(left, mt)):
        return {"relation": UNKNOWN, "evidence": None}
    found = relatedness(
        clip_all(mt if mt is not None else [s.text for s in left]),
        clip_all([s.text for s in right]),
        [(b.left, b.right) for b in beads],
    )  # fmt: skip
    evidence = {"share": found.share, "chance": found.chance, "links": found.evidenced_links}
    return {"relation": found.relation, "evidence": evidence}


def story_digest(rows: list[AlignedPair], langs: Langs) -> Any:
    """Sentence counts and differing facts for the story desk, kept so it reads no rows."""
    return story_summary(
        (StoryRow(r.position, r.status, r.left_segment_ids, r.right_segment_ids,
                  r.left_text, r.right_text, r.flags) for r in rows),
        langs[0] == langs[1],
    )  # fmt: skip


def stamp_roles(rows: list[AlignedPair], segments: Sequence[Segment]) -> None:
    """Keep each row's segment roles with the row, so windows filter without the id lists."""
    role_of = {seg.id: seg.role for seg in segments}
    for row in rows:
        ids = row.left_segment_ids + row.right_segment_ids
        row.roles = ",".join(sorted({role_of[i] for i in ids if i in role_of}))
