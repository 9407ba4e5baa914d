"""The Auditor: reports in, an AuditResult out.

For each report: fetch its references (each distinct paper once per Auditor), index their
passages, rank passages for every claim, check the claim's numbers, decide a verdict, then derive
the report-level findings. A claim that cannot be checked still gets a result (``unverifiable``,
with the reason); nothing per-claim raises out of ``audit``.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Protocol

from rapidfuzz import fuzz

from claimcheck.config import Settings
from claimcheck.errors import ClaimcheckError
from claimcheck.models import (
    AuditResult,
    Claim,
    ClaimResult,
    Evidence,
    FetchedPaper,
    FindingKind,
    Mark,
    NumberMention,
    Passage,
    PassageKind,
    Reference,
    ReferenceStatus,
    Report,
    ReportAudit,
    ReportFinding,
    Verdict,
)
from claimcheck.verify import lexical
from claimcheck.verify.index import INDEX_VERSION, PaperIndex, Scored, rank
from claimcheck.verify.numbers import check_numbers, extract_numbers
from claimcheck.verify.semantic import FloatArray, SemanticModel, from_bytes, to_bytes
from claimcheck.verify.verdict import (
    THRESHOLDS,
    Decision,
    calibrated,
    caption_fits,
    decide,
    entities,
    named_in,
    polarity_conflict,
)

EVIDENCE_SHOWN = 3
# Where a claim may be cut into parts: commas, semicolons and the conjunctions that join clauses.
_CLAUSE = re.compile(r"[,;]\s|\s(?:and|while|whereas|but)\s")
# What a comparison's other side starts with: it is no statement of its own.
_COMPARED = re.compile(r"(?:against|unlike|ahead of|compared (?:with|to)|versus|vs\.?)\s")
_PURPOSE = re.compile(r"(?:In order )?[Tt]o [a-z]+\b")
# A part has at least this many content words; a smaller piece (a list item: "German") stays
# with the part before it.
MIN_PART_TERMS = 3
# How far below the topic threshold a part must score to be stated nowhere.
PART_SLACK = 0.05
# Share of a part's terms that the passage stating another part must write for it to state
# this one too.
BESIDE_RECALL = 0.75


def _words(text: str) -> int:
    """How many content words a piece of a claim has, a hyphened word counting once
    ("Fake-English" is one word, though its halves are terms too)."""
    terms = lexical.content_terms(text)
    halves = {h for t in terms if "-" in t for h in lexical.content_terms(t.replace("-", " "))}
    return sum(1 for t in terms if t not in halves or "-" in t)


def parts(core: str) -> list[str]:
    """The claim cut into parts that each say something, or [] when it is one statement.

    "Each MLM is trained on 8 V100 GPUs and reaches a dev perplexity of about 4" is two;
    "trained on English, German and Hindi" is one (its pieces are list items).
    """
    spans: list[list[int]] = [[0, len(core)]]
    colon = core.find(": ")
    # (No clause starts at the "and" of two names: "takes Dufter and Schütze about 6 hours".)
    names = [*lexical.attribution_spans(core), *(m.span() for m in lexical.NAME_PAIR.finditer(core))]
    for m in _CLAUSE.finditer(core):
        if 0 <= colon < m.start():
            break  # "four tasks: word alignment, sentence retrieval and XNLI" is one list
        if any(a <= m.start() < b for a, b in names):
            continue  # "Dufter and Schütze's experiments" names its authors, it is no clause
        if _COMPARED.match(core, m.end()):
            continue  # "131M parameters, against 178M for mBERT": one comparison, one part
        if core.startswith("(", m.end()):
            continue  # "per language pair (0,1) and (0,2)": a list of bracketed items, no clause
        if core.count("(", 0, m.start()) > core.count(")", 0, m.start()):
            continue  # "with probabilities (0.5, 0.1, 0.1, 0.3)": inside brackets, no clause
        if len(lexical.content_terms(core[spans[-1][0] : m.start()])) >= MIN_PART_TERMS:
            spans[-1][1] = m.start()
            spans.append([m.end(), len(core)])
    # The last piece must say something too, or it joins the part before it.
    if len(spans) > 1 and _words(core[spans[-1][0] :]) < MIN_PART_TERMS:
        spans.pop()
        spans[-1][1] = len(core)
    pieces = [core[a:b].strip(" ,;") for a, b in spans]
    return pieces if len(pieces) > 1 else []


# A cited paper whose title scores this high against the examined title (rapidfuzz token set
# ratio, 0-100) is the examined paper.
EXAMINED_MATCH = 90
# A reference whose best passage for every claim stays below this fused score has nothing to do
# with the report: the id probably points at another paper.
MISMATCH_SCORE = 0.30
# Words of a research question that say nothing about what it asks.
_GENERIC_RQ = frozenset(
    lexical.content_terms(
        """impact effect effects effectiveness influence role does do what how whether vary
        varies across different when using use used model models approach approaches study
        evaluate evaluated evaluation benchmark benchmarks task tasks performance result results
        compared comparison e.g. eg vs versus"""
    )
)


class Fetcher(Protocol):
    """What the Auditor needs from claimcheck.papers (``PaperFetcher`` satisfies it)."""

    def fetch_many(self, refs: Sequence[Reference]) -> list[FetchedPaper]: ...


@dataclass
class _Source:
    fetched: FetchedPaper
    index: PaperIndex
    extra: list[PaperIndex]


class Auditor:
    """Checks reports against their sources. Reuse one Auditor for a batch of reports."""

    def __init__(
        self,
        settings: Settings,
        *,
        fetcher: Fetcher | None = None,
        model: SemanticModel | None = None,
        on_progress: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        if fetcher is None:
            from claimcheck.papers import PaperFetcher

            fetcher = PaperFetcher(settings)
        self.fetcher = fetcher
        self.semantic = settings.semantic
        if self.semantic and model is None:
            model = SemanticModel(settings.model)
        self.model = model if self.semantic else None
        self._indexes: dict[str, PaperIndex] = {}
        self._part_vecs: dict[str, FloatArray] = {}  # parts of claims, encoded with the claims
        self._progress = on_progress or (lambda _msg: None)
        from claimcheck.papers.cache import PaperCache

        # Embeddings are kept with the papers; the cache directory is only created on write.
        self._cache = PaperCache(settings.cache_dir)

    # -- indexes ---------------------------------------------------------------------------
    def _index(self, fp: FetchedPaper) -> PaperIndex:
        pid = str(fp.arxiv_id)
        if pid in self._indexes:
            return self._indexes[pid]
        embeddings: FloatArray | None = None
        name = ""
        if self.model is not None and fp.paper is not None:
            # Keyed by the passages and by which of them are ranked (INDEX_VERSION): passages
            # cut or chosen anew need new embeddings, even where there happen to be as many.
            name = (f"embeddings-{self.model.cache_key}-{_digest(fp.passages)}"
                    f"-i{INDEX_VERSION}.npy")
            data = self._cache.read_artifact(fp.paper.arxiv_id, name)
            if data is not None:
                embeddings = from_bytes(data)
        index = PaperIndex.build(pid, fp.passages, self.model, embeddings)
        if (
            self.model is not None
            and index.embeddings is not None
            and index.embeddings is not embeddings  # encoded in this run
            and fp.paper is not None
        ):
            try:
                self._cache.write_artifact(fp.paper.arxiv_id, name, to_bytes(index.embeddings))
            except (ClaimcheckError, OSError, ValueError):
                # Caching is an optimisation: a read-only cache must not fail the run.
                self._progress(f"could not cache the embeddings of {pid}")
        self._indexes[pid] = index
        return index

    # -- the audit -------------------------------------------------------------------------
    def audit(self, reports: Sequence[Report], *, workers: int = 1) -> AuditResult:
        start = time.perf_counter()
        # Fetch every distinct reference once, for all reports; each report keeps its own
        # Reference (its line numbers) on the shared result. The cited papers come first: an
        # examined paper that one of them already is needs no title search.
        fetched: dict[tuple[str | None, str | None], FetchedPaper] = {}
        self._fetch_into(fetched, [ref for r in reports for ref in r.references])
        examined = {r.path: _examined_reference(r, [fetched[_ref_key(x)] for x in r.references])
                    for r in reports}
        self._fetch_into(fetched, [ref for ref in examined.values() if ref is not None])
        per_report = []
        for r in reports:
            refs = list(r.references)
            ex = examined[r.path]
            if ex is not None:
                refs.append(ex)
            per_report.append((r, [replace(fetched[_ref_key(ref)], reference=ref) for ref in refs]))
        # Index sequentially (the model is not thread-safe to load), then verify in parallel.
        for _, fps in per_report:
            for fp in fps:
                if fp.status is ReferenceStatus.AVAILABLE:
                    self._index(fp)
                    for extra in fp.extra_versions:
                        if extra.status is ReferenceStatus.AVAILABLE:
                            self._index(extra)
        # Every claim of every report in one batch: the model is fastest on big batches, and
        # torch's own threads would fight the verification threads. The claims' parts go in
        # the same batch.
        all_claims = [c for r in reports for c in r.claims]
        vecs = self._claim_vectors(all_claims)
        jobs = []
        offset = 0
        for r, fps in per_report:
            n = len(r.claims)
            jobs.append((r, fps, vecs[offset : offset + n] if vecs is not None else None))
            offset += n
        if workers > 1 and len(jobs) > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                audits = list(pool.map(lambda a: self.audit_report(*a), jobs))
        else:
            audits = [self.audit_report(*job) for job in jobs]
        return AuditResult(
            reports=tuple(audits),
            semantic=self.semantic,
            model=self.model.name if self.model else None,
            seconds=time.perf_counter() - start,
        )

    def audit_report(
        self,
        report: Report,
        papers: Sequence[FetchedPaper],
        claim_vecs: FloatArray | None = None,
    ) -> ReportAudit:
        self._progress(f"checking {report.path}")
        sources = self._sources(papers)
        unavailable = [fp for fp in papers if fp.status is not ReferenceStatus.AVAILABLE]
        if claim_vecs is None:
            claim_vecs = self._claim_vectors(report.claims)
        results = []
        best_by_paper: dict[str, float] = {str(s.fetched.arxiv_id): 0.0 for s in sources}
        supported_by_paper: dict[str, int] = {k: 0 for k in best_by_paper}
        for i, claim in enumerate(report.claims):
            vec = claim_vecs[i] if claim_vecs is not None else None
            res, ranked = self.check_claim(claim, vec, sources, unavailable)
            results.append(res)
            for s in ranked:
                pid = str(s.passage.paper_id)
                if pid in best_by_paper:
                    best_by_paper[pid] = max(best_by_paper[pid], s.score)
            if res.verdict in (Verdict.SUPPORTED, Verdict.PARTIALLY_SUPPORTED) and res.evidence:
                pid = res.evidence[0].paper_id
                if pid in supported_by_paper:
                    supported_by_paper[pid] += 1
        findings = list(report.findings)
        findings += _mark_findings(results)
        findings += self._paper_findings(report, papers, best_by_paper, supported_by_paper)
        findings += _research_question_finding(report, results)
        return ReportAudit(report=report, papers=tuple(papers), claims=tuple(results),
                           findings=tuple(findings))

    def _fetch_into(
        self,
        fetched: dict[tuple[str | None, str | None], FetchedPaper],
        refs: Sequence[Reference],
    ) -> None:
        unique: dict[tuple[str | None, str | None], Reference] = {}
        for ref in refs:
            key = _ref_key(ref)
            if key not in fetched:
                unique.setdefault(key, ref)
        if unique:
            self._progress(f"fetching {len(unique)} paper(s)")
            fetched.update(zip(unique, self.fetcher.fetch_many(list(unique.values()))))

    def verify_claims(
        self, claims: Sequence[Claim], refs: Sequence[Reference]
    ) -> list[ClaimResult]:
        """Check loose claims against the given references (no report around them)."""
        fetched = self.fetcher.fetch_many(refs)
        sources = self._sources(fetched)
        unavailable = [fp for fp in fetched if fp.status is not ReferenceStatus.AVAILABLE]
        vecs = self._claim_vectors(claims)
        return [
            self.check_claim(c, vecs[i] if vecs is not None else None, sources, unavailable)[0]
            for i, c in enumerate(claims)
        ]

    def _sources(self, papers: Sequence[FetchedPaper]) -> list[_Source]:
        """Available papers, each once: an examined paper found by title that is also cited
        (maybe as another version) is not searched twice."""
        out: list[_Source] = []
        cited = {fp.arxiv_id.base for fp in papers
                 if not fp.reference.examined and fp.arxiv_id is not None
                 and fp.status is ReferenceStatus.AVAILABLE}
        seen: set[str] = set()
        for fp in papers:
            if fp.status is not ReferenceStatus.AVAILABLE or fp.arxiv_id is None:
                continue
            if fp.reference.examined and fp.arxiv_id.base in cited:
                continue
            if str(fp.arxiv_id) in seen:
                continue
            seen.add(str(fp.arxiv_id))
            extra = [self._index(x) for x in fp.extra_versions
                     if x.status is ReferenceStatus.AVAILABLE]
            out.append(_Source(fp, self._index(fp), extra))
        return out

    def _claim_vectors(self, claims: Sequence[Claim]) -> FloatArray | None:
        """The claims' embeddings, their parts' (see ``parts``) encoded in the same batch."""
        cores = [lexical.claim_core(c.text, c.truncated) for c in claims]
        extra = sorted({p for core in cores for p in parts(core)} - set(self._part_vecs))
        vecs = self._claim_vectors_text([*cores, *extra])
        if vecs is None:
            return None
        self._part_vecs.update(zip(extra, vecs[len(cores) :], strict=True))
        return vecs[: len(cores)]

    def _claim_vectors_text(self, texts: Sequence[str]) -> FloatArray | None:
        if self.model is None or not texts:
            return None
        return self.model.encode([lexical.without_attribution(t) for t in texts])

    def check_claim(
        self,
        claim: Claim,
        vec: FloatArray | None,
        sources: Sequence[_Source],
        unavailable: Sequence[FetchedPaper],
    ) -> tuple[ClaimResult, list[Scored]]:
        """Rank, check numbers, decide. Never raises for a claim."""
        if not sources:
            why = "; ".join(f"{_ref_name(fp)}: {fp.reason or 'unavailable'}" for fp in unavailable)
            return ClaimResult(
                claim, Verdict.UNVERIFIABLE, 0.0,
                reason=f"no cited paper could be had ({why})" if why else "the report cites no paper",
            ), []
        core = lexical.claim_core(claim.text, claim.truncated)
        ranked = rank(core, vec, [s.index for s in sources])
        mentions = extract_numbers(claim.text)
        headers = _headers(sources)
        checks = check_numbers(mentions, [s.passage for s in ranked], claim_text=claim.text,
                               headers=headers)
        paper_entities = set().union(*(s.index.entities for s in sources))
        decision = decide(core, ranked, checks, semantic=self.semantic, truncated=claim.truncated,
                          paper_entities=paper_entities)
        verdict, confidence, reason = decision.verdict, decision.confidence, decision.reason
        pieces = parts(core)
        if pieces and verdict in (Verdict.SUPPORTED, Verdict.PARTIALLY_SUPPORTED, Verdict.NOT_FOUND):
            # A claim of several parts holds only where each part does: one the papers never
            # state ("..., drawn with a fixed random seed of 42") makes it partial; parts stated
            # in separate sentences support it together.
            judged = [(p, self._decide_part(p, sources, paper_entities, headers)) for p in pieces]
            # A leading purpose clause ("To study random initialisation, ...") says why, in
            # the report's words: it is not a detail held against the claim.
            judged = [(p, d) for k, (p, d) in enumerate(judged)
                      if not (k == 0 and _PURPOSE.match(p) and d.verdict is not Verdict.SUPPORTED)]
            judged = _stated_beside(judged)
            # A part whose number a table's cell contradicts ("mT0 averages 72.5 F1 on BUFFET's
            # TyDiQA", against the row's 73.6) contradicts the claim, whatever its other parts say.
            # (Only a part with a subject of its own, a name it starts with: "about 275 million
            # tokens, against 300.8 GiB for English" is Swahili's, as the part before it says; and
            # only in a table whose caption names what the whole claim is about: "RoBERTa reaches
            # 76.2%" of a claim on translate-test XNLI is not read in the GLUE table.)
            wrong = next(((p, d) for p, d in judged if d.verdict is Verdict.CONTRADICTED and d.tabled
                          and _named_subject(p) and d.passage is not None
                          and caption_fits(core, d.passage.passage, but_label=True)), None)
            # A truncated claim's last part is cut short: it is never held against the claim.
            checkable = judged[:-1] if claim.truncated else judged
            stated = [(p, d) for p, d in judged if d.verdict is Verdict.SUPPORTED]
            # Cut short, a truncated claim's last part may be partly stated only for what it
            # lost: then it holds as far as it goes.
            cut = claim.truncated and judged[-1][1].verdict is Verdict.PARTIALLY_SUPPORTED
            every_part = len(stated) + int(cut) == len(judged)
            if verdict is Verdict.NOT_FOUND and not stated:
                # The whole is off topic only because of what it adds: the part on topic is
                # (partly) stated. (On topic: a part held partly only by numbers in a table row
                # below the topic threshold, "masks with probabilities (0.5, 0.1, 0.1, 0.3)"
                # against "TICL mT5 0.4 0.5 0.1 0.4 0.3", is not.)
                topic = THRESHOLDS[self.semantic].topic
                stated = [(p, d) for p, d in judged if d.verdict is Verdict.PARTIALLY_SUPPORTED
                          and not (d.passage is not None and d.passage.score < topic
                                   and d.passage.passage.kind is PassageKind.TABLE_ROW)]
            # Out of its sentence a part scores lower than it would in it: only one that is far
            # below the topic threshold is stated nowhere.
            floor = THRESHOLDS[self.semantic].topic - PART_SLACK
            # A part holding a number found where the claim is stated ("95.0 on SST-2", read
            # off the table) is not stated nowhere, however little prose it shares.
            nowhere = [p for p, d in checkable if d.verdict is Verdict.NOT_FOUND
                       and (d.passage is None or d.passage.score < floor)
                       and not any(_writes(p, t) for t in decision.held)]
            # Off topic, and mostly about what the papers never name ("On MasakhaNER, every
            # in-context learning method including ChatGPT struggles, while target-language
            # fine-tuning stays strong" against a paper without MasakhaNER): the part stated is a
            # coincidence of wording, the claim is not found.
            unnamed = _unnamed(judged, paper_entities) if verdict is Verdict.NOT_FOUND else []
            if wrong is not None and (cell := wrong[1].passage) is not None:
                p, d = wrong
                verdict, confidence = d.verdict, d.confidence
                reason = f"{p!r}: {d.reason}"
                ranked = [cell, *[x for x in ranked if x is not cell]]
            elif unnamed:
                reason += f"; its parts not stated name {', '.join(unnamed)}, which the papers never name"
            elif verdict is not Verdict.SUPPORTED and every_part:
                verdict = Verdict.SUPPORTED
                confidence = min(d.confidence for _, d in stated)
                reason = "each part is stated: " + "; ".join(
                    f"{p!r} in {d.passage.passage.paper_id} p.{d.passage.passage.page}"
                    for p, d in stated if d.passage is not None)
            elif stated and nowhere:
                verdict, reason, ranked = _partly(stated[0], f"{nowhere[0]!r} is stated nowhere", ranked)
                confidence = calibrated(self.semantic, verdict, 0.0)
            elif verdict is Verdict.NOT_FOUND and (
                    whole := [(p, d) for p, d in judged if d.verdict is Verdict.SUPPORTED]):
                # A part stated outright: the papers do speak of the claim, if not of all of it.
                rest = next(p for p, d in judged if d.verdict is not Verdict.SUPPORTED)
                verdict, reason, ranked = _partly(whole[0], f"{rest!r} only partly", ranked)
                confidence = calibrated(self.semantic, verdict, 0.0)
        if unavailable and verdict in (Verdict.NOT_FOUND, Verdict.PARTIALLY_SUPPORTED):
            # The papers we lack may state the claim outright, or the part of it that the papers
            # we have leave out: neither "not found" nor "partly" can be told.
            names = ", ".join(_ref_name(fp) for fp in unavailable)
            closest = f" (closest: {reason})" if verdict is Verdict.PARTIALLY_SUPPORTED else ""
            verdict, confidence = Verdict.UNVERIFIABLE, 0.0
            reason = f"not in the papers that could be had{closest}; {names} could not be checked"
        versions = self._per_version(claim, core, vec, sources, mentions)
        if len(set(versions.values())) > 1:
            reason += "; by version: " + ", ".join(f"{k} {v.value}" for k, v in versions.items())
        if decision.passage is not None and verdict is decision.verdict:
            ranked = [decision.passage, *[x for x in ranked if x is not decision.passage]]
        evidence = tuple(_evidence(s) for s in ranked[:EVIDENCE_SHOWN])
        return ClaimResult(
            claim=claim,
            verdict=verdict,
            confidence=confidence,
            evidence=evidence,
            numbers=tuple(checks),
            reason=reason,
            negation_conflict=decision.negation_conflict,
            versions=versions,
        ), ranked

    def _decide_part(
        self, part: str, sources: Sequence[_Source], paper_entities: set[str],
        headers: frozenset[str],
    ) -> Decision:
        """The verdict on one part of a claim, alone."""
        vec: FloatArray | None = None
        if self.model is not None:
            vec = self._part_vecs.get(part)
            if vec is None:  # a claim checked without _claim_vectors (a caller's own vectors)
                vec = self.model.encode([lexical.without_attribution(part)])[0]
        ranked = rank(part, vec, [s.index for s in sources])
        checks = check_numbers(extract_numbers(part), [x.passage for x in ranked], claim_text=part,
                               headers=headers)
        return decide(part, ranked, checks, semantic=self.semantic, paper_entities=paper_entities)

    def _per_version(
        self,
        claim: Claim,
        core: str,
        vec: FloatArray | None,
        sources: Sequence[_Source],
        mentions: Sequence[NumberMention],
    ) -> dict[str, Verdict]:
        """The verdict against each fetched version alone, for papers with several (--all-versions)."""
        out: dict[str, Verdict] = {}
        for s in sources:
            if not s.extra:
                continue
            for idx in [s.index, *s.extra]:
                ranked = rank(core, vec, [idx])
                checks = check_numbers(mentions, [x.passage for x in ranked], claim_text=claim.text,
                                       headers=idx.headers)
                out[idx.paper_id] = decide(
                    core, ranked, checks, semantic=self.semantic, truncated=claim.truncated,
                    paper_entities=idx.entities,
                ).verdict
        return out

    def _paper_findings(
        self,
        report: Report,
        papers: Sequence[FetchedPaper],
        best_by_paper: dict[str, float],
        supported_by_paper: dict[str, int],
    ) -> list[ReportFinding]:
        out: list[ReportFinding] = []
        topic = THRESHOLDS[self.semantic].topic
        for fp in papers:
            name = _ref_name(fp)
            line = fp.reference.line
            if fp.status is not ReferenceStatus.AVAILABLE:
                out.append(ReportFinding(
                    FindingKind.UNAVAILABLE_REFERENCE,
                    f"{name} could not be had: {fp.reason or 'unknown reason'}",
                    line=line, arxiv_id=name,
                ))
                continue
            pid = str(fp.arxiv_id)
            if fp.reference.title and fp.paper is not None:
                score = fuzz.token_set_ratio(
                    lexical.normalise(fp.reference.title), lexical.normalise(fp.paper.title)
                )
                if score < 80:
                    out.append(ReportFinding(
                        FindingKind.CITATION_MISMATCH,
                        f"{name} is cited as {fp.reference.title!r}, but arXiv's record is "
                        f"{fp.paper.title!r} (title similarity {score:.0f}/100)",
                        line=line, arxiv_id=pid,
                    ))
                    continue
            if not report.claims:
                continue
            best = best_by_paper.get(pid, 0.0)
            if best < MISMATCH_SCORE:
                title = f" ({fp.paper.title!r})" if fp.paper and fp.paper.title else ""
                out.append(ReportFinding(
                    FindingKind.CITATION_MISMATCH,
                    f"{name}{title} has nothing to do with the report's claims: its closest "
                    f"passage to any claim scores {best:.2f}; the id may point at another paper",
                    line=line, arxiv_id=pid,
                ))
            elif supported_by_paper.get(pid, 0) == 0 and best < topic + 0.15:
                out.append(ReportFinding(
                    FindingKind.IRRELEVANT_REFERENCE,
                    f"{name} supports none of the {len(report.claims)} claims "
                    f"(closest passage scores {best:.2f})",
                    line=line, arxiv_id=pid,
                ))
        out += _examined_findings(report, papers)
        return out


def _unnamed(judged: Sequence[tuple[str, Decision]], paper_entities: set[str]) -> list[str]:
    """The names that a claim's parts not stated outright give and the papers never do ("CoNLL"
    is named by "CoNLL-2003"), where those parts say more than the stated ones (in content
    words); else none: a detail the papers lack ("with SacreBLEU") makes a claim partial."""
    def words(parts: list[str]) -> int:
        return sum(len(lexical.content_terms(lexical.without_attribution(p))) for p in parts)

    rest = [p for p, d in judged if d.verdict is not Verdict.SUPPORTED]
    if words(rest) <= words([p for p, d in judged if d.verdict is Verdict.SUPPORTED]):
        return []
    names = {e for p in rest for e in entities(lexical.without_attribution(p))}
    return sorted(names - named_in(names, paper_entities))


def _writes(text: str, number: str) -> bool:
    """Whether ``text`` writes ``number`` as the claim does ("95.0", not inside "195.03")."""
    return re.search(rf"(?<![\w.]){re.escape(number)}(?!\w)", text) is not None


def _stated_beside(judged: list[tuple[str, Decision]]) -> list[tuple[str, Decision]]:
    """Parts of a claim, each stated where the passage stating another part writes it too.

    Out of its sentence a part may score low ("unlike Akbik et al. (2018) and Lample et al.
    (2016)"), though the sentence that states the part before it goes on with its words ("...
    do not use a linear-chain CRF, as opposed to Akbik et al. (2018) and Lample et al. (2016)"):
    most of its terms and every number it writes are there, and it says nothing opposite.
    """
    beside = [d.passage for _, d in judged if d.verdict is Verdict.SUPPORTED and d.passage is not None]
    out = []
    for part, d in judged:
        if d.verdict in (Verdict.PARTIALLY_SUPPORTED, Verdict.NOT_FOUND):
            terms = lexical.content_terms(lexical.without_attribution(part))
            numbers = [m.text for m in extract_numbers(part)]
            for s in beside:
                text = s.passage.text
                if len(set(terms)) >= MIN_PART_TERMS and lexical.term_recall(
                        terms, frozenset(lexical.content_terms(text))) >= BESIDE_RECALL \
                        and all(_writes(text, t) for t in numbers) \
                        and not polarity_conflict(part, text):
                    where = f"{s.passage.paper_id} p.{s.passage.page}"
                    d = replace(d, verdict=Verdict.SUPPORTED, passage=s,
                                reason=f"stated beside another part in {where}")
                    break
        out.append((part, d))
    return out


def _named_subject(part: str) -> bool:
    """Whether a part of a claim starts with a name, its subject ("mT0 averages ...")."""
    first = part.split(maxsplit=1)[0].removesuffix("'s").removesuffix("’s") if part.strip() else ""
    return first.lower() in entities(first)


def _partly(stated: tuple[str, Decision], rest: str, ranked: list[Scored]
            ) -> tuple[Verdict, str, list[Scored]]:
    """A claim partly supported by one of its parts: the verdict, its reason, and the ranking
    with that part's passage first."""
    part, d = stated
    if d.passage is None:
        return Verdict.PARTIALLY_SUPPORTED, f"{part!r} is stated; {rest}", ranked
    where = f"{d.passage.passage.paper_id} p.{d.passage.passage.page}"
    return (Verdict.PARTIALLY_SUPPORTED, f"{part!r} is stated in {where}; {rest}",
            [d.passage, *[x for x in ranked if x is not d.passage]])


def _examined_reference(report: Report, cited: Sequence[FetchedPaper]) -> Reference | None:
    """The examined paper as a reference to fetch by title, unless a cited paper is it."""
    if not report.examined_title:
        return None
    target = lexical.normalise(report.examined_title)
    for fp in cited:
        if fp.paper is not None and fp.paper.title and fuzz.token_set_ratio(
            target, lexical.normalise(fp.paper.title)
        ) >= EXAMINED_MATCH:
            return None
    return Reference(arxiv_id=None, title=report.examined_title, line=report.examined_line,
                     examined=True)


def _ref_key(ref: Reference) -> tuple[str | None, str | None]:
    if ref.arxiv_id is not None:
        return (str(ref.arxiv_id), None)
    return (None, lexical.normalise(ref.title or ""))


def _headers(sources: Sequence[_Source]) -> frozenset[str]:
    """The column-name lines of every table of the claim's papers."""
    return frozenset().union(*(s.index.headers for s in sources))


def _ref_name(fp: FetchedPaper) -> str:
    ref = fp.reference
    if ref.arxiv_id is not None:
        return str(ref.arxiv_id)
    if fp.paper is not None:
        return str(fp.paper.arxiv_id)
    return repr(ref.title) if ref.title else "a reference"


def _digest(passages: Sequence[Passage]) -> str:
    h = hashlib.sha256()
    for p in passages:
        h.update(p.text.encode())
        h.update(b"\0")
    return h.hexdigest()[:12]


def _evidence(s: Scored) -> Evidence:
    p = s.passage
    return Evidence(
        paper_id=str(p.paper_id), page=p.page, start=p.start, end=p.end, quote=p.text,
        kind=p.kind, lexical=round(s.lexical, 4),
        semantic=round(s.semantic, 4) if s.semantic is not None else None,
        score=round(s.score, 4), caption=p.caption,
    )


def _mark_findings(results: Sequence[ClaimResult]) -> list[ReportFinding]:
    out = []
    for r in results:
        c = r.claim
        theirs = f"report: {'✓' if c.reported_mark is Mark.VERIFIED else '×'}"
        if c.reported_confidence is not None:
            theirs += f" {c.reported_confidence:.2f}"
        ours = f"claimcheck: {r.verdict.value} {r.confidence:.2f}"
        if c.reported_mark is Mark.VERIFIED and r.verdict in (Verdict.CONTRADICTED, Verdict.NOT_FOUND):
            out.append(ReportFinding(
                FindingKind.FALSE_VERIFICATION,
                f"claim {c.index} is marked verified but is {r.verdict.value} ({theirs}; {ours})",
                line=c.line, claim_index=c.index,
            ))
        elif c.reported_mark is Mark.REJECTED and r.verdict is Verdict.SUPPORTED:
            out.append(ReportFinding(
                FindingKind.MISSED_VERIFICATION,
                f"claim {c.index} is marked unverified but is supported ({theirs}; {ours})",
                line=c.line, claim_index=c.index,
            ))
    return out


def _examined_findings(report: Report, papers: Sequence[FetchedPaper]) -> list[ReportFinding]:
    """uncited_source: the paper the report examines is not among its references."""
    if not report.examined_title:
        return []
    examined = next((fp for fp in papers if fp.reference.examined), None)
    cited = [fp for fp in papers if not fp.reference.examined]
    target = lexical.normalise(report.examined_title)
    for fp in cited:
        if fp.paper is not None and fp.paper.title and fuzz.token_set_ratio(
            target, lexical.normalise(fp.paper.title)
        ) >= EXAMINED_MATCH:
            return []
        if (examined is not None and examined.paper is not None and fp.paper is not None
                and examined.paper.arxiv_id.base == fp.paper.arxiv_id.base):
            return []
    if examined is not None and examined.paper is not None:
        return [ReportFinding(
            FindingKind.UNCITED_SOURCE,
            f"the examined paper {report.examined_title!r} is arXiv {examined.paper.arxiv_id}, "
            "which the references do not include",
            line=report.examined_line, arxiv_id=str(examined.paper.arxiv_id),
        )]
    if not cited:
        return [ReportFinding(
            FindingKind.UNCITED_SOURCE,
            f"the examined paper {report.examined_title!r} is not among the references "
            "(the report cites no paper)",
            line=report.examined_line,
        )]
    return []


def _research_question_finding(
    report: Report, results: Sequence[ClaimResult]
) -> list[ReportFinding]:
    """research_question_unanswered: the question's own words appear in no claim nor evidence.

    The words every question of the kind shares ("impact", "performance", ...) do not count,
    and neither do the words of the examined paper's title: that topic is the report's premise.
    Hyphenated words count as addressed when the word or all of its parts are.
    """
    rq = report.research_question
    if not rq or not results:
        return []
    covered: set[str] = set(lexical.content_terms(report.examined_title or ""))
    for r in results:
        covered.update(lexical.content_terms(r.claim.text))
        for e in r.evidence[:1]:
            covered.update(lexical.content_terms(e.quote))
    words: list[str] = []
    for tok in dict.fromkeys(lexical._WORD.findall(lexical.normalise(rq))):
        stems = lexical.content_terms(tok)
        if stems and not all(t in _GENERIC_RQ for t in stems):
            words.append(tok)
    if not words:
        return []

    def addressed(tok: str) -> bool:
        stems = lexical.content_terms(tok)
        if stems[0] in covered:
            return True
        # "zero-shot" is addressed by "zero" and "shot"; a name such as "XTREME-R" is not
        # addressed by "XTREME".
        parts = tok.split("-")
        if len(parts) < 2 or any(len(x) < 2 for x in parts):
            return False
        return all(t in covered for t in stems[1:])

    missing = [w for w in words if not addressed(w)]
    share = 1 - len(missing) / len(words)
    if len(missing) >= 2 and share <= 0.75:
        return [ReportFinding(
            FindingKind.RESEARCH_QUESTION_UNANSWERED,
            f"no claim or its evidence addresses {', '.join(missing)} from the research question "
            f"({share:.0%} of its words covered)",
            line=report.research_question_line,
        )]
    return []
