"""Property tests: the number extractor and checker never fail on any text."""

from __future__ import annotations

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimcheck.models import ArxivId, NumberStatus, Passage, PassageKind
from claimcheck.verify.numbers import check_numbers, extract_numbers, value_matches

PID = ArxivId.parse("2003.11080v5")

# Fragments that exercise every rule: digits, separators, suffixes, words, references.
FRAGMENTS = [
    "0", "1", "2", "5.4", "66.0", ".75", "1,000", "2020", "150K", "1.2M", "3x", "2.5×", "%",
    " percent", " points", " poin", "-", "–", "−", "/", "/10", ",", ", and ", " or ", " to ",
    "nine", "one", "a dozen", "twenty", "-four", " hundred", " billion", "zero-shot", "Table ",
    "Sec.", "(", ")", "[", "]", "(i)", "et al., ", "arXiv:", "2005.13013v2", "http://x/1",
    "XLM-R", "mT5", "GPT-3", "F1", "layer ", " of ", "BUCC", "SQuAD, MNLI, and HellaSwag ",
    "July 7", " ", "\n", ".", "e", "B", "'s", "3.8.1",
]
fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
any_text = st.one_of(st.text(max_size=200), fragment_text)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_extract_never_raises_and_offsets_hold(text: str) -> None:
    mentions = extract_numbers(text)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.start >= last_end  # in order, never overlapping
        last_end = m.end
        assert math.isfinite(m.value)
        assert m.decimals >= 0
        assert m.kind in ("decimal", "percent", "word", "range_low", "range_high",
                          "multiplier", "integer")


@settings(max_examples=200, deadline=None)
@given(any_text, st.lists(any_text, max_size=5), st.booleans())
def test_check_never_raises(claim: str, texts: list[str], rows: bool) -> None:
    kind = PassageKind.TABLE_ROW if rows else PassageKind.SENTENCE
    passages = [Passage(PID, 1, 0, len(t), t, kind, caption="Table 1." if rows else None)
                for t in texts]
    mentions = extract_numbers(claim)
    checks = check_numbers(mentions, passages, claim_text=claim)
    assert [c.mention for c in checks] == mentions
    for c in checks:
        assert c.status in NumberStatus
        if c.status is NumberStatus.ABSENT:
            assert c.paper_id is None
        else:
            assert c.paper_id == "2003.11080v5" and c.quote is not None


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0, max_value=10_000, allow_nan=False), st.integers(0, 3))
def test_a_rounded_claim_matches_its_exact_source(x: float, d: int) -> None:
    # The source is written with 6 decimals: keep that value off the rounding edge.
    scaled = float(f"{x:.6f}") * 10**d
    assume(abs(scaled - math.floor(scaled) - 0.5) > 1e-6)  # no ties at the rounding edge
    written = f"{x:.{d}f}"
    (claim,) = extract_numbers(f"a score of {written} points.")
    assert claim.decimals == d
    assert claim.value == float(written)
    (source,) = extract_numbers(f"a score of {x:.6f} points.")
    assert value_matches(claim, source)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 9999), st.integers(1, 50))
def test_other_values_do_not_match(n: int, delta: int) -> None:
    (claim,) = extract_numbers(f"gains {n / 10:.1f} points")
    (source,) = extract_numbers(f"gains {(n + delta) / 10:.1f} points")
    assert not value_matches(claim, source)
