"""Claims written as a table (tab-separated or Markdown pipes) or as a list.

A tab-separated table looks like the real reports::

    Claim<TAB>Verified<TAB>Confidence
    Multi-task intermediate-task training ... 8.7 points.<TAB>✓<TAB>0.25

A pipe table (``| Claim | Verified | Confidence |`` with a ``|---|`` row) works the same way.
Columns are found by their header names, so their order may change and the confidence column
may be absent. A row whose claim text was hard-wrapped over several lines (only its last line
carries the tabs) is joined back. A list (``- claim ✓ 0.27``, ``1. claim``) is a third form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.models import Mark
from claimcheck.report.common import Vocabulary, join_wrapped

VERIFIED_MARKS = "✓✔☑✅"
REJECTED_MARKS = "×✗✘❌☒"
_VERIFIED_WORDS = {"yes", "y", "true", "verified", "supported", "ok", "pass", "passed"}
_REJECTED_WORDS = {"no", "n", "false", "x", "rejected", "unverified", "unsupported", "fail",
                   "failed"}  # fmt: skip
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|\[\d{1,3}\])\s+(?P<text>\S.*)$")
_TRAILING = re.compile(
    r"\s*[(\[]?\s*(?P<mark>[" + VERIFIED_MARKS + REJECTED_MARKS + r"])\s*[,;]?\s*"
    r"(?:(?:confidence|conf\.?)\s*[:=]?\s*)?(?P<conf>\d{0,3}(?:\.\d+)?%?)?\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_TRAILING_CONF = re.compile(
    r"\s*[(\[]\s*(?:confidence|conf\.?)\s*[:=]?\s*(?P<conf>\d{0,3}(?:\.\d+)?%?)\s*[)\]]\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RawClaim:
    """A claim as read, before numbering and the truncation rule."""

    text: str
    line: int
    mark: Mark
    confidence: float | None


def parse_mark(cell: str) -> Mark | None:
    """✓/× (and yes/no words) to a Mark; an empty cell is Mark.NONE; None if unreadable."""
    cell = cell.strip()
    if not cell or cell in {"-", "–", "—", "?", "n/a", "N/A"}:
        return Mark.NONE
    if any(ch in VERIFIED_MARKS for ch in cell):
        return Mark.VERIFIED
    if any(ch in REJECTED_MARKS for ch in cell):
        return Mark.REJECTED
    low = cell.lower().strip("*_`")
    if low in _VERIFIED_WORDS:
        return Mark.VERIFIED
    if low in _REJECTED_WORDS:
        return Mark.REJECTED
    return None


def parse_confidence(cell: str) -> float | None:
    """``0.27`` or ``27%`` to 0.27; None when empty or unreadable (the caller warns)."""
    cell = cell.strip().strip("*_`")
    if not cell:
        return None
    percent = cell.endswith("%")
    try:
        value = float(cell.rstrip("%").strip())
    except ValueError:
        return None
    if percent or 1.0 < value <= 100.0:
        value /= 100.0
    if not 0.0 <= value <= 1.0:  # NaN fails this too
        return None
    return round(value, 6)


def _cells(line: str, delimiter: str) -> list[str]:
    if delimiter == "|":
        body = line.strip()
        body = body.removeprefix("|")
        if body.endswith("|") and not body.endswith("\\|"):
            body = body[:-1]
        return [c.strip().replace("\\|", "|") for c in _PIPE_SPLIT.split(body)]
    return [c.strip() for c in line.split("\t")]


def _is_row(line: str, delimiter: str) -> bool:
    if delimiter == "|":
        return line.lstrip().startswith("|") or line.count("|") >= 2
    return "\t" in line


@dataclass(frozen=True)
class _Columns:
    claim: int
    verified: int | None
    confidence: int | None
    width: int


def _columns(header: list[str]) -> _Columns | None:
    claim = verified = confidence = None
    for i, cell in enumerate(header):
        low = cell.lower().strip("*_` ")
        if claim is None and re.match(r"^(claims?|statement|text|finding)\b", low):
            claim = i
        elif verified is None and re.match(r"^(verified|verification|status|mark|supported)", low):
            verified = i
        elif confidence is None and re.match(r"^(confidence|conf\b|score|probability)", low):
            confidence = i
    if claim is None:
        return None
    return _Columns(claim, verified, confidence, len(header))


def looks_like_table(lines: Sequence[tuple[int, str]]) -> str | None:
    """The delimiter ('\\t' or '|') when the claims section is a table, else None."""
    texts = [t for _, t in lines if t.strip()]
    if not texts:
        return None
    tabbed = sum(1 for t in texts if "\t" in t)
    piped = sum(1 for t in texts if t.lstrip().startswith("|"))
    if piped and piped >= tabbed:
        return "|"
    if tabbed:
        return "\t"
    return None


def parse_table(
    lines: Sequence[tuple[int, str]],
    delimiter: str,
    vocab: Vocabulary,
    warnings: list[str],
    path: str,
) -> list[RawClaim]:
    """Rows of a claims table. Lines without the delimiter wrap the next row's claim text."""
    cols: _Columns | None = None
    claims: list[RawClaim] = []
    pending: list[tuple[int, str]] = []  # wrapped lines waiting for the row that ends them
    for lineno, text in lines:
        if not text.strip():
            continue
        if delimiter == "|" and _SEPARATOR.match(text):
            continue
        if not _is_row(text, delimiter):
            pending.append((lineno, text))
            continue
        cells = _cells(text, delimiter)
        if cols is None:
            cols = _columns(cells)
            if cols is not None:
                pending.clear()
                continue
            # No header: the real reports' order.
            cols = _Columns(0, 1 if len(cells) > 1 else None, 2 if len(cells) > 2 else None, 3)
        extra = len(cells) - cols.width
        if extra > 0 and cols.claim == 0:
            # A delimiter inside the claim text: the trailing cells are the other columns.
            cells = [" ".join(cells[: extra + 1]), *cells[extra + 1 :]]

        def cell(i: int | None, cells: list[str] = cells) -> str:
            return cells[i] if i is not None and i < len(cells) else ""

        first = pending[0][0] if pending else lineno
        text_lines = [t for _, t in pending] + [cell(cols.claim)]
        pending.clear()
        claim_text = join_wrapped(text_lines, vocab)
        if not claim_text:
            continue
        mark = parse_mark(cell(cols.verified))
        if mark is None:
            warnings.append(
                f"{path}:{lineno}: unreadable Verified cell {cell(cols.verified)!r}; "
                "taken as no mark"
            )
            mark = Mark.NONE
        raw_conf = cell(cols.confidence)
        conf = parse_confidence(raw_conf)
        if conf is None and raw_conf.strip():
            warnings.append(
                f"{path}:{lineno}: unreadable Confidence cell {raw_conf!r}; taken as none"
            )
        claims.append(RawClaim(claim_text, first, mark, conf))
    if pending:
        # Lines after the last row: claims that lost their columns.
        for lineno, text in pending:
            claims.append(RawClaim(join_wrapped([text], vocab), lineno, Mark.NONE, None))
        warnings.append(
            f"{path}:{pending[0][0]}: {len(pending)} line(s) in the claims table carry no "
            "columns; read as claims without a mark"
        )
    return claims


def trailing_mark(text: str) -> tuple[str, Mark | None, float | None]:
    """Split ``claim ✓ 0.27`` or ``claim (confidence: 0.3)`` into text, mark and confidence."""
    m = _TRAILING.search(text)
    if m is not None and m.start() > 0:
        mark = parse_mark(m.group("mark"))
        conf = parse_confidence(m.group("conf") or "")
        return text[: m.start()].rstrip(), mark, conf
    m = _TRAILING_CONF.search(text)
    if m is not None and m.start() > 0:
        return text[: m.start()].rstrip(), None, parse_confidence(m.group("conf"))
    return text, None, None


def looks_like_list(lines: Sequence[tuple[int, str]]) -> bool:
    texts = [t for _, t in lines if t.strip()]
    return bool(texts) and _LIST_ITEM.match(texts[0]) is not None


def parse_list(lines: Sequence[tuple[int, str]], vocab: Vocabulary) -> list[RawClaim]:
    """``- claim``, ``1. claim`` or ``[1] claim`` items; indented lines continue an item."""
    items: list[tuple[int, list[str]]] = []
    for lineno, text in lines:
        if not text.strip():
            continue
        m = _LIST_ITEM.match(text)
        if m is not None:
            items.append((lineno, [m.group("text")]))
        elif items:
            items[-1][1].append(text)
    claims = []
    for lineno, parts in items:
        joined = join_wrapped(parts, vocab)
        body, mark, conf = trailing_mark(joined)
        if body:
            claims.append(RawClaim(body, lineno, mark or Mark.NONE, conf))
    return claims
