"""Getting the cited papers: arXiv metadata, the exact cited version's PDF, passages, the cache.

``PaperFetcher`` tries, in order, ``--papers-dir``, the cache, then arXiv (never with
``--offline``). A per-paper failure comes back as ``FetchedPaper(status=UNAVAILABLE, reason=...)``;
only a reference that names nothing fetchable raises (``UsageError``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from claimcheck.config import Settings
from claimcheck.errors import (
    ClaimcheckError,
    OfflineError,
    PaperFetchError,
    PaperNotFound,
    UsageError,
)
from claimcheck.models import (
    ArxivId,
    FetchedPaper,
    Paper,
    PaperOrigin,
    Passage,
    PassageKind,
    Reference,
    ReferenceStatus,
)
from claimcheck.papers import local
from claimcheck.papers.cache import (
    TEXT_VERSION,
    PaperCache,
    passages_from_json,
    passages_to_json,
)
from claimcheck.papers.download import PdfDownloader, RateLimiter
from claimcheck.papers.text import (
    arxiv_stamp,
    extract_pages,
    guess_title,
    passages_from_pages,
    raw_first_page,
)

__all__ = [
    "TITLE_MATCH_THRESHOLD",
    "PaperFetcher",
    "check_citation",
    "parse_arxiv_id",
    "title_score",
]

# rapidfuzz score (0-100) a search result's title needs to stand for a paper named by title.
TITLE_MATCH_THRESHOLD = 90.0
# Below this, a title the report gives for an id is not the title of the paper at that id.
CITED_TITLE_THRESHOLD = 70.0

Progress = Callable[[str, str], None]


def parse_arxiv_id(text: str) -> ArxivId:
    """An ``ArxivId`` from user input (``2003.11080v5``, ``arXiv:2003.11080``, an abs/pdf URL on
    arxiv.org), or ``UsageError`` naming the bad id."""
    s = text.strip()
    s = re.sub(r"^(?:arxiv:)", "", s, flags=re.IGNORECASE)
    m = re.match(r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(.+?)(?:\.pdf)?/?$", s)
    if m:
        s = m.group(1)
    try:
        return ArxivId.parse(s)
    except ValueError as exc:
        raise UsageError(
            f"not an arXiv id: {text!r}",
            hint="ids look like 2003.11080, 2003.11080v5 or hep-th/9901001",
        ) from exc


def _norm_title(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))


def title_score(a: str, b: str) -> float:
    """How alike two titles are, 0-100 (rapidfuzz; case, punctuation and word order ignored).

    >>> round(title_score("FEnglish Intermediate-Task Training Improves Zero-Shot Cross-Lingual"
    ...     " Transfer Too", "English Intermediate-Task Training Improves Zero-Shot Cross-Lingual"
    ...     " Transfer Too"))
    99
    """
    from rapidfuzz import fuzz

    na, nb = _norm_title(a), _norm_title(b)
    if not na or not nb:
        return 0.0
    return float(max(fuzz.ratio(na, nb), fuzz.token_sort_ratio(na, nb)))


def check_citation(ref: Reference, paper: Paper, passages: Sequence[Passage] = ()) -> str | None:
    """Why ``paper`` is not the paper ``ref`` names (title or authors disagree), or None.

    With arXiv's record the title is compared with the cited title; with a title only guessed
    from a local PDF, the cited title is looked for in page 1's text instead.
    """
    from rapidfuzz import fuzz

    problems: list[str] = []
    if ref.title:
        score = title_score(ref.title, paper.title) if paper.title else 0.0
        if score < CITED_TITLE_THRESHOLD:
            page1 = " ".join(p.text for p in passages if p.page == 1 and p.kind is not
                             PassageKind.SENTENCE)
            in_page1 = fuzz.partial_ratio(_norm_title(ref.title), _norm_title(page1)) if page1 else 0
            if in_page1 < CITED_TITLE_THRESHOLD:
                problems.append(
                    f"cited as {ref.title!r} but {paper.arxiv_id} is {paper.title!r} "
                    f"(title similarity {score:.0f}/100)"
                )
    if ref.authors and paper.authors:
        surnames = {a.split()[-1].lower() for a in paper.authors if a.split()}
        cited = {a.split()[-1].lower().strip(".,") for a in ref.authors if a.split()}
        if cited and not cited & surnames:
            problems.append(
                f"cited authors {', '.join(ref.authors)} are not among {paper.arxiv_id}'s "
                f"({', '.join(paper.authors[:4])}{', ...' if len(paper.authors) > 4 else ''})"
            )
    return "; ".join(problems) or None


class PaperFetcher:
    """Fetches references: ``--papers-dir``, then the cache, then arXiv.

    Reuse one fetcher for a batch: each distinct paper is fetched once. ``on_progress`` is
    called with ``(paper, stage)``; stages are ``papers_dir``, ``cache``, ``metadata``,
    ``search``, ``download``, ``extract``, ``done`` and ``failed``.
    """

    def __init__(self, settings: Settings, *, on_progress: Progress | None = None) -> None:
        self.settings = settings
        self.cache = PaperCache(settings.cache_dir)
        self.limiter = RateLimiter(settings.api_delay_s)
        self._progress = on_progress or (lambda _paper, _stage: None)
        self._api: object | None = None
        self._downloader: PdfDownloader | None = None
        self._memo: dict[str, FetchedPaper] = {}
        self._titles: dict[str, tuple[ArxivId | None, float | None, str | None]] = {}

    # ------------------------------------------------------------------ public API

    def fetch_many(self, refs: Sequence[Reference]) -> list[FetchedPaper]:
        """Fetch every reference (each distinct paper once). A reference naming neither an
        id nor a title raises ``UsageError`` before anything is fetched."""
        for ref in refs:
            if ref.arxiv_id is None and not (ref.title and ref.title.strip()):
                where = f" (line {ref.line})" if ref.line else ""
                raise UsageError(f"reference{where} names neither an arXiv id nor a title")
        return [self.fetch(ref) for ref in refs]

    def fetch(self, ref: Reference) -> FetchedPaper:
        """Fetch one reference; a failure comes back as ``status=UNAVAILABLE`` with the reason."""
        name = str(ref.arxiv_id) if ref.arxiv_id else repr(ref.title or "")
        try:
            result = self._fetch(ref)
        except ClaimcheckError as exc:
            self._progress(name, "failed")
            return FetchedPaper(ref, ReferenceStatus.UNAVAILABLE, reason=_reason(exc))
        self._progress(name, "done")
        return result

    def close(self) -> None:
        if self._downloader is not None:
            self._downloader.close()

    # ------------------------------------------------------------------ internals

    def _fetch(self, ref: Reference) -> FetchedPaper:
        arxiv_id = ref.arxiv_id
        by_title = False
        score: float | None = None
        if arxiv_id is None:
            if not ref.title:
                raise UsageError("reference names neither an arXiv id nor a title")
            arxiv_id, score = self._resolve_title(ref.title)
            by_title = True
        key = str(arxiv_id)
        core = self._memo.get(key)
        if core is None:
            core = self._get(arxiv_id)
            if self.settings.all_versions and core.paper is not None:
                core = replace(core, extra_versions=tuple(self._other_versions(core)))
            self._memo[key] = core
            if core.paper is not None:
                self._memo.setdefault(str(core.paper.arxiv_id), core)
        return replace(core, reference=ref, resolved_by_title=by_title, title_match_score=score)

    def _resolve_title(self, title: str) -> tuple[ArxivId, float]:
        """The id of the paper titled ``title``: from the cache when it knows it, else arXiv."""
        key = _norm_title(title)
        if key in self._titles:
            found, score, why = self._titles[key]
            if found is None or score is None:
                raise PaperNotFound(why or f"no paper titled {title!r}")
            return found, score
        best: tuple[float, Paper] | None = None
        for entry in self.cache.entries():
            if entry.title:
                s = title_score(title, entry.title)
                if s >= TITLE_MATCH_THRESHOLD and (best is None or s > best[0]):
                    meta = self.cache.load_meta(entry.arxiv_id)
                    if meta is not None:
                        best = (s, meta)
        if best is None:
            if self.settings.offline:
                why = (f"named only by title ({title!r}); resolving a title needs the arXiv API, "
                       "and --offline is set")
                self._titles[key] = (None, None, why)
                raise OfflineError(why)
            self._progress(repr(title), "search")
            for cand in self._arxiv_api().search_title(title):
                s = title_score(title, cand.title)
                if best is None or s > best[0]:
                    best = (s, cand)
            if best is None or best[0] < TITLE_MATCH_THRESHOLD:
                near = f"; closest is {best[1].arxiv_id} {best[1].title!r} ({best[0]:.0f}/100)" \
                    if best else ""
                why = f"no arXiv paper titled {title!r} (needs a title score of " \
                      f"{TITLE_MATCH_THRESHOLD:.0f}){near}"
                self._titles[key] = (None, None, why)
                raise PaperNotFound(why)
            # A title names no version: take the latest arXiv has (the search's answer).
        self._titles[key] = (best[1].arxiv_id, best[0], None)
        return best[1].arxiv_id, best[0]

    def _arxiv_api(self) -> ArxivApiLike:
        if self._api is None:
            from claimcheck.papers.arxiv_api import ArxivApi

            self._api = ArxivApi(self.settings, self.limiter)
        return self._api  # type: ignore[return-value]

    def _download(self) -> PdfDownloader:
        if self._downloader is None:
            self._downloader = PdfDownloader(self.settings, self.limiter)
        return self._downloader

    def _get(self, arxiv_id: ArxivId) -> FetchedPaper:
        """One version of a paper, from the first source that has it."""
        ref = Reference(arxiv_id)
        name = str(arxiv_id)
        if self.settings.papers_dir is not None:
            found = self._from_papers_dir(arxiv_id)
            if found is not None:
                self._progress(name, "papers_dir")
                paper, passages = found
                return FetchedPaper(ref, ReferenceStatus.AVAILABLE, paper, tuple(passages),
                                    PaperOrigin.PAPERS_DIR)
        cached = self._from_cache(arxiv_id)
        if cached is not None:
            self._progress(name, "cache")
            paper, passages = cached
            return FetchedPaper(ref, ReferenceStatus.AVAILABLE, paper, tuple(passages),
                                PaperOrigin.CACHE)
        if self.settings.offline:
            where = "the cache"
            if self.settings.papers_dir is not None:
                where = f"{self.settings.papers_dir} or the cache"
            raise OfflineError(f"not in {where}, and --offline is set", arxiv_id=name)
        self._progress(name, "metadata")
        paper = self._arxiv_api().lookup(arxiv_id)
        # The entry's lock is held through download and store, so a second process that wants
        # the same version waits and then reads the cache instead of downloading it again.
        with self.cache.lock(paper.arxiv_id):
            again = self.cache.load_paper(paper.arxiv_id)
            if again is not None:
                return FetchedPaper(ref, ReferenceStatus.AVAILABLE, again[0], tuple(again[1]),
                                    PaperOrigin.CACHE)
            self._progress(str(paper.arxiv_id), "download")
            pdf = self._download().fetch(paper.arxiv_id)
            self._progress(str(paper.arxiv_id), "extract")
            pages = extract_pages(pdf, max_pages=self.settings.max_pdf_pages)
            passages = passages_from_pages(paper.arxiv_id, pages)
            self.cache.store_paper(paper, pdf, passages)
        return FetchedPaper(ref, ReferenceStatus.AVAILABLE, paper, tuple(passages),
                            PaperOrigin.ARXIV)

    def _from_cache(self, arxiv_id: ArxivId) -> tuple[Paper, list[Passage]] | None:
        if arxiv_id.version is not None:
            versioned = arxiv_id
        else:
            versions = self.cache.cached_versions(arxiv_id.base)
            if not versions:
                return None
            versioned = arxiv_id.with_version(versions[-1])
            meta = self.cache.load_meta(versioned)
            # Online, an unversioned citation means "the latest": trust a cached version only
            # when it was the latest when it was fetched.
            if meta is None or (not self.settings.offline and meta.latest_version is not None
                                and meta.latest_version != versioned.version):
                return None
        loaded = self.cache.load_paper(versioned)
        if loaded is not None:
            return loaded
        # Record and PDF intact but passages stale or missing: cut them again from the PDF.
        meta = self.cache.load_meta(versioned)
        pdf = self.cache.load_pdf(versioned) if meta is not None else None
        if meta is None or pdf is None:
            return None
        pages = extract_pages(pdf, max_pages=self.settings.max_pdf_pages)
        passages = passages_from_pages(versioned, pages)
        self.cache.store_paper(meta, None, passages)
        return meta, passages

    def _from_papers_dir(self, arxiv_id: ArxivId) -> tuple[Paper, list[Passage]] | None:
        assert self.settings.papers_dir is not None
        for cand in local.candidates(self.settings.papers_dir, arxiv_id):
            data = _read(cand.path)
            if data is None:
                continue
            title, passages, stamp = self._local_text(cand.path, data, arxiv_id.base,
                                                       cand.version)
            version = cand.version
            if version is None:
                # "<id>.pdf": its version is whatever arXiv's stamp on page 1 says.
                version = stamp.version if stamp is not None and stamp.base == arxiv_id.base \
                    else None
                if arxiv_id.version is not None and version != arxiv_id.version:
                    continue
            versioned = arxiv_id.with_version(version)
            meta = self.cache.load_meta(versioned) if version is not None else None
            if meta is None:
                meta = Paper(
                    arxiv_id=versioned,
                    title=title,
                    versions=(),
                    latest_version=None,
                )
            if passages and passages[0].paper_id != versioned:
                passages = [replace(p, paper_id=versioned) for p in passages]
            return meta, passages
        return None

    def _local_text(
        self, path: Path, data: bytes, base: str, version: int | None
    ) -> tuple[str, list[Passage], ArxivId | None]:
        """Guessed title, passages and arXiv stamp of a local PDF, cached by the PDF's hash."""
        digest = hashlib.sha256(data).hexdigest()
        paper_id = ArxivId(base, version)
        cached = self.cache.load_local(digest)
        if cached is not None:
            try:
                obj = json.loads(cached)
                if obj.get("text_version") == TEXT_VERSION:
                    passages = passages_from_json(paper_id, json.dumps(obj["passages"]).encode())
                    if passages is not None:
                        stamp = ArxivId.parse(obj["stamp"]) if obj.get("stamp") else None
                        return str(obj.get("title") or ""), passages, stamp
            except (ValueError, KeyError, TypeError):
                pass
        self._progress(str(paper_id), "extract")
        pages = extract_pages(data, max_pages=self.settings.max_pdf_pages)
        passages = passages_from_pages(paper_id, pages)
        stamp = arxiv_stamp(pages[0]) if pages else None
        title = guess_title(raw_first_page(data)) or ""
        body = {
            "text_version": TEXT_VERSION,
            "stamp": str(stamp) if stamp else None,
            "title": title,
            "passages": json.loads(passages_to_json(passages)),
        }
        self.cache.store_local(digest, json.dumps(body, ensure_ascii=False).encode("utf-8"))
        return title, passages, stamp

    def _other_versions(self, core: FetchedPaper) -> list[FetchedPaper]:
        assert core.paper is not None
        own = core.paper.arxiv_id
        versions = set(core.paper.versions)
        if self.settings.papers_dir is not None:
            versions |= {p.version for p in local.all_versions(self.settings.papers_dir, own.base)
                         if p.version is not None}
        versions |= set(self.cache.cached_versions(own.base))
        out: list[FetchedPaper] = []
        for v in sorted(versions - {own.version}):
            vid = own.with_version(v)
            try:
                out.append(self._get(vid))
            except ClaimcheckError as exc:
                out.append(FetchedPaper(Reference(vid), ReferenceStatus.UNAVAILABLE,
                                        reason=_reason(exc)))
        return out


class ArxivApiLike:
    """The part of ``arxiv_api.ArxivApi`` the fetcher uses (kept apart so that importing
    ``claimcheck.papers`` does not import the ``arxiv`` package)."""

    def lookup(self, arxiv_id: ArxivId) -> Paper:  # pragma: no cover - protocol
        raise NotImplementedError

    def search_title(self, title: str, *, max_results: int = 20) -> list[Paper]:  # pragma: no cover
        raise NotImplementedError


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _reason(exc: ClaimcheckError) -> str:
    reason = exc.reason if isinstance(exc, PaperFetchError) else str(exc)
    if exc.hint:
        reason += f" ({exc.hint})"
    return reason
