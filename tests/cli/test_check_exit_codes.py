"""`claimcheck check` exit codes through the real CLI: 0 holds, 1 violated, 2 usage/input, 3 could
not finish. Reports are written to tmp_path; papers come from --papers-dir or are unavailable
offline, so nothing touches the network."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

ANSI = re.compile(r"\x1b\[")

REPORT = """# Retrieval Baselines Report

July 1, 2026

## Introduction

This paper examines: XTREME: A Massively Multilingual Multi-task Benchmark for Evaluating \
Cross-lingual Generalization. Research question: How well does XLM-R Large do on retrieval?.

## Results

1 papers retrieved. 2 claims extracted; 2 independently verified. Quality review score: 8.8/10.

## Extracted Claims

| Claim | Verified | Confidence |
|:------|:--------:|-----------:|
| XLM-R Large reaches a BUCC F1 of 66.0 and a Tatoeba accuracy of 57.3 zero-shot. | ✓ | 0.44 |
| Intermediate training on nine tasks improves XTREME by 5.4 points on average. | ✓ | 0.40 |

## References

1. <https://arxiv.org/abs/{arxiv_id}>
"""

# A paper that is in no --papers-dir and no (fresh, per-test) cache: offline, its claims are
# unverifiable, which the default policy does not fail on.
MISSING = "2306.12916v3"
OFFLINE = ["--offline", "--no-semantic"]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.md"
    path.write_text(REPORT.format(arxiv_id=MISSING), encoding="utf-8")
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", *map(str, args)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_exit_0_when_policy_holds(report: Path) -> None:
    code, out, err = run(report, *OFFLINE)
    assert code == 0, err
    assert "XLM-R Large reaches a BUCC F1 of 66.0" in out  # terminal report on stdout
    assert "unverifiable" in out
    assert not ANSI.search(out)  # not a terminal: no colour
    assert "policy holds" in err
    assert "Traceback" not in err


def test_exit_1_when_policy_violated(report: Path) -> None:
    code, out, err = run(report, *OFFLINE, "--fail-on", "unverifiable")
    assert code == 1, err
    assert "policy violated: 2 claims fail (fail on unverifiable)" in err
    assert "unverifiable" in out


def test_exit_1_sarif_to_file_keeps_stdout_clean(report: Path, tmp_path: Path) -> None:
    sarif = tmp_path / "out.sarif"
    code, out, err = run(
        report, *OFFLINE, "--fail-on", "unverifiable", "--format", "sarif", "--output", sarif
    )
    assert code == 1, err
    assert out == ""
    doc = json.loads(sarif.read_text(encoding="utf-8"))
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["unverifiable", "unverifiable"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    text = report.read_text(encoding="utf-8").splitlines()
    assert [text[n - 1].split("|")[1].strip()[:20] for n in lines] == [
        "XLM-R Large reaches ",
        "Intermediate trainin",
    ]


def test_baseline_turns_known_failures_into_exit_0(report: Path, tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    code, _, err = run(report, *OFFLINE, "--fail-on", "unverifiable", "-f", "json", "-o", base)
    assert code == 1, err
    assert json.loads(base.read_text(encoding="utf-8"))["schema_version"] == "1"

    code, _, err = run(report, *OFFLINE, "--fail-on", "unverifiable", "--baseline", base)
    assert code == 0, err
    assert "2 already in the baseline ignored" in err

    # A new problem in the same report fails again, even though every line moved down.
    moved = report.read_text(encoding="utf-8").replace(
        "| XLM-R Large",
        "| mBERT reaches a BUCC F1 of 56.7 zero-shot. | ✓ | 0.30 |\n| XLM-R Large",
    )
    report.write_text("\n\n" + moved, encoding="utf-8")
    code, _, err = run(report, *OFFLINE, "--fail-on", "unverifiable", "--baseline", base)
    assert code == 1, err
    assert "policy violated: 1 claim fails" in err


def test_json_output_is_valid_and_marks_failures(report: Path) -> None:
    code, out, err = run(report, *OFFLINE, "--fail-on", "unverifiable", "-f", "json")
    assert code == 1, err
    doc = json.loads(out)
    assert doc["policy"]["fail_on"] == ["unverifiable"]
    assert [c["fails_policy"] for c in doc["reports"][0]["claims"]] == [True, True]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fail-on", "contradicted,bogus"], "--fail-on: unknown name 'bogus'"),
        (["--min-confidence", "1.5"], "--min-confidence 1.5: must be between 0 and 1"),
        (["--format", "yaml"], "yaml"),
    ],
)
def test_exit_2_on_usage_errors(report: Path, args: list[str], message: str) -> None:
    code, out, err = run(report, *OFFLINE, *args)
    assert code == 2
    assert message in err
    assert out == ""
    assert "Traceback" not in err


def test_exit_2_on_missing_report(tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "nope.md", *OFFLINE)
    assert code == 2
    assert out == ""
    assert "nope.md" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["check", "parse"])
def test_a_broken_pdf_gets_one_line(tmp_path: Path, command: str) -> None:
    # pypdf logs "EOF marker not found" for this file before it fails. Run as a real process:
    # under pytest its logging capture would hide a stray line on stderr.
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\ngarbage")
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    args = [str(pdf), *OFFLINE] if command == "check" else [str(pdf)]
    proc = subprocess.run([sys.executable, "-c", "from claimcheck.cli import main; main()",
                           command, *args], check=False, capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"claimcheck: error: {pdf}: broken PDF: Stream has ended unexpectedly"]


@pytest.mark.parametrize("command", ["check", "eval", "fetch"])
def test_exit_2_on_a_papers_dir_that_is_not_there(report: Path, tmp_path: Path, command: str) -> None:
    # Else every paper would be unavailable and every claim unverifiable, with no word of why.
    gone = tmp_path / "no-such-folder"
    target = {"check": [report, "--offline", "--no-semantic"], "fetch": [MISSING, "--offline"],
              "eval": [Path(__file__).parents[2] / "fixtures" / "labels" / "dev.jsonl",
                       "--no-semantic"]}[command]
    result = CliRunner().invoke(app, [command, *map(str, target), "--papers-dir", str(gone)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"claimcheck: error: --papers-dir {gone}: not a directory"


def test_exit_2_on_bad_baseline(report: Path, tmp_path: Path) -> None:
    bad = tmp_path / "base.json"
    bad.write_text("{\n  not json", encoding="utf-8")
    code, out, err = run(report, *OFFLINE, "--baseline", bad)
    assert code == 2
    assert f"{bad}:2: not JSON" in err
    assert out == ""


@pytest.mark.slow
def test_exit_3_when_the_model_cannot_load(report: Path, tmp_path: Path) -> None:
    code, out, err = run(report, "--offline", "--model", tmp_path / "no-such-model")
    assert code == 3
    assert out == ""
    shown = tmp_path / "no-such-model"
    line = (f"claimcheck: error: cannot load sentence-transformers model '{shown}': not a "
            "directory (hint: pass a local model directory with --model, or use --no-semantic)")
    assert err.strip().splitlines() == [line]


def test_exit_0_with_the_real_paper(tmp_path: Path, arxiv_pdfs: Path) -> None:
    path = tmp_path / "real.md"
    path.write_text(REPORT.format(arxiv_id="2003.11080v5"), encoding="utf-8")
    code, out, err = run(
        path, *OFFLINE, "--papers-dir", arxiv_pdfs, "-f", "json", "--fail-on", "none"
    )
    assert code == 0, err
    doc = json.loads(out)
    papers = [p for p in doc["reports"][0]["papers"] if p["arxiv_id"] == "2003.11080v5"]
    assert papers and papers[0]["status"] == "available"
    # The paper was read: the first claim is decided on evidence quoted from it.
    first = doc["reports"][0]["claims"][0]
    assert first["verdict"] != "unverifiable"
    assert first["evidence"] and first["evidence"][0]["paper_id"] == "2003.11080v5"
