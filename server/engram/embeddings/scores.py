"""The one precision of reported scores: the index computes cosines in float32 and reports each
as the double nearest the shortest decimal that round-trips its float32 value (``0.8775885``,
not its widening ``0.8775885105133057``). That is the value JSON shows and Go, Java and Rust
print for the float32 ``score`` field, and the float32 on the wire is unchanged by it. Priority
(score × confidence) is then computed in double from this reported score, so a client that
multiplies the score it reads (as its shortest decimal) by the confidence gets the priority
exactly, and the ranking sorts by the very products it returns.

The map from float32 to its shortest decimal is strictly increasing, so orders, ties and
``min_score`` comparisons are those of the float32 values.
"""

from __future__ import annotations

import numpy as np



def shortest(values: np.ndarray) -> np.ndarray:
    """float64 array of ``values``' shape: each float32 of ``values`` as the double nearest its
    shortest round-trip decimal, numpy's own shortest repr (``float(str(np.float32(x)))``).
    About 0.4 us a value: a search converts only the hits it returns (top_k per query).

    Args: values: any shape, float32 (or values that are exactly float32).
    """
    x = np.asarray(values, dtype=np.float32)
    return np.array([float(str(v)) for v in x.ravel()], dtype=np.float64).reshape(x.shape)


def shortest_one(value: float) -> float:
    """One float32 (e.g. a request's float ``min_score``, widened to double by protobuf) as the
    double nearest its shortest round-trip decimal."""
    return float(str(np.float32(value)))
