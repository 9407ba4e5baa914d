"""Markdown for a pull-request comment: a summary table, then one collapsible section per report.

GitHub rejects comments over 65,536 characters, so the output is cut to fit: reports with failing
claims keep their section first, a section too long is cut to its failing claims, and what is left
out is named in a closing note.
"""

from __future__ import annotations

import html

from claimcheck.formats.common import (
    VERDICT_LABELS,
    claim_text,
    cross_report_summary,
    evidence_line,
    mark_text,
    one_line,
    paper_line,
    report_totals,
)
from claimcheck.models import AuditResult, ReferenceStatus, ReportAudit, Verdict
from claimcheck.policy import PolicyOutcome

GITHUB_COMMENT_LIMIT = 65_536

VERDICT_ICONS: dict[Verdict, str] = {
    Verdict.SUPPORTED: "✅",
    Verdict.PARTIALLY_SUPPORTED: "🟡",
    Verdict.CONTRADICTED: "❌",
    Verdict.NOT_FOUND: "❔",
    Verdict.UNVERIFIABLE: "⚪",
}

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|#~"})
_EVIDENCE_CHARS = 240
_CLAIM_CHARS = 400


def cell(text: str, limit: int | None = None) -> str:
    """Text safe inside a GFM table cell: one line, no HTML, no markdown syntax, no pipes."""
    return html.escape(one_line(text, limit), quote=False).translate(_MD_SPECIAL)


def render_markdown(
    result: AuditResult, outcome: PolicyOutcome, *, max_chars: int = GITHUB_COMMENT_LIMIT
) -> str:
    """The comment text; never longer than ``max_chars`` characters."""
    head = _head(result, outcome)
    order = sorted(
        range(len(result.reports)),
        key=lambda r: (-sum(outcome.failing_in(r)), r),
    )
    # Reserve room for the closing note, which is written once we know what was left out.
    reserve = 400
    budget = max_chars - len(head) - reserve
    rows_text, rows_left = _summary_rows(result, outcome, budget // 2)
    budget -= len(rows_text)
    sections: dict[int, str] = {}
    cut: list[int] = []
    omitted: list[int] = []
    for r in order:
        full = _section(result.reports[r], r, outcome, only_failing=False)
        if len(full) <= budget:
            sections[r] = full
            budget -= len(full)
            continue
        short = _section(result.reports[r], r, outcome, only_failing=True)
        if len(short) <= budget:
            sections[r] = short
            budget -= len(short)
            cut.append(r)
        else:
            omitted.append(r)
    body = head + rows_text + "\n" + "".join(sections[r] for r in sorted(sections))
    notes = []
    if rows_left:
        notes.append(
            f"{rows_left} more report{'s' if rows_left != 1 else ''} left out of the table"
        )
    if cut:
        notes.append(
            f"{len(cut)} report section{'s' if len(cut) != 1 else ''} cut to failing claims"
        )
    if omitted:
        notes.append(f"{len(omitted)} report section{'s' if len(omitted) != 1 else ''} left out")
    if notes:
        body += (
            f"\n> **Cut to fit a {max_chars:,}-character comment:** {'; '.join(notes)}. "
            "Run `claimcheck check --format html --output claimcheck.html` for everything.\n"
        )
    if len(body) > max_chars:  # only when max_chars is smaller than the head itself
        body = body[: max_chars - 2].rstrip() + "\n…"
    return body


def _head(result: AuditResult, outcome: PolicyOutcome) -> str:
    status = "✅ policy holds" if outcome.ok else "❌ policy violated"
    lines = [f"## claimcheck: {status}", ""]
    n = len(result.reports)
    claims = sum(len(ra.claims) for ra in result.reports)
    mode = f"semantic matching ({result.model})" if result.semantic else "lexical matching only"
    if result.semantic and not result.model:
        mode = "semantic matching"
    lines.append(
        f"{n} report{'s' if n != 1 else ''} · {claims} claim{'s' if claims != 1 else ''} · "
        f"{mode} · {result.seconds:.1f} s · {cell(outcome.describe())}"
    )
    lines.append("")
    if n > 1:
        s = cross_report_summary(result, outcome)
        cited = ", ".join(f"{cell(k)} ({c})" for k, _, c in s.most_cited[:3])
        lines.append(f"**Most-cited papers:** {cited or 'none'}  ")
        lines.append(f"**Reports' own ✓ marks:** {cell(s.verified_line())}")
        lines.append("")
    lines.append(
        "| Report | Claims | "
        + " | ".join(f"{VERDICT_ICONS[v]} {VERDICT_LABELS[v]}" for v in Verdict)
        + " | Findings | Failing |"
    )
    lines.append("|---|---:|" + "---:|" * len(Verdict) + "---:|---:|")
    return "\n".join(lines) + "\n"


def _summary_rows(result: AuditResult, outcome: PolicyOutcome, budget: int) -> tuple[str, int]:
    """The table rows that fit in ``budget`` characters, failing reports first; and how many
    did not fit."""
    rows: dict[int, str] = {}
    order = sorted(range(len(result.reports)), key=lambda r: (-sum(outcome.failing_in(r)), r))
    used = 0
    for r in order:
        ra = result.reports[r]
        t = report_totals(ra, outcome, r)
        fails = t.failing_claims + t.failing_findings
        row = (
            f"| {cell(ra.report.path)} | {t.claims} | "
            + " | ".join(str(t.verdicts[v]) for v in Verdict)
            + f" | {t.findings} | {'**' + str(fails) + '**' if fails else '0'} |\n"
        )
        if used + len(row) > budget:
            break
        rows[r] = row
        used += len(row)
    return "".join(rows[r] for r in sorted(rows)), len(result.reports) - len(rows)


def _section(ra: ReportAudit, r: int, outcome: PolicyOutcome, *, only_failing: bool) -> str:
    rep = ra.report
    fc, ff = outcome.failing_in(r)
    state = f"❌ {fc + ff} failing" if fc + ff else "✅ passes"
    title = html.escape(one_line(rep.title or rep.path, 120), quote=False)
    path = html.escape(rep.path, quote=False)
    out = [
        "<details>",
        f"<summary><b>{title}</b> — <code>{path}</code> — {state}</summary>",
        "",
    ]
    if rep.research_question:
        out.append(f"**Research question:** {cell(rep.research_question)}")
        out.append("")
    if ra.papers:
        out.append("**References:**")
        for fp in ra.papers:
            icon = "✅" if fp.status is ReferenceStatus.AVAILABLE else "⚠️"
            out.append(f"- {icon} {cell(paper_line(fp), 200)}")
        out.append("")
    claims = [
        (c, cr) for c, cr in enumerate(ra.claims) if not only_failing or outcome.claim_fails(r, c)
    ]
    if only_failing and len(claims) < len(ra.claims):
        out.append(f"*Showing the {len(claims)} failing of {len(ra.claims)} claims.*")
        out.append("")
    if claims:
        out.append("| # | Verdict | Conf. | Marked | Claim | Evidence |")
        out.append("|---:|---|---:|---|---|---|")
        for c, cr in claims:
            fails = outcome.claim_fails(r, c)
            verdict = f"{VERDICT_ICONS[cr.verdict]} {VERDICT_LABELS[cr.verdict]}"
            if fails:
                verdict = f"**{verdict}**"
            out.append(
                f"| {cr.claim.index} | {verdict} | {cr.confidence:.2f} | {cell(mark_text(cr))} "
                f"| {cell(claim_text(cr), _CLAIM_CHARS)} "
                f"| {cell(evidence_line(cr, _EVIDENCE_CHARS))} |"
            )
        out.append("")
    findings = [
        (i, f) for i, f in enumerate(ra.findings) if not only_failing or outcome.finding_fails(r, i)
    ]
    if findings:
        out.append("**Findings:**")
        for i, f in findings:
            where = f"line {f.line}: " if f.line is not None else ""
            kind = f"`{f.kind.value}`"
            if outcome.finding_fails(r, i):
                kind = f"❌ **{kind}**"
            out.append(f"- {kind} {where}{cell(f.message, 400)}")
        out.append("")
    out.append(cell(report_totals(ra, outcome, r).line()))
    out.append("")
    out.append("</details>")
    out.append("")
    return "\n".join(out) + "\n"
