from __future__ import annotations

from claimcheck.formats.common import evidence_line
from claimcheck.models import ArxivId, Claim, ClaimResult, Evidence, Mark, PassageKind, Verdict


def test_an_unverifiable_claim_shows_why_not_what_an_unrelated_paper_says() -> None:
    claim = Claim(1, "XNLI gains 5.4 points.", False, Mark.VERIFIED, 0.3, 10)
    ev = Evidence(str(ArxivId("2404.12444", 1)), 7, 0, 20, "Inspired by methods proposed ...",
                  PassageKind.SENTENCE, 0.4, None, 0.4)
    reason = "not in the papers that could be had; 2005.13013v2 could not be checked"
    line = evidence_line(ClaimResult(claim, Verdict.UNVERIFIABLE, 0.0, (ev,), reason=reason))
    assert line == reason
    partial = evidence_line(ClaimResult(claim, Verdict.PARTIALLY_SUPPORTED, 0.4, (ev,), reason="x"))
    assert "2404.12444v1 p.7" in partial and "Inspired by methods" in partial
