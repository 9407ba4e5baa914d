"""Measure text extraction and the paper cache on the real arXiv PDFs.

Prints, for ../shared/data/arxiv_pdfs:
  * seconds to extract text and passages of 2003.11080v5 (XTREME, 20 pages), median of 3;
  * milliseconds to re-open that paper from the cache (PaperCache.load_paper), median of 20,
    against the baseline of extracting it again (the ratio is the cache's speed-up);
  * how much text survives: the share of the words poppler's `pdftotext` finds (an independent
    extractor) that our page text also holds, per PDF (multiset recall over lower-cased words,
    with hyphenated line breaks joined on both sides). Skipped when pdftotext is absent.

Run: .venv/bin/python bench/fetch.py
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from claimcheck.models import ArxivId, Paper, PassageKind
from claimcheck.papers.cache import PaperCache
from claimcheck.papers.text import extract_pages, passages_from_pages

ROOT = Path(__file__).resolve().parent.parent
PDFS = (ROOT / ".." / "shared" / "data" / "arxiv_pdfs").resolve()
_LIG = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def words(text: str) -> Counter[str]:
    for k, v in _LIG.items():
        text = text.replace(k, v)
    text = re.sub(r"([a-z])-\s*\n\s*([a-z])", r"\1\2", text)
    return Counter(w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 1)


def main() -> int:
    if not PDFS.is_dir():
        print(f"skipped: {PDFS} is absent (see ../shared/data/SOURCES.md)")
        return 0
    xtreme = PDFS / "2003.11080v5.pdf"
    pid = ArxivId("2003.11080", 5)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        pages = extract_pages(xtreme, max_pages=500)
        passages = passages_from_pages(pid, pages)
        times.append(time.perf_counter() - t)
    extract_s = statistics.median(times)
    kinds = Counter(p.kind for p in passages)
    print(f"extract 2003.11080v5 ({len(pages)} pages): {extract_s:.2f} s median of 3 "
          f"(target < 3 s); {len(passages)} passages: "
          + ", ".join(f"{kinds[k]} {k.value}" for k in PassageKind))

    with tempfile.TemporaryDirectory() as tmp:
        cache = PaperCache(Path(tmp))
        cache.store_paper(Paper(pid, "XTREME"), xtreme.read_bytes(), passages)
        reopen = []
        for _ in range(20):
            t = time.perf_counter()
            loaded = cache.load_paper(pid)
            reopen.append(time.perf_counter() - t)
            assert loaded is not None and len(loaded[1]) == len(passages)
    reopen_ms = statistics.median(reopen) * 1000
    print(f"re-open from cache: {reopen_ms:.1f} ms median of 20 (target < 50 ms); "
          f"{extract_s * 1000 / reopen_ms:.0f}x faster than extracting again")

    if shutil.which("pdftotext") is None:
        print("text survival: skipped (pdftotext from poppler-utils is not installed)")
        return 0
    print("text survival against pdftotext (share of its words we also extract):")
    total_ref = total_hit = 0
    for pdf in sorted(PDFS.glob("*.pdf")):
        ref_text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                                  capture_output=True, text=True, check=True).stdout
        ours = words("\n".join(extract_pages(pdf, max_pages=500)))
        theirs = words(ref_text)
        hit = sum((ours & theirs).values())
        n = sum(theirs.values())
        total_ref += n
        total_hit += hit
        extra = sum((ours - theirs).values())
        print(f"  {pdf.stem:14s} {hit / n:6.1%} of {n} words; {extra} words only we have")
    print(f"  all            {total_hit / total_ref:6.1%} of {total_ref} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
