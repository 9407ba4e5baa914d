"""Claims in text extracted from a PDF: wrapped over lines, table columns lost.

Report 001 is the model::

    Multi-task intermediate-task training on all 9
    tasks performs best, improving by 8.7 points.
    Applying intermediate-task training to BUCC
    and Tatoeba, the two sentence retrieval target
    tasks that have no training d

    TyDiQA shows consistent improvements with

A blank line always ends a claim. Inside a block of lines, a claim ends between two lines when
the next line starts a sentence (an uppercase letter, a digit or a quote) and either

- the line ends a sentence (``.``, ``!``, ``?``; not ``et al.``, ``e.g.``, ...), or
- the line is short: the next line's first word would have fitted on it, so the break was not
  wrapping. The wrap width is estimated from the section's own lines.

The header lines that survive extraction ("Claim", "Verified Confidence") are dropped. Marks
that did survive, at the end of a claim's last line (``... 7.0 point ✓ 0.27``) or on a line of
their own, are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.models import Mark
from claimcheck.report.common import Vocabulary, join_wrapped
from claimcheck.report.markdown import (
    REJECTED_MARKS,
    VERIFIED_MARKS,
    RawClaim,
    parse_confidence,
    parse_mark,
)

_HEADER_WORDS = {"claim", "claims", "verified", "confidence", "#", "no.", "no", "status",
                 "mark", "score", "text", "statement"}  # fmt: skip
_MARKS = VERIFIED_MARKS + REJECTED_MARKS
_MARK_ONLY = re.compile(rf"^\s*(?P<mark>[{_MARKS}])?\s*(?P<conf>(?:0?\.\d+|1\.0+|0|1))?\s*$")
_MARK_AT_END = re.compile(rf"\s+(?P<mark>[{_MARKS}])(?:\s+(?P<conf>0?\.\d+|1\.0+|0|1))?\s*$")
_STARTS_CLAIM = re.compile(r"^[\"“‘'A-Z0-9]")
_ABBREVIATIONS = ("et al.", "e.g.", "i.e.", "vs.", "cf.", "fig.", "eq.", "sec.", "tab.", "no.",
                  "approx.", "resp.", "al.")  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
WIDTH_SLACK = 0.92  # proportional fonts: a line may look a little shorter than it measured


def is_header_line(text: str) -> bool:
    """A line of the claims table's header that survived extraction ("Verified Confidence")."""
    words = text.lower().split()
    return bool(words) and all(w in _HEADER_WORDS for w in words)


def _ends_sentence(line: str) -> bool:
    low = line.lower().rstrip()
    if not _SENTENCE_END.search(low):
        return False
    return not low.endswith(_ABBREVIATIONS)


def wrap_width(lengths: Sequence[int]) -> int:
    """The width the text was wrapped at: a high percentile of the line lengths."""
    if not lengths:
        return 0
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(0.85 * len(ordered)))]


def _break_between(line: str, nxt: str, width: int) -> bool:
    if not _STARTS_CLAIM.match(nxt.lstrip()):
        return False
    if line.rstrip().endswith("-"):
        return False
    if _ends_sentence(line):
        return True
    first_word = nxt.split()[0] if nxt.split() else ""
    return len(line.rstrip()) + 1 + len(first_word) <= width * WIDTH_SLACK


def parse_wrapped(lines: Sequence[tuple[int, str]], vocab: Vocabulary) -> list[RawClaim]:
    """Claims from wrapped lines, as the module docstring describes."""
    body = [(n, t.strip()) for n, t in lines if not is_header_line(t)]
    width = wrap_width([len(t) for _, t in body if t and not _MARK_ONLY.match(t)])
    claims: list[RawClaim] = []
    current: list[tuple[int, str]] = []

    def finish(mark: Mark = Mark.NONE, conf: float | None = None) -> None:
        if current:
            text = join_wrapped([t for _, t in current], vocab)
            if text:
                claims.append(RawClaim(text, current[0][0], mark, conf))
            current.clear()

    for i, (lineno, text) in enumerate(body):
        if not text:
            finish()
            continue
        only = _MARK_ONLY.match(text)
        if only is not None and (only.group("mark") or only.group("conf")):
            mark = parse_mark(only.group("mark") or "") or Mark.NONE
            conf = parse_confidence(only.group("conf") or "")
            if current:
                finish(mark, conf)
            elif claims:
                # The mark and the confidence may each sit on a line of their own.
                last = claims[-1]
                claims[-1] = RawClaim(
                    last.text,
                    last.line,
                    last.mark if last.mark is not Mark.NONE else mark,
                    last.confidence if last.confidence is not None else conf,
                )
            continue
        at_end = _MARK_AT_END.search(text)
        if at_end is not None and at_end.start() > 0:
            current.append((lineno, text[: at_end.start()]))
            mark = parse_mark(at_end.group("mark")) or Mark.NONE
            finish(mark, parse_confidence(at_end.group("conf") or ""))
            continue
        current.append((lineno, text))
        nxt = body[i + 1][1] if i + 1 < len(body) else ""
        if nxt and _break_between(text, nxt, width):
            finish()
    finish()
    return claims
