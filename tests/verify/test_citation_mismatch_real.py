"""The real wrong-id citation in ../shared/data/citation_mismatch, through `claimcheck check`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

REPORT = """# Multilingual sentence embeddings

July 1, 2026

## 5 Extracted Claims

Claim\tVerified\tConfidence
Multilingual knowledge distillation maps a translated sentence to the same location in the vector space as the original sentence.\t✓\t0.40
XTREME covers 40 typologically diverse languages spanning 12 language families and includes nine tasks.\t✓\t0.30

## References

- <https://arxiv.org/abs/2004.09714v1>
- <https://arxiv.org/abs/2003.11080v5>
"""


@pytest.mark.slow
def test_a_paper_cited_under_the_wrong_id_is_a_citation_mismatch(
    shared_data: Path, tmp_path: Path
) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    # The PDF downloaded for "Reimers & Gurevych" under the id 2004.09714 is a signal-processing paper.
    shutil.copy(shared_data / "citation_mismatch" / "reimers2020_sentence_multilingual.pdf",
                papers / "2004.09714v1.pdf")
    shutil.copy(shared_data / "arxiv_pdfs" / "2003.11080v5.pdf", papers / "2003.11080v5.pdf")
    report = tmp_path / "r.md"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(report), "--papers-dir", str(papers),
                                      "--offline", "--no-semantic", "--format", "json"])
    assert result.exit_code == 1, result.output  # citation_mismatch fails the default policy
    rep = json.loads(result.stdout)["reports"][0]
    mism = [f for f in rep["findings"] if f["kind"] == "citation_mismatch"]
    assert [f["arxiv_id"] for f in mism] == ["2004.09714v1"]
    assert mism[0]["line"] == 13  # the reference line in r.md
    assert [c["verdict"] for c in rep["claims"]] == ["not_found", "supported"]
