"""A fixed, realistic AuditResult for the format tests, built by hand.

Two reports modelled on reports/000_… and reports/004_…: every verdict, evidence with pages,
quotes and scores inside real passages (so the HTML can highlight them), number checks (matched,
different, other entity, absent), report findings, an unavailable reference, a citation mismatch,
and a claim full of characters that every format must escape.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.models import (
    ArxivId,
    AuditResult,
    Claim,
    ClaimResult,
    Evidence,
    FetchedPaper,
    FindingKind,
    Mark,
    NumberCheck,
    NumberMention,
    NumberStatus,
    Paper,
    PaperOrigin,
    Passage,
    PassageKind,
    Reference,
    ReferenceStatus,
    Report,
    ReportAudit,
    ReportFinding,
    ReportFormat,
    StatedCounts,
    Verdict,
)

GOLDEN = Path(__file__).resolve().parents[2] / "fixtures" / "golden"

V2 = ArxivId("2005.13013", 2)
MOTHELLO = ArxivId("2404.12444", 1)
XTREME = ArxivId("2003.11080", 5)
WRONG = ArxivId("2004.09714", 1)

P_V2_1 = Passage(
    V2,
    1,
    812,
    1268,
    "We see large improvements from intermediate training on the BUCC and Tatoeba sentence "
    "retrieval tasks and moderate improvements on question-answering target tasks. MNLI, SQuAD "
    "and HellaSwag achieve the best overall results as intermediate tasks, while multi-task "
    "intermediate offers small additional improvements. Using our best intermediate-task models "
    "for each target task, we obtain a 5.4 point improvement over XLM-R Large on the XTREME "
    "benchmark, setting the state of the art as of June 2020.",
    PassageKind.PARAGRAPH,
)
P_V2_4 = Passage(
    V2,
    4,
    2301,
    2562,
    "We study the effect of intermediate-task training (STILTs; Phang et al., 2018) with nine "
    "different English intermediate tasks, chosen to cover a variety of task formats "
    "(classification, question answering, and multiple choice) and to have a relatively large "
    "amount of training data.",
    PassageKind.PARAGRAPH,
)
P_XT_6 = Passage(
    XTREME,
    6,
    140,
    210,
    "XLM-R Large  BUCC  66.0  Tatoeba  57.3  Avg  68.2",
    PassageKind.TABLE_ROW,
    caption="Table 2: Overall results of baselines across all XTREME tasks.",
)
P_MO_3 = Passage(
    MOTHELLO,
    3,
    1500,
    1760,
    "We find that multilingual pretraining alone does not yield a cross-lingual shared "
    "representation for the Othello world; instead, anchor tokens or a unified output space are "
    "needed before the models align representations across languages.",
    PassageKind.PARAGRAPH,
)
P_MO_7 = Passage(
    MOTHELLO,
    7,
    300,
    420,
    "mOthelloGPT trained with a unified output space reaches 96.3% cross-lingual alignment.",
    PassageKind.SENTENCE,
)


def ev(p: Passage, quote: str, lexical: float, semantic: float | None, score: float) -> Evidence:
    k = p.text.index(quote)
    return Evidence(
        paper_id=str(p.paper_id),
        page=p.page,
        start=p.start + k,
        end=p.start + k + len(quote),
        quote=quote,
        kind=p.kind,
        lexical=lexical,
        semantic=semantic,
        score=score,
        caption=p.caption,
    )


def num(
    text: str,
    value: float,
    status: NumberStatus,
    *,
    kind: str = "decimal",
    subject: str | None = None,
    source_value: float | None = None,
    source_subject: str | None = None,
    p: Passage | None = None,
) -> NumberCheck:
    return NumberCheck(
        mention=NumberMention(value, text, 0, len(text), kind, subject=subject),
        status=status,
        source_value=source_value,
        source_subject=source_subject,
        paper_id=str(p.paper_id) if p else None,
        page=p.page if p else None,
        quote=p.text[:80] if p else None,
        tolerance=0.05,
    )


def claim(
    i: int, text: str, mark: Mark, conf: float | None, line: int, trunc: bool = False
) -> Claim:
    return Claim(i, text, trunc, mark, conf, line)


def xtreme_paper(ref: Reference) -> FetchedPaper:
    return FetchedPaper(
        ref,
        ReferenceStatus.AVAILABLE,
        Paper(
            XTREME,
            "XTREME: A Massively Multilingual Multi-task Benchmark for Evaluating "
            "Cross-lingual Generalization",
            ("Junjie Hu", "Sebastian Ruder"),
            versions=(1, 2, 3, 4, 5),
            latest_version=5,
        ),
        (P_XT_6,),
        PaperOrigin.PAPERS_DIR,
    )


def build_result() -> AuditResult:
    # Report 1: a text report citing 2005.13013v2 (available) and 2503.01763v2 (offline).
    ref_v2 = Reference(V2, "http://arxiv.org/abs/2005.13013v2", 44)
    ref_off = Reference(ArxivId("2503.01763", 2), "http://arxiv.org/abs/2503.01763v2", 45)
    ref_xt1 = Reference(XTREME, "http://arxiv.org/abs/2003.11080v5", 46)
    examined = Reference(
        None,
        None,
        13,
        "English Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too",
        examined=True,
    )
    c1 = claim(
        1,
        "Intermediate-task training on SQuAD, MNLI, and HellaSwag yields the best "
        "results, with a 5.4 point improvement on XTREME.",
        Mark.VERIFIED,
        0.27,
        30,
    )
    c2 = claim(
        2,
        "Evaluating our best performing models for each target task on the XTREME "
        "benchmark yields an average improvement of 6.1 points",
        Mark.VERIFIED,
        0.33,
        31,
    )
    c3 = claim(
        3,
        "We study the effect of intermediate-task training (STILTs; Phang et al., 2018) "
        "with nine different English intermediate",
        Mark.VERIFIED,
        0.27,
        32,
        True,
    )
    c4 = claim(
        4,
        "Intermediate training reduces inference latency of retrieval models by 30%.",
        Mark.VERIFIED,
        0.15,
        33,
    )
    c5 = claim(
        5,
        "Task diversity explains 40% of the variance in XTREME-R retrieval throughput.",
        Mark.VERIFIED,
        0.21,
        34,
    )
    r1_claims = (
        ClaimResult(
            c1,
            Verdict.SUPPORTED,
            0.91,
            (
                ev(
                    P_V2_1,
                    "MNLI, SQuAD and HellaSwag achieve the best overall results as "
                    "intermediate tasks",
                    0.81,
                    0.84,
                    0.83,
                ),
                ev(
                    P_V2_1,
                    "we obtain a 5.4 point improvement over XLM-R Large on the XTREME benchmark",
                    0.72,
                    0.79,
                    0.76,
                ),
            ),
            (num("5.4", 5.4, NumberStatus.MATCHED, subject="XTREME", p=P_V2_1),),
            "strong match; every number found",
        ),
        ClaimResult(
            c2,
            Verdict.CONTRADICTED,
            0.86,
            (
                ev(
                    P_V2_1,
                    "we obtain a 5.4 point improvement over XLM-R Large on the XTREME benchmark",
                    0.66,
                    0.81,
                    0.74,
                ),
            ),
            (
                num(
                    "6.1", 6.1, NumberStatus.DIFFERENT, subject="XTREME", source_value=5.4, p=P_V2_1
                ),
            ),
            "the source gives 5.4 for the XTREME improvement, not 6.1 (6.1 is v1's figure)",
        ),
        ClaimResult(
            c3,
            Verdict.PARTIALLY_SUPPORTED,
            0.58,
            (
                ev(
                    P_V2_4,
                    "We study the effect of intermediate-task training (STILTs; Phang et al., "
                    "2018) with nine different English intermediate tasks",
                    0.97,
                    0.95,
                    0.96,
                ),
            ),
            (
                num("2018", 2018, NumberStatus.MATCHED, kind="integer", p=P_V2_4),
                num("nine", 9, NumberStatus.MATCHED, kind="word", p=P_V2_4),
            ),
            "claim cut off by the report; the part present matches",
        ),
        ClaimResult(
            c4,
            Verdict.NOT_FOUND,
            0.77,
            (),
            (num("30%", 30, NumberStatus.ABSENT, kind="percent"),),
            "no passage on inference latency in 2005.13013v2",
        ),
        ClaimResult(
            c5,
            Verdict.UNVERIFIABLE,
            0.0,
            (),
            (),
            "its only candidate source, 2503.01763v2, is unavailable (offline)",
        ),
    )
    report1 = Report(
        path="reports/000_task_diversity.txt",
        format=ReportFormat.TEXT,
        title="Task Diversity in Intermediate Training and Zero-Shot Cross-Lingual Retrieval "
        "Efficiency",
        date="July 7, 2026",
        research_question="What is the impact of task diversity in English intermediate training "
        "on the inference efficiency of zero-shot cross-lingual sentence retrieval models?",
        examined_title=examined.title,
        stated=StatedCounts(papers=10, claims=10, verified=10, quality=9.0, line=24),
        claims=(c1, c2, c3, c4, c5),
        references=(ref_v2, ref_off, ref_xt1, examined),
        examined_line=13,
        research_question_line=13,
    )
    r1_papers = (
        FetchedPaper(
            ref_v2,
            ReferenceStatus.AVAILABLE,
            Paper(
                V2,
                "English Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too",
                ("Jason Phang", "Iacer Calixto"),
                "2020-05-26",
                "2020-09-30",
                versions=(1, 2),
                latest_version=2,
            ),
            (P_V2_1, P_V2_4, P_XT_6),
            PaperOrigin.PAPERS_DIR,
        ),
        FetchedPaper(
            ref_off,
            ReferenceStatus.UNAVAILABLE,
            None,
            (),
            None,
            "offline: not in the cache or --papers-dir",
        ),
    )
    r1_papers += (xtreme_paper(ref_xt1),)
    r1_findings = (
        ReportFinding(
            FindingKind.COUNT_MISMATCH, "the report states 10 claims but lists 5", line=24
        ),
        ReportFinding(
            FindingKind.FALSE_VERIFICATION,
            "claim 4 is marked ✓ verified but was not found in its sources",
            line=33,
            claim_index=4,
        ),
        ReportFinding(
            FindingKind.RESEARCH_QUESTION_UNANSWERED,
            "no claim addresses inference efficiency (throughput, latency)",
            line=13,
        ),
        ReportFinding(
            FindingKind.UNAVAILABLE_REFERENCE,
            "2503.01763v2 could not be had: offline",
            line=45,
            arxiv_id="2503.01763v2",
        ),
    )

    # Report 2: a markdown report on mOthello, with a wrong id and a claim that needs escaping.
    ref_mo = Reference(MOTHELLO, "https://arxiv.org/abs/2404.12444", 40, examined=False)
    ref_x = Reference(XTREME, "https://arxiv.org/abs/2003.11080v5", 41)
    ref_wrong = Reference(
        WRONG,
        "https://arxiv.org/abs/2004.09714",
        42,
        "Making Monolingual Sentence Embeddings Multilingual using Knowledge Distillation",
    )
    d1 = claim(
        1,
        "Multilingual pretraining alone does not yield a cross-lingual shared "
        "representation; anchor tokens or a unified output space are needed.",
        Mark.VERIFIED,
        0.41,
        20,
    )
    d2 = claim(
        2,
        "XLM-R Large reaches 66.0 F1 on BUCC and 68.2 accuracy on Tatoeba in the "
        "zero-shot setting.",
        Mark.VERIFIED,
        0.30,
        21,
    )
    d3 = claim(
        3,
        'mOthelloGPT reaches 96.3% alignment | with <unified> output & "anchor" '
        "tokens — `see Table 3` *best*",
        Mark.REJECTED,
        0.12,
        22,
    )
    d4 = claim(
        4,
        "Knowledge distillation makes monolingual sentence embeddings multilingual "
        "for 50+ languages.",
        Mark.NONE,
        None,
        23,
    )
    r2_claims = (
        ClaimResult(
            d1,
            Verdict.SUPPORTED,
            0.88,
            (
                ev(
                    P_MO_3,
                    "multilingual pretraining alone does not yield a cross-lingual shared "
                    "representation for the Othello world",
                    0.78,
                    0.9,
                    0.85,
                ),
            ),
            (),
            "strong match",
        ),
        ClaimResult(
            d2,
            Verdict.CONTRADICTED,
            0.71,
            (ev(P_XT_6, "XLM-R Large  BUCC  66.0  Tatoeba  57.3  Avg  68.2", 0.62, None, 0.62),),
            (
                num("66.0", 66.0, NumberStatus.MATCHED, subject="BUCC", p=P_XT_6),
                num(
                    "68.2",
                    68.2,
                    NumberStatus.OTHER_ENTITY,
                    subject="Tatoeba",
                    source_subject="Avg",
                    p=P_XT_6,
                ),
            ),
            "68.2 is the average in Table 2; Tatoeba is 57.3",
        ),
        ClaimResult(
            d3,
            Verdict.SUPPORTED,
            0.64,
            (
                ev(
                    P_MO_7,
                    "mOthelloGPT trained with a unified output space reaches 96.3% "
                    "cross-lingual alignment",
                    0.7,
                    0.8,
                    0.75,
                ),
            ),
            (num("96.3%", 96.3, NumberStatus.MATCHED, kind="percent", p=P_MO_7),),
            "strong match",
        ),
        ClaimResult(
            d4,
            Verdict.NOT_FOUND,
            0.69,
            (),
            (),
            "the cited 2004.09714v1 is a different paper (signal processing)",
        ),
    )
    report2 = Report(
        path="reports/004_mothello.md",
        format=ReportFormat.MARKDOWN,
        title="Multilingual Model Performance via Task-Relatedness",
        date="June 21, 2026",
        research_question="Does multilingual pretraining alone give a shared cross-lingual "
        "representation?",
        examined_title=None,
        stated=StatedCounts(papers=3, claims=4, verified=2, quality=9.3, line=12),
        claims=(d1, d2, d3, d4),
        references=(ref_mo, ref_x, ref_wrong),
    )
    r2_papers = (
        FetchedPaper(
            ref_mo,
            ReferenceStatus.AVAILABLE,
            Paper(
                MOTHELLO,
                "mOthello: When Do Cross-Lingual Representation Alignment and "
                "Cross-Lingual Transfer Emerge in Multilingual Models?",
                ("Tianze Hua", "Tian Yun", "Ellie Pavlick"),
                versions=(1,),
                latest_version=1,
            ),
            (P_MO_3, P_MO_7),
            PaperOrigin.CACHE,
        ),
        xtreme_paper(ref_x),
        FetchedPaper(
            ref_wrong,
            ReferenceStatus.AVAILABLE,
            Paper(
                WRONG,
                "Sparse Recovery of Acoustic Signals with Dictionary Learning",
                versions=(1,),
                latest_version=1,
            ),
            (),
            PaperOrigin.PAPERS_DIR,
        ),
    )
    r2_findings = (
        ReportFinding(
            FindingKind.CITATION_MISMATCH,
            "2004.09714v1 is “Sparse Recovery of Acoustic Signals with Dictionary "
            "Learning”, not “Making Monolingual Sentence Embeddings Multilingual using "
            "Knowledge Distillation”",
            line=42,
            arxiv_id="2004.09714v1",
        ),
        ReportFinding(
            FindingKind.COUNT_MISMATCH, "the report states 2 verified claims but marks 3", line=12
        ),
    )
    return AuditResult(
        reports=(
            ReportAudit(report1, r1_papers, r1_claims, r1_findings),
            ReportAudit(report2, r2_papers, r2_claims, r2_findings),
        ),
        semantic=True,
        model="all-MiniLM-L6-v2",
        seconds=2.5,
    )


@pytest.fixture
def audit_result() -> AuditResult:
    return build_result()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Regenerate golden files: ``pytest --update-golden`` or CLAIMCHECK_UPDATE_GOLDEN=1."""
    opt = False
    try:
        opt = bool(request.config.getoption("--update-golden"))
    except ValueError:  # the option is registered in tests/conftest.py; tolerate its absence
        pass
    return opt or os.environ.get("CLAIMCHECK_UPDATE_GOLDEN") == "1"
