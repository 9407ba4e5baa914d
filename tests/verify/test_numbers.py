"""Number extraction and checking, on the real reports' claims and real PDF text."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pypdf
import pytest

from claimcheck.models import ArxivId, NumberMention, NumberStatus, Passage, PassageKind
from claimcheck.verify.numbers import (
    check_numbers,
    extract_numbers,
    tolerance_of,
    value_matches,
)

XTREME = ArxivId.parse("2003.11080v5")
MOTHELLO = ArxivId.parse("2404.12444v1")
INTER_V1 = ArxivId.parse("2005.13013v1")
INTER_V2 = ArxivId.parse("2005.13013v2")


def triples(text: str) -> list[tuple[str, float, str | None]]:
    return [(m.text, m.value, m.unit) for m in extract_numbers(text)]


def sentence(text: str, pid: ArxivId = INTER_V2, page: int = 1) -> Passage:
    return Passage(pid, page, 0, len(text), text, PassageKind.SENTENCE)


def row(text: str, caption: str | None = "Table 2. Overall results", page: int = 6) -> Passage:
    return Passage(XTREME, page, 0, len(text), text, PassageKind.TABLE_ROW, caption=caption)


def check(claim: str, passages: list[Passage]) -> list[tuple[str, NumberStatus, float | None]]:
    checks = check_numbers(extract_numbers(claim), passages, claim_text=claim)
    return [(c.mention.text, c.status, c.source_value) for c in checks]


# --- extraction: the real reports' claims (reports/*.txt) --------------------------------------


def test_list_shares_unit_and_pairs_subjects_even_when_the_unit_is_cut() -> None:
    claim = ("Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task "
             "improvements of 8.2, 7.5, and 7.0 point")
    ms = extract_numbers(claim)
    assert [(m.text, m.value, m.unit, m.subject) for m in ms] == [
        ("8.2", 8.2, "points", "SQuAD"),
        ("7.5", 7.5, "points", "MNLI"),
        ("7.0", 7.0, "points", "HellaSwag"),
    ]
    assert [m.decimals for m in ms] == [1, 1, 1]
    # The PDF report cuts it one letter earlier: "poin" is still the unit.
    assert [m.unit for m in extract_numbers("of 8.2, 7.5, and 7.0 poin")] == ["points"] * 3


def test_count_and_points_in_one_claim() -> None:
    ms = extract_numbers(
        "Multi-task intermediate-task training on all 9 tasks performs best, improving by 8.7 points.")
    assert [(m.text, m.kind, m.unit, m.subject) for m in ms] == [
        ("9", "integer", None, "tasks"),
        ("8.7", "decimal", "points", "improving"),
    ]
    assert not any(m.at_cut for m in ms)  # the claim ends with a full stop after "points"


def test_number_touching_the_cut_is_marked() -> None:
    claim = ("Evaluating our best performing models for each target task on the XTREME benchmark "
             "yields an average improvement of 5.4")
    (m,) = extract_numbers(claim)
    assert (m.value, m.at_cut, m.subject) == (5.4, True, "average improvement")
    (m,) = extract_numbers("an average improvement of 1.")  # "1." may have been "1.5"
    assert m.at_cut


def test_number_words() -> None:
    claim = ("We study the effect of intermediate-task training (STILTs; Phang et al., 2018) with "
             "nine different English intermediate")
    assert triples(claim) == [("nine", 9.0, None)]  # the citation year is skipped
    assert [(m.text, m.value) for m in extract_numbers(
        "a dozen languages, twenty-four layers, two hundred pairs and Seven tasks")] == [
        ("a dozen", 12.0), ("twenty-four", 24.0), ("two hundred", 200.0), ("Seven", 7.0)]


def test_one_only_when_it_counts() -> None:
    assert triples("one of the best models; the best one.") == []
    assert triples("trained on only one language") == [("one", 1.0, None)]


@pytest.mark.parametrize(
    "claim",
    [
        ("We use the pretrained XLM-R Large model (Conneau et al., 2020) as a starting point for all "
        "our experiments, as it curren"),
        ("Training on English intermediate tasks outperforms the more complex alternatives of (i) "
        "continuing multilingual MLM duri"),
        "We follow a three-phase approach to training: (i) we use a publicly available MLM; (ii) we",
        "See Table 2, Figure 3, Sections 4 and 5, Eq. (7), Appendix B.2 and [12, 14].",
        "Models: mT5, GPT-3, BERT-base, all-MiniLM-L6-v2, F1 and top-1 accuracy, Python 3.11.4.",
        "Models: T5-3B, T5-11B and mT5-13B.",
        "http://arxiv.org/abs/2005.13013v2 and arXiv:2306.12916v3, posted July 7, 2026.",
        "(1) we train; (2) we test; the 4th and 2nd runs.",
        "Anchor tokens are shared by the language pairs (0,1) and (0,2), not by (1,2).",
    ],
)
def test_skips_what_is_not_a_quantity(claim: str) -> None:
    found = [m.text for m in extract_numbers(claim)]
    # "three-phase" is a count (three phases); everything else here is a name, a reference,
    # a citation year, an id, a date, an enumerator or an ordinal.
    assert found in ([], ["three"])


def test_a_pair_with_a_space_is_two_values() -> None:
    assert [m.text for m in extract_numbers("batch sizes (16, 32)")] == ["16", "32"]


def test_a_unit_of_time_or_size_written_on_the_number_leaves_a_quantity() -> None:
    # Dufter and Schütze's runtime table: "1 epoch ∼ 2.5days", "∼ 4h"; "32GB V100 GPUs".
    found = [m.value for m in extract_numbers("1 epoch ∼ 2.5days, 100 epochs ∼ 4h on 32GB GPUs")]
    assert found == [1.0, 2.5, 100.0, 4.0, 32.0]
    # A glued "m" or "s" may be a million or a plural: no quantity is read from it.
    assert extract_numbers("a 110m model of the 1990s, the 4th run") == []


def test_layer_of_keeps_both() -> None:
    assert triples("we take layer 14 of 24") == [("14", 14.0, None), ("24", 24.0, None)]


def test_ranges_and_multipliers() -> None:
    ms = extract_numbers("corpora of 150K - 1.2M sentences run 3x faster with a 2.5× speedup "
                         "on 10 billion tokens and 1,000 examples")
    assert [(m.text, m.value, m.kind, m.unit) for m in ms] == [
        ("150K", 150_000.0, "range_low", None),
        ("1.2M", 1_200_000.0, "range_high", None),
        ("3x", 3.0, "multiplier", "x"),
        ("2.5×", 2.5, "multiplier", "x"),
        ("10 billion", 1e10, "multiplier", None),
        ("1,000", 1000.0, "integer", None),
    ]
    assert ms[0].subject == ms[1].subject == "sentences"
    assert [m.value for m in extract_numbers("from 5.4-6.1 points")] == [5.4, 6.1]


def test_percents_fractions_and_signs() -> None:
    assert [(m.text, m.value, m.kind, m.unit) for m in extract_numbers(
        "accuracy drops by -0.3 to 66% (or 66.5 percent), a 9.0/10 score")] == [
        ("-0.3", -0.3, "decimal", None),
        ("66%", 66.0, "percent", "%"),
        ("66.5 percent", 66.5, "percent", "%"),
        ("9.0/10", 9.0, "decimal", "/10"),
    ]
    # A slash-separated list is its numbers, not scores out of 10 or 100.
    assert [(m.text, m.unit) for m in extract_numbers("pretraining with 5/10/20/100 languages")] == [
        ("5", None), ("10", None), ("20", None), ("100", None)]


def test_offsets_point_into_the_text() -> None:
    text = "XLM-R Large reaches 66.0 F1 on BUCC and 57.3 accuracy on Tatoeba (Table 2)."
    ms = extract_numbers(text)
    assert [(m.text, m.subject) for m in ms] == [("66.0", "F1"), ("57.3", "accuracy")]
    assert all(text[m.start : m.end] == m.text for m in ms)


# --- the tolerance rule -----------------------------------------------------------------------


def _num(text: str) -> NumberMention:
    (m,) = extract_numbers(text)
    return m


@pytest.mark.parametrize(
    ("claim", "source", "same"),
    [
        ("66", "65.5", True), ("66", "66.49", True), ("66", "66.5", False), ("66", "65.4", False),
        ("66.0", "65.95", True), ("66.0", "66.04", True), ("66.0", "66.1", False),
        ("66.04", "66.0", False), (".48", "0.5", False),  # a claim more precise than its source
        ("0.66", "66%", True), ("66%", "0.66", True), ("0.66", "66.0", True),
        ("0.7", "70", False),  # a one-decimal fraction is not read as a percent
        ("5.4 points", "5.4", True), ("1.2M", "1,200,000", True), ("1.2M", "1,260,000", False),
        ("150K", "150,000", True), ("nine tasks", "9 tasks", True), ("3x", "3 times", True),
    ],
)
def test_tolerance(claim: str, source: str, same: bool) -> None:
    assert value_matches(_num(claim), _num(source)) is same


def test_tolerance_values() -> None:
    assert tolerance_of(_num("66")) == 0.5
    assert tolerance_of(_num("66.0")) == 0.05
    assert tolerance_of(_num("1.2M")) == 50_000.0
    assert tolerance_of(_num("8.25")) == 0.005


def test_prefix_matching_only_at_the_cut() -> None:
    assert not value_matches(_num("5.4"), _num("5.47"))
    assert value_matches(_num("5.4"), _num("5.47"), at_cut=True)
    assert value_matches(_num("nine"), _num("nineteen"), at_cut=True)
    assert not value_matches(_num("5.4"), _num("6.1"), at_cut=True)


# --- checking against the real XTREME Table 2 (2003.11080v5, p.6) --------------------------


@lru_cache(maxsize=1)
def _xtreme_page6(path: str) -> str:
    return pypdf.PdfReader(path).pages[5].extract_text()


@pytest.fixture
def xtreme(arxiv_pdfs: Path) -> list[Passage]:
    """Page 6 of XTREME as passages: Table 2's rows with its caption, then sentences."""
    text = _xtreme_page6(str(arxiv_pdfs / "2003.11080v5.pdf"))
    lines = text.split("\n")
    caption = next(ln for ln in lines if ln.startswith("Table 2."))
    rows: list[Passage] = []
    prose: list[Passage] = []
    pos = 0
    in_table2 = False
    for ln in lines:
        if ln.startswith("Model Avg"):
            in_table2 = True
        elif ln.startswith("If a strong MT"):
            in_table2 = False
        tokens = ln.split()
        numeric = sum(1 for t in tokens if t[:1].isdigit() or t in ("-", "/"))
        if in_table2 and numeric >= 3:
            rows.append(Passage(XTREME, 6, pos, pos + len(ln), ln, PassageKind.TABLE_ROW,
                                caption=caption))
        elif numeric < 3:
            prose.append(Passage(XTREME, 6, pos, pos + len(ln), ln, PassageKind.PARAGRAPH))
        pos += len(ln) + 1
    assert any(p.text.startswith("XLM-R Large 68.2") for p in rows)
    return rows + prose


def test_xlmr_scores_match_their_row(xtreme: list[Passage]) -> None:
    claim = "XLM-R Large achieves 66.0 F1 on BUCC and 57.3 accuracy on Tatoeba"
    checks = check_numbers(extract_numbers(claim), xtreme, claim_text=claim)
    assert [(c.status, c.source_subject, c.page) for c in checks] == [
        (NumberStatus.MATCHED, "XLM-R Large", 6)] * 2
    assert checks[0].quote is not None and checks[0].quote.startswith("XLM-R Large 68.2 79.2")
    assert checks[0].paper_id == "2003.11080v5"
    assert checks[0].tolerance == 0.05


def test_score_of_another_row_is_other_entity(xtreme: list[Passage]) -> None:
    claim = "mBERT achieves 66.0 F1 on BUCC in the zero-shot setting"
    (c,) = check_numbers(extract_numbers(claim), xtreme, claim_text=claim)
    assert c.status is NumberStatus.OTHER_ENTITY
    assert c.source_subject == "XLM-R Large"
    assert c.source_value == 56.7  # mBERT's own BUCC cell, same column


def test_other_entity_in_the_middle_of_a_row(xtreme: list[Passage]) -> None:
    claim = "On XNLI, MMTE reaches 79.2 accuracy"
    (c,) = check_numbers(extract_numbers(claim), xtreme, claim_text=claim)
    assert (c.status, c.source_subject, c.source_value) == (
        NumberStatus.OTHER_ENTITY, "XLM-R Large", 67.4)


def test_a_language_named_by_name_names_the_row_of_its_code() -> None:
    caption = "Table 4: Kendall's Tau word order metric and XNLI zero-shot accuracies."
    rows = [row(t, caption, page=12) for t in ("en 1.0 81.4", "ar 0.72 64.9", "ru 0.72 69.0")]
    claim = "The word-order table gives Arabic a Kendall's tau of 0.72 and an XNLI accuracy of 69.0."
    tau, acc = check_numbers(extract_numbers(claim), rows, claim_text=claim)
    assert (tau.status, tau.source_subject) == (NumberStatus.MATCHED, "ar")
    assert (acc.status, acc.source_subject, acc.source_value) == (NumberStatus.OTHER_ENTITY, "ru", 64.9)
    claim = claim.replace("69.0", "64.9")
    assert [c.status for c in check_numbers(extract_numbers(claim), rows, claim_text=claim)] == [
        NumberStatus.MATCHED] * 2


def test_own_row_found_even_when_another_row_shares_the_value(xtreme: list[Passage]) -> None:
    # 76.3 is BERT-large's translate-test XQuAD F1; 65.4 is in both XLM-R Large and mBERT rows.
    for claim in ("BERT-large reaches 76.3 F1 on XQuAD with translate-test",
                  "mBERT reaches an XNLI accuracy of 65.4"):
        (c,) = check_numbers(extract_numbers(claim), xtreme, claim_text=claim)
        assert c.status is NumberStatus.MATCHED, claim


def test_rounded_claim_matches_and_value_nowhere_is_absent(xtreme: list[Passage]) -> None:
    assert check("XLM-R Large reaches an average of 68", xtreme) == [
        ("68", NumberStatus.MATCHED, 68.2)]
    assert check("XLM-R Large achieves 67.0 F1 on BUCC", xtreme) == [
        ("67.0", NumberStatus.ABSENT, None)]


def test_number_in_prose_of_the_page(xtreme: list[Passage]) -> None:
    claim = "zero-shot models outperform models trained on only 1,000 in-language examples"
    (c,) = check_numbers(extract_numbers(claim), xtreme, claim_text=claim)
    assert c.status is NumberStatus.MATCHED
    assert c.quote is not None and "1,000 in-language examples" in c.quote


# --- DIFFERENT: 2005.13013 v1 (6.1 points, seven tasks) against v2 (5.4, nine tasks) -------
# The sentences below are written in the papers' words as SOURCES.md summarises them.

V1 = [
    sentence("Using seven intermediate language-understanding tasks, we evaluate "
             "intermediate-task transfer in a zero-shot cross-lingual setting.", INTER_V1),
    sentence("Evaluating our best performing models for each target task on the XTREME "
             "benchmark yields an average improvement of 6.1 points.", INTER_V1),
    sentence("Table 1 lists 2 phases and the 9 datasets of XTREME.", INTER_V1),
]
V2 = [
    sentence("Using nine intermediate language-understanding tasks, we evaluate "
             "intermediate-task transfer in a zero-shot cross-lingual setting."),
    sentence("Evaluating our best performing models for each target task on the XTREME "
             "benchmark yields an average improvement of 5.4 points."),
]
CUT_CLAIM = ("Evaluating our best performing models for each target task on the XTREME benchmark "
             "yields an average improvement of 5.4")


def test_same_role_other_value_is_different() -> None:
    checks = check_numbers(extract_numbers(CUT_CLAIM), V1, claim_text=CUT_CLAIM)
    assert [(c.status, c.source_value, c.paper_id) for c in checks] == [
        (NumberStatus.DIFFERENT, 6.1, "2005.13013v1")]
    assert checks[0].quote is not None and "6.1 points" in checks[0].quote


def test_true_in_v2() -> None:
    checks = check_numbers(extract_numbers(CUT_CLAIM), V2, claim_text=CUT_CLAIM)
    assert [(c.status, c.source_value) for c in checks] == [(NumberStatus.MATCHED, 5.4)]


def test_a_count_found_only_out_of_place_is_different() -> None:
    # "9" appears in v1 only as the number of XTREME datasets; the tasks are seven there.
    claim = "Using 9 intermediate tasks, we evaluate zero-shot cross-lingual transfer"
    assert check(claim, V1) == [("9", NumberStatus.DIFFERENT, 7.0)]
    assert check(claim, V2) == [("9", NumberStatus.MATCHED, 9.0)]


def test_unrelated_passage_is_absent_not_different() -> None:
    claim = "The model was trained for 3 epochs with a learning rate of 0.00002"
    assert [s for _, s, _ in check(claim, V1)] == [NumberStatus.ABSENT] * 2


def test_list_with_cut_unit_against_its_source() -> None:
    claim = ("Intermediate-task training on SQuAD, MNLI, and HellaSwag yields large target-task "
             "improvements of 8.2, 7.5, and 7.0 point")
    src = [sentence("Using SQuAD, MNLI and HellaSwag as intermediate tasks yields improvements of "
                    "8.2, 7.5 and 7.0 points on the target tasks.")]
    assert [s for _, s, _ in check(claim, src)] == [NumberStatus.MATCHED] * 3


def test_cut_number_matches_as_prefix() -> None:
    claim = "the average improvement is 5.4"
    assert check(claim, [sentence("The average improvement is 5.47 points.")]) == [
        ("5.4", NumberStatus.MATCHED, 5.47)]
    full = "the average improvement is 5.4 points."
    assert check(full, [sentence("The average improvement is 5.47 points.")]) == [
        ("5.4", NumberStatus.DIFFERENT, 5.47)]


def test_sentence_pairing_another_entity() -> None:
    src = [sentence("On BUCC, mBERT reaches 56.7 while XLM-R reaches 66.0 F1.", XTREME)]
    assert check("mBERT reaches 66.0 F1 on BUCC", src) == [
        ("66.0", NumberStatus.OTHER_ENTITY, 56.7)]
    assert check("XLM-R reaches 66.0 F1 on BUCC", src) == [
        ("66.0", NumberStatus.MATCHED, 66.0)]


def test_no_passages_and_no_numbers() -> None:
    assert check("XLM-R reaches 66.0", []) == [("66.0", NumberStatus.ABSENT, None)]
    assert check_numbers([], [sentence("nothing here 1.0")], claim_text="") == []


def test_percent_against_fraction_in_a_sentence() -> None:
    src = [sentence("Retrieval accuracy is 0.573 on Tatoeba.", XTREME)]
    assert check("retrieval accuracy of 57.3% on Tatoeba", src) == [
        ("57.3%", NumberStatus.MATCHED, 0.573)]


# --- claims of the labelled set (fixtures/labels) against their real quotes -----------------

XLMR = ArxivId.parse("1911.02116v2")


def test_list_member_changed_is_different_from_its_place_in_the_source_list() -> None:
    claim = ("On MLQA, XLM-R obtains F1 and accuracy scores of 70.7% and 57.2%, against a previous "
             "state of the art of 61.6% and 43.5%.")
    src = [sentence("XLM-R obtains F1 and accuracy scores of 70.7% and 52.7% while the previous "
                    "state of the art was 61.6% and 43.5%.", XLMR, 7)]
    assert check(claim, src) == [
        ("70.7%", NumberStatus.MATCHED, 70.7),
        ("57.2%", NumberStatus.DIFFERENT, 52.7),
        ("61.6%", NumberStatus.MATCHED, 61.6),
        ("43.5%", NumberStatus.MATCHED, 43.5),
    ]


def test_changed_count_in_the_same_words_is_different() -> None:
    claim = ("The bilingual MLMs use continuous streams of 512 tokens and mask 15% of the input "
             "tokens, replacing them with a mask token 80% of the time.")
    src = [sentence("Specifically, we consider continuous streams of 256 tokens and mask 15% of the "
                    "input tokens which we replace 80% of the time by a mask token")]
    assert check(claim, src) == [
        ("512", NumberStatus.DIFFERENT, 256.0),
        ("15%", NumberStatus.MATCHED, 15.0),
        ("80%", NumberStatus.MATCHED, 80.0),
    ]


def test_no_contradiction_from_a_number_the_claim_states_elsewhere() -> None:
    # "one BERT model" is not contradicted by "40 minutes": the claim states 40 itself.
    claim = ("In Dufter and Schütze's small setup, one BERT model can be trained in under 40 "
             "minutes on a single GeForce GTX 1080Ti GP")
    src = [sentence("With this setup we can train a single model in under 40 minutes on a single "
                    "GPU (GeForce GTX 1080Ti).")]
    statuses = {t: st for t, st, _ in check(claim, src)}
    assert statuses == {"one": NumberStatus.ABSENT, "40": NumberStatus.MATCHED}


def test_header_like_row_is_not_another_entity() -> None:
    rows = [row(t, caption="Table 1: probe accuracy", page=6) for t in (
        "#Anchor tokens 0 1 2 4", "Atom+Atom 0.53 0.82 0.97 0.97",
        "Atom+Split 0.47 0.47 0.73 0.97")]
    claim = ("In bilingual mOthelloGPTs, 4 anchor tokens raise the cross-lingual alignment probe "
             "accuracy to 0.97 for all three language-pair types.")
    statuses = {t: st for t, st, _ in check(claim, rows)}
    assert statuses["0.97"] is NumberStatus.MATCHED


# --- counted nouns: "12 layers" is a count of layers, and the source may count them otherwise ----

ARCH = sentence("Each model is a Transformer (Vaswani et al., 2017) with 8 layers, 12 heads and GELU "
                "activation functions.")


def test_a_count_found_only_for_another_noun_is_different() -> None:
    claim = "The bilingual models are Transformers with 12 layers, 12 attention heads and GELU."
    assert check(claim, [ARCH]) == [
        ("12", NumberStatus.DIFFERENT, 8.0),
        ("12", NumberStatus.MATCHED, 12.0),
    ]
    right = "The bilingual models are Transformers with 8 layers, 12 attention heads and GELU."
    assert [s for _, s, _ in check(right, [ARCH])] == [NumberStatus.MATCHED] * 2


SELECTION = [
    sentence("We first select all languages that appear in at least three of our benchmark "
             "datasets.", XTREME, 4),
    sentence("We now select 21 additional languages that appear in at least one dataset.", XTREME, 4),
    sentence("Languages belong to 12 language families and two isolates.", XTREME, 13),
    sentence("This leaves us with 19 languages, most of which are Indo-European.", XTREME, 4),
]


def test_a_count_of_the_same_noun_in_a_nearby_sentence_is_different() -> None:
    # The count is in the fourth passage, and the one sharing the claim's words wins over "21".
    claim = ("XTREME first selects all languages that appear in at least three of its benchmark "
             "datasets, which leaves 29 languages, most of them Indo-European.")
    assert check(claim, SELECTION) == [
        ("three", NumberStatus.MATCHED, 3.0),
        ("29", NumberStatus.DIFFERENT, 19.0),
    ]
    assert check(claim.replace("29", "19"), SELECTION)[1] == ("19", NumberStatus.MATCHED, 19.0)


def test_a_count_of_the_same_noun_sharing_no_other_word_is_not_different() -> None:
    claim = "The probe is trained on 30 languages."
    assert check(claim, SELECTION) == [("30", NumberStatus.ABSENT, None)]


def test_a_size_of_the_same_noun_in_a_nearby_sentence_is_different() -> None:
    # "84K pairs" is a size, not a count, but it counts pairs as "48K pairs" does.
    probe = [
        sentence("Each probe is trained on a set of 800 randomly generated Othello game "
                 "sequences, which are all translated into a specific language.", MOTHELLO, 5),
        sentence("Right: after the probe is trained, we use it to recover the board state.",
                 MOTHELLO, 5),
        sentence("Figure 3: An illustration of the probe training procedure.", MOTHELLO, 5),
        sentence("This results in approximately 48K pairs of activation data and corresponding "
                 "board states.", MOTHELLO, 5),
    ]
    claim = ("Each mOthello probe is trained on 800 translated game sequences, which yields "
             "roughly 84K pairs of activations and board states.")
    assert check(claim, probe) == [
        ("800", NumberStatus.MATCHED, 800.0),
        ("84K", NumberStatus.DIFFERENT, 48000.0),
    ]
    assert check(claim.replace("84K", "48K"), probe)[1] == ("48K", NumberStatus.MATCHED, 48000.0)
    # A size with decimals still matches its source written with them.
    assert check("It has 8.5M sentences.", [sentence("It has 8.5M sentences.", MOTHELLO, 5)]) == [
        ("8.5M", NumberStatus.MATCHED, 8500000.0)]


def test_a_count_that_heads_a_table_column_is_a_setting_not_a_contradiction() -> None:
    prose = [sentence("Columns: when 8 anchor tokens are introduced, the cross-lingual alignment "
                      "probe accuracy is high in all language pairs.")]
    claim = "With 4 anchor tokens the cross-lingual alignment probe accuracy is 0.97."
    assert check(claim, prose)[0] == ("4", NumberStatus.DIFFERENT, 8.0)
    checks = check_numbers(extract_numbers(claim), prose, claim_text=claim,
                           headers={"#Anchor tokens 0 1 2 4"})
    assert checks[0].status is NumberStatus.ABSENT


def test_capitalised_scale_words_and_hyphenated_hundreds() -> None:
    text = "We train for 1.5 Million updates on five-hundred 32GB Nvidia V100 GPUs."
    assert [(m.text, m.value) for m in extract_numbers(text)] == [
        ("1.5 Million", 1_500_000.0), ("five-hundred", 500.0), ("32", 32.0)]
    claim = "XLM-R was trained for 2.5 million updates with a batch size of 8192."
    src = [sentence(text.replace("GPUs.", "GPUs with a batch size of 8192."), XLMR, 6)]
    assert check(claim, src) == [
        ("2.5 million", NumberStatus.DIFFERENT, 1_500_000.0),
        ("8192", NumberStatus.MATCHED, 8192.0),
    ]


def test_a_flattened_table_row_owns_the_numbers_after_its_name() -> None:
    # pypdf runs BUFFET's Table 2 into one line: each dataset's name, its output, then |L| and k.
    src = [sentence("Named Entity WIKIANN names & tags 33 32 F1 Wikipedia aligned Recognition "
                    "MASAKHANER names & tags 9 32 F1 News in-language", ArxivId.parse("2305.14857v1"), 4)]
    claim = "BUFFET's WikiANN NER dataset covers 9 languages."
    assert check(claim, src) == [("9", NumberStatus.OTHER_ENTITY, 33.0)]
    assert check(claim.replace("9", "33"), src) == [("33", NumberStatus.MATCHED, 33.0)]


def test_of_equal_measurements_the_one_in_the_row_the_claim_names_is_matched() -> None:
    claim = "Per language, XLM-R reaches 71.2% XNLI accuracy on Swahili."
    other = row("translate-train gold 80.2 / 63.1 71.2 / 60.7", page=15)
    xlmr = row("XLMR 88.7 77.2 83.0 71.2 77.4", page=17)
    checks = check_numbers(extract_numbers(claim), [other, xlmr], claim_text=claim)
    assert checks[0].status is NumberStatus.MATCHED
    assert checks[0].page == 17 and checks[0].source_subject == "XLMR"


def test_a_count_in_millions_matches_a_table_counted_in_millions() -> None:
    header = "ISO code Language Tokens (M) Size (GiB)"
    for claim, text in (("In the CC-100 corpus, Vietnamese contributes 24,757 million tokens.",
                         "vi Vietnamese 24757 137.3"),
                        ("Swahili contributes 275 million tokens.", "sw Swahili 275 1.6")):
        counted = replace(row(text, page=11), header=header)
        checks = check_numbers(extract_numbers(claim), [counted], claim_text=claim)
        assert checks[0].status is NumberStatus.MATCHED, claim
        # In a table that does not count in millions, the cell is another figure.
        checks = check_numbers(extract_numbers(claim), [row(text, page=11)], claim_text=claim)
        assert checks[0].status is NumberStatus.ABSENT, claim


def test_a_number_in_two_rows_is_read_in_the_one_holding_the_claims_other_numbers() -> None:
    # "CC 150k ..." sits under the group "XLM-7": its cells have the group's name around them,
    # as the Wiki row's have, and it also holds the claim's 71.5.
    wiki = row("XLM-7 Wiki 150k 84.6 80.1 80.2 75.7 78 68.7 66.7 76.3", caption="Table 5.")
    cc = replace(row("CC 150k 87.2 82.5 82.9 79.7 80.4 75.7 71.5 80.0", caption="Table 5."), group="XLM-7")
    claim = "Trained on CommonCrawl, XLM-7 reaches 75.7% XNLI accuracy on Swahili and 71.5% on Urdu."
    checks = check_numbers(extract_numbers(claim), [wiki, cc], claim_text=claim)
    assert [(c.mention.text, c.status, c.source_subject) for c in checks] == [
        ("75.7%", NumberStatus.MATCHED, "XLM-7 CC"), ("71.5%", NumberStatus.MATCHED, "XLM-7 CC")]
    # Alone, the Wiki row still states 75.7.
    alone = check_numbers(extract_numbers(claim), [wiki], claim_text=claim)
    # (The vocabulary size "150k" is a cell, not a word of the row's name.)
    assert alone[0].status is NumberStatus.MATCHED and alone[0].source_subject == "XLM-7 Wiki"


def test_a_count_joined_to_its_noun_is_a_count_and_no_score_matches_it() -> None:
    claim = "Asai et al. give mT0 8-shot demonstrations by default for English ICL."
    scores = replace(row("mT0 33.6 79.9 61.1 57.1 59.6 69.0 7.9 15.3 1.5 45.6 8.4", caption="Table 10."),
                     group="ENG. ICL")
    prose = sentence("We use 4-shots for mT0 ENGLISH ICL and TARGET ICL by default.")
    assert check(claim, [scores, prose]) == [("8", NumberStatus.DIFFERENT, 4.0)]
    # A score is still matched by a rounded score.
    assert check("With English ICL, mT0 scores 8 on it.", [scores]) == [("8", NumberStatus.MATCHED, 7.9)]


def test_a_count_of_another_thing_in_the_claim_does_not_hide_the_sources_count_of_this_one() -> None:
    said = sentence("Table 1 shows the averaged cross-lingual transfer probe accuracy based on 3 random "
                    "seeds for 3 language-pair types.")
    claim = "The results in Table 1 are averages over five random seeds for each of the three language-pair types."
    assert check(claim, [said]) == [("five", NumberStatus.DIFFERENT, 3.0), ("three", NumberStatus.MATCHED, 3.0)]
    # The claim's own count of seeds elsewhere is a value it states: no rival.
    claim = "Over three seeds, the results in Table 1 are averages over five random seeds."
    assert check(claim, [said])[1][1] is not NumberStatus.DIFFERENT


def test_a_size_in_a_model_name_is_not_the_sizes_value() -> None:
    # "T5-3B" names a model; the claim's "3B parameters" is the GPT2 row's cell, 1.5B.
    rows = [row("GPT2 1 bBPE 48 1600 6400 32 50k 1.5B", "Table 7: Details on model sizes."),
            row("T5-3B 1 WordPiece 24 1024 16384 32 32k 3B", "Table 7: Details on model sizes.")]
    claim = "The model-size table lists GPT2 with 48 layers and 3B parameters."
    checks = check_numbers(extract_numbers(claim), rows, claim_text=claim)
    assert [c.status for c in checks] == [NumberStatus.MATCHED, NumberStatus.OTHER_ENTITY]
    assert checks[1].source_value == 1.5e9
    # A range to a size is still a range.
    assert [m.kind for m in extract_numbers("from 1-3B parameters")] == ["range_low", "range_high"]


def test_a_difference_written_downwards_matches_the_difference_columns_negative_cell() -> None:
    table = row("Sep Emb + L1-3 lang-specific 69.2 61.7 56.4 -7.8 73.8 46.8 53.5 -10.0",
                "Table 1: Dissecting bilingual MLM.")
    claim = "English-Chinese XNLI transfer falls to 56.4%, and XNLI averages 7.8 points below Default."
    checks = check_numbers(extract_numbers(claim), [table], claim_text=claim)
    assert [c.status for c in checks] == [NumberStatus.MATCHED, NumberStatus.MATCHED]
    assert checks[1].source_value == -7.8
    # Written as a plain value (or upwards), 7.8 is not the cell -7.8.
    claim2 = "English-Chinese XNLI transfer falls to 56.4%, and XNLI averages 7.8 points above Default."
    assert check_numbers(extract_numbers(claim2), [table], claim_text=claim2)[1].status is not NumberStatus.MATCHED


def test_a_rounded_number_the_claim_hedges_matches_to_its_significant_digits() -> None:
    from claimcheck.verify.numbers import hedged_tolerance

    claim = "An untrained BERT has perplexities of roughly 3,500 on train and 4,100 on dev, after 100 steps."
    ms = {m.text: m for m in extract_numbers(claim)}
    assert hedged_tolerance(claim, ms["3,500"]) == 50.0
    assert hedged_tolerance(claim, ms["4,100"]) == 50.0  # joined to the hedged one by "and"
    assert hedged_tolerance(claim, ms["100"]) == 0.5  # not hedged
    row = Passage(ArxivId("2005.00396", 3), 6, 0, 40, "18 untrained .00 .97 3484 44.1 4128 42.7",
                  PassageKind.TABLE_ROW)
    checks = {c.mention.text: c.status for c in check_numbers(extract_numbers(claim), [row], claim_text=claim)}
    assert checks["3,500"] is NumberStatus.MATCHED and checks["4,100"] is NumberStatus.MATCHED
    # Unhedged, 3,500 is exact: the row's 3484 is not it.
    plain = "An untrained BERT has a train perplexity of 3,500."
    assert check_numbers(extract_numbers(plain), [row], claim_text=plain)[0].status is not NumberStatus.MATCHED
    assert hedged_tolerance("about 4 layers", extract_numbers("about 4 layers")[0]) == 0.5


def test_a_setting_name_cut_at_the_claims_end_is_no_count() -> None:
    # Reports cut claims mid-word: "zero-sho" is what is left of "zero-shot".
    for cut in ("showed strong zero-sho", "showed strong zero-", "a one-to-o"):
        assert extract_numbers(cut) == [], cut
    # Inside the claim, a count joined to its noun is still one.
    assert [m.text for m in extract_numbers("two-layer models and zero-shot transfer")] == ["two"]
