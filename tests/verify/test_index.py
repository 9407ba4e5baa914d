"""Which passages of a paper the ranking sees (``PaperIndex.build``)."""

from __future__ import annotations

from claimcheck.models import ArxivId, Passage, PassageKind
from claimcheck.verify import lexical
from claimcheck.verify.index import PaperIndex, rank

PID = ArxivId.parse("2005.00396v3")
HEADER = "Model Parameters"


def passages() -> list[Passage]:
    out: list[Passage] = []

    def add(page: int, text: str, kind: PassageKind, header: str | None = None) -> None:
        start = max((p.end + 1 for p in out if p.page == page), default=0)
        out.append(Passage(PID, page, start, start + len(text), text, kind, header=header))

    two = "We train on the Bible. Each model sees 100 epochs."
    add(2, two, PassageKind.PARAGRAPH)
    for sentence in ("We train on the Bible.", "Each model sees 100 epochs."):  # within it
        start = two.index(sentence)
        out.append(Passage(PID, 2, start, start + len(sentence), sentence, PassageKind.SENTENCE))
    # A paragraph of one sentence has no sentence passage of its own.
    add(2, "We did all computations on a server with 8 GeForce GTX 1080Ti GPUs.", PassageKind.PARAGRAPH)
    # A table's column names, printed as a paragraph over its rows.
    add(3, HEADER, PassageKind.PARAGRAPH)
    add(3, "mBERT 178M", PassageKind.TABLE_ROW, header=HEADER)
    for page in (1, 2, 3):
        add(page, "Identifying Elements Essential for BERT's Multilinguality", PassageKind.PARAGRAPH)
    return out


def test_a_one_sentence_paragraph_is_ranked_but_not_the_paragraphs_of_sentences() -> None:
    index = PaperIndex.build(str(PID), passages(), None)
    ranked = [p.text for p in index.passages]
    assert "We did all computations on a server with 8 GeForce GTX 1080Ti GPUs." in ranked
    assert "We train on the Bible." in ranked
    assert "We train on the Bible. Each model sees 100 epochs." not in ranked
    top = rank("The computations ran on a server with 8 GeForce GTX 1080Ti GPUs.", None, [index])
    assert top[0].passage.text.startswith("We did all computations")


def test_column_names_and_the_running_head_are_not_ranked() -> None:
    index = PaperIndex.build(str(PID), passages(), None)
    ranked = [p.text for p in index.passages]
    assert HEADER not in ranked
    assert "mBERT 178M" in ranked
    assert not any(t.startswith("Identifying Elements") for t in ranked)


def test_a_number_with_thousands_separators_is_the_number_a_table_prints_without() -> None:
    numbers = lexical.claim_numbers("Vietnamese contributes 24,757 million tokens and 137.3 GiB.")
    assert numbers == {"24757", "137.3"}
    assert lexical.number_recall(numbers, "vi Vietnamese 24757 137.3") == 1.0
    # A list stays a list: "3, 4, 5" is no thousands.
    assert lexical.claim_numbers("layers 3, 4, 5 and 100,13") == {"100", "13"}


def test_a_row_holding_two_of_the_claims_measurements_stays_under_the_rows_the_claim_names() -> None:
    header = "ar bg de el en es fr hi ja ru sw th tr ur vi zh"
    caption = "Table 8: POS results for each language."
    rows = [Passage(PID, 19, k * 100, k * 100 + 60,
                    f"mBERT {49 + k}.2 70.5 49.6 69.4 88.6 86.2 85.5 59.0 7{k}.3 81.1",
                    PassageKind.TABLE_ROW, caption, header) for k in range(8)]
    ja = Passage(PID, 16, 0, 19, "ja 16.3 0.0 12.3 1.0", PassageKind.TABLE_ROW,
                 "Table 10: Accuracy of mBERT on POS tag trigrams.",
                 "trigram, seen trigram, unseen 4-gram, seen 4-gram, unseen")
    prose = [Passage(PID, 7, k * 100, k * 100 + 90, f"mBERT tags unseen trigrams poorly on part {k}.",
                     PassageKind.SENTENCE) for k in range(6)]
    index = PaperIndex.build(str(PID), [*rows, ja, *prose], None)
    claim = ("For Japanese, mBERT's POS accuracy on tag trigrams unseen in the English training "
             "data drops to 0.0, against 16.3 on seen ones.")
    assert ja in [s.passage for s in rank(claim, None, [index], top=4)]


def test_a_row_labelled_with_the_code_of_the_language_the_claim_names_is_ranked() -> None:
    # pypdf left the table's column names as a sentence: the rows have no header.
    caption = "Table 4: Kendall's Tau word order metric and XNLI zero-shot accuracies."
    rows = [Passage(PID, 12, k * 20, k * 20 + 12, f"{code} 0.72 6{k}.{k}", PassageKind.TABLE_ROW, caption)
            for k, code in enumerate(["bg", "de", "el", "es", "fr", "ar", "hi", "sw", "th"])]
    ru = Passage(PID, 12, 300, 312, "ru 0.72 69.0", PassageKind.TABLE_ROW, caption)
    prose = [Passage(PID, 13, k * 100, k * 100 + 90,
                     f"Kendall's tau and zero-shot XNLI accuracy correlate for mBERT, setting {k}.",
                     PassageKind.SENTENCE) for k in range(6)]
    index = PaperIndex.build(str(PID), [*rows, ru, *prose], None)
    claim = "The word-order table gives Arabic a Kendall's tau of 0.72 and a zero-shot XNLI accuracy of 69.0."
    ranked = [s.passage.text for s in rank(claim, None, [index], top=4)]
    assert "ar 0.72 65.5" in ranked
    # A language the claim does not name brings in no row of its own.
    assert "th 0.72 68.8" not in ranked


def test_british_and_american_spellings_are_the_same_terms() -> None:
    from claimcheck.verify.lexical import content_terms, term_recall

    claim = "The modelling of tokenisation behaviour is analysed, labelled and normalised for neighbours."
    paper = "We analyzed the modeling of tokenization behavior, labeled and normalized for neighbors."
    assert term_recall(content_terms(claim), frozenset(content_terms(paper))) == 1.0
    # Words that only end like British spellings are mapped alike on both sides; a count is no term.
    assert content_terms("precise noise install four hours") == ["preciz", "noise", "instal", "hour"]


def test_a_table_run_into_prose_is_ranked_where_it_holds_the_record_of_a_name_the_claim_gives_numbers_to() -> None:
    # pypdf printed BUFFET's Table 2 as sentences: TyDiQA's record ("8 8") is in a long one that
    # scores low against the claim's words.
    flat = ("2-way class 14 16 acc. e-commerce translation Analysis AMAZON REVIEW 2-way class 5 16 acc. "
            "Commonsense XCOPA multi-choice 11 16 acc. QA TYDIQA span 8 8 F1 Wikipedia in-language")
    prose = [Passage(PID, 4, k * 100, k * 100 + 90, f"BUFFET evaluates question answering and its tasks, part {k}.",
                     PassageKind.SENTENCE) for k in range(10)]
    table = Passage(PID, 4, 2000, 2000 + len(flat), flat, PassageKind.SENTENCE)
    index = PaperIndex.build(str(PID), [*prose, table], None)
    claim = "BUFFET's TyDiQA question answering task spans eight languages and gives eight training instances."
    assert table in [s.passage for s in rank(claim, None, [index], top=4)]
    # A record holding neither of the claim's numbers is not brought in.
    claim = "BUFFET's TyDiQA question answering task spans five languages and gives four training instances."
    assert table not in [s.passage for s in rank(claim, None, [index], top=4)]


def test_a_row_whose_one_word_label_joins_words_by_plus_is_ranked_where_the_claim_names_each() -> None:
    header = "#Anchor tokens 0 1 2 4"
    caption = "Table 1: Effect of introduced anchor tokens on the alignment of representations."
    rows = [Passage(PID, 6, k * 50, k * 50 + 40, f"{name} 0.5{k} 0.59 0.67 0.97", PassageKind.TABLE_ROW, caption, header)
            for k, name in enumerate(("Atom+Atom", "Atom+Split", "Atom+Compositional"))]
    prose = [Passage(PID, 7, k * 100, k * 100 + 90, f"Bilingual mOthelloGPTs align poorly across languages, part {k}.",
                     PassageKind.SENTENCE) for k in range(10)]
    index = PaperIndex.build(str(PID), [*rows, *prose], None)
    claim = "Trained on an atomic and a compositional language, a bilingual mOthelloGPT aligns at only 0.47."
    ranked = [s.passage for s in rank(claim, None, [index], top=4)]
    assert rows[2] in ranked and rows[0] not in ranked
