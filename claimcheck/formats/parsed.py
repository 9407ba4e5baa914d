"""The terminal summary of parsed reports (``claimcheck parse``), drawn with rich.

``render_reports`` returns renderables for a console the caller owns; ``reports_to_text``
draws them without colour at a fixed width, for ``--output``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimcheck.models import Mark, Report

_MARK_TEXT = {
    Mark.VERIFIED: Text("✓", style="green"),
    Mark.REJECTED: Text("×", style="red"),
    Mark.NONE: Text("–", style="dim"),
}


def _at(line: int | None) -> str:
    return f" (line {line})" if line is not None else ""


def _stated_vs_counted(report: Report) -> Text:
    s = report.stated
    listed = len(report.claims)
    marks_lost = bool(report.claims) and all(c.reported_mark is Mark.NONE for c in report.claims)
    ticked = sum(1 for c in report.claims if c.reported_mark is Mark.VERIFIED)
    out = Text()

    def pair(label: str, stated: int | None, counted: int | None) -> None:
        if out:
            out.append("; ")
        out.append(f"{label} ")
        out.append("?" if stated is None else str(stated), style="bold")
        if counted is None:
            return
        ok = stated is None or stated == counted
        out.append(" stated / ")
        out.append(str(counted), style="bold green" if ok else "bold red")
        out.append(" counted")

    pair("claims", s.claims, listed)
    pair("verified", s.verified, None if marks_lost else ticked)
    if marks_lost:
        out.append(" (marks lost; not counted)", style="dim")
    pair("papers", s.papers, None)
    out.append("; quality ")
    out.append("?" if s.quality is None else f"{s.quality}/10", style="bold")
    out.append(_at(s.line), style="dim")
    return out


def render_report(report: Report) -> RenderableType:
    """One report: metadata, stated vs counted, claims, references, findings, warnings."""
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold", no_wrap=True)
    meta.add_column(overflow="fold")
    meta.add_row("Title", report.title or Text("(none found)", style="dim"))
    meta.add_row("Date", report.date or Text("(none found)", style="dim"))
    meta.add_row(
        "Question",
        Text(report.research_question or "(none found)")
        + Text(_at(report.research_question_line), style="dim"),
    )
    meta.add_row(
        "Examines",
        Text(report.examined_title or "(none found)")
        + Text(_at(report.examined_line), style="dim"),
    )
    meta.add_row("Counts", _stated_vs_counted(report))

    claims = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    claims.add_column("#", justify="right", no_wrap=True)
    claims.add_column("mark", justify="center", no_wrap=True)
    claims.add_column("conf", justify="right", no_wrap=True)
    claims.add_column("cut", justify="center", no_wrap=True)
    claims.add_column("line", justify="right", no_wrap=True, style="dim")
    claims.add_column("claim", ratio=1, overflow="fold")
    for c in report.claims:
        conf = "–" if c.reported_confidence is None else f"{c.reported_confidence:.2f}"
        claims.add_row(
            str(c.index),
            _MARK_TEXT[c.reported_mark],
            conf,
            Text("cut", style="yellow") if c.truncated else Text(""),
            str(c.line),
            c.text,
        )

    parts: list[RenderableType] = [meta, Text(), claims]
    refs = Text()
    refs.append(f"References ({len(report.references)})", style="bold")
    if not report.references:
        refs.append("\n  none found", style="dim")
    for ref in report.references:
        label = str(ref.arxiv_id) if ref.arxiv_id is not None else f"title: {ref.title}"
        refs.append("\n  ")
        refs.append(label, style="cyan")
        if ref.url and ref.arxiv_id is not None:
            refs.append(f"  {ref.url}", style="dim")
        refs.append(_at(ref.line), style="dim")
    parts.append(refs)
    if report.findings:
        parts.append(Text(f"\nFindings ({len(report.findings)})", style="bold"))
        found = Table.grid(padding=(0, 1))
        found.add_column(no_wrap=True)
        found.add_column(overflow="fold")
        for f in report.findings:
            found.add_row(
                Text("  " + f.kind.value, style="bold red"), f"{_at(f.line).strip()} {f.message}"
            )
        parts.append(found)
    if report.warnings:
        parts.append(Text(f"\nWarnings ({len(report.warnings)})", style="bold"))
        warn = Table.grid(padding=(0, 1))
        warn.add_column(no_wrap=True)
        warn.add_column(overflow="fold")
        for w in report.warnings:
            warn.add_row(" ", Text(w, style="yellow"))
        parts.append(warn)
    title = Text(report.path, style="bold") + Text(f"  [{report.format.value}]", style="dim")
    return Panel(Group(*parts), title=title, title_align="left", box=box.ROUNDED)


def render_reports(reports: Sequence[Report]) -> list[RenderableType]:
    """One panel per report, then a one-line total when there are several."""
    out: list[RenderableType] = [render_report(r) for r in reports]
    if len(reports) > 1:
        claims = sum(len(r.claims) for r in reports)
        findings = sum(len(r.findings) for r in reports)
        out.append(
            Text(f"{len(reports)} reports, {claims} claims, {findings} report-level findings")
        )
    return out


def reports_to_text(reports: Sequence[Report], width: int = 100) -> str:
    """The summary as plain text (no colour), for writing to a file."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, no_color=True, highlight=False, force_terminal=False)
    for item in render_reports(reports):
        console.print(item)
    return buf.getvalue()
