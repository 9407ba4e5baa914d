"""Verify-area fixtures: hand-built papers and a fetcher that serves them (no network)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

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


def make_paper(pid: str, title: str, sentences: Sequence[str], rows: Sequence[tuple[str, str]] = ()) -> tuple[Paper, list[Passage]]:
    """A paper whose page 1 is ``sentences`` then table ``rows`` (row text, caption)."""
    aid = ArxivId.parse(pid)
    passages: list[Passage] = []
    pos = 0
    for s in sentences:
        passages.append(Passage(aid, 1, pos, pos + len(s), s, PassageKind.SENTENCE))
        pos += len(s) + 1
    for row, caption in rows:
        passages.append(Passage(aid, 2, pos, pos + len(row), row, PassageKind.TABLE_ROW, caption=caption))
        pos += len(row) + 1
    return Paper(arxiv_id=aid, title=title, versions=(aid.version or 1,)), passages


class DictFetcher:
    """Serves papers from a dict by id; anything else is unavailable (as --offline would say)."""

    def __init__(self, papers: dict[str, tuple[Paper, list[Passage]]]) -> None:
        self.papers = papers
        self.calls: list[str] = []

    def fetch_many(self, refs: Sequence[Reference]) -> list[FetchedPaper]:
        out = []
        for ref in refs:
            key = str(ref.arxiv_id) if ref.arxiv_id else None
            if key is None and ref.title:
                key = next((k for k, (p, _) in self.papers.items() if p.title.lower() == ref.title.lower()), None)
            self.calls.append(str(key))
            if key in self.papers:
                paper, passages = self.papers[key]
                out.append(FetchedPaper(ref, ReferenceStatus.AVAILABLE, paper, tuple(passages),
                                        PaperOrigin.PAPERS_DIR, resolved_by_title=ref.arxiv_id is None))
            else:
                out.append(FetchedPaper(ref, ReferenceStatus.UNAVAILABLE,
                                        reason="offline: not in --papers-dir or the cache"))
        return out


INTER = make_paper(
    "2005.13013v2",
    "English Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too",
    [
        "We study the effect of intermediate-task training with nine different English intermediate tasks.",
        "Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task improvements of 8.2, 7.5, and 7.0 points on average.",
        "Evaluating our best performing models for each target task on the XTREME benchmark yields an average improvement of 5.4 points.",
        "TyDiQA shows consistent improvements with many intermediate tasks, whereas XNLI does not see benefits from intermediate training.",
        "Multi-task intermediate-task training does not outperform the best single task.",
        "We use the pretrained XLM-R Large model as a starting point for all our experiments.",
    ],
    rows=[("XLM-R Large 66.0 57.3", "Table 2: Retrieval results."), ("mBERT 56.7 38.7", "Table 2: Retrieval results.")],
)

SIGNAL = make_paper(
    "2004.09714v1",
    "Deep learning for radar signal denoising",
    [
        "We propose a convolutional denoiser for pulsed radar returns under heavy clutter.",
        "The receiver operating characteristic improves at low signal to noise ratio.",
    ],
)


@pytest.fixture
def fetcher() -> DictFetcher:
    return DictFetcher({"2005.13013v2": INTER, "2004.09714v1": SIGNAL})
