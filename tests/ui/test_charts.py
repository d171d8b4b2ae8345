"""The SVG geometry of the UI's charts."""

from __future__ import annotations

from engram.ui import charts


def test_histogram_bins_values_and_keeps_the_top_edge():
    bins = charts.histogram([0.0, 0.04, 0.05, 0.5, 0.99, 1.0, 1.5, -0.1], bins=20)
    counts = [c for _, c in bins]
    assert len(bins) == 20 and sum(counts) == 6  # 1.5 and -0.1 are out of range
    assert counts[0] == 2 and counts[1] == 1 and counts[10] == 1 and counts[19] == 2
    assert bins[0][0] == "0.00–0.05" and bins[19][0] == "0.95–1.00"


def test_bars_scale_to_the_largest_value():
    chart = charts.bars([("a", 1.0), ("b", 4.0), ("c", 0.0)], unit="count")
    heights = [b.height for b in chart.bars]
    assert heights[1] == max(heights) and heights[2] == 0 and abs(heights[0] * 4 - heights[1]) < 1e-9
    assert all(b.y + b.height <= chart.height - chart.bottom + 1e-9 for b in chart.bars)
    assert chart.bars[1].title == "b: 4"


def test_many_bars_label_every_kth():
    assert charts.bars([(str(i), 1.0) for i in range(100)], max_labels=24).label_every == 5
    assert charts.bars([], unit="count").bars == []
