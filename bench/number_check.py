"""Time the number checker: extraction plus checking, per claim, against ~20 real passages.

Run: .venv/bin/python bench/number_check.py  (not bench/numbers.py: that name would shadow
the standard library module `numbers` for the script)

Passages: page 6 of XTREME (2003.11080v5, Table 2's rows and the prose around it), read with
pypdf from ../shared/data/arxiv_pdfs. Claims: every distinct claim of reports/*.txt plus table
claims. Prints microseconds per claim cold (caches cleared: each passage analysed for the first
time) and warm (a paper's passages already analysed, as for the second claim of a report), and
the ratio against a naive baseline (a digit regex and substring search) run in the same script.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

import pypdf

from claimcheck.models import ArxivId, Passage, PassageKind
from claimcheck.verify import numbers

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / ".." / "shared" / "data" / "arxiv_pdfs" / "2003.11080v5.pdf"
EXTRA_CLAIMS = [
    "XLM-R Large achieves 66.0 F1 on BUCC and 57.3 accuracy on Tatoeba",
    "mBERT achieves 66.0 F1 on BUCC in the zero-shot setting",
    "On XNLI, MMTE reaches 79.2 accuracy",
    "zero-shot models outperform models trained on only 1,000 in-language examples",
]


def passages() -> list[Passage]:
    text = pypdf.PdfReader(PDF).pages[5].extract_text()
    pid = ArxivId.parse("2003.11080v5")
    out: list[Passage] = []
    pos = 0
    for line in text.split("\n"):
        numeric = sum(1 for t in line.split() if t[:1].isdigit() or t in ("-", "/"))
        kind = PassageKind.TABLE_ROW if numeric >= 3 else PassageKind.PARAGRAPH
        out.append(Passage(pid, 6, pos, pos + len(line), line, kind,
                           caption="Table 2." if kind is PassageKind.TABLE_ROW else None))
        pos += len(line) + 1
    return out[:20]


def claims() -> list[str]:
    seen: dict[str, None] = {}
    for path in sorted((ROOT / "reports").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("Claim\t"):
                seen[line.split("\t", 1)[0]] = None
    return [*seen, *EXTRA_CLAIMS]


def run(cs: list[str], ps: list[Passage]) -> None:
    for c in cs:
        numbers.check_numbers(numbers.extract_numbers(c), ps, claim_text=c)


def baseline(cs: list[str], ps: list[Passage]) -> None:
    for c in cs:
        for n in re.findall(r"\d+(?:\.\d+)?", c):
            any(n in p.text for p in ps)


def clear() -> None:
    numbers._extract_cached.cache_clear()
    numbers._analyse.cache_clear()


def main() -> None:
    ps = passages()
    cs = claims()
    rounds = 50
    cold: list[float] = []
    for _ in range(rounds):
        clear()
        t0 = time.perf_counter()
        run(cs, ps)
        cold.append((time.perf_counter() - t0) / len(cs))
    warm: list[float] = []
    for _ in range(rounds):
        numbers._extract_cached.cache_clear()  # claims are new each time, passages are not
        t0 = time.perf_counter()
        run(cs, ps)
        warm.append((time.perf_counter() - t0) / len(cs))
    base: list[float] = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        baseline(cs, ps)
        base.append((time.perf_counter() - t0) / len(cs))
    cold_us = statistics.median(cold) * 1e6
    warm_us = statistics.median(warm) * 1e6
    base_us = statistics.median(base) * 1e6
    print(f"{len(cs)} claims x {len(ps)} passages (XTREME p.6), median of {rounds} rounds")
    print(f"cold (passages analysed on first use): {cold_us:8.1f} us per claim")
    print(f"warm (passages cached):                {warm_us:8.1f} us per claim")
    print(f"naive baseline (regex + substring):    {base_us:8.1f} us per claim")
    print(f"warm / baseline: {warm_us / base_us:.1f}x")


if __name__ == "__main__":
    main()
