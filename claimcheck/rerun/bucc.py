"""BUCC bitext mining, as XTREME computes it (third_party/utils_retrieve.py).

1. Each side's sentences are unified (identical lines embedded once) and L2-normalised.
2. k = 4 nearest neighbours both ways; a pair (x, y) scores the ratio margin
   ``cos(x, y) / ((mean_k(x) + mean_k(y)) / 2)``, mean_k being a sentence's mean similarity to
   its k neighbours on the other side.
3. Each sentence's best-scoring candidate, both directions pooled, is taken greedily one-to-one
   by decreasing score (scores above 0).
4. Candidates are mapped back to ids; a sentence that occurs more than once has no usable id,
   so its candidates are dropped.
5. The threshold maximising F1 on the gold pairs is the midpoint between the best-F1 candidate's
   score and the next one; pairs scoring at least the threshold are extracted. A fixed
   ``threshold`` replaces step 5's search (as on a test split).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from claimcheck.errors import DataError
from claimcheck.models import LanguageScore, RetrievalResult
from claimcheck.rerun.data import BuccSet, load_bucc
from claimcheck.rerun.embeddings import SideEmbedder
from claimcheck.rerun.encoders import Encoder
from claimcheck.rerun.knn import normalize, topk
from claimcheck.rerun.tatoeba import DEFAULT_BATCH_SIZE, RunProgress

NEIGHBORHOOD = 4


@dataclass(frozen=True)
class Candidate:
    src: int  # index into the unique source sentences
    trg: int
    score: float


def margin_candidates(
    x: npt.NDArray[np.float32],
    y: npt.NDArray[np.float32],
    *,
    k: int = NEIGHBORHOOD,
    device: str = "cpu",
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Each side's best candidate by ratio margin, both directions pooled.

    Returns ``(src, trg, score)`` arrays of length ``len(x) + len(y)``: first each source
    sentence with its best target, then each target sentence with its best source.
    """
    x = normalize(x)
    y = normalize(y)
    fwd_sim, fwd_ind = topk(x, y, min(k, len(y)), device=device, on_progress=on_progress)
    bwd_sim, bwd_ind = topk(y, x, min(k, len(x)), device=device, on_progress=on_progress)
    fwd_mean = fwd_sim.mean(axis=1)
    bwd_mean = bwd_sim.mean(axis=1)
    fwd_scores = _ratio(fwd_sim, (fwd_mean[:, None] + bwd_mean[fwd_ind]) / 2)
    bwd_scores = _ratio(bwd_sim, (bwd_mean[:, None] + fwd_mean[bwd_ind]) / 2)
    fwd_best = fwd_ind[np.arange(len(x)), fwd_scores.argmax(axis=1)]
    bwd_best = bwd_ind[np.arange(len(y)), bwd_scores.argmax(axis=1)]
    src = np.concatenate([np.arange(len(x)), bwd_best]).astype(np.int64)
    trg = np.concatenate([fwd_best, np.arange(len(y))]).astype(np.int64)
    score = np.concatenate([fwd_scores.max(axis=1), bwd_scores.max(axis=1)])
    return src, trg, score


def _ratio(sim: npt.NDArray[np.float32], denom: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """``sim / denom``; a zero neighbourhood mean (only sentences orthogonal to everything, e.g.
    empty ones) scores 0 instead of NaN, so it can never be mined."""
    num = sim.astype(np.float64)
    den = denom.astype(np.float64)
    out = np.zeros_like(num)
    np.divide(num, den, out=out, where=den != 0)
    return out


def greedy_one_to_one(
    src: npt.NDArray[np.int64],
    trg: npt.NDArray[np.int64],
    score: npt.NDArray[np.float64],
    *,
    floor: float = 0.0,
) -> list[Candidate]:
    """Take candidates by decreasing score (ties: pool order), each sentence at most once;
    keep those scoring above ``floor``."""
    seen_src: set[int] = set()
    seen_trg: set[int] = set()
    out: list[Candidate] = []
    for i in np.argsort(-score, kind="stable"):
        s, t = int(src[i]), int(trg[i])
        if s in seen_src or t in seen_trg:
            continue
        seen_src.add(s)
        seen_trg.add(t)
        if score[i] > floor:
            out.append(Candidate(s, t, float(score[i])))
    return out


def optimal_threshold(
    candidates: dict[tuple[str, str], float], gold: frozenset[tuple[str, str]] | set[tuple[str, str]]
) -> float:
    """The threshold with the best F1 on ``gold`` (XTREME's ``bucc_optimize``).

    >>> optimal_threshold({("a", "x"): 3.0, ("b", "y"): 2.0, ("c", "z"): 1.0},
    ...                   {("a", "x"), ("b", "y")})
    1.5
    """
    items = sorted(candidates.items(), key=lambda kv: -kv[1])
    ngold = len(gold)
    ncorrect = 0
    best_f1 = 0.0
    threshold = 0.0
    for i, (pair, sc) in enumerate(items):
        if pair in gold:
            ncorrect += 1
        if ncorrect > 0:
            precision = ncorrect / (i + 1)
            recall = ncorrect / ngold
            f1 = 2 * precision * recall / (precision + recall)
            if f1 > best_f1:
                best_f1 = f1
                # XTREME takes the midpoint with the next candidate (and crashes when there is
                # none); the last candidate's own score keeps it extracted.
                threshold = (sc + items[i + 1][1]) / 2 if i + 1 < len(items) else sc
    return threshold


def prf(extracted: set[tuple[str, str]], gold: frozenset[tuple[str, str]] | set[tuple[str, str]]
        ) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent."""
    ncorrect = len(extracted & set(gold))
    if ncorrect == 0:
        return 0.0, 0.0, 0.0
    p = ncorrect / len(extracted)
    r = ncorrect / len(gold)
    return 100 * p, 100 * r, 100 * 2 * p * r / (p + r)


def _unique(texts: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _usable_ids(ids: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """text -> id for sentences that occur once (stripped, as XTREME's read_sent2id)."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for sid, text in zip(ids, texts, strict=True):
        key = text.strip()
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, sid)
    return {t: first[t] for t, c in counts.items() if c == 1}


@dataclass(frozen=True)
class BuccOutcome:
    score: LanguageScore
    candidates: dict[tuple[str, str], float]
    extracted: frozenset[tuple[str, str]]


def evaluate_bucc(
    data: BuccSet,
    x: npt.NDArray[np.float32],
    y: npt.NDArray[np.float32],
    *,
    threshold: float | None = None,
    device: str = "cpu",
) -> BuccOutcome:
    """Score one language from the embeddings of its unique source/target sentences."""
    src_u = _unique(data.src.texts)
    trg_u = _unique(data.trg.texts)
    if len(x) != len(src_u) or len(y) != len(trg_u):
        raise DataError(f"{data.src.path}: embeddings do not match the unique sentences")
    src, trg, score = margin_candidates(x, y, device=device)
    mined = greedy_one_to_one(src, trg, score)
    src_ids = _usable_ids(data.src.ids, data.src.texts)
    trg_ids = _usable_ids(data.trg.ids, data.trg.texts)
    cand: dict[tuple[str, str], float] = {}
    for c in mined:
        s_text, t_text = src_u[c.src].strip(), trg_u[c.trg].strip()
        if s_text in src_ids and t_text in trg_ids:
            key = (src_ids[s_text], trg_ids[t_text])
            cand[key] = max(c.score, cand.get(key, c.score))
    if threshold is None:
        if data.gold is None:
            raise DataError(f"{data.src.path}: no gold pairs to choose a threshold with")
        threshold = optimal_threshold(cand, data.gold)
    extracted = frozenset(k for k, v in cand.items() if v >= threshold)
    if data.gold is not None:
        p, r, f = prf(set(extracted), data.gold)
        ls = LanguageScore(n=len(data.gold), precision=p, recall=r, f1=f, threshold=threshold)
    else:
        ls = LanguageScore(n=len(extracted), threshold=threshold)
    return BuccOutcome(ls, cand, extracted)


def run_bucc(
    data_dir: Path,
    langs: Sequence[str],
    encoder: Encoder,
    *,
    threshold: float | None = None,
    split: str = "dev",
    batch_size: int = DEFAULT_BATCH_SIZE,
    cache: Path | None = None,
    device: str | None = None,
    on_progress: RunProgress | None = None,
) -> RetrievalResult:
    """BUCC precision/recall/F1 and threshold for each of ``langs`` (2-letter codes).

    ``n`` in each LanguageScore is the number of gold pairs. ``average`` is the mean F1.
    """
    knn_device = device or encoder.device
    sets = [load_bucc(data_dir, lang, split, need_gold=threshold is None) for lang in langs]
    uniq = [(_unique(s.src.texts), _unique(s.trg.texts)) for s in sets]
    total = sum(len(a) + len(b) for a, b in uniq)
    embedder = SideEmbedder(encoder, total=total, cache=cache, batch_size=batch_size,
                            on_progress=on_progress)
    scores: dict[str, LanguageScore] = {}
    start = time.perf_counter()
    for data, (src_u, trg_u) in zip(sets, uniq, strict=True):
        embs = [
            embedder.side(data.lang, sents, path, f"bucc-{side}-unique-f2")
            for side, sents, path in (("src", src_u, data.src.path), ("trg", trg_u, data.trg.path))
        ]
        outcome = evaluate_bucc(data, embs[0], embs[1], threshold=threshold, device=knn_device)
        scores[data.lang] = outcome.score
    seconds = time.perf_counter() - start
    f1s = [s.f1 for s in scores.values() if s.f1 is not None]
    return RetrievalResult(
        task="bucc",
        encoder=encoder.name,
        layer=encoder.layer,
        pooling=encoder.pooling,
        languages=scores,
        average=float(np.mean(f1s)) if f1s else None,
        seconds=seconds,
        sentences_per_second=total / seconds if seconds > 0 else 0.0,
        device=knn_device,
        sentences=total,
        cached_sentences=embedder.cached,
    )
