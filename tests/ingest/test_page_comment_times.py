"""A clock time's unit is no commenter's name (``core.page_comments._named``).

A live blog heads each entry with a bare time ("10:42") and is no comment section; a
German site prints the same time as "10:42 Uhr", an English one as "10:42 pm".  The unit
used to count as the name beside a stamp, so those entries read as comment posts and the
section swallowed the story's last entries.  A real post header keeps its name.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.page_comments import _named

_STORY = (
    "Stadtwerke melden Rohrbruch in der Innenstadt\n\n"
    "In der Innenstadt ist am Morgen eine Hauptwasserleitung gebrochen.\n\n"
    "Rund 2.000 Haushalte waren nach Angaben der Stadtwerke ohne Wasser.\n\n"
)
_ENTRIES = (
    "Die Reparatur soll nach Angaben der Stadtwerke bis zum Abend dauern.",
    "Die Feuerwehr hat an der Marktstraße einen Wasserwagen aufgestellt.",
    "Die Schule am Ring bleibt nach Angaben der Stadt heute geschlossen.",
)


def _ticker(headers: list[str]) -> str:
    return _STORY + "".join(f"{h}\n{e}\n\n" for h, e in zip(headers, _ENTRIES, strict=True))


def test_live_blog_entries_headed_by_time_and_unit_are_story() -> None:
    roles = roles_by_text(_ticker(["15:20 Uhr", "13:48 Uhr", "11:40 Uhr"]), "de")
    assert all(roles[e] == "body" for e in _ENTRIES)


def test_posts_headed_by_a_name_and_a_time_are_comments() -> None:
    headers = ["Oderblick  29.11.2026 | 22:51 Uhr", "Anna_K  29.11.2026 | 22:58 Uhr",
               "Uckermärker_61  29.11.2026 | 23:02 Uhr"]  # fmt: skip
    roles = roles_by_text(_ticker(headers), "de")
    assert roles[_ENTRIES[-1]] == "comment_form"


@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    unit=st.sampled_from(["Uhr", "h", "pm", "AM", "p.m."]),
    date=st.sampled_from(["", "29.11.2026, ", "29.11.2026 | ", "Sonntag, 29.11.2026 "]),
    name=st.sampled_from(["Oderblick", "Anna_K", "marla_in_eugene", "Ted Okonkwo"]),
)
def test_a_unit_never_names_a_stamp_and_a_name_always_does(
    hour: int, minute: int, unit: str, date: str, name: str
) -> None:
    stamp = f"{date}{hour:02d}:{minute:02d} {unit}"
    assert not _named(stamp)
    assert _named(f"{name}  {stamp}")
