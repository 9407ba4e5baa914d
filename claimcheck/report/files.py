"""Report files: which paths to read, and reading one safely.

``parse_report`` checks the size before reading, tells a PDF by its ``%PDF`` header (not by
its name), refuses binary files, and decodes invalid UTF-8 leniently with a warning that gives
the byte offset of the first bad byte.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from pathlib import Path

from claimcheck.errors import ReportParseError
from claimcheck.models import Report
from claimcheck.report.parser import build_report
from claimcheck.report.pdf import pdf_text

REPORT_SUFFIXES = (".md", ".markdown", ".txt", ".pdf")
MAX_REPORT_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 500
# More bad bytes than this share of the file: not a text file that got damaged, but binary.
_MAX_BAD_SHARE = 0.05


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _is_pdf(head: bytes) -> bool:
    # The header may follow a little junk (the spec allows it within the first 1024 bytes).
    return b"%PDF-" in head[:1024]


def decode_text(data: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes of a text report to str, with warnings; refuses binary content."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise ReportParseError(
                f"invalid UTF-16 at byte {exc.start}: not a text report", path=path
            ) from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReportParseError(
            f"binary file (NUL byte at offset {nul}); expected a Markdown, text or PDF report",
            path=path,
        )
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(8, _MAX_BAD_SHARE * len(data)):
        raise ReportParseError(
            f"not a text file: {bad} invalid UTF-8 sequences (the first at byte {first})",
            path=path,
        )
    line = data[:first].count(b"\n") + 1
    warnings.append(
        f"{path}:{line}: invalid UTF-8 at byte {first} ({bad} bad sequence(s) replaced by U+FFFD)"
    )
    return text, warnings


def parse_report(
    path: Path, *, max_bytes: int = MAX_REPORT_BYTES, max_pages: int = MAX_PDF_PAGES
) -> Report:
    """Read and parse one report (.md, .txt or .pdf; a PDF is told by its content).

    Raises ``ReportParseError`` naming the file for a missing, empty, binary, oversized or
    unparseable report.
    """
    path = Path(path)
    name = str(path)
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise ReportParseError("no such file", path=name) from exc
    except OSError as exc:
        raise ReportParseError(f"cannot read: {exc.strerror or exc}", path=name) from exc
    if path.is_dir():
        raise ReportParseError("is a directory, not a report", path=name)
    if st.st_size >= max_bytes:
        raise ReportParseError(
            f"file is {_mb(st.st_size)}; the limit is {_mb(max_bytes)}",
            path=name,
            hint="a report is a few kB; CLAIMCHECK_MAX_REPORT_BYTES raises the limit",
        )
    try:
        with path.open("rb") as fh:
            # Read at most the limit, in case the file grew since stat().
            data = fh.read(max_bytes)
    except OSError as exc:
        raise ReportParseError(f"cannot read: {exc.strerror or exc}", path=name) from exc
    if not data.strip():
        raise ReportParseError("empty file" if not data else "empty file (only whitespace)",
                               path=name)  # fmt: skip
    if _is_pdf(data):
        return build_report(pdf_text(data, name, max_pages=max_pages), name, from_pdf=True,
                            warnings=[])  # fmt: skip
    if path.suffix.lower() == ".pdf":
        raise ReportParseError("named .pdf but has no %PDF header: not a PDF", path=name)
    text, warnings = decode_text(data, name)
    return build_report(text, name, from_pdf=False, warnings=warnings)


def _is_report_file(p: Path) -> bool:
    return p.suffix.lower() in REPORT_SUFFIXES and p.is_file()


def collect_paths(args: Sequence[str]) -> list[Path]:
    """Files, directories (searched recursively for .md/.txt/.pdf, sorted) and globs.

    A file named explicitly is taken whatever its suffix. Raises ``ReportParseError`` for a
    path that does not exist, a glob that matches nothing, or a directory without reports.
    Duplicates are dropped, first occurrence kept.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for arg in args:
        p = Path(arg)
        if p.is_dir():
            found = sorted(
                (
                    f
                    for f in p.rglob("*")
                    if _is_report_file(f)
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                ),
                key=lambda f: f.relative_to(p).parts,
            )
            if not found:
                raise ReportParseError(
                    f"directory holds no reports ({', '.join(REPORT_SUFFIXES)})", path=arg
                )
            for f in found:
                add(f)
        elif p.exists():
            add(p)
        elif glob.has_magic(arg):
            matches = sorted(Path(m) for m in glob.glob(arg, recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                raise ReportParseError("no file matches this pattern", path=arg)
            for f in files:
                add(f)
        else:
            raise ReportParseError("no such file or directory", path=arg)
    return out


__all__ = ["collect_paths", "decode_text", "parse_report"]
