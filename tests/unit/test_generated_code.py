"""The committed generated code equals what `make generate` (buf + the local plugin) produces."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUF = ROOT / "node_modules" / ".bin" / "buf"
GENERATED = ROOT / "server" / "engram" / "v1"


def test_generated_python_is_fresh(tmp_path):
    assert BUF.exists(), "buf is missing: run `make install-dev` (npm ci)"
    # buf runs the local plugin with `python3` from PATH: make it this interpreter's.
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    subprocess.run([str(BUF), "generate", "--output", str(tmp_path)], cwd=ROOT, check=True, env=env)
    fresh = tmp_path / "server" / "engram" / "v1"
    committed = sorted(p.name for p in GENERATED.iterdir() if p.is_file())
    regenerated = sorted(p.name for p in fresh.iterdir() if p.is_file())
    assert committed == regenerated
    match, mismatch, errors = filecmp.cmpfiles(GENERATED, fresh, regenerated, shallow=False)
    assert mismatch == [] and errors == [], f"stale generated code: {mismatch}; run `make generate`"


def test_buf_lint_is_clean():
    result = subprocess.run([str(BUF), "lint"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_generated_file_is_marked():
    for path in GENERATED.iterdir():
        if path.is_file() and path.suffix in {".py", ".pyi"}:
            head = path.read_text()[:300]
            assert "DO NOT EDIT" in head, path

