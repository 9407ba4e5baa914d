"""Bad input: one clear ReportParseError naming the file, never a hang or another exception."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from report_pdfgen import write_encrypted_pdf, write_many_pages_pdf

from claimcheck.errors import ReportParseError
from claimcheck.report import collect_paths, parse_report

ROOT = Path(__file__).resolve().parents[2]
GOOD = (ROOT / "reports" / "000_7718762f7f75de70.txt").read_bytes()


def _error(path: Path, **kw: int) -> ReportParseError:
    with pytest.raises(ReportParseError) as info:
        parse_report(path, **kw)
    err = info.value
    assert err.path == str(path)
    assert str(err).startswith(f"{path}")
    assert "\n" not in str(err)
    return err


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    assert _error(p).reason == "empty file"
    p.write_bytes(b"  \n\n\t\n")
    assert "empty" in _error(p).reason


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "model.bin"
    p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    err = _error(p)
    assert "binary file" in err.reason and "offset 7" in err.reason


def test_undecodable_without_nul_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "latin.md"
    p.write_bytes(bytes(range(0x80, 0x100)) * 20)
    assert "not a text file" in _error(p).reason


def test_invalid_utf8_in_a_good_report_is_decoded_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "r.md"
    at = GOOD.index(b"Abstract")
    p.write_bytes(GOOD[:at] + b"\xff\xfe" + GOOD[at:])
    report = parse_report(p)
    assert len(report.claims) == 10
    line = GOOD[:at].count(b"\n") + 1
    assert report.warnings == (
        f"{p}:{line}: invalid UTF-8 at byte {at} (2 bad sequence(s) replaced by U+FFFD)",
    )


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    p = tmp_path / "r16.md"
    p.write_bytes(b"\xff\xfe" + GOOD.decode("utf-8").encode("utf-16-le"))
    assert len(parse_report(p).claims) == 10


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.md"
    with p.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    t0 = time.perf_counter()
    err = _error(p)
    assert time.perf_counter() - t0 < 0.5
    assert err.reason == "file is 50 MB; the limit is 50 MB"
    small = tmp_path / "small.md"
    small.write_bytes(GOOD)
    assert "the limit is 1000 bytes" in _error(small, max_bytes=1000).reason


def test_broken_pdf(tmp_path: Path) -> None:
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n%%EOF")
    assert _error(p).reason.startswith(("broken PDF", "PDF has no"))


def test_truncated_real_pdf(tmp_path: Path) -> None:
    data = (ROOT / "fixtures" / "reports" / "wrapped_report.pdf").read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: len(data) // 3])
    _error(p)  # whatever pypdf makes of it, a ReportParseError naming the file


def test_named_pdf_without_header(tmp_path: Path) -> None:
    p = tmp_path / "fake.pdf"
    p.write_bytes(b"<html>not found</html>")
    assert "no %PDF header" in _error(p).reason


def test_encrypted_pdf(tmp_path: Path) -> None:
    p = write_encrypted_pdf(tmp_path / "locked.pdf")
    assert "encrypted PDF" in _error(p).reason


def test_pdf_with_thousands_of_pages_is_refused_quickly(tmp_path: Path) -> None:
    p = write_many_pages_pdf(tmp_path / "many.pdf", pages=3000)
    t0 = time.perf_counter()
    err = _error(p)
    assert time.perf_counter() - t0 < 1.0
    assert err.reason.startswith("PDF has 3000 pages; the limit is 500")
    assert "the limit is 2000" in _error(p, max_pages=2000).reason


def test_no_claims_section() -> None:
    p = ROOT / "fixtures" / "bad_reports" / "no_claims.md"
    assert _error(p).reason.startswith("no claims section")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.md").reason == "no such file"
    assert "directory" in _error(tmp_path).reason


def test_collect_paths(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.md").write_text("x")
    got = collect_paths([str(tmp_path)])
    assert [p.relative_to(tmp_path).as_posix() for p in got] == ["a.txt", "b/z.md", "c.pdf"]
    # Globs, explicit files of any suffix, duplicates once.
    got = collect_paths(
        [str(tmp_path / "*.txt"), str(tmp_path / "notes.json"), str(tmp_path / "a.txt")]
    )
    assert [p.name for p in got] == ["a.txt", "notes.json"]
    with pytest.raises(ReportParseError, match="no such file or directory"):
        collect_paths([str(tmp_path / "missing.md")])
    with pytest.raises(ReportParseError, match="no file matches"):
        collect_paths([str(tmp_path / "*.docx")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReportParseError, match="directory holds no reports"):
        collect_paths([str(tmp_path / "empty")])
