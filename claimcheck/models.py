"""The domain: frozen dataclasses that flow from a report path to an audit result.

path -> Report -> (each Reference) FetchedPaper(Paper, Passages) -> per-claim Evidence
     -> ClaimResult(Verdict) -> ReportAudit -> AuditResult -> format -> text
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

# New-style ids (0704.0001 onwards, 4 or 5 digits after the dot) and old-style ids
# (archive[.subject-class]/YYMMNNN).
_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7}"
ARXIV_ID_RE = re.compile(rf"^(?P<base>{_NEW_ID}|{_OLD_ID})(?:v(?P<version>\d+))?$")


@dataclass(frozen=True, order=True)
class ArxivId:
    """An arXiv identifier with its version kept apart: ``2005.13013`` and ``2``.

    >>> ArxivId.parse("2005.13013v2")
    ArxivId(base='2005.13013', version=2)
    >>> str(ArxivId.parse("hep-th/9901001"))
    'hep-th/9901001'
    """

    base: str
    version: int | None = None

    @classmethod
    def parse(cls, text: str) -> ArxivId:
        """Parse a bare id (``2005.13013``, ``2005.13013v2``, ``hep-th/9901001v1``).

        Raises ``ValueError`` for anything else; callers turn that into their own error.
        """
        m = ARXIV_ID_RE.match(text.strip())
        if not m:
            raise ValueError(f"not an arXiv id: {text!r}")
        version = m.group("version")
        return cls(m.group("base"), int(version) if version else None)

    def with_version(self, version: int | None) -> ArxivId:
        return ArxivId(self.base, version)

    @property
    def versioned(self) -> bool:
        return self.version is not None

    def __str__(self) -> str:
        return f"{self.base}v{self.version}" if self.version is not None else self.base


class Mark(str, Enum):
    """The report's own verification mark for a claim."""

    VERIFIED = "verified"  # ✓
    REJECTED = "rejected"  # ×
    NONE = "none"  # the column was lost (text extracted from a PDF)


class Verdict(str, Enum):
    SUPPORTED = "supported"
    PARTIALLY_SUPPORTED = "partially_supported"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"
    UNVERIFIABLE = "unverifiable"


class FindingKind(str, Enum):
    COUNT_MISMATCH = "count_mismatch"
    FALSE_VERIFICATION = "false_verification"
    MISSED_VERIFICATION = "missed_verification"
    RESEARCH_QUESTION_UNANSWERED = "research_question_unanswered"
    UNCITED_SOURCE = "uncited_source"
    IRRELEVANT_REFERENCE = "irrelevant_reference"
    CITATION_MISMATCH = "citation_mismatch"
    UNAVAILABLE_REFERENCE = "unavailable_reference"
    RERUN_DISAGREES = "rerun_disagrees"


class ReportFormat(str, Enum):
    """How the report file itself was written."""

    MARKDOWN = "markdown"
    TEXT = "text"
    PDF = "pdf"


class ReferenceStatus(str, Enum):
    AVAILABLE = "available"
    UNAVAILABLE = "unavailable"


class PaperOrigin(str, Enum):
    PAPERS_DIR = "papers_dir"
    CACHE = "cache"
    ARXIV = "arxiv"


class PassageKind(str, Enum):
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    TABLE_ROW = "table_row"
    CAPTION = "caption"


class NumberStatus(str, Enum):
    MATCHED = "matched"  # the source states this number for this thing
    DIFFERENT = "different"  # the source states another value for the same thing
    OTHER_ENTITY = "other_entity"  # the source gives this number, but for another row/entity
    ABSENT = "absent"  # the number appears nowhere in the matched passages


@dataclass(frozen=True)
class Claim:
    index: int  # 1-based, in report order
    text: str
    truncated: bool  # the report cut it off (about 120 characters, often mid-word)
    reported_mark: Mark
    reported_confidence: float | None
    line: int  # 1-based line in the report file (PDF: line in the extracted text)

    @property
    def reported_verified(self) -> bool | None:
        if self.reported_mark is Mark.NONE:
            return None
        return self.reported_mark is Mark.VERIFIED


@dataclass(frozen=True)
class Reference:
    """A cited paper: by arXiv id (with the version when cited) or, failing that, by title."""

    arxiv_id: ArxivId | None
    url: str | None = None
    line: int | None = None
    title: str | None = None  # a title the report gives for it, if any
    authors: tuple[str, ...] = ()
    examined: bool = False  # the paper the report says it examines


@dataclass(frozen=True)
class StatedCounts:
    papers: int | None = None
    claims: int | None = None
    verified: int | None = None
    quality: float | None = None
    line: int | None = None


@dataclass(frozen=True)
class ReportFinding:
    kind: FindingKind
    message: str
    line: int | None = None
    arxiv_id: str | None = None
    claim_index: int | None = None


@dataclass(frozen=True)
class Report:
    path: str
    format: ReportFormat
    title: str | None
    date: str | None
    research_question: str | None
    examined_title: str | None
    stated: StatedCounts
    claims: tuple[Claim, ...]
    references: tuple[Reference, ...]
    findings: tuple[ReportFinding, ...] = ()
    examined_line: int | None = None
    research_question_line: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paper:
    """arXiv's record of one version of a paper."""

    arxiv_id: ArxivId  # always versioned
    title: str
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO dates
    updated: str | None = None
    abstract: str = ""
    categories: tuple[str, ...] = ()
    versions: tuple[int, ...] = ()  # every version arXiv knows of
    latest_version: int | None = None


@dataclass(frozen=True)
class Passage:
    """A span of a paper's text: a sentence, a paragraph, a table row or a caption.

    ``start``/``end`` are character offsets into the text of ``page`` (1-based) as
    claimcheck extracted it (``papers.text.extract_pages``).
    """

    paper_id: ArxivId  # versioned
    page: int
    start: int
    end: int
    text: str
    kind: PassageKind
    caption: str | None = None  # for table rows: the caption of their table, when found
    header: str | None = None  # for table rows: their table's column names, as one line
    group: str | None = None  # for table rows: the name over their group of rows ("XLM-R")


@dataclass(frozen=True)
class FetchedPaper:
    """A reference after fetching: the paper and its passages, or why it could not be had."""

    reference: Reference
    status: ReferenceStatus
    paper: Paper | None = None
    passages: tuple[Passage, ...] = ()
    origin: PaperOrigin | None = None
    reason: str | None = None  # why unavailable
    resolved_by_title: bool = False
    title_match_score: float | None = None
    extra_versions: tuple[FetchedPaper, ...] = ()  # --all-versions

    @property
    def arxiv_id(self) -> ArxivId | None:
        if self.paper is not None:
            return self.paper.arxiv_id
        return self.reference.arxiv_id


@dataclass(frozen=True)
class NumberMention:
    """A number as a claim states it, with what it quantifies."""

    value: float
    text: str  # as written: "8.2", "nine", "1.2M", "3x"
    start: int
    end: int
    kind: str  # decimal | percent | word | range_low | range_high | multiplier | integer
    unit: str | None = None  # "%", "points", "x", ...
    subject: str | None = None  # the words the number belongs to ("SQuAD", "BUCC F1")
    decimals: int = 0  # digits after the point as written; sets the rounding tolerance
    at_cut: bool = False  # touches the end of a truncated claim: may be cut ("5.4" of "5.47")


@dataclass(frozen=True)
class NumberCheck:
    mention: NumberMention
    status: NumberStatus
    source_value: float | None = None  # the value the source gives instead (DIFFERENT)
    source_subject: str | None = None  # the row/entity the source gives it for (OTHER_ENTITY)
    paper_id: str | None = None
    page: int | None = None
    quote: str | None = None
    tolerance: float = 0.0


@dataclass(frozen=True)
class Evidence:
    paper_id: str  # versioned, e.g. "2005.13013v2"
    page: int
    start: int
    end: int
    quote: str
    kind: PassageKind
    lexical: float  # 0..1
    semantic: float | None  # 0..1 cosine, None with --no-semantic
    score: float  # the fused score that ranked it
    caption: str | None = None


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    verdict: Verdict
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    numbers: tuple[NumberCheck, ...] = ()
    reason: str = ""
    negation_conflict: bool = False
    versions: dict[str, Verdict] = field(default_factory=dict)  # per fetched version


@dataclass(frozen=True)
class ReportAudit:
    report: Report
    papers: tuple[FetchedPaper, ...]
    claims: tuple[ClaimResult, ...]
    findings: tuple[ReportFinding, ...]


@dataclass(frozen=True)
class AuditResult:
    reports: tuple[ReportAudit, ...]
    semantic: bool = True
    model: str | None = None
    seconds: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LanguageScore:
    n: int
    accuracy: float | None = None  # tatoeba, percent
    reverse_accuracy: float | None = None  # tatoeba --both-directions
    precision: float | None = None  # bucc, percent
    recall: float | None = None
    f1: float | None = None
    threshold: float | None = None


@dataclass(frozen=True)
class RetrievalResult:
    task: str  # tatoeba | bucc
    encoder: str
    layer: int | None
    pooling: str | None
    languages: dict[str, LanguageScore]
    average: float | None
    seconds: float
    sentences_per_second: float
    device: str = "cpu"
    sentences: int = 0  # sentences the run needed embeddings for
    cached_sentences: int = 0  # of those, how many came from the embedding cache
