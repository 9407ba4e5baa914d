"""Downloading PDFs from arXiv with httpx, politely and defensively.

* One request at a time, at least ``api_delay_s`` apart (``RateLimiter``, shared with the
  metadata client), with a descriptive User-Agent.
* Retries on 429, 5xx, timeouts and broken connections, with exponential backoff and jitter,
  honouring ``Retry-After``; a clear ``NetworkError`` once the retries are spent.
* Redirects are followed only to arXiv's own hosts or the configured base URLs' hosts.
* The body is streamed: refused past ``max_pdf_bytes`` (from Content-Length when given, else
  while reading), checked to start with ``%PDF``, and checked against Content-Length.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Callable, Iterable
from urllib.parse import urljoin, urlsplit

import httpx

from claimcheck.config import Settings
from claimcheck.errors import NetworkError, PaperNotFound
from claimcheck.models import ArxivId

ARXIV_HOSTS = frozenset({"arxiv.org", "export.arxiv.org", "www.arxiv.org", "browse.arxiv.org"})
MAX_REDIRECTS = 5
# A Retry-After longer than this is not waited out: the run reports the paper unavailable.
MAX_RETRY_AFTER_S = 120.0
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


class RateLimiter:
    """At least ``delay_s`` between the starts of two requests, across threads."""

    def __init__(self, delay_s: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay_s = delay_s
        self._clock = clock
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            if self._last is not None:
                remaining = self._last + self.delay_s - self._clock()
                if remaining > 0:
                    time.sleep(remaining)
            self._last = self._clock()


def allowed_hosts(settings: Settings) -> frozenset[str]:
    """arXiv's hosts plus the hosts of the configured API and PDF base URLs."""
    hosts = set(ARXIV_HOSTS)
    for url in (settings.arxiv_api_url, settings.arxiv_pdf_url.replace("{id}", "x")):
        host = urlsplit(url).hostname
        if host:
            hosts.add(host.lower())
    return frozenset(hosts)


def check_url(url: str, hosts: Iterable[str]) -> str:
    """``url`` if it is http(s) on an allowed host; otherwise a ``NetworkError``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or host not in set(hosts):
        raise NetworkError(
            f"refused to fetch {url}: only arXiv's hosts and the configured base URLs are allowed"
        )
    return url


def retry_delay(attempt: int, base_s: float, retry_after: str | None, rng: random.Random) -> float:
    """Seconds to wait before retry number ``attempt`` (0-based).

    ``Retry-After`` (seconds or an HTTP date) wins when the server gives it; otherwise
    exponential backoff ``base_s * 2**attempt`` plus up to ``base_s`` of jitter.
    """
    if retry_after:
        seconds = _parse_retry_after(retry_after)
        if seconds is not None:
            return max(seconds, 0.0)
    return base_s * (2.0**attempt) + rng.uniform(0, base_s)


def wait_to_retry(
    attempt: int, base_s: float, retry_after: str | None, rng: random.Random, problem: str,
    *, arxiv_id: str | None = None, server: str = "the server",
) -> None:
    """Sleep before retry number ``attempt``, or raise ``NetworkError`` when the wait asked for
    is longer than claimcheck waits."""
    delay = retry_delay(attempt, base_s, retry_after, rng)
    if delay > MAX_RETRY_AFTER_S:
        raise NetworkError(
            f"{problem}; {server} asks to wait {delay:.0f} s, longer than claimcheck waits "
            f"({MAX_RETRY_AFTER_S:.0f} s)",
            arxiv_id=arxiv_id,
            hint="try again later",
        )
    time.sleep(delay)


def _parse_retry_after(value: str) -> float | None:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return float(when.timestamp()) - time.time()


class PdfDownloader:
    """Fetches one paper version's PDF from the ``arxiv_pdf_url`` template."""

    def __init__(
        self,
        settings: Settings,
        limiter: RateLimiter,
        *,
        rng: random.Random | None = None,
        chunk_size: int = 64 * 1024,
    ) -> None:
        self.settings = settings
        self.limiter = limiter
        self.hosts = allowed_hosts(settings)
        self._rng = rng or random.Random()
        self._chunk_size = chunk_size
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(
                settings.read_timeout_s, connect=settings.connect_timeout_s
            ),
            headers={"User-Agent": settings.user_agent, "Accept": "application/pdf"},
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def url_for(self, arxiv_id: ArxivId) -> str:
        return self.settings.arxiv_pdf_url.replace("{id}", str(arxiv_id))

    def fetch(self, arxiv_id: ArxivId, *, on_bytes: Callable[[int, int | None], None] | None = None
              ) -> bytes:
        """The PDF of ``arxiv_id`` (versioned), or ``PaperNotFound`` / ``NetworkError``."""
        url = check_url(self.url_for(arxiv_id), self.hosts)
        ident = str(arxiv_id)
        last_problem = "no attempt made"
        attempts = self.settings.max_retries + 1
        for attempt in range(attempts):
            retry_after: str | None = None
            try:
                return self._fetch_once(url, ident, on_bytes)
            except _Retryable as exc:
                last_problem = exc.reason
                retry_after = exc.retry_after
            if attempt + 1 < attempts:
                wait_to_retry(attempt, self.settings.api_delay_s, retry_after, self._rng,
                              last_problem, arxiv_id=ident)
        raise NetworkError(
            f"{last_problem} (gave up after {attempts} tries)", arxiv_id=ident,
            hint="check the network, or use --papers-dir / --offline",
        )

    def _fetch_once(
        self, url: str, ident: str, on_bytes: Callable[[int, int | None], None] | None
    ) -> bytes:
        for _ in range(MAX_REDIRECTS + 1):
            self.limiter.wait()
            try:
                with self._client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location", "")
                        url = check_url(urljoin(url, location), self.hosts)
                        continue
                    return self._read_body(resp, url, ident, on_bytes)
            except NetworkError as exc:
                # check_url's refusal names no paper; say which one it was for.
                if exc.arxiv_id is None:
                    raise NetworkError(exc.reason, arxiv_id=ident) from exc
                raise
            except httpx.TimeoutException as exc:
                raise _Retryable(f"timed out fetching {url} ({type(exc).__name__})") from exc
            except httpx.TransportError as exc:
                raise _Retryable(f"connection failed fetching {url}: {exc}") from exc
        raise NetworkError(f"more than {MAX_REDIRECTS} redirects fetching {url}", arxiv_id=ident)

    def _read_body(
        self,
        resp: httpx.Response,
        url: str,
        ident: str,
        on_bytes: Callable[[int, int | None], None] | None,
    ) -> bytes:
        status = resp.status_code
        if status in RETRYABLE_STATUS:
            raise _Retryable(f"{url} answered HTTP {status}", resp.headers.get("retry-after"))
        if status == 404:
            raise PaperNotFound(f"no PDF at {url} (HTTP 404)", arxiv_id=ident)
        if status != 200:
            raise NetworkError(f"{url} answered HTTP {status}", arxiv_id=ident)
        limit = self.settings.max_pdf_bytes
        expected: int | None = None
        length = resp.headers.get("content-length")
        if length is not None and length.strip().isdigit():
            expected = int(length)
            if expected > limit:
                raise NetworkError(
                    f"PDF at {url} is {expected} bytes, over the limit of {limit}",
                    arxiv_id=ident, hint="raise max_pdf_bytes (CLAIMCHECK_MAX_PDF_BYTES)",
                )
        chunks: list[bytes] = []
        total = 0
        checked = False
        for chunk in resp.iter_bytes(self._chunk_size):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise NetworkError(
                    f"PDF at {url} exceeds the limit of {limit} bytes; stopped reading",
                    arxiv_id=ident, hint="raise max_pdf_bytes (CLAIMCHECK_MAX_PDF_BYTES)",
                )
            if not checked and total >= 5:
                head = b"".join(chunks)[:1024].lstrip()
                if not head.startswith(b"%PDF"):
                    kind = "an HTML page" if b"<" in head[:64] else "something else"
                    raise NetworkError(
                        f"{url} returned {kind}, not a PDF "
                        f"(Content-Type {resp.headers.get('content-type', 'missing')})",
                        arxiv_id=ident,
                    )
                checked = True
            if on_bytes is not None:
                on_bytes(total, expected)
        data = b"".join(chunks)
        if not checked:
            raise NetworkError(f"{url} returned an empty or tiny body, not a PDF", arxiv_id=ident)
        if expected is not None and total != expected:
            raise _Retryable(f"truncated PDF from {url}: got {total} of {expected} bytes")
        return data


class _Retryable(Exception):
    """A failure worth another try (429, 5xx, timeouts, broken or truncated transfers)."""

    def __init__(self, reason: str, retry_after: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
