"""JSON output. ``schema_version`` "1": names are only ever added, never renamed or removed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

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


def claim_result_to_dict(cr: ClaimResult, base: dict[str, Any]) -> dict[str, Any]:
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
    return out


def audit_report_to_dict(ra: ReportAudit) -> dict[str, Any]:
    out = report_to_dict(ra.report)
    out["claims"] = [claim_result_to_dict(cr, base) for cr, base in zip(ra.claims, out["claims"])]
    out["papers"] = [paper_to_dict(p) for p in ra.papers]
    out["findings"] = [finding_to_dict(f) for f in ra.findings]
    return out


def audit_to_dict(result: AuditResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "semantic": result.semantic,
        "model": result.model,
        "seconds": round(result.seconds, 3),
        "reports": [audit_report_to_dict(r) for r in result.reports],
    }


def dumps_audit(result: AuditResult) -> str:
    return json.dumps(audit_to_dict(result), indent=2, ensure_ascii=False)
