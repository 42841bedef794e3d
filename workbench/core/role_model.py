"""A small learned layer that corrects the rules' page roles where it is confident.

Why learned, and why only a correction: the hand-written role rules
(``core.roles``, ``core.page_evidence``) are near perfect on the pages they were
written for and lose ground on pages of unseen shapes.  A multinomial logistic
regression over the evidence the rules already compute (the rule's label and
whether its own words decided it, position relative to the story block,
length, punctuation, digits and addresses, repetition, cohesion with the story,
language change, neighbours' labels, HTML link density) weighs that evidence
from data instead of by hand.  It is trained on the labels earlier rules gave
pages they had not seen (``benchmarks/role_train.py``), and the shipped
``Correction`` (which labels it may change, how sure it must be, the least page
size) is the one leave-one-set-out chose.  Rounds 8-14 shipped only headline
decisions (round 7's body <-> other part lost on batches it had never seen); since
round 15 the layer is chosen by leave-one-out on first-run labels (docs/heldout.md)
and the shipped weights turn body <-> other (and link residue) again, headline
decisions on the story side but for chrome lifted into a headline (round 26).
``core.roles.assign_roles`` calls ``correct_roles`` last; the features it reads are
``core.role_features``.

Pure: functions on segments and lists; the only I/O is reading the weights file
shipped inside the package (``role_model.json``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import numpy as np

from workbench.core.page_consent import consent_kept
from workbench.core.page_labels import prompt_kept
from workbench.core.role_features import (  # noqa: F401  (re-exported: benchmarks, tests)
    FEATURES,
    ROLES,
    page_features,
)
from workbench.core.role_footer import footer_kept, rights_kept
from workbench.core.segment import Seg

#: The labels the model may correct, and into which: the page evidence's in-story choice.
#: Headlines, appeals, residue and comment sections stay the rules' (too few examples).
CORRECTABLE = ("body", "other")
WEIGHTS_FILE = "role_model.json"
#: A consent box's ``other`` stands whatever the model says (``correct_roles``); a switch so
#: ``benchmarks/role_consent.py`` can score the layer with and without it.
KEEP_CONSENT = True
#: The rules' footer lines that speak as the site stand too (``core.role_footer``; round 17,
#: chosen by first-run leave-one-out: docs/ingest.md); a switch for the study.
KEEP_FOOTER = True
#: ... and the ``other`` lines under a rights notice below the story (``role_footer.rights_kept``;
#: round 19, ``benchmarks/role_rights_cv.py``); a switch for the study.
KEEP_RIGHTS = True


def kept(segs: Sequence[Seg], roles: Sequence[str], prompts: bool = True) -> list[bool]:
    """The rule labels the model never overrules: a consent box's ``other`` (when
    ``KEEP_CONSENT``), with ``prompts`` (``RoleParams.prompt_lines``) a site's prompt
    (``core.page_labels.prompt_kept``), and a footer line in the site's voice below the story
    (``core.role_footer.footer_kept``, when ``KEEP_FOOTER``) and the lines under a rights notice
    there (``rights_kept``, when ``KEEP_RIGHTS``).  The rules read the site's
    voice; the model reads shape, and each looks like a story's sentence."""
    out = consent_kept(segs, roles) if KEEP_CONSENT else [False] * len(roles)
    if prompts:
        out = [a or b for a, b in zip(out, prompt_kept(segs, roles), strict=True)]
    if KEEP_FOOTER:
        out = [a or b for a, b in zip(out, footer_kept(segs, roles), strict=True)]
    if KEEP_RIGHTS:
        out = [a or b for a, b in zip(out, rights_kept(segs, roles), strict=True)]
    return out


@dataclass(frozen=True)
class Correction:
    """Which rule labels the model may change, into which, and how sure it must be.

    A headline decision (into or out of ``headline``) has a threshold of its own:
    headlines are few per page and their evidence differs from chrome's.  All four
    are chosen by leave-one-set-out (``benchmarks/role_train.py``).
    """

    scope: tuple[str, ...] = CORRECTABLE  # labels it may exchange, headline apart
    own_words: bool = False  # may it change a label the segment's own words decided?
    threshold: float = 1.01  # above 1: never
    headline: float = 1.01  # above 1: headlines stay the rules'
    min_segments: int = 0  # shorter pages keep the rules' labels
    #: never move a segment across the story line (headline <-> body only): the model's
    #: in-story decisions did not carry to unseen pages (round 8), its header ones did
    story_neutral: bool = False
    #: a headline decision keeps the story side (headline <-> body only) even where body <->
    #: other may cross it: a deck the header rules found is never taken for chrome (round 14's
    #: study of a reopened body <-> other part, ``benchmarks/role_train.py --headline-neutral``)
    headline_neutral: bool = False
    #: with ``headline_neutral``, one way across the story line stays open: "in" lets a chrome
    #: or box line be lifted into ``headline`` (a headline never leaves for chrome: a kicker
    #: over the title stays), "out" only the reverse; "" keeps both closed (round 26)
    headline_way: str = ""
    #: a change out of the story (body -> other) needs this probability too (0: only
    #: ``threshold``): the layer's losses on unseen writers are story sentences it took out
    leave: float = 0.0
    #: a story line between two story lines of its page never leaves the story: there the
    #: rules' run is the stronger evidence than one line's shape
    inside: bool = False
    #: box labels (``appeal``, ``comment_form``) the layer may take a line *out of*, back into
    #: the story only (never into a box, never a box line to chrome): a box the rules ran
    #: over the resumed story (round 20)
    boxes: tuple[str, ...] = ()
    #: a change across the story line (into or out of it) of a line whose neighbours above
    #: and below are story lines needs this probability too (0: only ``threshold``; above 1:
    #: the layer moves lines at the story's edges only): in the middle of the body a moved
    #: line cuts the story the aligner reads (round 21)
    middle: float = 0.0
    #: a change into the story (a chrome line to ``body`` or ``headline``) needs this probability
    #: too (0: only ``threshold``; above 1: never into the story): the layer's wrong moves on
    #: rewrite pairs were chrome sentences in the site's voice let into the story (round 22)
    enter: float = 0.0
    #: a line let into the story alone (neither neighbour on its page let in with it) needs this
    #: probability too (0: only ``threshold``): the layer's costly moves were one chrome line
    #: taken into the story (a paper's self-description under the story, a promo, a caption),
    #: its moves of runs of lines were right (round 25, ``role_form_cv --lone``)
    lone: float = 0.0

    def describe(self) -> str:
        """One line for benchmark tables."""
        if self.threshold > 1 and self.headline > 1:
            return "never overrule"
        parts = [" / ".join(self.scope) + (f" p >= {self.threshold}" if self.threshold <= 1
                                           else " never")]  # fmt: skip
        if self.headline <= 1:
            parts.append(f"headline p >= {self.headline}")
        if self.own_words:
            parts.append("own words too")
        if self.min_segments:
            parts.append(f"pages of {self.min_segments}+ segments")
        if self.story_neutral:
            parts.append("never across the story line")
        elif self.headline_neutral:
            way = {"in": " but into them", "out": " but out of them"}.get(self.headline_way, "")
            parts.append(f"headlines never across the story line{way}")
        if self.leave:
            parts.append(f"out of the story p >= {self.leave}")
        if self.inside:
            parts.append("a line inside the story stays")
        if self.boxes:
            parts.append("out of " + " / ".join(self.boxes) + " into the story too")
        if self.middle:
            parts.append(f"across the story mid-body p >= {self.middle}")
        if self.enter:
            parts.append(f"into the story p >= {self.enter}")
        if self.lone:
            parts.append(f"one line alone into the story p >= {self.lone}")
        return ", ".join(parts)


@dataclass(frozen=True)
class RoleModel:
    """Weights of the multinomial regression and where it may overrule a rule.

    ``mean``/``scale`` standardise the features; ``weights`` is features+1 by
    roles (the last row is the bias); a rule label is replaced by the model's
    most likely role (among those ``correction`` opens) when that role's
    probability reaches the correction's threshold.
    """

    features: tuple[str, ...]
    roles: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    correction: Correction = Correction()

    @property
    def threshold(self) -> float:
        return self.correction.threshold

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Rows of role probabilities for rows of raw features."""
        z = (x - self.mean) / self.scale
        logits = np.hstack([z, np.ones((len(z), 1))]) @ self.weights
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)

    def to_json(self) -> dict:
        c = self.correction
        out = {
            "features": list(self.features),
            "roles": list(self.roles),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "threshold": c.threshold,
            "headline_threshold": c.headline,
            "scope": list(c.scope),
            "own_words": c.own_words,
            "min_segments": c.min_segments,
            "story_neutral": c.story_neutral,
            "headline_neutral": c.headline_neutral,
        }
        if c.headline_way:  # written only when set: older files read and write the same
            out["headline_way"] = c.headline_way
        if c.leave:
            out["leave_threshold"] = c.leave
        if c.inside:
            out["keep_inside"] = True
        if c.boxes:
            out["from_boxes"] = list(c.boxes)
        if c.middle:
            out["middle_threshold"] = c.middle
        if c.enter:
            out["enter_threshold"] = c.enter
        if c.lone:
            out["lone_threshold"] = c.lone
        return out

    @classmethod
    def from_json(cls, data: dict) -> RoleModel:
        correction = Correction(
            scope=tuple(data.get("scope", CORRECTABLE)),
            own_words=bool(data.get("own_words", False)),
            threshold=float(data["threshold"]),
            headline=float(data.get("headline_threshold", 1.01)),
            min_segments=int(data.get("min_segments", 0)),
            story_neutral=bool(data.get("story_neutral", False)),
            headline_neutral=bool(data.get("headline_neutral", False)),
            headline_way=str(data.get("headline_way", "")),
            leave=float(data.get("leave_threshold", 0.0)),
            inside=bool(data.get("keep_inside", False)),
            boxes=tuple(data.get("from_boxes", ())),
            middle=float(data.get("middle_threshold", 0.0)),
            enter=float(data.get("enter_threshold", 0.0)),
            lone=float(data.get("lone_threshold", 0.0)),
        )
        return cls(
            features=tuple(data["features"]),
            roles=tuple(data["roles"]),
            mean=np.asarray(data["mean"], dtype=float),
            scale=np.asarray(data["scale"], dtype=float),
            weights=np.asarray(data["weights"], dtype=float),
            correction=correction,
        )


@lru_cache(maxsize=1)
def shipped_model() -> RoleModel | None:
    """The model shipped with the package, or ``None`` when no weights file is present."""
    ref = resources.files("workbench.core").joinpath(WEIGHTS_FILE)
    if not ref.is_file():
        return None
    model = RoleModel.from_json(json.loads(ref.read_text(encoding="utf-8")))
    return model if model.features == FEATURES else None  # stale weights: stay silent


def corrected(
    prob: np.ndarray,
    rules: np.ndarray,
    fixed: np.ndarray,
    c: Correction,
    roles: Sequence[str] = ROLES,
    page: np.ndarray | None = None,
    keep: np.ndarray | None = None,
) -> np.ndarray:
    """Rule labels (indices into ``roles``) changed where ``c`` opens them and the model is sure.

    ``fixed`` marks labels the segment's own words decided; they stay unless
    ``c.own_words``.  ``page`` numbers each segment's page (default: all one page).
    A page shorter than ``c.min_segments`` keeps the rules' labels (its position
    and cohesion features mean little), and so does a page the correction would
    leave without any story.  With ``c.story_neutral`` a change must keep the
    segment's side of the story line; with ``c.headline_neutral`` a change into or
    out of ``headline`` must (but the way ``c.headline_way`` opens).  ``keep`` marks labels
    that stand whatever the model says (a consent box's ``other``).  The benchmark scores
    exactly this function.
    """
    page = np.zeros(len(rules), dtype=int) if page is None else page
    if not len(rules):
        return rules
    mask = np.array([r in c.scope or (r == "headline" and c.headline <= 1) for r in roles])
    p = np.where(mask, prob, -1.0)
    best, top = p.argmax(axis=1), p.max(axis=1)
    head = roles.index("headline")
    need = np.where((best == head) | (rules == head), c.headline, c.threshold)
    story = [head, roles.index("body")]
    leaving = np.isin(rules, story) & ~np.isin(best, story)
    need = np.where(leaving, np.maximum(need, c.leave), need)
    entering = ~np.isin(rules, story) & np.isin(best, story)
    need = np.where(entering, np.maximum(need, c.enter), need)
    big = np.bincount(page)[page] >= c.min_segments
    free = _headline_free(rules, best, head, c)
    side = (np.isin(best, story) == np.isin(rules, story)) | (free & (not c.story_neutral))
    boxed = np.isin(np.asarray(roles), c.boxes)[rules]  # a box line may go back to the story
    open_ = (mask[rules] | (boxed & np.isin(best, story))) & (c.own_words | ~fixed) & big & side
    if keep is not None:
        open_ &= ~keep
    if c.inside:
        open_ &= ~(leaving & _inside_story(np.isin(rules, story), page))
    if c.middle:
        across = np.isin(rules, story) != np.isin(best, story)
        mid = across & _inside_story(np.isin(rules, story), page)
        need = np.where(mid, np.maximum(need, c.middle), need)
    out = np.where(open_ & (best != rules) & (top >= need), best, rules)
    return _page_guards(rules, out, top, c, story, page)


def _headline_free(rules: np.ndarray, best: np.ndarray, head: int, c: Correction) -> np.ndarray:
    """Segments whose change may cross the story line as far as headlines go: all without
    ``c.headline_neutral``; with it none into or out of ``headline``, save the one way
    ``c.headline_way`` opens (a header line the rules left in chrome lifted in, or a
    headline let go; the other way is where the model misread a kicker or deck)."""
    if not c.headline_neutral:
        return np.ones(len(rules), dtype=bool)
    into, out_of = (best == head) & (rules != head), (rules == head) & (best != head)
    way = {"in": into, "out": out_of}.get(c.headline_way, np.zeros(len(rules), dtype=bool))
    return ~(into | out_of) | way


def _page_guards(rules: np.ndarray, out: np.ndarray, top: np.ndarray, c: Correction,
                 story: list[int], page: np.ndarray) -> np.ndarray:  # fmt: skip
    """The layer's changes ``out`` read a page at a time: a line let into the story alone
    (``_alone_in``) below ``c.lone`` goes back to the rules' label, and a page the correction
    would leave without any story keeps the rules' labels (the model reads one line; these
    read what it did to the page)."""
    if c.lone:
        alone = _alone_in(np.isin(rules, story), np.isin(out, story), page)
        out = np.where(alone & (top < c.lone), rules, out)
    had = np.bincount(page, weights=np.isin(rules, story)) > 0
    has = np.bincount(page, weights=np.isin(out, story)) > 0
    return np.where((had & ~has)[page], rules, out)


def _inside_story(in_story: np.ndarray, page: np.ndarray) -> np.ndarray:
    """Segments whose neighbours above and below (on the same page) are both story lines."""
    same = page[1:] == page[:-1]
    above = np.r_[False, in_story[:-1] & same]
    below = np.r_[in_story[1:] & same, False]
    return above & below


def _alone_in(was: np.ndarray, now: np.ndarray, page: np.ndarray) -> np.ndarray:
    """Segments let into the story (``now`` and not ``was``) with no neighbour on their page
    let in too: a run of lines let in together is the model reading a block the rules missed,
    one line alone is as often chrome with a story sentence's shape."""
    entering = now & ~was
    joint = entering[1:] & entering[:-1] & (page[1:] == page[:-1])
    return entering & ~(np.r_[False, joint] | np.r_[joint, False])


def apply_model(
    model: RoleModel,
    roles: Sequence[str],
    x: np.ndarray,
    *,
    html: bool = False,
    keep: Sequence[bool] | None = None,
) -> list[str]:
    """The rules' roles, each replaced where the model is confident of another.

    Only the labels the shipped correction opens may change (``Correction.scope``
    and headline decisions; docs/ingest.md has the study behind each).  On an
    HTML page a label its zone or own words decided always stands: the model never
    saw HTML pages.  A ``keep`` label always stands.
    """
    if not len(roles):
        return list(roles)
    prob = model.probabilities(x)
    fixed = x[:, model.features.index("fixed")] > 0
    c = model.correction
    if html and c.own_words:
        c = replace(c, own_words=False)
    rules = np.array([model.roles.index(r) for r in roles], dtype=int)
    kept = None if keep is None else np.asarray(keep, dtype=bool)
    return [model.roles[k] for k in corrected(prob, rules, fixed, c, model.roles, keep=kept)]


def correct_roles(
    segs: Sequence[Seg],
    roles: Sequence[str],
    fixed: Sequence[str | None],
    *,
    langs: Sequence[str | None] | None = None,
    link_share: Sequence[float] | None = None,
    model: RoleModel | None = None,
    prompts: bool = True,
) -> list[str]:
    """The hook ``core.roles`` calls: rule roles corrected by the (shipped) model.

    A consent box's ``other`` (``core.page_consent.consent_kept``) stands when
    ``KEEP_CONSENT``, and a site's prompt (``core.page_labels.prompt_kept``) when
    ``prompts``: the rules read the site's voice, the model reads shape (``kept``).
    """
    model = model or shipped_model()
    if model is None or not segs:
        return list(roles)
    x = page_features(segs, roles, fixed, langs=langs, link_share=link_share)
    keep = kept(segs, roles, prompts)
    return apply_model(model, roles, x, html=link_share is not None, keep=keep)
