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

_DIGITS = 9  # a float32 round-trips through at most 9 significant digits
_SCALAR_BELOW = 256  # measured crossover: 64 values 26 us scalar vs 110 us here; 1000: 378 vs 208 us
_EXACT_POWER = 22  # 10**k is an exact double for k <= 22, so n / 10**k rounds once


def shortest(values: np.ndarray) -> np.ndarray:
    """float64 array: each float32 of ``values`` as the double nearest its shortest round-trip
    decimal (what ``float(str(np.float32(x)))`` gives), computed a digit count at a time over the
    whole array; values out of the fast path's exact range fall back to that scalar form.

    Args: values: any shape, float32 (or values that are exactly float32).
    """
    x = np.asarray(values, dtype=np.float32).ravel()
    out = np.zeros(x.shape, dtype=np.float64)
    with np.errstate(invalid="ignore"):  # NaN payloads
        wide = x.astype(np.float64)
    magnitude = np.abs(wide)
    todo = np.flatnonzero((magnitude > 0) & np.isfinite(magnitude))
    if todo.size < _SCALAR_BELOW:  # a few values (one search's top k): the scalar form is quicker
        for i in todo:
            out[i] = float(str(x[i]))
        todo = todo[:0]
    if todo.size:
        a = magnitude[todo]
        e = np.floor(np.log10(a))
        e -= (10.0 ** e > a)  # log10 can be one off next to a power of ten
        e += (10.0 ** (e + 1) <= a)
        # Every digit count must stay in the exact range, or a longer candidate could win.
        exact = (e >= _DIGITS - 1 - _EXACT_POWER) & (e <= _EXACT_POWER)
        rest, todo, a, e = todo[~exact], todo[exact], a[exact], e[exact]
        for p in range(1, _DIGITS + 1):
            k = p - 1 - e  # keep p digits: round a * 10**k to an integer n, then n / 10**k
            fast = np.abs(k) <= _EXACT_POWER
            scale = 10.0 ** np.where(fast, np.abs(k), 0)
            up = k >= 0
            # One rounding each way: n / 10**k (k >= 0), or n * 10**-k (k < 0, exact below 2**53).
            candidate = np.where(up, np.rint(a * scale) / scale, np.rint(a / scale) * scale)
            found = fast & (candidate.astype(np.float32) == a.astype(np.float32))
            out[todo[found]] = np.copysign(candidate[found], wide[todo[found]])
            todo, a, e = todo[~found], a[~found], e[~found]
            if not todo.size:
                break
        for i in np.concatenate([rest, todo]):  # |x| < 1e-14 or >= 1e23: never a cosine
            out[i] = float(str(x[i]))
    keep = ~np.isfinite(wide) | (wide == 0)  # inf, nan and signed zeros are their own shortest form
    out[keep] = wide[keep]
    return out.reshape(np.shape(values))


def shortest_one(value: float) -> float:
    """One float32 (e.g. a request's float ``min_score``, widened to double by protobuf) as the
    double nearest its shortest round-trip decimal."""
    return float(shortest(np.array([value], dtype=np.float32))[0])
