"""What every format shows the same way: labels, one-line evidence, totals, the cross-report summary."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from claimcheck.models import (
    AuditResult,
    ClaimResult,
    Evidence,
    FetchedPaper,
    Mark,
    NumberCheck,
    NumberStatus,
    Passage,
    ReportAudit,
    Verdict,
)
from claimcheck.policy import PolicyOutcome

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.SUPPORTED: "supported",
    Verdict.PARTIALLY_SUPPORTED: "partially supported",
    Verdict.CONTRADICTED: "contradicted",
    Verdict.NOT_FOUND: "not found",
    Verdict.UNVERIFIABLE: "unverifiable",
}

# What a reader should take each verdict to mean; also the SARIF rule descriptions.
VERDICT_HELP: dict[Verdict, str] = {
    Verdict.SUPPORTED: "The cited paper states the claim, numbers included.",
    Verdict.PARTIALLY_SUPPORTED: "The cited paper is on the claim's topic but does not state all of "
    "it (part of the claim, or one of its numbers, is missing).",
    Verdict.CONTRADICTED: "The cited paper says otherwise: a different number, a number given for "
    "another entity, or the opposite polarity.",
    Verdict.NOT_FOUND: "Nothing in the cited papers is on the claim's topic.",
    Verdict.UNVERIFIABLE: "The claim could not be checked, e.g. its paper could not be had.",
}

FINDING_HELP: dict[str, str] = {
    "count_mismatch": "The report's stated counts (papers, claims, verified) do not match what it "
    "contains.",
    "false_verification": "The report marks a claim as verified that its cited source does not "
    "bear out.",
    "missed_verification": "The report marks a claim as not verified that its source supports.",
    "research_question_unanswered": "No claim of the report addresses its research question.",
    "uncited_source": "A claim's source is not among the report's references.",
    "irrelevant_reference": "A reference that no claim draws on.",
    "citation_mismatch": "A cited arXiv id points at a different paper than the one the report "
    "names.",
    "unavailable_reference": "A cited paper could not be fetched or extracted.",
    "rerun_disagrees": "Re-running the retrieval experiment gives numbers the report does not.",
}

# A ✓ mark is "wrong" when claimcheck decided the opposite; unverifiable claims decide nothing.
WRONG_WHEN_VERIFIED = frozenset({Verdict.CONTRADICTED, Verdict.NOT_FOUND})


def tool_version() -> str:
    try:
        return version("claimcheck")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


def mark_text(cr: ClaimResult) -> str:
    """The report's own mark and confidence: ``✓ 0.27``, ``× 0.10``, ``–``."""
    mark = {Mark.VERIFIED: "✓", Mark.REJECTED: "×", Mark.NONE: "–"}[cr.claim.reported_mark]
    conf = cr.claim.reported_confidence
    return f"{mark} {conf:.2f}" if conf is not None else mark


def one_line(text: str, limit: int | None = None) -> str:
    """Collapse whitespace; cut at ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        return flat[: max(limit - 1, 0)].rstrip() + "…"
    return flat


def claim_text(cr: ClaimResult) -> str:
    """The claim as the report gives it, with an ellipsis where the report cut it off."""
    text = one_line(cr.claim.text)
    return text + "…" if cr.claim.truncated and not text.endswith("…") else text


def where(e: Evidence) -> str:
    return f"{e.paper_id} p.{e.page}"


def number_note(n: NumberCheck) -> str | None:
    """A short note on a number that did not check out, or None when it matched."""
    m = n.mention
    if n.status is NumberStatus.MATCHED:
        return None
    if n.status is NumberStatus.DIFFERENT:
        src = f"{n.source_value:g}" if n.source_value is not None else "?"
        return f"{m.text} ≠ {src} in source"
    if n.status is NumberStatus.OTHER_ENTITY:
        return f"{m.text} is the source's figure for {n.source_subject or 'another row'}"
    return f"{m.text} not in source"


def numbers_summary(cr: ClaimResult) -> str:
    return "; ".join(x for x in (number_note(n) for n in cr.numbers) if x)


def evidence_line(cr: ClaimResult, limit: int | None = None) -> str:
    """One line of evidence: number problems, then where, then the quote (or the reason).

    An unverifiable claim shows only why: what was found in the papers that could be had says
    nothing about it.
    """
    if cr.verdict is Verdict.UNVERIFIABLE and cr.reason:
        return one_line(cr.reason, limit)
    parts = []
    nums = numbers_summary(cr)
    if nums:
        parts.append(nums)
    if cr.evidence:
        e = cr.evidence[0]
        parts.append(f"{where(e)}: “{one_line(e.quote)}”")
    elif cr.reason:
        parts.append(one_line(cr.reason))
    return one_line(" · ".join(parts), limit)


def paper_label(fp: FetchedPaper) -> str:
    aid = fp.arxiv_id
    return str(aid) if aid is not None else (fp.reference.title or fp.reference.url or "?")


def paper_line(fp: FetchedPaper) -> str:
    """``2005.13013v2 — Title (papers_dir)`` or ``2503.01763v2 — unavailable: reason``."""
    label = paper_label(fp)
    if fp.paper is not None and fp.status.value == "available":
        origin = f" ({fp.origin.value})" if fp.origin else ""
        extra = " [found by title]" if fp.resolved_by_title else ""
        # A local PDF read offline may have no title: say nothing rather than an empty dash.
        title = one_line(fp.paper.title)
        return f"{label}{' — ' + title if title else ''}{origin}{extra}"
    return f"{label} — unavailable: {one_line(fp.reason or 'no reason given')}"


class PassageLookup:
    """Finds the passage a piece of evidence was quoted from, by paper and page.

    Built once per report: a report's papers can hold thousands of passages, and a batch has
    thousands of pieces of evidence.
    """

    def __init__(self, ra: ReportAudit) -> None:
        self._by_page: dict[tuple[str, int], list[Passage]] = {}
        for fp in ra.papers:
            for p in fp.passages:
                self._by_page.setdefault((str(p.paper_id), p.page), []).append(p)

    def find(self, e: Evidence) -> Passage | None:
        """The widest passage that contains the evidence's span, or None."""
        best: Passage | None = None
        for p in self._by_page.get((e.paper_id, e.page), ()):
            if (
                p.start <= e.start
                and e.end <= p.end
                and (best is None or (p.end - p.start) > (best.end - best.start))
            ):
                best = p
        return best

    def context(self, e: Evidence, window: int = 400) -> tuple[str, str, str]:
        """(before, quote, after): the evidence inside its passage, trimmed to ``window``
        characters either side. Without the passage, just the quote."""
        p = self.find(e)
        if p is None:
            return "", e.quote, ""
        a, b = e.start - p.start, e.end - p.start
        before, inner, after = p.text[:a], p.text[a:b], p.text[b:]
        if len(before) > window:
            before = "…" + before[-window:].split(" ", 1)[-1]
        if len(after) > window:
            after = after[:window].rsplit(" ", 1)[0] + "…"
        return before, inner, after


@dataclass(frozen=True)
class ReportTotals:
    claims: int
    verdicts: dict[Verdict, int]
    findings: int
    failing_claims: int
    failing_findings: int

    def line(self) -> str:
        """``5 claims: 2 supported, 1 contradicted, … · 3 findings · 2 fail the policy``."""
        parts = [f"{n} {VERDICT_LABELS[v]}" for v, n in self.verdicts.items() if n]
        s = f"{self.claims} claim{'s' if self.claims != 1 else ''}"
        if parts:
            s += ": " + ", ".join(parts)
        s += f" · {self.findings} finding{'s' if self.findings != 1 else ''}"
        fails = self.failing_claims + self.failing_findings
        s += " · " + (f"{fails} fail{'s' if fails == 1 else ''} the policy" if fails else "passes")
        return s


def report_totals(ra: ReportAudit, outcome: PolicyOutcome, r: int) -> ReportTotals:
    counts = Counter(cr.verdict for cr in ra.claims)
    fc, ff = outcome.failing_in(r)
    return ReportTotals(
        claims=len(ra.claims),
        verdicts={v: counts.get(v, 0) for v in Verdict},
        findings=len(ra.findings),
        failing_claims=fc,
        failing_findings=ff,
    )


@dataclass(frozen=True)
class CrossReportSummary:
    """Across several reports: what is cited most, who fails most, how often ✓ was wrong."""

    reports: int
    claims: int
    verdicts: dict[Verdict, int]
    most_cited: tuple[tuple[str, str | None, int], ...]  # (paper id, title, reports citing it)
    most_failing: tuple[tuple[str, int], ...]  # (report path, failing claims), failing ones only
    verified_marks: int  # claims the reports mark ✓ that claimcheck could decide
    verified_wrong: int  # ... of which claimcheck found contradicted or not found

    @property
    def verified_wrong_rate(self) -> float | None:
        return self.verified_wrong / self.verified_marks if self.verified_marks else None

    def verified_line(self) -> str:
        rate = self.verified_wrong_rate
        if rate is None:
            return "no ✓-marked claim could be checked"
        return (
            f"{self.verified_wrong} of {self.verified_marks} ✓-marked claims "
            f"({rate:.0%}) were contradicted or not found"
        )


_BASE_ID = re.compile(r"v\d+$")


def cross_report_summary(
    result: AuditResult, outcome: PolicyOutcome, top: int = 5
) -> CrossReportSummary:
    cited: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for ra in result.reports:
        seen = set()
        for fp in ra.papers:
            label = paper_label(fp)
            key = _BASE_ID.sub("", label) if fp.arxiv_id is not None else label
            if key in seen:
                continue
            seen.add(key)
            cited[key] += 1
            if fp.paper is not None:
                titles.setdefault(key, fp.paper.title)
            elif fp.reference.title:
                titles.setdefault(key, fp.reference.title)
    failing = [(ra.report.path, outcome.failing_in(r)[0]) for r, ra in enumerate(result.reports)]
    failing = sorted((x for x in failing if x[1] > 0), key=lambda x: (-x[1], x[0]))[:top]
    verdicts: Counter[Verdict] = Counter()
    marks = wrong = 0
    for ra in result.reports:
        for cr in ra.claims:
            verdicts[cr.verdict] += 1
            if cr.claim.reported_mark is Mark.VERIFIED and cr.verdict is not Verdict.UNVERIFIABLE:
                marks += 1
                wrong += cr.verdict in WRONG_WHEN_VERIFIED
    most_cited = sorted(cited.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return CrossReportSummary(
        reports=len(result.reports),
        claims=sum(verdicts.values()),
        verdicts={v: verdicts.get(v, 0) for v in Verdict},
        most_cited=tuple((k, titles.get(k), n) for k, n in most_cited),
        most_failing=tuple(failing),
        verified_marks=marks,
        verified_wrong=wrong,
    )
