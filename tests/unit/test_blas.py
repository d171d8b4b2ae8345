"""BLAS threads: one for single searches once `use_one_thread` ran, every core inside
`all_threads`, restored only when the last overlapping batch ends."""

from __future__ import annotations

import os

import pytest
from threadpoolctl import threadpool_info

from engram.embeddings import blas


def blas_threads() -> set[int]:
    return {info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores to tell one thread from all")
def test_one_thread_then_all_for_batches_restored_after_the_last():
    before = blas_threads()
    try:
        blas.use_one_thread()
        assert blas_threads() == {1}
        first = blas.all_threads()
        first.__enter__()
        assert blas_threads() == {os.cpu_count()}
        with blas.all_threads():  # overlapping batch
            pass
        assert blas_threads() == {os.cpu_count()}  # the first batch is still running
        first.__exit__(None, None, None)
        assert blas_threads() == {1}
    finally:
        blas._narrow = None
        blas._set(max(before))
