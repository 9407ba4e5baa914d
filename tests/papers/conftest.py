"""A real HTTP server on 127.0.0.1 that plays arXiv: the query API and PDFs, with faults.

The API side answers ``id_list`` and ``search_query`` requests from Atom entries: the recorded
arXiv responses in ../shared/data/arxiv_api/atom_xml/ and the entries claimcheck authored for
the real PDFs (fixtures/arxiv_api/papers.xml). A request for an earlier version vK of a paper
whose latest entry is vN (K <= N) gets that entry renumbered to vK, as arXiv would answer with
that version's record. ``/pdf/<id>`` serves registered PDFs.

Faults are queued per target (``"api"`` or a versioned id) and used up one request each.
"""

from __future__ import annotations

import re
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from claimcheck.config import Settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SHARED_DATA = (ROOT / ".." / "shared" / "data").resolve()

ATOM = "http://www.w3.org/2005/Atom"
NS = {"a": ATOM}
_FEED_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" '
    'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">\n'
    "  <id>http://127.0.0.1/api/test</id>\n  <title>arXiv Query</title>\n"
    "  <updated>2026-01-01T00:00:00Z</updated>\n"
    "  <opensearch:totalResults>{total}</opensearch:totalResults>\n"
    "  <opensearch:startIndex>{start}</opensearch:startIndex>\n"
    "  <opensearch:itemsPerPage>{per}</opensearch:itemsPerPage>\n"
)
_ERROR_FEED = (
    _FEED_HEAD.format(total=1, start=0, per=1)
    + "  <entry><id>https://arxiv.org/api/errors#incorrect_id_format</id><title>Error</title>"
    "<summary>incorrect id format</summary><updated>2026-01-01T00:00:00Z</updated>"
    "<author><name>arXiv api core</name></author></entry>\n</feed>\n"
)
_ID_RE = re.compile(r"^(?P<base>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v(?P<v>\d+))?$")


def _load_entries() -> dict[str, dict[int, str]]:
    """base id -> version -> entry XML."""
    ET.register_namespace("", ATOM)
    ET.register_namespace("arxiv", "http://arxiv.org/schemas/atom")
    files = [FIXTURES / "arxiv_api" / "papers.xml"]
    recorded = SHARED_DATA / "arxiv_api" / "atom_xml"
    if recorded.is_dir():
        files += sorted(recorded.glob("id_*.xml"))
    out: dict[str, dict[int, str]] = {}
    for path in files:
        root = ET.parse(path).getroot()
        for entry in root.findall("a:entry", NS):
            ident = entry.findtext("a:id", default="", namespaces=NS)
            short = ident.split("arxiv.org/abs/")[-1]
            m = _ID_RE.match(short)
            if not m or m.group("v") is None:
                continue
            out.setdefault(m.group("base"), {})[int(m.group("v"))] = ET.tostring(
                entry, encoding="unicode"
            )
    return out


@dataclass
class Fault:
    kind: str  # 429 | 503 | slow | truncate | html | huge | huge_nolength | redirect_foreign
    #            | redirect_local | trickle | empty | garbage | 404
    retry_after: str | None = None
    seconds: float = 0.0


@dataclass
class ArxivServer:
    entries: dict[str, dict[int, str]]
    pdfs: dict[str, bytes] = field(default_factory=dict)
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    log: list[tuple[float, str, str]] = field(default_factory=list)  # (time, path, user agent)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings(self, tmp_path: Path, **kw: Any) -> Settings:
        values: dict[str, Any] = {
            "cache_dir": tmp_path / "cache",
            "arxiv_api_url": f"{self.base}/api/query",
            "arxiv_pdf_url": f"{self.base}/pdf/{{id}}",
            "api_delay_s": 0.01,
            "connect_timeout_s": 2.0,
            "read_timeout_s": 2.0,
            "max_retries": 2,
        }
        values.update(kw)
        return Settings(**values)

    def fault(self, target: str, kind: str, times: int = 1, **kw: Any) -> None:
        with self.lock:
            self.faults.setdefault(target, []).extend(Fault(kind, **kw) for _ in range(times))

    def take_fault(self, target: str) -> Fault | None:
        with self.lock:
            queue = self.faults.get(target)
            return queue.pop(0) if queue else None

    def requests_to(self, prefix: str) -> list[tuple[float, str, str]]:
        return [r for r in self.log if r[1].startswith(prefix)]

    def reset(self) -> None:
        with self.lock:
            self.faults.clear()
            self.log.clear()

    # --------------------------------------------------------------- answers

    def entry_for(self, ident: str) -> str | None:
        m = _ID_RE.match(ident)
        if not m:
            return None
        versions = self.entries.get(m.group("base"))
        if not versions:
            return None
        latest = max(versions)
        want = int(m.group("v")) if m.group("v") else latest
        if want in versions:
            return versions[want]
        if 1 <= want <= latest:
            return versions[latest].replace(f"{m.group('base')}v{latest}", f"{m.group('base')}v{want}")
        return None

    def search(self, query: str) -> list[str]:
        words = {w.lower() for w in re.findall(r"ti:([A-Za-z0-9]+)", query)}
        scored: list[tuple[int, str]] = []
        for versions in self.entries.values():
            entry = versions[max(versions)]
            title = re.search(r"<(?:\w+:)?title>(.*?)</", entry, re.DOTALL)
            title_words = set(re.findall(r"[a-z0-9]+", (title.group(1) if title else "").lower()))
            score = len(words & title_words)
            if score:
                scored.append((score, entry))
        scored.sort(key=lambda t: -t[0])
        return [e for _, e in scored]


class _Handler(BaseHTTPRequestHandler):
    server_state: ArxivServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
              ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        state = self.server_state
        parts = urlsplit(self.path)
        with state.lock:
            state.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
        try:
            if parts.path == "/api/query":
                self._api(state, parse_qs(parts.query))
            elif parts.path.startswith(("/pdf/", "/mirror/")):
                ident = parts.path.split("/", 2)[2]
                self._pdf(state, ident)
            else:
                self._send(404, b"not found", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a refused body, a killed run): that is the point

    def _common_fault(self, fault: Fault) -> bool:
        if fault.kind in ("429", "503"):
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            self._send(int(fault.kind), b"busy", "text/plain", headers)
            return True
        if fault.kind == "redirect_foreign":
            self._send(302, b"", "text/plain", {"Location": "http://evil.example.com/steal"})
            return True
        if fault.kind == "html":
            self._send(200, b"<!DOCTYPE html><html><body>Service unavailable</body></html>",
                       "text/html")
            return True
        if fault.kind == "slow":
            time.sleep(fault.seconds)
            return False
        return False

    def _api(self, state: ArxivServer, qs: dict[str, list[str]]) -> None:
        fault = state.take_fault("api")
        if fault is not None:
            if self._common_fault(fault):
                return
            if fault.kind == "empty":
                body = _FEED_HEAD.format(total=0, start=0, per=0) + "</feed>\n"
                self._send(200, body.encode(), "application/atom+xml")
                return
        ids = [i for i in qs.get("id_list", [""])[0].split(",") if i]
        start = int(qs.get("start", ["0"])[0])
        per = int(qs.get("max_results", ["10"])[0])
        if ids:
            if any(not _ID_RE.match(i) for i in ids):
                self._send(400, _ERROR_FEED.encode(), "application/atom+xml")
                return
            found = [e for e in (state.entry_for(i) for i in ids) if e is not None]
        else:
            found = state.search(qs.get("search_query", [""])[0])
        page = found[start : start + per]
        body = _FEED_HEAD.format(total=len(found), start=start, per=len(page))
        body += "\n".join(page) + "\n</feed>\n"
        self._send(200, body.encode(), "application/atom+xml")

    def _pdf(self, state: ArxivServer, ident: str) -> None:
        fault = state.take_fault(ident)
        if fault is not None:
            if self._common_fault(fault):
                return
            if fault.kind == "redirect_local":
                self._send(302, b"", "text/plain", {"Location": f"/mirror/{ident}"})
                return
            if fault.kind == "404":
                self._send(404, b"not found", "text/plain")
                return
            if fault.kind in ("huge", "huge_nolength"):
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                if fault.kind == "huge":
                    self.send_header("Content-Length", str(200 * 1024 * 1024))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"%PDF-1.4\n" + b"0" * (1024 * 1024 - 9)
                for _ in range(200):
                    self.wfile.write(chunk)
                    chunk = b"0" * (1024 * 1024)
                self.close_connection = True
                return
        body = state.pdfs.get(ident)
        if body is None:
            self._send(404, b"no such paper", "text/plain")
            return
        if fault is not None and fault.kind == "truncate":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if fault is not None and fault.kind == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(0, len(body), 256):
                self.wfile.write(body[i : i + 256])
                self.wfile.flush()
                time.sleep(fault.seconds or 0.05)
            return
        if fault is not None and fault.kind == "stall":
            # Headers and the first bytes, then silence longer than the read timeout.
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:100])
            self.wfile.flush()
            time.sleep(fault.seconds)
            self.close_connection = True
            return
        self._send(200, body, "application/pdf")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hang up on purpose (refused 200 MB bodies, killed runs): not an error here.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def tiny_pdf(lines: list[str], title: str = "A tiny test paper", stamp: str | None = None) -> bytes:
    """A one-page PDF with ``title`` and ``lines`` (fpdf2), optionally with an arXiv stamp."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    if stamp:
        pdf.cell(0, 8, f"arXiv:{stamp} [cs.CL] 1 Jan 2020", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture(scope="session")
def arxiv_server() -> Iterator[ArxivServer]:
    state = ArxivServer(_load_entries())
    handler = type("Handler", (_Handler,), {"server_state": state})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    pdf_dir = SHARED_DATA / "arxiv_pdfs"
    if pdf_dir.is_dir():
        for path in pdf_dir.glob("*.pdf"):
            state.pdfs[path.stem] = path.read_bytes()
    mismatch = SHARED_DATA / "citation_mismatch" / "reimers2020_sentence_multilingual.pdf"
    if mismatch.is_file():
        state.pdfs["2004.09714v1"] = mismatch.read_bytes()
    v1 = ["We use seven intermediate tasks.",
          "Intermediate-task training improves the XTREME average by 6.1 points."]
    v2 = ["We use nine intermediate tasks.",
          "Intermediate-task training improves the XTREME average by 5.4 points."]
    title = "English Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too"
    state.pdfs["2005.13013v1"] = tiny_pdf(v1, title, "2005.13013v1")
    state.pdfs["2005.13013v2"] = tiny_pdf(v2, title, "2005.13013v2")
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(arxiv_server: ArxivServer) -> Iterator[ArxivServer]:
    """The session server with its faults and request log cleared for this test."""
    arxiv_server.reset()
    yield arxiv_server
    arxiv_server.reset()
