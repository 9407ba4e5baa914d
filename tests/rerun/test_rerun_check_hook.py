"""`claimcheck check --rerun`: rerun_for_check adds comparisons and rerun_disagrees findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimcheck.cli.rerun_cmd import rerun_for_check
from claimcheck.config import Settings
from claimcheck.errors import UsageError
from claimcheck.models import (
    AuditResult,
    Claim,
    FindingKind,
    Mark,
    Report,
    ReportAudit,
    ReportFormat,
    StatedCounts,
)


def _audit(*texts: str) -> AuditResult:
    claims = tuple(Claim(index=i + 1, text=t, truncated=False, reported_mark=Mark.VERIFIED,
                         reported_confidence=0.3, line=20 + i) for i, t in enumerate(texts))
    report = Report(path="r.txt", format=ReportFormat.TEXT, title="t", date=None,
                    research_question=None, examined_title=None, stated=StatedCounts(),
                    claims=claims, references=())
    return AuditResult(reports=(ReportAudit(report=report, papers=(), claims=(), findings=()),))


def test_rerun_for_check(tmp_path: Path, make_tatoeba: Any) -> None:
    root = tmp_path / "data"
    make_tatoeba(root / "tatoeba", "deu", ["Ich habe eine Katze.", "Es regnet."],
                 ["I have a cat.", "It is raining."])
    settings = Settings(cache_dir=tmp_path / "cache")
    result = _audit("XLM-R Large scores 57.3 accuracy on Tatoeba",
                    "multilingual-e5-small reaches 12.0 accuracy on Tatoeba",
                    "Nothing about retrieval here, 42.0")
    out = rerun_for_check(result, "tatoeba", root, "deu", settings)
    cmp = out.meta["rerun"]["comparisons"]
    assert [(c["claim_index"], c["status"]) for c in cmp] == [
        (1, "encoder_differs"), (2, "disagrees")]
    assert cmp[0]["published_value"] == 57.3 and cmp[0]["rerun_value"] == 100.0
    assert out.meta["rerun"]["results"][0]["languages"]["deu"]["accuracy"] == 100.0
    findings = out.reports[0].findings
    assert [(f.kind, f.claim_index) for f in findings] == [(FindingKind.RERUN_DISAGREES, 2)]
    assert "88.0 away from claimed 12" in findings[0].message


def test_unknown_task(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown task 'squad'"):
        rerun_for_check(_audit(), "tatoeba,squad", tmp_path, None,
                        Settings(cache_dir=tmp_path))
