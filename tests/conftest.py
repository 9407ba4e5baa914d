"""Suite-wide fixtures: no socket leaves 127.0.0.1, caches live in tmp_path, shared data skips.

Area fixtures (the local arXiv server, fake encoders) live in tests/<area>/conftest.py.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = (ROOT / ".." / "shared" / "data").resolve()
FIXTURES = ROOT / "fixtures"
REPORTS = ROOT / "reports"

_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
_real_connect = socket.socket.connect
_real_create_connection = socket.create_connection
_real_getaddrinfo = socket.getaddrinfo


def _host_of(address: object) -> str | None:
    if isinstance(address, tuple) and address:
        return str(address[0])
    return None  # unix sockets and the like are local


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = _host_of(address)
    if host is not None and host not in _LOOPBACK and not host.startswith("127."):
        raise OSError(f"test tried to reach {host}: only 127.0.0.1 is allowed in tests")
    _real_connect(self, address)  # type: ignore[arg-type]


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
    if isinstance(host, bytes):
        host = host.decode()
    if host is not None and str(host) not in _LOOPBACK and not str(host).startswith("127."):
        raise socket.gaierror(f"test tried to resolve {host}: only 127.0.0.1 is allowed in tests")
    return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite fixtures/golden/ from the current output formats (or CLAIMCHECK_UPDATE_GOLDEN=1)",
    )


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test gets its own cache and never the real arXiv."""
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CLAIMCHECK_ARXIV_API_URL", "http://127.0.0.1:9/api/query")
    monkeypatch.setenv("CLAIMCHECK_ARXIV_PDF_URL", "http://127.0.0.1:9/pdf/{id}")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or a skip with the reason when this machine lacks it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not present at {SHARED_DATA} (see ../shared/data/SOURCES.md)")
    return SHARED_DATA


@pytest.fixture
def arxiv_pdfs(shared_data: Path) -> Path:
    path = shared_data / "arxiv_pdfs"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path
