"""Every fault the local arXiv server can inject ends in a retry, a clear error or a refusal."""

from __future__ import annotations

import time

import pytest

from claimcheck.errors import NetworkError, PaperNotFound
from claimcheck.models import ArxivId, Reference, ReferenceStatus
from claimcheck.papers import PaperFetcher
from claimcheck.papers.arxiv_api import ArxivApi
from claimcheck.papers.download import PdfDownloader, RateLimiter, check_url

pytestmark = pytest.mark.network

ID = ArxivId("2005.13013", 2)  # a tiny generated PDF


def downloader(server, tmp_path, **kw):
    settings = server.settings(tmp_path, **kw)
    return PdfDownloader(settings, RateLimiter(settings.api_delay_s))


def test_429_with_retry_after_is_retried_after_the_wait(server, tmp_path):
    server.fault(str(ID), "429", retry_after="1")
    t = time.monotonic()
    data = downloader(server, tmp_path).fetch(ID)
    assert data.startswith(b"%PDF")
    assert time.monotonic() - t >= 0.95  # Retry-After honoured, not the 0.01 s backoff
    assert len(server.requests_to(f"/pdf/{ID}")) == 2


def test_503_until_retries_are_spent_is_a_clear_error(server, tmp_path):
    server.fault(str(ID), "503", times=3)
    with pytest.raises(NetworkError) as err:
        downloader(server, tmp_path, max_retries=2).fetch(ID)
    assert "HTTP 503" in str(err.value) and "gave up after 3 tries" in str(err.value)
    assert str(err.value).startswith("2005.13013v2: ")


def test_long_retry_after_is_not_waited_out(server, tmp_path):
    server.fault(str(ID), "429", retry_after="3600")
    t = time.monotonic()
    with pytest.raises(NetworkError, match="asks to wait 3600 s"):
        downloader(server, tmp_path).fetch(ID)
    assert time.monotonic() - t < 5


def test_stalled_body_times_out_then_retry_succeeds(server, tmp_path):
    server.fault(str(ID), "stall", seconds=2.0)
    t = time.monotonic()
    data = downloader(server, tmp_path, read_timeout_s=0.3).fetch(ID)
    assert data.startswith(b"%PDF") and time.monotonic() - t < 2.0


def test_stalled_body_every_time_is_a_timeout_error(server, tmp_path):
    server.fault(str(ID), "stall", times=2, seconds=1.0)
    with pytest.raises(NetworkError, match="timed out"):
        downloader(server, tmp_path, read_timeout_s=0.2, max_retries=1).fetch(ID)


def test_truncated_body_is_retried(server, tmp_path):
    server.fault(str(ID), "truncate")
    data = downloader(server, tmp_path).fetch(ID)
    assert data == server.pdfs[str(ID)]
    server.fault(str(ID), "truncate", times=2)
    with pytest.raises(NetworkError, match="gave up after 2 tries"):
        downloader(server, tmp_path, max_retries=1).fetch(ID)


def test_html_instead_of_pdf_is_refused(server, tmp_path):
    server.fault(str(ID), "html")
    with pytest.raises(NetworkError, match="returned an HTML page, not a PDF"):
        downloader(server, tmp_path).fetch(ID)


@pytest.mark.parametrize("kind", ["huge", "huge_nolength"])
def test_200_mb_body_is_refused_at_the_limit(server, tmp_path, kind):
    server.fault(str(ID), kind)
    t = time.monotonic()
    with pytest.raises(NetworkError, match="limit of 2097152"):
        downloader(server, tmp_path, max_pdf_bytes=2 * 1024 * 1024).fetch(ID)
    assert time.monotonic() - t < 5  # stopped early, not after reading 200 MB


def test_redirect_to_foreign_host_is_refused(server, tmp_path):
    server.fault(str(ID), "redirect_foreign")
    with pytest.raises(NetworkError, match="refused to fetch http://evil.example.com/steal"):
        downloader(server, tmp_path).fetch(ID)
    assert server.requests_to("/steal") == []


def test_redirect_within_allowed_host_is_followed(server, tmp_path):
    server.fault(str(ID), "redirect_local")
    assert downloader(server, tmp_path).fetch(ID) == server.pdfs[str(ID)]
    assert server.requests_to(f"/mirror/{ID}")


def test_404_pdf_is_not_found(server, tmp_path):
    with pytest.raises(PaperNotFound, match="HTTP 404"):
        downloader(server, tmp_path).fetch(ArxivId("1605.08386", 1))


def test_check_url_refuses_foreign_hosts_and_schemes():
    hosts = {"arxiv.org", "127.0.0.1"}
    assert check_url("https://arxiv.org/pdf/1", hosts)
    for bad in ("https://arxiv.org.evil.com/pdf/1", "file:///etc/passwd", "ftp://arxiv.org/x"):
        with pytest.raises(NetworkError, match="refused"):
            check_url(bad, hosts)


def test_api_delay_is_honoured_between_requests(server, tmp_path):
    settings = server.settings(tmp_path, api_delay_s=0.4)
    api = ArxivApi(settings, RateLimiter(settings.api_delay_s))
    # Ids whose Atom entries the project wrote itself (fixtures/arxiv_api/papers.xml).
    api.lookup(ArxivId("2003.11080"))
    api.lookup(ArxivId("1911.02116"))
    times = [r[0] for r in server.requests_to("/api/")]
    assert len(times) == 2 and times[1] - times[0] >= 0.38


def test_api_503_then_success_and_recorded_response(server, tmp_path, shared_data):
    server.fault("api", "503", retry_after="0")
    settings = server.settings(tmp_path)
    paper = ArxivApi(settings, RateLimiter(0.0)).lookup(ArxivId("1605.08386"))
    assert str(paper.arxiv_id) == "1605.08386v1"
    assert paper.title == "Heat-bath random walks with Markov bases"
    assert len(server.requests_to("/api/")) == 2


def test_api_faults_end_in_clear_errors(server, tmp_path):
    settings = server.settings(tmp_path, max_retries=1)
    api = ArxivApi(settings, RateLimiter(0.0))
    server.fault("api", "503", times=2)
    with pytest.raises(NetworkError, match="HTTP 503"):
        api.lookup(ArxivId("1605.08386"))
    server.fault("api", "html")
    with pytest.raises(NetworkError, match="did not answer with an Atom feed"):
        api.lookup(ArxivId("1605.08386"))
    server.fault("api", "redirect_foreign")
    with pytest.raises(NetworkError, match="refused"):
        api.lookup(ArxivId("1605.08386"))
    server.fault("api", "empty")
    with pytest.raises(PaperNotFound, match="no such paper"):
        api.lookup(ArxivId("1605.08386"))
    server.fault("api", "slow", times=2, seconds=1.0)
    with pytest.raises(NetworkError, match="timed out"):
        ArxivApi(server.settings(tmp_path, max_retries=1, read_timeout_s=0.2),
                 RateLimiter(0.0)).lookup(ArxivId("1605.08386"))


def test_old_style_id_recorded_response(server, tmp_path, shared_data):
    paper = ArxivApi(server.settings(tmp_path), RateLimiter(0.0)).lookup(
        ArxivId("quant-ph/0201082", 1)
    )
    assert paper.arxiv_id == ArxivId("quant-ph/0201082", 1)
    assert paper.title


def test_fetcher_turns_faults_into_unavailable(server, tmp_path):
    server.fault(str(ID), "html")
    got = PaperFetcher(server.settings(tmp_path)).fetch(Reference(ID))
    assert got.status is ReferenceStatus.UNAVAILABLE
    assert "not a PDF" in (got.reason or "")
