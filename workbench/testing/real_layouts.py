"""EN->DE dictionary packages in the layouts real Argos packages come in.

Why: the three tokenizer layouts decode differently, and a bug in one never
shows with the others.

* ``argos-train``: SentencePiece *without* byte fallback, so characters the
  model never saw (``₴``, emoji) are unknown pieces; CTranslate2 emits
  ``<unk>`` and Argos copies the source piece back (``replace_unknowns``).
* ``opus``: an OPUS-MT conversion (LibreTranslate's Locomotive): the package's
  ``sentencepiece.model`` is the *source* model while the CTranslate2
  vocabulary is joint, so the German target pieces are unknown to it and come
  back from ``decode_pieces`` verbatim, ``▁`` included.
* ``bpe``: Moses tokenization + subword-nmt BPE (``bpe.model``), no SentencePiece.

Each function returns a ``.argosmodel`` path; ``workbench.testing.corpus``
supplies the word map, so outputs are known and can be compared with
``argostranslate.translate`` on the same installed package.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from workbench.testing import corpus
from workbench.testing.argos_models import LANG_NAMES, make_argosmodel
from workbench.testing.lexical import (
    WORD_START,
    lexical_spec,
    save_spec,
    train_sentencepiece,
    vocabulary,
)
from workbench.testing.minisbd import write_minisbd_onnx

LAYOUTS = ("argos-train", "opus", "bpe")


def _english_lines() -> list[str]:
    return [line for line in corpus.training_corpus() if line.isascii()]


def build_layout_package(layout: str, out_dir: Path) -> Path:
    """The EN->DE dictionary package of ``layout`` (one of ``LAYOUTS``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"layout-{layout}-", dir=out_dir))
    if layout == "bpe":
        return _bpe_package(work, out_dir / "en_de-bpe.argosmodel")
    sources = sorted({WORD_START + w for w in corpus.EN_DE_WORDS})
    targets = sorted({WORD_START + w for w in corpus.EN_DE_WORDS.values()})
    mapping = {WORD_START + s: WORD_START + t for s, t in corpus.EN_DE_WORDS.items()}
    if layout == "argos-train":
        sp = train_sentencepiece(
            _english_lines() + list(corpus.EN_DE_WORDS.values()),
            work / "sentencepiece.model",
            symbols=sorted(set(sources) | set(targets)),
            byte_fallback=False,
        )
        vocab = vocabulary(sp)
    elif layout == "opus":
        sp = train_sentencepiece(
            _english_lines(), work / "sentencepiece.model", symbols=sources, byte_fallback=False
        )
        vocab = vocabulary(sp)
        vocab += [t for t in targets if t not in set(vocab)]  # joint vocabulary
    else:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    model = save_spec(lexical_spec(vocab, mapping, word_gate=True), work / "model")
    return make_argosmodel(
        out_dir / f"en_de-{layout}.argosmodel",
        from_code="en",
        to_code="de",
        model_dir=model,
        sp_model=sp,
        sbd_onnx=write_minisbd_onnx(work / "sbd.onnx"),
        version=f"1.0-{layout}",
    )


def _bpe_codes(words: list[str]) -> list[tuple[str, str]]:
    """subword-nmt merges that rebuild each word from its characters (``</w>`` at the end)."""
    merges: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for word in words:
        symbols = list(word[:-1]) + [word[-1] + "</w>"]
        current = symbols[0]
        for sym in symbols[1:]:
            pair = (current, sym)
            if pair not in seen:
                seen.add(pair)
                merges.append(pair)
            current = current + sym
    return merges


def _bpe_package(work: Path, out_file: Path) -> Path:
    """Moses + BPE layout: ``bpe.model`` codes; CT2 vocabulary = whole words + characters."""
    words = sorted(set(corpus.EN_DE_WORDS) | set(corpus.EN_DE_WORDS.values()))
    chars = sorted({c for line in corpus.training_corpus() for c in line if not c.isspace()})
    codes = work / "bpe.model"
    lines = ["#version: 0.2"] + [f"{a} {b}" for a, b in _bpe_codes(words)]
    codes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    vocab = ["<unk>", "<s>", "</s>"] + sorted(
        set(words) | set(chars) | {c + "@@" for c in chars} | {w[:-1] + "@@" for w in words}
    )
    prefixes = {w[:k] + "@@" for w in words for k in range(1, len(w))}
    vocab += sorted(prefixes - set(vocab))
    model = save_spec(lexical_spec(vocab, dict(corpus.EN_DE_WORDS), word_gate=False), work / "m")
    metadata = {
        "package_version": "1.0-bpe",
        "argos_version": "1.9",
        "from_code": "en",
        "from_name": LANG_NAMES["en"],
        "to_code": "de",
        "to_name": LANG_NAMES["de"],
        "type": "translate",
    }
    sbd = write_minisbd_onnx(work / "sbd.onnx")
    name = "translate-en_de-bpe"
    with zipfile.ZipFile(out_file, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{name}/metadata.json", json.dumps(metadata, indent=2))
        zf.write(codes, f"{name}/bpe.model")
        for item in sorted(model.iterdir()):
            zf.write(item, f"{name}/model/{item.name}")
        zf.write(sbd, f"{name}/minisbd/en.onnx")
        zf.writestr(f"{name}/README.md", "# BPE test package\n\nLicense: CC-BY 4.0 (test)\n")
    return out_file
