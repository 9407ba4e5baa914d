from __future__ import annotations

import numpy as np
import pytest

from claimcheck.errors import UsageError
from claimcheck.rerun.knn import normalize, topk


def _full(q: np.ndarray, b: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    s = q @ b.T
    idx = np.argsort(-s, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(s, idx, axis=1), idx


@pytest.mark.parametrize("k", [1, 4, 7])
def test_batched_topk_equals_full_sort_with_tiny_blocks(k: int) -> None:
    rng = np.random.default_rng(0)
    q = normalize(rng.normal(size=(53, 8)))
    b = normalize(rng.normal(size=(97, 8)))
    # 5 query rows x 12 base columns per block: many blocks and merges.
    sims, idx = topk(q, b, k, query_batch=5, max_block_elems=60)
    esims, eidx = _full(q, b, k)
    np.testing.assert_array_equal(idx, eidx)
    np.testing.assert_allclose(sims, esims, rtol=1e-6)


@pytest.mark.parametrize("k", [1, 3])
def test_ties_go_to_the_lower_index_across_blocks(k: int) -> None:
    # Every base row is identical: all similarities tie, the lowest indices must win.
    b = np.tile(np.array([[1.0, 0.0]], np.float32), (20, 1))
    q = np.array([[1.0, 0.0], [0.0, 1.0]], np.float32)
    _, idx = topk(q, b, k, query_batch=1, max_block_elems=3)
    assert idx.tolist() == [list(range(k))] * 2


def test_k_larger_than_base_is_capped() -> None:
    q = np.eye(3, dtype=np.float32)
    sims, idx = topk(q, q[:2], 5)
    assert idx.shape == (3, 2)
    assert idx[0].tolist() == [0, 1] and sims[0].tolist() == [1.0, 0.0]


def test_mismatched_widths_are_a_usage_error() -> None:
    with pytest.raises(UsageError, match="same width"):
        topk(np.zeros((2, 3), np.float32), np.zeros((2, 4), np.float32), 1)


def test_progress_reports_each_query_batch() -> None:
    seen: list[tuple[int, int]] = []
    q = np.eye(5, dtype=np.float32)
    topk(q, q, 1, query_batch=2, on_progress=lambda d, t: seen.append((d, t)))
    assert seen == [(2, 5), (4, 5), (5, 5)]


def test_torch_path_matches_numpy_on_cpu_tensors() -> None:
    """The CUDA code path, run on CPU tensors (no GPU here): same neighbours as numpy."""
    from claimcheck.rerun.knn import _topk_torch

    rng = np.random.default_rng(1)
    q = normalize(rng.normal(size=(40, 16)))
    b = normalize(rng.normal(size=(75, 16)))
    sims, idx = _topk_torch(q, b, 4, "cpu", 7, 20, None)
    esims, eidx = _full(q, b, 4)
    np.testing.assert_array_equal(idx, eidx)
    np.testing.assert_allclose(sims, esims, rtol=1e-5)
