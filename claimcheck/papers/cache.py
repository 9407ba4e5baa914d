"""The on-disk paper cache: one directory per arXiv id and version.

::

    <root>/papers/<id>/v<N>/manifest.json   size and sha256 of every file below, written last
                           meta.json       arXiv's record (claimcheck.models.Paper)
                           paper.pdf
                           passages.json   passages (and the text version that cut them)
                           artifacts/<name> what later steps store with the paper (embeddings)
    <root>/local/<sha256>.json             passages of --papers-dir PDFs, keyed by content
    <root>/locks/                          one lock file per entry

Every file is written to a temporary name and renamed into place, and its size and hash go into
the manifest afterwards: a run killed mid-write leaves either no entry or one whose manifest does
not vouch for the missing file, so a later run fetches again. Reads verify size and hash and
treat a mismatch as absent. A file lock per entry lets two claimcheck processes share the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from claimcheck.errors import ClaimcheckError
from claimcheck.models import ArxivId, Paper, Passage, PassageKind

# Bump when papers/text.py cuts passages differently, so cached passages are cut again.
TEXT_VERSION = 18
_MANIFEST = "manifest.json"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_LOCK_TIMEOUT_S = 600.0


class CacheError(ClaimcheckError):
    """The cache directory cannot be used (permissions, a lock held too long)."""

    exit_code = 3


@dataclass(frozen=True)
class CacheEntry:
    """One cached paper version, as ``claimcheck cache list`` shows it."""

    arxiv_id: ArxivId
    title: str
    files: tuple[str, ...]
    size: int
    complete: bool


def paper_to_json(paper: Paper) -> dict[str, Any]:
    data = asdict(paper)
    data["arxiv_id"] = str(paper.arxiv_id)
    return data


def paper_from_json(data: dict[str, Any]) -> Paper:
    return Paper(
        arxiv_id=ArxivId.parse(str(data["arxiv_id"])),
        title=str(data.get("title") or ""),
        authors=tuple(str(a) for a in data.get("authors") or ()),
        published=data.get("published"),
        updated=data.get("updated"),
        abstract=str(data.get("abstract") or ""),
        categories=tuple(str(c) for c in data.get("categories") or ()),
        versions=tuple(int(v) for v in data.get("versions") or ()),
        latest_version=data.get("latest_version"),
    )


def passages_to_json(passages: Sequence[Passage]) -> bytes:
    rows = [[p.page, p.start, p.end, p.kind.value, p.caption, p.text, p.header, p.group]
            for p in passages]
    return json.dumps(
        {"text_version": TEXT_VERSION, "passages": rows}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def passages_from_json(paper_id: ArxivId, data: bytes) -> list[Passage] | None:
    """Passages from ``passages_to_json`` output, or None when stale or malformed."""
    try:
        obj = json.loads(data)
        if obj.get("text_version") != TEXT_VERSION:
            return None
        return [
            Passage(paper_id, int(page), int(start), int(end), str(text), PassageKind(kind),
                    caption, header, group)
            for page, start, end, kind, caption, text, header, group in obj["passages"]
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class PaperCache:
    """The cache under ``root``; see the module docstring for the layout."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # One FileLock object per lock file: FileLock is re-entrant per object, so a caller
        # holding an entry's lock can call methods that take it again.
        self._locks: dict[str, FileLock] = {}

    # ------------------------------------------------------------------ layout and locks

    def entry_dir(self, arxiv_id: ArxivId) -> Path:
        if arxiv_id.version is None:
            raise ValueError(f"cache entries are per version; {arxiv_id} has none")
        return self.root / "papers" / arxiv_id.base.replace("/", "_") / f"v{arxiv_id.version}"

    @contextlib.contextmanager
    def lock(self, arxiv_id: ArxivId) -> Iterator[None]:
        """Hold the entry's lock: one process at a time fetches or writes a given version."""
        name = f"{arxiv_id.base.replace('/', '_')}v{arxiv_id.version}.lock"
        with self._lock(name):
            yield

    @contextlib.contextmanager
    def _lock(self, name: str) -> Iterator[None]:
        locks = self.root / "locks"
        try:
            locks.mkdir(parents=True, exist_ok=True)
            lock = self._locks.get(name)
            if lock is None:
                lock = self._locks[name] = FileLock(str(locks / name), timeout=_LOCK_TIMEOUT_S)
            with lock:
                yield
        except Timeout as exc:
            raise CacheError(
                f"{locks / name}: another claimcheck process has held this lock for "
                f"{_LOCK_TIMEOUT_S:.0f} s"
            ) from exc
        except PermissionError as exc:
            raise CacheError(f"{self.root}: cache directory is not writable: {exc}") from exc

    # ------------------------------------------------------------------ files

    def _manifest(self, entry: Path) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads((entry / _MANIFEST).read_bytes())
            files = data["files"]
            if not isinstance(files, dict):
                return {}
            return files
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def _read_verified(self, entry: Path, name: str, *, hash_check: bool = True) -> bytes | None:
        record = self._manifest(entry).get(name)
        if record is None:
            return None
        try:
            data = (entry / name).read_bytes()
        except OSError:
            return None
        if len(data) != record.get("size") or (
            hash_check and _sha256(data) != record.get("sha256")
        ):
            return None
        return data

    def _write_files(self, entry: Path, files: dict[str, bytes]) -> None:
        """Write files, then record them in the manifest (the caller holds the lock)."""
        try:
            for name, data in files.items():
                atomic_write(entry / name, data)
            manifest = self._manifest(entry)
            for name, data in files.items():
                manifest[name] = {"size": len(data), "sha256": _sha256(data)}
            atomic_write(
                entry / _MANIFEST, json.dumps({"files": manifest}, indent=1).encode("utf-8")
            )
        except OSError as exc:
            raise CacheError(f"{entry}: cannot write to the cache: {exc.strerror or exc}") from exc

    def read_file(self, arxiv_id: ArxivId, name: str) -> bytes | None:
        """A cached file of this version, or None when absent, partial or corrupt."""
        with self.lock(arxiv_id):
            return self._read_verified(self.entry_dir(arxiv_id), name)

    def write_file(self, arxiv_id: ArxivId, name: str, data: bytes) -> None:
        with self.lock(arxiv_id):
            self._write_files(self.entry_dir(arxiv_id), {name: data})

    def read_artifact(self, arxiv_id: ArxivId, name: str) -> bytes | None:
        """An artifact stored with this paper version (e.g. passage embeddings), verified."""
        return self.read_file(arxiv_id, f"artifacts/{_check_name(name)}")

    def write_artifact(self, arxiv_id: ArxivId, name: str, data: bytes) -> None:
        """Store ``data`` with this paper version: atomic, locked, size- and hash-recorded."""
        self.write_file(arxiv_id, f"artifacts/{_check_name(name)}", data)

    # ------------------------------------------------------------------ papers

    def store_paper(
        self, paper: Paper, pdf: bytes | None, passages: Sequence[Passage] | None
    ) -> None:
        """Store a paper's record, PDF and passages (any of the last two may be None)."""
        files = {"meta.json": json.dumps(paper_to_json(paper), indent=1).encode("utf-8")}
        if pdf is not None:
            files["paper.pdf"] = pdf
        if passages is not None:
            files["passages.json"] = passages_to_json(passages)
        with self.lock(paper.arxiv_id):
            self._write_files(self.entry_dir(paper.arxiv_id), files)

    def load_meta(self, arxiv_id: ArxivId) -> Paper | None:
        data = self.read_file(arxiv_id, "meta.json")
        if data is None:
            return None
        try:
            return paper_from_json(json.loads(data))
        except (ValueError, KeyError, TypeError):
            return None

    def load_pdf(self, arxiv_id: ArxivId) -> bytes | None:
        return self.read_file(arxiv_id, "paper.pdf")

    def load_paper(self, arxiv_id: ArxivId) -> tuple[Paper, list[Passage]] | None:
        """The record and passages of a complete entry, or None (absent, partial, corrupt, stale).

        The PDF's size is checked but not its hash: re-opening a cached paper stays fast, and
        the PDF is hashed whenever it is read.
        """
        entry = self.entry_dir(arxiv_id)
        with self.lock(arxiv_id):
            manifest = self._manifest(entry)
            pdf_record = manifest.get("paper.pdf")
            if pdf_record is None:
                return None
            try:
                if (entry / "paper.pdf").stat().st_size != pdf_record.get("size"):
                    return None
            except OSError:
                return None
            meta = self._read_verified(entry, "meta.json")
            passages_raw = self._read_verified(entry, "passages.json")
        if meta is None or passages_raw is None:
            return None
        try:
            paper = paper_from_json(json.loads(meta))
        except (ValueError, KeyError, TypeError):
            return None
        passages = passages_from_json(paper.arxiv_id, passages_raw)
        if passages is None:
            return None
        return paper, passages

    def cached_versions(self, base: str) -> list[int]:
        """Versions of ``base`` with a PDF in the cache (not verified), lowest first."""
        folder = self.root / "papers" / base.replace("/", "_")
        found: list[int] = []
        if folder.is_dir():
            for sub in folder.iterdir():
                if re.fullmatch(r"v\d+", sub.name) and "paper.pdf" in self._manifest(sub):
                    found.append(int(sub.name[1:]))
        return sorted(found)

    # ------------------------------------------------------------------ local PDFs

    def load_local(self, digest: str) -> bytes | None:
        path = self.root / "local" / f"{digest}.json"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        # The file name is the PDF's hash; the content carries its own hash to detect damage.
        try:
            obj = json.loads(data)
            body = str(obj["body"]).encode("utf-8")
            if _sha256(body) != obj["sha256"]:
                return None
            return body
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def store_local(self, digest: str, body: bytes) -> None:
        path = self.root / "local" / f"{digest}.json"
        payload = json.dumps(
            {"sha256": _sha256(body), "body": body.decode("utf-8")}, ensure_ascii=False
        ).encode("utf-8")
        try:
            atomic_write(path, payload)
        except OSError as exc:
            raise CacheError(f"{path}: cannot write to the cache: {exc.strerror or exc}") from exc

    # ------------------------------------------------------------------ listing and clearing

    def entries(self) -> list[CacheEntry]:
        out: list[CacheEntry] = []
        papers = self.root / "papers"
        if not papers.is_dir():
            return out
        for base_dir in sorted(papers.iterdir()):
            for vdir in sorted(base_dir.iterdir()):
                m = re.fullmatch(r"v(\d+)", vdir.name)
                if not m:
                    continue
                base = base_dir.name
                if "_" in base:
                    base = base.replace("_", "/", 1)
                try:
                    arxiv_id = ArxivId.parse(f"{base}v{m.group(1)}")
                except ValueError:
                    continue
                manifest = self._manifest(vdir)
                size = 0
                for name in manifest:
                    with contextlib.suppress(OSError):
                        size += (vdir / name).stat().st_size
                meta = self._read_verified(vdir, "meta.json")
                title = ""
                if meta is not None:
                    with contextlib.suppress(ValueError, KeyError, TypeError):
                        title = paper_from_json(json.loads(meta)).title
                complete = all(n in manifest for n in ("meta.json", "paper.pdf", "passages.json"))
                out.append(CacheEntry(arxiv_id, title, tuple(sorted(manifest)), size, complete))
        return out

    def clear(self) -> int:
        """Remove every cached paper and local extraction; returns how many papers were removed."""
        n = len(self.entries())
        for sub in ("papers", "local"):
            path = self.root / sub
            try:
                shutil.rmtree(path)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise CacheError(f"{path}: cannot clear: {exc.strerror or exc}") from exc
        return n


def _check_name(name: str) -> str:
    if not _SAFE_NAME.match(name):
        raise ValueError(f"artifact name {name!r} must be letters, digits, '.', '_' or '-'")
    return name
