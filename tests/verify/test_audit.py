from __future__ import annotations

from dataclasses import replace

from claimcheck.config import Settings
from claimcheck.models import (
    ArxivId,
    Claim,
    FindingKind,
    Mark,
    Reference,
    Report,
    ReportFormat,
    StatedCounts,
    Verdict,
)
from claimcheck.verify.audit import Auditor
from tests.verify.conftest import DictFetcher

RQ = "What is the impact of task diversity on the inference latency and throughput of retrieval models?"


def claim(i: int, text: str, mark: Mark = Mark.VERIFIED, truncated: bool = False) -> Claim:
    return Claim(i, text, truncated, mark, 0.3, 30 + i)


def report(claims: list[Claim], refs: list[str], examined: str | None = None, rq: str | None = RQ) -> Report:
    return Report(
        path="r.md", format=ReportFormat.MARKDOWN, title="T", date=None, research_question=rq,
        examined_title=examined, stated=StatedCounts(), claims=tuple(claims),
        references=tuple(Reference(ArxivId.parse(r), line=50 + i) for i, r in enumerate(refs)),
        examined_line=10, research_question_line=10,
    )


def lexical_auditor(fetcher: DictFetcher, tmp_path) -> Auditor:  # type: ignore[no-untyped-def]
    settings = replace(Settings(), semantic=False, cache_dir=tmp_path / "cache", offline=True)
    return Auditor(settings, fetcher=fetcher)


def test_verdicts_and_findings_on_a_small_report(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    claims = [
        claim(1, "Evaluating our best performing models for each target task on the XTREME benchmark yields an average improvement of 5.4"),
        claim(2, "Evaluating our best performing models for each target task on the XTREME benchmark yields an average improvement of 6.1 points."),
        claim(3, "Deep reinforcement learning agents master the game of Go without human knowledge.", Mark.VERIFIED),
        claim(4, "We use the pretrained XLM-R Large model as a starting point for all our experiments.", Mark.REJECTED),
    ]
    audit = lexical_auditor(fetcher, tmp_path).audit([report(claims, ["2005.13013v2"])])
    ra = audit.reports[0]
    verdicts = [c.verdict for c in ra.claims]
    assert verdicts == [Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_FOUND, Verdict.SUPPORTED]
    assert ra.claims[0].evidence[0].paper_id == "2005.13013v2"
    assert ra.claims[0].evidence[0].page == 1
    # the passage that decided the contradiction is the first piece of evidence
    assert "5.4" in ra.claims[1].evidence[0].quote
    kinds = [(f.kind, f.claim_index) for f in ra.findings]
    assert (FindingKind.FALSE_VERIFICATION, 2) in kinds
    assert (FindingKind.FALSE_VERIFICATION, 3) in kinds
    assert (FindingKind.MISSED_VERIFICATION, 4) in kinds
    rq = [f for f in ra.findings if f.kind is FindingKind.RESEARCH_QUESTION_UNANSWERED]
    assert rq and "latency" in rq[0].message and "throughput" in rq[0].message


def test_unavailable_sources_make_claims_unverifiable_not_not_found(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    claims = [claim(1, "Some claim about the XTREME benchmark and nine tasks.")]
    ra = lexical_auditor(fetcher, tmp_path).audit([report(claims, ["2306.12916v3"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.UNVERIFIABLE
    assert "2306.12916v3" in ra.claims[0].reason
    assert any(f.kind is FindingKind.UNAVAILABLE_REFERENCE for f in ra.findings)
    # an unverifiable claim is not a false verification
    assert not any(f.kind is FindingKind.FALSE_VERIFICATION for f in ra.findings)


def test_off_topic_citation_is_a_mismatch(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    claims = [
        claim(1, "We use the pretrained XLM-R Large model as a starting point for all our experiments."),
        claim(2, "Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task improvements of 8.2, 7.5, and 7.0 point", truncated=True),
    ]
    ra = lexical_auditor(fetcher, tmp_path).audit(
        [report(claims, ["2005.13013v2", "2004.09714v1"])]
    ).reports[0]
    assert [c.verdict for c in ra.claims] == [Verdict.SUPPORTED, Verdict.SUPPORTED]
    mism = [f for f in ra.findings if f.kind is FindingKind.CITATION_MISMATCH]
    assert [f.arxiv_id for f in mism] == ["2004.09714v1"]
    assert not any(f.kind is FindingKind.RESEARCH_QUESTION_UNANSWERED for f in
                   lexical_auditor(fetcher, tmp_path).audit(
                       [report(claims, ["2005.13013v2"], rq="Does intermediate-task training with XLM-R Large help?")]
                   ).reports[0].findings)


def test_examined_paper_missing_from_references_is_uncited(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    title = "English Intermediate-Task Training Improves Zero-Shot Cross-Lingual Transfer Too"
    claims = [claim(1, "We use the pretrained XLM-R Large model as a starting point for all our experiments.")]
    ra = lexical_auditor(fetcher, tmp_path).audit([report(claims, ["2004.09714v1"], examined=title)]).reports[0]
    unc = [f for f in ra.findings if f.kind is FindingKind.UNCITED_SOURCE]
    assert unc and "2005.13013v2" in unc[0].message
    # the examined paper, found by title, is still used as a source
    assert ra.claims[0].verdict is Verdict.SUPPORTED
    ra2 = lexical_auditor(fetcher, tmp_path).audit([report(claims, ["2005.13013v2"], examined=title)]).reports[0]
    assert not any(f.kind is FindingKind.UNCITED_SOURCE for f in ra2.findings)


def test_each_paper_is_fetched_once_for_a_batch(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    claims = [claim(1, "We use the pretrained XLM-R Large model as a starting point for all our experiments.")]
    reports = [replace(report(claims, ["2005.13013v2"]), path=f"r{i}.md") for i in range(5)]
    result = lexical_auditor(fetcher, tmp_path).audit(reports, workers=2)
    assert len(result.reports) == 5
    assert all(r.claims[0].verdict is Verdict.SUPPORTED for r in result.reports)
    assert fetcher.calls == ["2005.13013v2"]


def test_a_named_variant_is_not_answered_by_its_base_name(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    claims = [claim(1, "Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task improvements of 8.2, 7.5, and 7.0 points on the XTREME benchmark.")]
    rq = "Does task-relatedness of intermediate tasks change zero-shot transfer in XTREME-R?"
    ra = lexical_auditor(fetcher, tmp_path).audit([report(claims, ["2005.13013v2"], rq=rq)]).reports[0]
    found = [f for f in ra.findings if f.kind is FindingKind.RESEARCH_QUESTION_UNANSWERED]
    assert found and "xtreme-r" in found[0].message and "task-relatedness" in found[0].message
    # "intermediate" and "tasks" are in the claim: not listed
    assert "intermediate" not in found[0].message


def test_each_fetched_version_gets_its_own_verdict(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimcheck.models import FetchedPaper, PaperOrigin, ReferenceStatus
    from tests.verify.conftest import make_paper

    sentence = "Evaluating our best performing models for each target task on the XTREME benchmark yields an average improvement of {} points."
    v2, p2 = make_paper("2005.13013v2", "English Intermediate-Task Training", [sentence.format("5.4")])
    v1, p1 = make_paper("2005.13013v1", "English Intermediate-Task Training", [sentence.format("6.1")])

    class VersionsFetcher:
        def fetch_many(self, refs):  # type: ignore[no-untyped-def]
            old = FetchedPaper(refs[0], ReferenceStatus.AVAILABLE, v1, tuple(p1), PaperOrigin.CACHE)
            return [FetchedPaper(ref, ReferenceStatus.AVAILABLE, v2, tuple(p2), PaperOrigin.CACHE,
                                 extra_versions=(old,)) for ref in refs]

    settings = replace(Settings(), semantic=False, cache_dir=tmp_path / "cache", offline=True)
    claims = [claim(1, sentence.format("6.1"))]
    ra = Auditor(settings, fetcher=VersionsFetcher()).audit([report(claims, ["2005.13013v2"])]).reports[0]
    result = ra.claims[0]
    assert result.verdict is Verdict.CONTRADICTED  # the cited version, v2, says 5.4
    assert result.versions == {"2005.13013v2": Verdict.CONTRADICTED, "2005.13013v1": Verdict.SUPPORTED}
    assert "by version: 2005.13013v2 contradicted, 2005.13013v1 supported" in result.reason


def test_a_stated_claim_with_an_invented_tail_is_partial(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("We use the pretrained XLM-R Large model as a starting point for all our experiments, "
            "which were run on quantum annealers with tensor sketching, hyperbolic pruning, "
            "gradient-free evolutionary search and stochastic weight averaging over many ensembles.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    result = ra.claims[0]
    assert result.verdict is Verdict.PARTIALLY_SUPPORTED, result.reason
    assert "starting point" in result.reason and "is stated nowhere" in result.reason
    assert "starting point" in result.evidence[0].quote


def test_a_supported_claim_with_a_detail_found_nowhere_is_partial(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    whole = "Multi-task intermediate-task training does not outperform the best single task"
    text = whole + ", as measured with ensembles of seven random radar seeds."
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, whole + "."), claim(2, text)],
                                                          ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.SUPPORTED
    assert ra.claims[1].verdict is Verdict.PARTIALLY_SUPPORTED, ra.claims[1].reason
    assert "'as measured with ensembles of seven random radar seeds.' is stated nowhere" in ra.claims[1].reason
    # Cut by the report inside that detail, the claim is not held to it: the cut tail may be true.
    cut = claim(3, text[: text.index("random") + 3], truncated=True)
    ra = lexical_auditor(fetcher, tmp_path).audit([report([cut], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is not Verdict.PARTIALLY_SUPPORTED or "nowhere" not in ra.claims[0].reason


def test_parts_stated_in_two_sentences_support_the_claim_together(fetcher: DictFetcher, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("Multi-task intermediate-task training does not outperform the best single task, "
            "and the pretrained XLM-R Large model is the starting point for all experiments.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.SUPPORTED, ra.claims[0].reason
    assert ra.claims[0].reason.startswith("each part is stated")


def test_parts_are_clauses_not_list_items() -> None:
    from claimcheck.verify.audit import parts

    assert parts("A multilingual BERT model is trained on English, German and Hindi.") == []
    assert parts("They use four tasks: word alignment, sentence retrieval, word translation and XNLI.") == []
    assert parts("Each bilingual MLM is pretrained on 8 NVIDIA V100 GPUs and reaches a final English "
                 "dev perplexity of about 4.") == [
        "Each bilingual MLM is pretrained on 8 NVIDIA V100 GPUs",
        "reaches a final English dev perplexity of about 4.",
    ]
    # The "and" between two authors' names joins no clauses.
    assert parts("Pretraining BERT-base on Dufter and Schütze's Wikipedia sample for one epoch "
                 "takes about 2.5 days on a single GPU.") == []
    assert parts("No multi-GPU training was performed in Dufter and Schütze's experiments.") == []
    assert parts("Pretraining BERT-base on the Easy-to-Read Bible for 100 epochs takes Dufter and "
                 "Schütze about 4 hours on a single GPU.") == []
    # The other side of a comparison is no statement of its own.
    assert parts("XLM-R puts no CRF on top of its representations for NER, unlike Akbik et al. "
                 "(2018) and Lample et al. (2016).") == []
    assert parts("The model has 131M parameters, against 178M for mBERT.") == []
    # Nor does the "and" of two bracketed items.
    assert parts("With 4 anchor tokens per language pair (0,1) and (0,2), all three pairs reach a "
                 "cross probe accuracy of 0.97.")[0] == "With 4 anchor tokens per language pair (0,1) and (0,2)"
    # Nor a comma inside brackets.
    assert parts("Their knn-replace masks with probabilities (0.5, 0.1, 0.1, 0.3), giving 30% of the "
                 "masked words a nearest neighbour.") == [
        "Their knn-replace masks with probabilities (0.5, 0.1, 0.1, 0.3)",
        "giving 30% of the masked words a nearest neighbour.",
    ]
    # A last item that is one hyphened word says nothing alone, however many terms it makes.
    assert parts("Subword regularization raises the multilinguality of small BERT models trained "
                 "on English and Fake-English.") == []


class CountingModel:
    """A stand-in encoder: one axis per word, counting the texts it is asked to embed."""

    name = "counting"
    cache_key = "counting0000"

    def __init__(self) -> None:
        self.encoded = 0

    def encode(self, texts, *, batch_size: int = 64):  # type: ignore[no-untyped-def]
        import numpy as np

        self.encoded += len(texts)
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, hash(w) % 64] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_passage_embeddings_are_cached_with_the_paper_and_keyed_by_its_passages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimcheck.papers.cache import PaperCache
    from tests.verify.conftest import INTER, make_paper

    paper, passages = INTER
    PaperCache(tmp_path / "cache").store_paper(paper, None, passages)
    settings = replace(Settings(), semantic=True, cache_dir=tmp_path / "cache", offline=True)
    claims = [claim(1, "Multi-task intermediate-task training does not outperform the best single task.")]

    def run(papers: dict) -> int:  # type: ignore[type-arg]
        model = CountingModel()
        auditor = Auditor(settings, fetcher=DictFetcher(papers), model=model)  # type: ignore[arg-type]
        auditor.audit([report(claims, ["2005.13013v2"])])
        return model.encoded

    first = run({"2005.13013v2": INTER})
    assert first > len(claims)  # the passages were embedded
    assert run({"2005.13013v2": INTER}) == len(claims)  # a second run embeds the claim only
    # The same paper cut into as many passages, but other ones (a newer text version): the
    # cached embeddings belong to the old passages and must not be reused.
    recut = make_paper("2005.13013v2", paper.title, [p.text.upper() for p in passages if p.page == 1],
                       rows=[(p.text, p.caption or "") for p in passages if p.page == 2])
    assert len(recut[1]) == len(passages)
    assert run({"2005.13013v2": recut}) == first


def test_cached_embeddings_of_another_shape_are_encoded_anew_and_replaced(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import numpy

    from claimcheck.papers.cache import PaperCache
    from claimcheck.verify.audit import _digest
    from claimcheck.verify.index import INDEX_VERSION
    from claimcheck.verify.semantic import to_bytes
    from tests.verify.conftest import INTER

    paper, passages = INTER
    cache = PaperCache(tmp_path / "cache")
    cache.store_paper(paper, None, passages)
    # Left by a run that ranked other passages of the same text: one row too few.
    name = f"embeddings-{CountingModel.cache_key}-{_digest(passages)}-i{INDEX_VERSION}.npy"
    cache.write_artifact(paper.arxiv_id, name, to_bytes(numpy.zeros((1, 64), dtype=numpy.float32)))
    settings = replace(Settings(), semantic=True, cache_dir=tmp_path / "cache", offline=True)
    claims = [claim(1, "Multi-task intermediate-task training does not outperform the best single task.")]

    def run() -> int:
        model = CountingModel()
        auditor = Auditor(settings, fetcher=DictFetcher({"2005.13013v2": INTER}), model=model)  # type: ignore[arg-type]
        auditor.audit([report(claims, ["2005.13013v2"])])
        return model.encoded

    assert run() > len(claims)  # the stale embeddings were not used
    assert run() == len(claims)  # and the new ones replaced them


def test_a_part_read_off_the_table_is_not_stated_nowhere(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimcheck.models import Passage, PassageKind
    from tests.verify.conftest import make_paper

    paper, passages = make_paper("1911.02116v2", "Unsupervised Cross-lingual Representation Learning at Scale",
                                 ["We evaluate XLM-R on the GLUE benchmark to compare it with RoBERTa."])
    text = "XLM-R 100 88.9/89.0 93.8 92.3 95.0 89.5 91.2 91.8"
    passages.append(Passage(paper.arxiv_id, 8, 500, 500 + len(text), text, PassageKind.TABLE_ROW,
                            "Table 4: GLUE dev results.", "Model #lgs MNLI-m/mm QNLI QQP SST MRPC STS-B Avg"))
    fetcher = DictFetcher({"1911.02116v2": (paper, passages)})
    text = "On the GLUE benchmark, XLM-R scores 93.8 on QNLI, and it scores 95.0 on the SST sentiment task."
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["1911.02116v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.SUPPORTED, ra.claims[0].reason


def not_found_whole(monkeypatch, part_verdict) -> None:  # type: ignore[no-untyped-def]
    """The whole claim is found nowhere; each part gets ``part_verdict(text)``."""
    import claimcheck.verify.audit as audit_mod
    from claimcheck.verify.verdict import Decision

    def whole(*_a, **_k):  # type: ignore[no-untyped-def]
        return Decision(Verdict.NOT_FOUND, 0.7, "below the topic threshold")

    def part(self, text, sources, paper_entities, headers):  # type: ignore[no-untyped-def]
        return Decision(part_verdict(text), 0.5, "judged alone")

    monkeypatch.setattr(audit_mod, "decide", whole)
    monkeypatch.setattr(audit_mod.Auditor, "_decide_part", part)


def test_parts_that_are_each_only_partly_stated_do_not_make_a_claim_supported(fetcher: DictFetcher, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    not_found_whole(monkeypatch, lambda _text: Verdict.PARTIALLY_SUPPORTED)
    text = ("Intermediate-task training on SQuAD yields large improvements on target tasks, "
            "and multi-task training matches the best single intermediate task.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.NOT_FOUND


def test_a_claim_found_nowhere_as_a_whole_with_a_part_stated_outright_is_partial(fetcher: DictFetcher, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    not_found_whole(monkeypatch, lambda text: Verdict.SUPPORTED if text.startswith("We use")
                    else Verdict.PARTIALLY_SUPPORTED)
    text = ("We use the pretrained XLM-R Large model as a starting point for all our experiments, "
            "and score alignment on dictionaries of 1,500 source words.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.PARTIALLY_SUPPORTED, ra.claims[0].reason
    assert ra.claims[0].reason.startswith("'We use the pretrained XLM-R Large model")
    assert ra.claims[0].reason.endswith("'and score alignment on dictionaries of 1,500 source words.' only partly")


def test_a_leading_purpose_clause_is_not_held_against_a_claim_whose_other_parts_are_stated(fetcher: DictFetcher, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def part_verdict(text: str) -> Verdict:
        return Verdict.NOT_FOUND if text.startswith(("To study", "as a study")) else Verdict.SUPPORTED

    not_found_whole(monkeypatch, part_verdict)
    text = ("To study random initialisation effects, we use the pretrained XLM-R Large model as a "
            "starting point, and all experiments use dictionaries of 1,500 source words.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.SUPPORTED, ra.claims[0].reason
    # The same clause elsewhere in the claim is a detail like any other.
    text = ("We use the pretrained XLM-R Large model as a starting point for all experiments, "
            "as a study of random initialisation effects on the results.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is not Verdict.SUPPORTED, ra.claims[0].reason


def test_a_truncated_claims_last_part_partly_stated_holds_as_far_as_it_goes(fetcher: DictFetcher, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    not_found_whole(monkeypatch, lambda text: Verdict.SUPPORTED if text.startswith("We use")
                    else Verdict.PARTIALLY_SUPPORTED)
    text = ("We use the pretrained XLM-R Large model as a starting point for all our experiments, "
            "and score alignment on dictionaries of 1,500 sou")
    auditor = lexical_auditor(fetcher, tmp_path)
    cut = auditor.audit([report([claim(1, text, truncated=True)], ["2005.13013v2"])]).reports[0]
    assert cut.claims[0].verdict is Verdict.SUPPORTED, cut.claims[0].reason
    # Whole, the same claim's last part is a detail only partly stated.
    whole = auditor.audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert whole.claims[0].verdict is Verdict.PARTIALLY_SUPPORTED, whole.claims[0].reason


def test_a_claim_found_nowhere_mostly_about_what_the_papers_never_name_stays_not_found(fetcher: DictFetcher, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    not_found_whole(monkeypatch, lambda text: Verdict.SUPPORTED if "pretrained XLM-R" in text
                    else Verdict.NOT_FOUND)
    # Another paper's claim whose last clause happens to be worded as this paper words one.
    text = ("On MasakhaNER, every in-context learning method including ChatGPT struggles badly on "
            "Hausa and Yoruba, while we use the pretrained XLM-R Large model.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.NOT_FOUND, ra.claims[0].reason
    assert "chatgpt, masakhaner, which the papers never name" in ra.claims[0].reason
    # Names the paper gives, or gives as the start of a longer one ("XLM" of "XLM-R"), are named.
    text = text.replace("MasakhaNER", "XLM").replace("ChatGPT", "XLM-R")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.PARTIALLY_SUPPORTED, ra.claims[0].reason
    # A detail the papers never name, beside a larger part stated outright, makes the claim
    # partial: the claim is about the paper.
    text = ("We use the pretrained XLM-R Large model as a starting point for all our experiments, "
            "scored with SacreBLEU metrics.")
    ra = lexical_auditor(fetcher, tmp_path).audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
    assert ra.claims[0].verdict is Verdict.PARTIALLY_SUPPORTED, ra.claims[0].reason


def test_a_part_whose_words_the_passage_stating_another_part_writes_is_stated_there() -> None:
    from claimcheck.models import Passage, PassageKind
    from claimcheck.verify.audit import _stated_beside
    from claimcheck.verify.index import Scored
    from claimcheck.verify.verdict import Decision

    text = ("XLM-R is trained with the multilingual MLM objective on monolingual data, using "
            "only monolingual data in 100 languages and no parallel corpora.")
    sentence = Scored(Passage(ArxivId("1911.02116", 2), 2, 0, len(text), text, PassageKind.SENTENCE),
                      0.8, None, 0.8)
    stated = Decision(Verdict.SUPPORTED, 0.8, "stated", passage=sentence)
    alone = Decision(Verdict.NOT_FOUND, 0.6, "below the topic threshold")
    judged = [("XLM-R is trained with the multilingual MLM objective", stated),
              ("using monolingual data in 100 languages", alone)]
    out = _stated_beside(judged)
    assert out[1][1].verdict is Verdict.SUPPORTED and out[1][1].passage is sentence
    assert out[1][1].reason.startswith("stated beside another part in 1911.02116v2 p.2")
    # A number the sentence does not write, or words it does not have, keep the part as it was.
    for part in ("using monolingual data in 88 languages", "using code-switched Wikipedia articles"):
        assert _stated_beside([judged[0], (part, alone)])[1][1] is alone
    # Nor does a part that says the opposite of the sentence.
    assert _stated_beside([judged[0], ("using parallel corpora in 100 languages", alone)])[1][1] is alone


def test_a_part_a_tables_cell_contradicts_contradicts_the_claim(fetcher: DictFetcher, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimcheck.verify.audit as audit_mod
    from claimcheck.models import ArxivId, Passage, PassageKind
    from claimcheck.verify.index import Scored
    from claimcheck.verify.verdict import Decision

    text = "Z-EICL mT0 80.1"
    row = Passage(ArxivId("2005.13013", 2), 8, 0, len(text), text, PassageKind.TABLE_ROW,
                  "Table 4: Overall experiment results in BUFFET.", "Transfer + Model TyDi")
    cell = Scored(row, 0.3, None, 0.3)

    def whole(*_a, **_k):  # type: ignore[no-untyped-def]
        return Decision(Verdict.PARTIALLY_SUPPORTED, 0.5, "on topic")

    def part(self, text, sources, paper_entities, headers):  # type: ignore[no-untyped-def]
        if "averages" in text:
            return Decision(Verdict.CONTRADICTED, 0.9, "claim gives 72.5 for TyDi; ...", passage=cell, tabled=True)
        return Decision(Verdict.SUPPORTED, 0.8, "stated", passage=cell)

    monkeypatch.setattr(audit_mod, "decide", whole)
    monkeypatch.setattr(audit_mod.Auditor, "_decide_part", part)
    auditor = lexical_auditor(fetcher, tmp_path)

    def verdict_of(text: str) -> Verdict:
        ra = auditor.audit([report([claim(1, text)], ["2005.13013v2"])]).reports[0]
        return ra.claims[0].verdict

    assert verdict_of("With zero-shot English instructions on BUFFET, mT0 averages 72.5 F1 on TyDiQA "
                      "and peaks at 88.9 on Telugu.") is Verdict.CONTRADICTED
    # A part without a subject of its own is read out of its claim's context: it decides nothing.
    assert verdict_of("With zero-shot English instructions on BUFFET, mT0 peaks at 88.9 on Telugu, "
                      "and averages 72.5 F1 on TyDiQA.") is not Verdict.CONTRADICTED
    # Nor does a table whose caption names nothing of the claim.
    assert verdict_of("With zero-shot English instructions, mT0 averages 72.5 F1 on TyDiQA "
                      "and peaks at 88.9 on Telugu.") is not Verdict.CONTRADICTED


def test_a_part_held_only_by_a_table_rows_numbers_puts_no_claim_on_topic(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.verify.conftest import make_paper

    buffet = make_paper(
        "2305.14857v1", "BUFFET: Benchmarking Large Language Models for Few-shot Cross-lingual Transfer",
        ["BUFFET unifies diverse NLP tasks and provides fixed sets of few-shot samples per task.",
         "ChatGPT with in-context learning often performs worse than much smaller mT5-base models."],
        rows=[("TICL mT5 0.4 0.5 0.1 0.4 0.3", "Table 21: Standard deviation across k-shot sets.")],
    )
    text = ("Dufter and Schütze's knn-replace masks with probabilities (0.5, 0.1, 0.1, 0.3), giving "
            "30% of masked words a cross-lingual nearest neighbour.")
    auditor = lexical_auditor(DictFetcher({"2305.14857v1": buffet}), tmp_path)
    ra = auditor.audit([report([claim(1, text)], ["2305.14857v1"])]).reports[0]
    # Its numbers are in a row of another table; nothing there is about masking.
    assert ra.claims[0].verdict is Verdict.NOT_FOUND, ra.claims[0].reason
