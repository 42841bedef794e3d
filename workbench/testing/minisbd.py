"""A rule-based MiniSBD sentence splitter written as a tiny ONNX file.

Why: ``argostranslate.translate`` splits sentences with MiniSBD and, when the
package carries no ``minisbd/*.onnx``, downloads one from GitHub on *every*
call.  Workbench never uses that path, but the benchmark's naive baseline does,
so generated packages carry this model (rule: split after . ! ? … when a space
or the end follows).  The protobuf is encoded by hand so that the ``onnx``
package is not a dependency.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

_FLOAT, _INT64 = 1, 7


def _varint(n: int) -> bytes:
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _int_field(field: int, n: int) -> bytes:
    return _varint(field << 3) + _varint(n)


def _bytes_field(field: int, data: bytes | str) -> bytes:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return _varint((field << 3) | 2) + _varint(len(raw)) + raw


def _tensor(name: str, arr: np.ndarray, elem_type: int) -> bytes:
    arr = np.ascontiguousarray(arr)
    msg = b"".join(_int_field(1, d) for d in arr.shape)
    msg += _int_field(2, elem_type) + _bytes_field(8, name)
    dtype = "<f4" if elem_type == _FLOAT else "<i8"
    return msg + _bytes_field(9, arr.astype(dtype).tobytes())


def _value_info(name: str, elem_type: int, dims: list[str | int]) -> bytes:
    shape = b"".join(
        _bytes_field(1, _int_field(1, d) if isinstance(d, int) else _bytes_field(2, d))
        for d in dims
    )
    tensor_type = _int_field(1, elem_type) + _bytes_field(2, shape)
    return _bytes_field(1, name) + _bytes_field(2, _bytes_field(1, tensor_type))


def _node(op: str, inputs: list[str], outputs: list[str], **int_attrs: int) -> bytes:
    msg = b"".join(_bytes_field(1, i) for i in inputs)
    msg += b"".join(_bytes_field(2, o) for o in outputs) + _bytes_field(4, op)
    for key, value in int_attrs.items():  # AttributeProto(name=1, i=3, type=20: INT)
        msg += _bytes_field(5, _bytes_field(1, key) + _int_field(3, value) + _int_field(20, 2))
    return msg


def _graph(units: list[str], final: str) -> bytes:
    is_final = np.array([1.0 if u in final else 0.0 for u in units], np.float32)
    is_gap = np.array([1.0 if u in ("<PAD>", " ") else 0.0 for u in units], np.float32)
    nodes = [
        _node("Gather", ["is_final", "units"], ["fin"], axis=0),
        _node("Slice", ["units", "one", "big", "one"], ["rest"]),
        _node("Slice", ["units", "zero", "one", "one"], ["first"]),
        _node("Mul", ["first", "zero_i"], ["padcol"]),
        _node("Concat", ["rest", "padcol"], ["nxt"], axis=1),
        _node("Gather", ["is_gap", "nxt"], ["gap"], axis=0),
        _node("Mul", ["fin", "gap"], ["eos"]),
        _node("Unsqueeze", ["eos", "minus1"], ["eos3"]),
        _node("Mul", ["eos3", "delta"], ["scaled"]),
        _node("Add", ["scaled", "base"], ["logits"]),
    ]
    inits = [
        _tensor("is_final", is_final, _FLOAT),
        _tensor("is_gap", is_gap, _FLOAT),
        _tensor("zero", np.array([0]), _INT64),
        _tensor("one", np.array([1]), _INT64),
        _tensor("big", np.array([2**62]), _INT64),
        _tensor("minus1", np.array([-1]), _INT64),
        _tensor("zero_i", np.array(0), _INT64),
        _tensor("delta", np.array([-1, 0, 1, 0, 0], np.float32), _FLOAT),
        _tensor("base", np.array([1, 0, 0, 0, 0], np.float32), _FLOAT),
    ]
    graph = b"".join(_bytes_field(1, n) for n in nodes) + _bytes_field(2, "minisbd_rule")
    graph += b"".join(_bytes_field(5, t) for t in inits)
    graph += _bytes_field(11, _value_info("units", _INT64, ["B", "T"]))
    graph += _bytes_field(11, _value_info("features", _FLOAT, ["B", "T", "F"]))
    return graph + _bytes_field(12, _value_info("logits", _FLOAT, ["B", "T", 5]))


def write_minisbd_onnx(out_path: Path, lang: str = "xx", final: str = ".!?\u2026") -> Path:
    """Write the splitter; MiniSBD reads its vocabulary and config from metadata."""
    units = ["<PAD>", "<UNK>", " ", *final]  # <PAD> must be id 0
    vocab_state = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {u: i for i, u in enumerate(units)},
        "_id2unit": units,
    }
    config = {
        "skip_newline": False,
        "max_seqlen": 1000,
        "no_ssplit": False,
        "batch_size": 32,
        "feat_funcs": [],
        "use_dictionary": False,
        "num_dict_feat": 0,
    }
    meta = {
        "lang_code": lang,
        "config": json.dumps(config),
        "vocab": json.dumps(vocab_state),
        "lexicon": "null",
    }
    model = _int_field(1, 8) + _bytes_field(2, "workbench") + _bytes_field(7, _graph(units, final))
    model += _bytes_field(8, _bytes_field(1, "") + _int_field(2, 13))  # opset 13
    model += b"".join(
        _bytes_field(14, _bytes_field(1, k) + _bytes_field(2, v)) for k, v in meta.items()
    )
    out_path.write_bytes(model)
    return out_path
