"""arXiv metadata through the ``arxiv`` package: the only module that imports it.

The package's ``Client`` runs its own request and feed-parsing code, pointed at
``settings.arxiv_api_url`` (its ``query_url_format``). Its HTTP goes through
``_PoliteSession``, a ``requests.Session`` that adds what the package lacks: timeouts, our
User-Agent, the shared rate limit, retries with backoff that honour ``Retry-After``, redirects
only to allowed hosts, a size cap, and an Atom check. Its errors come out as claimcheck's.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import replace
from typing import Any
from urllib.parse import urljoin

import arxiv
import requests

from claimcheck.config import Settings
from claimcheck.errors import NetworkError, PaperNotFound
from claimcheck.models import ArxivId, Paper
from claimcheck.papers.download import (
    MAX_REDIRECTS,
    RETRYABLE_STATUS,
    RateLimiter,
    allowed_hosts,
    check_url,
    wait_to_retry,
)

_MAX_FEED_BYTES = 20 * 1024 * 1024
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "of",
        "on",
        "or",
        "the",
        "to",
        "too",
        "via",
        "with",
        "without",
    ]
)


class _PoliteSession(requests.Session):
    """A requests session with timeouts, rate limit, retries and a redirect policy."""

    def __init__(self, settings: Settings, limiter: RateLimiter) -> None:
        super().__init__()
        self.trust_env = False
        self.settings = settings
        self.limiter = limiter
        self.hosts = allowed_hosts(settings)
        self.rng = random.Random()
        self.headers["User-Agent"] = settings.user_agent

    def request(
        self, method: str, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        url = url.decode() if isinstance(url, bytes) else url
        # The arxiv package sends its own User-Agent; arXiv asks for one that names us.
        kwargs["headers"] = {"User-Agent": self.settings.user_agent}
        kwargs["timeout"] = (self.settings.connect_timeout_s, self.settings.read_timeout_s)
        kwargs["allow_redirects"] = False
        kwargs["stream"] = True
        attempts = self.settings.max_retries + 1
        problem = "no attempt made"
        for attempt in range(attempts):
            retry_after: str | None = None
            try:
                resp = self._once(method, url, *args, **kwargs)
                if resp.status_code not in RETRYABLE_STATUS:
                    return resp
                problem = f"arXiv API answered HTTP {resp.status_code}"
                retry_after = resp.headers.get("retry-after")
                if attempt + 1 == attempts:
                    return resp  # the arxiv package turns it into an HTTPError; we wrap that
            except requests.Timeout as exc:
                problem = f"arXiv API timed out ({type(exc).__name__})"
            except requests.RequestException as exc:
                problem = f"arXiv API connection failed: {exc}"
            if attempt + 1 < attempts:
                wait_to_retry(attempt, self.settings.api_delay_s, retry_after, self.rng, problem,
                              server="it")
        raise NetworkError(
            f"{problem} (gave up after {attempts} tries)",
            hint="check the network, or use --papers-dir / --offline",
        )

    def _once(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, self.hosts)
            self.limiter.wait()
            resp = super().request(method, url, *args, **kwargs)
            if resp.is_redirect:
                url = urljoin(url, resp.headers.get("location", ""))
                resp.close()
                continue
            if resp.status_code == 200:
                self._read_limited(resp, url)
            else:
                self._read_limited(resp, url, check_atom=False)
            return resp
        raise NetworkError(f"more than {MAX_REDIRECTS} redirects from the arXiv API")

    def _read_limited(self, resp: requests.Response, url: str, *, check_atom: bool = True) -> None:
        chunks: list[bytes] = []
        total = 0
        deadline = time.monotonic() + self.settings.read_timeout_s * 4
        for chunk in resp.iter_content(64 * 1024):
            chunks.append(chunk)
            total += len(chunk)
            if total > _MAX_FEED_BYTES:
                resp.close()
                raise NetworkError(f"arXiv API answer from {url} is over {_MAX_FEED_BYTES} bytes")
            if time.monotonic() > deadline:
                resp.close()
                raise requests.Timeout(f"arXiv API answer from {url} is too slow")
        body = b"".join(chunks)
        if check_atom and b"<feed" not in body[:2048]:
            raise NetworkError(f"arXiv API at {url} did not answer with an Atom feed")
        # requests keeps a streamed body here once read; the arxiv package reads resp.content.
        resp._content = body


def _client(settings: Settings, limiter: RateLimiter, page_size: int) -> arxiv.Client:
    # Retries live in _PoliteSession (with backoff and Retry-After), not in the package's loop,
    # and so does the rate limit.
    client = arxiv.Client(page_size=page_size, delay_seconds=0.0, num_retries=0)
    client.query_url_format = settings.arxiv_api_url + "?{}"
    client._session = _PoliteSession(settings, limiter)
    return client


def _paper_from_result(result: Any) -> Paper | None:
    """A Paper from an ``arxiv.Result``; its version list is filled in by ``_with_latest``."""
    try:
        arxiv_id = ArxivId.parse(str(result.get_short_id()))
    except ValueError:
        return None  # arXiv's error entries ("api/errors#...") are not papers
    if arxiv_id.version is None:
        return None
    return Paper(
        arxiv_id=arxiv_id,
        title=" ".join(str(result.title).split()),
        authors=tuple(str(a.name) for a in result.authors),
        published=result.published.date().isoformat() if result.published else None,
        updated=result.updated.date().isoformat() if result.updated else None,
        abstract=" ".join(str(result.summary).split()),
        categories=tuple(str(c) for c in result.categories),
    )


class ArxivApi:
    """Metadata lookups and title searches against the arXiv API."""

    def __init__(self, settings: Settings, limiter: RateLimiter) -> None:
        self.settings = settings
        self.limiter = limiter

    def _run(self, search: arxiv.Search, what: str) -> list[Any]:
        client = _client(self.settings, self.limiter, page_size=search.max_results or 10)
        try:
            return list(client.results(search))
        except arxiv.HTTPError as exc:
            if exc.status == 400:
                raise PaperNotFound(f"arXiv rejected the query for {what} (HTTP 400)") from exc
            raise NetworkError(
                f"arXiv API answered HTTP {exc.status} for {what} "
                f"(gave up after {self.settings.max_retries + 1} tries)",
                hint="try again later, or use --papers-dir / --offline",
            ) from exc
        except arxiv.ArxivError as exc:
            raise NetworkError(f"arXiv API failed for {what}: {exc.message}") from exc

    def lookup(self, arxiv_id: ArxivId) -> Paper:
        """arXiv's record of ``arxiv_id``: the cited version, or the latest when none is cited.

        One request asks for both the cited version and the bare id, to learn the latest
        version (and so the version list) in the same call.
        """
        ids = [str(arxiv_id)] if arxiv_id.version is None else [str(arxiv_id), arxiv_id.base]
        search = arxiv.Search(id_list=ids, max_results=len(ids))
        results = self._run(search, str(arxiv_id))
        papers: list[Paper] = []
        for r in results:
            p = _paper_from_result(r)
            if p is not None and p.arxiv_id.base == arxiv_id.base:
                papers.append(p)
        if not papers:
            raise PaperNotFound("arXiv has no such paper", arxiv_id=str(arxiv_id))
        latest = max(p.arxiv_id.version or 0 for p in papers)
        wanted = arxiv_id.version or latest
        for p in papers:
            if p.arxiv_id.version == wanted:
                return _with_latest(p, latest)
        raise PaperNotFound(
            f"arXiv has no version {wanted} (latest is v{latest})", arxiv_id=str(arxiv_id)
        )

    def search_title(self, title: str, *, max_results: int = 20) -> list[Paper]:
        """Candidates for a paper named only by ``title`` (any word of it in the title)."""
        words = [w for w in re.findall(r"[A-Za-z0-9]+", title.lower()) if w not in _STOPWORDS]
        if not words:
            return []
        query = " OR ".join(f"ti:{w}" for w in dict.fromkeys(words))
        search = arxiv.Search(query=query, max_results=max_results)
        out: list[Paper] = []
        for r in self._run(search, f"title {title!r}"):
            p = _paper_from_result(r)
            if p is not None:
                # A search answers with each paper's latest version.
                out.append(_with_latest(p, p.arxiv_id.version or 1))
        return out


def _with_latest(paper: Paper, latest: int) -> Paper:
    latest = max(latest, paper.arxiv_id.version or 0)
    return replace(paper, latest_version=latest, versions=tuple(range(1, latest + 1)))
