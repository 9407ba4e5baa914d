"""The HTML report in a real browser: headless Chromium renders it, screenshots it, and its DOM
holds every claim. Skips when Debian's `chromium` is not installed (.ci/run installs it)."""

from __future__ import annotations

import html
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from claimcheck.formats import OutputFormat, render
from claimcheck.models import AuditResult
from claimcheck.policy import Policy

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="chromium not installed (apt-get install -y chromium; .ci/run does this)",
    ),
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_html_renders_in_chromium(tmp_path: Path, audit_result: AuditResult) -> None:
    page = tmp_path / "claimcheck.html"
    page.write_text(render(audit_result, OutputFormat.HTML, policy=Policy()), encoding="utf-8")
    url = page.as_uri()

    shot = tmp_path / "shot.png"
    proc = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2000", url)
    assert shot.is_file(), f"no screenshot; chromium said: {proc.stderr[-2000:]}"
    assert png_size(shot) == (1200, 2000)
    # A blank page compresses to a few kB; this one has tables, badges and text.
    assert shot.stat().st_size > 50_000

    proc = chromium(tmp_path, "--dump-dom", url)
    dom = html.unescape(proc.stdout)
    assert "<details" in dom
    for ra in audit_result.reports:
        assert ra.report.path in dom
        for cr in ra.claims:
            assert " ".join(cr.claim.text.split()) in dom, cr.claim.text
    # Evidence highlighted inside its passage, and the escaped claim came through as text.
    assert "<mark>MNLI, SQuAD and HellaSwag achieve the best overall results" in dom
    assert "<unified>" not in proc.stdout and "&lt;unified&gt;" in proc.stdout
