"""Fusion and recency arithmetic (engram.domain.recall), against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engram.domain.recall import (Recency, TimeRange, candidates_per_list, reciprocal_rank, recency_weight,
                                  weighted_sum)


def test_reciprocal_rank_sums_one_over_k_plus_rank_over_both_lists():
    fused = reciprocal_rank([[("a", 0.9), ("b", 0.8)], [("b", 12.0), ("c", 3.0)]], k=60)
    assert fused["a"] == pytest.approx(1 / 61)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 62)
    assert max(fused, key=fused.get) == "b"  # in both lists


def test_weighted_sum_min_max_normalises_each_list_and_keeps_one_list_hits():
    semantic = [("a", 0.9), ("b", 0.5), ("c", 0.1)]
    keyword = [("d", 20.0), ("a", 10.0)]
    fused = weighted_sum(semantic, keyword, alpha=0.25)
    assert fused["a"] == pytest.approx(0.25 * 1.0 + 0.75 * 0.0)
    assert fused["b"] == pytest.approx(0.25 * 0.5)
    assert fused["c"] == pytest.approx(0.0)  # kept, even at the bottom of its only list
    assert fused["d"] == pytest.approx(0.75)  # a keyword-only hit is never dropped
    assert set(fused) == {"a", "b", "c", "d"}


def test_weighted_sum_of_a_single_score_list_normalises_to_one():
    assert weighted_sum([("a", 0.3)], [], alpha=0.5) == {"a": 0.5}


def test_recency_weight_halves_the_decaying_part_every_half_life_and_never_falls_below_the_floor():
    r = Recency("created_at", half_life=86400.0, floor=0.3)
    assert recency_weight(0.0, r) == pytest.approx(1.0)
    assert recency_weight(86400.0, r) == pytest.approx(0.3 + 0.7 * 0.5)
    assert recency_weight(2 * 86400.0, r) == pytest.approx(0.3 + 0.7 * 0.25)
    assert recency_weight(242 * 86400.0, r) == pytest.approx(0.3, abs=1e-12)  # the 242-day corpus keeps its floor
    assert recency_weight(-5.0, r) == 1.0  # a future time counts as now
    assert recency_weight(1e9, Recency()) == 1.0  # off


@given(age=st.floats(0, 1e12), half_life=st.floats(1e-3, 1e10), floor=st.floats(0, 1))
def test_recency_weight_lies_in_floor_one(age, half_life, floor):
    w = recency_weight(age, Recency("updated_at", half_life, floor))
    assert floor - 1e-12 <= w <= 1.0 + 1e-12
    assert not math.isnan(w)


def test_time_range_bounds_are_exclusive_and_unknown_times_never_pass():
    created = np.array([10.0, 20.0, 30.0, np.nan])
    updated = np.array([50.0, 20.0, 35.0, 40.0])
    assert TimeRange(created_after=10.0).mask(created, updated).tolist() == [False, True, True, False]
    assert TimeRange(created_before=30.0, updated_after=20.0).mask(created, updated).tolist() == [True, False, False,
                                                                                                  False]
    assert not TimeRange().active and TimeRange(updated_before=1.0).active


def test_candidates_per_list_defaults_to_max_100_4k_and_is_capped():
    assert candidates_per_list(None, 0, 10) == 100
    assert candidates_per_list(None, 0, 50) == 200
    assert candidates_per_list(None, 0, 1000) == 1000
    assert candidates_per_list(None, 300, 10) == 300
    assert candidates_per_list(5, 300, 10) == 10  # never below top_k
