"""engram.blas: the process's BLAS thread limit, and the --blas-threads flag."""

from __future__ import annotations

import argparse

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from engram import config
from engram.blas import limit_blas_threads


def blas_threads() -> list[int]:
    return [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]


def test_limit_applies_to_numpys_blas_and_is_kept():
    with threadpool_limits(None):  # restores the test process's limits afterwards
        assert limit_blas_threads(1) == 1
        assert blas_threads() and set(blas_threads()) == {1}
        assert limit_blas_threads(0) == 1  # 0: leaves the limit as it is
        with pytest.raises(ValueError):
            limit_blas_threads(-1)


def test_flag_defaults_to_one_thread_and_rejects_negatives():
    parser = argparse.ArgumentParser()
    config.add_arguments(parser)
    assert config.from_arguments(parser.parse_args([])).blas_threads == 1
    assert config.from_arguments(parser.parse_args(["--blas-threads", "0"])).blas_threads == 0
    with pytest.raises(ValueError, match="blas-threads"):
        config.from_arguments(parser.parse_args(["--blas-threads", "-2"]))
