"""`claimcheck fetch` and `claimcheck cache` through typer's CliRunner and a real subprocess."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.models import ArxivId
from claimcheck.papers.cache import PaperCache

ROOT = Path(__file__).resolve().parents[2]


def _load_server_module() -> ModuleType:
    """tests/papers/conftest.py (the local arXiv server) under a name of its own."""
    spec = importlib.util.spec_from_file_location(
        "claimcheck_tests_arxiv_server", ROOT / "tests" / "papers" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_srv = _load_server_module()
ArxivServer = _srv.ArxivServer
arxiv_server = _srv.arxiv_server
server = _srv.server

pytestmark = pytest.mark.network


def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture
def env(server: ArxivServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "CLAIMCHECK_ARXIV_API_URL": f"{server.base}/api/query",
        "CLAIMCHECK_ARXIV_PDF_URL": f"{server.base}/pdf/{{id}}",
        "CLAIMCHECK_API_DELAY_S": "0.01",
        "CLAIMCHECK_MAX_RETRIES": "1",
        "CLAIMCHECK_READ_TIMEOUT_S": "2",
        "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache"),
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    return values


def test_fetch_ids_then_cached(env, server, arxiv_pdfs):
    r = runner().invoke(app, ["fetch", "2404.12444v1"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("2404.12444v1\tavailable\t2404.12444v1\tarxiv\t")
    assert "1 fetched, 0 already cached" in r.stderr
    r = runner().invoke(app, ["fetch", "2404.12444v1"])
    assert r.exit_code == 0
    assert "\tcache\t" in r.stdout and "0 fetched, 1 already cached" in r.stderr


def test_fetch_bad_id_exits_2_before_fetching(env, server):
    r = runner().invoke(app, ["fetch", "2404.12444v1", "2404.1244x"])
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "not an arXiv id: '2404.1244x'" in r.stderr
    assert "Traceback" not in r.stderr
    assert server.log == []


def test_fetch_failure_exits_3_with_reason(env, server):
    server.fault("2005.13013v2", "503", times=2)
    r = runner().invoke(app, ["fetch", "2005.13013v2", "2005.13013v1"])
    assert r.exit_code == 3
    assert "2005.13013v1\tavailable" in r.stdout
    assert "2005.13013v2\tunavailable" in r.stdout
    assert "1 failed" in r.stderr and "failed: 2005.13013v2: " in r.stderr
    assert "HTTP 503" in r.stderr


def test_fetch_offline_with_papers_dir(env, server, arxiv_pdfs):
    r = runner().invoke(app, ["fetch", "2003.11080v5", "1911.02116v1", "--offline",
                              "--papers-dir", str(arxiv_pdfs)])
    assert r.exit_code == 3
    assert "2003.11080v5\tavailable\t2003.11080v5\tpapers_dir" in r.stdout
    assert "1911.02116v1\tunavailable" in r.stdout and "--offline is set" in r.stdout
    assert server.log == []


def test_fetch_report_resolves_title_and_ids(env, server, tmp_path):
    pytest.importorskip("claimcheck.report")
    report = ROOT / "reports" / "001_126e3002b994202a.txt"
    r = runner().invoke(app, ["fetch", str(report), "--offline"])
    # offline: the title-only paper cannot be resolved; every reference gets a line
    assert r.exit_code == 3, r.stderr
    assert "resolving a title needs the arXiv API" in r.stdout
    assert server.log == []
    r = runner().invoke(app, ["fetch", str(report)])
    assert r.exit_code == 0, r.stdout + r.stderr
    assert ("'FEnglish Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too'"
            "\tavailable\t2005.13013v2\tarxiv (by title, score 99)") in r.stdout
    assert "1 resolved by title" in r.stderr


def test_fetch_missing_report_exits_2(env):
    r = runner().invoke(app, ["fetch", "no/such/report.md"])
    assert r.exit_code == 2
    assert "no/such/report.md" in r.stderr and "Traceback" not in r.stderr


def test_cache_path_list_clear(env, server, arxiv_pdfs):
    r = runner().invoke(app, ["cache", "path"])
    assert r.exit_code == 0 and r.stdout.strip() == env["CLAIMCHECK_CACHE_DIR"]
    assert runner().invoke(app, ["fetch", "2404.12444v1"]).exit_code == 0
    r = runner().invoke(app, ["cache", "list"])
    assert r.exit_code == 0
    assert r.stdout.startswith("2404.12444v1\t3.") and "\tcomplete\tmOthello" in r.stdout
    r = runner().invoke(app, ["cache", "clear"])
    assert r.exit_code == 0 and "removed 1 cached paper versions" in r.stderr
    assert runner().invoke(app, ["cache", "list"]).stdout == ""


def test_killed_download_leaves_no_complete_entry(env, server, tmp_path, arxiv_pdfs):
    """SIGKILL during a trickled download; a later run must fetch again, not trust a remnant."""
    ident = "2404.12444v1"
    server.fault(ident, "trickle", seconds=0.02)
    exe = ROOT / ".venv" / "bin" / "claimcheck"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "claimcheck.cli"]
    proc = subprocess.Popen(cmd + ["fetch", ident], env={**os.environ, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not server.requests_to(f"/pdf/{ident}") and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # well into the trickled body
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    cache = PaperCache(Path(env["CLAIMCHECK_CACHE_DIR"]))
    assert cache.load_paper(ArxivId.parse(ident)) is None
    assert all(not e.complete for e in cache.entries())
    server.reset()
    r = runner().invoke(app, ["fetch", ident])
    assert r.exit_code == 0 and "\tarxiv\t" in r.stdout
    assert len(server.requests_to(f"/pdf/{ident}")) == 1


def test_two_processes_share_the_cache(env, server, arxiv_pdfs):
    """Two runs at once: the lock makes one download and the other read the cache."""
    ident = "1911.01464v3"
    server.fault(ident, "trickle", seconds=0.0005)
    exe = ROOT / ".venv" / "bin" / "claimcheck"
    procs = [subprocess.Popen([str(exe), "fetch", ident], env={**os.environ, **env},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    origins = sorted(o[0].split("\t")[3] for o in outs)
    assert origins == ["arxiv", "cache"]
    assert len(server.requests_to(f"/pdf/{ident}")) == 1
