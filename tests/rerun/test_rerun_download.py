"""The Tatoeba downloader against a real HTTP server on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import DataError, NetworkError
from claimcheck.rerun import download_tatoeba

DEU = "Ich habe eine Katze.\nDer Hund schläft.\n".encode()
ENG = b"I have a cat.\nThe dog is sleeping.\n"
PREFIX = "/laser/data/tatoeba/v1"


def _serve(server: Any, lang: str, src: bytes, eng: bytes, status: int = 200) -> None:
    server.files[f"{PREFIX}/tatoeba.{lang}-eng.{lang}"] = (status, src)
    server.files[f"{PREFIX}/tatoeba.{lang}-eng.eng"] = (status, eng)


@pytest.mark.network
def test_downloads_both_sides_atomically(tmp_path: Path, file_server: Any) -> None:
    _serve(file_server, "deu", DEU, ENG)
    dest = tmp_path / "tatoeba"
    got = download_tatoeba(["deu"], dest, base_url=file_server.url)
    assert [p.name for p in got] == ["tatoeba.deu-eng.deu", "tatoeba.deu-eng.eng"]
    assert (dest / "tatoeba.deu-eng.deu").read_bytes() == DEU
    assert sorted(p.name for p in dest.iterdir()) == ["tatoeba.deu-eng.deu", "tatoeba.deu-eng.eng"]
    # Present files are not fetched again.
    file_server.requests.clear()
    assert download_tatoeba(["deu"], dest, base_url=file_server.url) == []
    assert file_server.requests == []


@pytest.mark.network
def test_unknown_language_is_a_data_error(tmp_path: Path, file_server: Any) -> None:
    with pytest.raises(DataError, match=r"tatoeba\.xyz-eng\.xyz: no Tatoeba file for 'xyz' "
                                        r"\(HTTP 404\)"):
        download_tatoeba(["xyz"], tmp_path / "t", base_url=file_server.url)
    assert not list((tmp_path / "t").iterdir())


@pytest.mark.network
def test_server_error_and_html_page_are_network_errors(tmp_path: Path, file_server: Any) -> None:
    _serve(file_server, "deu", b"oops", b"oops", status=503)
    with pytest.raises(NetworkError, match="HTTP 503"):
        download_tatoeba(["deu"], tmp_path / "t", base_url=file_server.url)
    _serve(file_server, "fra", b"<!DOCTYPE html><html>rate limited</html>", ENG)
    with pytest.raises(NetworkError, match="HTML page instead of a Tatoeba file"):
        download_tatoeba(["fra"], tmp_path / "t", base_url=file_server.url)
    assert not list((tmp_path / "t").iterdir())


@pytest.mark.network
def test_misaligned_download_is_rejected(tmp_path: Path, file_server: Any) -> None:
    _serve(file_server, "deu", DEU, b"only one line\n")
    with pytest.raises(DataError, match="has 2 lines but tatoeba.deu-eng.eng has 1"):
        download_tatoeba(["deu"], tmp_path / "t", base_url=file_server.url)


@pytest.mark.network
def test_refused_connection_is_a_network_error(tmp_path: Path) -> None:
    with pytest.raises(NetworkError, match="ConnectError"):
        download_tatoeba(["deu"], tmp_path / "t", base_url="http://127.0.0.1:9/x", timeout_s=2)


@pytest.mark.network
def test_cli_downloads_into_the_cache_then_reruns(
    tmp_path: Path, file_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _serve(file_server, "deu", DEU, ENG)
    monkeypatch.setenv("CLAIMCHECK_TATOEBA_URL", file_server.url)
    cache = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(cache))
    res = CliRunner().invoke(app, ["rerun", "tatoeba", "--langs", "de", "--format", "json"])
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["languages"]["deu"]["n"] == 2
    assert out["languages"]["deu"]["accuracy"] == 100.0
    assert (cache / "tatoeba" / "tatoeba.deu-eng.deu").read_bytes() == DEU
    assert "downloading Tatoeba (1 pairs)" in res.stderr
    assert len(list((cache / "embeddings").glob("*.npy"))) == 2
