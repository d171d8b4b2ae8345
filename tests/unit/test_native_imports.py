"""Native libraries that share the server process load in either order.

usearch 2.26.3, 2.26.5 and 2.26.6 (tried; 2.26.2 and 2.26.4 not) segfault when onnxruntime is imported after them (the approximate
index and the default embedding model live in one process); pyproject pins a version that
does not.
"""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("first,second", [("engram.embeddings.ann", "onnxruntime"),
                                          ("onnxruntime", "engram.embeddings.ann")])
def test_the_approximate_index_and_the_model_runtime_import_in_either_order(first: str, second: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {first}; import {second}; print('imported')"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "imported"
