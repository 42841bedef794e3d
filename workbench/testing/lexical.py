"""Hand-wired CTranslate2 Transformers whose output is known exactly.

Why hand-wired: tests must prove exact outputs through the *real* tokenizer and
``ctranslate2.Translator`` path, and no trained model may be downloaded.  The
model is a 1+1-layer pre-norm Transformer (the same spec flags as an
OpenNMT-py model converted for Argos) whose weights implement a lexical map:

    output piece at decoder step t = MAP[source piece t]   (copied when unmapped)

and EOS after the last source piece (the source gets ``</s>`` appended, which
maps to itself).  With the *word gate* a lexicon entry only applies when the
next source piece starts a new word, so ``the -> die`` but ``there`` stays.

Mechanics: the encoder passes token identity + a position code through
(all self-attention/FFN weights are zero); decoder cross-attention head 0 uses
the decoder position code as query and reads the token at the same source
position; head 1 (word gate) reads the "starts a word" flag of position t+1
through a rotation of the position code.  The output projection scores every
target piece against the attended token identity.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

WORD_START = "\u2581"


def train_sentencepiece(
    lines: list[str],
    out_path: Path,
    *,
    vocab_size: int = 1000,
    symbols: list[str] | None = None,
    byte_fallback: bool = True,
) -> Path:
    """Train a unigram SentencePiece model, by default with byte fallback (every input encodable).

    ``byte_fallback=False`` is the argos-train layout: unseen characters become unknown pieces.

    ``identity`` normalisation keeps the text as is, so a copy model round-trips
    any string exactly (real Argos models use NFKC; tests want exactness).
    """
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=byte_fallback,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        user_defined_symbols=list(symbols or []),
        minloglevel=2,
        num_threads=1,
    )
    out_path.write_bytes(buf.getvalue())
    return out_path


def vocabulary(sp_model: Path) -> list[str]:
    """The pieces of a SentencePiece model in id order (CTranslate2's vocabulary)."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    if vocab[:3] != ["<unk>", "<s>", "</s>"]:
        raise ValueError(f"unexpected special pieces {vocab[:3]}")
    return vocab


def _position_codes(max_len: int, n_freq: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Unit-norm, zero-mean position codes and the rotation R with P[t+1] = P[t] @ R.T.

    Returns (P, R, margin) where margin = 1 - the largest similarity between
    two different positions (attention logits are scaled by 1/margin).
    """
    w = 2 * np.pi / np.geomspace(2.5, 2000.0, n_freq)
    angles = np.arange(max_len)[:, None] * w[None, :]
    c, s = np.cos(angles), np.sin(angles)
    codes = np.concatenate([c, s, -c, -s], axis=1) / np.sqrt(2 * n_freq)
    rot = np.zeros((4 * n_freq, 4 * n_freq))
    for k in range(n_freq):
        cw, sw = np.cos(w[k]), np.sin(w[k])
        for off in (0, 2 * n_freq):
            ci, si = off + k, off + n_freq + k
            rot[ci, ci], rot[ci, si], rot[si, ci], rot[si, si] = cw, -sw, sw, cw
    margin = 1 - np.cos(np.outer(np.arange(1, max_len), w)).mean(1).max()
    return codes.astype(np.float32), rot.astype(np.float32), float(margin)


def _starts_word(piece: str) -> bool:
    """True if ``piece`` begins a new word (so the piece before it ended one)."""
    if piece in ("</s>", "<unk>") or piece.startswith(WORD_START):
        return True
    if piece.startswith("<0x"):  # byte fallback: continuation bytes of a letter do not
        return int(piece[3:5], 16) < 0x80
    return not piece[0].isalnum()


@dataclass
class _Layout:
    """Residual-stream layout and the hyper-parameters derived from the vocabulary."""

    vocab: list[str]
    word_gate: bool
    d_tok: int = 128
    n_freq: int = 16
    max_len: int = 1025
    flag: float = 0.5  # the (+f, -f) feature pair carries +-flag

    def __post_init__(self) -> None:
        self.codes, self.rot, self.margin = _position_codes(self.max_len, self.n_freq)
        self.d_pos = self.codes.shape[1]
        self.heads = 2 if self.word_gate else 1
        if self.word_gate:
            self.dh = max(self.d_tok, self.d_pos, (self.d_tok + self.d_pos + 3) // 2)
        else:
            self.dh = self.d_tok + self.d_pos + 2
        self.d = self.heads * self.dh
        self.tok = slice(0, self.d_tok)
        self.pos = slice(self.d_tok, self.d_tok + self.d_pos)
        self.flg = slice(self.d_tok + self.d_pos, self.d_tok + self.d_pos + 2)
        self.norm2 = 2.0 + (2 * self.flag**2 if self.word_gate else 0.0)
        self.scale = float(np.sqrt(self.d / self.norm2))  # what a LayerNorm multiplies by


def _encoder_embeddings(lay: _Layout, tok_codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    emb = np.zeros((len(lay.vocab), lay.d), np.float32)
    emb[:, lay.tok] = tok_codes
    if lay.word_gate:
        sign = np.array([1.0 if _starts_word(p) else -1.0 for p in lay.vocab], np.float32)
        emb[:, lay.flg.start] = sign * lay.flag
        emb[:, lay.flg.start + 1] = -sign * lay.flag
    pe = np.zeros((lay.max_len, lay.d), np.float32)
    pe[:, lay.pos] = lay.codes
    return emb, pe


def _cross_attention(lay: _Layout, sharpness: float = 40.0) -> list[np.ndarray]:
    """Wq, Wk, Wv, Wo: head 0 reads the token at position t, head 1 the flag at t+1."""
    d, dh = lay.d, lay.dh
    wq, wk, wv, wo = (np.zeros((d, d), np.float32) for _ in range(4))
    alpha = sharpness / lay.margin * np.sqrt(dh) / np.sqrt(d)  # query side is LN-scaled
    wq[0 : lay.d_pos, lay.pos] = np.eye(lay.d_pos) * alpha
    wk[0 : lay.d_pos, lay.pos] = np.eye(lay.d_pos) / lay.scale
    wv[0 : lay.d_tok, lay.tok] = np.eye(lay.d_tok) / lay.scale
    wo[lay.tok, 0 : lay.d_tok] = np.eye(lay.d_tok)
    if lay.word_gate:
        wq[dh : dh + lay.d_pos, lay.pos] = lay.rot * alpha
        wk[dh : dh + lay.d_pos, lay.pos] = np.eye(lay.d_pos) / lay.scale
        wv[dh : dh + 2, lay.flg] = np.eye(2) / lay.scale
        wo[lay.flg, dh : dh + 2] = np.eye(2)
    return [wq, wk, wv, wo]


def _projection(
    lay: _Layout, tok_codes: np.ndarray, mapping: dict[str, str], logit_scale: float = 80.0
) -> np.ndarray:
    """Output logits: target piece j scores high when the attended token maps to j."""
    index = {p: i for i, p in enumerate(lay.vocab)}
    g = np.zeros((len(lay.vocab), lay.d_tok), np.float32)
    for s, piece in enumerate(lay.vocab):
        target = mapping.get(piece, piece)
        if target not in index:
            raise KeyError(f"target piece {target!r} (for {piece!r}) is not in the vocabulary")
        g[index[target]] += tok_codes[s]
        if lay.word_gate and target != piece:
            g[s] += tok_codes[s]  # keep the copy option open; the gate decides
    proj = np.zeros((len(lay.vocab), lay.d), np.float32)
    proj[:, lay.tok] = g * (logit_scale / lay.scale)
    if lay.word_gate:
        w = 0.15 * logit_scale / (2 * lay.flag) / lay.scale
        sources = {index[s] for s in mapping if s in index}
        targets = {index[t] for t in mapping.values()}
        for j in targets:
            proj[j, lay.flg] += (w, -w)
        for j in sources - targets:
            proj[j, lay.flg] += (-w, w)
    return proj


def _layer_norm(ln: Any, d: int) -> None:
    ln.gamma = np.ones(d, np.float32)
    ln.beta = np.zeros(d, np.float32)


def _zero_block(layer: Any, d: int, ffn_dim: int = 8) -> None:
    """Self-attention and FFN that add nothing to the residual stream."""
    _layer_norm(layer.self_attention.layer_norm, d)
    layer.self_attention.linear[0].weight = np.zeros((3 * d, d), np.float32)
    layer.self_attention.linear[1].weight = np.zeros((d, d), np.float32)
    _layer_norm(layer.ffn.layer_norm, d)
    layer.ffn.linear_0.weight = np.zeros((ffn_dim, d), np.float32)
    layer.ffn.linear_1.weight = np.zeros((d, ffn_dim), np.float32)


def _zero_cross_layer(layer: Any, d: int, ffn_dim: int) -> None:
    """A decoder layer that adds nothing (but costs a real layer's compute)."""
    _zero_block(layer, d, ffn_dim)
    _layer_norm(layer.attention.layer_norm, d)
    layer.attention.linear[0].weight = np.zeros((d, d), np.float32)
    layer.attention.linear[1].weight = np.zeros((2 * d, d), np.float32)
    layer.attention.linear[2].weight = np.zeros((d, d), np.float32)


def lexical_spec(
    vocab: list[str],
    mapping: dict[str, str] | None = None,
    *,
    word_gate: bool = False,
    layers: tuple[int, int] = (1, 1),
    d_tok: int = 128,
    ffn_dim: int = 8,
) -> Any:
    """A validated-to-be ``TransformerSpec`` translating piece by piece via ``mapping``.

    ``layers``, ``d_tok`` and ``ffn_dim`` scale it up to a real model's cost
    (benchmarks): the extra layers are zero blocks that leave the output
    unchanged, so the model still stops exactly after the source, as a
    trained model does.
    """
    from ctranslate2.specs import transformer_spec

    mapping = {s: t for s, t in (mapping or {}).items() if s != t}
    lay = _Layout(vocab, word_gate, d_tok=d_tok)
    tok_codes = np.random.default_rng(1234).standard_normal((len(vocab), lay.d_tok))
    tok_codes -= tok_codes.mean(axis=1, keepdims=True)  # zero mean: LayerNorm only scales
    tok_codes = (tok_codes / np.linalg.norm(tok_codes, axis=1, keepdims=True)).astype(np.float32)

    spec = transformer_spec.TransformerSpec.from_config(
        num_layers=layers, num_heads=lay.heads, pre_norm=True
    )
    spec.config.add_source_eos = True  # "</s>" is translated like any piece: the EOS
    enc, dec = spec.encoder, spec.decoder
    enc_emb, pe = _encoder_embeddings(lay, tok_codes)
    enc.embeddings[0].weight = enc_emb
    enc.scale_embeddings = False
    enc.position_encodings.encodings = pe
    _layer_norm(enc.layer_norm, lay.d)
    for enc_layer in enc.layer:
        _zero_block(enc_layer, lay.d, ffn_dim)

    dec.embeddings.weight = np.zeros((len(vocab), lay.d), np.float32)  # ignores its history
    dec.scale_embeddings = False
    dec.position_encodings.encodings = pe.copy()
    _layer_norm(dec.layer_norm, lay.d)
    dec.projection.weight = _projection(lay, tok_codes, mapping)
    dec.projection.bias = np.zeros(len(vocab), np.float32)
    for extra in dec.layer[1:]:
        _zero_cross_layer(extra, lay.d, ffn_dim)
    layer = dec.layer[0]
    _zero_block(layer, lay.d, ffn_dim)
    _layer_norm(layer.attention.layer_norm, lay.d)
    wq, wk, wv, wo = _cross_attention(lay)
    layer.attention.linear[0].weight = wq
    layer.attention.linear[1].weight = np.concatenate([wk, wv], axis=0)
    layer.attention.linear[2].weight = wo

    spec.register_source_vocabulary(list(vocab))
    spec.register_target_vocabulary(list(vocab))
    return spec


def save_spec(spec: Any, out_dir: Path, quantization: str | None = "int8") -> Path:
    """Write a CTranslate2 model directory (the steps of ``Converter.convert``)."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(out_dir))
    return out_dir
