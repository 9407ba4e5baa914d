"""`claimcheck check`: the full audit of reports against their cited papers."""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import nullcontext
from pathlib import Path

import typer

from claimcheck.cli import app, handle_errors, load_settings, stderr_console, write_output
from claimcheck.errors import ReportParseError
from claimcheck.formats import OutputFormat
from claimcheck.models import Report


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="Report files, directories (recursive) or globs."),
    papers_dir: Path | None = typer.Option(
        None, "--papers-dir", help="Local PDFs named <id>v<N>.pdf or <id>.pdf, tried first."
    ),
    offline: bool = typer.Option(False, "--offline", help="Never touch the network."),
    all_versions: bool = typer.Option(
        False, "--all-versions", help="Also fetch every other version, and say which one a claim matches."
    ),
    model: str | None = typer.Option(
        None, "--model", help="A local sentence-transformers model (default: packaged all-MiniLM-L6-v2)."
    ),
    no_semantic: bool = typer.Option(
        False, "--no-semantic", help="Skip the model: lexical matching and number checks only."
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.TERMINAL, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the output to FILE."),
    fail_on: str | None = typer.Option(
        None, "--fail-on",
        help="Comma-separated verdicts and findings that fail the run "
        "(default: contradicted,false_verification,citation_mismatch).",
    ),
    min_confidence: float | None = typer.Option(
        None, "--min-confidence", help="Only failures with confidence >= X fail the run."
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="An earlier JSON result: fail only on problems not in it."
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Reports verified in parallel (default 1)."
    ),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", help="Cache directory."),
    rerun: str | None = typer.Option(
        None, "--rerun",
        help="Re-run tatoeba and/or bucc (comma-separated) and compare claims with the result.",
    ),
    rerun_data_dir: Path | None = typer.Option(
        None, "--rerun-data-dir", help="Data for --rerun (a folder with tatoeba/ and bucc2018/)."
    ),
    rerun_langs: str | None = typer.Option(
        None, "--rerun-langs", help="Languages for --rerun (default: the task's default)."
    ),
) -> None:
    """Verify every claim of the reports against the papers they cite.

    Exit codes: 0 the policy holds, 1 it is violated, 2 usage or input error,
    3 the run could not finish (network, model).
    """
    from claimcheck.formats import render
    from claimcheck.formats.terminal import color_wanted
    from claimcheck.policy import Policy, evaluate, load_baseline
    from claimcheck.report import collect_paths, parse_report
    from claimcheck.verify.audit import Auditor

    err = stderr_console()
    with handle_errors():
        policy = Policy.parse(fail_on, min_confidence)
        if rerun:
            from claimcheck.cli.rerun_cmd import rerun_tasks

            rerun_tasks(rerun)  # a bad task name is said now, not after the audit
        base = load_baseline(baseline) if baseline is not None else None
        settings = load_settings(
            cache_dir=cache_dir,
            papers_dir=papers_dir,
            offline=offline or None,
            all_versions=all_versions or None,
            model=model,
            semantic=False if no_semantic else None,
            workers=workers,
        )
        reports: list[Report] = []
        failures: list[ReportParseError] = []
        for path in collect_paths(paths):
            try:
                reports.append(
                    parse_report(path, max_bytes=settings.max_report_bytes,
                                 max_pages=settings.max_pdf_pages)
                )
            except ReportParseError as exc:
                failures.append(exc)
                print(f"claimcheck: error: {exc}", file=sys.stderr)
        for r in reports:
            for w in r.warnings:
                where = "" if w.startswith(r.path) else f"{r.path}: "
                print(f"claimcheck: warning: {where}{w}", file=sys.stderr)
        if not reports:
            raise typer.Exit(2)  # every report failed to parse; each said why above
        show_progress = sys.stderr.isatty()
        with err.status("auditing…", spinner="dots") if show_progress else nullcontext():
            auditor = Auditor(
                settings,
                on_progress=(lambda msg: err.log(msg)) if show_progress else None,
            )
            result = auditor.audit(reports, workers=settings.workers)
        if rerun:
            from claimcheck.cli.rerun_cmd import rerun_for_check

            result = rerun_for_check(result, rerun, rerun_data_dir, rerun_langs, settings)
            comparisons = result.meta["rerun"]["comparisons"]
            for c in comparisons:
                print(f"claimcheck: rerun: {c['report']} claim {c['claim_index']}: "
                      f"{c['status']}: {c['message']}", file=sys.stderr)
            if not comparisons:
                print("claimcheck: rerun: no claim states a BUCC or Tatoeba number to compare",
                      file=sys.stderr)
        outcome = evaluate(result, policy, base)
        to_terminal = output is None and sys.stdout.isatty()
        text = render(
            result, fmt, policy=policy, outcome=outcome, base_dir=Path.cwd(),
            width=shutil.get_terminal_size().columns if to_terminal else None,
            color=fmt is OutputFormat.TERMINAL and color_wanted(to_terminal, os.environ),
        )
        write_output(text, output)
        if not (fmt is OutputFormat.TERMINAL and to_terminal):
            # On a terminal the summary already ends with this line.
            err.print(outcome.describe())
        if failures:
            raise typer.Exit(2)
        raise typer.Exit(outcome.exit_code)

