"""Parsing synthesis reports: path -> Report.

``parse_report`` reads a file (Markdown, text extracted from a PDF, or a PDF), ``parse_text``
parses text already in memory, and ``collect_paths`` expands the command line's files,
directories and globs. All three raise ``ReportParseError`` for bad input, naming the file.
"""

from __future__ import annotations

from claimcheck.report.files import (
    MAX_PDF_PAGES,
    MAX_REPORT_BYTES,
    REPORT_SUFFIXES,
    collect_paths,
    parse_report,
)
from claimcheck.report.parser import CUT_LENGTH, is_truncated, parse_text
from claimcheck.report.references import find_references

__all__ = [
    "CUT_LENGTH",
    "MAX_PDF_PAGES",
    "MAX_REPORT_BYTES",
    "REPORT_SUFFIXES",
    "collect_paths",
    "find_references",
    "is_truncated",
    "parse_report",
    "parse_text",
]
