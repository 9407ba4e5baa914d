"""`claimcheck parse`: exit codes, stdout and stderr kept apart, JSON shape, --output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"
R000 = REPORTS / "000_7718762f7f75de70.txt"
R001 = REPORTS / "001_126e3002b994202a.txt"
BAD = ROOT / "fixtures" / "bad_reports" / "no_claims.md"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "120", "NO_COLOR": "1"})


def test_json_for_the_real_reports(runner: CliRunner) -> None:
    result = runner.invoke(app, ["parse", str(REPORTS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == "1"
    assert [len(r["claims"]) for r in doc["reports"]] == [10, 9, 14, 9, 10]
    first = doc["reports"][0]
    assert first["stated"] == {"papers": 10, "claims": 10, "verified": 10, "quality": 9.0}
    assert first["claims"][0] == {
        "index": 1,
        "text": "Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large "
        "target-task improvements of 8.2, 7.5, and 7.0 point",
        "truncated": True,
        "reported_verified": True,
        "reported_confidence": 0.27,
        "line": 32,
    }
    assert [r["arxiv_id"] for r in first["references"]] == [
        "2306.12916v3",
        "2005.13013v2",
        "2503.01763v2",
    ]
    assert first["references"][0]["url"] == "http://arxiv.org/abs/2306.12916v3"
    assert first["findings"] == []
    assert doc["reports"][1]["claims"][0]["reported_verified"] is None  # 001: marks lost
    # The marks-lost warning of report 001 goes to stderr, not into stdout's JSON stream.
    assert "claimcheck: warning:" in result.stderr and "001_126e3002b994202a.txt" in result.stderr


def test_terminal_summary(runner: CliRunner) -> None:
    result = runner.invoke(app, ["parse", str(R000), str(R001)])
    assert result.exit_code == 0
    out = result.stdout
    assert "Task Diversity in Intermediate Training" in out
    assert "July 7, 2026" in out
    assert "claims 10 stated / 10 counted; verified 10 stated / 10 counted" in out
    assert "verified 9 (marks lost; not counted)" in out
    assert "2306.12916v3" in out and "References (0)" in out
    assert "2 reports, 19 claims, 0 report-level findings" in out
    assert "Traceback" not in result.stdout + result.stderr


def test_count_mismatch_is_shown_and_exit_stays_0(runner: CliRunner) -> None:
    path = ROOT / "fixtures" / "reports" / "crlf_pipe_table.md"
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0
    assert "count_mismatch (line 11) the report states 5 claims extracted but lists 4" in (
        result.stdout
    )
    result = runner.invoke(app, ["parse", str(path), "-f", "json"])
    findings = json.loads(result.stdout)["reports"][0]["findings"]
    assert [f["kind"] for f in findings] == ["count_mismatch", "count_mismatch"]


def test_bad_file_among_good_ones(runner: CliRunner) -> None:
    result = runner.invoke(app, ["parse", str(R000), str(BAD), str(R001), "-f", "json"])
    assert result.exit_code == 2
    doc = json.loads(result.stdout)  # the good ones are still printed
    assert [Path(r["path"]).name for r in doc["reports"]] == [R000.name, R001.name]
    errors = [ln for ln in result.stderr.splitlines() if "error" in ln]
    assert errors == [
        (
            f"claimcheck: error: {BAD}: no claims section (expected a heading such "
            "as 'Extracted Claims' or a 'Claim | Verified | Confidence' table)"
        )
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary", "binary file (NUL byte at offset 0)"),
        (b"# Only a title\n\nNo claims here.\n", "no claims section"),
        (b"%PDF-1.4\ngarbage", "broken PDF"),
    ],
)
def test_bad_input_one_line_exit_2(
    runner: CliRunner, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"claimcheck: error: {path}: ")
    assert message in lines[0]


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"claimcheck: error: {tmp_path / 'nope.md'}: no such file or directory"
    )
    assert result.stdout == ""


def test_verbose_shows_the_traceback(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    result = runner.invoke(app, ["--verbose", "parse", str(path)])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr
    assert result.stderr.strip().endswith(f"claimcheck: error: {path}: empty file")


def test_invalid_utf8_warning_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    data = R000.read_bytes()
    path = tmp_path / "r.md"
    path.write_bytes(data[:100] + b"\xc3(" + data[100:])
    result = runner.invoke(app, ["parse", str(path), "-f", "json"])
    assert result.exit_code == 0
    assert f"claimcheck: warning: {path}:" in result.stderr
    assert "invalid UTF-8 at byte 100" in result.stderr
    assert json.loads(result.stdout)["reports"][0]["warnings"]


def test_output_file_is_written_atomically(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "parsed.json"
    result = runner.invoke(app, ["parse", str(R000), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["reports"][0]["claims"]) == 10
    assert [p.name for p in tmp_path.iterdir()] == ["parsed.json"]  # no temp file left
    txt = tmp_path / "parsed.txt"
    result = runner.invoke(app, ["parse", str(R000), "-o", str(txt)])
    assert result.exit_code == 0
    text = txt.read_text(encoding="utf-8")
    assert "Task Diversity" in text and "\x1b[" not in text  # plain text, no colour codes


def test_output_to_an_unwritable_place(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["parse", str(R000), "-f", "json", "-o", str(tmp_path / "no" / "dir" / "x.json")]
    )
    assert result.exit_code == 2
    assert "cannot write output" in result.stderr


def test_bad_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["parse", str(R000), "--format", "xml"])
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_real_process_pipes_clean_json() -> None:
    exe = Path(sys.executable).parent / "claimcheck"
    proc = subprocess.run(
        [str(exe), "parse", str(R001), "--format", "json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["reports"][0]["claims"]) == 9
    assert proc.stderr.startswith("claimcheck: warning:")
