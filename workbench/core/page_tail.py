"""Where the story ends: footers written as sentences, and lines addressed to the reader.

Why: a page's footer often reads like prose ("The BBC is not responsible for
the content of external sites.", "If you have noticed a mistake, select the
text and press Ctrl + Enter"), so the story's last prose sentence, and with it
the region where short lines are still story, would run on into the footer.
Two observations that hold across sites and languages, not phrase lists:

* news copy speaks *about* people; a sentence that speaks *to* the reader
  (second person, outside quotation marks) is the site talking: a notice, a
  newsletter pitch, an appeal;
* the story's own sentences share its vocabulary; a sentence below the story,
  past page chrome (a stamp, a credit, a label, a share bar), that shares
  nothing with it is the footer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.segment import Seg

#: Second-person pronouns (grammar words, not site vocabulary).  German formal
#: address is recognised separately: "Sie"/"Ihr"/"Ihnen" capitalised mid-sentence.
_YOU = re.compile(
    r"\b(you|your|yours|yourself|vous|votre|vos|вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего"
    r"|вашей|ви|ваш|ваші|вашої|вашого|σας|εσείς|euch|euer|eure)\b",
    re.I,
)
_GERMAN_FORMAL = re.compile(r"(?<=[\w,] )(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen)\b")
_QUOTES = re.compile(r"[\"«»„“”‘‚]")


def addresses_reader(text: str) -> bool:
    """Whether the segment speaks to the reader (second person, outside quotations)."""
    if _QUOTES.search(text):
        return False  # quoted speech may say "you" to anyone
    return bool(_YOU.search(text) or _GERMAN_FORMAL.search(text))


def trim_footer(
    prose: Sequence[int],
    segs: Sequence[Seg],
    cohesion_of: Callable[[int, Sequence[int]], float | None],
    chrome_between: Callable[[int, int], bool],
    threshold: float,
) -> list[int]:
    """The story's prose without the footer sentences at its end.

    Walking up from the last prose sentence, those addressed to the reader or
    sharing (almost) nothing with the story above them are set aside; each stays
    footer if it addresses the reader or page chrome lies between the story's
    last sentence and it (else it is the story's closing line after all).
    ``cohesion_of(i, others)`` is the share of ``i``'s content words used by the
    ``others``; ``chrome_between(a, b)`` whether chrome lies strictly between.
    """
    kept, tail = list(prose), []
    while len(kept) >= 3 and _off_story(kept[-1], kept[:-1], segs, cohesion_of, threshold):
        tail.insert(0, kept.pop())
    for i in tail:
        if not (addresses_reader(segs[i].text) or chrome_between(kept[-1], i)):
            kept.append(i)
    return kept


def is_footer(
    i: int,
    story: Sequence[int],
    segs: Sequence[Seg],
    cohesion_of: Callable[[int, Sequence[int]], float | None],
    chrome_between: Callable[[int, int], bool],
    threshold: float,
) -> bool:
    """Whether segment ``i``, below the ``story`` sentences, belongs to the footer."""
    if not story or not _off_story(i, story, segs, cohesion_of, threshold):
        return False
    return addresses_reader(segs[i].text) or chrome_between(story[-1], i)


def _off_story(
    i: int,
    story: Sequence[int],
    segs: Sequence[Seg],
    cohesion_of: Callable[[int, Sequence[int]], float | None],
    threshold: float,
) -> bool:
    """Addressed to the reader and off topic, or (on a long story) sharing almost nothing.

    Cohesion only tells on a story long enough to have a vocabulary (short
    pages of an inflected language share few word forms even within the story),
    so the second test needs ``STORY_SENTENCES`` sentences and a line of four
    words or more.
    """
    c = cohesion_of(i, story)
    if addresses_reader(segs[i].text) and (c is None or c < threshold):
        return True
    if len(story) < STORY_SENTENCES or c is None or c >= threshold / 2:
        return False
    return len(set(segs[i].text.split())) >= 4


#: Story sentences above a line before its cohesion can mark it as footer.
STORY_SENTENCES = 5
