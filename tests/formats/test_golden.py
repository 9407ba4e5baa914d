"""Golden files: every format rendered from the fixed AuditResult of conftest.py.

Regenerate after an intended change with ``pytest tests/formats --update-golden`` (or
CLAIMCHECK_UPDATE_GOLDEN=1) and review the diff of fixtures/golden/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.formats import OutputFormat, common, render
from claimcheck.models import AuditResult
from claimcheck.policy import Policy

GOLDEN = Path(__file__).resolve().parents[2] / "fixtures" / "golden"

CASES = [
    ("check.terminal.txt", OutputFormat.TERMINAL, {"width": 100}),
    ("check.terminal-60.txt", OutputFormat.TERMINAL, {"width": 60}),
    ("check.json", OutputFormat.JSON, {}),
    ("check.md", OutputFormat.MARKDOWN, {}),
    ("check.html", OutputFormat.HTML, {}),
    ("check.sarif", OutputFormat.SARIF, {}),
    ("check.junit.xml", OutputFormat.JUNIT, {}),
]


@pytest.fixture(autouse=True)
def _fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    # The version appears in JSON, SARIF and HTML; pin it so a release does not churn the goldens.
    monkeypatch.setattr(common, "version", lambda _name: "0.0.0")


@pytest.mark.parametrize(("name", "fmt", "kwargs"), CASES, ids=[c[0] for c in CASES])
def test_golden(
    name: str,
    fmt: OutputFormat,
    kwargs: dict[str, int],
    audit_result: AuditResult,
    update_golden: bool,
) -> None:
    text = render(audit_result, fmt, policy=Policy(), **kwargs)  # type: ignore[arg-type]
    path: Path = GOLDEN / name
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run pytest tests/formats --update-golden"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (see --update-golden)"
