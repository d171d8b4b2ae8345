"""Bar charts drawn server-side as SVG: the geometry only; templates/bars.html draws it
(autoescaped, so a label can hold any text).

``histogram(values, bins, low, high)`` counts values into equal bins over [low, high];
``bars(labels_values)`` lays out one bar per (label, value) in a fixed 640x200 view box.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WIDTH, HEIGHT, BOTTOM, LEFT = 640.0, 200.0, 36.0, 40.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    top: float  # the value at the top of the axis
    width: float = WIDTH
    height: float = HEIGHT
    left: float = LEFT
    bottom: float = BOTTOM
    label_every: int = 1


def histogram(values: Iterable[float], bins: int = 20, low: float = 0.0,
              high: float = 1.0) -> list[tuple[str, float]]:
    """(label "a–b", count) per bin of width (high - low) / bins; ``high`` falls in the last bin,
    values outside [low, high] are left out."""
    counts = [0] * bins
    step = (high - low) / bins
    for v in values:
        if low <= v <= high:
            counts[min(int((v - low) / step), bins - 1)] += 1
    return [(f"{low + i * step:.2f}–{low + (i + 1) * step:.2f}", float(c)) for i, c in enumerate(counts)]


def bars(items: Sequence[tuple[str, float]], unit: str = "", max_labels: int = 24) -> Chart:
    """One bar per item, heights relative to the largest value (at least 1); every k-th label
    shown so at most ``max_labels`` fit."""
    top = max([v for _, v in items] + [1e-12])
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - 8
    slot = plot_w / max(len(items), 1)
    out = []
    for i, (label, value) in enumerate(items):
        h = plot_h * (value / top) if top > 0 else 0.0
        shown = f"{value:g}" if unit != "count" else f"{int(value)}"
        out.append(Bar(label, value, LEFT + i * slot + slot * 0.1, 8 + plot_h - h, slot * 0.8, h, f"{label}: {shown}"))
    return Chart(out, top, label_every=max(1, -(-len(items) // max_labels)))
