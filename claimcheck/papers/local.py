"""A folder of PDFs the user already has (``--papers-dir``).

Files are named ``<id>v<N>.pdf`` or ``<id>.pdf``; an old-style id writes its ``/`` as ``_``
(``hep-th_9901001v1.pdf``). A reference cited as vN is served only by a file that is vN: its
name says so, or its name has no version and arXiv's margin stamp on page 1 says vN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from claimcheck.models import ArxivId


@dataclass(frozen=True)
class LocalPdf:
    path: Path
    version: int | None  # from the file name; None for "<id>.pdf"


def _key(base: str) -> str:
    return base.replace("/", "_")


def candidates(papers_dir: Path, arxiv_id: ArxivId) -> list[LocalPdf]:
    """Files in ``papers_dir`` that may hold ``arxiv_id``, best first.

    A versioned id: ``<id>vN.pdf``, then ``<id>.pdf`` (which the caller must check against the
    stamp). No version: the highest ``<id>vK.pdf``, then ``<id>.pdf``.
    """
    key = _key(arxiv_id.base)
    out: list[LocalPdf] = []
    if arxiv_id.version is not None:
        exact = papers_dir / f"{key}v{arxiv_id.version}.pdf"
        if exact.is_file():
            out.append(LocalPdf(exact, arxiv_id.version))
    else:
        out.extend(sorted(all_versions(papers_dir, arxiv_id.base), key=lambda p: -(p.version or 0)))
    bare = papers_dir / f"{key}.pdf"
    if bare.is_file():
        out.append(LocalPdf(bare, None))
    return out


def all_versions(papers_dir: Path, base: str) -> list[LocalPdf]:
    """Every ``<id>vN.pdf`` of ``base`` in the folder."""
    pattern = re.compile(re.escape(_key(base)) + r"v(\d+)\.pdf")
    out: list[LocalPdf] = []
    try:
        names = sorted(p.name for p in papers_dir.iterdir())
    except OSError:
        return out
    for name in names:
        m = pattern.fullmatch(name)
        if m:
            out.append(LocalPdf(papers_dir / name, int(m.group(1))))
    return out
