"""Model labels are built and parsed by one module (``workbench.core.labels``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import labels
from workbench.core.labels import ModelRef

_part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_.-", min_size=1, max_size=8)
_refs = st.lists(st.builds(ModelRef, _part, _part, _part, st.just("") | _part), max_size=3)


def test_known_forms() -> None:
    ref = ModelRef("argos", labels.pair_name("en", "de"), "1.9")
    assert ref.model_id == labels.model_id("argos", "en", "de") == "argos:en_de"
    assert ref.label == "argos:en_de@1.9"
    pivot = [ModelRef("argos", "ru_en", "1.0"), ref]
    assert labels.route_label(pivot) == "argos:ru_en@1.0+argos:en_de@1.9"
    assert labels.route_label([]) == "identity" and labels.parse_route("identity") == []
    assert labels.route_columns(pivot) == ("argos:ru_en+argos:en_de", "1.0+1.9")
    assert labels.row_label("argos:ru_en+argos:en_de", "1.0+1.9", "approved") == (
        "argos:ru_en@1.0+argos:en_de@1.9 (approved)"
    )
    assert labels.parse_step("argos:en_de@1.9~beam1") == ModelRef("argos", "en_de", "1.9", "beam1")
    listing = labels.join_labels(["argos:ru_en@1.0+argos:en_de@1.0", "argos:en_de@1.0 (approved)"])
    assert [r.name for r in labels.models_in(listing)] == ["en_de", "ru_en"]


@given(_refs)
def test_every_route_round_trips(route: list[ModelRef]) -> None:
    assert labels.parse_route(labels.route_label(route)) == route
    assert labels.from_columns(*labels.route_columns(route)) == route
