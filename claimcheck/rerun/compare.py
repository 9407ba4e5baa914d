"""Linking report claims about BUCC/Tatoeba numbers to reruns and published numbers.

A claim such as "XLM-R Large scores 66.0 F1 on BUCC" yields one comparison per stated number:
the task it belongs to, the metric, the model the claim is about, the rerun value and the
published value. A rerun only judges a claim when its encoder is the claim's model; otherwise
the comparison says plainly that the encoders differ (``encoder_differs``) or that the claim
names no model (``model_unstated``), and still reports what the published table says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from claimcheck.models import Claim, RetrievalResult
from claimcheck.rerun.published import MODEL_ALIASES, canonical_model, published_for

DEFAULT_TOLERANCE = 1.0  # percentage points


class ComparisonStatus(str, Enum):
    AGREES = "agrees"  # the rerun used the claim's model and lands within tolerance
    DISAGREES = "disagrees"  # same model, outside tolerance
    ENCODER_DIFFERS = "encoder_differs"  # the rerun's encoder is not the claim's model
    MODEL_UNSTATED = "model_unstated"  # the claim names no model we know
    NO_RERUN = "no_rerun"  # no rerun of that task (or language) was given


@dataclass(frozen=True)
class RerunComparison:
    claim_index: int
    task: str  # tatoeba | bucc
    metric: str  # accuracy | f1 | precision | recall
    claimed_value: float
    rerun_value: float | None
    published_value: float | None
    status: ComparisonStatus
    message: str
    claimed_model: str | None = None
    rerun_encoder: str | None = None
    published_source: str | None = None
    language: str | None = None  # None: the average over languages
    tolerance: float = DEFAULT_TOLERANCE


_TASK_RE = re.compile(r"\b(bucc(?:[- ]?2018)?|tatoeba)\b", re.IGNORECASE)
_NUM_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)(\s*%)?(?![\w.]*\d)")
_BREAK_RE = re.compile(r"[;]|\band\b|\bwhile\b|\bwhereas\b|\bbut\b|,", re.IGNORECASE)
_SKIP_BEFORE = re.compile(
    r"(?:layer|layers|k\s*=|top-?|table|figure|fig\.|section|by|\+|-|\b\d+\s+(?:out\s+)?of)\s*$",
    re.IGNORECASE)
_SKIP_AFTER = re.compile(
    r"^\s*(?:languages?|layers?|pairs?|sentences?|points?|pp\b|tasks?|examples?|k\b|x\b|"
    r"nearest|neighbou?rs?|ids?)", re.IGNORECASE)
_METRIC_WORDS = (
    ("precision", "precision"), ("recall", "recall"), ("f1", "f1"), ("f-score", "f1"),
    ("accuracy", "accuracy"), ("acc.", "accuracy"),
)
_BUCC_LANG = {"zh": ("zh-en", "chinese"), "de": ("de-en", "german"), "fr": ("fr-en", "french"),
              "ru": ("ru-en", "russian")}


@dataclass(frozen=True)
class StatedNumber:
    task: str
    metric: str
    value: float
    language: str | None


def stated_numbers(text: str) -> list[StatedNumber]:
    """BUCC/Tatoeba scores a sentence states, with their task and metric.

    >>> stated_numbers("XLM-R Large scores 66.0 F1 on BUCC and 57.3 accuracy on Tatoeba")
    [StatedNumber(task='bucc', metric='f1', value=66.0, language=None), \
StatedNumber(task='tatoeba', metric='accuracy', value=57.3, language=None)]
    """
    tasks = [(m.start(), m.end(), "bucc" if m.group(1).lower().startswith("bucc") else "tatoeba")
             for m in _TASK_RE.finditer(text)]
    if not tasks:
        return []
    nums = [m for m in _NUM_RE.finditer(text)]
    out: list[StatedNumber] = []
    for m in nums:
        if _SKIP_BEFORE.search(text[: m.start()]) or _SKIP_AFTER.search(text[m.end():]):
            continue
        value = float(m.group(1))
        if not 0 <= value <= 100:
            continue
        task = _task_for(text, m.start(), m.end(), tasks, nums)
        if task is None:
            continue
        t_start, t_end, t_name = task
        lo, hi = min(m.start(), t_start), max(m.end(), t_end)
        window = text[max(0, lo - 30): hi + 30].lower()
        metric = "f1" if t_name == "bucc" else "accuracy"
        # The metric word between the number and its task mention ("66.0 F1 on BUCC",
        # "Tatoeba accuracy of 57.3"), else just after the task ("BUCC F1: 66.0" is covered).
        segment = text[lo:hi].lower()
        best_dist: int | None = None
        for word, name in _METRIC_WORDS:
            for wm in re.finditer(re.escape(word), segment):
                pos = lo + wm.start()
                dist = m.start() - (pos + len(word)) if pos < m.start() else pos - m.end()
                if best_dist is None or dist < best_dist:
                    best_dist, metric = dist, name
        lang = None
        if t_name == "bucc":
            for code, names in _BUCC_LANG.items():
                if any(n in window for n in names):
                    lang = code
        out.append(StatedNumber(t_name, metric, value, lang))
    return out


def _task_for(
    text: str, start: int, end: int, tasks: list[tuple[int, int, str]], nums: list[re.Match[str]]
) -> tuple[int, int, str] | None:
    """The task mention a number belongs to: the next one in the same clause ("66.0 on BUCC"),
    else the previous one in the same sentence ("BUCC F1 of 66.0 and recall 60.1")."""
    def clear(a: int, b: int) -> bool:
        between = text[a:b]
        return not any(a <= n.start() < b for n in nums) and not _BREAK_RE.search(between)

    after = [t for t in tasks if t[0] >= end]
    if after and clear(end, after[0][0]):
        return after[0]
    before = [t for t in tasks if t[1] <= start]
    if before:
        t = before[-1]
        between = text[t[1]:start]
        if ";" not in between and ". " not in between:
            return t
    return None


def compare_claims(
    claims: Sequence[Claim],
    results: Sequence[RetrievalResult],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[RerunComparison]:
    """One RerunComparison per BUCC/Tatoeba number stated in ``claims``."""
    by_task = {r.task: r for r in results}
    out: list[RerunComparison] = []
    for claim in claims:
        model = canonical_model_in_text(claim.text)
        for stated in stated_numbers(claim.text):
            out.append(_compare_one(claim.index, stated, model, by_task.get(stated.task),
                                    tolerance))
    return out


def canonical_model_in_text(text: str) -> str | None:
    """The model a claim is about, by the longest known alias it contains as a word."""
    low = text.lower()
    best: tuple[int, str] | None = None
    for model, aliases in MODEL_ALIASES.items():
        for a in aliases:
            found = re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", low)
            if found and (best is None or len(a) > best[0]):
                best = (len(a), model)
    return best[1] if best else None


def _rerun_value(result: RetrievalResult, metric: str, language: str | None) -> float | None:
    if language is None:
        if metric in ("f1", "accuracy"):
            return result.average
        values = [getattr(s, metric) for s in result.languages.values()]
        vals = [v for v in values if v is not None]
        return sum(vals) / len(vals) if vals else None
    score = result.languages.get(language)
    return None if score is None else getattr(score, metric, None)


def _compare_one(
    index: int,
    stated: StatedNumber,
    model: str | None,
    result: RetrievalResult | None,
    tolerance: float,
) -> RerunComparison:
    pub = None
    if model is not None:
        rows = [p for p in published_for(stated.task, model, stated.language)
                if p.metric == stated.metric]
        pub = rows[0] if rows else None
    pub_text = ""
    if pub is not None:
        agree = abs(pub.value - stated.value) <= 0.05 + 1e-9
        pub_text = (f"; published {pub.value:g} ({pub.source}) "
                    f"{'matches' if agree else 'differs from'} the claim")
    what = f"{stated.task} {stated.metric}" + (f" ({stated.language})" if stated.language else "")

    def make(status: ComparisonStatus, message: str, rerun_value: float | None = None,
             rerun_encoder: str | None = None) -> RerunComparison:
        return RerunComparison(
            claim_index=index, task=stated.task, metric=stated.metric,
            claimed_value=stated.value, rerun_value=rerun_value,
            published_value=pub.value if pub else None, status=status, message=message,
            claimed_model=model, rerun_encoder=rerun_encoder,
            published_source=pub.source if pub else None, language=stated.language,
            tolerance=tolerance,
        )

    if result is None:
        return make(ComparisonStatus.NO_RERUN,
                    f"claimed {what} {stated.value:g}: no {stated.task} rerun{pub_text}")
    value = _rerun_value(result, stated.metric, stated.language)
    if value is None:
        return make(ComparisonStatus.NO_RERUN,
                    f"claimed {what} {stated.value:g}: the rerun has no "
                    f"{stated.language or 'average'} {stated.metric}{pub_text}",
                    rerun_encoder=result.encoder)
    rerun_model = canonical_model(result.encoder)
    rv = f"{value:.1f}"
    if model is None:
        status = ComparisonStatus.MODEL_UNSTATED
        msg = (f"claimed {what} {stated.value:g} names no model; rerun with {result.encoder} "
               f"gives {rv}: not judged")
    elif rerun_model != model:
        status = ComparisonStatus.ENCODER_DIFFERS
        msg = (f"claim is about {model}, rerun used {result.encoder}"
               f"{f' ({rerun_model})' if rerun_model else ''}: {rv} vs claimed "
               f"{stated.value:g} is not a judgement of the claim{pub_text}")
    elif abs(value - stated.value) <= tolerance:
        status = ComparisonStatus.AGREES
        msg = (f"rerun of {model} gives {what} {rv}, within {tolerance:g} of claimed "
               f"{stated.value:g}{pub_text}")
    else:
        status = ComparisonStatus.DISAGREES
        msg = (f"rerun of {model} gives {what} {rv}, {abs(value - stated.value):.1f} away from "
               f"claimed {stated.value:g} (tolerance {tolerance:g}){pub_text}")
    return make(status, msg, rerun_value=value, rerun_encoder=result.encoder)
