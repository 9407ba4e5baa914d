"""Text of a report -> Report: sections, metadata, claims, references, findings.

The text may be Markdown (claims in a tab-separated or pipe table, or a list) or text
extracted from a PDF (claims wrapped over lines, the mark columns lost). Which claims parser
runs is decided by what the claims section looks like, not by the file name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.errors import ReportParseError
from claimcheck.models import (
    Claim,
    FindingKind,
    Mark,
    Reference,
    Report,
    ReportFinding,
    ReportFormat,
    StatedCounts,
)
from claimcheck.report.common import (
    SECTION_NAMES,
    Heading,
    Vocabulary,
    heading_of,
    join_lines,
    normalize_newlines,
)
from claimcheck.report.markdown import (
    RawClaim,
    looks_like_list,
    looks_like_table,
    parse_list,
    parse_table,
)
from claimcheck.report.plaintext import parse_wrapped
from claimcheck.report.references import collapse, find_references

# The reports cut each claim at this many characters, often mid-word.
CUT_LENGTH = 120
CUT_WINDOW = (CUT_LENGTH - 12, CUT_LENGTH + 3)
_CLOSING = ".!?)]\"'”’"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_TABLE_HEADER = re.compile(r"^\s*\|?\s*\**claims?\**\s*(?:\t|\|)", re.IGNORECASE)
_EXAMINES = re.compile(r"\bthis paper examines\s*:\s*", re.IGNORECASE)
_RQ = re.compile(r"\bresearch question\s*:\s*", re.IGNORECASE)
_N = r"(\d{1,7})"
_STATED = {
    "papers": (
        re.compile(
            rf"\b{_N}\s+(?:papers?|sources?|documents?)\s+(?:were\s+)?retrieved\b", re.IGNORECASE
        ),
        re.compile(rf"\byielded\s+{_N}\s+(?:papers?|sources?)\b", re.IGNORECASE),
    ),
    "claims": (re.compile(rf"\b{_N}\s+claims?\s+(?:were\s+)?extracted\b", re.IGNORECASE),),
    "verified": (
        re.compile(
            rf"\b{_N}\s+(?:claims?\s+)?(?:were\s+)?(?:independently\s+)?verified\b", re.IGNORECASE
        ),
    ),
    "quality": (
        re.compile(
            r"\bquality(?:\s+review)?\s+score(?:\s+of|\s*:|\s+is|\s+was)?\s*"
            r"(\d{1,3}(?:\.\d+)?)\s*/\s*10\b",
            re.IGNORECASE,
        ),
    ),
}


@dataclass(frozen=True)
class _Paragraph:
    lines: tuple[int, ...]  # 1-based line numbers
    text: str  # wrapping undone
    starts: tuple[int, ...]  # offset in text where each line starts

    def line_at(self, offset: int) -> int:
        line = self.lines[0]
        for n, start in zip(self.lines, self.starts):
            if start <= offset:
                line = n
            else:
                break
        return line


def _paragraphs(
    numbered: Sequence[tuple[int, str]], skip: set[int], vocab: Vocabulary
) -> list[_Paragraph]:
    out: list[_Paragraph] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block:
            text, starts = join_lines([t for _, t in block], vocab)
            out.append(_Paragraph(tuple(n for n, _ in block), text, tuple(starts)))
            block.clear()

    for n, text in numbered:
        if n in skip or not text.strip():
            flush()
            continue
        block.append((n, text))
    flush()
    return out


def _sentence_after(text: str, start: int, stop: re.Pattern[str] | None) -> str:
    """The text from ``start`` up to ``stop`` (when it follows) or the end of the sentence."""
    rest = text[start:]
    if stop is not None:
        m = stop.search(rest)
        if m is not None:
            return rest[: m.start()].strip()
    m = re.search(r"[.!?](?=\s+[A-Z\"“]|\s*$)", rest)
    return (rest[: m.start() + 1] if m else rest).strip()


def _clean_title(title: str) -> str | None:
    title = title.strip().rstrip(".").strip().strip("\"“”'‘’*_").strip()
    return title or None


def _question(text: str, start: int) -> str | None:
    rest = text[start:]
    m = re.search(r"\?", rest)
    if m is not None:
        return rest[: m.end()].strip() or None
    return _clean_title(_sentence_after(text, start, None))


_TITLE_CONTINUES = re.compile(
    r"(?:-|\b(?:a|an|the|of|on|in|for|to|and|or|with|via|from|by|at|as|under|into|vs\.?))$",
    re.IGNORECASE,
)


def _plain_title(
    numbered: Sequence[tuple[int, str]],
    first: _Paragraph,
    first_heading: int | None,
    vocab: Vocabulary,
) -> str | None:
    """The title of a report without a ``#`` heading: its first lines, before any heading.

    PDF text loses the blank lines between title, author and date, so the title takes the
    next line only while the line before it is long or cannot end a title ("... Trained on").
    """
    if first_heading is not None and first.lines[0] > first_heading:
        return None
    picked: list[str] = []
    for n in first.lines[:3]:
        text = numbered[n - 1][1].strip()
        if _DATE.fullmatch(text) or _EXAMINES.search(text):
            break
        picked.append(text)
        if not (_TITLE_CONTINUES.search(text) or len(text) >= 50):
            break
    title = join_lines(picked, vocab)[0].strip()
    return title if title and len(title) <= 300 else None


def _title_and_date(
    numbered: Sequence[tuple[int, str]],
    headings: Sequence[Heading],
    paragraphs: list[_Paragraph],
    vocab: Vocabulary,
) -> tuple[str | None, str | None]:
    title: str | None = None
    title_line: int | None = None
    for h in headings:
        if h.level == 1 and h.key not in SECTION_NAMES:
            title, title_line = h.name.strip(), h.line
            break
    # The front matter (title, author, date) ends at the first heading other than the title.
    first_heading = next((h.line for h in headings if h.line != title_line), None)
    if title is None:
        for n, text in numbered:
            m = re.match(r"^\s*title\s*:\s*(\S.*)$", text, re.IGNORECASE)
            if m:
                title = m.group(1).strip()
                break
    if title is None and paragraphs:
        title = _plain_title(numbered, paragraphs[0], first_heading, vocab)
    # The date: a "Date:" line, or a short line holding a date before the first heading.
    date: str | None = None
    front_end = first_heading if first_heading is not None else 40
    for n, text in numbered[:60]:
        m = re.match(r"^\s*date\s*:\s*(\S.*)$", text, re.IGNORECASE)
        if m:
            return title, m.group(1).strip()
        if date is None and n < front_end and len(text.strip()) <= 60:
            d = _DATE.search(text)
            if d is not None:
                date = d.group(0)
    return title, date


def _stated(paragraphs: list[_Paragraph], warnings: list[str], path: str) -> StatedCounts:
    values: dict[str, float | int | None] = {}
    lines: dict[str, int] = {}
    for key, patterns in _STATED.items():
        seen: list[tuple[float, int]] = []
        for pattern in patterns:
            for p in paragraphs:
                for m in pattern.finditer(p.text):
                    raw = m.group(1)
                    value = float(raw) if key == "quality" else int(raw)
                    seen.append((value, p.line_at(m.start())))
            if seen:
                break  # a later pattern is only a fallback
        if not seen:
            values[key] = None
            continue
        values[key], lines[key] = seen[0]
        differing = sorted({v for v, _ in seen})
        if len(differing) > 1:
            where = ", ".join(f"{v:g} at line {ln}" for v, ln in seen)
            warnings.append(f"{path}: the report states different {key} counts: {where}")
    papers, claims, verified = values["papers"], values["claims"], values["verified"]
    quality = values["quality"]
    return StatedCounts(
        papers=int(papers) if papers is not None else None,
        claims=int(claims) if claims is not None else None,
        verified=int(verified) if verified is not None else None,
        quality=float(quality) if quality is not None else None,
        line=lines.get("claims") or lines.get("verified") or lines.get("papers"),
    )


def is_truncated(text: str) -> bool:
    """Whether the report cut this claim off.

    The reports cut claims at about ``CUT_LENGTH`` characters, often mid-word. A claim is
    taken as cut when its length is near that and it does not end a sentence:

    >>> is_truncated("Multi-task intermediate-task training on all 9 tasks performs best.")
    False
    >>> is_truncated("x" * 119)
    True
    """
    text = text.rstrip()
    low, high = CUT_WINDOW
    return low <= len(text) <= high and not text.endswith(tuple(_CLOSING))


def _references_section_entries(
    numbered: Sequence[tuple[int, str]],
) -> list[tuple[int, str]]:
    """Entries of a references section: list items, or blocks separated by blank lines."""
    entries: list[tuple[int, list[str]]] = []
    item = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|\[\d{1,3}\])\s+")
    new_block = True
    for n, text in numbered:
        if not text.strip():
            new_block = True
            continue
        if new_block or item.match(text):
            entries.append((n, [item.sub("", text, count=1)]))
        else:
            entries[-1][1].append(text)
        new_block = False
    return [(n, "\n".join(t.strip() for t in parts)) for n, parts in entries]


def _title_only_reference(
    line: int, entry: str, warnings: list[str], path: str
) -> Reference | None:
    url_m = re.search(r"https?://[^\s<>\"')\]]+", entry)
    url = url_m.group(0) if url_m else None
    quoted = re.search(r"[\"“]([^\"”]{8,300})[\"”]", entry)
    if quoted:
        title = quoted.group(1).strip().rstrip(",.")
    else:
        title = re.sub(r"<?https?://\S+>?", "", entry).strip(" -–—.,;:<>")
    if len(title.split()) < 3:
        if url is not None:
            warnings.append(f"{path}:{line}: {url} is not an arXiv reference; left out")
        return None
    return Reference(None, url=url, line=line, title=title)


def parse_text(text: str, path: str = "<text>") -> Report:
    """Parse the text of a report. Raises ``ReportParseError`` and nothing else."""
    return build_report(text, path, from_pdf=False, warnings=[])


def build_report(text: str, path: str, *, from_pdf: bool, warnings: list[str]) -> Report:
    """``parse_text`` with what the file reader knows: PDF origin and warnings so far."""
    if not isinstance(text, str):
        raise ReportParseError("report text is not a string", path=path)
    text = normalize_newlines(text)
    nul = text.find("\x00")
    if nul >= 0:
        raise ReportParseError(f"binary content (NUL character at offset {nul})", path=path)
    if not text.strip():
        raise ReportParseError("empty report (no text)", path=path)
    raw_lines = text.split("\n")
    numbered = list(enumerate(raw_lines, 1))
    headings = [h for n, t in numbered if (h := heading_of(t, n)) is not None]
    vocab = Vocabulary.of(raw_lines)

    # The claims section: a heading naming claims, or failing that a claims table header.
    claims_head = next((h for h in headings if h.is_claims), None)
    if claims_head is not None:
        start = claims_head.line + 1
    else:
        table = next((n for n, t in numbered if _TABLE_HEADER.match(t)), None)
        if table is None:
            raise ReportParseError(
                "no claims section (expected a heading such as 'Extracted Claims' "
                "or a 'Claim | Verified | Confidence' table)",
                path=path,
            )
        start = table
    end = len(raw_lines) + 1
    for h in headings:
        if h.line >= start and (h.level > 0 or h.key in SECTION_NAMES) and not h.is_claims:
            end = h.line
            break
    section = numbered[start - 1 : end - 1]
    claims_lines = set(range(start, end))

    delimiter = looks_like_table(section)
    raws: list[RawClaim]
    if delimiter is not None:
        raws = parse_table(section, delimiter, vocab, warnings, path)
        shaped = True
    elif looks_like_list(section):
        raws = parse_list(section, vocab)
        shaped = True
    else:
        raws = parse_wrapped(section, vocab)
        shaped = False
    if not raws:
        warnings.append(f"{path}:{start}: the claims section lists no claims")
    claims = tuple(
        Claim(
            index=i,
            text=r.text,
            truncated=is_truncated(r.text),
            reported_mark=r.mark,
            reported_confidence=r.confidence,
            line=r.line,
        )
        for i, r in enumerate(raws, 1)
    )

    # References: arXiv ids anywhere; in a references section also bare ids and titles.
    refs_head = next((h for h in headings if h.is_references and h.line >= end), None)
    if refs_head is None:
        refs_head = next((h for h in headings if h.is_references), None)
    refs_start = refs_head.line + 1 if refs_head is not None else len(raw_lines) + 1
    refs_end = len(raw_lines) + 1
    if refs_head is not None:
        for h in headings:
            if h.line > refs_head.line and (h.level > 0 or h.key in SECTION_NAMES):
                refs_end = h.line
                break
    body_text = "\n".join(t if not refs_start <= n < refs_end else "" for n, t in numbered)
    found = find_references(body_text)
    if refs_head is not None:
        for line, entry in _references_section_entries(numbered[refs_start - 1 : refs_end - 1]):
            ids = find_references(entry, first_line=line, bare_unversioned=True)
            if ids:
                found.extend(ids)
                continue
            ref = _title_only_reference(line, entry, warnings, path)
            if ref is not None:
                found.append(ref)
    found.sort(key=lambda r: r.line or 0)
    references = tuple(collapse(found))

    # Metadata from the paragraphs outside the claims and references sections.
    skip = claims_lines | set(range(refs_start, refs_end)) | {h.line for h in headings}
    paragraphs = _paragraphs(numbered, skip, vocab)
    title, date = _title_and_date(numbered, headings, paragraphs, vocab)

    examined_title = examined_line = None
    research_question = rq_line = None
    for p in paragraphs:
        m = _EXAMINES.search(p.text)
        if m is not None and examined_title is None:
            examined_title = _clean_title(_sentence_after(p.text, m.end(), _RQ))
            examined_line = p.line_at(m.start())
        q = _RQ.search(p.text)
        if q is not None and research_question is None:
            research_question = _question(p.text, q.end())
            rq_line = p.line_at(q.start())

    stated = _stated(paragraphs, warnings, path)
    marks_lost = bool(claims) and all(c.reported_mark is Mark.NONE for c in claims)
    findings: list[ReportFinding] = []
    if stated.claims is not None and stated.claims != len(claims):
        findings.append(
            ReportFinding(
                FindingKind.COUNT_MISMATCH,
                f"the report states {stated.claims} claims extracted but lists {len(claims)}",
                line=stated.line,
            )
        )
    if marks_lost:
        warnings.append(
            f"{path}: the claims carry no Verified/Confidence marks (lost in PDF text "
            "extraction?); only the number of claims is compared with the stated counts"
        )
    elif stated.verified is not None and claims:
        marked = sum(1 for c in claims if c.reported_mark is Mark.VERIFIED)
        if marked != stated.verified:
            findings.append(
                ReportFinding(
                    FindingKind.COUNT_MISMATCH,
                    f"the report states {stated.verified} claims independently verified "
                    f"but marks {marked} of its {len(claims)} claims ✓",
                    line=stated.line,
                )
            )

    if from_pdf:
        fmt = ReportFormat.PDF
    elif shaped or any(h.level > 0 for h in headings):
        fmt = ReportFormat.MARKDOWN
    else:
        fmt = ReportFormat.TEXT
    return Report(
        path=path,
        format=fmt,
        title=title,
        date=date,
        research_question=research_question,
        examined_title=examined_title,
        stated=stated,
        claims=claims,
        references=references,
        findings=tuple(findings),
        examined_line=examined_line,
        research_question_line=rq_line,
        warnings=tuple(warnings),
    )
