"""``--index-memory-budget`` / ENGRAM_INDEX_MEMORY_BUDGET: sizes with suffixes, refused when
malformed (the flag named)."""

from __future__ import annotations

import argparse

import pytest

from engram import config
from engram.embeddings.residency import parse_bytes


@pytest.mark.parametrize("text, size", [("0", 0), ("1000000", 1_000_000), ("512M", 512 * 2**20), ("4G", 4 * 2**30),
                                        ("1.5GiB", int(1.5 * 2**30)), ("64kb", 64 * 1024), (" 2T ", 2 * 2**40)])
def test_sizes_parse(text, size):
    assert parse_bytes(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-1", "4X", "nan", "inf"])
def test_malformed_sizes_are_refused(text):
    with pytest.raises(ValueError):
        parse_bytes(text)


def settings(argv, monkeypatch, env=None):
    monkeypatch.delenv("ENGRAM_INDEX_MEMORY_BUDGET", raising=False)
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    parser = argparse.ArgumentParser()
    config.add_arguments(parser)
    return config.from_arguments(parser.parse_args(argv))


def test_the_flag_and_its_environment_variable(monkeypatch):
    assert settings([], monkeypatch).index_memory_budget == 0  # unlimited by default
    assert settings(["--index-memory-budget", "512M"], monkeypatch).index_memory_budget == 512 * 2**20
    assert settings([], monkeypatch, {"ENGRAM_INDEX_MEMORY_BUDGET": "2G"}).index_memory_budget == 2 * 2**30
    with pytest.raises(ValueError, match="--index-memory-budget"):
        settings(["--index-memory-budget", "much"], monkeypatch)
