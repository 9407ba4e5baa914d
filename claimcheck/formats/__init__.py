"""Output formats. Each module reads only models (Report, AuditResult) and returns text.

:func:`render` is the one entry point for ``claimcheck check``: an :class:`AuditResult`, a format
and a :class:`~claimcheck.policy.Policy` in, text out. A new format is one module plus one member
of :class:`OutputFormat`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from claimcheck.models import AuditResult
from claimcheck.policy import Policy, PolicyOutcome, evaluate


class OutputFormat(str, Enum):
    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"
    JUNIT = "junit"


def render(
    result: AuditResult,
    fmt: OutputFormat,
    *,
    policy: Policy,
    width: int | None = None,
    color: bool = False,
    outcome: PolicyOutcome | None = None,
    base_dir: Path | None = None,
) -> str:
    """Render ``result`` as ``fmt``.

    ``outcome`` is ``evaluate(result, policy, baseline)`` when the caller has already worked it out
    (with a baseline); otherwise it is computed here without one. ``width`` and ``color`` only
    affect the terminal format. ``base_dir`` (the directory SARIF paths are made relative to) is
    the current directory's path as the CLI sees it; absolute report paths outside it become
    ``file://`` URIs.
    """
    if outcome is None:
        outcome = evaluate(result, policy)
    if fmt is OutputFormat.TERMINAL:
        from claimcheck.formats.terminal import render_terminal

        return render_terminal(result, outcome, width=width, color=color)
    if fmt is OutputFormat.JSON:
        from claimcheck.formats.json import dumps_audit

        return dumps_audit(result, outcome)
    if fmt is OutputFormat.MARKDOWN:
        from claimcheck.formats.markdown import render_markdown

        return render_markdown(result, outcome)
    if fmt is OutputFormat.HTML:
        from claimcheck.formats.html import render_html

        return render_html(result, outcome)
    if fmt is OutputFormat.SARIF:
        from claimcheck.formats.sarif import render_sarif

        return render_sarif(result, outcome, base_dir=base_dir)
    if fmt is OutputFormat.JUNIT:
        from claimcheck.formats.junit import render_junit

        return render_junit(result, outcome)
    raise ValueError(f"unknown output format: {fmt!r}")  # unreachable: the enum is closed
