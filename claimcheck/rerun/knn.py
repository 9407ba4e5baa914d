"""Batched, memory-bounded exact top-k by inner product (cosine on unit vectors).

Neither side is ever multiplied out in full: queries are taken ``query_batch`` rows at a time
and the base in column blocks, so the largest temporary is ``query_batch x base_block`` scores
(``max_block_elems`` elements). numpy runs it on CPU, torch on CUDA.

Ties are broken towards the lower base index on numpy, as a full ``argsort(kind="stable")``
would, so the batched result equals a straightforward full-matrix computation exactly.

>>> import numpy as np
>>> x = np.eye(3, dtype=np.float32)
>>> sims, idx = topk(x, x[::-1], 1)
>>> idx.ravel().tolist()
[2, 1, 0]
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from claimcheck.errors import UsageError

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

#: Largest score block held at once (elements); 2**24 float32 scores = 64 MiB, plus the
#: partition's int64 indices, keeps a block under ~256 MiB.
DEFAULT_BLOCK_ELEMS = 2**24
DEFAULT_QUERY_BATCH = 1024


def normalize(x: npt.NDArray[np.floating]) -> FloatArray:
    """L2-normalise rows (zero rows stay zero) as float32."""
    arr = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: FloatArray = (arr / norms).astype(np.float32, copy=False)
    return out


def topk(
    queries: FloatArray,
    base: FloatArray,
    k: int,
    *,
    device: str = "cpu",
    query_batch: int = DEFAULT_QUERY_BATCH,
    max_block_elems: int = DEFAULT_BLOCK_ELEMS,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[FloatArray, IntArray]:
    """The ``k`` largest inner products of each query row against ``base``.

    Returns ``(sims, indices)``, both ``(len(queries), min(k, len(base)))``, each row sorted by
    decreasing similarity (ties: lower index first on CPU). ``on_progress(done, total)`` is
    called after each query batch.
    """
    if queries.ndim != 2 or base.ndim != 2 or queries.shape[1] != base.shape[1]:
        raise UsageError(
            f"kNN needs two matrices of the same width, got {queries.shape} and {base.shape}"
        )
    if k < 1:
        raise UsageError(f"k must be at least 1, got {k}")
    n, m = queries.shape[0], base.shape[0]
    k = min(k, m)
    if n == 0 or m == 0:
        return np.zeros((n, k), np.float32), np.zeros((n, k), np.int64)
    query_batch = max(1, min(query_batch, n))
    base_block = max(k, max_block_elems // query_batch)
    if device.startswith("cuda"):
        return _topk_torch(queries, base, k, device, query_batch, base_block, on_progress)
    return _topk_numpy(queries, base, k, query_batch, base_block, on_progress)


def _topk_numpy(
    queries: FloatArray,
    base: FloatArray,
    k: int,
    query_batch: int,
    base_block: int,
    on_progress: Callable[[int, int], None] | None,
) -> tuple[FloatArray, IntArray]:
    q = np.ascontiguousarray(queries, dtype=np.float32)
    b = np.ascontiguousarray(base, dtype=np.float32)
    n, m = q.shape[0], b.shape[0]
    out_s = np.empty((n, k), np.float32)
    out_i = np.empty((n, k), np.int64)
    for qs in range(0, n, query_batch):
        qe = min(qs + query_batch, n)
        qb = q[qs:qe]
        best_s: FloatArray | None = None
        best_i: IntArray | None = None
        for bs in range(0, m, base_block):
            be = min(bs + base_block, m)
            scores = qb @ b[bs:be].T
            if k == 1:
                # argmax returns the first maximum: the lower index wins a tie.
                arg = scores.argmax(axis=1)[:, None]
                blk_s = np.take_along_axis(scores, arg, axis=1)
                blk_i = arg.astype(np.int64) + bs
                if best_s is None or best_i is None:
                    best_s, best_i = blk_s, blk_i
                else:
                    better = blk_s > best_s  # strict: an earlier block keeps its tie
                    best_s = np.where(better, blk_s, best_s)
                    best_i = np.where(better, blk_i, best_i)
                continue
            blk_s, blk_i = _block_topk(scores, k)
            blk_i = blk_i + bs
            if best_s is None or best_i is None:
                best_s, best_i = blk_s, blk_i
            else:
                cat_s = np.concatenate([best_s, blk_s], axis=1)
                cat_i = np.concatenate([best_i, blk_i], axis=1)
                order = np.lexsort((cat_i, -cat_s), axis=-1)[:, :k]
                best_s = np.take_along_axis(cat_s, order, axis=1)
                best_i = np.take_along_axis(cat_i, order, axis=1)
        assert best_s is not None and best_i is not None
        out_s[qs:qe] = best_s
        out_i[qs:qe] = best_i
        if on_progress is not None:
            on_progress(qe, n)
    return out_s, out_i


def _block_topk(scores: FloatArray, k: int) -> tuple[FloatArray, IntArray]:
    """Top-k of each row of one block, sorted, ties towards the lower column."""
    width = scores.shape[1]
    kk = min(k, width)
    if kk < width:
        part = np.argpartition(-scores, kk - 1, axis=1)[:, :kk]
        part_s = np.take_along_axis(scores, part, axis=1)
        # argpartition may drop a lower-index element that ties with the k-th value; redo
        # those (rare) rows with a stable full sort so the result stays exact.
        kth = part_s.min(axis=1)
        tied = np.flatnonzero((scores >= kth[:, None]).sum(axis=1) > kk)
        for r in tied:
            part[r] = np.argsort(-scores[r], kind="stable")[:kk]
        part_s = np.take_along_axis(scores, part, axis=1)
    else:
        part = np.broadcast_to(np.arange(width), scores.shape).copy()
        part_s = scores
    order = np.lexsort((part, -part_s), axis=-1)
    return (
        np.take_along_axis(part_s, order, axis=1).astype(np.float32, copy=False),
        np.take_along_axis(part, order, axis=1).astype(np.int64, copy=False),
    )


def _topk_torch(
    queries: FloatArray,
    base: FloatArray,
    k: int,
    device: str,
    query_batch: int,
    base_block: int,
    on_progress: Callable[[int, int], None] | None,
) -> tuple[FloatArray, IntArray]:
    import torch  # only on the CUDA path: importing torch costs seconds

    b_all = torch.from_numpy(np.ascontiguousarray(base, dtype=np.float32))
    n, m = queries.shape[0], base.shape[0]
    blocks = [b_all[s : min(s + base_block, m)].to(device) for s in range(0, m, base_block)]
    out_s = np.empty((n, k), np.float32)
    out_i = np.empty((n, k), np.int64)
    with torch.no_grad():
        for qs in range(0, n, query_batch):
            qe = min(qs + query_batch, n)
            qb = torch.from_numpy(np.ascontiguousarray(queries[qs:qe], np.float32)).to(device)
            best_s = best_i = None
            offset = 0
            for blk in blocks:
                scores = qb @ blk.T
                s, i = torch.topk(scores, min(k, blk.shape[0]), dim=1)
                i = i + offset
                offset += blk.shape[0]
                if best_s is None or best_i is None:
                    best_s, best_i = s, i
                else:
                    cs = torch.cat([best_s, s], dim=1)
                    ci = torch.cat([best_i, i], dim=1)
                    s2, pos = torch.topk(cs, k, dim=1)
                    best_s, best_i = s2, torch.gather(ci, 1, pos)
            assert best_s is not None and best_i is not None
            out_s[qs:qe] = best_s.cpu().numpy()
            out_i[qs:qe] = best_i.cpu().numpy()
            if on_progress is not None:
                on_progress(qe, n)
    return out_s, out_i
