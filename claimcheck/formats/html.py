"""One self-contained HTML page: inline CSS, no scripts, nothing loaded from elsewhere.

Every claim is a ``<details>`` (failing ones open), and each piece of evidence is shown inside the
passage it came from with the quoted span in ``<mark>``. All text from reports and papers is
escaped; a Content-Security-Policy forbids loading anything, should a browser ever be tricked.
"""

from __future__ import annotations

from html import escape

from claimcheck.formats.common import (
    VERDICT_HELP,
    VERDICT_LABELS,
    PassageLookup,
    claim_text,
    cross_report_summary,
    mark_text,
    one_line,
    paper_line,
    report_totals,
    tool_version,
)
from claimcheck.models import (
    AuditResult,
    ClaimResult,
    Evidence,
    NumberStatus,
    ReferenceStatus,
    ReportAudit,
    Verdict,
)
from claimcheck.policy import PolicyOutcome

_CSS = """
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 1100px; padding: 24px; color: #1f2328; background: #fff; }
h1 { margin: 0 0 4px; font-size: 24px; } h2 { margin: 32px 0 4px; font-size: 20px; }
h3 { margin: 18px 0 6px; font-size: 15px; text-transform: uppercase; letter-spacing: .04em;
     color: var(--muted); }
.status { font-weight: 600; padding: 8px 12px; border-radius: 6px; margin: 8px 0; }
.status.ok { background: #dafbe1; color: var(--ok); }
.status.fail { background: #ffebe9; color: var(--bad); }
.meta, .path { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left;
         vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
dt { font-weight: 600; } dd { margin: 0; }
ul { margin: 4px 0; padding-left: 20px; }
li.bad { color: var(--bad); }
.badge { display: inline-block; min-width: 9.5em; padding: 0 8px; border-radius: 10px;
         font-size: 13px; font-weight: 600; text-align: center; color: #fff; }
.v-supported { background: var(--ok); } .v-partially_supported { background: #bf8700; }
.v-contradicted { background: var(--bad); } .v-not_found { background: #8250df; }
.v-unverifiable { background: #6e7781; }
details.claim { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; }
details.claim.fail { border-color: var(--bad); border-left-width: 4px; }
details.claim > summary { cursor: pointer; padding: 6px 10px; display: flex; gap: 10px;
                          align-items: baseline; }
details.claim > summary::before { content: "▸"; color: var(--muted); }
details.claim[open] > summary::before { content: "▾"; }
summary .num { color: var(--muted); min-width: 1.5em; text-align: right; }
summary .conf, summary .mark { font-variant-numeric: tabular-nums; color: var(--muted);
                               white-space: nowrap; }
summary .text { flex: 1; }
.failtag { color: var(--bad); font-weight: 700; white-space: nowrap; }
.body { padding: 4px 14px 10px 46px; }
.reason { color: var(--muted); font-style: italic; margin: 4px 0; }
.evidence { margin: 8px 0; }
.where { font-size: 13px; color: var(--muted); margin: 0; }
blockquote { margin: 4px 0; padding: 6px 12px; border-left: 3px solid var(--line);
             background: #f6f8fa; white-space: pre-wrap; }
mark { background: #fff8c5; padding: 0 1px; border-radius: 2px; }
.numbers td.different, .numbers td.other_entity, .numbers td.absent { color: var(--bad); }
.numbers td.matched { color: var(--ok); }
.finding.fail { color: var(--bad); font-weight: 600; }
.totals { font-weight: 600; margin-top: 10px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
"""


_CSP = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
)


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render_html(result: AuditResult, outcome: PolicyOutcome) -> str:
    n = len(result.reports)
    claims = sum(len(ra.claims) for ra in result.reports)
    state = "policy holds" if outcome.ok else "policy violated"
    mode = "lexical matching only"
    if result.semantic:
        mode = f"semantic matching ({result.model})" if result.model else "semantic matching"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        _CSP,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>claimcheck: {n} report{'s' if n != 1 else ''}, {state}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>claimcheck</h1>",
        f'<p class="status {"ok" if outcome.ok else "fail"}">{e(outcome.describe())}</p>',
        (
            f'<p class="meta">{n} report{"s" if n != 1 else ""} · {claims} claims · '
            f"{e(mode)} · {result.seconds:.1f} s</p>"
        ),
        "</header>",
    ]
    out.append(_overview(result, outcome))
    for r, ra in enumerate(result.reports):
        out.append(_report(ra, r, outcome))
    out.append(f"<footer>claimcheck {e(tool_version())}</footer>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def _overview(result: AuditResult, outcome: PolicyOutcome) -> str:
    rows = [
        '<section class="overview">',
        "<table>",
        '<thead><tr><th>Report</th><th class="n">Claims</th>'
        + "".join(f'<th class="n">{e(VERDICT_LABELS[v])}</th>' for v in Verdict)
        + '<th class="n">Findings</th><th class="n">Failing</th></tr></thead>',
        "<tbody>",
    ]
    for r, ra in enumerate(result.reports):
        t = report_totals(ra, outcome, r)
        fails = t.failing_claims + t.failing_findings
        rows.append(
            f'<tr><td><a href="#report-{r + 1}">{e(ra.report.path)}</a></td>'
            f'<td class="n">{t.claims}</td>'
            + "".join(f'<td class="n">{t.verdicts[v]}</td>' for v in Verdict)
            + f'<td class="n">{t.findings}</td>'
            + (f'<td class="n failtag">{fails}</td>' if fails else '<td class="n">0</td>')
            + "</tr>"
        )
    rows += ["</tbody>", "</table>"]
    if len(result.reports) > 1:
        s = cross_report_summary(result, outcome)
        rows.append("<h3>Across reports</h3>")
        rows.append("<dl>")
        cited = "".join(
            f"<li>{e(k)} — cited by {c} report{'s' if c != 1 else ''}"
            + (f" <small>{e(one_line(t, 90))}</small>" if t else "")
            + "</li>"
            for k, t, c in s.most_cited
        )
        rows.append(
            f"<dt>Most-cited papers</dt><dd><ul>{cited}</ul></dd>"
            if cited
            else "<dt>Most-cited papers</dt><dd>none</dd>"
        )
        failing = ", ".join(f"{e(p)} ({c})" for p, c in s.most_failing)
        rows.append(f"<dt>Most failing claims</dt><dd>{failing or 'none'}</dd>")
        rows.append(f"<dt>Reports' own ✓ marks</dt><dd>{e(s.verified_line())}</dd>")
        rows.append("</dl>")
    rows.append("</section>")
    return "\n".join(rows)


def _report(ra: ReportAudit, r: int, outcome: PolicyOutcome) -> str:
    rep = ra.report
    out = [f'<section class="report" id="report-{r + 1}">']
    out.append(f"<h2>{e(one_line(rep.title or rep.path))}</h2>")
    out.append(
        f'<p class="path">{e(rep.path)}' + (f" · {e(rep.date)}" if rep.date else "") + "</p>"
    )
    info = []
    if rep.research_question:
        info.append(f"<dt>Research question</dt><dd>{e(one_line(rep.research_question))}</dd>")
    if rep.examined_title:
        info.append(f"<dt>Examines</dt><dd>{e(one_line(rep.examined_title))}</dd>")
    if info:
        out.append("<dl>" + "".join(info) + "</dl>")
    if ra.papers:
        out.append("<h3>References</h3>")
        out.append('<ul class="refs">')
        for fp in ra.papers:
            ok = fp.status is ReferenceStatus.AVAILABLE
            out.append(
                f'<li class="{"ok" if ok else "bad"}">{"✓" if ok else "✗"} {e(paper_line(fp))}</li>'
            )
        out.append("</ul>")
    out.append("<h3>Claims</h3>")
    lookup = PassageLookup(ra)
    for c, cr in enumerate(ra.claims):
        out.append(_claim(ra, cr, outcome.claim_fails(r, c), lookup))
    if ra.findings:
        out.append("<h3>Findings</h3>")
        out.append("<ul>")
        for i, f in enumerate(ra.findings):
            fails = outcome.finding_fails(r, i)
            where = f"line {f.line}: " if f.line is not None else ""
            out.append(
                f'<li class="finding{" fail" if fails else ""}"><code>{e(f.kind.value)}</code> '
                f"{e(where)}{e(one_line(f.message))}"
                + (' <span class="failtag">fails policy</span>' if fails else "")
                + "</li>"
            )
        out.append("</ul>")
    out.append(f'<p class="totals">{e(report_totals(ra, outcome, r).line())}</p>')
    out.append("</section>")
    return "\n".join(out)


def _claim(ra: ReportAudit, cr: ClaimResult, fails: bool, lookup: PassageLookup) -> str:
    v = cr.verdict.value
    out = [
        f'<details class="claim{" fail" if fails else ""}" id="{e(_anchor(ra, cr))}"'
        + (" open" if fails else "")
        + ">",
        f'<summary><span class="num">{cr.claim.index}</span>'
        f'<span class="badge v-{v}" title="{e(VERDICT_HELP[cr.verdict])}">'
        f"{e(VERDICT_LABELS[cr.verdict])}</span>"
        f'<span class="conf" title="claimcheck\'s confidence">{cr.confidence:.2f}</span>'
        f'<span class="mark" title="the report\'s own mark and confidence">'
        f"{e(mark_text(cr))}</span>"
        f'<span class="text">{e(claim_text(cr))}</span>'
        + ('<span class="failtag">fails policy</span>' if fails else "")
        + "</summary>",
        '<div class="body">',
        f'<p class="where">line {cr.claim.line} of {e(ra.report.path)}</p>',
    ]
    if cr.reason:
        out.append(f'<p class="reason">{e(cr.reason)}</p>')
    if cr.numbers:
        out.append(
            '<table class="numbers"><thead><tr><th>number</th><th>about</th>'
            "<th>in the source</th><th>where</th></tr></thead><tbody>"
        )
        for n in cr.numbers:
            src = ""
            if n.status is NumberStatus.DIFFERENT and n.source_value is not None:
                src = f"{n.source_value:g}"
            elif n.status is NumberStatus.OTHER_ENTITY:
                src = f"given for {n.source_subject or 'another row'}"
            loc = f"{n.paper_id} p.{n.page}" if n.paper_id and n.page else ""
            out.append(
                f"<tr><td>{e(n.mention.text)}</td><td>{e(n.mention.subject or '')}</td>"
                f'<td class="{e(n.status.value)}">{e(n.status.value.replace("_", " "))}'
                f"{' · ' + e(src) if src else ''}</td><td>{e(loc)}</td></tr>"
            )
        out.append("</tbody></table>")
    for ev in cr.evidence:
        out.append(_evidence(lookup, ev))
    if cr.versions:
        vs = ", ".join(f"{e(k)}: {e(VERDICT_LABELS[x])}" for k, x in cr.versions.items())
        out.append(f'<p class="where">per version: {vs}</p>')
    out.append("</div>")
    out.append("</details>")
    return "\n".join(out)


def _evidence(lookup: PassageLookup, ev: Evidence) -> str:
    before, quote, after = lookup.context(ev)
    semantic = f" · semantic {ev.semantic:.2f}" if ev.semantic is not None else ""
    base = ev.paper_id
    caption = f" · {e(one_line(ev.caption, 120))}" if ev.caption else ""
    return (
        '<div class="evidence">'
        f'<p class="where"><a href="https://arxiv.org/abs/{e(base)}">{e(base)}</a> p.{ev.page} · '
        f"{e(ev.kind.value.replace('_', ' '))}{caption} · lexical {ev.lexical:.2f}{semantic} · "
        f"score {ev.score:.2f}</p>"
        f"<blockquote>{e(before)}<mark>{e(quote)}</mark>{e(after)}</blockquote>"
        "</div>"
    )


def _anchor(ra: ReportAudit, cr: ClaimResult) -> str:
    return f"{ra.report.path}#claim-{cr.claim.index}"
