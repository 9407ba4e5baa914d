"""SARIF 2.1.0 for code scanning: one result per claim or finding that fails the policy.

Each result is located at the claim's (or finding's) line in the report file, so GitHub annotates
the report itself. Paths are made relative to ``base_dir`` (the repository root when the CLI runs
there) with ``uriBaseId`` ``%SRCROOT%``. There is a rule for every verdict and finding kind;
``partialFingerprints`` hash the report path and the claim text (not the line), so a result keeps
its identity when lines move.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from claimcheck.formats.common import (
    FINDING_HELP,
    VERDICT_HELP,
    VERDICT_LABELS,
    claim_text,
    evidence_line,
    one_line,
    tool_version,
)
from claimcheck.models import AuditResult, FindingKind, Verdict
from claimcheck.policy import PolicyOutcome, normalise_text, ordered_names

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/claimcheck/"


def _rules() -> list[dict[str, Any]]:
    rules = []
    for v in Verdict:
        rules.append(
            {
                "id": v.value,
                "name": "Claim" + "".join(w.title() for w in v.value.split("_")),
                "shortDescription": {"text": f"Claim {VERDICT_LABELS[v]} by its cited sources"},
                "fullDescription": {"text": VERDICT_HELP[v]},
                "help": {"text": VERDICT_HELP[v]},
                "defaultConfiguration": {"level": "error"},
                "properties": {"tags": ["claim", "verdict"]},
            }
        )
    for k in FindingKind:
        rules.append(
            {
                "id": k.value,
                "name": "".join(w.title() for w in k.value.split("_")),
                "shortDescription": {"text": k.value.replace("_", " ").capitalize()},
                "fullDescription": {"text": FINDING_HELP[k.value]},
                "help": {"text": FINDING_HELP[k.value]},
                "defaultConfiguration": {"level": "error"},
                "properties": {"tags": ["report", "finding"]},
            }
        )
    return rules


def artifact_location(path: str, base_dir: Path | None) -> dict[str, Any]:
    """A report path as SARIF wants it: relative (POSIX, with %SRCROOT%) or a file:// URI."""
    p = Path(path)
    if p.is_absolute():
        if base_dir is not None:
            try:
                rel = os.path.relpath(p, base_dir)
            except ValueError:  # another drive on Windows
                rel = None
            if rel is not None and not rel.startswith(".."):
                return {"uri": PurePosixPath(*Path(rel).parts).as_posix(), "uriBaseId": "%SRCROOT%"}
        return {"uri": p.as_uri()}
    return {
        "uri": PurePosixPath(*Path(os.path.normpath(path)).parts).as_posix(),
        "uriBaseId": "%SRCROOT%",
    }


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def render_sarif(
    result: AuditResult, outcome: PolicyOutcome, *, base_dir: Path | None = None
) -> str:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    for r, ra in enumerate(result.reports):
        loc = artifact_location(ra.report.path, base_dir)
        artifacts.append({"location": loc})
        for c, cr in enumerate(ra.claims):
            if not outcome.claim_fails(r, c):
                continue
            rule = cr.verdict.value
            text = (
                f"Claim {cr.claim.index} is {VERDICT_LABELS[cr.verdict]} "
                f"(confidence {cr.confidence:.2f}): {one_line(claim_text(cr), 200)}"
            )
            detail = evidence_line(cr, 300)
            if detail:
                text += f" — {detail}"
            results.append(
                {
                    "ruleId": rule,
                    "ruleIndex": index[rule],
                    "level": "error",
                    "message": {"text": text},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": loc,
                                "region": {"startLine": max(cr.claim.line, 1)},
                            }
                        }
                    ],
                    "partialFingerprints": {
                        "claimcheck/v1": _fingerprint(
                            loc["uri"], rule, normalise_text(cr.claim.text)
                        )
                    },
                    "properties": {
                        "claimIndex": cr.claim.index,
                        "confidence": round(cr.confidence, 4),
                        "reportedVerified": cr.claim.reported_verified,
                        "evidence": [
                            {"paperId": ev.paper_id, "page": ev.page, "quote": ev.quote}
                            for ev in cr.evidence[:3]
                        ],
                    },
                }
            )
        for i, f in enumerate(ra.findings):
            if not outcome.finding_fails(r, i):
                continue
            rule = f.kind.value
            physical: dict[str, Any] = {"artifactLocation": loc}
            # A finding with no line (the report as a whole) points at line 1 so it still shows.
            physical["region"] = {"startLine": f.line if f.line and f.line > 0 else 1}
            results.append(
                {
                    "ruleId": rule,
                    "ruleIndex": index[rule],
                    "level": "error",
                    "message": {"text": one_line(f.message)},
                    "locations": [{"physicalLocation": physical}],
                    "partialFingerprints": {
                        "claimcheck/v1": _fingerprint(
                            loc["uri"],
                            rule,
                            f.arxiv_id or "",
                            str(f.claim_index or ""),
                            normalise_text(f.message),
                        )
                    },
                }
            )
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": tool_version(),
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "artifacts": artifacts,
                "results": results,
                "columnKind": "unicodeCodePoints",
                "properties": {
                    "failOn": ordered_names(outcome.policy.fail_on),
                    "minConfidence": outcome.policy.min_confidence,
                    "policyHolds": outcome.ok,
                },
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)
