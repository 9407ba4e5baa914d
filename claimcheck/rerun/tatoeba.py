"""Tatoeba, as XTREME computes it.

Per language pair: L2-normalised embeddings; the non-English sentences are indexed and each
English sentence retrieves its nearest neighbour by cosine; accuracy is the percentage of
English sentences whose neighbour is their own translation (same line). Ties go to the lower
line number. ``both_directions`` adds the other direction (non-English queries).

>>> import numpy as np
>>> eng = np.array([[1, 0], [0, 1], [1, 0]], dtype=np.float32)
>>> src = np.array([[1, 0], [0, 1], [0, 1]], dtype=np.float32)
>>> round(tatoeba_accuracy(src, eng), 2)  # line 3 retrieves line 1 (tie: lower line)
66.67
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from claimcheck.models import LanguageScore, RetrievalResult
from claimcheck.rerun.data import load_tatoeba_pair
from claimcheck.rerun.embeddings import SideEmbedder
from claimcheck.rerun.encoders import Encoder
from claimcheck.rerun.knn import normalize, topk

#: on_progress(label, done, total): encoding progress, in sentences.
RunProgress = Callable[[str, int, int], None]
DEFAULT_BATCH_SIZE = 64


def nearest(queries: npt.NDArray[np.float32], base: npt.NDArray[np.float32], device: str = "cpu"
            ) -> npt.NDArray[np.int64]:
    """Index of each query's nearest base row by cosine."""
    _, idx = topk(normalize(queries), normalize(base), 1, device=device)
    return idx[:, 0]


def tatoeba_accuracy(
    src: npt.NDArray[np.float32], eng: npt.NDArray[np.float32], device: str = "cpu"
) -> float:
    """Percent of English rows whose nearest non-English row is the same line."""
    pred = nearest(eng, src, device)
    return float((pred == np.arange(len(eng))).mean() * 100.0)


def run_tatoeba(
    data_dir: Path,
    langs: Sequence[str],
    encoder: Encoder,
    *,
    both_directions: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    cache: Path | None = None,
    device: str | None = None,
    on_progress: RunProgress | None = None,
) -> RetrievalResult:
    """Tatoeba accuracy for each of ``langs`` (LASER 3-letter codes) and their average.

    All files are read and checked before any encoding starts, so bad data fails fast.
    ``device`` is where the kNN runs (default: the encoder's device).
    """
    knn_device = device or encoder.device
    pairs = [load_tatoeba_pair(data_dir, lang) for lang in langs]
    total = sum(2 * len(p.src) for p in pairs)
    embedder = SideEmbedder(encoder, total=total, cache=cache, batch_size=batch_size,
                            on_progress=on_progress)
    scores: dict[str, LanguageScore] = {}
    start = time.perf_counter()
    for pair in pairs:
        embs = [
            embedder.side(pair.lang, sents, path, f"tatoeba-{side}-lines")
            for side, sents, path in (("src", pair.src, pair.src_path), ("eng", pair.eng, pair.eng_path))
        ]
        src, eng = embs
        acc = tatoeba_accuracy(src, eng, knn_device)
        rev = tatoeba_accuracy(eng, src, knn_device) if both_directions else None
        scores[pair.lang] = LanguageScore(n=len(pair.eng), accuracy=acc, reverse_accuracy=rev)
    seconds = time.perf_counter() - start
    avg = float(np.mean([s.accuracy for s in scores.values() if s.accuracy is not None])) if scores else None
    return RetrievalResult(
        task="tatoeba",
        encoder=encoder.name,
        layer=encoder.layer,
        pooling=encoder.pooling,
        languages=scores,
        average=avg,
        seconds=seconds,
        sentences_per_second=total / seconds if seconds > 0 else 0.0,
        device=knn_device,
        sentences=total,
        cached_sentences=embedder.cached,
    )
