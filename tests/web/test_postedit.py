"""The post-editing service: compare-and-set revisions, statuses, edit distance."""

from __future__ import annotations

import pytest

from tests.web.conftest import Corpus
from workbench.errors import ConflictError, InputError, NotFoundError
from workbench.services.postedit import edit_distance, levenshtein, save_translation


def test_levenshtein_and_ratio() -> None:
    assert levenshtein("kitten", "sitting") == 3
    assert levenshtein("", "abc") == 3
    assert edit_distance("abcd", "abcd") == {"unit": "char", "distance": 0, "ratio": 0.0}
    assert edit_distance("abcd", "abxd")["ratio"] == 0.25
    assert edit_distance("", "anything")["ratio"] is None  # no MT to compare with


def test_save_increments_revision_and_keeps_mt(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    seg = corpus.segments["soldiers"]
    saved = save_translation(
        settings, seg, "de", "Mehr als 10.000 Soldaten kamen.", base_revision=1
    )
    assert saved["revision"] == 2 and saved["status"] == "draft"
    assert saved["mt_text"] == "Mehr als 10.000 Soldaten."
    assert saved["edit"]["distance"] == levenshtein(
        "Mehr als 10.000 Soldaten.", "Mehr als 10.000 Soldaten kamen."
    )
    approved = save_translation(
        settings, seg, "de", saved["text"], base_revision=2, status="approved"
    )
    assert approved["revision"] == 3 and approved["status"] == "approved"


def test_stale_revision_is_a_conflict_and_nothing_is_overwritten(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    seg = corpus.segments["soldiers"]
    save_translation(settings, seg, "de", "Erste Fassung.", base_revision=1)
    with pytest.raises(ConflictError) as info:
        save_translation(settings, seg, "de", "Zweite Fassung.", base_revision=1)
    assert info.value.status == 409
    current = info.value.details["current"]  # type: ignore[attr-defined]
    assert current["text"] == "Erste Fassung." and current["revision"] == 2


def test_first_human_translation_uses_revision_zero(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    seg = corpus.segments["headline"]
    saved = save_translation(settings, seg, "uk", "Війська знову на фронті", base_revision=0)
    assert saved["revision"] == 1 and saved["mt_text"] == "" and saved["edit"]["ratio"] is None
    with pytest.raises(ConflictError):
        save_translation(settings, seg, "uk", "Інший текст", base_revision=0)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"text": "  ", "base_revision": 1}, InputError),
        ({"text": "x", "base_revision": 1, "status": "machine"}, InputError),
        ({"text": "x", "base_revision": 1, "lang": "xx"}, InputError),
        ({"text": "x", "base_revision": 0, "segment": 10**9}, NotFoundError),
        ({"text": "x", "base_revision": 5, "segment": 10**9}, NotFoundError),
    ],
)
def test_bad_saves_are_refused(settings, corpus: Corpus, kwargs: dict, error: type) -> None:  # type: ignore[no-untyped-def]
    segment = kwargs.pop("segment", corpus.segments["soldiers"])
    lang = kwargs.pop("lang", "de")
    with pytest.raises(error):
        save_translation(settings, segment, lang, kwargs.pop("text"), **kwargs)


def test_concurrent_saves_from_one_revision_have_one_winner(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    seg = corpus.segments["soldiers"]

    def attempt(i: int) -> str:
        try:
            save_translation(settings, seg, "de", f"Fassung {i}", base_revision=1)
            return f"Fassung {i}"
        except ConflictError:
            return "conflict"

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(attempt, range(8)))
    winners = [o for o in outcomes if o != "conflict"]
    assert len(winners) == 1 and outcomes.count("conflict") == 7
    with pytest.raises(ConflictError) as info:
        save_translation(settings, seg, "de", "late", base_revision=1)
    current = info.value.details["current"]  # type: ignore[attr-defined]
    assert current["revision"] == 2 and current["text"] == winners[0]
