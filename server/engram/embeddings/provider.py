"""The interface every embedding model implements, and its error type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from engram.errors import Unavailable

INPUT_TYPES: tuple[str, ...] = ("document", "query")


class EmbeddingError(Unavailable):
    """The embedding model could not produce vectors (not loaded, closed, or it failed).

    Subclasses `engram.errors.Unavailable` so the API maps it to gRPC UNAVAILABLE."""


class EmbeddingProvider(Protocol):
    """Turns texts into unit-length vectors.

    Attributes:
        model_id: stable name of the model, e.g. ``"sentence-transformers/all-MiniLM-L6-v2"``.
        dimensions: length d of every vector it returns.
    """

    model_id: str
    dimensions: int

    def embed(self, texts: Sequence[str], input_type: str) -> np.ndarray:
        """Embed `texts` in order.

        Args:
            texts: the texts; may be empty. A bare ``str`` is refused (TypeError).
            input_type: ``"document"`` or ``"query"`` (asymmetric models treat them differently).

        Returns:
            float32 array of shape (len(texts), dimensions); every row has L2 norm 1.

        Raises:
            ValueError: `input_type` is not one of `INPUT_TYPES`.
            EmbeddingError: the model failed.
        """
        ...


def check_input_type(input_type: str) -> None:
    """Raise ValueError unless `input_type` is ``"document"`` or ``"query"``."""
    if input_type not in INPUT_TYPES:
        raise ValueError(f"input_type must be one of {INPUT_TYPES}, got {input_type!r}")


def check_texts(texts: Sequence[str]) -> None:
    """Raise TypeError if `texts` is a bare string (a str is itself a Sequence[str])."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a sequence of strings, not a single string")
