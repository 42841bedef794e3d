"""Where a figure stands in its text, as a whole word: the place a duration's unit is read after.

Why: ``check_forms.durations`` read the time unit after each figure's first place found by
``str.find``, so a number word written inside an earlier word was placed there and its unit
never read: "три" in "Ремонт **три**ватиме три тижні" (uk "will last", the verb a Ukrainian
duration most often follows), "ten" in "ex**ten**ded for ten days", "two" in "net**wo**rk"...
Such a duration was no duration: the same length told in another unit on the other side ("21
день") was not taken away (``check_forms.without_other_forms``) and a paraphrase row's changed
length ("три тижні" / "два тижні") was not compared in minutes (``check_durations``).

Round 36 (flagsb36): on as a product fix. No dev or check token moves (``flags_cv.py --switch
whole_word_durations``: a tie); on every dev sentence's duration told again in another unit
(``benchmarks/flags_unit_forms.py``) it takes 10 false flags of 317 to none and keeps all 316
changed counts flagged.
"""

from __future__ import annotations

import re

#: Find a duration's figure as a whole word (round 36: on; off is START's ``str.find``).
WHOLE_WORDS = True


def place_of(text: str, raw: str, start: int = 0) -> int:
    """The index of ``raw`` in ``text`` from ``start`` (-1 if absent): with ``WHOLE_WORDS``,
    the first place where no letter or digit is glued to a word edge of it, else (and when
    there is none) the first place at all, as before."""
    if not WHOLE_WORDS or not raw:
        return text.find(raw, start)
    head = r"(?<!\w)" if raw[0].isalnum() else ""
    tail = r"(?!\w)" if raw[-1].isalnum() else ""
    found = re.compile(head + re.escape(raw) + tail).search(text, start)
    return found.start() if found else text.find(raw, start)
