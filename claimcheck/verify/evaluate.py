"""Measure the verifier on a labelled set: accuracy, macro-F1, confusion, calibration.

A labelled set is JSON lines: ``{"id", "claim", "papers": ["2003.11080v5"], "label", ...}``
(see fixtures/labels/README.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import DataError
from claimcheck.models import ArxivId, Claim, Mark, Verdict
from claimcheck.report import is_truncated

LABELS = (
    Verdict.SUPPORTED,
    Verdict.PARTIALLY_SUPPORTED,
    Verdict.CONTRADICTED,
    Verdict.NOT_FOUND,
)


@dataclass(frozen=True)
class LabelledClaim:
    id: str
    claim: str
    papers: tuple[ArxivId, ...]
    label: Verdict
    category: str
    line: int


@dataclass
class Prediction:
    item: LabelledClaim
    verdict: Verdict
    confidence: float
    reason: str = ""


@dataclass
class EvalReport:
    n: int
    accuracy: float
    macro_f1: float
    per_label_f1: dict[str, float]
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    false_supported_rate: float
    ece: float
    by_category: dict[str, float] = field(default_factory=dict)
    errors: list[Prediction] = field(default_factory=list)


def load_labels(path: Path) -> list[LabelledClaim]:
    """Read a labelled set; a bad line raises DataError naming file, line and what is wrong."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = data.count(b"\n", 0, exc.start) + 1
        raise DataError(f"{path}:{at}: not UTF-8 text (byte {exc.start}); expected JSON lines "
                        "of labelled claims") from exc
    out: list[LabelledClaim] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        out.append(_labelled(line, n, str(path)))
    if not out:
        raise DataError(f"{path}: no labelled claims")
    return out


def _labelled(line: str, n: int, where: str) -> LabelledClaim:
    """Line ``n`` of a labelled set; DataError says what is wrong with it, and ``where``."""
    def bad(what: str) -> DataError:
        return DataError(f"{where}:{n}: bad labelled claim: {what}")

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise bad(f"not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise bad(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in ("id", "claim", "papers", "label") if k not in obj]
    if missing:
        raise bad(f"missing {', '.join(repr(k) for k in missing)}")
    papers = obj["papers"]
    if not isinstance(papers, list) or not papers or not all(isinstance(p, str) for p in papers):
        raise bad("'papers' must be a non-empty list of arXiv ids")
    if not isinstance(obj["claim"], str) or not obj["claim"].strip():
        raise bad("'claim' must be non-empty text")
    label = next((v for v in LABELS if v.value == obj["label"]), None)
    if label is None:
        raise bad(f"label {obj['label']!r} is not one of {', '.join(v.value for v in LABELS)}")
    try:
        ids = tuple(ArxivId.parse(p) for p in papers)
    except ValueError as exc:
        raise bad(str(exc)) from exc
    return LabelledClaim(id=str(obj["id"]), claim=obj["claim"], papers=ids, label=label,
                         category=str(obj.get("category", "")), line=n)


def as_claim(item: LabelledClaim) -> Claim:
    """The labelled text as a report claim, cut off by the same rule the report parser uses."""
    return Claim(index=1, text=item.claim, truncated=is_truncated(item.claim),
                 reported_mark=Mark.NONE, reported_confidence=None, line=item.line)


def macro_f1(gold: Sequence[Verdict], pred: Sequence[Verdict]) -> tuple[float, dict[str, float]]:
    """Mean F1 over the four labels.

    >>> macro_f1([Verdict.SUPPORTED, Verdict.NOT_FOUND], [Verdict.SUPPORTED, Verdict.SUPPORTED])[0]
    0.3333333333333333
    """
    per: dict[str, float] = {}
    for lab in LABELS:
        tp = sum(1 for g, p in zip(gold, pred) if g is lab and p is lab)
        fp = sum(1 for g, p in zip(gold, pred) if g is not lab and p is lab)
        fn = sum(1 for g, p in zip(gold, pred) if g is lab and p is not lab)
        if tp + fp + fn == 0:
            continue
        per[lab.value] = 2 * tp / (2 * tp + fp + fn)
    return (sum(per.values()) / len(per) if per else 0.0), per


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """ECE: the bin-weighted gap between mean confidence and accuracy.

    >>> round(expected_calibration_error([0.9, 0.9, 0.1], [True, False, False]), 3)
    0.333
    """
    n = len(confidences)
    if n == 0:
        return 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if (lo < c <= hi) or (b == 0 and c == 0.0)]
        if not idx:
            continue
        acc = sum(1 for i in idx if correct[i]) / len(idx)
        conf = sum(confidences[i] for i in idx) / len(idx)
        total += len(idx) / n * abs(acc - conf)
    return total


def score(predictions: Sequence[Prediction]) -> EvalReport:
    gold = [p.item.label for p in predictions]
    pred = [p.verdict for p in predictions]
    n = len(predictions)
    acc = sum(1 for g, p in zip(gold, pred) if g is p) / n if n else 0.0
    mf1, per = macro_f1(gold, pred)
    confusion = {g.value: {p.value: 0 for p in (*LABELS, Verdict.UNVERIFIABLE)} for g in LABELS}
    for g, p in zip(gold, pred):
        confusion[g.value][p.value] += 1
    not_supported = [p for p in predictions if p.item.label is not Verdict.SUPPORTED]
    false_sup = sum(1 for x in not_supported if x.verdict is Verdict.SUPPORTED)
    fsr = false_sup / len(not_supported) if not_supported else 0.0
    ece = expected_calibration_error([x.confidence for x in predictions],
                                     [x.item.label is x.verdict for x in predictions])
    cats: dict[str, list[bool]] = {}
    for x in predictions:
        cats.setdefault(x.item.category, []).append(x.item.label is x.verdict)
    by_cat = {c: sum(v) / len(v) for c, v in sorted(cats.items())}
    errors = [x for x in predictions if x.item.label is not x.verdict]
    return EvalReport(n, acc, mf1, per, confusion, fsr, ece, by_cat, errors)


def fit_platt(margins: Sequence[float], correct: Sequence[bool], steps: int = 4000) -> tuple[float, float]:
    """Fit ``sigmoid(a * margin + b)`` to correctness by gradient descent on log-loss.

    The targets are Platt's: (N+ + 1) / (N+ + 2) for a correct verdict and 1 / (N- + 2) for a
    wrong one, so that a verdict right 21 times out of 22 on a small set is not given 0.999.
    """
    a, b = 1.0, 0.0
    n = len(margins)
    if n == 0:
        return a, b
    pos = sum(1 for y in correct if y)
    hi, lo = (pos + 1) / (pos + 2), 1 / (n - pos + 2)
    lr = 0.5
    for _ in range(steps):
        ga = gb = 0.0
        for m, y in zip(margins, correct, strict=True):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, a * m + b))))
            t = hi if y else lo
            ga += (p - t) * m
            gb += p - t
        a -= lr * ga / n
        b -= lr * gb / n
    return a, b
