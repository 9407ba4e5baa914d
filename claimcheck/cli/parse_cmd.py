"""`claimcheck parse`: read reports and show what was found in them.

Every file is parsed that can be; the good ones are printed, and each file that failed gets
one line on stderr as it fails. The exit status is then 2 if any file failed (bad input), else
0: findings do not change it, since parse is not a policy gate.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli import (
    app,
    handle_errors,
    load_settings,
    stderr_console,
    stdout_console,
    write_output,
)
from claimcheck.formats.json import dumps_reports
from claimcheck.formats.parsed import render_reports, reports_to_text
from claimcheck.models import Report
from claimcheck.report import collect_paths, parse_report


class ParseOutput(str, Enum):
    TERMINAL = "terminal"
    JSON = "json"


PathsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="FILE_OR_DIR...",
        help="Reports (.md, .txt, .pdf), directories (searched recursively) or globs.",
    ),
]
FormatOpt = Annotated[
    ParseOutput,
    typer.Option("--format", "-f", help="terminal: a readable summary; json: machine-readable."),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
]


@app.command("parse")
def parse_command(
    paths: PathsArg,
    fmt: FormatOpt = ParseOutput.TERMINAL,
    output: OutputOpt = None,
) -> None:
    """Parse reports into claims, references and stated counts, and check the counts.

    Every file that can be parsed is shown; each one that cannot gets one line on stderr.

    Exit 0 when all reports parsed (findings or not), 2 when any file failed or --output failed.
    """
    with handle_errors():
        settings = load_settings()
    status = 0
    reports: list[Report] = []
    for arg in paths:
        files: list[Path] = []
        try:
            with handle_errors():
                files = collect_paths([arg])
        except typer.Exit as exc:
            status = max(status, exc.exit_code)
        for path in files:
            try:
                with handle_errors():
                    reports.append(
                        parse_report(
                            path,
                            max_bytes=settings.max_report_bytes,
                            max_pages=settings.max_pdf_pages,
                        )
                    )
            except typer.Exit as exc:
                status = max(status, exc.exit_code)

    err = stderr_console()
    for report in reports:
        for warning in report.warnings:
            err.print(f"claimcheck: warning: {warning}", markup=False, soft_wrap=True)

    with handle_errors():
        if fmt is ParseOutput.JSON:
            write_output(dumps_reports(reports), output)
        elif output is not None:
            write_output(reports_to_text(reports), output)
        elif reports:
            console = stdout_console()
            for item in render_reports(reports):
                console.print(item)
            sys.stdout.flush()
    if status:
        raise typer.Exit(status)
