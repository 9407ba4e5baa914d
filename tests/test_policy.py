"""The CI gate: --fail-on parsing, the confidence floor, baselines and exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from claimcheck.errors import ReportParseError, UsageError
from claimcheck.formats.json import dumps_audit
from claimcheck.models import (
    AuditResult,
    Claim,
    ClaimResult,
    FindingKind,
    Mark,
    Report,
    ReportAudit,
    ReportFinding,
    ReportFormat,
    StatedCounts,
    Verdict,
)
from claimcheck.policy import (
    DEFAULT_FAIL_ON,
    Policy,
    evaluate,
    load_baseline,
    normalise_message,
)


def cr(i: int, text: str, verdict: Verdict, conf: float, line: int | None = None) -> ClaimResult:
    claim = Claim(i, text, False, Mark.VERIFIED, 0.3, line if line is not None else 10 + i)
    return ClaimResult(claim, verdict, conf, reason="test")


def audit(
    path: str, claims: list[ClaimResult], findings: list[ReportFinding] | None = None
) -> ReportAudit:
    report = Report(
        path=path,
        format=ReportFormat.MARKDOWN,
        title="t",
        date=None,
        research_question=None,
        examined_title=None,
        stated=StatedCounts(),
        claims=tuple(c.claim for c in claims),
        references=(),
    )
    return ReportAudit(report, (), tuple(claims), tuple(findings or ()))


def result(*reports: ReportAudit) -> AuditResult:
    return AuditResult(reports=tuple(reports), semantic=False, seconds=0.1)


MIXED = audit(
    "reports/a.md",
    [
        cr(1, "A holds.", Verdict.SUPPORTED, 0.9),
        cr(2, "B is 5.", Verdict.CONTRADICTED, 0.8),
        cr(3, "C is new.", Verdict.NOT_FOUND, 0.7),
        cr(4, "D is offline.", Verdict.UNVERIFIABLE, 0.0),
        cr(5, "E is shaky.", Verdict.CONTRADICTED, 0.3),
    ],
    [
        ReportFinding(FindingKind.FALSE_VERIFICATION, "claim 3 is marked ✓", 13, claim_index=3),
        ReportFinding(FindingKind.COUNT_MISMATCH, "states 10 claims, lists 5", line=4),
        ReportFinding(FindingKind.UNAVAILABLE_REFERENCE, "2503.01763v2 offline", 40),
    ],
)


# --- parsing --fail-on and --min-confidence


def test_default_policy_is_documented_set() -> None:
    p = Policy.parse(None, None)
    assert p.fail_on == DEFAULT_FAIL_ON
    assert p.fail_on == {"contradicted", "false_verification", "citation_mismatch"}
    assert "unverifiable" not in p.fail_on  # an offline paper must not fail CI by default
    assert p.min_confidence is None


def test_parse_names_case_dashes_and_separators() -> None:
    p = Policy.parse("Contradicted, not-found  research_question_unanswered", 0.5)
    assert p.fail_on == {"contradicted", "not_found", "research_question_unanswered"}
    assert p.min_confidence == 0.5


def test_parse_default_and_none_aliases() -> None:
    assert Policy.parse("default,not_found", None).fail_on == DEFAULT_FAIL_ON | {"not_found"}
    assert Policy.parse("none", None).fail_on == frozenset()
    assert Policy.parse("", None).fail_on == frozenset()


def test_unknown_name_lists_valid_ones() -> None:
    with pytest.raises(UsageError) as info:
        Policy.parse("contradicted,contradicteed,bogus", None)
    err = info.value
    assert "'contradicteed'" in str(err) and "'bogus'" in str(err)
    assert err.exit_code == 2
    assert err.hint is not None
    for name in ("not_found", "unverifiable", "false_verification", "citation_mismatch"):
        assert name in err.hint


@pytest.mark.parametrize("bad", [-0.1, 1.5])
def test_min_confidence_out_of_range(bad: float) -> None:
    with pytest.raises(UsageError, match="between 0 and 1"):
        Policy.parse(None, bad)


# --- evaluating


def test_default_policy_fails_contradicted_and_false_verification() -> None:
    out = evaluate(result(MIXED), Policy())
    assert not out.ok and out.exit_code == 1
    assert out.failing_claims == {(0, 1), (0, 4)}  # both contradicted claims
    assert out.failing_findings == {(0, 0)}  # false_verification only
    assert out.failing_in(0) == (2, 1)
    assert "policy violated: 2 claims and 1 finding fail" in out.describe()


def test_policy_holds_when_nothing_listed_occurs() -> None:
    only_good = audit(
        "r.md", [cr(1, "A", Verdict.SUPPORTED, 0.9), cr(2, "B", Verdict.UNVERIFIABLE, 0)]
    )
    out = evaluate(result(only_good), Policy())
    assert out.ok and out.exit_code == 0
    assert out.describe().startswith("policy holds")


def test_fail_on_none_always_passes() -> None:
    assert evaluate(result(MIXED), Policy.parse("none", None)).ok


def test_fail_on_unverifiable_and_findings() -> None:
    out = evaluate(result(MIXED), Policy.parse("unverifiable,count_mismatch", None))
    assert out.failing_claims == {(0, 3)}
    assert out.failing_findings == {(0, 1)}


def test_min_confidence_ignores_failures_below_the_floor() -> None:
    # Claim 5 is contradicted at 0.3: below a 0.5 floor it is reported but does not fail.
    out = evaluate(result(MIXED), Policy.parse(None, 0.5))
    assert out.failing_claims == {(0, 1)}
    assert out.below_floor == 1
    assert "1 below the confidence floor ignored" in out.describe()


def test_min_confidence_applies_to_findings_tied_to_a_claim() -> None:
    # false_verification is about claim 3 (not_found at 0.7): a 0.75 floor drops it too.
    out = evaluate(result(MIXED), Policy.parse("false_verification,count_mismatch", 0.75))
    assert out.failing_findings == {(0, 1)}  # count_mismatch has no claim, so no confidence
    assert out.below_floor == 1


def test_min_confidence_floor_is_inclusive() -> None:
    out = evaluate(result(MIXED), Policy.parse("contradicted", 0.8))
    assert out.failing_claims == {(0, 1)}


# --- baselines


def write_baseline(tmp_path: Path, res: AuditResult) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(dumps_audit(res), encoding="utf-8")
    return path


def test_baseline_excuses_known_problems(tmp_path: Path) -> None:
    base = load_baseline(write_baseline(tmp_path, result(MIXED)))
    out = evaluate(result(MIXED), Policy(), base)
    assert out.ok
    assert out.known == 3
    assert out.baseline == str(tmp_path / "baseline.json")


def test_baseline_flags_only_new_problems_despite_line_shifts(tmp_path: Path) -> None:
    base = load_baseline(write_baseline(tmp_path, result(MIXED)))
    # Five lines were inserted above everything; one new contradicted claim; claim 2 reworded
    # only in spacing and case; the false_verification message now names another line.
    shifted = audit(
        "./reports/a.md",
        [
            cr(1, "A holds.", Verdict.SUPPORTED, 0.9, 16),
            cr(2, "b   IS 5.", Verdict.CONTRADICTED, 0.8, 17),
            cr(3, "C is new.", Verdict.NOT_FOUND, 0.7, 18),
            cr(4, "D is offline.", Verdict.UNVERIFIABLE, 0.0, 19),
            cr(5, "E is shaky.", Verdict.CONTRADICTED, 0.3, 20),
            cr(6, "F is wrong.", Verdict.CONTRADICTED, 0.9, 21),
        ],
        [
            ReportFinding(FindingKind.FALSE_VERIFICATION, "claim 3 is marked ✓", 18, claim_index=3),
            ReportFinding(FindingKind.CITATION_MISMATCH, "2004.09714v1 is another paper", 44),
        ],
    )
    out = evaluate(result(shifted), Policy(), base)
    assert out.failing_claims == {(0, 5)}
    assert out.failing_findings == {(0, 1)}
    assert out.known == 3


def test_baseline_verdict_change_is_a_new_problem(tmp_path: Path) -> None:
    base = load_baseline(write_baseline(tmp_path, result(MIXED)))
    worse = audit("reports/a.md", [cr(3, "C is new.", Verdict.CONTRADICTED, 0.9)])
    out = evaluate(result(worse), Policy(), base)
    assert out.failing_claims == {(0, 0)}


def test_baseline_counts_duplicates(tmp_path: Path) -> None:
    one = audit("r.md", [cr(1, "Same.", Verdict.CONTRADICTED, 0.9)])
    base = load_baseline(write_baseline(tmp_path, result(one)))
    two = audit(
        "r.md",
        [cr(1, "Same.", Verdict.CONTRADICTED, 0.9), cr(2, "Same.", Verdict.CONTRADICTED, 0.9)],
    )
    out = evaluate(result(two), Policy(), base)
    assert len(out.failing_claims) == 1 and out.known == 1


def test_baseline_is_per_report_path(tmp_path: Path) -> None:
    base = load_baseline(write_baseline(tmp_path, result(MIXED)))
    moved = replace(MIXED, report=replace(MIXED.report, path="reports/b.md"))
    out = evaluate(result(moved), Policy(), base)
    assert out.failing_claims == {(0, 1), (0, 4)}


def test_finding_matches_by_line_when_message_changes(tmp_path: Path) -> None:
    base = load_baseline(write_baseline(tmp_path, result(MIXED)))
    reworded = audit(
        "reports/a.md",
        [],
        [ReportFinding(FindingKind.FALSE_VERIFICATION, "claim three is ticked", 13, claim_index=3)],
    )
    assert evaluate(result(reworded), Policy(), base).ok


def test_normalise_message_blanks_line_numbers() -> None:
    assert normalise_message("Line 12: bad") == normalise_message("line 40:  BAD")
    assert normalise_message("value 12") != normalise_message("value 40")


# --- bad baselines


def test_baseline_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"--baseline .*nope\.json: cannot read"):
        load_baseline(tmp_path / "nope.json")


def test_baseline_not_json(tmp_path: Path) -> None:
    p = tmp_path / "b.json"
    p.write_text('{"schema_version": "1",\n "reports": [oops]}', encoding="utf-8")
    with pytest.raises(ReportParseError) as info:
        load_baseline(p)
    assert info.value.path == str(p) and info.value.line == 2
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("doc", "what"),
    [
        ([], "no schema_version"),
        ({"schema_version": "2", "reports": []}, "not supported"),
        ({"schema_version": "1"}, "no list of reports"),
        ({"schema_version": "1", "reports": [{"claims": []}]}, r"reports\[0\] has no path"),
        (
            {"schema_version": "1", "reports": [{"path": "a", "claims": [{"text": "x"}]}]},
            "no verdict",
        ),
    ],
)
def test_baseline_wrong_shape(tmp_path: Path, doc: object, what: str) -> None:
    p = tmp_path / "b.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ReportParseError, match=what) as info:
        load_baseline(p)
    assert str(p) in str(info.value)
