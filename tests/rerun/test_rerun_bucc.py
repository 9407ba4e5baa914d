from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimcheck.errors import DataError
from claimcheck.rerun import run_bucc
from claimcheck.rerun.bucc import greedy_one_to_one, margin_candidates, optimal_threshold, prf

R = 1 / math.sqrt(2)


def test_ratio_margin_hand_computed() -> None:
    # x0 = e1, x1 = (e1+e2)/sqrt2; y0 = e1, y1 = e2; k = 2.
    # fwd means: x0 (1+0)/2 = .5, x1 (R+R)/2 = R; bwd means: y0 (1+R)/2, y1 (R+0)/2.
    # x1 has cosine R to both y0 and y1, but the margin prefers y1 (its neighbourhood is sparser):
    #   x1->y0: R / ((R + (1+R)/2) / 2),   x1->y1: R / ((R + R/2) / 2) = 4/3.
    x = np.array([[1, 0], [R, R]], np.float32)
    y = np.array([[1, 0], [0, 1]], np.float32)
    src, trg, score = margin_candidates(x, y, k=2)
    m_y0 = (1 + R) / 2
    expected_x0 = 1 / ((0.5 + m_y0) / 2)
    assert src.tolist() == [0, 1, 0, 1]
    assert trg.tolist() == [0, 1, 0, 1]
    np.testing.assert_allclose(score, [expected_x0, 4 / 3, expected_x0, 4 / 3], rtol=1e-5)
    assert R / ((R + m_y0) / 2) < 4 / 3  # the losing candidate really scores lower


def test_greedy_is_one_to_one_by_decreasing_score() -> None:
    src = np.array([0, 1, 0, 2, 3])
    trg = np.array([0, 0, 1, 2, 3])
    score = np.array([3.0, 2.0, 1.0, 1.5, -0.5])
    got = greedy_one_to_one(src, trg, score)
    # (1,0) loses trg 0, (0,1) loses src 0; (3,3) scores below the floor of 0.
    assert [(c.src, c.trg, c.score) for c in got] == [(0, 0, 3.0), (2, 2, 1.5)]


def test_f1_optimal_threshold_hand_computed() -> None:
    cands = {("a", "1"): 5.0, ("b", "2"): 4.0, ("c", "3"): 3.0, ("d", "4"): 2.0, ("e", "5"): 1.0}
    gold = {("a", "1"), ("c", "3"), ("d", "4"), ("z", "9")}
    # F1 by rank: .40, .33, .57, .75, .67 -> best after ("d","4"): midpoint (2+1)/2.
    assert optimal_threshold(cands, gold) == 1.5
    extracted = {k for k, v in cands.items() if v >= 1.5}
    p, r, f = prf(extracted, gold)
    assert (p, r, f) == pytest.approx((75.0, 75.0, 75.0))


def test_best_candidate_last_keeps_its_own_score() -> None:
    assert optimal_threshold({("a", "1"): 2.0, ("b", "2"): 1.0}, {("a", "1"), ("b", "2")}) == 1.0


VOCAB = ["cat", "dog", "bird", "fish", "tree", "sun"]


def _bucc(tmp_path: Path, make_bucc: Any, gold: list[tuple[str, str]] | None = None) -> Path:
    src = [("zh-1", "cat"), ("zh-2", "dog"), ("zh-3", "bird"), ("zh-4", "tree"), ("zh-5", "tree")]
    trg = [("en-1", "dog"), ("en-2", "cat"), ("en-3", "fish"), ("en-4", "tree"), ("en-5", "sun")]
    if gold is None:
        gold = [("zh-1", "en-2"), ("zh-2", "en-1"), ("zh-3", "en-3")]
    return make_bucc(tmp_path / "b", "zh", src, trg, gold)


def test_run_bucc_dedups_and_scores(tmp_path: Path, fake_encoder: Any, make_bucc: Any) -> None:
    # cat/dog match exactly; bird has no counterpart (gold says fish: a miss); "tree" occurs
    # twice on the source side, so its (perfect) match to en-4 has no usable id and is dropped.
    d = _bucc(tmp_path, make_bucc)
    enc = fake_encoder(VOCAB)
    res = run_bucc(d, ["zh"], enc)
    s = res.languages["zh"]
    assert enc.encoded == 4 + 5  # the duplicate "tree" is embedded once
    assert s.n == 3
    assert (s.precision, s.recall) == pytest.approx((100.0, 200 / 3))
    assert s.f1 == pytest.approx(80.0)
    assert res.average == pytest.approx(80.0)
    assert s.threshold is not None and s.threshold > 0


def test_fixed_threshold_applies_without_search(tmp_path: Path, fake_encoder: Any,
                                                make_bucc: Any) -> None:
    d = _bucc(tmp_path, make_bucc)
    res = run_bucc(d, ["zh"], fake_encoder(VOCAB), threshold=1e9)
    s = res.languages["zh"]
    assert s.threshold == 1e9 and s.f1 == 0.0 and s.precision == 0.0


def test_gold_id_absent_from_sentences(tmp_path: Path, fake_encoder: Any, make_bucc: Any) -> None:
    d = _bucc(tmp_path, make_bucc, gold=[("zh-1", "en-2"), ("zh-99", "en-1")])
    with pytest.raises(DataError, match=r"zh-en\.dev\.gold:2: gold id 'zh-99' is not in "
                                        r"zh-en\.dev\.zh"):
        run_bucc(d, ["zh"], fake_encoder(VOCAB))


def test_missing_bucc_file(tmp_path: Path, fake_encoder: Any, make_bucc: Any) -> None:
    d = _bucc(tmp_path, make_bucc)
    (d / "zh-en.dev.en").unlink()
    with pytest.raises(DataError, match=r"zh-en\.dev\.en: BUCC sentence file not found"):
        run_bucc(d, ["zh"], fake_encoder(VOCAB))


def test_malformed_bucc_line(tmp_path: Path, fake_encoder: Any, make_bucc: Any) -> None:
    d = _bucc(tmp_path, make_bucc)
    (d / "zh-en.dev.zh").write_text("zh-1\tcat\nno tab here\n", "utf-8")
    with pytest.raises(DataError, match=r"zh-en\.dev\.zh:2: expected 'id<TAB>sentence'"):
        run_bucc(d, ["zh"], fake_encoder(VOCAB))
