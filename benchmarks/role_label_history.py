"""Rule labels of earlier mains on the dev batches they had not seen (``role_train.py``).

Why these belong together: the role correction learns from the errors rules make on
pages they have not seen, which today's in-sample labels cannot show.  Which mains
labelled which batches (``HISTORY_COMMITS``), which of them was each set's honest first
run (``FIRST_RUN``) or is close to today's rules (``RECENT``), and how their labels are
rebuilt from ``git archive`` into ``role_history.json`` (``build_history``) are one
record of the project's history, read by ``role_train.py`` (which re-exports them) and
``role_labels_cv.py``.  Split out of ``role_train.py`` (round 16, to keep it under ~400
lines).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Rule labels of earlier mains on pages they had not seen (``--history`` rebuilds it):
#: the errors rules make on unseen pages, which in-sample labels cannot show.
HISTORY = ROOT / "benchmarks" / "role_history.json"
#: The main each blind batch was first scored on, and the later batches it never saw.
HISTORY_COMMITS = {
    "d8a1eb5": tuple(range(3, 19)),
    "e70f71c": tuple(range(4, 19)),
    "62e80d3": tuple(range(5, 19)),
    "4770d0a": tuple(range(6, 19)),
    "4870fbf": tuple(range(11, 19)),
    "85b23c3": tuple(range(11, 19)),  # round 7's start: never tuned on 11-14 either
    "78adc66": (15, 16, 17, 18, 19, 20, 21, 22),  # round 7's final main: 15-22 unseen
    "01d0771": (19, 20, 21, 22),  # round 8's final main: 19-22 were held out all round
    "15fcf08": (27, 29),  # round 10's start and final main: 27-30 held out all round
    "ada88c1": (27, 29),  # (28 and 30 are check batches now: no labels kept)
    "3e87d8c": (31, 33),  # round 11's start and final main: 31-34 held out all round
    "a069327": (31, 33),  # (32 and 34 are check batches now: no labels kept)
    "13d93ee": (35, 37),  # round 12's start and final main: 35-38 held out all round
    "eefcd70": (35, 37),  # (36 and 38 are check batches now: no labels kept)
    "a82a352": (40, 41),  # round 13's start and final main: 39-42 held out all round
    "15fab99": (40, 41),  # (39 and 42 are check batches now: no labels kept)
    "c0de3d8": (43, 44),  # round 14's start and final main: 43-46 held out all round
    "a4c0edc": (43, 44),  # (45 and 46 are check batches now: no labels kept)
    "7a5d86b": (47, 48),  # round 15's start and final main: 47-50 held out all round
    "013f4b0": (47, 48),  # (49 and 50 are check batches now: no labels kept)
    "2990759": (52, 53),  # round 16's start and final main: 51-54 held out all round
    "d8f0112": (52, 53),  # (51 and 54 are check batches now: no labels kept)
    "250eeb1": (56, 57),  # round 17's start and final main: 55-58 held out all round
    "99f83ef": (56, 57),  # (55 and 58 are check batches now: no labels kept)
    "d39d778": (61, 62),  # round 18's start and final main: 59-62 held out all round
    "e98154f": (61, 62),  # (59 and 60 are check batches now: no labels kept)
    "1fb8f11": (65, 66),  # round 19's start and final main: 63-66 held out all round
    "8c3a181": (65, 66),  # (63 and 64 are check batches now: no labels kept)
    "ef7c4e2": (67, 68),  # round 20's start and final main: 67-70 held out all round
    "facff9a": (67, 68),  # (69 and 70 are check batches now: no labels kept)
    "34cddd1": (71, 73),  # round 21's start and final main: 71-74 held out all round
    "c86e5be": (71, 73),  # (72 and 74 are check batches now: no labels kept)
    "9d17e13": (75, 76),  # round 22's start and final main: 75-78 held out all round
    "a2601cc": (75, 76),  # (77 and 78 are check batches now: no labels kept)
    "a94175d": (80, 82),  # round 23's start and final main: 79-82 held out all round
    "72e93a1": (80, 82),  # (79 and 81 are check batches now: no labels kept)
    "3cb91e9": (84, 86),  # round 24's start and final main: 83-86 held out all round
    "3f8da70": (84, 86),  # (83 and 85 are check batches now: no labels kept)
    "7bd3b77": (88, 89),  # round 25's start and final main: 87-90 held out all round
    "5dd8b6d": (88, 89),  # (87 and 90 are check batches now: no labels kept)
    "80493e3": (91, 92),  # round 26's start and final main: 91-94 held out all round
    "f81e5d2": (91, 92),  # (93 and 94 are check batches now: no labels kept)
    "cf1bf18": (96, 98),  # round 27's start and final main: 95-98 held out all round
    "6b61dbd": (96, 98),  # (95 and 97 are check batches now: no labels kept)
    "8d2417c": (101, 102),  # round 28's start and final main: 99-102 held out all round
    "9959dc6": (101, 102),  # (99 and 100 are check batches now: no labels kept)
    "79ec1fd": (104, 105),  # round 29's start and final main: 103-106 held out all round
    "5785a0c": (104, 105),  # (103 and 106 are check batches now: no labels kept)
    "8d8b681": (107, 110),  # round 30's start and final main: 107-110 held out all round
    "ca46326": (107, 110),  # (108 and 109 are check batches now: no labels kept)
    "d02bf10": (111, 113),  # round 31's start and final main: 111-114 held out all round
    "60a2f0d": (111, 113),  # (112 and 114 are check batches now: no labels kept)
    "51f081f": (116, 117),  # round 32's start and final main: 115-118 held out all round
    "af8f8c4": (116, 117),  # (115 and 118 are check batches now: no labels kept)
    "0affcde": (119, 122),  # round 33's start and final main: 119-122 held out all round
    "02cd69b": (119, 122),  # (120 and 121 are check batches now: no labels kept)
    "30657ff": (124, 126),  # round 34's start and final main: 123-126 held out all round
    "e66a51f": (124, 126),  # (123 and 125 are check batches now: no labels kept)
    "ac5d499": (128, 130),  # round 35's start and final main: 127-130 held out all round
    "8471c64": (128, 130),  # (127 and 129 are check batches now: no labels kept)
    "1ef12e5": (132, 133),  # round 36's start and final main: 131-134 held out all round
    "a5b92a2": (132, 133),  # (131 and 134 are check batches now: no labels kept)
    "135510e": (136, 138),  # round 37's start and final main: 135-138 held out all round
    "9dd9bfd": (136, 138),  # (135 and 137 are check batches now: no labels kept)
    "21115cf": (139, 141),  # round 38's start and final main: 139-142 held out all round
    "9e25356": (139, 141),  # (140 and 142 are check batches now: no labels kept)
    "6d4e49a": (145, 146),  # round 39's start and final main: 143-146 held out all round
    "e01134b9": (145, 146),  # (143 and 144 are check batches now: no labels kept)
    "e550e51f": (148, 150),  # round 40's start and final main: 147-150 held out all round
    "74bdcbc4": (148, 150),  # (147 and 149 are check batches now: no labels kept)
    "f8cb4707": (151, 152),  # round 41's start and final main: 151-154 held out all round
    "6f2887b7": (151, 152),  # (153 and 154 are check batches now: no labels kept)
    "c76ac023": (155, 157),  # round 42's start and last main: 155-158 held out all round
    "b6ffa6dc": (155, 157),  # (156 and 158 are check batches now: no labels kept)
    "c20af012": (161, 162),  # round 43's start and last main: 159-162 held out all round
    "1cb805e2": (161, 162),  # (159 and 160 are check batches now: no labels kept)
}
#: Which version of the rule labels was the set's first unseen run (the honest one).
FIRST_RUN = {"blind3": "d8a1eb5", "blind4": "e70f71c", "blind5": "62e80d3"}
FIRST_RUN |= {f"blind{b}": "4770d0a" for b in (6, 7, 8, 9, 10)}
FIRST_RUN |= {f"blind{b}": "4870fbf" for b in (11, 12, 13, 14)}
FIRST_RUN |= {f"blind{b}": "78adc66" for b in (15, 16, 17, 18, 19, 20, 21, 22)}
FIRST_RUN |= {"blind27": "15fcf08", "blind29": "15fcf08"}
FIRST_RUN |= {"blind31": "3e87d8c", "blind33": "3e87d8c"}
FIRST_RUN |= {"blind35": "13d93ee", "blind37": "13d93ee"}
FIRST_RUN |= {"blind40": "a82a352", "blind41": "a82a352"}
FIRST_RUN |= {"blind43": "c0de3d8", "blind44": "c0de3d8"}
FIRST_RUN |= {"blind47": "7a5d86b", "blind48": "7a5d86b"}
FIRST_RUN |= {"blind52": "2990759", "blind53": "2990759"}
FIRST_RUN |= {"blind56": "250eeb1", "blind57": "250eeb1"}
FIRST_RUN |= {"blind61": "d39d778", "blind62": "d39d778"}
FIRST_RUN |= {"blind65": "1fb8f11", "blind66": "1fb8f11"}
FIRST_RUN |= {"blind67": "ef7c4e2", "blind68": "ef7c4e2"}
FIRST_RUN |= {"blind71": "34cddd1", "blind73": "34cddd1"}
FIRST_RUN |= {"blind75": "9d17e13", "blind76": "9d17e13"}
FIRST_RUN |= {"blind80": "a94175d", "blind82": "a94175d"}
FIRST_RUN |= {"blind84": "3cb91e9", "blind86": "3cb91e9"}
FIRST_RUN |= {"blind88": "7bd3b77", "blind89": "7bd3b77"}
FIRST_RUN |= {"blind91": "80493e3", "blind92": "80493e3"}
FIRST_RUN |= {"blind96": "cf1bf18", "blind98": "cf1bf18"}
FIRST_RUN |= {"blind101": "8d2417c", "blind102": "8d2417c"}
FIRST_RUN |= {"blind104": "79ec1fd", "blind105": "79ec1fd"}
FIRST_RUN |= {"blind107": "8d8b681", "blind110": "8d8b681"}
FIRST_RUN |= {"blind111": "d02bf10", "blind113": "d02bf10"}
FIRST_RUN |= {"blind116": "51f081f", "blind117": "51f081f"}
FIRST_RUN |= {"blind119": "0affcde", "blind122": "0affcde"}
FIRST_RUN |= {"blind124": "30657ff", "blind126": "30657ff"}
FIRST_RUN |= {"blind128": "ac5d499", "blind130": "ac5d499"}
FIRST_RUN |= {"blind132": "1ef12e5", "blind133": "1ef12e5"}
FIRST_RUN |= {"blind136": "135510e", "blind138": "135510e"}
FIRST_RUN |= {"blind139": "21115cf", "blind141": "21115cf"}
FIRST_RUN |= {"blind145": "6d4e49a", "blind146": "6d4e49a"}
FIRST_RUN |= {"blind148": "e550e51f", "blind150": "e550e51f"}
FIRST_RUN |= {"blind151": "f8cb4707", "blind152": "f8cb4707"}
FIRST_RUN |= {"blind155": "c76ac023", "blind157": "c76ac023"}
FIRST_RUN |= {"blind161": "c20af012", "blind162": "c20af012"}
#: Rule labels close to today's rules (``recent`` training variant): the final mains of
#: rounds 8-43 and the starts of 10-43, on the batches they never saw (since round 14; until
#: then round 7's mains).  A set none of them labelled trains on its first run and today's.
RECENT = ("01d0771", "15fcf08", "ada88c1", "3e87d8c", "a069327", "13d93ee", "eefcd70",
          "a82a352", "15fab99", "c0de3d8", "a4c0edc", "7a5d86b", "013f4b0", "2990759",
          "d8f0112", "250eeb1", "99f83ef", "d39d778", "e98154f", "1fb8f11", "8c3a181",
          "ef7c4e2", "facff9a", "34cddd1", "c86e5be", "9d17e13", "a2601cc", "a94175d",
          "72e93a1", "3cb91e9", "3f8da70", "7bd3b77", "5dd8b6d",
          "80493e3", "f81e5d2", "cf1bf18", "6b61dbd", "8d2417c", "9959dc6",
          "79ec1fd", "5785a0c", "8d8b681", "ca46326", "d02bf10", "60a2f0d",
          "51f081f", "af8f8c4", "0affcde", "02cd69b", "30657ff", "e66a51f",
          "ac5d499", "8471c64", "1ef12e5", "a5b92a2", "135510e", "9dd9bfd",
          "21115cf", "9e25356", "6d4e49a", "e01134b9",
          "e550e51f", "74bdcbc4", "f8cb4707", "6f2887b7",
          "c76ac023", "b6ffa6dc", "c20af012", "1cb805e2")  # fmt: skip
_DUMP = """
import json, sys
from pathlib import Path
from workbench.testing.page_gold import load_pages, predict
try:  # mains with the learned layer hooked in: the rules' own labels
    import workbench.core.role_model as rm
    rm.shipped_model = lambda: None
except ImportError:
    pass
out = {}
for folder in sys.argv[2:]:
    for page in load_pages(Path(folder)):
        key = Path(folder).name.replace("batch", "blind") + "/" + page.name
        out[key] = [[s.start, s.end, r] for s, r in zip(page.segs, predict(page), strict=True)]
Path(sys.argv[1]).write_text(json.dumps(out))
"""


def build_history(blind: Path) -> None:
    """Rule labels of the mains in ``HISTORY_COMMITS`` on the batches they never saw.

    ``blind``: the folder of the dev batches (``batchNN``).  Incremental: pages already in
    the file are kept, only missing ones are computed.
    """
    out: dict[str, dict] = {}
    if HISTORY.is_file():
        out = json.loads(HISTORY.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for commit, batches in HISTORY_COMMITS.items():
            have = {key.split("/")[0] for key in out.get(commit, {})}
            todo = [b for b in batches if f"blind{b}" not in have]
            if not todo:
                continue
            tree = Path(tmp) / commit
            tree.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "workbench"],
                                     check=True, capture_output=True).stdout  # fmt: skip
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            dump = Path(tmp) / f"{commit}.json"
            # the dump runs in the temporary folder: a relative ``blind`` must not be read there
            folders = [str(blind.resolve() / f"batch{b}") for b in todo]
            env = {**os.environ, "PYTHONPATH": str(tree)}
            subprocess.run(
                [sys.executable, "-c", _DUMP, str(dump), *folders], check=True, env=env, cwd=tmp
            )
            out.setdefault(commit, {}).update(json.loads(dump.read_text(encoding="utf-8")))
            HISTORY.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"history: {commit} on batches {todo}", flush=True)
