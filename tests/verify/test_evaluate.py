from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.errors import DataError
from claimcheck.models import Verdict
from claimcheck.verify.evaluate import (
    LabelledClaim,
    Prediction,
    as_claim,
    expected_calibration_error,
    fit_platt,
    load_labels,
    macro_f1,
    score,
)

S, P, C, N = (Verdict.SUPPORTED, Verdict.PARTIALLY_SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_FOUND)


def test_macro_f1_by_hand() -> None:
    # supported: tp=1 fp=1 fn=0 -> 2/3; not_found: tp=0 fn=1 -> 0
    m, per = macro_f1([S, N], [S, S])
    assert per == {"supported": pytest.approx(2 / 3), "not_found": 0.0}
    assert m == pytest.approx(1 / 3)


def test_ece_by_hand() -> None:
    # bin (0.8,0.9]: conf 0.9, acc 0.5 -> gap .4, weight 2/3; bin (0,0.1]: conf .1, acc 0 -> gap .1
    assert expected_calibration_error([0.9, 0.9, 0.1], [True, False, False]) == pytest.approx(
        2 / 3 * 0.4 + 1 / 3 * 0.1
    )
    assert expected_calibration_error([1.0, 1.0], [True, True]) == 0.0


def test_score_counts_false_supported_and_confusion() -> None:
    items = [LabelledClaim(str(i), "c", (), g, "x", i) for i, g in enumerate([S, C, N, N])]
    preds = [Prediction(items[0], S, 0.9), Prediction(items[1], S, 0.8),
             Prediction(items[2], N, 0.7), Prediction(items[3], P, 0.6)]
    rep = score(preds)
    assert rep.false_supported_rate == pytest.approx(1 / 3)
    assert rep.confusion["contradicted"]["supported"] == 1
    assert rep.accuracy == 0.5
    assert len(rep.errors) == 2


def test_fit_platt_moves_towards_the_truth() -> None:
    margins = [-1.0, -0.5, 0.5, 1.0] * 5
    correct = [False, False, True, True] * 5
    a, _ = fit_platt(margins, correct)
    assert a > 1.0  # separable: the slope grows


def test_load_labels_names_the_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "l.jsonl"
    good = {"id": "a", "claim": "x", "papers": ["2003.11080v5"], "label": "supported"}
    f.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"l.jsonl:2"):
        load_labels(f)
    f.write_text(json.dumps({**good, "label": "maybe"}) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"l.jsonl:1"):
        load_labels(f)


GOOD = {"id": "a", "claim": "x", "papers": ["2003.11080v5"], "label": "supported"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps(GOOD).encode() + b"\n\xff\xfe\n", r"l.jsonl:2: not UTF-8 text \(byte 76\)"),
        (b"[1, 2]\n", r"l.jsonl:1: bad labelled claim: expected a JSON object, got list"),
        (b'{"id": "a", "claim": "x"}\n', r"l.jsonl:1: bad labelled claim: missing 'papers', 'label'"),
        (json.dumps({**GOOD, "papers": "2003.11080v5"}).encode(),
         r"l.jsonl:1: bad labelled claim: 'papers' must be a non-empty list of arXiv ids"),
        (json.dumps({**GOOD, "label": "unverifiable"}).encode(),
         r"l.jsonl:1: bad labelled claim: label 'unverifiable' is not one of supported, "),
        (b"\n\n", r"l.jsonl: no labelled claims"),
    ],
)
def test_load_labels_says_what_is_wrong_and_where(tmp_path: Path, content: bytes, message: str) -> None:
    f = tmp_path / "l.jsonl"
    f.write_bytes(content)
    with pytest.raises(DataError, match=message):
        load_labels(f)


def test_claims_cut_at_120_characters_count_as_truncated() -> None:
    cut = LabelledClaim("a", ("word " * 30)[:120], (), S, "truncated", 1)
    whole = LabelledClaim("b", "A complete sentence.", (), S, "verbatim", 2)
    assert as_claim(cut).truncated
    assert not as_claim(whole).truncated


def test_fit_platt_does_not_promise_certainty_from_a_small_set() -> None:
    import math

    # Right 21 times of 22, whatever the margin: the fitted confidence stays below Platt's
    # target for 21 right, 22/23, instead of running off to 1.0.
    margins = [0.05 * i for i in range(22)]
    correct = [False] + [True] * 21
    a, b = fit_platt(margins, correct)
    top = 1 / (1 + math.exp(-(a * max(margins) + b)))
    assert top < 0.99


def test_eval_warns_when_claims_are_unverifiable(tmp_path: Path) -> None:
    # An empty papers folder: no paper can be had, so accuracy 0.000 measures nothing, and
    # eval says so on stderr, with the line of the first such claim.
    from typer.testing import CliRunner

    from claimcheck.cli import app

    labels = tmp_path / "l.jsonl"
    labels.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    (tmp_path / "papers").mkdir()
    result = CliRunner().invoke(app, ["eval", str(labels), "--papers-dir", str(tmp_path / "papers"),
                                      "--no-semantic", "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0
    assert "accuracy        0.000" in result.stdout
    assert result.stderr.startswith(
        f"claimcheck: warning: {labels}: 1 of 1 claims are unverifiable and scored as wrong "
        "(they cite 2003.11080v5; the first, line 1: no cited paper could be had (2003.11080v5: ")
