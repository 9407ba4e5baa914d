"""PaperFetcher end to end against the local arXiv server: sources, versions, titles, memo."""

from __future__ import annotations

import shutil
import time

import pytest

from claimcheck.errors import UsageError
from claimcheck.models import ArxivId, PaperOrigin, PassageKind, Reference, ReferenceStatus
from claimcheck.papers import PaperFetcher, check_citation, parse_arxiv_id
from claimcheck.papers.cache import PaperCache

pytestmark = pytest.mark.network


def ref(text: str, **kw: object) -> Reference:
    return Reference(ArxivId.parse(text), **kw)  # type: ignore[arg-type]


def test_fetches_cited_version_then_serves_it_from_cache(server, tmp_path, arxiv_pdfs):
    settings = server.settings(tmp_path)
    got = PaperFetcher(settings).fetch(ref("2003.11080v5"))
    assert got.status is ReferenceStatus.AVAILABLE, got.reason
    assert got.origin is PaperOrigin.ARXIV
    assert got.paper is not None and got.paper.arxiv_id == ArxivId("2003.11080", 5)
    assert got.paper.title.startswith("XTREME: A Massively Multilingual")
    assert got.paper.versions == (1, 2, 3, 4, 5) and got.paper.latest_version == 5
    rows = [p for p in got.passages if p.kind is PassageKind.TABLE_ROW and "66.0" in p.text
            and "57.3" in p.text]
    assert rows and rows[0].page == 6 and rows[0].caption.startswith("Table 2")
    # the User-Agent names claimcheck on both the API and the PDF request
    assert all(r[2].startswith("claimcheck/") for r in server.log)
    assert len(server.requests_to("/pdf/2003.11080v5")) == 1

    server.reset()
    again = PaperFetcher(settings).fetch(ref("2003.11080v5"))
    assert again.origin is PaperOrigin.CACHE
    assert again.passages == got.passages
    assert server.log == []  # nothing touched the network


def test_unversioned_citation_fetches_latest_and_records_it(server, tmp_path, arxiv_pdfs):
    got = PaperFetcher(server.settings(tmp_path)).fetch(ref("1911.02116"))
    assert got.status is ReferenceStatus.AVAILABLE, got.reason
    assert got.paper is not None and str(got.paper.arxiv_id) == "1911.02116v2"
    assert server.requests_to("/pdf/1911.02116v2")


def test_missing_version_is_unavailable_with_reason(server, tmp_path):
    got = PaperFetcher(server.settings(tmp_path)).fetch(ref("2003.11080v9"))
    assert got.status is ReferenceStatus.UNAVAILABLE
    assert "no version 9" in (got.reason or "") and "v5" in (got.reason or "")


def test_unknown_paper_is_unavailable(server, tmp_path):
    got = PaperFetcher(server.settings(tmp_path)).fetch(ref("0000.0000"))
    assert got.status is ReferenceStatus.UNAVAILABLE
    assert "no such paper" in (got.reason or "")


def test_title_only_reference_with_typo_resolves(server, tmp_path):
    title = "FEnglish Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too"
    fetcher = PaperFetcher(server.settings(tmp_path))
    got = fetcher.fetch(Reference(None, title=title, examined=True))
    assert got.status is ReferenceStatus.AVAILABLE, got.reason
    assert got.resolved_by_title and got.title_match_score is not None
    assert got.title_match_score >= 95
    assert got.paper is not None and str(got.paper.arxiv_id) == "2005.13013v2"
    assert any("5.4 points" in p.text for p in got.passages)


def test_weak_title_match_is_refused(server, tmp_path):
    got = PaperFetcher(server.settings(tmp_path)).fetch(
        Reference(None, title="Training Transfer Models for Cross-Lingual Everything")
    )
    assert got.status is ReferenceStatus.UNAVAILABLE
    assert "no arXiv paper titled" in (got.reason or "")


def test_each_paper_fetched_once_per_batch(server, tmp_path, arxiv_pdfs):
    fetcher = PaperFetcher(server.settings(tmp_path))
    refs = [ref("2404.12444v1", line=3), ref("2404.12444v1", line=9), ref("2404.12444")]
    got = fetcher.fetch_many(refs)
    assert [g.status for g in got] == [ReferenceStatus.AVAILABLE] * 3
    assert [g.reference.line for g in got] == [3, 9, None]
    assert len(server.requests_to("/pdf/")) == 1
    # one API call: the bare id is served by the cached v1, which was the latest when fetched
    assert len(server.requests_to("/api/")) == 1


def test_reference_without_id_or_title_is_usage_error(server, tmp_path):
    with pytest.raises(UsageError, match="line 4"):
        PaperFetcher(server.settings(tmp_path)).fetch_many([Reference(None, line=4)])


def test_parse_arxiv_id_accepts_forms_and_rejects_junk():
    assert parse_arxiv_id("arXiv:2003.11080v5") == ArxivId("2003.11080", 5)
    assert parse_arxiv_id("https://arxiv.org/abs/2003.11080v5") == ArxivId("2003.11080", 5)
    assert parse_arxiv_id("hep-th/9901001") == ArxivId("hep-th/9901001")
    with pytest.raises(UsageError, match="not an arXiv id: '2003.1108x'"):
        parse_arxiv_id("2003.1108x")


def test_all_versions_fetches_every_other_version(server, tmp_path):
    fetcher = PaperFetcher(server.settings(tmp_path, all_versions=True))
    got = fetcher.fetch(ref("2005.13013v1"))
    assert got.status is ReferenceStatus.AVAILABLE, got.reason
    assert any("6.1 points" in p.text for p in got.passages)
    assert [str(e.arxiv_id) for e in got.extra_versions] == ["2005.13013v2"]
    assert any("5.4 points" in p.text for p in got.extra_versions[0].passages)


def test_offline_never_touches_network(server, tmp_path):
    got = PaperFetcher(server.settings(tmp_path, offline=True)).fetch(ref("2003.11080v5"))
    assert got.status is ReferenceStatus.UNAVAILABLE
    assert "--offline" in (got.reason or "")
    titled = PaperFetcher(server.settings(tmp_path, offline=True)).fetch(
        Reference(None, title="English Intermediate-Task Training Improves Zero-Shot")
    )
    assert titled.status is ReferenceStatus.UNAVAILABLE and "--offline" in (titled.reason or "")
    assert server.log == []


def test_papers_dir_serves_exact_version_only(server, tmp_path, arxiv_pdfs):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(arxiv_pdfs / "1911.02116v2.pdf", papers / "1911.02116v2.pdf")
    settings = server.settings(tmp_path, papers_dir=papers, offline=True)
    fetcher = PaperFetcher(settings)
    got = fetcher.fetch(ref("1911.02116v2"))
    assert got.origin is PaperOrigin.PAPERS_DIR and got.status is ReferenceStatus.AVAILABLE
    assert got.paper is not None
    assert got.paper.title == "Unsupervised Cross-lingual Representation Learning at Scale"
    assert fetcher.fetch(ref("1911.02116")).origin is PaperOrigin.PAPERS_DIR
    v1 = fetcher.fetch(ref("1911.02116v1"))
    assert v1.status is ReferenceStatus.UNAVAILABLE  # a v2 file never stands in for v1
    assert server.log == []


def test_papers_dir_bare_name_uses_stamp_for_version(server, tmp_path, arxiv_pdfs):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(arxiv_pdfs / "2404.12444v1.pdf", papers / "2404.12444.pdf")
    fetcher = PaperFetcher(server.settings(tmp_path, papers_dir=papers, offline=True))
    got = fetcher.fetch(ref("2404.12444v1"))
    assert got.origin is PaperOrigin.PAPERS_DIR
    assert got.paper is not None and got.paper.arxiv_id == ArxivId("2404.12444", 1)
    assert fetcher.fetch(ref("2404.12444v2")).status is ReferenceStatus.UNAVAILABLE


def test_papers_dir_reopen_is_cached(server, tmp_path, arxiv_pdfs):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(arxiv_pdfs / "2003.11080v5.pdf", papers / "2003.11080v5.pdf")
    settings = server.settings(tmp_path, papers_dir=papers, offline=True)
    first = PaperFetcher(settings).fetch(ref("2003.11080v5"))
    t = time.perf_counter()
    second = PaperFetcher(settings).fetch(ref("2003.11080v5"))
    assert time.perf_counter() - t < 0.5
    assert second.passages == first.passages


def test_citation_mismatch_is_caught_by_title(server, tmp_path, shared_data):
    got = PaperFetcher(server.settings(tmp_path)).fetch(
        ref("2004.09714", title="Making Monolingual Sentence Embeddings Multilingual using "
            "Knowledge Distillation", authors=("Nils Reimers", "Iryna Gurevych"))
    )
    assert got.status is ReferenceStatus.AVAILABLE and got.paper is not None
    problem = check_citation(got.reference, got.paper, got.passages)
    assert problem is not None
    assert "Covariance-based User Activity Detection" in problem
    assert "Reimers" in problem
    # the right title passes
    ok = check_citation(
        Reference(got.paper.arxiv_id, title=got.paper.title), got.paper, got.passages
    )
    assert ok is None


def test_citation_check_on_local_pdf_uses_page_one(server, tmp_path, shared_data):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(shared_data / "citation_mismatch" / "reimers2020_sentence_multilingual.pdf",
                papers / "2004.09714.pdf")
    got = PaperFetcher(server.settings(tmp_path, papers_dir=papers, offline=True)).fetch(
        ref("2004.09714", title="Making Monolingual Sentence Embeddings Multilingual")
    )
    assert got.paper is not None and got.paper.arxiv_id == ArxivId("2004.09714", 1)
    assert "Covariance-based" in got.paper.title
    assert check_citation(got.reference, got.paper, got.passages) is not None


def test_corrupt_cache_entry_is_fetched_again(server, tmp_path, arxiv_pdfs):
    settings = server.settings(tmp_path)
    PaperFetcher(settings).fetch(ref("2404.12444v1"))
    entry = PaperCache(settings.cache_dir).entry_dir(ArxivId("2404.12444", 1))
    passages = entry / "passages.json"
    passages.write_bytes(passages.read_bytes()[:-10] + b"0123456789")  # same size, other hash
    server.reset()
    got = PaperFetcher(settings).fetch(ref("2404.12444v1"))
    assert got.status is ReferenceStatus.AVAILABLE
    # meta and PDF were intact: passages are cut again from the cached PDF, no download
    assert got.origin is PaperOrigin.CACHE and server.requests_to("/pdf/") == []
    (entry / "paper.pdf").write_bytes(b"%PDF-1.4 truncated")
    got = PaperFetcher(settings).fetch(ref("2404.12444v1"))
    assert got.origin is PaperOrigin.ARXIV
    assert len(server.requests_to("/pdf/2404.12444v1")) == 1
