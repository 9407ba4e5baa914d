"""claimcheck: audit machine-generated literature syntheses against the arXiv papers they cite.

The data flow::

    path -> Report -> (each Reference) FetchedPaper -> Passages -> per-claim Evidence
         -> Verdict -> AuditResult -> format -> text

Library use::

    from claimcheck import Auditor, Settings, parse_report
    report = parse_report(Path("reports/000_7718762f7f75de70.txt"))
    result = Auditor(Settings(offline=True, papers_dir=Path("papers"))).audit([report])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimcheck.config import Settings
from claimcheck.report import parse_report, parse_text

__version__ = "0.1.0"
__all__ = ["Auditor", "PaperFetcher", "Settings", "__version__", "parse_report", "parse_text"]

if TYPE_CHECKING:
    from claimcheck.papers import PaperFetcher
    from claimcheck.verify.audit import Auditor


def __getattr__(name: str) -> Any:
    # The verifier pulls in numpy and rapidfuzz, the fetcher httpx and arxiv: loaded on first use
    # so that `claimcheck parse` starts fast.
    if name == "Auditor":
        from claimcheck.verify.audit import Auditor

        return Auditor
    if name == "PaperFetcher":
        from claimcheck.papers import PaperFetcher

        return PaperFetcher
    raise AttributeError(name)
