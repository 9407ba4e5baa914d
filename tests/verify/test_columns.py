"""Reading a table cell's column from the line above the table's rows."""

from __future__ import annotations

from dataclasses import replace

from claimcheck.models import ArxivId, NumberStatus, Passage, PassageKind, Verdict
from claimcheck.papers.tables import cells
from claimcheck.verify.columns import columns, read_column
from claimcheck.verify.index import Scored
from claimcheck.verify.numbers import check_numbers, extract_numbers
from claimcheck.verify.verdict import Decision, decide

PID = ArxivId("1911.02116", 2)
GLUE_HEADER = "Model #lgs MNLI-m/mm QNLI QQP SST MRPC STS-B Avg"
MLQA_HEADER = "Model train #lgs en es de ar hi vi zh Avg"


def row(text: str, header: str | None) -> Passage:
    return Passage(PID, 8, 0, len(text), text, PassageKind.TABLE_ROW, "Table 4: GLUE dev results.", header)


GLUE = row("XLM-R 100 88.9/89.0 93.8 92.3 95.0 89.5 91.2 91.8", GLUE_HEADER)
MLQA = row("XLM-R en 100 80.6 / 67.8 74.1 / 56.0 68.5 / 53.6 63.1 / 43.5 69.2 / 51.6 71.3 / 50.9 "
           "68.0 / 45.4 70.7 / 52.7", MLQA_HEADER)
ANCHORS = row("Atom+Compositional 0.51 0.59 0.67 0.97", "#Anchor tokens 0 1 2 4")


def test_cells_keep_two_scores_under_one_header_together() -> None:
    assert cells("XLM-R 100 88.9/89.0 93.8") == [[100.0], [88.9, 89.0], [93.8]]
    assert cells("mBERT 59.8 64.5 / 49.4 -") == [[59.8], [64.5, 49.4], [None]]


def test_header_names_line_up_with_cells_from_the_right_or_not_at_all() -> None:
    assert columns(GLUE) == ["#lgs", "MNLI-m/mm", "QNLI", "QQP", "SST", "MRPC", "STS-B", "Avg"]
    assert columns(MLQA) == ["#lgs", "en", "es", "de", "ar", "hi", "vi", "zh", "Avg"]
    assert columns(ANCHORS) == ["0", "1", "2", "4"]
    # A group heading over the rows, or a header of another shape, is not read as columns.
    assert columns(row("mBERT 59.8 65.4 81.9", "Cross-lingual zero-shot transfer (models are trained on English data)")) is None
    assert columns(row("mBERT 59.8 65.4 81.9", None)) is None


def reading(claim: str, passage: Passage, number: str):  # type: ignore[no-untyped-def]
    ms = extract_numbers(claim)
    k = next(i for i, m in enumerate(ms) if m.text == number)
    m = ms[k]
    return read_column(claim, m, passage, 0.5 * 10 ** -m.decimals,
                       prev_end=ms[k - 1].end if k else 0,
                       next_start=ms[k + 1].start if k + 1 < len(ms) else len(claim))


def test_the_column_a_claim_names_for_each_number() -> None:
    claim = "On the GLUE dev sets, XLM-R scores 93.8 on QNLI and 95.0 on SST-2."
    assert reading(claim, GLUE, "93.8").column == "QNLI" and reading(claim, GLUE, "93.8").holds
    assert reading(claim, GLUE, "95.0").column == "SST" and reading(claim, GLUE, "95.0").holds
    swapped = "On the GLUE dev sets, XLM-R scores 95.0 on QNLI and 93.8 on SST-2."
    r = reading(swapped, GLUE, "95.0")
    assert r.column == "QNLI" and not r.holds and r.values == (93.8,)
    # Languages by name, both scores of one cell.
    hindi = "On the Hindi portion of MLQA, XLM-R scores 69.2 F1 and 51.6 exact match."
    assert reading(hindi, MLQA, "69.2").column == "hi" and reading(hindi, MLQA, "69.2").holds
    assert reading(hindi, MLQA, "51.6").holds
    # Counts by word: "a single anchor token" is the column "1".
    r = reading("With a single anchor token, Atom+Compositional models reach 0.59.", ANCHORS, "0.59")
    assert r.column == "1" and r.holds
    # A row that does not hold the number anywhere is not read.
    assert reading("XLM-R scores 77.7 on QNLI.", GLUE, "77.7") is None


def _decide(claim: str, passages: list[Passage]):  # type: ignore[no-untyped-def]
    ranked = [Scored(p, 0.3, None, 0.3) for p in passages]
    checks = check_numbers(extract_numbers(claim), passages, claim_text=claim)
    return decide(claim, ranked, checks, semantic=False)


def test_a_number_in_the_column_the_claim_names_supports_it_and_another_column_contradicts() -> None:
    d = _decide("On the GLUE dev sets, XLM-R scores 93.8 on QNLI and 95.0 on SST-2.", [GLUE])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    assert "under the column the claim names (QNLI" in d.reason and d.passage is not None
    assert d.passage.passage is GLUE
    assert "95.0" in d.held
    d = _decide("On MLQA, XLM-R achieves 80.6 F1 and 67.8 EM on the Spanish test set.", [MLQA])
    assert d.verdict is Verdict.CONTRADICTED
    assert "es" in d.reason and "74.1 / 56" in d.reason


def test_rows_the_claim_names_are_ranked_however_well_prose_scores() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    prose = [Passage(PID, 6, i * 100, i * 100 + 80,
                     f"Without any anchor tokens, a bilingual mOthelloGPT reaches an alignment probe accuracy {i}.",
                     PassageKind.SENTENCE) for i in range(12)]
    anchors = row("Atom+Split 0.47 0.47 0.73 0.97", "#Anchor tokens 0 1 2 4")
    index = PaperIndex.build("2404.12444v1", [*prose, anchors], None)
    claim = "Without any anchor tokens, a bilingual Atom+Split mOthelloGPT reaches an alignment probe accuracy of 0.47."
    ranked = rank(claim, None, [index], top=4)
    assert anchors in [s.passage for s in ranked]
    d = decide(claim, ranked, check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim),
               semantic=False)
    assert "0.47" in d.held


def test_a_row_whose_label_joins_words_by_plus_is_ranked_where_the_claim_names_each_word() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    prose = [Passage(PID, 5, i * 100, i * 100 + 80,
                     f"With separate embeddings, English-French NER transfer holds up in setting {i}.",
                     PassageKind.SENTENCE) for i in range(12)]
    header = "Model XNLI (Acc) NER (F1) fr ru zh fr ru zh"
    both = row("Sep Emb + L1-3 69.2 61.7 56.4 73.8 46.8 53.5", header)
    index = PaperIndex.build("1911.01464v3", [*prose, both], None)
    claim = "Even with separate embeddings and separate layers 1-3, English-French NER transfer holds at 75.5 F1."
    assert both in [s.passage for s in rank(claim, None, [index], top=4)]


def test_an_acronym_column_is_named_by_its_words_spelled_out() -> None:
    header = ("Model Avg Pair sentence Structured prediction Question answering Sentence retrieval "
              "XNLI PAWS-X POS NER XQuAD MLQA TyDiQA-GoldP BUCC Tatoeba")
    xlmr = row("XLM-R Large 68.2 79.2 86.4 73.8 65.4 76.6 / 60.8 71.6 / 53.2 65.1 / 45.0 66.0 57.3", header)
    claim = "XLM-R Large obtains 73.8 F1 on part-of-speech tagging and 65.4 F1 on named entity recognition."
    assert reading(claim, xlmr, "73.8").column == "POS" and reading(claim, xlmr, "73.8").holds
    assert reading(claim, xlmr, "65.4").column == "NER" and reading(claim, xlmr, "65.4").holds
    # Words that merely start with those letters elsewhere do not name it.
    assert reading("XLM-R Large obtains 65.4 on nearly every run.", xlmr, "65.4") is None


NER_HEADER = "Model train #M en nl es de Avg"
SETTINGS = [
    Passage(PID, 7, i * 50, i * 50 + len(t), t, PassageKind.TABLE_ROW, "Table 2: NER results.", NER_HEADER, "XLM-R")
    for i, t in enumerate(["each N 92.92 92.53 89.72 85.81 90.24", "en 1 92.92 80.80 78.64 71.40 80.94",
                           "all 1 92.00 91.60 89.52 84.60 89.43"])
]


def test_rows_under_a_models_name_are_its_rows_and_the_claims_setting_picks_one() -> None:
    d = _decide("Fine-tuned on each language's own training set, XLM-R obtains 92.53 F1 on Dutch NER.", SETTINGS)
    assert d.verdict is Verdict.SUPPORTED and "'xlm-r each n'" in d.reason, d.reason
    d = _decide("Fine-tuned on English data only, XLM-R reaches 89.72 F1 on Spanish NER.", SETTINGS)
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "78.64" in d.reason and "'xlm-r en'" in d.reason
    # A claim naming no setting is read against whichever of the model's rows holds its number.
    d = _decide("XLM-R reaches 89.72 F1 on Spanish NER.", SETTINGS)
    assert d.verdict is Verdict.SUPPORTED, d.reason


def test_rows_under_a_name_the_claim_gives_stay_in_the_ranking() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    prose = [Passage(PID, 6, i * 100, i * 100 + 80,
                     f"Fine-tuned on English data only, XLM-R reaches strong NER scores on Spanish {i}.",
                     PassageKind.SENTENCE) for i in range(12)]
    index = PaperIndex.build("1911.02116v2", [*prose, *SETTINGS], None)
    ranked = rank("Fine-tuned on English data only, XLM-R reaches 89.72 F1 on Spanish NER.", None, [index], top=4)
    assert all(r in [s.passage for s in ranked] for r in SETTINGS)


def test_a_number_is_read_only_in_the_rows_of_the_model_it_is_given_to() -> None:
    table2 = ("Model Avg Pair sentence Structured prediction XNLI PAWS-X POS")
    rows = [row(t, table2) for t in ("mBERT 59.8 65.4 81.9 71.5", "XLM 55.7 69.1 80.9 71.3",
                                     "XLM-R Large 68.2 79.2 86.4 73.8")]
    # Another table, whose XLM row holds 68.2 under another column than "Avg".
    mlqa = row("XLM 74.2 / 62.1 68.2 / 45.0 60.1", "Model en es Avg")
    claim = "On XTREME, XLM-R Large reaches an average score of 68.2, compared with 59.8 for mBERT and 55.7 for XLM."
    d = _decide(claim, [*rows, mlqa])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # Given to XLM, the same number is read in XLM's row, under the column the claim names.
    d = _decide("On MLQA, XLM reaches an average of 68.2.", [mlqa])
    assert d.verdict is Verdict.CONTRADICTED and "60.1" in d.reason, d.reason


EMERGING = Passage(ArxivId("1911.01464", 3), 5, 0, 94,
                   "Default Wiki-Wiki 80k all all shared 73.6 68.7 68.3 0.0 79.8 60.9 63.6 0.0 "
                   "73.2 56.6 28.8 0.0", PassageKind.TABLE_ROW, "Table 1: Dissecting bilingual MLM.",
                   "Model Domain BPE Merges Anchors Pts Share Param. Softmax XNLI (Acc) NER (F1) "
                   "Parsing (LAS) fr ru zh ∆ fr ru zh ∆ fr ru zh ∆")


def test_a_sub_column_is_read_under_the_group_the_claim_names() -> None:
    claim = ("In Wu et al.'s Default bilingual MLM setting, zero-shot dependency parsing reaches a "
             "LAS of 73.2 for French and 28.8 for Chinese.")
    r = reading(claim, EMERGING, "73.2")
    assert (r.column, r.holds) == ("Parsing (LAS) › fr", True)
    assert reading(claim, EMERGING, "28.8").column == "Parsing (LAS) › zh"
    # The row is named by a capitalised word inside the sentence ("Default"), so it decides.
    d = _decide(claim, [EMERGING])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # NER's French cell is 79.8: a claim giving parsing's value to NER is read under NER.
    ner = "In the Default setting, zero-shot NER reaches 73.2 F1 for French."
    r = reading(ner, EMERGING, "73.2")
    assert (r.column, r.holds, r.values) == ("NER (F1) › fr", False, (79.8,))
    assert _decide(ner, [EMERGING]).verdict is Verdict.CONTRADICTED
    # Without its group named, a sub-column is not read ("French" alone: three columns).
    assert reading("In the Default setting the score is 73.2 for French.", EMERGING, "73.2") is None


def test_a_row_label_ends_at_its_first_cell_even_an_empty_one() -> None:
    from claimcheck.verify.index import label_of

    assert label_of("Extra anchors - - extra - - 74.0 69.8 72.1") == "extra anchors"
    assert label_of("mBERT - - - 89.8 88.3") == "mbert"
    assert label_of("XLM-R Large 68.2 79.2") == "xlm-r large"
    # A name's digits are part of it ("mT0", "XLM-100"); a word starting with one is not ("40k").
    assert label_of("ZICL mT0 91.2 91.5") == "zicl mt0"
    assert label_of("XLM-100 100 BPE 16 1280") == "xlm-100"
    assert label_of("BERT Wiki 40k 88.1") == "bert wiki"
    extra = Passage(EMERGING.paper_id, 5, 0, 90,
                    "Extra anchors - - extra - - 74.0 69.8 72.1 +1.8 76.1 59.7 66.8 -0.5 73.3 56.9 "
                    "29.2 +0.3", PassageKind.TABLE_ROW, EMERGING.caption, EMERGING.header)
    # 72.1 is the row's XNLI Chinese score; its NER Chinese score is 66.8.
    d = _decide("With extra anchors created from a bilingual dictionary, English-Chinese NER F1 "
                "rises to 72.1.", [extra])
    assert d.verdict is Verdict.CONTRADICTED and "66.8" in d.reason, d.reason


def test_a_column_name_the_header_shortens_is_named_by_the_word_written_out() -> None:
    header = "Tasks NLI Sent. PWX XCPA XWGD TyDi NER QG Summ. class gen"
    chatgpt = row("ChatGPT† 54.5 91.1 68.6 76.7 73.3 68.1 45.4 21.2 5.4 64.6 13.3", header)
    r = reading("With English in-context learning, ChatGPT scores 76.7 on XWinograd.", chatgpt, "76.7")
    assert r is not None and r.column == "XWGD" and not r.holds and r.values == (73.3,)
    assert reading("ChatGPT scores 76.7 on XCOPA.", chatgpt, "76.7").holds
    assert reading("ChatGPT scores 91.1 on sentiment analysis.", chatgpt, "91.1").column == "Sent."
    assert reading("ChatGPT reaches 68.1 on TyDiQA.", chatgpt, "68.1").column == "TyDi"
    # Three capitals are too few to tell a word apart ("NER" is not "never").
    assert reading("ChatGPT never drops below 45.4.", chatgpt, "45.4") is None


def test_languages_of_low_resource_benchmarks_name_their_columns() -> None:
    header = "Model Macro aym bzd cni gn hch nah oto quy shp tar"
    mt5 = row("English Target FT 45.1 46.2 48.6 45.0 49.7 38.8 46.8 44.2 46.4 42.5 43.0", header)
    r = reading("mT5 reaches a macro accuracy of 45.1 and 49.7 on Guarani.", mt5, "49.7")
    assert r is not None and r.column == "gn" and r.holds
    assert reading("mT5 reaches 46.4 on Quechua.", mt5, "46.4").column == "quy"
    masakha = row("XLM-R 76.2 80.1 77.3", "Model swa yor hau")
    assert reading("XLM-R reaches 80.1 F1 on Yoruba.", masakha, "80.1").column == "yor"


def test_a_label_is_not_named_by_a_longer_name_it_starts() -> None:
    from claimcheck.verify.index import label_pattern

    assert not label_pattern("xlm").search("xlm-r's tatoeba accuracy correlates with wikipedia size")
    assert label_pattern("xlm").search("xlm's tatoeba accuracy, against xlm-r's")
    assert label_pattern("xlm-r").search("xlm-r's tatoeba accuracy")


PAWSX = row("ZICL mT0 91.2 91.5 95.5 94.3 87.5 87.9 90.8", "Transfer + Model Macro de es fr ja ko zh")


def test_a_row_is_named_by_each_word_of_its_label_an_acronym_spelled_out_and_a_macro_average() -> None:
    # "ZICL" as "zero-shot in-context learning" (the hyphened words give one letter or two),
    # "averages" under the column "Macro", "Spanish" under "es".
    claim = "On PAWS-X, mT0 with zero-shot in-context learning averages 91.2 and reaches 95.5 on Spanish."
    assert reading(claim, PAWSX, "91.2").column == "Macro" and reading(claim, PAWSX, "91.2").holds
    d = _decide(claim, [PAWSX])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    assert "'zicl mt0'" in d.reason
    # Another column of the named row is a contradiction.
    d = _decide("On PAWS-X, mT0 with zero-shot in-context learning reaches 91.5 on Spanish.", [PAWSX])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    # Without the setting the row's label is not all named: the row is not the claim's.
    d = _decide("On PAWS-X, mT0 averages 91.2 and reaches 95.5 on Spanish.", [PAWSX])
    assert d.verdict is not Verdict.SUPPORTED or "'zicl mt0'" not in d.reason, d.reason


def test_a_label_word_is_not_named_by_a_longer_name_it_starts() -> None:
    xlm = row("XLM 0.80 0.76 0.32 0.29 0.74 0.73 0.52 0.61 0.68", "Model de es fr ja ko zh ru tr ar")
    # No possessive here: the row must not be the claim's by its name alone.
    d = _decide("For XLM-R, the coefficient reaches 0.68 on Arabic.", [xlm])
    assert d.verdict is not Verdict.SUPPORTED, d.reason
    d = _decide("For XLM, the coefficient reaches 0.68 on Arabic.", [xlm])
    assert d.verdict is Verdict.SUPPORTED, d.reason


def test_a_claim_naming_a_rows_label_words_in_another_order_reaches_the_row() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    zicl = row("ZICL mT0 56.2 56.1 58.4 58.7 57.5 58.0", "Transfer + Model Macro ar bg de el es")
    others = [row(f"mT0 {40 + k}.1 72.1 60.6 50.5 60.3 73.6 7.9", "Tasks NLI Sent. PWX XCPA XWGD TyDi NER")
              for k in range(20)]
    passages = [*others, zicl]
    index = PaperIndex(str(PID), passages, [p.text for p in passages],
                       [frozenset() for _ in passages], None)
    ranked = rank("On XNLI, mT0 ZICL averages 56.2 over 1,500 test instances.", None, [index])
    assert zicl in [s.passage for s in ranked]


def test_a_number_in_a_row_named_word_by_word_is_not_taken_from_the_models_rows_elsewhere() -> None:
    # The setting's row ("English Target FT", in a table of mT5 results) holds the numbers;
    # mT5's own row of another table does not, and does not contradict them.
    setting = row("English Target FT 45.1 46.2 48.6 45.0 49.7 38.8", "Model Macro aym bzd cni gn hch")
    mt5 = row("mT5 34.5 50.0 43.2 50.0 49.2 0.3 1.6 0.0", "Tasks NLI Sent. PWX XCPA XWGD TyDi NER QG")
    claim = ("In the AmericasNLI results, mT5 fine-tuned on English and then target shots reaches a "
             "macro accuracy of 45.1 and 49.7 on Guarani.")
    d = _decide(claim, [mt5, setting])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # A number the setting's row does not hold is still contradicted by it.
    d = _decide(claim.replace("49.7", "46.2"), [mt5, setting])
    assert d.verdict is Verdict.CONTRADICTED, d.reason


TATOEBA = row("XLMR 58.2 47.5 71.6 43 88.8 61.8 75.7 52.2 35.8 70.5", "Lang. af ar bg bn de el es et eu fa")
LAYERS = row("Original Probe acc. 0.539 0.837 0.892 0.932 0.953 0.963", "Layer index 0 1 2 3 4 5")


def test_names_before_each_of_two_numbers_are_theirs_when_the_last_has_none_after_it() -> None:
    claim = "On Tatoeba, XLM-R retrieves German translations with 88.8% accuracy but Basque ones with only 35.8%."
    d = _decide(claim, [TATOEBA])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    d = _decide(claim.replace("88.8", "61.8"), [TATOEBA])
    assert d.verdict is Verdict.CONTRADICTED and "88.8" in d.reason, d.reason
    # A name after each number is still that number's ("93.8 on QNLI and 95.0 on SST-2").
    d = _decide("On Tatoeba, XLM-R reaches 88.8% on German and 35.8% on Basque.", [TATOEBA])
    assert d.verdict is Verdict.SUPPORTED, d.reason


def test_whole_numbers_naming_columns_are_read_as_their_names_not_as_cells() -> None:
    claim = "The original probe's accuracy climbs from 0.539 on layer 0 to 0.932 on layer 3."
    d = _decide(claim, [LAYERS])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    d = _decide(claim.replace("layer 3", "layer 2"), [LAYERS])
    assert d.verdict is Verdict.CONTRADICTED and "0.892" in d.reason, d.reason
    # A count in words names its column too: "two anchor tokens" the column "2".
    claim = "With two anchor tokens, the Atom+Compositional pair reaches 0.67 alignment probe accuracy."
    d = _decide(claim, [ANCHORS])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # So does the other column the claim names where the row holds the same value.
    same = row("Atom+Atom 0.53 0.82 0.97 0.97", "#Anchor tokens 0 1 2 4")
    claim = "Two anchor tokens lift Atom+Atom to 0.97 alignment probe accuracy, the same as four anchor tokens give."
    assert _decide(claim, [same]).verdict is Verdict.SUPPORTED
    assert _decide(claim.replace("four", "one"), [same]).verdict is not Verdict.SUPPORTED


SEEN_HEADER = "af de el en es et eu fi fr he hu id it ka ms nl pt ru sw tr vi"
NOT_SEEN = row("(b) Not seen 82.1 80.2 74.8 84.6 80.4 78.9 69.4 79.8 80.1 56.5 78.3 58.0 81.5 70.2 75.0 "
               "82.9 82.3 68.5 66.6 73.7 73.4", SEEN_HEADER)


def test_a_rows_place_in_a_list_is_no_word_of_its_name_and_a_name_before_a_noun_owns_nothing() -> None:
    # "(b) Not seen" is named by "not seen"; "of the NER entities" gives 49.1 to no model.
    # "the English training data" names where training data came from, not the cell's column.
    claim = ("For Swahili, mBERT correctly tags only 49.1% of the NER entities that were not seen in the "
             "English training data.")
    d = _decide(claim, [NOT_SEEN])
    assert d.verdict is Verdict.CONTRADICTED and "for sw" in d.reason and "66.6" in d.reason, d.reason
    d = _decide(claim.replace("49.1", "66.6"), [NOT_SEEN])
    assert d.verdict is Verdict.SUPPORTED, d.reason


def test_a_language_a_model_was_fine_tuned_on_is_its_setting_not_a_column() -> None:
    # XLM-R's NER table, without the Arabic column of the XNLI scores the claim gives.
    ner = row("XLM-R en 1 92.92 80.80 78.64 71.40 80.94", "Model train #M en nl es de Avg")
    d = _decide("Fine-tuned on English only, XLM-R reaches 80.80 accuracy on Arabic.", [ner])
    assert "for en" not in d.reason, d.reason
    # Named as where the scores were measured, English is the column.
    d = _decide("Trained on all languages, XLM-R reaches 80.80 F1 on English.", [ner])
    assert d.verdict is Verdict.CONTRADICTED and "for en" in d.reason, d.reason


def test_a_number_for_a_name_is_that_names_unless_a_noun_follows_it() -> None:
    from claimcheck.verify.verdict import _owner

    def owners(claim: str) -> list[str | None]:
        return [_owner(claim, m) for m in extract_numbers(claim)]

    assert owners("It reaches 59.8 for mBERT and 55.7 for XLM.") == ["mbert", "xlm"]
    assert owners("It gives 80.2 by XLM-R models trained on CC.") == ["xlm-r"]
    assert owners("It tags 49.1% of the NER entities.") == [None]
    # The first words of a row's label after "for" give the number to that row.
    labels = ["original probe acc.", "cross probe acc."]
    claim = "The cross-lingual probe reaches 0.652, against 0.953 for the original probe."
    assert [_owner(claim, m, labels) for m in extract_numbers(claim)] == [None, "original probe"]
    assert _owner("It reaches 0.953 for the original setting.", extract_numbers("It reaches 0.953 for the "
                  "original setting.")[0], labels) is None


def test_a_number_given_to_one_rows_label_is_not_read_in_that_row_for_another() -> None:
    header = "Non-Aligned Aligned"
    original, cross = row("Original Probe 0.28 0.19", header), row("Cross Probe 2.75 0.20", header)
    claim = ("In the aligned group, intervening with the cross-lingual alignment probe gives an average "
             "error of 0.20, close to the original probe's 0.19.")
    from claimcheck.verify.verdict import _column_readings

    passages = [original, cross]
    ranked = [Scored(p, 0.3, None, 0.3) for p in passages]
    checks = check_numbers(extract_numbers(claim), passages, claim_text=claim)
    confirmed, conflict = _column_readings(claim, checks, ranked, False)
    assert conflict is None, conflict
    # 0.19 is the original probe's; 0.20, given to the cross-lingual probe, is read in its row
    # ("cross-lingual" names "Cross"), not in the original probe's.
    assert {r.mention.text: r.row for r in confirmed.values()} == {"0.20": cross, "0.19": original}


def test_two_measurements_in_one_named_row_without_readable_columns_support_the_claim() -> None:
    ja = row("ja 16.3 0.0 12.3 1.0", "trigram, seen trigram, unseen 4-gram, seen 4-gram, unseen")
    other = row("ko 20.1 3.2 11.0 0.5", ja.header)
    claim = "For Japanese, mBERT's accuracy on unseen tag trigrams drops to 0.0, against 16.3 on seen ones."
    d = _decide(claim, [ja, other])
    assert d.verdict is Verdict.SUPPORTED and "'ja'" in d.reason, d.reason
    # One of the two in another row: not this rule's to support.
    d = _decide(claim.replace("16.3", "20.1"), [ja, other])
    assert d.verdict is not Verdict.SUPPORTED, d.reason


def test_three_measurements_in_order_in_one_row_support_the_claim_whatever_its_label() -> None:
    # XLM-R's XNLI table labels mBERT's row by its citation; three of the claim's values in the
    # claim's order in one row are that row's.
    cited = row("Devlin et al. (2018) Wiki N 102 82.1 73.8 74.3 71.1 50.4 58.0 66.3", None)
    other = row("Lample and Conneau (2019) Wiki N 100 83.7 76.2 76.6 73.7 57.4 66.2 71.5", None)
    claim = "mBERT's XNLI accuracy runs from 82.1% on English down to 50.4% on Swahili, averaging 66.3%."
    d = _decide(claim, [cited, other])
    assert d.verdict is Verdict.SUPPORTED and "one row, in the claim's order" in d.reason, d.reason
    assert d.passage is not None and d.passage.passage is cited
    # Out of the row's order, two of three in it, or the row of a model the claim does not
    # name: not this rule's to support.
    for changed in (claim.replace("82.1%", "66.3%").replace("averaging 66.3%", "averaging 82.1%"),
                    claim.replace("50.4%", "57.4%")):
        d = _decide(changed, [cited, other])
        assert "claim's order" not in d.reason, d.reason
    named = row("XLM-100 Wiki N 100 82.1 73.8 74.3 71.1 50.4 58.0 66.3", None)
    d = _decide(claim, [named])
    assert "claim's order" not in d.reason, d.reason


def test_a_named_row_of_another_table_gives_no_rival_value() -> None:
    # XLM-R's GLUE row names neither MLQA nor Vietnamese: its cells are no rivals of a claimed
    # MLQA score, which a row of the MLQA table (not retrieved here) holds.
    claim = "On Vietnamese MLQA, XLM-R scores 71.3 F1, about 14 points above mBERT's 57.1."
    d = _decide(claim, [GLUE])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # The same row contradicts a claim about its own table.
    d = _decide("On GLUE, XLM-R scores 91.7 on average.", [GLUE])
    assert d.verdict is Verdict.CONTRADICTED and "'xlm-r'" in d.reason, d.reason


def _table(text: str, header: str, caption: str | None, page: int = 21) -> Passage:
    return Passage(PID, page, 0, len(text), text, PassageKind.TABLE_ROW, caption, header)


def fillers(page: int, text: str, n: int) -> list[Passage]:
    """``n`` prose sentences on ``page``, ``text`` numbered: passages for rows to rank among."""
    return [Passage(PID, page, i * 100, i * 100 + 90, f"{text} {i}.", PassageKind.SENTENCE) for i in range(n)]


def judged(claim: str, index, top: int = 4):  # type: ignore[no-untyped-def]
    """The claim ranked against ``index``, its numbers checked, and the verdict decided."""
    from claimcheck.verify.index import rank

    ranked = rank(claim, None, [index], top=top)
    checks = check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim)
    return ranked, checks, decide(claim, ranked, checks, semantic=False)


def test_a_row_holding_two_of_the_claims_measurements_is_the_claims() -> None:
    overall = _table("mT5 34.5 50.0 43.2 50.0 49.2 0.3 1.6", "Tasks NLI Sent. Para. XCPA XWGD QA NER",
                     "Table 10: Overall experiment results.")
    wikiann = _table("English FT 61.0 35.5 67.0 21.4 64.5 60.5 81.6 36.2 36.6 75.1",
                     "Transfer + Model sw pa bg ml tr fa id ko mr de", "Table 20: Model performance on WIKIANN.")
    claim = "On WikiANN NER, English-only fine-tuning of mT5 scores 81.6 F1 on Indonesian and 75.1 on German."
    d = _decide(claim, [overall, wikiann])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # Held by a row of another name, they are another model's: the named row's values stand.
    bloom = replace(wikiann, text=wikiann.text.replace("English FT", "EICL BLOOM"))
    d = _decide("On WikiANN NER, mT5 scores 81.6 F1 on Indonesian and 75.1 on German.", [overall, bloom])
    assert d.verdict is Verdict.CONTRADICTED and "'mt5'" in d.reason, d.reason
    # Without the row holding them, the named row of a table the claim names still speaks.
    d = _decide("On the overall results, mT5 scores 33.1 on NLI.", [overall])
    assert d.verdict is Verdict.CONTRADICTED, d.reason


def test_a_row_naming_no_model_that_holds_two_measurements_in_a_fitting_table_is_the_claims() -> None:
    caption = ("Table 4. Accuracy of mBERT on POS tag trigrams and 4-grams in the target language dev data "
               "that appeared and did not appear in the English training data.")
    average = _table("avg w/o en 50.6 12.1 44.3 18.3", "trigram seen unseen 4-gram seen unseen", caption, page=7)
    results = _table("mBERT 59.8 65.4 81.9 71.5 62.2 64.5 / 49.4 61.4 / 44.2 59.7 / 43.9 56.7 38.7",
                     "Model XNLI PAWS-X POS NER XQuAD MLQA TyDiQA-GoldP BUCC Tatoeba",
                     "Table 2. Overall results of baseline models on all XTREME tasks.", page=6)
    claim = ("Averaged over the non-English languages, mBERT tags POS 4-grams seen in the English training "
             "data with 44.3 accuracy, but unseen 4-grams with only 18.3.")
    prose = Passage(PID, 7, 0, 90, "We show the performance of mBERT on POS tag 4-grams seen and not seen in "
                    "the English training data.", PassageKind.SENTENCE)

    def judged_with(row: Passage):  # type: ignore[no-untyped-def]
        checks = check_numbers(extract_numbers(claim), [row, results], claim_text=claim)
        return decide(claim, [Scored(prose, 0.8, None, 0.8), Scored(row, 0.2, None, 0.2),
                              Scored(results, 0.2, None, 0.2)], checks, semantic=False)

    d = judged_with(average)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # A row of another model's name that holds them makes them that model's.
    d = judged_with(replace(average, text="XLM-R 50.6 12.1 44.3 18.3"))
    assert d.verdict is Verdict.CONTRADICTED and "'mbert'" in d.reason, d.reason


def test_the_rows_of_the_table_whose_caption_is_the_best_passage_state_its_numbers() -> None:
    caption = ("Table 10. Accuracy of mBERT on the target language dev data on POS tag trigrams and 4-grams "
               "that appeared and did not appear in the English training data.")
    best = Passage(PID, 16, 0, len(caption), caption, PassageKind.CAPTION)
    average = _table("avg 50.6 12.1 44.3 18.3", "", caption, page=16)
    average = replace(average, start=3000, end=3030, header=None)
    claim = "On average, mBERT's accuracy on POS 4-grams unseen in the English training data is only 18.3."
    ranked = [Scored(best, 0.8, None, 0.8), Scored(average, 0.2, None, 0.2)]
    checks = check_numbers(extract_numbers(claim), [average], claim_text=claim)
    d = decide(claim, ranked, checks, semantic=False)
    assert "18.3" not in d.reason, d.reason
    # Another table's row states nothing for this caption.
    elsewhere = replace(average, caption="Table 4. POS results for each language.")
    checks = check_numbers(extract_numbers(claim), [elsewhere], claim_text=claim)
    d = decide(claim, [ranked[0], Scored(elsewhere, 0.2, None, 0.2)], checks, semantic=False)
    assert d.verdict is not Verdict.SUPPORTED and "18.3" in d.reason, d.reason


def test_of_a_models_rows_those_whose_caption_says_most_of_the_claim_hold_its_values() -> None:
    trigrams = _table("mBERT 0.79 0.81 0.36 0.35", "XNLI PAWS-X POS NER",
                      "Table 10. Accuracy of mBERT on POS tag trigrams that appeared and did not appear in "
                      "the English training data.", page=16)
    per_language = _table("mBERT 49.2 70.5 49.6 69.4", "ja kk ko mr", "Table 20. POS results (Accuracy) for "
                          "each language.", page=19)
    claim = ("For Japanese, mBERT's POS accuracy on tag trigrams unseen in the English training data "
             "drops to 0.0, against 16.3 on seen ones.")
    d = _decide(claim, [trigrams, per_language])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # Alone, the per-language row is the claim's table, and does not hold its value.
    d = _decide("For Japanese, mBERT's POS accuracy is 16.3.", [per_language])
    assert d.verdict is Verdict.CONTRADICTED, d.reason


def test_a_difference_the_claim_works_out_is_no_value_a_named_row_must_hold() -> None:
    overall = _table("mBERT 59.8 65.4 81.9 71.5", "Model XNLI PAWS-X POS NER",
                     "Table 2. Overall results of baselines across all XTREME tasks.", page=6)
    claim = ("In XTREME's unseen-entity analysis, mBERT's NER accuracy for Hebrew is {} on seen "
             "entities than on unseen ones.")
    d = _decide(claim.format("21.7 points higher"), [overall])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    assert _decide("On XTREME, mBERT's NER accuracy is 62.4 on average.", [overall]).verdict \
        is Verdict.CONTRADICTED


def test_table_fit_reads_captions_and_the_columns_a_claim_names() -> None:
    from claimcheck.verify.verdict import table_fit

    tydiqa = _table("EICL BLOOM 39.2 43.8 58.2 20.6 47.0 57.5", "Transfer + Model Macro ar be fi id sw",
                    "Table 19: Model performance on TYDIQA.")
    qg = replace(tydiqa, caption="Table 22: Model performance on TYDIQA-QG.")
    claim = "On TyDiQA, BLOOM with English in-context learning reaches 73.7 F1 on Swahili."
    assert table_fit(claim, tydiqa) == 2
    assert table_fit(claim, qg) == 1  # "TyDiQA" is not "TYDIQA-QG"; Swahili is still a column
    # A name is named without its punctuation too: "KLUE-NLI" is the caption's "KLUENLI".
    nli = _table("EICL ChatGPT 64.8 62.3 –", "Transfer + Model KLUENLI PARSINLUENTAILMENT OCNLI",
                 "Table 13: Model performance on KLUENLI, OCNLI and PARSINLUENTAILMENT.", page=23)
    assert table_fit("ChatGPT scores 64.8 on KLUE-NLI.", nli) == 2
    d = _decide("Asai et al. report that ChatGPT with English demonstrations scores 62.3 on KLUE-NLI.",
                [nli])
    assert d.verdict is Verdict.CONTRADICTED and "64.8" in d.reason, d.reason
    # A language named as where training data came from names no column; a table of languages
    # without the one the claim names is not its table.
    assert table_fit("BLOOM reaches 57.5 F1 with English training data.", replace(tydiqa, caption=None)) == 0
    assert table_fit("On TyDiQA, BLOOM reaches 57.5 F1 on Telugu.", tydiqa) == 0
    # Captions name the models of many tables: a model the rows are labelled with says nothing.
    glue = replace(GLUE, caption="Table 4: GLUE dev results of XLM-R and mBERT.")
    claim = "On Vietnamese MLQA, XLM-R scores 71.3 F1."
    assert table_fit(claim, glue) == 1
    assert table_fit(claim, glue, frozenset({"xlm-r"})) == 0


def test_of_a_models_many_rows_those_of_the_claims_table_are_ranked() -> None:
    from claimcheck.verify.index import MAX_NAMED_ROWS, PaperIndex, rank

    others = [_table(f"EICL BLOOM {i}.1 {i}.2 {i}.3", "Transfer + Model Macro de fr",
                     f"Table {i}: Model performance on XNLI.", page=20 + i) for i in range(MAX_NAMED_ROWS + 4)]
    tydiqa = _table("EICL BLOOM 39.2 43.8 58.2 20.6 47.0 57.5", "Transfer + Model Macro ar be fi id sw",
                    "Table 19: Model performance on TYDIQA.", page=40)
    index = PaperIndex.build("2305.14857v1", [*others, tydiqa], None)
    ranked = rank("On TyDiQA, EICL BLOOM reaches 73.7 F1 on Swahili.", None, [index], top=4)
    assert tydiqa in [s.passage for s in ranked][:2]


def test_the_named_row_of_the_table_whose_caption_names_the_claims_dataset_is_ranked() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    claim = ("On TyDiQA-QG, mT5 fine-tuned on English and then on target-language shots averages "
             "12.2 BLEU, with its best score, 28.8, on Telugu.")
    header = "Transfer + Model Macro ar be fi id sw ko ru te"
    qg = _table("English Target FT 12.2 11.5 7.3 15.8 14.1 13.1 7.9 8.9 18.8", header,
                "Table 22: Model performance on TYDIQA-QG.", page=27)
    # The rows the claim names by "mT5", in the paper's other tables, hold none of its numbers.
    mt5 = [_table(f"mT5 3{i}.5 50.0 42.2 50.4 47.5 0.2 0.0 0.0 0.4", header,
                  f"Table {i}: Model performance on XNLI.", page=8 + i) for i in range(8)]
    other = _table("English FT 12.2 2.1 3.5 5.1 6.2 5.1 3.0 4.7 4.2", header,
                   "Table 19: Model performance on TYDIQA.", page=26)
    prose = fillers(10, "On TyDiQA-QG, mT5 fine-tuned on English and then on target shots does well", 12)
    index = PaperIndex.build("2305.14857v1", [*prose, *mt5, other, qg], None)
    got = [s.passage for s in rank(claim, None, [index], top=4)]
    assert qg in got and other not in got
    d = judged(claim, index)[2]
    assert d.verdict is Verdict.CONTRADICTED and "18.8" in d.reason and "te" in d.reason, d.reason
    assert judged(claim.replace("28.8", "18.8"), index)[2].verdict is not Verdict.CONTRADICTED


CC100 = [_table(t, "ISO code Language Tokens (M) Size (GiB)", "Table 6: Languages and statistics of the CC-100 corpus.",
                page=11) for t in ("sw Swahili 275 1.6", "ru Russian 23408 278.0")]


def test_a_column_is_named_by_its_name_or_its_unit_and_a_languages_number_read_in_its_row() -> None:
    from claimcheck.verify.columns import mention_positions

    claim = "CC-100 holds 1.6 GiB of Swahili text, in 275 million tokens."
    assert mention_positions(claim, "Size (GiB)") == [claim.index("GiB")]
    assert mention_positions(claim, "Tokens (M)") == [claim.index("tokens")]
    assert mention_positions(claim, "Avg (M)") == []
    # Read in the row of the claim's column reading, the count is held for the claim's parts.
    d = _decide(claim, CC100)
    assert d.verdict is Verdict.SUPPORTED and {"1.6", "275 million"} <= d.held, (d.reason, d.held)
    d = _decide("CC-100 holds 1.6 GiB of Swahili text.", CC100)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    d = _decide("CC-100 holds 1.4 GiB of Swahili text.", CC100)
    assert d.verdict is Verdict.CONTRADICTED and "1.6" in d.reason, d.reason
    # A number given to another language is not read in Swahili's row.
    d = _decide("CC-100 holds 1.6 GiB of Swahili text, against 300.8 GiB for English.", CC100)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_a_row_named_by_its_id_without_the_claims_number_contradicts_it_whatever_the_prose_writes() -> None:
    header = "ID Description µ F1 ρ τ F1 ρ τ train dev"
    caption = "Table 1: Multilinguality and model fit. ID is a unique identifier for the model setting."
    rows = [_table(t, header, caption, page=6) for t in (
        "0 original .70 1.00 .00 .16 .02 .88 .02 1.00 .00 .97 .01 .79 .03 9 00.2 217 07.8",
        "4 no-random .68 1.00 .00 .19 .03 .87 .02 1.00 .00 .85 .07 .82 .04 9 00.6 273 07.7")]
    # The best passage writes .97, the original model's.
    prose = Passage(PID, 5, 0, 120, "Retrieval works better with contextualized representations on layer 8 "
                    "(.97 vs. .16) whereas word translation works better on layer 0.", PassageKind.SENTENCE)
    ranked = [Scored(prose, 0.45, None, 0.45), *(Scored(r, 0.3, None, 0.3) for r in rows)]

    def verdict(claim: str) -> Decision:
        checks = check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim)
        return decide(claim, ranked, checks, semantic=False)

    d = verdict("With the no-random masking change alone (ID 4), Dufter and Schütze's model keeps a layer-8 "
                "sentence retrieval score of .97.")
    assert d.verdict is Verdict.CONTRADICTED and "no-random" in d.reason, d.reason
    # Named by its label alone, the row gives way to the prose that writes the number.
    d = verdict("With the no-random masking change alone, Dufter and Schütze's model keeps a layer-8 "
                "sentence retrieval score of .97.")
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_a_rows_id_is_no_word_of_its_name_and_settings_joined_by_semicolons_are_its_words() -> None:
    from claimcheck.verify.index import PaperIndex, rank, row_label

    header = "ID Description µ F1 ρ τ F1 ρ τ train dev"
    assert row_label(_table("6 lang-pos;no-random .30 .91 .04", header, None)) == "lang-pos;no-random"
    assert row_label(_table("21b lang-pos;no-parallel .07 .60", header, None)) == "lang-pos;no-parallel"
    # A footnote mark inside a label is no part of the name: "XLM-15† en" is "XLM-15" trained on en.
    assert row_label(_table("XLM-15† en 15 74.9 / 62.4 68.0 / 49.8", MLQA_HEADER, None)) == "xlm-15 en"
    # An id naming the setting a model starts from: "30-base" in "ID Description ENG DEU HIN".
    assert row_label(_table("30-base knn-replace .74 .01 .61 .01 .54 .00", "ID Description ENG DEU HIN",
                            None)) == "knn-replace"
    # Under another header, a number starting a row is no id.
    assert row_label(_table("8 anchor tokens 0.91 0.97", "Setting Acc. F1", None)) is None
    rows = [_table(t, header, "Table 1: Multilinguality and model fit.", page=6) for t in (
        "1 lang-pos .30 .87 .05 .33 .13 .40 .09 .89 .05 .39 .15 .09 .05 9 00.1 216 09.0",
        "5 lang-pos;shift-special .20 .62 .19 .22 .19 .27 .20 .72 .22 .27 .21 .05 .04 10 00.5 205 07.6",
        "6 lang-pos;no-random .30 .91 .04 .29 .10 .36 .12 .89 .05 .32 .15 .25 .12 10 00.4 271 08.6")]
    claim = "Combining lang-pos with no-random (ID 6) leaves a multilinguality score of .30, with word translation at .25."
    prose = [Passage(PID, 5, i * 100, i * 100 + 80, f"Combining lang-pos with no-random keeps multilinguality {i}.",
                     PassageKind.SENTENCE) for i in range(12)]
    index = PaperIndex.build("2005.00396v3", [*prose, *rows], None)
    ranked = rank("Combining lang-pos with no-random keeps little multilinguality.", None, [index], top=4)
    assert rows[2] in [s.passage for s in ranked]
    assert _decide(claim, rows).verdict is Verdict.SUPPORTED
    # Given to lang-pos;shift-special, .30 is lang-pos's alone.
    wrong = "Combining lang-pos with shift-special (ID 5) lowers the multilinguality score to .30."
    prose = Passage(PID, 5, 0, 80, "Combining lang-pos with shift-special lowers the multilinguality score.",
                    PassageKind.SENTENCE)
    ranked = [Scored(prose, 0.7, None, 0.7), *(Scored(r, 0.3, None, 0.3) for r in rows)]
    checks = check_numbers(extract_numbers(wrong), [s.passage for s in ranked], claim_text=wrong)
    d = decide(wrong, ranked, checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "lang-pos" in d.reason, d.reason


def test_a_claim_writing_a_rows_id_names_that_row_and_its_columns_are_read_there() -> None:
    # Dufter and Schütze's Table 2: rows numbered in an "ID" column, named by id in claims.
    header = "ID Description µ F1 ρ τ F1 ρ τ train dev"
    rows = [_table(t, header, "Table 2: Results showing the effect of a non-parallel corpus.", page=6)
            for t in ("2 shift-special .66 1.00 .00 .79 .15 .88 1.00 12 140",
                      "21 no-parallel .25 .98 .06 .28 .98 .50 .15 14 383")]
    claim = "Trained on a non-parallel corpus (ID 21), the model rises to a train perplexity of 14 and a dev perplexity of {}."
    d = _decide(claim.format(338), rows)
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "383" in d.reason and "dev" in d.reason, d.reason
    assert _decide(claim.format(383), rows).verdict is not Verdict.CONTRADICTED
    # "ID 2" names row 2, not row 21; a bare "21" names no row.
    two = "With shift-special alone (ID 2), the model reaches a dev perplexity of 383."
    assert _decide(two, rows).verdict is Verdict.CONTRADICTED
    bare = "A non-parallel corpus of 21 books gives the model a dev perplexity of 338."
    assert "that column of the row" not in _decide(bare, rows).reason
    # A whole number that counts something is no measurement to read in a column.
    count = "Trained on a non-parallel corpus (ID 21) of 1,500 sentences, the model reaches a dev perplexity of 383."
    assert _decide(count, rows).verdict is not Verdict.CONTRADICTED


def test_sizes_in_the_one_row_the_claim_names_support_it_where_its_columns_cannot_all_be_read() -> None:
    header = "Model #lgs tokenization L Hm Hf f A V #params"
    rows = [_table(t, header, "Table 7: Details on model sizes.", page=12)
            for t in ("XLM-100 100 BPE 16 1280 5120 16 200k 570M", "XLM-15 15 BPE 12 1024 4096 8 95k 250M")]
    claim = "In Conneau et al.'s model table, XLM-100 has 16 layers, a hidden size of 1280 and 570M parameters."
    d = _decide(claim, rows)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    assert {"16", "1280", "570M"} <= d.held
    # A size the row does not hold leaves the claim unsupported.
    assert _decide(claim.replace("1280", "1380"), rows).verdict is not Verdict.SUPPORTED


def test_a_blocks_setting_tells_its_rows_apart_and_one_row_printed_in_two_tables_is_one() -> None:
    header = "Tasks NLI Sent. PWX XCPA XWGD TyDi NER QG Summ. class gen"
    rows = [replace(_table(text, header, f"Table {n}: Overall experiment results in BUFFET.", page),
                    group=group)
            for n, page in ((4, 8), (10, 21))
            for group, text in (("ENG. ICL", "ChatGPT† 54.5 91.1 68.6 76.7 73.3 68.1 45.4 21.2 5.4 64.6 13.3"),
                                ("TGT. ICL", "ChatGPT† 48.2 91.5 68.2 74.3 73.4 68.0 44.8 21.1 11.4 62.7 16.3"))]
    d = _decide("With English in-context learning, ChatGPT scores 11.4 on XLSUM summarization.", rows)
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "5.4" in d.reason and "eng. icl chatgpt" in d.reason
    d = _decide("With English in-context learning, ChatGPT scores 5.4 on XLSUM summarization.", rows)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_two_measurements_in_a_row_of_the_claims_model_support_it_unless_it_names_another_row_of_the_table() -> None:
    header = "Tasks NLI Sent. PWX XCPA XWGD TyDi NER QG Summ. class gen"
    caption = "Table 10: Overall experiment results on BUFFET."
    eng, tgt = (replace(_table(text, header, caption), group=group) for group, text in (
        ("ENG. ICL", "ChatGPT† 54.5 91.1 68.6 76.7 73.3 68.1 45.4 21.2 5.4 64.6 13.3"),
        ("TGT. ICL", "ChatGPT† 48.2 91.5 68.2 74.3 73.4 68.0 44.8 21.1 11.4 62.7 16.3")))
    both = _table("ENG.+TGT. mT5 48.8 90.4 77.9 49.9 49.0 66.7 43.5 12.2 8.4 58.8 10.0", header, caption)
    # The setting written in words, each part of "ENG.+TGT." ("TGT." of "target").
    d = _decide("mT5 fine-tuned on English and then on target-language shots averages 58.8 on "
                "classification tasks and 10.0 on generation.", [both])
    assert d.verdict is Verdict.SUPPORTED and "one row, in the claim's order" in d.reason, d.reason
    # English in-context learning's values given to target-language in-context learning: the
    # row the claim names holds others there.
    d = _decide("With target-language in-context learning, ChatGPT averages 64.6 on BUFFET-Light "
                "classification and 13.3 on generation.", [eng, tgt])
    assert d.verdict is Verdict.CONTRADICTED and "'TGT. ICL ChatGPT'" in d.reason and "62.7" in d.reason, d.reason
    # Two values in a row of another model are no support.
    d = _decide("BLOOM averages 58.8 on classification tasks and 10.0 on generation.", [both])
    assert d.verdict is not Verdict.SUPPORTED, d.reason
    # A claim that joins names by "+" itself names "+" labels as it writes them: "Atom+Atom"
    # is not named by "Atom+Compositional".
    from claimcheck.verify.verdict import _names_word

    assert _names_word("fine-tuned on english and then on target-language shots", "ENG.+TGT.")
    assert not _names_word("atom+compositional mothellogpts reach 0.82", "Atom+Atom")


def test_a_row_of_a_block_is_named_by_its_own_label_but_a_row_under_a_group_line_is_not() -> None:
    from claimcheck.verify.index import PaperIndex

    header = "Tasks NLI Sent. PWX Summ."
    head = _table("ENG. ICL BLOOM 32.1 81.7 42.2 3.4", header, "Table 4: Results.", page=8)
    block = replace(_table("mT5 35.7 50.0 42.2 0.4", header, "Table 4: Results.", page=8),
                    group="ENG. ICL")
    # "Bengali" under the line "20BLEU" of a figure's axis: no row starts with "20BLEU".
    axis = replace(_table("Bengali 0 25 50", "0 2 4 6 8", None, page=30), group="20BLEU")
    index = PaperIndex.build("2305.14857v1", [head, block, axis], None)
    named = {index.passages[i].text for i in index.rows_named_in("mt5 scores 0.4 on bengali.")}
    assert named == {block.text}


def test_a_row_of_another_name_holding_the_claims_number_brings_in_the_row_the_claim_names() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    header = "Transfer + Model Macro ar be fi id sw ko ru te"
    caption = "Table 19: Model performance on TYDIQA."
    bloomz = _table("EICL BLOOMZ 44.5 45.3 67.7 18.9 61.0 73.7 12.4 19.6 57.6", header, caption, page=25)
    bloom = _table("EICL BLOOM 39.2 43.8 58.2 20.6 47.0 57.5 23.2 32.7 30.4", header, caption, page=25)
    prose = fillers(7, "In-context learning with BLOOM in English remains challenging on TyDiQA for setting", 3)
    index = PaperIndex.build("2305.14857v1", [*prose, bloomz, bloom], None)
    claim = "On TyDiQA, BLOOM with English in-context learning reaches 73.7 F1 on Swahili."
    ranked, _, d = judged(claim, index)
    assert bloom in [s.passage for s in ranked]
    assert d.verdict is Verdict.CONTRADICTED and "57.5" in d.reason, d.reason
    # The row of the claim's own name holding the number brings in no other row.
    assert bloom not in [s.passage for s in rank(claim.replace("BLOOM ", "BLOOMZ "), None, [index], top=4)]


WU_HEADER = ("Model Domain BPE Merges Anchors Pts Share Param. Softmax XNLI (Acc) NER (F1) Parsing (LAS) "
             "fr ru zh ∆ fr ru zh ∆ fr ru zh ∆")


def anywhere(claim: str, passage: Passage, number: str):  # type: ignore[no-untyped-def]
    """``reading``, for a row that need not hold the number as written (``-5.3`` for 5.3)."""
    m = next(m for m in extract_numbers(claim) if m.text == number)
    return read_column(claim, m, passage, 0.05, prev_end=0, next_start=len(claim), any_row=True)


def test_a_difference_the_claim_words_is_read_under_the_delta_column_without_its_sign() -> None:
    extra = _table("Extra anchors - - extra - - 74.0 69.8 72.1 +1.8 76.1 59.7 66.8 -0.5 73.3 56.9 29.2 +0.3",
                   WU_HEADER, "Table 1: Dissecting bilingual MLMs.", page=5)
    claim = "Extra anchors raise average XNLI transfer 1.8 points over Default, with English-Russian reaching 69.8%."
    r = reading(claim, extra, "1.8")
    assert r is not None and r.column == "XNLI (Acc) › ∆" and r.holds
    sep = replace(extra, text="Sep L1-3 - 40k/40k - Sep L1-3 - 72.4 65.0 63.1 -3.4 74.0 53.3 60.8 -5.3 "
                              "69.7 54.1 26.4 -2.8")
    r = anywhere("With Sep L1-3, NER is 5.3 points below Default on average.", sep, "5.3")
    assert r is not None and r.column == "NER (F1) › ∆" and r.holds
    r = anywhere("With Sep L1-3, NER is 3.4 points below Default on average.", sep, "3.4")
    assert r is not None and r.column == "NER (F1) › ∆" and not r.holds and r.values == (-5.3,)
    # A number not worded as a difference is no delta.
    assert reading("With Sep L1-3, Russian NER reaches 53.3 F1.", sep, "53.3").column == "NER (F1) › ru"


def test_a_count_in_millions_matches_a_cell_under_a_header_in_millions_and_the_rows_numbers_are_stated() -> None:
    japanese = _table("ja Japanese 530 69.3", "ISO code Language Tokens (M) Size (GiB)",
                      "Table 6: Languages and statistics of the CC-100 corpus.", page=11)
    claim = "CC-100 holds 69.3 GiB of Japanese text, amounting to 530 million tokens."
    checks = check_numbers(extract_numbers(claim), [japanese], claim_text=claim)
    assert [(c.mention.text, c.status.value) for c in checks] == [("69.3", "matched"), ("530 million", "matched")]
    d = _decide(claim, [japanese])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # Another count is not in the row; nor is the cell read in other units.
    assert _decide(claim.replace("530 million", "630 million"), [japanese]).verdict is not Verdict.SUPPORTED
    assert check_numbers(extract_numbers("about 530 thousand tokens"), [japanese],
                         claim_text="about 530 thousand tokens")[0].status is NumberStatus.ABSENT


def test_rows_the_claim_names_come_after_the_prose_when_the_claim_writes_no_number() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    prose = [Passage(PID, 3, 0, 40, "We consider four evaluation benchmarks.", PassageKind.SENTENCE),
             *[Passage(PID, 4, i * 100, i * 100 + 80, f"We present results of XLM-R on task {i}.",
                       PassageKind.SENTENCE) for i in range(3)]]
    named = [row(f"XLM-R {i} 88.{i} 93.8 92.3 95.0 89.5 91.2 91.8", GLUE_HEADER) for i in range(6)]
    index = PaperIndex.build("1911.02116v2", [*prose, *named], None)
    claim = "Conneau et al. consider five evaluation benchmarks for XLM-R."
    ranked = [s.passage for s in rank(claim, None, [index], top=4)]
    assert ranked[0] is prose[0] and set(ranked[:4]) <= set(prose)
    # Still kept, below the prose, for the number checks.
    assert set(named) <= set(ranked)
    # A claim writing a number brings them up.
    ranked = [s.passage for s in rank(claim.replace("five", "5") + " QNLI 93.8.", None, [index], top=4)]
    assert not set(ranked[:4]) <= set(prose)


def test_a_row_the_claim_names_by_its_first_word_is_ranked_where_it_holds_a_claim_number() -> None:
    from claimcheck.verify.index import PaperIndex, rank

    # "XLM-R en ..." and "mBERT† en ...": the "en" is the "train" column, not part of the name.
    mbert = row("mBERT† en 102 77.7 / 65.2 64.3 / 46.6 57.9 / 44.3 45.7 / 29.8 43.8 / 29.7 57.1 / 38.6 "
                "57.5 / 37.3 57.7 / 41.6", MLQA_HEADER)
    hindi = row("XLM-R hi 100 80.1 / 66.0 73.0 / 55.1 67.5 / 52.6 62.0 / 42.5 68.2 / 50.6 70.3 / 49.9 "
                "67.1 / 44.4 69.7 / 51.7", MLQA_HEADER)
    prose = [Passage(PID, 7, i * 100, i * 100 + 90, f"XLM-R outperforms mBERT on the MLQA test set by "
                     f"a wide margin in setting {i}.", PassageKind.SENTENCE) for i in range(6)]
    named = [row(f"XLM-R {i} 88.{i} 93.8 92.3 95.0 89.5 91.2 91.8", GLUE_HEADER) for i in range(4)]
    xlm = row("XLM-15† en 15 74.9 / 62.4 68.0 / 49.8 62.2 / 47.6 54.8 / 36.3 48.8 / 27.3 61.4 / 41.8 "
              "61.1 / 39.6 61.6 / 43.5", MLQA_HEADER)
    index = PaperIndex.build("1911.02116v2", [*prose, *named, MLQA, mbert, hindi, xlm], None)
    claim = "XLM-R scores 68.0 F1 on the Chinese MLQA test set, about ten points above mBERT's 57.5."
    ranked = [s.passage for s in rank(claim, None, [index], top=4)]
    assert MLQA in ranked and mbert in ranked
    # A row of that first word holding none of the claim's numbers stays out, and so does a row
    # of another name holding one.
    assert hindi not in ranked and xlm not in ranked
    checks = check_numbers(extract_numbers(claim), ranked, claim_text=claim)
    assert [(c.mention.text, c.status, c.source_subject) for c in checks if c.mention.text != "ten"] == [
        ("68.0", NumberStatus.MATCHED, "XLM-R en"), ("57.5", NumberStatus.MATCHED, "mBERT† en")]


def test_a_name_written_with_its_punctuation_names_the_row_written_without_it() -> None:
    from claimcheck.verify.index import PaperIndex

    # XTREME's Table 16 writes "XLMR"; the claim writes "XLM-R's 67.5" beside MMTE's 67.9.
    header, caption = "Model de fr ru zh avg", "Table 16. BUCC results (F1 scores) for each languages."
    xlmr = _table("XLMR 67.5 66.5 73.5 56.7 66.0", header, caption, page=18)
    mmte = _table("MMTE 67.9 63.9 54.3 53.3 59.8", header, caption, page=18)
    # Another table of MMTE holding 67.5 too, ranked above by its name.
    other = _table("MMTE 79.6 64.9 70.4 68.2 67.3 71.6 69.5 67.5", "Lang. en ar bg de el es fr hi",
                   "Table 15. XNLI accuracy for each language.", page=17)
    cut = _table("mBERT, 1000 examples - - - 87.6 77.9", "Model PAWS-X XNLI POS NER", None, page=6)
    prose = fillers(5, "MMTE achieves performance competitive with mBERT in setting", 6)
    index = PaperIndex.build("2003.11080v5", [*prose, other, mmte, xlmr, cut], None)
    assert {index.passages[i].text for i in index.rows_named_in("xlm-r's 67.5 for mbert")} == {xlmr.text}
    claim = "Hu et al. report a German BUCC F1 of 67.9 for MMTE, slightly above XLM-R's 67.5."
    _, checks, d = judged(claim, index)
    assert [(c.status, c.source_subject) for c in checks] == [
        (NumberStatus.MATCHED, "MMTE"), (NumberStatus.MATCHED, "XLMR")]
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # XLM-R's French score given as its German one: not in MMTE's column.
    assert judged(claim.replace("67.5", "66.5"), index)[2].verdict is not Verdict.SUPPORTED


def test_a_rows_setting_after_a_comma_is_part_of_its_label_and_picks_it_from_the_models_rows() -> None:
    from claimcheck.verify.index import PaperIndex, label_of

    assert label_of("mBERT, 1000 examples - - - 87.6 77.9") == "mbert, 1000 examples"
    assert label_of("mBERT - - - 89.8 88.3") == "mbert"
    header = "Model POS NER"
    full = _table("mBERT 89.8 88.3", header, None, page=6)
    few = _table("mBERT, 1000 examples 87.6 77.9", header, None, page=6)
    prose = fillers(6, "In-language models are trained on the target language training data in setting", 6)
    index = PaperIndex.build("2003.11080v5", [*prose, full, few], None)
    claim = "In XTREME, mBERT fine-tuned on only 1,000 in-language examples reaches 89.8 F1 on POS tagging."
    d = judged(claim, index)[2]
    assert d.verdict is Verdict.CONTRADICTED and "87.6" in d.reason, d.reason
    assert judged(claim.replace("89.8", "87.6"), index)[2].verdict is Verdict.SUPPORTED
    # Without the setting the claim is the full model's.
    plain = "In XTREME, mBERT fine-tuned on in-language data reaches 89.8 F1 on POS tagging."
    assert judged(plain, index)[2].verdict is Verdict.SUPPORTED


def test_a_number_in_no_ranked_passage_brings_in_the_row_it_names_beside_a_named_row() -> None:
    from claimcheck.verify.index import PaperIndex

    header, caption = "ISO code Language Tokens (M) Size (GiB)", "Table 6: Languages and statistics of the CC-100 corpus."
    rows = [_table(t, header, caption, page=11) for t in (
        "sw Swahili 275 1.6", "en English 55608 300.8", "de German 10297 66.6", "fr French 9780 56.8")]
    prose = fillers(3, "CC-100 increases the amount of data by several orders of magnitude, in particular "
                    "for low-resource languages", 8)
    index = PaperIndex.build("1911.02116v2", [*prose, *rows], None)
    claim = "CC-100 holds just 1.6 GiB of Swahili text, about 275 million tokens, against 300.8 GiB for English."
    ranked, _, d = judged(claim, index, top=3)
    assert rows[1] in [s.passage for s in ranked]
    assert d.verdict is Verdict.SUPPORTED, d.reason


def test_a_count_in_billions_is_read_in_a_column_counting_in_millions_to_its_own_precision() -> None:
    header, caption = "ISO code Language Tokens (M) Size (GiB)", "Table 6: Languages and statistics of the CC-100 corpus."
    indonesian = _table("id Indonesian 22704 148.3", header, caption, page=11)
    ranked = [Scored(indonesian, 0.35, None, 0.35)]
    for claim, verdict in (
            ("CC-100 includes 148.3 GiB of Indonesian text, about 22.7 billion tokens.", Verdict.SUPPORTED),
            ("CC-100 includes 148.3 GiB of Indonesian text, about 23.7 billion tokens.", Verdict.CONTRADICTED)):
        checks = check_numbers(extract_numbers(claim), [indonesian], claim_text=claim)
        found = verdict is Verdict.SUPPORTED
        assert [c.status is NumberStatus.MATCHED for c in checks] == [True, found]
        d = decide(claim, ranked, checks, semantic=False)
        assert d.verdict is verdict, d.reason


def test_a_count_in_millions_is_read_under_the_column_counting_in_millions_of_the_row_it_names() -> None:
    header, caption = "ISO code Language Tokens (M) Size (GiB)", "Table 6: Languages and statistics of the CC-100 corpus."
    russian = _table("ru Russian 23408 278.0", header, caption, page=11)
    ranked = [Scored(russian, 0.43, None, 0.43)]
    claim = "CC-100 holds 278.0 GiB of Russian text, drawn from 32,408 million tokens."
    d = decide(claim, ranked, check_numbers(extract_numbers(claim), [russian], claim_text=claim),
               semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "23408" in d.reason, d.reason
    claim = claim.replace("32,408", "23,408")
    d = decide(claim, ranked, check_numbers(extract_numbers(claim), [russian], claim_text=claim),
               semantic=False)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # Cells printed without a unit are not read as a size in millions.
    plain = _table("ru Russian 23408 278.0", "ISO code Language Tokens Size", caption, page=11)
    reading = read_column(claim, extract_numbers(claim)[1], plain, 0.5, any_row=True)
    assert reading is None


def test_a_number_put_in_the_cell_where_the_claims_other_number_is_confirmed_is_read_there() -> None:
    mbert = row("mBERT† en 102 77.7 / 65.2 64.3 / 46.6 57.9 / 44.3 45.7 / 29.8 43.8 / 29.7 "
                "57.1 / 38.6 57.5 / 37.3 57.7 / 41.6", MLQA_HEADER)
    # Another mBERT row, of a table whose columns cannot be read.
    sizes = row("mBERT 104 WordPiece 12 768 3072 12 110k 172M", "Model #lgs tokenization L Hm Hf f A V #params")
    ranked = [Scored(sizes, 0.28, None, 0.28), Scored(mbert, 0.3, None, 0.3)]

    def verdict(claim: str) -> Decision:
        checks = check_numbers(extract_numbers(claim), [sizes, mbert], claim_text=claim)
        return decide(claim, ranked, checks, semantic=False)

    claim = "In Conneau et al.'s MLQA table, mBERT scores only 34.8 F1 and 29.7 exact match on Hindi."
    d = verdict(claim)
    assert d.verdict is Verdict.CONTRADICTED and "43.8" in d.reason, d.reason
    assert verdict(claim.replace("34.8", "43.8")).verdict is Verdict.SUPPORTED
    # Put in another column ("on Arabic"), it may be another table's: the row's column is not
    # read for it.
    d = verdict("In Conneau et al.'s MLQA table, mBERT scores 29.7 exact match on Hindi and 34.8 F1 on Arabic.")
    assert "in that column" not in d.reason, d.reason


def test_a_difference_read_under_the_delta_column_and_a_count_the_label_writes_are_stated() -> None:
    header = ("Model Domain BPE Merges Anchors Pts Share Param. Softmax XNLI (Acc) NER (F1) Parsing (LAS) "
              "fr ru zh ∆ fr ru zh ∆ fr ru zh ∆")
    sep = _table("Sep L1-6 - 40k/40k - Sep L1-6 - 61.9 43.6 37.4 -22.6 61.2 23.7 3.1 -38.7 61.7 31.6 12.0 -17.8",
                 header, "Table 1: Dissecting bilingual MLM.", page=5)
    ranked = [Scored(sep, 0.4, None, 0.4)]
    claim = ("Keeping layers 1-6 language-specific (Sep L1-6) cuts English-Russian XNLI transfer to 43.6% "
             "and English-Chinese to 37.4%, 22.6 points below Default on average.")
    checks = check_numbers(extract_numbers(claim), [sep], claim_text=claim)
    # "22.6 points below" is the row's -22.6.
    assert [(c.status, c.source_value) for c in checks if c.mention.text == "22.6"] == [
        (NumberStatus.MATCHED, -22.6)]
    d = decide(claim, ranked, checks, semantic=False)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    assert "22.6" in d.held
    # Another difference under "∆" is not stated.
    claim = claim.replace("22.6", "12.6")
    d = decide(claim, ranked, check_numbers(extract_numbers(claim), [sep], claim_text=claim), semantic=False)
    assert d.verdict is not Verdict.SUPPORTED, d.reason


def test_a_row_led_by_a_word_the_claim_capitalises_is_ranked_and_holds_the_number_given_to_it() -> None:
    from claimcheck.verify.index import PaperIndex, rank
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.verdict import midsentence_names

    header = ("Model Domain BPE Merges Anchors Pts Share Param. Softmax XNLI (Acc) NER (F1) Parsing (LAS) "
              "fr ru zh ∆ fr ru zh ∆ fr ru zh ∆")
    texts = ["Default Wiki-Wiki 80k all all shared 73.6 68.7 68.3 0.0 79.8 60.9 63.6 0.0 73.2 56.6 28.8 0.0",
             "Extra anchors - - extra - - 74.0 69.8 72.1 +1.8 76.1 59.7 66.8 -0.5 73.3 56.9 29.2 +0.3",
             "Default anchors - 40k/40k - - - 74.0 68.1 68.9 +0.1 76.8 56.3 61.2 -3.3 73.0 57.0 28.3 -0.1"]
    rows = [Passage(PID, 5, 1000 + 200 * i, 1000 + 200 * i + len(t), t, PassageKind.TABLE_ROW,
                    "Table 1: Dissecting bilingual MLM.", header) for i, t in enumerate(texts)]
    prose = [Passage(PID, 5, 100 * i, 100 * i + 90,
                     f"Extra anchors from a bilingual dictionary help English-Chinese parsing transfer {i}.",
                     PassageKind.SENTENCE) for i in range(10)]
    index = PaperIndex.build(str(PID), [*prose, *rows], None)
    claim = ("With extra anchors from a bilingual dictionary, English-Chinese parsing transfer rises "
             "slightly to a LAS of 29.2, from 28.8 in the Default setting.")
    ranked = rank(claim, None, [index])
    assert rows[0] in [s.passage for s in ranked]
    d = decide(claim, ranked, check_numbers(extract_numbers(claim), [s.passage for s in ranked],
                                            claim_text=claim), semantic=False)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # Written in lower case, "default" is a plain word: it leads no row.
    led = index.rows_led_in(normalise(claim), midsentence_names(claim))
    assert index.passages.index(rows[0]) in led
    assert index.passages.index(rows[0]) not in index.rows_led_in(normalise(claim), frozenset())


def test_a_measurement_found_in_another_row_of_the_named_rows_table_is_on_topic_and_contradicted() -> None:
    # A header that cannot be lined up with the cells: no column is read, the rows' cells are
    # compared place by place.
    header, caption = "Transfer + Model Macro", "Table 21: Model performance on MASAKHANER."
    target = _table("Target FT 17.4 13.6 31.5 28.6 12.8", header, caption, page=27)
    english = _table("English Target FT 30.5 27.0 44.7 44.3 26.8", header, caption, page=27)
    ranked = [Scored(p, 0.3, None, 0.3) for p in (english, target)]
    claim = "Fine-tuning mT5 on the target-language shots alone (Target FT) averages 30.5 F1 on MasakhaNER."
    checks = check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim)
    assert [c.status for c in checks] == [NumberStatus.OTHER_ENTITY]
    d = decide(claim, ranked, checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "English Target FT" in d.reason, d.reason
    # Without a row of its own in the table the claim is about no row there: off topic.
    alone = [Scored(english, 0.3, None, 0.3)]
    checks = check_numbers(extract_numbers(claim), [english], claim_text=claim)
    assert decide(claim, alone, checks, semantic=False).verdict is Verdict.NOT_FOUND


def test_a_two_word_label_is_named_by_its_words_joined_and_a_header_names_the_papers_columns() -> None:
    from claimcheck.verify.index import PaperIndex

    glue = "Model #lgs MNLI-m/mm QNLI QQP SST MRPC STS-B Avg"
    bert = row("BERT Large† 1 86.6 92.3 91.3 93.2 88.0 90.0 90.2", glue)
    xlnet = row("XLNet Large† 1 89.8 93.9 91.8 95.6 89.2 91.8 92.0", glue)
    index = PaperIndex.build("1911.02116v2", [*fillers(7, "We evaluate XLM-R on the GLUE benchmark in setting", 6),
                                              bert, xlnet], None)
    assert {index.passages[i].text for i in index.rows_named_in("xlnet-large reaches 92.3 on qqp.")} == {xlnet.text}
    assert "qqp" in index.entities  # written only in the header
    claim = "In Conneau et al.'s GLUE dev comparison, XLNet-Large reaches 92.3 on QQP."
    checks = check_numbers(extract_numbers(claim), [bert, xlnet], claim_text=claim)
    # 92.3 is BERT Large's QNLI score; XLNet Large's is 93.9.
    assert [(c.status, c.source_value) for c in checks] == [(NumberStatus.OTHER_ENTITY, 93.9)]
    assert judged(claim, index)[2].verdict is Verdict.CONTRADICTED


def test_a_setting_joined_by_plus_names_its_own_row_and_the_one_row_with_the_claims_column_is_read() -> None:
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.verdict import entities, names_row

    header = "Tasks NLI Sent. PWX XCPA XWGD TyDi NER QG Summ. class gen"
    caption = "Table 4: Overall experiment results on BUFFET-Light."
    eng = _table("ENG. FT mT5 49.9 89.8 77.5 0.0 0.0 66.8 39.0 3.8 6.2 55.5 5.0", header, caption, page=8)
    both = _table("ENG.+TGT. mT5 51.8 91.0 77.8 49.5 48.5 69.5 47.8 12.5 11.8 61.2 12.2", header, caption,
                  page=8)
    per_language = _table("English FT 62.9 61.0 63.2 65.3 69.2 67.9 57.1 56.3 63.5",
                          "Transfer + Model Macro ar be fi id sw ko ru te", "Table 12: Results per language.",
                          page=26)
    claim = ("mT5 fine-tuned on English and then on target-language shots (ENG.+TGT. FT) scores 66.8 F1 "
             "on TyDiQA in BUFFET-Light.")
    low = normalise(claim)
    # "ENG.+TGT." is another setting than "ENG.": only its own row is named.
    assert not names_row(low, entities(claim), eng)
    assert names_row(low, entities(claim), both)
    # "English+target" joins two words the row writes apart: that row is named.
    english_target = _table("English Target FT 12.1 2.8 8.5 0.0", "Transfer + Model Macro aym bzd cni", None)
    assert names_row(normalise("English+target FT of mT5 averages 12.1."), set(), english_target)
    # Abbreviated with stops, its words are named too, but not by letters out of their order.
    assert names_row(normalise("mT5 Eng.+Tgt. FT averages 12.1."), set(), english_target)
    assert not names_row(normalise("mT5 Eng.+Gtt. FT averages 12.1."), set(), english_target)
    # Of the rows the claim names, only ENG.+TGT.'s has the column it names (TyDi): 66.8 is
    # ENG. FT's cell there, and the claim's row gives 69.5.
    ranked = [Scored(p, 0.3, None, 0.3) for p in (eng, both, per_language)]
    checks = check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim)
    d = decide(claim, ranked, checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "69.5" in d.reason and "eng.+tgt." in d.reason, d.reason
    # In a table whose caption names nothing the claim is about, that one row is not read.
    other = [Scored(replace(p, caption="Table 19: Results of every model.") if p is both else p, 0.3, None, 0.3)
             for p in (eng, both, per_language)]
    checks = check_numbers(extract_numbers(claim), [s.passage for s in other], claim_text=claim)
    assert "69.5" not in decide(claim, other, checks, semantic=False).reason


def test_a_shortened_label_word_is_named_by_the_word_it_shortens_and_the_row_is_read() -> None:
    from claimcheck.verify.index import PaperIndex

    header, caption = "Layer index 0 1 2 3 4 5 6 7 8", "Table 2: Probe accuracy at each layer."
    original = _table("Original Probe acc. 0.539 0.837 0.892 0.932 0.953 0.963 0.965 0.953 0.769", header,
                      caption, page=12)
    other = _table("Original Probe 0.28 0.19", "Non-Aligned Aligned", "Table 3: Average error.", page=12)
    index = PaperIndex.build("2404.12444v1", [*fillers(11, "We train probes on the activations of layer", 8),
                                              original, other], None)
    assert {index.passages[i].text for i in index.rows_named_in("the original probe's accuracy")} \
        == {original.text, other.text}
    # The measure written last ("acc.") is no word of the row's name: "the original probe" names
    # the row; the name's own words are still needed.
    assert original.text in {index.passages[i].text for i in index.rows_named_in("the original probe peaks")}
    assert original.text not in {index.passages[i].text for i in index.rows_named_in("the probe's accuracy")}
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.verdict import names_row

    assert names_row(normalise("the original probe peaks at 0.965"), set(), original)
    # A label of a name and a measure keeps its measure: "XLM-R" alone does not name "XLM-R F1".
    f1 = _table("XLM-R F1 79.2 80.1", "Model en de", "Table 9: NER.")
    assert not names_row(normalise("XLM-R reaches 79.2 on English"), set(), f1)
    claim = "The original probe's accuracy falls to 0.796 at the last layer, layer 8."
    d = judged(claim, index)[2]
    assert d.verdict is Verdict.CONTRADICTED and "0.769" in d.reason, d.reason


def test_a_plain_label_word_is_named_by_a_compound_it_starts_but_a_name_is_not() -> None:
    from claimcheck.verify.index import PaperIndex
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.verdict import entities, names_row

    header, caption = "Layer index 0 1 2 3 4 5 6 7 8", "Table 2: Probe accuracy at each layer."
    cross = _table("Cross Probe acc. 0.486 0.570 0.578 0.570 0.552 0.537 0.527 0.516 0.468", header,
                   caption, page=12)
    xlm = _table("XLM 15 1024 8 95k 250M", "Model #lgs hidden heads vocab params", "Table 7: Model sizes.")
    claim = "At layer 5, the cross-lingual probe of a bilingual mOthelloGPT hits 0.963 accuracy."
    assert names_row(normalise(claim), entities(claim), cross)
    assert not names_row(normalise("XLM-R has 250M parameters."), entities("XLM-R has 250M parameters."), xlm)
    index = PaperIndex.build("2404.12444v1", [*fillers(11, "We train probes on the activations of layer", 8),
                                              cross, xlm], None)
    assert {index.passages[i].text for i in index.rows_named_in(normalise(claim))} == {cross.text}
    assert not index.rows_named_in("xlm-r has 250m parameters.")
    # The index reads its labels normalised ("bert large"), but whether a word is plain is told
    # by the row as written: "BERT" is a name, so "BERT-base" does not name "BERT Large".
    bert = _table("BERT Large 24 1024 16 30k 340M", "Model #layers hidden heads vocab params", "Table 7: Model sizes.")
    index = PaperIndex.build("2404.12444v1", [*fillers(11, "We train probes on the activations of layer", 8),
                                              cross, bert], None)
    assert not index.rows_named_in("bert-base large models have 340m parameters.")
    assert {index.passages[i].text for i in index.rows_named_in(normalise(claim))} == {cross.text}
    d = judged(claim, index)[2]
    assert d.verdict is Verdict.CONTRADICTED and "0.537" in d.reason, d.reason
    # The numbers check reads the row as the claim's: its value is not another row's.
    aligned = _table("Cross Probe 2.75 0.20", "Non-Aligned Aligned", "Table 3: Average error.", page=12)
    original = _table("Original Probe 0.28 0.19", "Non-Aligned Aligned", "Table 3: Average error.", page=12)
    claim = "Intervening with the cross-lingual probe gives an error of 0.20, close to the original probe's 0.19."
    checks = check_numbers(extract_numbers(claim), [original, aligned], claim_text=claim)
    assert [c.status for c in checks] == [NumberStatus.MATCHED, NumberStatus.MATCHED]


def test_a_table_of_means_with_deviations_is_read_by_column_and_a_compared_value_is_the_compared_rows() -> None:
    header = "ID Description µ F1 ρ train dev"
    caption = "Table 1: Results. Mean and standard deviation (subscript) across 5 random seeds is shown."
    original = _table("0 original .70 1.00 .00 .97 .01 9 00.2 217 07.8", header, caption, page=6)
    norandom = _table("4 no-random .68 1.00 .00 .85 .07 9 00.6 273 07.7", header, caption, page=6)
    overparam = _table("15 overparam .58 1.00 .00 .97 .01 2 00.1 261 04.5", header, caption, page=6)
    d = _decide("The no-random change alone (ID 4) raises the MLM dev perplexity to 259.", [original, norandom])
    assert d.verdict is Verdict.CONTRADICTED and "273" in d.reason and "for dev" in d.reason, d.reason
    # Without the caption's word, the cells do not line up with the header: no column is read.
    plain = [replace(p, caption="Table 1: Results.") for p in (original, norandom)]
    assert "for dev" not in _decide("The no-random change alone (ID 4) raises the MLM dev perplexity to 259.",
                                    plain).reason
    # "261 against 217" after "against 9 for the original": 217 is the original's, not ID 15's.
    from claimcheck.verify.verdict import _column_readings

    claim = ("The overparameterized model (ID 15) reaches an MLM train perplexity of 2, against 9 for the "
             "original, but a dev perplexity of 261 against 217.")
    ranked = [Scored(p, 0.3, None, 0.3) for p in (original, overparam)]
    checks = check_numbers(extract_numbers(claim), [original, overparam], claim_text=claim)
    confirmed, conflict = _column_readings(claim, checks, ranked, False)
    assert conflict is None, conflict
    assert {m.text: r.row for m, r in confirmed.items()} == {"261": overparam, "217": original}


def test_a_row_of_a_table_without_the_claims_language_is_not_the_claims_row() -> None:
    xnli = replace(row("XLM-R Base CC 1 100 85.4 81.4 82.2 80.3 80.4 81.3 79.7 78.6 77.3 79.7 77.9 80.2 "
                       "76.1 73.1 73.0 79.1",
                       "Model D #M #lg en fr es de el bg ru tr ar vi th zh hi sw ur Avg"),
                   caption="Table 1: Results on cross-lingual classification on the 15 XNLI languages.")
    ner = replace(row("all 1 91.08 89.09 87.28 83.17 87.66", "Model train #M en nl es de Avg"),
                  caption="Table 2: Results on named entity recognition (F1 score).", group="XLM-R Base")
    claim = ("When fine-tuned on all translated training sets, the Base variant of XLM-R averages 79.1% "
             "on XNLI and gets 73.1% for Swahili.")
    ranked = [Scored(xnli, 0.36, None, 0.36), Scored(ner, 0.10, None, 0.10)]
    checks = check_numbers(extract_numbers(claim), [xnli, ner], claim_text=claim)
    d = decide(claim, ranked, checks, semantic=False)
    # The NER rows name "all", but hold no Swahili: the XNLI row is the claim's, and holds both.
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    assert "xlm-r base cc" in d.reason
    # Where the XNLI row gives Swahili another value, it still contradicts the claim.
    other = replace(xnli, text=xnli.text.replace("73.1 73.0", "71.9 73.0"))
    checks = check_numbers(extract_numbers(claim), [other, ner], claim_text=claim)
    d = decide(claim, [Scored(other, 0.36, None, 0.36), ranked[1]], checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "71.9" in d.reason, d.reason


def test_a_whole_number_names_a_numbered_column_only_counting_what_its_header_counts() -> None:
    layers = replace(row("Cross Probe acc. 0.486 0.570 0.578 0.570 0.552 0.537 0.527 0.516 0.468",
                         "Layer index 0 1 2 3 4 5 6 7 8"), caption="Table 2: Probe accuracy by layer.")
    claim = "Quantizing the weights to 8 bits lowers the cross probe accuracy to 0.47."
    m = next(x for x in extract_numbers(claim) if x.text == "0.47")
    assert read_column(claim, m, layers, 0.005, any_row=True) is None
    claim2 = "On layer 8, the cross probe accuracy falls to 0.47."
    m2 = next(x for x in extract_numbers(claim2) if x.text == "0.47")
    got = read_column(claim2, m2, layers, 0.005, any_row=True)
    assert got is not None and got.column == "8" and got.holds


def test_a_named_row_is_read_under_the_numbered_column_the_claim_names_with_its_header_words() -> None:
    atom = replace(ANCHORS, text="Atom+Atom 0.53 0.82 0.97 0.97",
                   caption="Table 1: Effect of introduced anchor tokens on the alignment of representations.")
    layers = replace(row("Cross Probe acc. 0.486 0.570 0.578 0.570 0.552 0.537 0.527 0.516 0.468",
                         "Layer index 0 1 2 3 4 5 6 7 8"), caption="Table 2: Probe accuracy by layer.")
    claim = "With one anchor token, the Atom+Atom mOthelloGPT reaches only 0.47 cross-lingual alignment probe accuracy."
    ranked = [Scored(atom, 0.3, None, 0.3), Scored(layers, 0.3, None, 0.3)]
    checks = check_numbers(extract_numbers(claim), [atom, layers], claim_text=claim)
    d = decide(claim, ranked, checks, semantic=False)
    # Atom+Atom's cell under one anchor token is 0.82; the layer table's 0.468 is another thing.
    assert d.verdict is Verdict.CONTRADICTED and "0.82" in d.reason, d.reason


def test_a_header_read_as_a_row_is_not_read_for_a_column() -> None:
    header = row("#Anchor tokens 0 1 2 4", "#Anchor tokens 0 1 2 4")
    claim = "With 4 anchor tokens, all three pairs reach a cross probe accuracy of 0.97."
    m = next(x for x in extract_numbers(claim) if x.text == "0.97")
    assert read_column(claim, m, header, 0.005, any_row=True) is None
    assert read_column(claim, m, ANCHORS, 0.005, any_row=True) is not None


def test_a_label_word_the_claim_denies_names_no_row() -> None:
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.verdict import entities, names_row

    header = "Model Avg XNLI PAWS-X POS NER XQuAD MLQA TyDiQA-GoldP BUCC Tatoeba"
    multi = _table("mBERT, multi-task - 75.1 88.9 - - 72.4 / 58.3 67.6 / 49.8 64.2 / 49.3 - -", header, None,
                   page=6)
    claim = ("Fine-tuned on translated training data without the multi-task setup, XTREME's "
             "translate-train mBERT reaches 64.2 F1 on TyDiQA-GoldP.")
    # "without the multi-task setup" sets that row aside: 64.2 is its cell, not the claim's.
    assert not names_row(normalise(claim), entities(claim), multi)
    claim = "In the multi-task setup, XTREME's translate-train mBERT reaches 64.2 F1 on TyDiQA-GoldP."
    assert names_row(normalise(claim), entities(claim), multi)
    # Written once denied and once not, the word still names the row.
    claim = ("Not multi-task training alone: mBERT, multi-task, reaches 64.2 F1 on TyDiQA-GoldP.")
    assert names_row(normalise(claim), entities(claim), multi)


def test_the_setting_a_claim_names_for_a_change_is_where_it_ends() -> None:
    # "from 0.51 to 0.59" with a single anchor token: 0.59 is under "1", 0.51 the value before.
    claim = "A single anchor token lifts Atom+Compositional's alignment probe accuracy from 0.51 to 0.59."
    d = _decide(claim, [ANCHORS])
    assert d.verdict is Verdict.SUPPORTED and "column the claim names (1," in d.reason, d.reason
    d = _decide(claim.replace("0.59", "0.67"), [ANCHORS])
    assert d.verdict is Verdict.CONTRADICTED, d.reason


def test_a_column_of_variants_is_named_by_its_base_name() -> None:
    # "MNLI-m/mm" holds matched and mismatched accuracy in one cell: "matched MNLI" names it,
    # and the MRPC named after the next number is that number's column, not this one's.
    bert = row("BERT Large† 1 86.6/- 92.3 91.3 93.2 88.0 90.0 90.2", GLUE_HEADER)
    claim = "BERT-Large averages 90.2 on the GLUE dev sets, with 86.6 on matched MNLI and 88.0 on MRPC."
    r = reading(claim, bert, "86.6")
    assert r.column == "MNLI-m/mm" and r.holds
    assert _decide(claim, [bert]).verdict is Verdict.SUPPORTED


def test_a_gap_written_in_points_is_read_in_no_row_of_one_side_of_it() -> None:
    from claimcheck.verify.columns import written_as_difference
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.numbers import NumberCheck, NumberStatus
    from claimcheck.verify.verdict import entities, names_row

    seen = row("(a) Seen 94.3 91.4 88.6 89.5 85.7 92.1 86.3 90.6 89.3 78.2 90.6 89.4 87.4 88.3 88.7 "
               "89.6 90.4 84.2 79.5 89.0 86.3", SEEN_HEADER)
    claim = ("For Indonesian, mBERT correctly tags 89.4% of NER entities seen in the English training data "
             "but only 58.0% of unseen ones, a 31.5-point gap.")
    assert written_as_difference(claim, claim.index("31.5") + 4)
    # "unseen" names the row "(b) Not seen": 58.0 is its cell, not a wrong one of "(a) Seen".
    assert names_row(normalise(claim), entities(claim), NOT_SEEN)
    # The gap is no cell of either row: read where 89.4 is, it contradicts nothing.
    ms = extract_numbers(claim)
    checks = [NumberCheck(ms[0], NumberStatus.MATCHED, 89.4), NumberCheck(ms[1], NumberStatus.MATCHED, 58.0),
              NumberCheck(ms[2], NumberStatus.ABSENT)]
    ranked = [Scored(p, 0.3, None, 0.3) for p in (seen, NOT_SEEN)]
    d = decide(claim, ranked, checks, semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_a_cell_of_differences_is_under_a_delta_column_or_in_a_row_of_differences() -> None:
    from claimcheck.verify.columns import ColumnReading, of_differences

    m = extract_numbers("a 21.7-point gap")[0]
    diff = row("(a) − (b) 12.6 8.1 16.5 7.2 -4.1 9.4 14.1 5.5 10.4 21.7", SEEN_HEADER)
    seen = row("(a) Seen 94.3 91.4 88.6 89.5 85.7 92.1 86.3 90.6 89.3 78.2", SEEN_HEADER)
    assert of_differences(ColumnReading(m, diff, "he", (21.7,), True))
    assert not of_differences(ColumnReading(m, seen, "he", (78.2,), False))
    assert of_differences(ColumnReading(m, seen, "NER (F1) › ∆", (-4.5,), False))


def test_a_cell_holding_the_claims_other_measurement_is_that_ones_not_a_rival() -> None:
    english = _table("English FT 57.9 51.1 32.5", "Transfer + Model KLUENLI PARSINLUENTAILMENT OCNLI",
                     "Table 13: Model performance on KLUENLI, OCNLI and PARSINLUENTAILMENT.", page=23)
    claim = ("On KLUENLI, mT5 fine-tuned on English and then on Korean shots reaches 61.1 accuracy, ahead of "
             "the 57.9 from English-only fine-tuning.")
    prose = Passage(PID, 7, 0, 90, "Fine-tuning on English and then on target-language shots helps on KLUENLI.",
                    PassageKind.SENTENCE)

    def judged_with(text: str):  # type: ignore[no-untyped-def]
        checks = check_numbers(extract_numbers(text), [english], claim_text=text)
        return decide(text, [Scored(prose, 0.7, None, 0.7), Scored(english, 0.3, None, 0.3)], checks, semantic=False)

    d = judged_with(claim)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # Another value in that cell is a rival.
    d = judged_with(claim.replace("57.9", "55.0"))
    assert d.verdict is Verdict.CONTRADICTED and "57.9" in d.reason, d.reason


def test_a_cell_holding_the_claims_whole_number_is_that_ones_unless_the_number_names_a_column() -> None:
    header = "ID Description µ F1 ρ τ F1 ρ τ train dev"
    row16 = _table("16 lang-pos;overparam .01 .25 .10 .01 .00 .01 .00 .37 .13 .01 .00 .00 .00 3 00.0 254 04.9",
                   header, "Table 1: Multilinguality and model fit for our models. Mean and standard deviation "
                   "(subscript) across 5 different random seeds is shown.", page=6)
    text = ("However, when we add lang-pos (16) or apply all three architectural modifications (17), "
            "multilinguality drops to .01 and .00.")
    prose = Passage(PID, 5, 0, len(text), text, PassageKind.SENTENCE)
    claim = "With lang-pos plus overparameterization (ID 16), the score falls to .01 although train perplexity is just 3."
    checks = check_numbers(extract_numbers(claim), [prose, row16], claim_text=claim)
    d = decide(claim, [Scored(prose, 0.57, None, 0.57), Scored(row16, 0.46, None, 0.46)], checks, semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # "one anchor token" names the column "1": its cell is the claim's 0.47's, and contradicts it.
    claim = "With one anchor token, the Atom+Atom mOthelloGPT reaches only 0.47 cross-lingual alignment probe accuracy."
    d = _decide(claim, [row("Atom+Atom 0.53 0.82 0.97 0.97", "#Anchor tokens 0 1 2 4")])
    assert d.verdict is Verdict.CONTRADICTED and "0.82" in d.reason, d.reason


def test_a_grouped_count_found_nowhere_is_contradicted_by_the_named_rows_count_of_as_many_digits() -> None:
    bert = _table("BERT-large 364,353,862 1 28,996 24", "Model Parameters Langs Vocab size Layers",
                  "Table 6. Hyper-parameters of baseline and state-of-the-art models.", page=14)
    prose = Passage(PID, 14, 0, 80, "We use the English BERT-large model for translate-test.", PassageKind.SENTENCE)
    ranked = [Scored(prose, 0.7, None, 0.7), Scored(bert, 0.4, None, 0.4)]
    claim = "XTREME lists the English BERT-large with 364,353,862 parameters and a vocabulary of 32,996."
    d = decide(claim, ranked, check_numbers(extract_numbers(claim), [prose, bert], claim_text=claim), semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "28,996" in d.reason, d.reason
    # A count of other digits is not of that cell's kind.
    claim = claim.replace("32,996", "132,996")
    d = decide(claim, ranked, check_numbers(extract_numbers(claim), [prose, bert], claim_text=claim), semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_a_label_joining_cut_words_by_plus_is_named_by_the_claims_adjectives_each_part_once() -> None:
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.verdict import entities, names_row

    header = "#Anchor tokens 0 1 2 4"
    pairs = {name: row(f"{name} 0.5 0.8 0.9 0.97", header) for name in ("Atom+Atom", "Atom+Split", "Atom+Compositional")}
    claim = "Trained on an atomic and a compositional language with no shared tokens, the model aligns at 0.47."
    low = normalise(claim)
    assert [n for n, r in pairs.items() if names_row(low, entities(claim), r)] == ["Atom+Compositional"]
    claim = "Trained on two atomic languages with no shared tokens, the model aligns at 0.53."
    low = normalise(claim)
    assert [n for n, r in pairs.items() if names_row(low, entities(claim), r)] == ["Atom+Atom"]
    # "Base" is no cut "baseline".
    assert not names_row("the baseline model reaches 0.5.", set(), row("Base 0.5 0.8", "Model 0 1"))


def test_three_letter_language_codes_head_columns_named_by_the_language() -> None:
    from claimcheck.verify.columns import is_language, names_column

    assert is_language("DEU") and names_column("keeps its German zero-shot XNLI accuracy at .41", "DEU")
    assert names_column("reaches .74 on English", "ENG") and names_column("Hindi drops to .38", "HIN")
    assert not names_column("keeps its German zero-shot XNLI accuracy at .41", "HIN")
