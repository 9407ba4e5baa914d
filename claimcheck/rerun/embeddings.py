"""Embedding cache: one ``.npy`` per (encoder, layer, pooling, file hash, what was read).

Files live in ``<cache_dir>/embeddings/<sha256 of the key>.npy`` and are written atomically
(temp file + ``os.replace``), so an interrupted run never leaves a half-written matrix behind.
A file that cannot be read back (or has the wrong shape) is recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from claimcheck.rerun.data import file_sha256
from claimcheck.rerun.encoders import Encoder, ProgressFn


def cache_key(encoder: Encoder, file_hash: str, part: str) -> str:
    """The hex key of one embedded file (``part`` says which view of it was encoded)."""
    payload = json.dumps(
        {
            "encoder": encoder.identity,
            "layer": encoder.layer,
            "pooling": encoder.pooling,
            "file": file_hash,
            "part": part,
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def embed(
    encoder: Encoder,
    sentences: Sequence[str],
    *,
    file_hash: str,
    part: str,
    cache: Path | None,
    batch_size: int,
    on_progress: ProgressFn | None = None,
) -> tuple[npt.NDArray[np.float32], bool]:
    """Embeddings of ``sentences``, from ``cache`` when present. Returns ``(matrix, hit)``."""
    path: Path | None = None
    if cache is not None:
        path = cache / f"{cache_key(encoder, file_hash, part)}.npy"
        if path.is_file():
            try:
                arr = np.load(path, allow_pickle=False)
            except (OSError, ValueError):
                arr = None
            if arr is not None and arr.ndim == 2 and arr.shape[0] == len(sentences):
                if on_progress is not None:
                    on_progress(len(sentences))
                return arr.astype(np.float32, copy=False), True
    arr = encoder.encode(sentences, batch_size=batch_size, on_progress=on_progress)
    arr = np.asarray(arr, dtype=np.float32)
    if path is not None:
        _save(path, arr)
    return arr, False


class SideEmbedder:
    """Embeds the sides of a task's language pairs in turn, with one progress count across all.

    ``on_progress(label, done, total)`` sees sentences done over the whole run; ``cached`` counts
    the sentences that came from the cache.
    """

    def __init__(
        self,
        encoder: Encoder,
        *,
        total: int,
        cache: Path | None,
        batch_size: int,
        on_progress: Callable[[str, int, int], None] | None,
    ) -> None:
        self.encoder = encoder
        self.total = total
        self.cache = cache
        self.batch_size = batch_size
        self.on_progress = on_progress
        self.done = 0
        self.cached = 0

    def side(self, label: str, sentences: Sequence[str], path: Path, part: str) -> npt.NDArray[np.float32]:
        base = self.done

        def progress(n: int) -> None:
            if self.on_progress is not None:
                self.on_progress(label, base + n, self.total)

        arr, hit = embed(
            self.encoder, sentences, file_hash=file_sha256(path), part=part, cache=self.cache,
            batch_size=self.batch_size, on_progress=progress,
        )
        self.done += len(sentences)
        self.cached += len(sentences) if hit else 0
        return arr


def _save(path: Path, arr: npt.NDArray[np.float32]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.stem}.tmp{os.getpid()}.npy")
        with tmp.open("wb") as f:
            np.save(f, arr, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        # A cache that cannot be written only costs time on the next run.
        try:
            tmp.unlink(missing_ok=True)
        except (OSError, UnboundLocalError):
            pass
