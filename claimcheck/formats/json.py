"""JSON output, described by ``claimcheck/formats/schema.json`` (JSON Schema 2020-12).

Stability: within ``schema_version`` "1" fields are only ever added, never renamed, removed or
given another type; consumers should ignore fields they do not know. A change that breaks this
bumps ``schema_version`` to "2".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from claimcheck.formats.common import (
    CrossReportSummary,
    cross_report_summary,
    report_totals,
    tool_version,
)
from claimcheck.models import (
    AuditResult,
    ClaimResult,
    Evidence,
    FetchedPaper,
    NumberCheck,
    Reference,
    Report,
    ReportAudit,
    ReportFinding,
)
from claimcheck.policy import PolicyOutcome, ordered_names

SCHEMA_VERSION = "1"


def reference_to_dict(ref: Reference) -> dict[str, Any]:
    return {
        "arxiv_id": str(ref.arxiv_id) if ref.arxiv_id is not None else None,
        "url": ref.url,
        "line": ref.line,
        "title": ref.title,
        "examined": ref.examined,
    }


def finding_to_dict(f: ReportFinding) -> dict[str, Any]:
    return {
        "kind": f.kind.value,
        "message": f.message,
        "line": f.line,
        "arxiv_id": f.arxiv_id,
        "claim_index": f.claim_index,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The ``parse`` shape of one report."""
    s = report.stated
    return {
        "path": report.path,
        "format": report.format.value,
        "title": report.title,
        "date": report.date,
        "research_question": report.research_question,
        "examined_title": report.examined_title,
        "stated": {
            "papers": s.papers,
            "claims": s.claims,
            "verified": s.verified,
            "quality": s.quality,
        },
        "claims": [
            {
                "index": c.index,
                "text": c.text,
                "truncated": c.truncated,
                "reported_verified": c.reported_verified,
                "reported_confidence": c.reported_confidence,
                "line": c.line,
            }
            for c in report.claims
        ],
        "references": [reference_to_dict(r) for r in report.references if not r.examined],
        "findings": [finding_to_dict(f) for f in report.findings],
        "warnings": list(report.warnings),
    }


def dumps_reports(reports: Iterable[Report]) -> str:
    doc = {"schema_version": SCHEMA_VERSION, "reports": [report_to_dict(r) for r in reports]}
    return json.dumps(doc, indent=2, ensure_ascii=False)


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    return {
        "paper_id": e.paper_id,
        "page": e.page,
        "start": e.start,
        "end": e.end,
        "quote": e.quote,
        "kind": e.kind.value,
        "caption": e.caption,
        "scores": {"lexical": e.lexical, "semantic": e.semantic, "fused": e.score},
    }


def number_to_dict(n: NumberCheck) -> dict[str, Any]:
    m = n.mention
    return {
        "text": m.text,
        "value": m.value,
        "kind": m.kind,
        "unit": m.unit,
        "subject": m.subject,
        "status": n.status.value,
        "source_value": n.source_value,
        "source_subject": n.source_subject,
        "tolerance": n.tolerance,
        "paper_id": n.paper_id,
        "page": n.page,
        "quote": n.quote,
    }


def paper_to_dict(fp: FetchedPaper) -> dict[str, Any]:
    p = fp.paper
    return {
        "arxiv_id": str(fp.arxiv_id) if fp.arxiv_id is not None else None,
        "cited_as": str(fp.reference.arxiv_id) if fp.reference.arxiv_id else fp.reference.title,
        "examined": fp.reference.examined,
        "status": fp.status.value,
        "origin": fp.origin.value if fp.origin else None,
        "reason": fp.reason,
        "title": p.title if p else None,
        "authors": list(p.authors) if p else [],
        "versions": list(p.versions) if p else [],
        "resolved_by_title": fp.resolved_by_title,
        "title_match_score": fp.title_match_score,
        "passages": len(fp.passages),
        "extra_versions": [str(x.arxiv_id) for x in fp.extra_versions],
    }


def claim_result_to_dict(
    cr: ClaimResult, base: dict[str, Any], fails: bool | None = None
) -> dict[str, Any]:
    out = dict(base)
    out.update(
        {
            "verdict": cr.verdict.value,
            "confidence": round(cr.confidence, 4),
            "reason": cr.reason,
            "evidence": [evidence_to_dict(e) for e in cr.evidence],
            "numbers": [number_to_dict(n) for n in cr.numbers],
            "versions": {k: v.value for k, v in cr.versions.items()},
        }
    )
    if fails is not None:
        out["fails_policy"] = fails
    return out


def audit_report_to_dict(
    ra: ReportAudit, outcome: PolicyOutcome | None = None, r: int = 0
) -> dict[str, Any]:
    out = report_to_dict(ra.report)
    out["claims"] = [
        claim_result_to_dict(cr, base, outcome.claim_fails(r, c) if outcome else None)
        for c, (cr, base) in enumerate(zip(ra.claims, out["claims"]))
    ]
    out["papers"] = [paper_to_dict(p) for p in ra.papers]
    findings = [finding_to_dict(f) for f in ra.findings]
    if outcome is not None:
        for i, fd in enumerate(findings):
            fd["fails_policy"] = outcome.finding_fails(r, i)
        totals = report_totals(ra, outcome, r)
        out["totals"] = {
            "claims": totals.claims,
            "verdicts": {v.value: n for v, n in totals.verdicts.items()},
            "findings": totals.findings,
            "failing_claims": totals.failing_claims,
            "failing_findings": totals.failing_findings,
        }
    out["findings"] = findings
    return out


def policy_to_dict(outcome: PolicyOutcome) -> dict[str, Any]:
    p = outcome.policy
    return {
        "fail_on": ordered_names(p.fail_on),
        "min_confidence": p.min_confidence,
        "baseline": outcome.baseline,
        "ok": outcome.ok,
        "exit_code": outcome.exit_code,
        "failing_claims": len(outcome.failing_claims),
        "failing_findings": len(outcome.failing_findings),
        "ignored_in_baseline": outcome.known,
        "ignored_below_floor": outcome.below_floor,
    }


def summary_to_dict(s: CrossReportSummary) -> dict[str, Any]:
    return {
        "reports": s.reports,
        "claims": s.claims,
        "verdicts": {v.value: n for v, n in s.verdicts.items()},
        "most_cited": [{"paper": k, "title": t, "reports": n} for k, t, n in s.most_cited],
        "most_failing": [{"path": p, "failing_claims": n} for p, n in s.most_failing],
        "verified_marks_checked": s.verified_marks,
        "verified_marks_wrong": s.verified_wrong,
    }


def audit_to_dict(result: AuditResult, outcome: PolicyOutcome | None = None) -> dict[str, Any]:
    """The ``check`` document. With ``outcome``, also the policy, per-item ``fails_policy``, per-report
    ``totals`` and the cross-report ``summary``."""
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "claimcheck", "version": tool_version()},
        "semantic": result.semantic,
        "model": result.model,
        "seconds": round(result.seconds, 3),
    }
    if outcome is not None:
        doc["policy"] = policy_to_dict(outcome)
        doc["summary"] = summary_to_dict(cross_report_summary(result, outcome))
    doc["reports"] = [audit_report_to_dict(ra, outcome, r) for r, ra in enumerate(result.reports)]
    if "rerun" in result.meta:
        # `check --rerun`: the re-derived numbers and how each BUCC/Tatoeba claim compares.
        doc["rerun"] = result.meta["rerun"]
    return doc


def dumps_audit(result: AuditResult, outcome: PolicyOutcome | None = None) -> str:
    return json.dumps(audit_to_dict(result, outcome), indent=2, ensure_ascii=False)
