"""Output formats. Each module reads only models (Report, AuditResult) and returns text."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"
    JUNIT = "junit"
