"""A report written as a PDF: its text, read with pypdf, within a page limit.

The page count is read from the document catalogue (``/Root /Pages /Count``) before any page
is touched, so a PDF of thousands of pages is refused at once; the real page tree is checked
again after, in case ``/Count`` lies. Every pypdf failure becomes a ``ReportParseError``.
"""

from __future__ import annotations

import io
from typing import Any

from claimcheck.errors import ReportParseError


def _declared_pages(reader: Any) -> int | None:
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
        return int(count)
    except Exception:  # noqa: BLE001 - a missing or odd /Count: fall back to the page tree
        return None


def pdf_text(data: bytes, path: str, *, max_pages: int = 500) -> str:
    """The text of every page, pages separated by a blank line.

    Raises ``ReportParseError`` for a broken or encrypted PDF, one over ``max_pages`` pages,
    or one without extractable text.
    """
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise ReportParseError(
            "pypdf is not installed; cannot read PDF reports", path=path
        ) from exc
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except PdfReadError as exc:
        raise ReportParseError(f"broken PDF: {_reason(exc)}", path=path) from exc
    except Exception as exc:
        raise ReportParseError(f"broken PDF: {_reason(exc)}", path=path) from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:
            raise ReportParseError(
                f"encrypted PDF that cannot be opened: {_reason(exc)}", path=path
            ) from exc
        if not opened:
            raise ReportParseError("encrypted PDF (a password is needed)", path=path)
    declared = _declared_pages(reader)
    if declared is not None and declared > max_pages:
        raise ReportParseError(
            f"PDF has {declared} pages; the limit is {max_pages} (a report is a few pages)",
            path=path,
        )
    try:
        count = len(reader.pages)
    except Exception as exc:
        raise ReportParseError(f"broken PDF page tree: {_reason(exc)}", path=path) from exc
    if count > max_pages:
        raise ReportParseError(
            f"PDF has {count} pages; the limit is {max_pages} (a report is a few pages)",
            path=path,
        )
    if count == 0:
        raise ReportParseError("PDF has no pages", path=path)
    texts: list[str] = []
    for number in range(count):
        try:
            texts.append(reader.pages[number].extract_text() or "")
        except Exception as exc:
            raise ReportParseError(
                f"cannot extract the text of PDF page {number + 1}: {_reason(exc)}", path=path
            ) from exc
    text = "\n\n".join(t.strip("\n") for t in texts)
    if not text.strip():
        raise ReportParseError(
            "PDF has no extractable text (a scan? claimcheck does not OCR)", path=path
        )
    return text


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
