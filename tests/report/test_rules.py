"""The rules that undo wrapping, find claim boundaries and flag cut claims."""

from __future__ import annotations

import pytest

from claimcheck.report import is_truncated, parse_text
from claimcheck.report.common import Vocabulary, heading_of, join_wrapped
from claimcheck.report.plaintext import parse_wrapped


def _join(lines: list[str], document: str = "") -> str:
    vocab = Vocabulary.of([*document.split("\n"), *lines])
    return join_wrapped(lines, vocab)


@pytest.mark.parametrize(
    ("lines", "document", "expected"),
    [
        # Hyphenation: joined.
        (["Training outper-", "forms the rest"], "", "Training outperforms the rest"),
        (["We see improve-", "ments"], "consistent improvements", "We see improvements"),
        # A capital after the break: a compound ("Zero-Shot").
        (["Improves Zero-", "Shot Transfer"], "", "Improves Zero-Shot Transfer"),
        # An acronym before the hyphen: a compound ("POS-labeled").
        (["trained on POS-", "labeled data"], "", "trained on POS-labeled data"),
        (["the XLM-", "R model"], "", "the XLM-R model"),
        # The hyphenated form occurs elsewhere in the document: a compound.
        (
            ["English intermediate-", "task training"],
            "intermediate-task training",
            "English intermediate-task training",
        ),
        # The joined form occurs elsewhere: hyphenation, even though "lingual" is a compound head.
        (["with Multi-", "lingual BERT"], "How multilingual is it", "with Multilingual BERT"),
        # No evidence in the document: common compound heads and prefixes keep the hyphen.
        (["a BERT-like or graph-", "based model"], "", "a BERT-like or graph-based model"),
        (["during cross-", "lingual tuning"], "", "during cross-lingual tuning"),
        (["self-", "training"], "", "self-training"),
        # Dashes and slashes join without a space; a spaced hyphen stays spaced.
        (["training—", "fine-tuning"], "", "training—fine-tuning"),
        (["and/", "or"], "", "and/or"),
        (["a -", "b"], "", "a - b"),
    ],
)
def test_hyphen_rule(lines: list[str], document: str, expected: str) -> None:
    assert _join(lines, document) == expected


def test_fragment_before_a_hyphen_is_no_evidence() -> None:
    vocab = Vocabulary.of(["We eval-", "uate it"])
    assert "eval" not in vocab.words
    assert "uate" in vocab.words


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (("Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task "
         "improvements of 8.2, 7.5, and 7.0 point"), True),  # 121 chars, mid-word
        (("Applying intermediate-task training to BUCC and Tatoeba, the two sentence retrieval "
         "target tasks that have no training d"), True),
        (("TyDiQA shows consistent improvements with many intermediate tasks, whereas XNLI does "
         "not see benefits from intermediate"), True),  # 119 chars, whole word, no full stop
        (("The pretrained XLM-R Large model achieves state-of-the-art performance on many "
         "zero-shot cross-lingual transfer tasks."), False),  # 118 chars, a full sentence
        (("Multi-task intermediate-task training on all 9 tasks performs best, improving by 8.7 "
         "points."), False),
        ("A short claim without a full stop", False),  # far from the cut length
        ("x" * 200, False),  # longer than any cut: the report did not cut it
        ("y" * 100 + " does it hold?", False),  # near the cut length, but a whole question
    ],
)  # fmt: skip
def test_truncation_rule(text: str, cut: bool) -> None:
    assert is_truncated(text) is cut


def test_claim_boundaries_in_wrapped_text() -> None:
    lines = [
        "Multi-task intermediate-task training on all 9",
        "tasks performs best, improving by 8.7 points.",
        "Applying intermediate-task training to BUCC",
        "and Tatoeba, the two sentence retrieval target",
        "tasks that have no training d",
        "TyDiQA shows consistent improvements with",  # short line above, capital here: new claim
        "many intermediate tasks, whereas XNLI does",
        "not see benefits from intermediate",
        "",
        "We use the pretrained XLM-R Large model on",
        "Tatoeba and BUCC, like Phang et al.",  # capital after a full line: same claim
        "Conneau argue otherwise.",  # "et al." is no sentence end
    ]
    numbered = list(enumerate(lines, 1))
    claims = parse_wrapped(numbered, Vocabulary.of(lines))
    assert [(c.text, c.line) for c in claims] == [
        (("Multi-task intermediate-task training on all 9 tasks performs best, improving by 8.7 "
         "points."), 1),
        (("Applying intermediate-task training to BUCC and Tatoeba, the two sentence retrieval "
         "target tasks that have no training d"), 3),
        (("TyDiQA shows consistent improvements with many intermediate tasks, whereas XNLI does "
         "not see benefits from intermediate"), 6),
        (("We use the pretrained XLM-R Large model on Tatoeba and BUCC, like Phang et al. Conneau "
         "argue otherwise."), 10),
    ]  # fmt: skip


def test_marks_on_lines_of_their_own() -> None:
    lines = ["Claim", "Verified Confidence", "First claim wraps over", "two lines here", "✓",
             "0.31", "Second claim.", "× 0.02"]  # fmt: skip
    claims = parse_wrapped(list(enumerate(lines, 1)), Vocabulary.of(lines))
    assert [(c.text, c.mark.value, c.confidence) for c in claims] == [
        ("First claim wraps over two lines here", "verified", 0.31),
        ("Second claim.", "rejected", 0.02),
    ]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("## 5 Extracted Claims", "Extracted Claims"),
        ("5 Extracted Claims", "Extracted Claims"),
        (" Abstract", "Abstract"),
        ("References", "References"),
        ("# Title of a Report", "Title of a Report"),
        ("3 Results and Analysis", "Results and Analysis"),
        ("14 papers retrieved. 9 claims extracted.", None),
        ("3 Results show large gains on every task we tried.", None),
        ("Claim", None),
    ],
)
def test_headings(line: str, name: str | None) -> None:
    h = heading_of(line, 1)
    assert (h.name if h else None) == name


def test_research_question_keeps_question_mark_drops_trailing_full_stop() -> None:
    text = (
        "## Intro\n\nThis paper examines: A Title. Research question: Why?.\n\n"
        "## Claims\n\nClaim\tVerified\tConfidence\nA claim.\t✓\t0.5\n"
    )
    report = parse_text(text)
    assert report.research_question == "Why?"
    assert report.examined_title == "A Title"


def test_stated_counts_that_disagree_are_warned() -> None:
    text = (
        "Yielded 12 papers.\n\n12 papers retrieved. 3 claims extracted; 2 verified. "
        "Quality review score: 8.1/10.\n\nLater: 13 papers retrieved.\n\n"
        "## Claims\n\nA claim.\t✓\t0.5\n"
    )
    report = parse_text(text, "r.md")
    s = report.stated
    assert (s.papers, s.claims, s.verified, s.quality, s.line) == (12, 3, 2, 8.1, 3)
    assert any("different papers counts: 12 at line 3, 13 at line 5" in w for w in report.warnings)
    assert [f.message for f in report.findings] == [
        "the report states 3 claims extracted but lists 1",
        "the report states 2 claims independently verified but marks 1 of its 1 claims ✓",
    ]
