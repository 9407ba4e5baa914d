"""Rerun fixtures: a FakeEncoder whose similarities can be worked out by hand, data folders in
LASER/XTREME layout, and a local HTTP server standing in for LASER's raw GitHub files."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest


class FakeEncoder:
    """Maps each known keyword to a one-hot axis; a sentence is the sum of its keywords' axes.

    "cat" -> e_cat; "bird cat" -> e_bird + e_cat (cosine 0.7071 to either); a sentence with no
    keyword is the zero vector (cosine 0 to everything).
    """

    layer: int | None = None
    pooling: str | None = None
    device: str = "cpu"

    def __init__(self, vocab: Sequence[str], name: str = "fake") -> None:
        self.vocab = {w: i for i, w in enumerate(vocab)}
        self.name = name
        self.calls = 0
        self.encoded = 0

    @property
    def identity(self) -> str:
        return f"{self.name}:{','.join(self.vocab)}"

    def encode(
        self,
        sentences: Sequence[str],
        *,
        batch_size: int,
        on_progress: Callable[[int], None] | None = None,
    ) -> npt.NDArray[np.float32]:
        self.calls += 1
        out = np.zeros((len(sentences), len(self.vocab)), np.float32)
        for i, s in enumerate(sentences):
            for w in re.findall(r"\w+", s.lower()):
                if w in self.vocab:
                    out[i, self.vocab[w]] += 1.0
        self.encoded += len(sentences)
        if on_progress is not None:
            on_progress(len(sentences))
        return out


@pytest.fixture
def fake_encoder() -> Callable[..., FakeEncoder]:
    return FakeEncoder


def write_tatoeba(folder: Path, lang: str, src: Sequence[str], eng: Sequence[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"tatoeba.{lang}-eng.{lang}").write_text("".join(f"{s}\n" for s in src), "utf-8")
    (folder / f"tatoeba.{lang}-eng.eng").write_text("".join(f"{s}\n" for s in eng), "utf-8")
    return folder


def write_bucc(
    folder: Path,
    lang: str,
    src: Sequence[tuple[str, str]],
    trg: Sequence[tuple[str, str]],
    gold: Sequence[tuple[str, str]] | None,
    split: str = "dev",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / f"{lang}-en.{split}"
    Path(f"{base}.{lang}").write_text("".join(f"{i}\t{t}\n" for i, t in src), "utf-8")
    Path(f"{base}.en").write_text("".join(f"{i}\t{t}\n" for i, t in trg), "utf-8")
    if gold is not None:
        Path(f"{base}.gold").write_text("".join(f"{a}\t{b}\n" for a, b in gold), "utf-8")
    return folder


@dataclass
class FileServer:
    """Serves ``files`` (path -> (status, body)) on 127.0.0.1; records the paths requested."""

    url: str
    files: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def file_server() -> Iterator[FileServer]:
    state = FileServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            status, body = state.files.get(self.path, (404, b"404: Not Found"))
            self.send_response(status)
            ctype = "text/html" if body.lstrip().lower().startswith(b"<") else "text/plain"
            self.send_header("Content-Type", f"{ctype}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/laser/data/tatoeba/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def make_tatoeba() -> Callable[..., Path]:
    return write_tatoeba


@pytest.fixture
def make_bucc() -> Callable[..., Path]:
    return write_bucc
