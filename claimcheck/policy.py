"""The CI gate: which verdicts and findings fail a run, and so its exit code.

A :class:`Policy` names the verdicts (``contradicted``, ``not_found``, ...) and report findings
(``false_verification``, ``citation_mismatch``, ...) that fail the run, plus an optional confidence
floor. :func:`evaluate` applies it to an :class:`~claimcheck.models.AuditResult` and says which claims
and findings fail; with a :class:`Baseline` (an earlier ``--format json`` result) only problems that
are new since then fail.

The default, :data:`DEFAULT_FAIL_ON`, fails on what a synthesis must not contain whatever the state
of the network or of claimcheck's retrieval:

- ``contradicted``: the cited paper says otherwise (a different number, the opposite polarity);
- ``false_verification``: the report marks a claim ✓ verified that its cited source does not bear out;
- ``citation_mismatch``: a cited arXiv id points at another paper than the one the report names.

It leaves out ``not_found``, ``partially_supported`` and ``unverifiable`` (a paper that was offline or
could not be extracted says nothing about the report), and the bookkeeping findings
(``count_mismatch``, ``uncited_source``, ...): add them with ``--fail-on default,not_found``.

``--min-confidence X`` is a floor on claimcheck's own confidence: a failing verdict (and a finding
tied to that claim) fails the run only when claimcheck's confidence in it is at least ``X``; below
the floor it is still reported, but does not fail the gate. Findings not tied to a claim have no
confidence and are not affected.

Exit codes: 0 the policy holds, 1 it is violated (:attr:`PolicyOutcome.exit_code`); 2 and 3 come from
errors (see :mod:`claimcheck.errors`).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import ReportParseError, UsageError
from claimcheck.models import AuditResult, FindingKind, ReportFinding, Verdict

VERDICT_NAMES: tuple[str, ...] = tuple(v.value for v in Verdict)
FINDING_NAMES: tuple[str, ...] = tuple(k.value for k in FindingKind)
KNOWN_NAMES: frozenset[str] = frozenset(VERDICT_NAMES + FINDING_NAMES)

DEFAULT_FAIL_ON: frozenset[str] = frozenset(
    {
        Verdict.CONTRADICTED.value,
        FindingKind.FALSE_VERIFICATION.value,
        FindingKind.CITATION_MISMATCH.value,
    }
)

# Words --fail-on accepts besides the names: "default" expands to DEFAULT_FAIL_ON, "none" to nothing.
_ALIASES: dict[str, frozenset[str]] = {"default": DEFAULT_FAIL_ON, "none": frozenset()}


@dataclass(frozen=True)
class Policy:
    """What fails a run: verdict and finding names, and a confidence floor."""

    fail_on: frozenset[str] = DEFAULT_FAIL_ON
    min_confidence: float | None = None

    @classmethod
    def parse(cls, fail_on: str | None, min_confidence: float | None = None) -> Policy:
        """Build a policy from ``--fail-on`` and ``--min-confidence`` as typed.

        ``fail_on`` is a comma- or space-separated list of verdicts and findings (case and ``-``/``_``
        do not matter); ``default`` stands for :data:`DEFAULT_FAIL_ON` and ``none`` for nothing.
        ``None`` means the default. Raises :class:`~claimcheck.errors.UsageError` naming any unknown
        name and listing the valid ones.

        >>> sorted(Policy.parse("default, not-found").fail_on)
        ['citation_mismatch', 'contradicted', 'false_verification', 'not_found']
        """
        if min_confidence is not None and not (0.0 <= min_confidence <= 1.0):
            raise UsageError(f"--min-confidence {min_confidence:g}: must be between 0 and 1")
        if fail_on is None:
            return cls(DEFAULT_FAIL_ON, min_confidence)
        names: set[str] = set()
        unknown: list[str] = []
        for raw in re.split(r"[,\s]+", fail_on.strip()):
            if not raw:
                continue
            name = raw.strip().lower().replace("-", "_")
            if name in _ALIASES:
                names |= _ALIASES[name]
            elif name in KNOWN_NAMES:
                names.add(name)
            else:
                unknown.append(raw)
        if unknown:
            raise UsageError(
                f"--fail-on: unknown name{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(repr(u) for u in unknown)}",
                hint="valid are verdicts "
                + ", ".join(VERDICT_NAMES)
                + "; findings "
                + ", ".join(FINDING_NAMES)
                + "; or default, none",
            )
        return cls(frozenset(names), min_confidence)

    def describe(self) -> str:
        """One line for humans: ``fail on contradicted, false_verification (confidence >= 0.6)``."""
        names = ", ".join(ordered_names(self.fail_on)) or "nothing"
        floor = (
            f" (confidence >= {self.min_confidence:g})" if self.min_confidence is not None else ""
        )
        return f"fail on {names}{floor}"


def ordered_names(names: Iterable[str]) -> list[str]:
    """Names in a stable, meaningful order: verdicts first, then findings, as the enums list them."""
    order = {n: i for i, n in enumerate(VERDICT_NAMES + FINDING_NAMES)}
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


@dataclass(frozen=True)
class BaselineClaim:
    report: str  # normalised report path
    text: str  # normalised claim text
    verdict: str


@dataclass(frozen=True)
class BaselineFinding:
    report: str
    kind: str
    message: str  # normalised (line numbers blanked)
    line: int | None


@dataclass(frozen=True)
class Baseline:
    """The problems an earlier JSON result already had: known debt that should not fail a run."""

    path: str
    claims: tuple[BaselineClaim, ...]
    findings: tuple[BaselineFinding, ...]


@dataclass(frozen=True)
class PolicyOutcome:
    """Which claims and findings fail, addressed by position: ``(report, claim)`` and
    ``(report, finding)``, 0-based into ``AuditResult.reports``, ``ReportAudit.claims`` and
    ``ReportAudit.findings``.

    ``below_floor`` counts failures ignored under ``--min-confidence``; ``known`` those ignored
    because the baseline already had them.
    """

    policy: Policy
    failing_claims: frozenset[tuple[int, int]]
    failing_findings: frozenset[tuple[int, int]]
    below_floor: int = 0
    known: int = 0
    baseline: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failing_claims and not self.failing_findings

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def claim_fails(self, report: int, claim: int) -> bool:
        return (report, claim) in self.failing_claims

    def finding_fails(self, report: int, finding: int) -> bool:
        return (report, finding) in self.failing_findings

    def failing_in(self, report: int) -> tuple[int, int]:
        """(failing claims, failing findings) of one report."""
        claims = sum(1 for r, _ in self.failing_claims if r == report)
        findings = sum(1 for r, _ in self.failing_findings if r == report)
        return claims, findings

    def describe(self) -> str:
        """One closing line: ``policy violated: 2 claims and 1 finding fail (fail on ...)``."""
        c, f = len(self.failing_claims), len(self.failing_findings)
        extra = []
        if self.known:
            extra.append(f"{self.known} already in the baseline")
        if self.below_floor:
            extra.append(f"{self.below_floor} below the confidence floor")
        tail = f"; {', '.join(extra)} ignored" if extra else ""
        if self.ok:
            return f"policy holds ({self.policy.describe()}{tail})"
        parts = []
        if c:
            parts.append(f"{c} claim{'s' if c != 1 else ''}")
        if f:
            parts.append(f"{f} finding{'s' if f != 1 else ''}")
        verb = "fails" if c + f == 1 else "fail"
        return f"policy violated: {' and '.join(parts)} {verb} ({self.policy.describe()}{tail})"


def evaluate(
    result: AuditResult, policy: Policy, baseline: Baseline | None = None
) -> PolicyOutcome:
    """Apply ``policy`` to ``result``: which claims and findings fail, and whether the run passes."""
    known_claims = Counter(baseline.claims) if baseline else Counter[BaselineClaim]()
    known_findings = list(baseline.findings) if baseline else []
    failing_claims: set[tuple[int, int]] = set()
    failing_findings: set[tuple[int, int]] = set()
    below_floor = 0
    known = 0
    floor = policy.min_confidence
    for r, ra in enumerate(result.reports):
        path = normalise_path(ra.report.path)
        confidence_of: dict[int, float] = {}
        for c, cr in enumerate(ra.claims):
            confidence_of[cr.claim.index] = cr.confidence
            if cr.verdict.value not in policy.fail_on:
                continue
            if floor is not None and cr.confidence < floor:
                below_floor += 1
                continue
            key = BaselineClaim(path, normalise_text(cr.claim.text), cr.verdict.value)
            if known_claims[key] > 0:
                known_claims[key] -= 1
                known += 1
                continue
            failing_claims.add((r, c))
        candidates: list[tuple[int, ReportFinding]] = []
        for i, f in enumerate(ra.findings):
            if f.kind.value not in policy.fail_on:
                continue
            if floor is not None and f.claim_index is not None:
                conf = confidence_of.get(f.claim_index)
                if conf is not None and conf < floor:
                    below_floor += 1
                    continue
            candidates.append((i, f))
        matched = _match_findings(path, candidates, known_findings)
        known += len(matched)
        failing_findings.update((r, i) for i, _ in candidates if i not in matched)
    return PolicyOutcome(
        policy=policy,
        failing_claims=frozenset(failing_claims),
        failing_findings=frozenset(failing_findings),
        below_floor=below_floor,
        known=known,
        baseline=baseline.path if baseline else None,
    )


def _match_findings(
    path: str, candidates: list[tuple[int, ReportFinding]], known: list[BaselineFinding]
) -> set[int]:
    """Positions of ``candidates`` the baseline already has; consumes the baseline entries used.

    First by kind and message (line numbers blanked, so an edit above the finding does not make it
    new), then, for what is left, by kind and the same line (a reworded message at the same place).
    """
    matched: set[int] = set()
    for by_line in (False, True):
        for i, f in candidates:
            if i in matched:
                continue
            msg = normalise_message(f.message)
            for j, b in enumerate(known):
                if b.report != path or b.kind != f.kind.value:
                    continue
                same = (b.line is not None and b.line == f.line) if by_line else b.message == msg
                if same:
                    matched.add(i)
                    del known[j]
                    break
    return matched


def normalise_path(path: str) -> str:
    """Report paths as both runs will spell them: POSIX separators, no ``./``."""
    return os.path.normpath(path).replace(os.sep, "/")


def normalise_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


_LINE_REF = re.compile(r"\b(lines?|l\.)\s*\d+(?:\s*[-–]\s*\d+)?", re.IGNORECASE)


def normalise_message(message: str) -> str:
    return normalise_text(_LINE_REF.sub(r"\1 #", message))


def load_baseline(path: Path) -> Baseline:
    """Read an earlier ``claimcheck check --format json`` result as a baseline.

    Raises :class:`~claimcheck.errors.UsageError` when the file cannot be read and
    :class:`~claimcheck.errors.ReportParseError` (with the file) when it is not such a result.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"--baseline {path}: cannot read: {reason}") from exc
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReportParseError(
            f"not JSON: {exc.msg} (column {exc.colno})",
            path=path,
            line=exc.lineno,
            hint="--baseline takes the output of `claimcheck check --format json`",
        ) from exc
    return _baseline_from_doc(doc, str(path))


def _baseline_from_doc(doc: Any, where: str) -> Baseline:
    hint = "--baseline takes the output of `claimcheck check --format json`"

    def bad(what: str) -> ReportParseError:
        return ReportParseError(f"not a claimcheck JSON result: {what}", path=where, hint=hint)

    if not isinstance(doc, dict) or "schema_version" not in doc:
        raise bad("no schema_version")
    if str(doc["schema_version"]).split(".")[0] != "1":
        raise bad(f"schema_version {doc['schema_version']!r} is not supported (expected 1)")
    reports = doc.get("reports")
    if not isinstance(reports, list):
        raise bad("no list of reports")
    claims: list[BaselineClaim] = []
    findings: list[BaselineFinding] = []
    for n, rep in enumerate(reports):
        if not isinstance(rep, dict) or not isinstance(rep.get("path"), str):
            raise bad(f"reports[{n}] has no path")
        rpath = normalise_path(rep["path"])
        for m, cl in enumerate(rep.get("claims") or []):
            if not isinstance(cl, dict) or not isinstance(cl.get("text"), str):
                raise bad(f"reports[{n}].claims[{m}] has no text")
            verdict = cl.get("verdict")
            if not isinstance(verdict, str):
                # A `claimcheck parse` result has claims but no verdicts: nothing to excuse.
                raise bad(f"reports[{n}].claims[{m}] has no verdict (is it a `parse` result?)")
            claims.append(BaselineClaim(rpath, normalise_text(cl["text"]), verdict))
        for m, fd in enumerate(rep.get("findings") or []):
            if not isinstance(fd, dict) or not isinstance(fd.get("kind"), str):
                raise bad(f"reports[{n}].findings[{m}] has no kind")
            line = fd.get("line")
            findings.append(
                BaselineFinding(
                    rpath,
                    fd["kind"],
                    normalise_message(str(fd.get("message") or "")),
                    line if isinstance(line, int) else None,
                )
            )
    return Baseline(where, tuple(claims), tuple(findings))
