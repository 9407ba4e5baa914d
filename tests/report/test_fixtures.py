"""The project's own report fixtures: other wrappings, tables, lists, line endings, a PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

from report_pdfgen import write_lines_pdf, write_text_file_pdf

from claimcheck.models import FindingKind, Mark, ReportFormat
from claimcheck.report import parse_report, parse_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reports"

WRAPPED_CLAIMS = [
    (
        "Taggers trained on machine-translated POS-labeled data reach 91.2 accuracy on Basque, "
        "within 1.4 points of gold-trained taggers."
    ),
    "Zero-shot transfer from English with mBERT reaches only 72.5 on Tamil.",
    "Self-training on unlabeled target text adds 2.1 points on average.",
    (
        "Gains are largest for scripts unlike English, where translated data give the only "
        "intermediate-task signal for cross-lin"
    ),
    (
        "Performance degrades by 3.0 points when the translation system is trained on fewer than "
        "one million sentence pairs."
    ),
]


def test_crlf_pipe_table_with_count_mismatches() -> None:
    path = FIXTURES / "crlf_pipe_table.md"
    assert b"\r\n" in path.read_bytes()  # the fixture really has CRLF line endings
    report = parse_report(path)
    assert report.format is ReportFormat.MARKDOWN
    assert [c.text for c in report.claims] == [
        "The cross-lingual gap is largest for the structured prediction and retrieval tasks.",
        "BUCC and Tatoeba scores of XLM-R | mBERT differ by more than 20 points.",
        "Translate-train improves over zero-shot transfer on all classification tasks.",
        (
            "Sentence retrieval accuracy on Tatoeba is 57.3 for XLM-R Large averaged over all "
            "languages in the benchmark and"
        ),
    ]
    assert [c.line for c in report.claims] == [18, 20, 21, 22]
    assert [c.reported_mark for c in report.claims] == [
        Mark.VERIFIED,
        Mark.VERIFIED,
        Mark.REJECTED,
        Mark.VERIFIED,
    ]
    assert [c.reported_confidence for c in report.claims] == [0.44, 0.38, 0.09, None]
    assert [c.truncated for c in report.claims] == [False, False, False, True]
    assert [str(r.arxiv_id) for r in report.references] == ["2003.11080v5", "1911.02116"]
    assert report.research_question == "Which tasks in XTREME show the largest cross-lingual gap?"
    kinds = [(f.kind, f.line) for f in report.findings]
    assert kinds == [(FindingKind.COUNT_MISMATCH, 11), (FindingKind.COUNT_MISMATCH, 11)]
    assert "states 5 claims extracted but lists 4" in report.findings[0].message
    assert "states 4 claims independently verified but marks 3" in report.findings[1].message


def test_same_report_with_lf_endings_parses_the_same() -> None:
    crlf = (FIXTURES / "crlf_pipe_table.md").read_text(encoding="utf-8")
    a = parse_text(crlf, "x.md")
    b = parse_text(crlf.replace("\r\n", "\n"), "x.md")
    assert a == b


def test_wrapped_text_without_blank_lines_between_claims() -> None:
    report = parse_report(FIXTURES / "wrapped_text.txt")
    assert report.format is ReportFormat.TEXT
    assert [c.text for c in report.claims] == WRAPPED_CLAIMS
    assert [c.truncated for c in report.claims] == [False, False, False, True, False]
    assert report.title == (
        "Cross-Lingual Transfer of Part-of-Speech Taggers Trained on Machine-Translated Data"
    )
    assert report.date == "3 March 2026"
    # "Multi-" + "lingual": "multilingual" occurs elsewhere, so the hyphen was wrapping.
    assert report.examined_title == (
        "Zero-Shot Cross-Lingual Transfer with Multilingual BERT: An Empirical Stdy"
    )
    assert report.research_question == (
        "Do taggers trained on translated POS-labeled corpora match those trained on gold data "
        "for Basque and Tamil?"
    )
    assert [(str(r.arxiv_id) if r.arxiv_id else None, r.line) for r in report.references] == [
        ("1906.01502v1", 46),  # "arXiv:1906." / "01502v1": broken over two lines
        ("1810.04805v2", 48),
        (None, 49),  # a title with an ACL Anthology URL: not an arXiv id, kept by title
        ("hep-th/9901001", 51),
    ]
    by_title = report.references[2]
    assert by_title.title == (
        "Beto, Bentz, Becas: The Surprising Cross-Lingual Effectiveness of BERT"
    )
    assert by_title.url == "https://aclanthology.org/D19-1077/"
    assert any("example.com" in w and "not an arXiv reference" in w for w in report.warnings)
    assert report.findings == ()


def test_committed_pdf_fixture_parses_like_its_text() -> None:
    report = parse_report(FIXTURES / "wrapped_report.pdf")
    assert report.format is ReportFormat.PDF
    assert [c.text for c in report.claims] == WRAPPED_CLAIMS
    assert report.title == (
        "Cross-Lingual Transfer of Part-of-Speech Taggers Trained on Machine-Translated Data"
    )
    assert [str(r.arxiv_id) for r in report.references if r.arxiv_id] == [
        "1906.01502v1",
        "1810.04805v2",
        "hep-th/9901001",
    ]
    assert report.stated.claims == 5


def test_pdf_generated_now_parses_the_same(tmp_path: Path) -> None:
    pdf = write_text_file_pdf(FIXTURES / "wrapped_text.txt", tmp_path / "r.pdf")
    fresh = parse_report(pdf)
    committed = parse_report(FIXTURES / "wrapped_report.pdf")
    assert fresh.claims == committed.claims
    assert fresh.references == committed.references


def test_pdf_with_marks_kept_at_line_ends(tmp_path: Path) -> None:
    """A PDF table whose ✓/× and confidence survive extraction at the end of each claim."""
    source = parse_report(
        Path(__file__).resolve().parents[2] / "reports" / "000_7718762f7f75de70.txt"
    )
    lines = ["Wrapped Table Report", "", "5 Extracted Claims", "", "Claim Verified Confidence"]
    import textwrap

    for claim in source.claims:
        wrapped = textwrap.wrap(claim.text, width=48)
        mark = "✓" if claim.reported_mark is Mark.VERIFIED else "×"
        wrapped[-1] += f" {mark} {claim.reported_confidence:.2f}"
        lines.extend(wrapped)
    pdf = write_lines_pdf(lines, tmp_path / "marks.pdf")
    report = parse_report(pdf)
    assert [c.text for c in report.claims] == [c.text for c in source.claims]
    assert [c.reported_mark for c in report.claims] == [c.reported_mark for c in source.claims]
    assert [c.reported_confidence for c in report.claims] == [
        c.reported_confidence for c in source.claims
    ]


def test_claims_without_confidence_column() -> None:
    report = parse_report(FIXTURES / "no_confidence.md")
    assert len(report.claims) == 4
    assert all(c.reported_confidence is None for c in report.claims)
    assert [c.reported_mark for c in report.claims] == [
        Mark.VERIFIED,
        Mark.REJECTED,
        Mark.VERIFIED,
        Mark.VERIFIED,
    ]
    assert report.claims[3].truncated and not report.claims[0].truncated
    assert report.date == "2026-01-15"
    assert report.title == "Scaling Laws for Sentence Retrieval: A Synthesis"
    assert report.examined_title == "LaBSE: Language-agnostic BERT Sentence Embedding"
    # Duplicates collapse; a bare 1812.10464 cited later as v2 counts once, with the version.
    assert [str(r.arxiv_id) for r in report.references] == [
        "2007.01852v2",
        "1812.10464v2",
        "math.GT/0309136",
    ]
    assert report.findings == ()


def test_claims_as_a_numbered_list() -> None:
    report = parse_report(FIXTURES / "list_claims.md")
    assert [(c.text, c.reported_mark, c.reported_confidence, c.line) for c in report.claims] == [
        ("Margin-based scoring improves BUCC F1 by 3.2 points over cosine similarity.",
         Mark.VERIFIED, 0.41, 15),
        ("The ratio margin works better than the distance margin on all four language pairs.",
         Mark.REJECTED, 0.12, 16),
        (("Mining with k = 4 nearest neighbours gives the best results across the language pairs "
         "tested."), Mark.VERIFIED, 0.35, 17),
    ]  # fmt: skip
    assert [str(r.arxiv_id) for r in report.references] == ["1811.01136v2", "1812.10464"]
    assert report.date == "June 2, 2026"


def test_hard_wrapped_tab_table() -> None:
    report = parse_report(FIXTURES / "wrapped_table.md")
    assert [(c.text, c.line, c.reported_confidence) for c in report.claims] == [
        (("Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task "
         "improvements of 8.2, 7.5, and 7.0 point"), 6, 0.27),
        (("Multi-task intermediate-task training on all 9 tasks performs best, improving by 8.7 "
         "points."), 8, 0.27),  # written as 27%
        ("The claim text may itself contain a tab.", 9, 0.05),
    ]  # fmt: skip
    assert report.claims[2].reported_mark is Mark.REJECTED
    assert report.stated.claims is None and report.findings == ()


def test_file_type_is_told_by_content_not_name(tmp_path: Path) -> None:
    pdf_named_txt = tmp_path / "report.txt"
    shutil.copy(FIXTURES / "wrapped_report.pdf", pdf_named_txt)
    assert parse_report(pdf_named_txt).format is ReportFormat.PDF
    md_named_odd = tmp_path / "report.data"
    shutil.copy(FIXTURES / "list_claims.md", md_named_odd)
    assert len(parse_report(md_named_odd).claims) == 3
