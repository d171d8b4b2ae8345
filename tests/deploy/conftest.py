"""The server image, built once per session for the container tests (``-m container``)."""

from __future__ import annotations

import pytest

from .containers import BuiltImage, build_image


@pytest.fixture(scope="session")
def image() -> BuiltImage:
    return build_image()
