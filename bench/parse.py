"""Parse time per report: the five real reports and the generated PDF fixture.

Prints the median (and the slowest) of RUNS parses of each file, against the 50 ms budget the
issue sets, and how long refusing a 3000-page PDF takes. Run: .venv/bin/python bench/parse.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "report"))

from claimcheck.errors import ReportParseError
from claimcheck.report import parse_report

RUNS = 25
BUDGET_MS = 50.0


def timed(path: Path, runs: int = RUNS) -> list[float]:
    parse_report(path)  # warm: imports, regex compilation
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        parse_report(path)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    files = sorted((ROOT / "reports").glob("*.txt")) + [
        ROOT / "fixtures" / "reports" / "wrapped_report.pdf"
    ]
    print(f"parse_report, median of {RUNS} runs (budget {BUDGET_MS:.0f} ms per report)")
    over = 0
    for path in files:
        ms = timed(path)
        med = statistics.median(ms)
        claims = len(parse_report(path).claims)
        flag = "ok" if med < BUDGET_MS else "OVER BUDGET"
        over += med >= BUDGET_MS
        print(
            f"  {path.relative_to(ROOT)!s:45} {claims:3d} claims  "
            f"median {med:6.2f} ms  max {max(ms):6.2f} ms  {flag}"
        )
    from report_pdfgen import write_many_pages_pdf

    with tempfile.TemporaryDirectory() as tmp:
        big = write_many_pages_pdf(Path(tmp) / "many.pdf", pages=3000)
        reason = "not refused"
        t0 = time.perf_counter()
        try:
            parse_report(big)
        except ReportParseError as exc:
            reason = exc.reason
        print(f"  refusing a 3000-page PDF: {(time.perf_counter() - t0) * 1000:.1f} ms ({reason})")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
