"""Lists of language codes that tables of datasets print, and claims counting them."""

from __future__ import annotations

from claimcheck.models import ArxivId, Passage, PassageKind, Verdict
from claimcheck.verify.index import PaperIndex, rank
from claimcheck.verify.numbers import check_numbers, extract_numbers
from claimcheck.verify.verdict import decide, listed_codes

BUFFET = ArxivId.parse("2305.14857v1")
FULL = ("Task Dataset Languages NLI AMERICAS NLI aym, bzd, cni, gn, hch, nah, too, quy, shp, tar "
        "KLUE NLI ko OCNLI zh PARAPHRASE DETECTION PAWS (en,) de, es, fr, ja, ko, zh SUMMARIZATION "
        "XLSUM (english, ) ta, vi, id, tr, ja, th, bn, ar, en, es, fa, zh, sw QG TYDIQA-QG (en,) ar, "
        "be, fi, id, sw, ko, ru, te NER WIKIANN ( en,) ta, fr")
LIGHT = "Task Dataset Languages NLI AMERICAS NLI aym, cni, hch KLUE NLI ko XNLI bg, el, hi, sw, ur"


def test_the_codes_after_a_datasets_name_written_with_or_without_its_spaces() -> None:
    assert listed_codes("AmericasNLI", FULL) == ["aym", "bzd", "cni", "gn", "hch", "nah", "too",
                                                 "quy", "shp", "tar"]
    # The English source data in parentheses is no language of the list.
    assert listed_codes("PAWS", FULL) == ["de", "es", "fr", "ja", "ko", "zh"]
    assert listed_codes("WikiANN", FULL) == ["ta", "fr"]
    assert listed_codes("TyDiQA-QG", FULL) == ["ar", "be", "fi", "id", "sw", "ko", "ru", "te"]
    # Not "TYDIQA-QG" for TyDiQA; one code is no list; words are no codes.
    assert listed_codes("TyDiQA", FULL) is None
    assert listed_codes("KLUE NLI", FULL) is None
    assert listed_codes("AmericasNLI", "We evaluate AmericasNLI and XNLI for NLI.") is None


def _index() -> PaperIndex:
    prose = [Passage(BUFFET, 18, i * 100, i * 100 + 90,
                     f"BUFFET-Light keeps a subset of the languages for NLI evaluation {i}.",
                     PassageKind.SENTENCE) for i in range(12)]
    full = Passage(BUFFET, 20, 0, len(FULL), FULL, PassageKind.PARAGRAPH)
    full_caption = Passage(BUFFET, 20, len(FULL) + 1, len(FULL) + 60,
                           "Table 8: The list of datasets with language lists in BUFFET.",
                           PassageKind.CAPTION)
    at = len(FULL) + 100
    light = Passage(BUFFET, 20, at, at + len(LIGHT), LIGHT, PassageKind.PARAGRAPH)
    light_caption = Passage(BUFFET, 20, at + len(LIGHT) + 1, at + len(LIGHT) + 80,
                            "Table 9: The subset of datasets and languages included in BUFFET-Light.",
                            PassageKind.CAPTION)
    return PaperIndex.build(str(BUFFET), [*prose, full, full_caption, light, light_caption], None)


def _verdict(claim: str):  # type: ignore[no-untyped-def]
    ranked = rank(claim, None, [_index()], top=4)
    checks = check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim)
    return ranked, decide(claim, ranked, checks, semantic=False)


def test_a_count_of_a_datasets_languages_is_read_in_the_list_of_the_table_the_claim_names() -> None:
    ranked, d = _verdict("BUFFET-Light keeps only four of AmericasNLI's languages for its NLI evaluation.")
    assert any(s.passage.text == LIGHT for s in ranked)
    # Of the two lists, the one whose caption names BUFFET-Light is shown.
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "lists 3: aym, cni, hch" in d.reason and "AmericasNLI" in d.reason, d.reason
    # A count one of the lists gives is no contradiction, and is stated.
    _, d = _verdict("BUFFET-Light keeps only three of AmericasNLI's languages for its NLI evaluation.")
    assert d.verdict is not Verdict.CONTRADICTED and "three" not in d.reason, d.reason
    _, d = _verdict("BUFFET keeps ten of AmericasNLI's languages for its NLI evaluation.")
    assert d.verdict is not Verdict.CONTRADICTED and "ten" not in d.reason, d.reason
    # A list holding English besides its source counts it or not.
    _, d = _verdict("In BUFFET, XLSUM summarization covers twelve languages, a subset of the languages.")
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
