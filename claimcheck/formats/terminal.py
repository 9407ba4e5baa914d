"""The terminal summary (rich): per report a header, a claims table, the findings, a totals line.

Adapts to the width it is given; colour only when asked for (the CLI asks when stdout is a terminal
and NO_COLOR is unset).
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

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

VERDICT_STYLES: dict[Verdict, str] = {
    Verdict.SUPPORTED: "green",
    Verdict.PARTIALLY_SUPPORTED: "yellow",
    Verdict.CONTRADICTED: "bold red",
    Verdict.NOT_FOUND: "magenta",
    Verdict.UNVERIFIABLE: "dim",
}

SHORT_LABELS: dict[Verdict, str] = {
    Verdict.SUPPORTED: "supported",
    Verdict.PARTIALLY_SUPPORTED: "partial",
    Verdict.CONTRADICTED: "contradicted",
    Verdict.NOT_FOUND: "not found",
    Verdict.UNVERIFIABLE: "unverifiable",
}

DEFAULT_WIDTH = 100
NARROW = 72  # below this the report's own mark column is dropped


def color_wanted(isatty: bool, env: Mapping[str, str]) -> bool:
    """Whether to colour output: a terminal that is not ``TERM=dumb``, unless ``NO_COLOR`` is set
    to a non-empty value (no-color.org); a non-empty ``FORCE_COLOR`` forces it on otherwise.

    The CLI passes ``sys.stdout.isatty()`` and ``os.environ``.
    """
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return isatty and env.get("TERM") != "dumb"


def render_terminal(
    result: AuditResult, outcome: PolicyOutcome, *, width: int | None = None, color: bool = False
) -> str:
    """The whole terminal summary as text (with ANSI colour codes when ``color``)."""
    width = max(width or DEFAULT_WIDTH, 40)
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    for r, ra in enumerate(result.reports):
        if r:
            console.print()
        console.print(_report(ra, r, outcome, width))
    if len(result.reports) > 1:
        console.print()
        console.print(_cross(result, outcome))
    console.print()
    style = "bold green" if outcome.ok else "bold red"
    console.print(Text(_closing(result, outcome), style=style))
    out = buf.getvalue()
    if not color:
        # Grid cells pad to their width; trailing blanks only get in the way of diffs and pipes.
        out = "\n".join(line.rstrip() for line in out.split("\n"))
    return out


def _closing(result: AuditResult, outcome: PolicyOutcome) -> str:
    n = len(result.reports)
    claims = sum(len(ra.claims) for ra in result.reports)
    mode = (
        f"semantic ({result.model})"
        if result.semantic and result.model
        else ("semantic" if result.semantic else "lexical only")
    )
    return (
        f"{n} report{'s' if n != 1 else ''}, {claims} claim{'s' if claims != 1 else ''}, "
        f"{mode}, {result.seconds:.1f} s: {outcome.describe()}"
    )


def _report(ra: ReportAudit, r: int, outcome: PolicyOutcome, width: int) -> RenderableType:
    rep = ra.report
    parts: list[RenderableType] = []
    head = Text(one_line(rep.title or "(a report without a title)"), style="bold")
    parts.append(head)
    meta = Text(rep.path, style="dim")
    if rep.date:
        meta.append(f" · {rep.date}", style="dim")
    parts.append(meta)
    info = Table.grid(padding=(0, 1))
    info.add_column(style="bold", no_wrap=True)
    info.add_column(ratio=1)
    if rep.research_question:
        info.add_row("Research question", one_line(rep.research_question))
    if rep.examined_title:
        info.add_row("Examines", one_line(rep.examined_title))
    if info.row_count:
        parts.append(info)
    if ra.papers:
        parts.append(Text("References", style="bold"))
        parts.append(
            _bullets(
                [
                    (
                        fp.status is ReferenceStatus.AVAILABLE,
                        Text(paper_line(fp), no_wrap=True, overflow="ellipsis"),
                    )
                    for fp in ra.papers
                ],
                ok_mark="✓",
                bad_mark="✗",
            )
        )
    parts.append(_claims_table(ra, r, outcome, width))
    if ra.findings:
        parts.append(Text("Findings", style="bold"))
        rows = []
        for i, f in enumerate(ra.findings):
            fails = outcome.finding_fails(r, i)
            t = Text(f.kind.value, style="bold" if fails else "")
            where = f"line {f.line}: " if f.line is not None else ""
            t.append(f" — {where}{one_line(f.message)}", style="")
            rows.append((not fails, t))
        parts.append(_bullets(rows, ok_mark="·", bad_mark="✗"))
    totals = report_totals(ra, outcome, r)
    parts.append(
        Text(
            totals.line(),
            style="bold red" if totals.failing_claims + totals.failing_findings else "bold",
        )
    )
    return Group(*parts)


def _bullets(rows: list[tuple[bool, Text]], *, ok_mark: str, bad_mark: str) -> Table:
    """An indented list whose wrapped lines stay indented; ``False`` rows get the red mark."""
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(no_wrap=True, width=3, justify="right")
    grid.add_column(ratio=1)
    for ok, text in rows:
        grid.add_row(Text(ok_mark if ok else bad_mark, style="green" if ok else "bold red"), text)
    return grid


def _claims_table(ra: ReportAudit, r: int, outcome: PolicyOutcome, width: int) -> Table:
    narrow = width < NARROW
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True, width=3 if not narrow else 2)
    table.add_column("verdict", no_wrap=True)
    table.add_column("conf", justify="right", no_wrap=True, width=4)
    if not narrow:
        table.add_column("marked", no_wrap=True, width=6)
    table.add_column("claim · evidence", ratio=1, overflow="fold")
    for c, cr in enumerate(ra.claims):
        fails = outcome.claim_fails(r, c)
        num = Text(("✗" if fails else "") + str(cr.claim.index), style="bold red" if fails else "")
        verdict = Text(SHORT_LABELS[cr.verdict], style=VERDICT_STYLES[cr.verdict])
        row: list[RenderableType] = [num, verdict, f"{cr.confidence:.2f}"]
        if not narrow:
            row.append(mark_text(cr))
        # The claim wraps; its evidence stays on one line, cut to fit.
        claim = Text(claim_text(cr))
        evidence = Text(evidence_line(cr), style="dim italic", no_wrap=True, overflow="ellipsis")
        row.append(Group(claim, evidence))
        table.add_row(*row)
    return table


def _cross(result: AuditResult, outcome: PolicyOutcome) -> RenderableType:
    s = cross_report_summary(result, outcome)
    parts: list[RenderableType] = [Text(f"Across {s.reports} reports", style="bold underline")]
    verdicts = ", ".join(f"{n} {VERDICT_LABELS[v]}" for v, n in s.verdicts.items() if n)
    parts.append(Text(f"{s.claims} claims: {verdicts}"))
    parts.append(Text("Most-cited papers (reports citing them)", style="bold"))
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(justify="right", no_wrap=True, width=3)
    grid.add_column(ratio=1)
    for key, title, n in s.most_cited:
        t = Text(key, no_wrap=True, overflow="ellipsis")
        if title:
            t.append(f" — {one_line(title)}", style="dim")
        grid.add_row(str(n), t)
    parts.append(grid)
    parts.append(Text("Most failing claims", style="bold"))
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(justify="right", no_wrap=True, width=3)
    grid.add_column(ratio=1)
    for path, n in s.most_failing:
        grid.add_row(Text(str(n), style="red"), path)
    if not s.most_failing:
        grid.add_row("", Text("none", style="dim"))
    parts.append(grid)
    t = Text("Reports' own ✓ marks wrong: ", style="bold")
    t.append(s.verified_line())
    parts.append(t)
    return Group(*parts)
