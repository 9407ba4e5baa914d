"""The five real reports in reports/ parse exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.models import Mark, ReportFormat
from claimcheck.report import collect_paths, parse_report

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"

EXPECTED = {
    "000_7718762f7f75de70.txt": (10, ["2306.12916v3", "2005.13013v2", "2503.01763v2"]),
    "001_126e3002b994202a.txt": (9, []),
    "002_2e3ab498ae4b912d.txt": (14, ["2210.01091v2", "2101.10649v1", "2005.13013v2"]),
    "003_d7112426c6c99ca9.txt": (9, ["2205.00049v2", "2005.13013v2", "1810.12836v4"]),
    "004_415287ba6a180c2b.txt": (10, ["2310.09917v3", "2404.12444v1", "2005.13013v2"]),
}

# Report 001 is text extracted from a PDF; these are its claims with the wrapping undone.
# They are report 000's first nine, cut at slightly different places, and claim 7 lacks
# "(Conneau et al., 2020)" and so reaches further ("state-of-t").
CLAIMS_001 = [
    (
        "Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task "
        "improvements of 8.2, 7.5, and 7.0 poin"
    ),
    "Multi-task intermediate-task training on all 9 tasks performs best, improving by 8.7 points.",
    (
        "Applying intermediate-task training to BUCC and Tatoeba, the two sentence retrieval target "
        "tasks that have no training d"
    ),
    (
        "TyDiQA shows consistent improvements with many intermediate tasks, whereas XNLI does not "
        "see benefits from intermediate"
    ),
    (
        "Evaluating our best performing models for each target task on the XTREME benchmark yields "
        "an average improvement of 5.4"
    ),
    (
        "Training on English intermediate tasks outperforms the more complex alternatives of (i) "
        "continuing multilingual MLM duri"
    ),
    (
        "We use the pretrained XLM-R Large model as a starting point for all our experiments, as it "
        "currently achieves state-of-t"
    ),
    (
        "We follow a three-phase approach to training: (i) we use a publicly available MLM; (ii) we "
        "perform intermediate-task tra"
    ),
    (
        "We study the effect of intermediate-task training (STILTs; Phang et al., 2018) with nine "
        "different English intermediate"
    ),
]


def _table_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The tab-separated rows of a Markdown report, read independently of the parser."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if "\t" in line and not line.startswith("Claim\t"):
            rows.append((n, line.split("\t")))
    return rows


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_counts_and_references(name: str) -> None:
    report = parse_report(REPORTS / name)
    n_claims, refs = EXPECTED[name]
    assert len(report.claims) == n_claims
    assert [str(r.arxiv_id) for r in report.references] == refs
    assert [c.index for c in report.claims] == list(range(1, n_claims + 1))
    assert report.findings == ()


@pytest.mark.parametrize("name", [n for n in sorted(EXPECTED) if not n.startswith("001")])
def test_markdown_claims_equal_the_table_cells(name: str) -> None:
    path = REPORTS / name
    report = parse_report(path)
    rows = _table_rows(path)
    assert report.format is ReportFormat.MARKDOWN
    assert [(c.line, c.text) for c in report.claims] == [(n, cells[0]) for n, cells in rows]
    marks = {"✓": Mark.VERIFIED, "×": Mark.REJECTED}
    assert [c.reported_mark for c in report.claims] == [marks[cells[1]] for _, cells in rows]
    assert [c.reported_confidence for c in report.claims] == [float(cells[2]) for _, cells in rows]


def test_report_000_metadata() -> None:
    report = parse_report(REPORTS / "000_7718762f7f75de70.txt")
    assert report.title == (
        "Task Diversity in Intermediate Training and Zero-Shot Cross-Lingual Retrieval Efficiency"
    )
    assert report.date == "July 7, 2026"
    assert report.examined_title == (
        "English Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too"
    )
    assert report.examined_line == 15
    assert report.research_question == (
        "What is the impact of task diversity in English intermediate training on the inference "
        "efficiency (throughput, latency) of zero-shot cross-lingual sentence retrieval models "
        "in XTREME-R?"
    )
    assert report.research_question_line == 15
    s = report.stated
    assert (s.papers, s.claims, s.verified, s.quality, s.line) == (10, 10, 10, 9.0, 23)
    assert [r.line for r in report.references] == [45, 46, 47]
    assert report.references[0].url == "http://arxiv.org/abs/2306.12916v3"
    truncated = [c.index for c in report.claims if c.truncated]
    assert truncated == [1, 3, 4, 5, 6, 7, 8, 9, 10]  # only claim 2 ends its sentence


def test_report_001_pdf_text_claims_exactly() -> None:
    path = REPORTS / "001_126e3002b994202a.txt"
    report = parse_report(path)
    assert report.format is ReportFormat.TEXT
    assert [c.text for c in report.claims] == CLAIMS_001
    lines = path.read_text(encoding="utf-8").split("\n")
    # Each claim's line is the line its text starts on.
    for claim in report.claims:
        assert claim.text.startswith(lines[claim.line - 1].strip().rstrip("-"))
    assert [c.line for c in report.claims] == [50, 54, 56, 60, 64, 68, 72, 76, 80]
    assert all(c.reported_mark is Mark.NONE for c in report.claims)
    assert all(c.reported_confidence is None for c in report.claims)
    assert [c.truncated for c in report.claims] == [True, False] + [True] * 7
    assert report.title is None and report.date is None
    # Hyphenation at a line break kept as written: "Zero-" + "Shot", and the typo "FEnglish".
    assert report.examined_title == (
        "FEnglish Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too"
    )
    assert report.research_question == (
        "What is the impact of intermediate-task training on English models’ robustness to "
        "adversarial noise when transferred to non-English code generation tasks using "
        "XTREME-R benchmarks?"
    )
    s = report.stated
    assert (s.papers, s.claims, s.verified, s.quality) == (14, 9, 9, 9.3)
    assert any("no Verified/Confidence marks" in w for w in report.warnings)


def test_report_001_matches_report_000_up_to_the_cut() -> None:
    """001's claims are 000's first nine: each is a prefix-compatible variant of the other."""
    r000 = parse_report(REPORTS / "000_7718762f7f75de70.txt")
    r001 = parse_report(REPORTS / "001_126e3002b994202a.txt")
    for a, b in zip(r000.claims, r001.claims):
        a_text = a.text.replace(" (Conneau et al., 2020)", "")
        common = min(len(a_text), len(b.text)) - 2
        assert a_text[:common] == b.text[:common]


def test_report_002_has_a_rejected_claim_and_consistent_counts() -> None:
    report = parse_report(REPORTS / "002_2e3ab498ae4b912d.txt")
    assert report.claims[-1].reported_mark is Mark.REJECTED
    assert report.claims[-1].reported_verified is False
    assert report.stated.verified == 13
    assert sum(c.reported_mark is Mark.VERIFIED for c in report.claims) == 13
    assert report.findings == ()
    assert report.date == "June 23, 2026"
    assert report.title is not None and report.title.startswith("Impact of Language Family")


def test_directory_is_collected_sorted() -> None:
    paths = collect_paths([str(REPORTS)])
    assert [p.name for p in paths] == sorted(EXPECTED)
