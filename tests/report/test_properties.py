"""Property tests: any text yields a Report or a ReportParseError, never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.errors import ReportParseError
from claimcheck.models import Report
from claimcheck.report import parse_text

ROOT = Path(__file__).resolve().parents[2]
REAL = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "reports").glob("*.txt"))]

# Pieces that real reports are made of, so that the generated text reaches deep paths.
PIECES = [
    "## 5 Extracted Claims\n", "5 Extracted Claims\n", "References\n", "# Title\n",
    "Claim\tVerified\tConfidence\n", "| Claim | Verified | Confidence |\n", "|---|---|---|\n",
    "A claim.\t✓\t0.27\n", "| x | × | 0.1 |\n", "- item ✓ 0.3\n", "1. item\n", "✓\n", "0.27\n",
    "This paper examines: T. Research question: Q?.\n", "10 claims extracted; 9 verified.\n",
    "Quality review score: 9.0/10.\n", "arXiv:2005.\n13013v2\n", "<http://arxiv.org/abs/1810.12836v4>\n",
    "outper-\nforms\n", "Zero-\nShot\n", "\n", "\r\n", "\t", "|", "-", "July 7, 2026\n",
    "Verified Confidence\n", "hep-th/9901001\n", "\ufeff", "\f", "?", ".",
]  # fmt: skip


def _check(text: str) -> None:
    try:
        report = parse_text(text, "prop.md")
    except ReportParseError as exc:
        assert exc.path == "prop.md"
        return
    assert isinstance(report, Report)
    for i, claim in enumerate(report.claims, 1):
        assert claim.index == i
        assert claim.text == claim.text.strip() and claim.text
        assert claim.line >= 1
        assert claim.reported_confidence is None or 0.0 <= claim.reported_confidence <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=40))
def test_report_shaped_text(pieces: list[str]) -> None:
    _check("".join(pieces))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(REAL), st.integers(0, 5000), st.integers(0, 5000), st.text(max_size=20))
def test_damaged_real_reports(text: str, a: int, b: int, insert: str) -> None:
    a, b = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    _check(text[:a] + insert + text[b:])
