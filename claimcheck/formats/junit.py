"""JUnit XML: a testsuite per report, a testcase per claim and per report finding.

A claim or finding that fails the policy gets a ``<failure>``; an unverifiable claim that does not
fail is ``<skipped>`` (nothing could be checked); everything else passes, with its verdict and
evidence in ``<system-out>`` so CI test viewers show it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from claimcheck.formats.common import (
    VERDICT_LABELS,
    claim_text,
    evidence_line,
    mark_text,
    numbers_summary,
    one_line,
    paper_line,
)
from claimcheck.models import AuditResult, ClaimResult, ReportAudit, Verdict
from claimcheck.policy import PolicyOutcome

# Characters XML 1.0 cannot carry, even escaped; reports extracted from PDFs do contain them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def x(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def render_junit(result: AuditResult, outcome: PolicyOutcome) -> str:
    root = ET.Element("testsuites", name="claimcheck")
    total = failures = skipped = 0
    for r, ra in enumerate(result.reports):
        suite, (t, f, s) = _suite(ra, r, outcome)
        root.append(suite)
        total, failures, skipped = total + t, failures + f, skipped + s
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    root.set("time", f"{result.seconds:.3f}")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(
    ra: ReportAudit, r: int, outcome: PolicyOutcome
) -> tuple[ET.Element, tuple[int, int, int]]:
    rep = ra.report
    suite = ET.Element("testsuite", name=x(rep.path))
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("title", rep.title),
        ("research_question", rep.research_question),
        ("policy", outcome.policy.describe()),
    ):
        if value:
            ET.SubElement(props, "property", name=name, value=x(one_line(value)))
    for fp in ra.papers:
        ET.SubElement(props, "property", name="reference", value=x(paper_line(fp)))
    tests = failures = skipped = 0
    classname = x(rep.path)
    for c, cr in enumerate(ra.claims):
        tests += 1
        case = ET.SubElement(
            suite,
            "testcase",
            classname=classname,
            name=x(f"claim {cr.claim.index}: {one_line(claim_text(cr), 100)}"),
            file=x(rep.path),
            line=str(cr.claim.line),
            time="0",
        )
        detail = _claim_detail(cr)
        if outcome.claim_fails(r, c):
            failures += 1
            fail = ET.SubElement(
                case,
                "failure",
                message=x(
                    f"{VERDICT_LABELS[cr.verdict]} (confidence {cr.confidence:.2f}): "
                    f"{evidence_line(cr, 200)}"
                ),
                type=cr.verdict.value,
            )
            fail.text = x(detail)
        elif cr.verdict is Verdict.UNVERIFIABLE:
            skipped += 1
            ET.SubElement(case, "skipped", message=x(f"unverifiable: {one_line(cr.reason)}"))
        else:
            out = ET.SubElement(case, "system-out")
            out.text = x(detail)
    for i, f in enumerate(ra.findings):
        tests += 1
        where = f" (line {f.line})" if f.line is not None else ""
        case = ET.SubElement(
            suite,
            "testcase",
            classname=classname,
            name=x(f"finding {f.kind.value}{where}"),
            file=x(rep.path),
            time="0",
        )
        if f.line is not None:
            case.set("line", str(f.line))
        if outcome.finding_fails(r, i):
            failures += 1
            fail = ET.SubElement(case, "failure", message=x(one_line(f.message)), type=f.kind.value)
            fail.text = x(f.message)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = x(f.message)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return suite, (tests, failures, skipped)


def _claim_detail(cr: ClaimResult) -> str:
    lines = [
        f"claim: {one_line(claim_text(cr))}",
        f"verdict: {VERDICT_LABELS[cr.verdict]} (confidence {cr.confidence:.2f})",
        f"report's mark: {mark_text(cr)}",
    ]
    if cr.reason:
        lines.append(f"reason: {one_line(cr.reason)}")
    nums = numbers_summary(cr)
    if nums:
        lines.append(f"numbers: {nums}")
    for ev in cr.evidence:
        lines.append(
            f"evidence {ev.paper_id} p.{ev.page} (score {ev.score:.2f}): “{one_line(ev.quote)}”"
        )
    return "\n".join(lines)
