from __future__ import annotations

from dataclasses import replace

import pytest

from claimcheck.models import (
    ArxivId,
    NumberCheck,
    NumberMention,
    NumberStatus,
    Passage,
    PassageKind,
    Verdict,
)
from claimcheck.verify.index import Scored
from claimcheck.verify.lexical import claim_core, content_terms
from claimcheck.verify.numbers import check_numbers, extract_numbers
from claimcheck.verify.verdict import THRESHOLDS, Decision, decide, negations, polarity_conflict

PID = ArxivId("2005.13013", 2)


def scored(text: str, score: float, kind: PassageKind = PassageKind.SENTENCE) -> Scored:
    return Scored(Passage(PID, 3, 0, len(text), text, kind), score, None, score)


def checked(claim: str, ranked: list[Scored]) -> Decision:
    """The verdict on ``claim`` with its numbers checked against the ``ranked`` passages."""
    checks = check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim)
    return decide(claim, ranked, checks, semantic=False)


def mention(text: str, value: float) -> NumberMention:
    return NumberMention(value=value, text=text, start=0, end=len(text), kind="decimal", decimals=1)


def test_claim_core_drops_the_cut_word_only_when_truncated() -> None:
    assert claim_core("tasks that have no training d", True) == "tasks that have no training"
    assert claim_core("improving by 8.7 points.", False) == "improving by 8.7 points."


def test_content_terms_stem_and_drop_stopwords() -> None:
    assert content_terms("The model improves") == content_terms("models improved the")
    assert "the" not in content_terms("the intermediate-task training")
    assert "intermediate-task" in content_terms("the intermediate-task training")
    # A name with an accent is one word; a unit glued to a number is not part of it.
    assert "schütze" in content_terms("Dufter and Schütze")
    assert "12" in content_terms("lowered (µ.12 vs. .70)")
    # A short verb's silent e: "living", "lived" and "live" meet; so do "times" and "time".
    assert set(content_terms("living")) == set(content_terms("live")) == set(content_terms("lived"))
    assert content_terms("times") == content_terms("time")
    assert content_terms("large") == ["large"] and content_terms("need") == ["need"]


def test_below_topic_threshold_is_not_found() -> None:
    th = THRESHOLDS[False]
    d = decide("radar clutter", [scored("XLM-R is large.", th.topic - 0.1)], [], semantic=False)
    assert d.verdict is Verdict.NOT_FOUND
    assert "below the topic threshold" in d.reason


def test_strong_match_with_matching_numbers_is_supported() -> None:
    th = THRESHOLDS[False]
    checks = [NumberCheck(mention("5.4", 5.4), NumberStatus.MATCHED, 5.4)]
    d = decide("average improvement of 5.4", [scored("average improvement of 5.4 points", th.support + 0.2)],
               checks, semantic=False)
    assert d.verdict is Verdict.SUPPORTED
    assert 0.5 < d.confidence <= 1.0


def test_a_number_stated_differently_contradicts_even_a_strong_match() -> None:
    th = THRESHOLDS[False]
    checks = [NumberCheck(mention("6.1", 6.1), NumberStatus.DIFFERENT, 5.4, paper_id="2005.13013v2", page=3)]
    d = decide("average improvement of 6.1", [scored("average improvement of 5.4 points", th.support + 0.2)],
               checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED
    assert "6.1" in d.reason and "5.4" in d.reason and "p.3" in d.reason


def test_a_number_absent_from_a_good_match_is_partial() -> None:
    th = THRESHOLDS[False]
    checks = [NumberCheck(mention("9.9", 9.9), NumberStatus.ABSENT)]
    d = decide("gains of 9.9 on XNLI", [scored("gains on XNLI", th.support + 0.1)], checks, semantic=False)
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED
    assert "9.9" in d.reason


def test_a_claim_none_of_whose_numbers_the_matching_passages_hold_is_not_found() -> None:
    th = THRESHOLDS[False]
    ranked = [scored("We compare naive bilingual pretraining with anchor-token pretraining by their "
                     "alignment probe accuracy.", th.support + 0.05),
              scored("Each mOthelloGPT is trained on synthetic game sequences.", th.topic)]
    claim = ("Doubling mOthelloGPT's depth to 16 transformer blocks lets naive bilingual pretraining "
             "reach 0.9 alignment probe accuracy without anchor tokens.")
    d = checked(claim, ranked)
    assert d.verdict is Verdict.NOT_FOUND and "(16, 0.9)" in d.reason, d.reason
    # Held only far from where the papers speak of the claim (another page), a number is no
    # more the claim's finding.
    far = Scored(Passage(PID, 9, 0, 25, "A probe reaches 0.9 accuracy.", PassageKind.SENTENCE),
                 th.topic, None, th.topic)
    d = checked(claim, [*ranked, far])
    assert d.verdict is Verdict.NOT_FOUND and "(16, 0.9)" in d.reason, d.reason
    # One of them held beside the best passage keeps the claim on topic, partly stated.
    ranked.append(scored("A probe reaches 0.9 accuracy.", th.topic))
    assert checked(claim, ranked).verdict is Verdict.PARTIALLY_SUPPORTED
    # And one number stated nowhere is a detail missing, not the claim's whole finding.
    d = checked("Naive bilingual pretraining reaches 0.9 alignment probe accuracy.", ranked[:2])
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED, d.reason


# (passage, claim it states, a change to the claim that it no longer states)
STATED_COUNTS = [
    # a count spelled out as a span of letters: "(a–e)" is five sets, not four
    ("We only show languages where the sets (a–e) contain at least 100 entities each.",
     "It only shows languages where its five sets, (a) to (e), contain at least 100 entities each.",
     ("five", "four")),
    # "one" stated by the article before the same words, and only before them
    (("Specifically, we train an mOthelloGPT which consumes sequence in two source languages, "
      "Lsrc1 and Lsrc2, and predicts sequences in a unified output space."),
     ("Under this approach an mOthelloGPT consumes sequences in two source languages and "
      "predicts sequences in one unified output space."),
     ("one unified output", "one shared output")),
]


@pytest.mark.parametrize(("passage", "claim", "change"), STATED_COUNTS, ids=["letter-span", "one-as-article"])
def test_a_count_is_stated_by_how_the_passage_writes_it(passage: str, claim: str, change: tuple[str, str]) -> None:
    ranked = [scored(passage, THRESHOLDS[False].support + 0.05)]
    d = checked(claim, ranked)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    d = checked(claim.replace(*change), ranked)
    assert d.verdict is not Verdict.SUPPORTED, d.reason


def test_the_two_compared_things_swapped_in_a_lower_sentence_contradict_the_claim() -> None:
    th = THRESHOLDS[True]
    claim = "On the English GLUE dev sets, XLM-R comes out slightly ahead of RoBERTa on average."
    passage = "The RoBERTa model outperforms XLM-R by only 1.0% on average."
    assert polarity_conflict(claim, passage)
    assert not polarity_conflict(claim.replace("XLM-R comes out slightly ahead of RoBERTa",
                                               "RoBERTa comes out slightly ahead of XLM-R"), passage)
    heading = scored("GLUE: XLM-R versus RoBERTa.", th.support + 0.02)
    swapped = scored(passage, th.topic - 0.01)
    d = decide(claim, [heading, swapped], [], semantic=True)
    assert d.verdict is Verdict.CONTRADICTED and d.passage is swapped, d.reason
    # Far below the topic, the sentence is not read.
    d = decide(claim, [heading, scored(passage, th.topic - 0.15)], [], semantic=True)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_negated_claim_against_positive_passage_is_contradicted() -> None:
    th = THRESHOLDS[False]
    passage = "Intermediate-task training improves BUCC and Tatoeba."
    d = decide("Intermediate-task training does not improve BUCC and Tatoeba",
               [scored(passage, th.support + 0.1)], [], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED
    assert d.negation_conflict


def test_polarity() -> None:
    assert polarity_conflict("X outperforms Y", "X underperforms Y")
    assert not polarity_conflict("X does not help", "X did not help at all")
    assert not polarity_conflict("TyDiQA improves, whereas XNLI does not",
                                 "TyDiQA shows improvements, whereas XNLI does not see benefits")


def test_falling_short_reverses_outperforming() -> None:
    passage = "It even outperforms BERT-Large on English, confirming its strong monolingual performance."
    assert polarity_conflict("On English MLQA, XLM-R falls short of BERT-Large.", passage)
    assert polarity_conflict("On English MLQA, XLM-R lags behind BERT-Large.", passage)
    assert not polarity_conflict("On English MLQA, XLM-R beats BERT-Large.", passage)
    assert not polarity_conflict("XLM-R falls short of BERT-Large.", "XLM-R falls just short of BERT-Large.")


def test_no_clear_advantage_denies_doing_better() -> None:
    passage = ("Figure 3 shows that for the same BERTBase architecture, all models trained on "
               "CommonCrawl obtain significantly better performance.")
    assert polarity_conflict("For the same BERT-Base architecture, there is no clear advantage for "
                             "models trained on CommonCrawl over Wikipedia-trained ones.", passage)
    assert not polarity_conflict("For the same BERT-Base architecture, models trained on CommonCrawl "
                                 "have a clear advantage.", passage)


def test_highest_reverses_lowest() -> None:
    passage = "For TyDiQA-GoldP, English performance is lowest in comparison."
    assert polarity_conflict("On TyDiQA-GoldP, English performance is highest in comparison.", passage)
    assert not polarity_conflict("On TyDiQA-GoldP, English performance is the lowest.", passage)


# (passage, claim saying its opposite, claim saying the same in other words)
REVERSALS = [
    # "minor" against "major"
    (("Concurrently, Karthikeyan et al. (2020) similarly find anchor points play minor role in learning "
     "cross-lingual representation."),
     ("Wu et al. cite Karthikeyan et al. (2020) as finding that anchor points play a major role in learning "
     "cross-lingual representation."),
     "Karthikeyan et al. find that anchor points play a minor role."),
    # "first" against "last"
    (("For non-atomic languages that represent a move with multiple tokens, we take the contextual "
     "representation of the last token of a move."),
     "For non-atomic languages, the probes read the contextual representation of each move's first token.",
     "For non-atomic languages, the probes read the contextual representation of each move's last token."),
    # "differ" against "similar"; "different" also means "various" and reverses nothing
    (("Wu et al. (2019) shows that monolingual BERT representations are similar across languages, "
     "explaining in part the natural emergence of multilinguality."),
     "Wu et al. show that monolingual BERT representations differ sharply across languages.",
     "They train monolingual BERT models with different vocabulary sizes, which are similar across languages."),
    # "falls behind" against "outperforms"
    ("Other work has shown that mBERT outperforms word embeddings on token-level NLP tasks.",
     "mBERT falls behind word embeddings on token-level NLP tasks.",
     "mBERT beats word embeddings on token-level NLP tasks."),
    # "eliminates the need for X" denies X
    (("By converting all tasks into the same text-to-text format, we eliminate the need for task-specific "
     "model modifications or template conversions."),
     ("Even after converting every task to a text-to-text format, BUFFET still needs task-specific model "
     "modifications."),
     "Converting every task to a text-to-text format removes the need for task-specific model modifications."),
]


@pytest.mark.parametrize(("passage", "opposite", "same"), REVERSALS,
                         ids=["minor-major", "first-last", "differ-similar", "falls-behind", "eliminates-need"])
def test_a_reversed_saying_conflicts_and_the_same_in_other_words_does_not(
        passage: str, opposite: str, same: str) -> None:
    assert polarity_conflict(opposite, passage)
    assert not polarity_conflict(same, passage)


def test_largest_reverses_smallest() -> None:
    passage = "lang-pos has the largest negative impact."
    assert polarity_conflict("Dufter and Schütze find that lang-pos has the smallest negative impact.", passage)
    assert not polarity_conflict("Dufter and Schütze find that lang-pos has the largest negative impact.", passage)


def test_mattering_little_reverses_being_important() -> None:
    passage = "Finally, language similarity seems to be quite important for effective transfer."
    assert polarity_conflict("Language similarity matters little for effective transfer.", passage)
    assert not polarity_conflict("Language similarity matters for effective transfer.", passage)


def test_a_negating_prefix_is_no_reversal_of_a_passage_denying_the_word() -> None:
    passage = "We split the Bible into two halves, thus avoiding any parallel sentences during training."
    assert not polarity_conflict("The non-parallel setup gives each language half the Bible.", passage)
    assert polarity_conflict("The non-parallel setup works.", "The parallel setup works.")
    assert not polarity_conflict("The non-parallel setup gives each language half the Bible.",
                                 "As training data we use the Parallel Bible Corpus.")


def test_over_and_under_reverse() -> None:
    passage = "However, mBERT may already be considered underparameterized given that it is trained."
    assert polarity_conflict("mBERT may already be overparameterized.", passage)
    assert polarity_conflict("The model underfits.", "The model starts overfitting.")
    assert not polarity_conflict("The model overfits.", "The model overfits; it does not underfit.")
    assert not polarity_conflict("Overall the model improves.", "Under all settings the model improves.")


def test_estimates_resource_levels_and_parity_reverse() -> None:
    passage = ("It's important to acknowledge that the BUFFET-Light WIKIANN subset comprises "
               "languages that are relatively high-resource, which could potentially lead to an "
               "overestimation of ChatGPT's performance.")
    assert polarity_conflict("BUFFET-Light's WikiANN subset consists of relatively low-resource "
                             "languages, which may underestimate ChatGPT's performance.", passage)
    assert not polarity_conflict("BUFFET-Light's WikiANN languages are relatively high-resource, "
                                 "so ChatGPT's performance may be overestimated.", passage)
    parity = ("Average word embeddings in the middle individual layer perform comparative to the "
              "concatenated embeddings from the middle four layers.")
    assert polarity_conflict("Embeddings from a single middle layer do far worse than the "
                             "concatenated embeddings of the middle four layers.", parity)
    assert not polarity_conflict("A single middle layer performs comparably to the concatenated "
                                 "middle four layers.", parity)


def test_a_winner_and_loser_swapped_is_a_reversal() -> None:
    passage = ("Specifically, in Table 5, we show that for cross-lingual transfer, monolingual "
               "baselines outperform XLM-7 for both Wikipedia and CC by 1.6% and 1.3%.")
    assert polarity_conflict("XLM-7 already beats the monolingual BERT baselines on XNLI in "
                             "cross-lingual transfer.", passage)
    # The same winner, in other words, is no reversal; nor is the passive.
    assert not polarity_conflict("Monolingual BERT baselines beat XLM-7 in cross-lingual transfer.",
                                 passage)
    assert not polarity_conflict("XLM-7 is outperformed by the monolingual baselines.", passage)


def test_two_denials_do_not_cancel_each_other() -> None:
    passage = ("One might argue that our model 17 is simply not trained enough and thus not "
               "multilingual.")
    assert polarity_conflict("Trained for longer, model 17 eventually becomes multilingual.", passage)
    # What both sides deny is no conflict.
    assert not polarity_conflict("Model 17 is not multilingual.", passage)


def test_neither_nor_is_one_denial_of_what_follows_the_names() -> None:
    passage = "Note that we do not use a linear-chain CRF on top of XLM-R and mBERT representations."
    assert not polarity_conflict("Neither mBERT nor XLM-R puts a linear-chain CRF on top of its "
                                 "representations.", passage)
    assert not polarity_conflict("Neither mBERT nor XLM-R uses a linear-chain CRF.", passage)
    assert polarity_conflict("Neither mBERT nor XLM-R is trained on English.",
                             "XLM-R is trained on English and 99 other languages.")
    # "neither for A nor for B": the things named after "nor for" are not what is denied.
    assert not polarity_conflict(
        "Their BERT-small's single attention head should not matter, as K et al. (2020) found head "
        "count important neither for performance nor multilinguality.",
        "While this leaves us with a single attention head, K et al. (2020) found that the number of "
        "attention heads is important neither for overall performance nor for multilinguality.")


def test_a_denial_at_the_start_of_the_passages_sentence_counts_though_the_claims_window_misses_it() -> None:
    passage = ("Although English is not generally the best source language for cross-lingual transfer for "
               "all target languages (Lin et al., 2019), this is still the most practically useful setting.")
    assert not polarity_conflict("Hu et al. grant that English is not the best source language for every "
                                 "target language, but keep it as the most practically useful setting.", passage)
    # Only a denial the claim makes is looked for there: a passage's earlier clauses are not the
    # claim's ("Comparing no anchors and default anchors, ... drops only around 1 point").
    assert not polarity_conflict("Without anchors, XNLI drops about 1 point on average.",
                                 "Comparing no anchors and default anchors, the performance of XNLI and "
                                 "parsing drops only around 1 point while NER even improve 1 points "
                                 "averaging over three languages.")


def test_little_balances_not_much_but_denies_nothing() -> None:
    passage = ("In a zero-shot setting, instruction does not make much difference for both instruction-tuned "
               "and non-instruction-tuned models, since irrelevant instructions are sometimes better.")
    assert not polarity_conflict("For zero-shot question generation, the choice of instruction makes little "
                                 "difference, as irrelevant instructions sometimes beat relevant ones.", passage)
    assert not polarity_conflict("Adding anchors brings little improvement on XNLI.",
                                 "Adding anchors brings only a small improvement on XNLI.")
    assert negations("makes little difference") == 1 and negations("a little better") == 0


def test_what_a_passage_both_asserts_and_denies_it_does_not_deny() -> None:
    passage = ("We show the performance of mBERT on entities in the target language NER dev data "
               "that were seen and not seen in the English NER training data.")
    assert not polarity_conflict("Entities seen in the English NER training data are tagged "
                                 "correctly more often.", passage)
    assert not polarity_conflict("mBERT's accuracy on trigrams unseen in the English training data is 0.0.",
                                 "Accuracy of mBERT on POS tag trigrams that appeared and did not appear "
                                 "in the English training data.")
    assert polarity_conflict("Entities seen in the English NER training data are tagged correctly.",
                             "Entities were not seen in the English NER training data.")


def test_opposite_comparatives_against_the_same_thing_are_a_reversal() -> None:
    passage = ("We observe that the average word embeddings in the middle layers perform better "
               "than that in the bottom or the top layers.")
    assert polarity_conflict("Average word embeddings from the middle layers perform worse than "
                             "those from the bottom or top layers.", passage)
    # Turned round, the comparison says the same.
    assert not polarity_conflict("The bottom layers perform worse than the middle layers.", passage)


def test_instead_of_denies_what_follows_it_as_not_does() -> None:
    passage = "We use BERT-base, not BERT-small because BERT-small performs poorly at scale."
    assert not polarity_conflict("They use BERT-base instead of BERT-small, as BERT-small "
                                 "performs poorly at scale.", passage)
    assert polarity_conflict("They use BERT-small, as BERT-base performs poorly at scale.", passage)


def test_an_effect_judged_bad_reverses_one_judged_good_whatever_the_words() -> None:
    passage = ("Figure 5 shows that the higher the value of alpha, the better the performance on "
               "high-resource languages, and vice-versa.")
    assert polarity_conflict("Higher values of alpha hurt performance on high-resource languages.",
                             passage)
    assert polarity_conflict("Shared position embeddings help multilinguality.",
                             "Shared position embeddings degrade multilinguality.")
    # Both sides judge it good: no reversal.
    assert not polarity_conflict("Higher values of alpha improve performance on high-resource "
                                 "languages.", passage)


def test_a_named_row_contradicts_the_number_that_ends_a_whole_claim() -> None:
    # The claim ends on its number, but is whole: the number is not what is left of a longer one.
    claim = "With a single anchor token, Atom+Compositional models reach a probe accuracy of 0.82."
    m = NumberMention(value=0.82, text="0.82", start=claim.index("0.82"), end=claim.index("0.82") + 4,
                      kind="decimal", decimals=2, at_cut=True)
    checks = [NumberCheck(m, NumberStatus.MATCHED, 0.82)]
    ranked = [scored("Figure 4 shows the probe accuracy for a single anchor token.", 0.6),
              scored("Atom+Atom 0.53 0.82 0.97 0.97", 0.3, PassageKind.TABLE_ROW),
              scored("Atom+Compositional 0.51 0.59 0.67 0.97", 0.3, PassageKind.TABLE_ROW)]
    d = decide(claim, ranked, checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED
    assert "atom+compositional" in d.reason and "0.59" in d.reason
    # Cut at the same place by the report, "0.82" may be the start of "0.825": no verdict on it.
    d = decide(claim, ranked, checks, semantic=False, truncated=True)
    assert d.verdict is not Verdict.CONTRADICTED


def test_a_sentence_stating_one_of_the_claims_numbers_rivals_the_other() -> None:
    # The best passage (a caption) states neither number; the sentence that states .75 gives
    # .81 where the claim has .85.
    claim = "On English XNLI, the Wikipedia-trained BERT reaches .75 accuracy against .85 for mBERT."
    th = THRESHOLDS[False]
    m75 = NumberMention(value=0.75, text=".75", start=0, end=3, kind="decimal", decimals=2)
    m85 = NumberMention(value=0.85, text=".85", start=0, end=3, kind="decimal", decimals=2)
    checks = [NumberCheck(m75, NumberStatus.MATCHED, 0.75), NumberCheck(m85, NumberStatus.ABSENT)]
    caption = scored("Table 3: Accuracy on XNLI test for BERT models pretrained on Wikipedia.", th.support + 0.05)
    sentence = scored("Compared to mBERT, accuracy is lower but reasonable on English (.75 vs. .81).", th.topic - 0.05)
    d = decide(claim, [caption, sentence], checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED
    assert ".85" in d.reason and ".81" in d.reason and d.passage is sentence
    # The same sentence with the claim's own numbers supports them: nothing rivals .85 there.
    same = scored("Compared to mBERT, accuracy is lower but reasonable on English (.75 vs. .85).", th.topic - 0.05)
    checks = [NumberCheck(m75, NumberStatus.MATCHED, 0.75), NumberCheck(m85, NumberStatus.MATCHED, 0.85)]
    assert decide(claim, [caption, same], checks, semantic=False).verdict is not Verdict.CONTRADICTED


def _decide_on(claim: str, ranked: list[Scored]) -> Decision:
    from claimcheck.verify.numbers import check_numbers, extract_numbers

    checks = check_numbers(extract_numbers(claim), [s.passage for s in ranked], claim_text=claim)
    return decide(claim, ranked, checks, semantic=False)


GLUE = [
    scored("Table 4: GLUE dev results. We compare XLM-R to BERT-Large, XLNet and RoBERTa.", 0.5,
           PassageKind.CAPTION),
    scored("RoBERTa† 1 90.2/90.2 94.7 92.2 96.4 90.9 92.4 92.8", 0.3, PassageKind.TABLE_ROW),
    scored("XLM-R 100 88.9/89.0 93.8 92.3 95.0 89.5 91.2 91.8", 0.3, PassageKind.TABLE_ROW),
]


def test_a_comparison_read_off_one_column_of_named_rows_is_supported() -> None:
    d = _decide_on("On the GLUE dev sets, XLM-R averages 91.8, one point below RoBERTa's 92.8.", GLUE)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    assert "one column" in d.reason
    # The number given to RoBERTa ("RoBERTa's 93.1") is checked against RoBERTa's row, not XLM-R's.
    d = _decide_on("On the GLUE dev sets, XLM-R averages 91.8, one point below RoBERTa's 93.1.", GLUE)
    assert d.verdict is Verdict.CONTRADICTED and "roberta" in d.reason


def test_values_from_two_columns_of_named_rows_are_not_a_comparison() -> None:
    # 94.7 is RoBERTa's second score, 91.8 XLM-R's average: the rows hold both, the columns differ.
    d = _decide_on("On the GLUE dev sets, XLM-R averages 91.8, below RoBERTa's 94.7.", GLUE)
    assert d.verdict is not Verdict.SUPPORTED


def test_a_gap_worked_out_from_the_claims_own_numbers_is_not_missing() -> None:
    th = THRESHOLDS[False]
    text = "Our model reaches 71.4 average accuracy, against 69.1 for the baseline."
    passage = scored(text, th.support + 0.1)
    d = _decide_on("The model reaches 71.4 average accuracy, 2.3 points above the baseline's 69.1.", [passage])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    d = _decide_on("The model reaches 71.4 average accuracy, 3.3 points above the baseline's 69.1.", [passage])
    assert d.verdict is not Verdict.SUPPORTED


def test_the_best_passage_states_the_claims_number_wherever_it_ranks() -> None:
    # Rows the claim names rank first; the sentence that states 13.0% scores best but ranks fourth.
    th = THRESHOLDS[False]
    rows = [scored(f"XLM-R 100 SPM 24 1024 4096 16 250k 55{i}M", 0.2, PassageKind.TABLE_ROW) for i in range(3)]
    sentence = scored("XLM-R also outperforms mBERT by 13.0% F1-score and 11.1% accuracy.", th.topic + 0.05)
    d = _decide_on("XLM-R outperforms mBERT on MLQA by 13.0% F1, with inputs truncated to 384 tokens.",
                   [*rows, sentence])
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED, d.reason
    assert "384" in d.reason and "13.0" not in d.reason


def test_the_best_passage_counts_the_same_thing_otherwise() -> None:
    th = THRESHOLDS[False]
    best = scored("We evaluate the degree of multilinguality with three tasks.", th.support + 0.05)
    text = "Overall, we identify four architectural and two linguistic elements."
    elsewhere = Scored(Passage(PID, 1, 0, len(text), text, PassageKind.SENTENCE), th.topic, None, th.topic)
    claim = "The authors evaluate the degree of multilinguality with four tasks."
    four = NumberMention(value=4, text="four", start=claim.index("four"), end=claim.index("four") + 4,
                         kind="word", unit=None, subject="tasks")
    # "four" is in the paper, of other things: the number check matched it there.
    checks = [NumberCheck(four, NumberStatus.MATCHED, 4, source_subject="architectural", page=1)]
    d = decide(claim, [best, elsewhere], checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED
    assert "four" in d.reason and "three" in d.reason
    # A count written with a scale: "48K pairs" replaces "84K pairs".
    said = scored("This results in approximately 48K pairs of activation data and board states.",
                  th.support + 0.05)
    claim = "Each probe yields roughly 84K pairs of activations and board states."
    k84 = NumberMention(value=84000, text="84K", start=claim.index("84K"), end=claim.index("84K") + 3,
                        kind="multiplier")
    d = decide(claim, [said], [NumberCheck(k84, NumberStatus.ABSENT)], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "48K" in d.reason, d.reason


def test_a_count_joined_to_its_noun_is_replaced_by_the_best_passages_count_of_it() -> None:
    th = THRESHOLDS[False]
    best = scored("We use 4-shots for mT0 English ICL and Target ICL by default.", th.support + 0.05)
    claim = "Asai et al. give mT0 8-shot demonstrations by default for English ICL and Target ICL."
    eight = NumberMention(value=8, text="8", start=claim.index("8"), end=claim.index("8") + 1, kind="integer")
    # Matched in a list of settings elsewhere ("1, 4, and 8"), 8 is not where the claim is stated.
    checks = [NumberCheck(eight, NumberStatus.MATCHED, 8, paper_id=str(PID), page=10, quote="including 1, 4, and 8")]
    d = decide(claim, [best], checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "gives 4 instead" in d.reason, d.reason
    # A count of something else there ("4 seeds") replaces nothing.
    other = scored("We use 4 seeds for mT0 English ICL and Target ICL by default with these shots.",
                   th.support + 0.05)
    assert decide(claim, [other], checks, semantic=False).verdict is not Verdict.CONTRADICTED


def test_a_multiplier_found_elsewhere_is_not_stated_by_the_best_passage() -> None:
    th = THRESHOLDS[False]
    best = scored("Instead of using a single joint BPE with 80k merges, we use language-specific BPE "
                  "with 40k merges for each language.", th.support + 0.1)
    warmup = Passage(PID, 9, 0, 40, "We use 30k linear warmup steps.", PassageKind.SENTENCE)
    claim = "Wu et al. replace the single joint BPE with language-specific BPE of 30k merges per language."
    k30 = NumberMention(value=30000, text="30k", start=claim.index("30k"), end=claim.index("30k") + 3,
                        kind="multiplier")
    # Matched in another sentence (of warmup steps), 30k is not where the claim is stated; the
    # best passage's count of merges said as the claim says its own is the rival.
    checks = [NumberCheck(k30, NumberStatus.MATCHED, 30000, paper_id=str(PID), page=9, quote=warmup.text)]
    d = decide(claim, [best, Scored(warmup, 0.2, None, 0.2)], checks, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "40k" in d.reason, d.reason
    d = decide(claim.replace("30k", "40k"), [best], [NumberCheck(replace(k30, value=40000, text="40k"),
               NumberStatus.MATCHED, 40000)], semantic=False)
    assert d.verdict is Verdict.SUPPORTED, d.reason


def test_a_count_the_claim_spells_out_item_by_item_is_stated_by_its_items() -> None:
    th = THRESHOLDS[False]
    best = scored("We train a multilingual BERT model on English, German and Hindi.", th.support + 0.1)
    d = _decide_on("A multilingual BERT model is trained on three languages: English, German and Hindi.", [best])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # Four items named, three in the source: the count is not the source's.
    d = _decide_on("A multilingual BERT model is trained on four languages: English, German, Hindi and Urdu.",
                   [best])
    assert d.verdict is not Verdict.SUPPORTED
    # Items read by their own words, those all of them share left aside; a noun of three words.
    best = scored("Cross-lingual transfer under naive, anchor tokens and unified output space training "
                  "approaches.", th.support + 0.1)
    claim = ("They compare three multilingual training approaches: naive pretraining, pretraining with "
             "anchor tokens, and pretraining with a unified output space.")
    assert _decide_on(claim, [best]).verdict is Verdict.SUPPORTED
    assert _decide_on(claim.replace("unified output space", "frozen decoder"), [best]).verdict \
        is not Verdict.SUPPORTED


def test_a_claim_that_includes_what_the_passage_excepts_is_contradicted() -> None:
    passage = ("ChatGPT significantly outperforms fine-tuned models on tasks that require target "
               "language generations (e.g., question generation, QA) with the exception of summarization (XLSUM).")
    assert polarity_conflict("ChatGPT outperforms the fine-tuned models on summarization (XLSUM) "
                             "as well as on question generation.", passage)
    assert not polarity_conflict("ChatGPT outperforms fine-tuned models on question generation and QA.", passage)
    # The claim keeps the exception: no conflict.
    assert not polarity_conflict("ChatGPT outperforms fine-tuned models on generation tasks, except "
                                 "summarization (XLSUM).", passage)
    th = THRESHOLDS[False]
    d = decide("ChatGPT outperforms fine-tuned models on summarization (XLSUM) and question generation.",
               [scored(passage, th.support + 0.1)], [], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and d.negation_conflict


def test_a_denial_conflicts_only_with_what_the_other_side_asserts() -> None:
    # The claim denies "exclude"; the passage says nothing about excluding.
    assert not polarity_conflict("BUFFET does not exclude datasets that the evaluated models were trained on.",
                                 "Note that these models are trained on some of the datasets included in BUFFET.")
    # The passage denies "observe": the claim asserts it (another form of the word).
    assert polarity_conflict("The authors observed a loss in performance for models trained with SentencePiece.",
                             "We did not observe any loss in performance for models trained with SPM.")
    # "does not occur" denies its subject, whatever verb the claim uses.
    assert polarity_conflict("Once representations are aligned, cross-lingual transfer follows.",
                             "Even when the alignment is high, cross-lingual transfer still does not occur.")
    # "without" names a setting, not a denial.
    assert not polarity_conflict("Without any anchor tokens, the model reaches a probe accuracy of 0.47.",
                                 "Table 1: Effect of introduced anchor tokens on the probe accuracy.")


def test_a_comparison_turned_round_is_not_a_reversal() -> None:
    assert not polarity_conflict(
        "Each mOthello language has a token space far smaller than a natural language vocabulary.",
        "The vocabulary size of each language is substantially larger than the token space in mOthello.")
    # Only one side compares with an object: no turning round, the reversal stands.
    assert polarity_conflict("Model A is better on XNLI.", "Model A is worse on XNLI than model B.")
    assert polarity_conflict("Model A scores higher on XNLI.", "Model A scores lower on XNLI.")


def test_a_size_the_named_row_prints_otherwise_in_its_unit_is_contradicted() -> None:
    th = THRESHOLDS[False]
    best = scored("Table 7: Details on model sizes.", th.support + 0.05, PassageKind.CAPTION)
    row = scored("XLM-15 15 BPE 12 1024 4096 8 95k 250M", 0.3, PassageKind.TABLE_ROW)
    for size in ("350M", "250M"):
        claim = f"XLM-15 has 12 layers, a 95k vocabulary and {size} parameters."
        checks = check_numbers(extract_numbers(claim), [best.passage, row.passage], claim_text=claim)
        d = decide(claim, [best, row], checks, semantic=False)
        if size == "350M":
            assert d.verdict is Verdict.CONTRADICTED, d.reason
            assert "gives 250M in the row 'xlm-15'" in d.reason
        else:
            assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_a_rival_number_is_of_the_claims_order() -> None:
    th = THRESHOLDS[False]
    passage = scored("XLM-R also outperforms mBERT by 2.09 F1 on average for cross-lingual transfer.", th.support + 0.1)
    d = _decide_on("XLM-R obtains an F1 of 92.53 on Dutch for cross-lingual transfer.", [passage])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    d = _decide_on("XLM-R obtains an average F1 of 2.42 over mBERT for cross-lingual transfer.", [passage])
    assert d.verdict is Verdict.CONTRADICTED and "2.09" in d.reason


def test_a_count_spelled_out_by_its_list_is_not_contradicted_by_a_count_elsewhere() -> None:
    th = THRESHOLDS[False]
    best = scored("For NER, we consider the CoNLL-2002 and CoNLL-2003 datasets in English, Dutch, Spanish and German.",
                  th.support + 0.1)
    claim = "For NER, the CoNLL-2002 and CoNLL-2003 datasets cover four languages: English, Dutch, Spanish and German."
    four = next(m for m in extract_numbers_of(claim) if m.text == "four")
    checks = [NumberCheck(four, NumberStatus.DIFFERENT, 7.0, paper_id="1911.02116v2", page=7)]
    d = decide(claim, [best], checks, semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def extract_numbers_of(text: str):  # type: ignore[no-untyped-def]
    from claimcheck.verify.numbers import extract_numbers

    return extract_numbers(text)


def test_what_a_denial_denies_is_its_first_content_word() -> None:
    from claimcheck.verify.verdict import negated_terms

    # An effect denied also denies what it is on ("syntactic"), but not a generic "tasks".
    assert negated_terms("they do not have the same impact on syntactic tasks") == {
        "impact", "syntactic"}
    assert negated_terms("Multi-task training does not always outperform the best single task.") == {"outperform"}
    assert negated_terms("We see no improvement.") == {"improv"}


def test_a_comparison_with_its_two_sides_swapped_is_a_reversal() -> None:
    passage = ("More anchor points help, especially in the less closely related language pairs "
               "(e.g. English-Chinese has a larger effect than English-French with over 3 points improvement).")
    assert polarity_conflict("Extra anchor points help English-French more than English-Chinese.", passage)
    # Swapped sides and the opposite word: the same statement.
    assert not polarity_conflict("Extra anchor points help English-French less than English-Chinese.", passage)
    assert not polarity_conflict("Extra anchor points help English-Chinese more than English-French.", passage)
    assert polarity_conflict("The gap is smaller in under-represented languages.",
                             "The gap is more significant in under-represented languages.")


def test_an_effect_denied_on_something_contradicts_a_claim_of_that_effect_there() -> None:
    passage = ("While models such as XLM-R reduce the gap significantly compared to mBERT for "
               "challenging tasks such as XQuAD and MLQA, they do not have the same impact on the "
               "syntactic structured prediction tasks.")
    assert polarity_conflict("XLM-R narrows the cross-lingual gap on the syntactic structured "
                             "prediction tasks as much as on XQuAD and MLQA.", passage)
    # What the passage does not deny stands; generic words ("tasks") tie nothing.
    assert not polarity_conflict("XLM-R narrows the gap on XQuAD and MLQA.", passage)
    assert not polarity_conflict("XLM-R narrows the gap on challenging tasks.", passage)


def test_the_opposite_of_the_second_passage_contradicts_when_it_scores_about_as_well() -> None:
    th = THRESHOLDS[False]
    caption = "Figure 5: Cross-lingual transfer of mOthelloGPTs trained on different pairs of languages."
    weaker = ("We notice that the cross-lingual transfer ability of mOthelloGPTs trained with Split "
              "or Compositional language pairs is slightly weaker.")
    claim = ("mOthelloGPTs trained on Split or Compositional language pairs show stronger "
             "cross-lingual transfer than Atomic pairs.")
    top = th.support + 0.1
    # The caption's first sentence repeats the caption: the next distinct passage is read too.
    ranked = [Scored(Passage(PID, 8, 0, 200, caption + " Columns: ...", PassageKind.CAPTION), top, None, top),
              Scored(Passage(PID, 8, 0, len(caption), caption, PassageKind.SENTENCE), top, None, top),
              Scored(Passage(PID, 7, 500, 500 + len(weaker), weaker, PassageKind.SENTENCE), top - 0.02,
                     None, top - 0.02)]
    d = decide(claim, ranked, [], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and d.passage is ranked[2], d.reason
    # A third distinct passage scoring as well is read too.
    other = "The first column of Table 1 shows the alignment probe accuracy of mOthelloGPTs."
    third = [ranked[0], Scored(Passage(PID, 6, 0, len(other), other, PassageKind.SENTENCE), top - 0.01,
                               None, top - 0.01), ranked[1], ranked[2]]
    d = decide(claim, third, [], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and d.passage is ranked[2], d.reason
    # Well below the best, it is not the claim's statement.
    low = [*ranked[:2], Scored(ranked[2].passage, top - 0.2, None, top - 0.2)]
    assert decide(claim, low, [], semantic=False).verdict is not Verdict.CONTRADICTED


def test_a_measurement_written_in_a_passage_near_the_topic_threshold_puts_the_claim_on_topic() -> None:
    th = THRESHOLDS[False]
    claim = "Choosing one model on the joint dev set lowers overall accuracy from 71.3 to 70.1."
    text = ("We observe a 0.6 decrease in overall accuracy when we go from N models to a single "
            "model - going from 71.3 to 70.7.")
    m713 = NumberMention(value=71.3, text="71.3", start=claim.index("71.3"),
                         end=claim.index("71.3") + 4, kind="decimal", decimals=1)
    m701 = NumberMention(value=70.1, text="70.1", start=claim.index("70.1"),
                         end=claim.index("70.1") + 4, kind="decimal", decimals=1)
    ranked = [scored(text, th.topic - 0.03)]
    # The checker quotes an excerpt of the passage, cut with ellipses.
    found = NumberCheck(m713, NumberStatus.MATCHED, 71.3, quote="…N models to a single model - going from 71.3…")
    d = decide(claim, ranked, [found, NumberCheck(m701, NumberStatus.ABSENT)], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "70.7" in d.reason, d.reason
    # Neither number written there: the passage is only near the claim's words.
    d = decide(claim, ranked, [NumberCheck(m713, NumberStatus.ABSENT), NumberCheck(m701, NumberStatus.ABSENT)],
               semantic=False)
    assert d.verdict is Verdict.NOT_FOUND
    # Far below the threshold, a number in common is not enough.
    far = [scored(text, th.topic - 0.2)]
    assert decide(claim, far, [found, NumberCheck(m701, NumberStatus.ABSENT)],
                  semantic=False).verdict is Verdict.NOT_FOUND


def test_who_a_claim_is_attributed_to_is_not_matched_against_the_paper() -> None:
    from claimcheck.verify.index import PaperIndex, rank
    from claimcheck.verify.lexical import without_attribution

    assert without_attribution("Dufter and Schütze find that shared position embeddings help.") \
        == "shared position embeddings help."
    assert without_attribution("In Wu et al.'s Default setting, parsing reaches 73.2.") \
        == "In Default setting, parsing reaches 73.2."
    assert without_attribution("Hua, Yun and Pavlick show that anchor tokens help.") == "anchor tokens help."
    for verb in ("suggest", "caution", "attribute", "hypothesise", "see", "pointed out", "concede",
                 "conjecture", "highlight"):
        assert without_attribution(f"Conneau et al. {verb} that X helps.") == "X helps."
    # A verb of saying is a whole word: "seek" is not "see".
    assert without_attribution("Conneau et al. seek X.") == "seek X."
    # Names joined by "and" that do something are the authors, the paper's "we".
    assert without_attribution("Dufter and Schütze fine-tune the models.") == "fine-tune the models."
    assert without_attribution("Pretraining takes Dufter and Schütze about 6 hours.") \
        == "Pretraining takes about 6 hours."
    # Two names joined by "and" are no attribution when they are languages, or name a kind of
    # thing ("Romance and Slavic languages"), or are not words of a name ("BERT").
    for text in ("English and French parsing improves.", "BERT and XLM-R are compared.",
                 "English and German share a script.", "Romance and Slavic languages differ."):
        assert without_attribution(text) == text
    # The paper says "we find": the names it never writes do not lower its best passage.
    said = "We find that shared position embeddings are essential for multilinguality."
    index = PaperIndex.build("2005.00396v3", [Passage(PID, 5, 0, len(said), said, PassageKind.SENTENCE)], None)
    plain = rank("Shared position embeddings are essential for multilinguality.", None, [index])
    named = rank("Dufter and Schütze find that shared position embeddings are essential for "
                 "multilinguality.", None, [index])
    assert named[0].score == plain[0].score


def test_a_caption_gives_a_rival_number_only_in_the_sentence_that_states_the_claim() -> None:
    th = THRESHOLDS[False]
    caption = ("Figure 4: Pairwise cross-lingual alignment probe accuracy for mOthelloGPT. For "
               "instance, cell c(0,1) indicates the accuracy of board state prediction to be 0.52. "
               "With 4 shared anchor tokens, the representations already reach nearly perfect "
               "alignment for all three language-pair types.")
    claim = "With 4 anchor tokens, the alignment probe accuracy reaches 0.97 for all three language-pair types."
    m = NumberMention(value=0.97, text="0.97", start=claim.index("0.97"), end=claim.index("0.97") + 4,
                      kind="decimal", decimals=2)
    ranked = [scored(caption, th.support + 0.05, PassageKind.CAPTION)]
    d = decide(claim, ranked, [NumberCheck(m, NumberStatus.ABSENT)], semantic=False)
    # 0.52 is another cell's value: the claim's 0.97 is not stated, but not contradicted.
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED, d.reason
    # The sentence that states the claim gives another value: that one replaces it.
    other = caption.replace("nearly perfect alignment", "an alignment of 0.91")
    d = decide(claim, [scored(other, th.support + 0.05, PassageKind.CAPTION)],
               [NumberCheck(m, NumberStatus.ABSENT)], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "0.91" in d.reason, d.reason


def test_a_passage_naming_none_of_the_claims_languages_gives_no_rival_measurement() -> None:
    th = THRESHOLDS[False]
    caption = ("Table 3. XLM-R obtains F1 and accuracy scores of 70.7% and 52.7% while the previous "
               "state of the art was 61.6% and 43.5%.")
    claim = "XLM-R scores 68.0 F1 on the Chinese MLQA test set."
    m = NumberMention(value=68.0, text="68.0", start=claim.index("68.0"), end=claim.index("68.0") + 4,
                      kind="decimal", decimals=1)
    absent = [NumberCheck(m, NumberStatus.ABSENT)]
    # 70.7 is the average over languages, not Chinese's score.
    d = decide(claim, [scored(caption, th.support + 0.05, PassageKind.CAPTION)], absent, semantic=False)
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED, d.reason
    # Said of Chinese, it is.
    chinese = caption.replace("obtains F1", "obtains on Chinese F1")
    d = decide(claim, [scored(chinese, th.support + 0.05, PassageKind.CAPTION)], absent, semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "70.7" in d.reason, d.reason


def test_a_name_the_papers_never_write_is_a_detail_they_do_not_state() -> None:
    th = THRESHOLDS[False]
    said = ("For non-atomic languages, we take the contextual representation of the last token "
            "of a move for cross-lingual alignment probes.")
    claim = ("For non-atomic languages, the alignment probes take the contextual representation of "
             "the last token of a move, with L2-normalised inputs.")
    ranked = [scored(said, th.support + 0.15)]
    d = decide(claim, ranked, [], semantic=False, paper_entities={"l2", "mothellogpt"})
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED and "l2-normalised" in d.reason, d.reason
    # A name the papers write as the start of a longer one, or in the singular, is theirs.
    d = decide(claim.replace("L2-normalised", "mOthelloGPT-style"), ranked, [], semantic=False,
               paper_entities={"l2", "mothellogpt"})
    assert d.verdict is Verdict.SUPPORTED, d.reason
    for name in ("L2", "mOthelloGPTs"):
        d = decide(claim.replace("L2-normalised", name), ranked, [], semantic=False,
                   paper_entities={"l2-norm", "mothellogpt"})
        assert d.verdict is Verdict.SUPPORTED, d.reason


def _num(claim: str, text: str, status: NumberStatus = NumberStatus.ABSENT, subject: str | None = None,
         quote: str | None = None) -> NumberCheck:
    k = claim.index(text)
    m = NumberMention(value=float(text.rstrip("%")), text=text, start=k, end=k + len(text),
                      kind="decimal", decimals=len(text.rstrip("%").split(".")[1]))
    return NumberCheck(m, status, m.value if status is NumberStatus.MATCHED else None,
                       source_subject=subject, quote=quote)


def test_a_named_row_does_not_contradict_a_number_found_in_a_row_the_claim_also_names() -> None:
    th = THRESHOLDS[False]
    gaps = scored("XLM-R 10.2 12.4 16.3 19.1 13.3 14.3", 0.3, PassageKind.TABLE_ROW)
    per_language = scored("XLMR 88.7 77.2 83.0 82.5 75.6 79.1 71.2 77.4", 0.3, PassageKind.TABLE_ROW)
    prose = scored("We show XNLI accuracy per language for XLM-R.", th.support)
    claim = "Per language, XLM-R reaches 71.2% XNLI accuracy on Swahili."
    found = _num(claim, "71.2%", NumberStatus.MATCHED, "XLMR", per_language.passage.text)
    # Matched in the row "XLMR": that is the claim's "XLM-R" too.
    d = decide(claim, [prose, gaps, per_language], [found], semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # Found in no row of XLM-R's: the row it names gives other values.
    d = decide(claim, [prose, gaps], [_num(claim, "71.2%")], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "'xlm-r'" in d.reason, d.reason
    # Matched in a row the claim names by a language ("ja" for Japanese).
    claim = "For Japanese, mBERT's POS accuracy on unseen trigrams drops to 0.0, against 16.3 on seen ones."
    mbert = scored("mBERT 80.8 64.3 68.0 70.0 65.3 73.5", 0.3, PassageKind.TABLE_ROW)
    ja = scored("ja 16.3 0.0 12.3 1.0", 0.2, PassageKind.TABLE_ROW)
    checks = [_num(claim, "0.0", NumberStatus.MATCHED, "ja", ja.passage.text),
              _num(claim, "16.3", NumberStatus.MATCHED, "ja", ja.passage.text)]
    d = decide(claim, [prose, mbert, ja], checks, semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason


def test_a_number_given_to_no_row_is_not_read_in_the_row_another_number_is_given_to() -> None:
    th = THRESHOLDS[False]
    claim = ("In the aligned group, intervening with the cross probe gives an average error of 0.20, "
             "close to the original probe's 0.19.")
    original = scored("Original Probe 0.28 0.19", 0.3, PassageKind.TABLE_ROW)
    prose = scored("Table 3 shows the average error of intervening with each probe.", th.support)
    checks = [_num(claim, "0.20"), _num(claim, "0.19", NumberStatus.MATCHED, "Original Probe",
                                        original.passage.text)]
    d = decide(claim, [prose, original], checks, semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # Given to that row, it is read there.
    claim = "In the aligned group, the original probe's average error is 0.20."
    d = decide(claim, [prose, original], [_num(claim, "0.20")], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED, d.reason


def test_a_measurement_in_a_row_the_claim_names_puts_it_on_topic_and_the_row_is_read() -> None:
    th = THRESHOLDS[False]
    header = "Model en ar bg de el es fr hi ru sw th tr ur vi zh avg"
    xlmr = Scored(Passage(PID, 17, 0, 80, "XLMR 88.7 77.2 83.0 82.5 80.8 83.7 82.2 75.6 79.1 71.2 77.4 "
                          "78.0 71.7 79.3 78.2 79.2", PassageKind.TABLE_ROW, "Table 12: XNLI results.",
                          header), 0.2, None, 0.2)
    prose = scored("We show XNLI accuracy per language in the appendix.", th.topic - 0.15)
    claim = "Per language, XTREME's zero-shot XLM-R reaches 71.2% XNLI accuracy on Swahili and 75.6% on Hindi."
    checks = [_num(claim, "71.2%", NumberStatus.MATCHED, "XLMR", xlmr.passage.text),
              _num(claim, "75.6%", NumberStatus.MATCHED, "XLMR", xlmr.passage.text)]
    # Far below the topic threshold in prose, but both numbers sit in the row "XLMR", under the
    # columns the claim names.
    d = decide(claim, [prose, xlmr], checks, semantic=False)
    assert d.verdict is Verdict.SUPPORTED and "'xlmr'" in d.reason, d.reason
    # Matched in a row the claim does not name, they say nothing about its topic.
    other = Scored(replace(xlmr.passage, text=xlmr.passage.text.replace("XLMR", "MMTE")), 0.2, None, 0.2)
    d = decide(claim, [prose, other], checks, semantic=False)
    assert d.verdict is Verdict.NOT_FOUND, d.reason


def test_a_count_written_as_words_is_stated_by_its_digits() -> None:
    from claimcheck.verify.numbers import extract_numbers

    claim = "To align contextual word representations, the authors first encode five hundred thousand sentences."
    assert [(m.text, m.value) for m in extract_numbers(claim)] == [("five hundred thousand", 500000.0)]
    # The number words are checked as a number, not looked for as words.
    assert "five" not in content_terms(claim) and "thousand" not in content_terms(claim)
    th = THRESHOLDS[False]
    said = "For contextual word representations, we first encode 500k sentences in each language."
    m = extract_numbers(claim)[0]
    d = decide(claim, [scored(said, th.support + 0.05)], [NumberCheck(m, NumberStatus.MATCHED, 500000.0)],
               semantic=False)
    assert d.verdict is Verdict.SUPPORTED, d.reason


def test_reversals_of_robustness_and_of_where_in_the_network() -> None:
    assert polarity_conflict("Pretraining with a unified output space is sensitive to structural differences.",
                             "Pretraining with a unified output space is robust to structural differences.")
    assert polarity_conflict("The best retrieval comes from the top layers.",
                             "The best retrieval is obtained at lower layers.")
    assert not polarity_conflict("The best retrieval comes from the top layers.",
                                 "The best retrieval comes from the top layers, not the lower layers.")


def test_denying_a_change_contradicts_its_other_words() -> None:
    # "do not lose" against "drops": one change, two words.
    assert polarity_conflict("BLOOM does not lose TyDiQA performance in Finnish.",
                             "We observe performance drops in Finnish for BLOOM in TyDiQA.")
    assert not polarity_conflict("BLOOM does not lose TyDiQA performance in Finnish.",
                                 "We observe no performance drops in Finnish for BLOOM in TyDiQA.")


def test_the_text_discussing_a_figure_can_contradict_a_claim_its_caption_matches() -> None:
    claim = "After Procrustes alignment, the best parallel sentence retrieval is obtained from the top layers."
    caption = Scored(Passage(PID, 8, 0, 90, "Figure 6: Parallel sentence retrieval accuracy after "
                             "Procrustes alignment.", PassageKind.CAPTION), 0.75, None, 0.75)
    text = ("Figure 6 shows the parallel sentence retrieval results with four language pairs. Here "
            "the best retrieval result is obtained at lower layers.")
    discussion = Scored(Passage(PID, 8, 400, 400 + len(text), text, PassageKind.PARAGRAPH), 0.5, None, 0.5)
    d = decide(claim, [caption, discussion], [], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "discusses Figure 6" in d.reason, d.reason
    assert d.passage is discussion
    # Text discussing another figure says nothing of this one's.
    other = Scored(replace(discussion.passage, text=text.replace("Figure 6", "Figure 7")), 0.5, None, 0.5)
    assert decide(claim, [caption, other], [], semantic=False).verdict is not Verdict.CONTRADICTED


def test_a_format_the_papers_never_write_is_a_detail_they_do_not_state() -> None:
    from claimcheck.verify.verdict import technical_terms

    assert technical_terms("int8 quantization, bfloat16 on TPU v3-8, GPT2 and L2") == {"int8", "bfloat16", "gpt2"}
    # A version is one too ("SQuAD v1.1"), but a bare decimal is a number.
    assert technical_terms("the English SQuAD v1.1 data, 1.1 points, v2.0.1.") == {"v1.1", "v2.0.1"}
    th = THRESHOLDS[False]
    said = "To evaluate mT5 and mT0, we use TPU v3-8 with int8bit quantization."
    ranked = [scored(said, th.support + 0.15)]
    papers = {"mt5", "mt0", "tpu", "int8bit"}
    d = decide("To evaluate mT5 and mT0, they use TPU v3-8 in bfloat16.", ranked, [], semantic=False,
               paper_entities=papers)
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED and "bfloat16" in d.reason, d.reason
    d = decide("To evaluate mT5 and mT0, they use TPU v3-8 with int8 quantization.", ranked, [],
               semantic=False, paper_entities=papers)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    d = decide("To evaluate mT5 and mT0, they use TPU v3-8 v1.1 with int8 quantization.", ranked, [],
               semantic=False, paper_entities=papers)
    assert d.verdict is Verdict.PARTIALLY_SUPPORTED and "v1.1" in d.reason, d.reason


def test_the_sentences_around_the_best_one_are_its_context_for_the_claims_words() -> None:
    th = THRESHOLDS[False]
    claim = "Because a language prefix is added to every word, the No anchors bilingual MLM has no shared vocabulary."
    before = "To remove anchor points, we add a language prefix to each word in the vocabulary."
    best = "Bilingual MLM (No anchors) trained with such data has no shared vocabulary across languages."

    def at(text: str, start: int, score: float) -> Scored:
        return Scored(Passage(PID, 5, start, start + len(text), text, PassageKind.SENTENCE), score, None, score)

    ranked = [at(best, 300, th.support + 0.1), at(before, 200, th.topic + 0.02)]
    assert decide(claim, ranked, [], semantic=False).verdict is Verdict.SUPPORTED
    # Far from it on the page, the same sentence is not its context.
    far = [at(best, 300, th.support + 0.1), at(before, 2000, th.topic + 0.02)]
    assert decide(claim, far, [], semantic=False).verdict is Verdict.PARTIALLY_SUPPORTED


def test_a_contrast_giving_the_claims_subject_the_opposite_change_is_a_reversal() -> None:
    passage = ("Comparing no anchors and default anchors, the performance of XNLI and parsing drops only "
               "around 1 point while NER even improve 1 points averaging over three languages.")
    assert polarity_conflict("Without anchors, NER drops about 1 point on average.", passage)
    assert not polarity_conflict("Without anchors, XNLI drops about 1 point on average.", passage)
    assert not polarity_conflict("Without anchors, NER improves about 1 point on average.", passage)


def test_denying_help_denies_giving() -> None:
    passage = "Anchor tokens alone do not help the model achieve cross-lingual transfer ability."
    assert polarity_conflict("Anchor tokens alone give the model cross-lingual transfer ability.", passage)
    assert not polarity_conflict("Anchor tokens alone do not give the model cross-lingual transfer ability.",
                                 passage)


def test_a_number_given_to_a_model_is_not_replaced_by_another_models_row() -> None:
    th = THRESHOLDS[False]
    mmte = Scored(Passage(PID, 18, 0, 29, "MMTE 67.9 63.9 54.3 53.3 59.8", PassageKind.TABLE_ROW),
                  th.support + 0.1, None, th.support + 0.1)
    claim = "Hu et al. report a German BUCC F1 of 67.9 for MMTE, slightly above XLM-R's 67.5."
    d = _decide_on(claim, [mmte])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # A number given to no model is replaced by the best row's (it speaks of the claim).
    d = _decide_on("Hu et al. report German BUCC F1 scores of 67.9 and 67.5 for MMTE.", [mmte])
    assert d.verdict is Verdict.CONTRADICTED, d.reason


def test_a_sentence_writing_all_of_three_or_more_claim_numbers_states_them() -> None:
    th = THRESHOLDS[False]
    best = scored("mOthelloGPTs trained with the naive multilingual pretraining do not learn a "
                  "language-neutral hidden space.", th.support + 0.15)
    listed = Scored(Passage(PID, 6, 900, 990, "We further scale up the bilingual pretraining to "
                            "multilingual pretraining with 5/10/20/100 languages.", PassageKind.SENTENCE),
                    th.support + 0.1, None, th.support + 0.1)
    claim = "Hua et al. scale naive multilingual pretraining to five, ten, twenty and one hundred languages."
    checks = check_numbers(extract_numbers(claim), [best.passage, listed.passage], claim_text=claim)
    d = decide(claim, [best, listed], checks, semantic=False)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # Two numbers are not enough to tell the sentence states the claim.
    claim2 = "Hua et al. scale naive multilingual pretraining to five and ten languages."
    checks = check_numbers(extract_numbers(claim2), [best.passage, listed.passage], claim_text=claim2)
    assert decide(claim2, [best, listed], checks, semantic=False).verdict is not Verdict.SUPPORTED


def test_a_comparison_of_two_described_things_swapped_is_a_reversal() -> None:
    passage = "In the NER task, mBERT performs better on data in Latin script than that in Chinese or Japanese ideograms."
    assert polarity_conflict("For NER, mBERT handles Chinese and Japanese ideograms better than data in Latin script.",
                             passage)
    assert not polarity_conflict("For NER, mBERT handles data in Latin script better than Chinese and Japanese ideograms.",
                                 passage)
    # Swapped and turned round, it says the same.
    assert not polarity_conflict("For NER, mBERT handles Chinese and Japanese ideograms worse than data in Latin script.",
                                 passage)


def test_a_contrast_with_both_sides_swapped_is_a_reversal() -> None:
    passage = ("On XWinograd, fine-tuning-based methods often struggle, while in-context learning with "
               "competitive LLMs yields strong performance.")
    assert polarity_conflict("On XWinograd, fine-tuning-based methods are strong, while in-context learning "
                             "with competitive LLMs struggles.", passage)
    assert not polarity_conflict("On XWinograd, fine-tuning-based methods struggle, while in-context learning "
                                 "with competitive LLMs is strong.", passage)


def test_good_against_worst_and_a_denied_shrinking_against_a_decrease() -> None:
    assert polarity_conflict("Probes extract board states worst from layers 5 to 7.",
                             "Probes are particularly good at extracting board states from layers 5 to 7.")
    assert polarity_conflict("The similarity gap does not shrink as language pairs become more distant.",
                             "The similarity gap decreases as the language pairs become more distant.")


def test_a_count_set_off_by_commas_before_its_list_is_stated_by_the_list() -> None:
    th = THRESHOLDS[False]
    best = scored("Evaluation across the majority of languages is only possible for a subset of tasks, "
                  "i.e. POS, NER, and Tatoeba.", th.support + 0.1)
    claim = "Only three XTREME tasks, POS tagging, NER and Tatoeba, allow evaluation across the majority of languages."
    three = next(m for m in extract_numbers(claim) if m.text == "three")
    d = decide(claim, [best], [NumberCheck(three, NumberStatus.ABSENT)], semantic=False)
    assert d.verdict is Verdict.SUPPORTED, d.reason
    # A list one item longer than the count does not state it.
    claim = "Only three XTREME tasks, POS tagging, NER, XNLI and Tatoeba, allow evaluation across most languages."
    three = next(m for m in extract_numbers(claim) if m.text == "three")
    d = decide(claim, [best], [NumberCheck(three, NumberStatus.ABSENT)], semantic=False)
    assert d.verdict is not Verdict.SUPPORTED, d.reason


def test_a_count_whose_items_the_source_lists_with_more_is_contradicted() -> None:
    th = THRESHOLDS[False]
    best = scored("However in prior studies, special tokens ([UNK], [CLS], [SEP], [MASK], [PAD]) "
                  "are usually shared across languages.", th.support + 0.1)
    for claim, word, contradicted in (
        ("Dufter and Schütze shift BERT's four special tokens, [UNK], [CLS], [SEP] and [MASK].",
         "four", True),
        # The whole list is the count; a count of some of them says how many it picks.
        ("They shift BERT's five special tokens, [UNK], [CLS], [SEP], [MASK] and [PAD].", "five",
         False),
        ("Dufter and Schütze shift two of the special tokens, [UNK] and [CLS].", "two", False),
    ):
        count = next(m for m in extract_numbers(claim) if m.text == word)
        d = decide(claim, [best], [NumberCheck(count, NumberStatus.ABSENT)], semantic=False)
        assert (d.verdict is Verdict.CONTRADICTED) is contradicted, (word, d.reason)
        assert not contradicted or "lists 5: [UNK], [CLS], [SEP], [MASK], [PAD]" in d.reason


def test_a_count_is_checked_against_the_items_the_passage_lists_for_its_noun() -> None:
    th = THRESHOLDS[False]
    best = scored("We hypothesize that the following factors play important roles in what makes "
                  "multilingual BERT multilingual: domain similarity, shared vocabulary (or anchor "
                  "points), shared parameters, and language similarity.", th.support + 0.1)
    for word, verdict in (("five", Verdict.CONTRADICTED), ("four", Verdict.SUPPORTED)):
        claim = f"Wu et al. hypothesise that {word} factors make multilingual BERT multilingual."
        count = next(m for m in extract_numbers(claim) if m.text == word)
        d = decide(claim, [best], [NumberCheck(count, NumberStatus.ABSENT)], semantic=False)
        assert d.verdict is verdict, (word, d.reason)
        assert word == "four" or "4 (domain similarity" in d.reason, d.reason


def test_a_count_is_stated_by_the_set_in_braces_the_passage_gives_for_its_noun() -> None:
    th = THRESHOLDS[False]
    text = ("We search the following hyperparameter for NER and Parsing: batch size {16, 32}; "
            "learning rate {2e-5, 3e-5, 5e-5}.")
    best = scored(text, th.support + 0.1)
    for rates, verdict in (("three", Verdict.SUPPORTED), ("four", Verdict.CONTRADICTED)):
        claim = f"For NER and parsing fine-tuning, Wu et al. search over two batch sizes and {rates} learning rates."
        checks = check_numbers(extract_numbers(claim), [best.passage], claim_text=claim)
        d = decide(claim, [best], checks, semantic=False)
        assert d.verdict is verdict, (rates, d.reason)


def test_a_size_in_a_row_the_claim_names_puts_the_claim_on_topic() -> None:
    row = Scored(Passage(PID, 3, 0, 40, "TyDiQA-GoldP 3,696 634 323 9", PassageKind.TABLE_ROW,
                         "Table 1. Characteristics of the datasets in XTREME.", "Task |Train| |Dev| |Test| |Lang|"),
                 0.2, None, 0.2)
    claim = "XTREME's TyDiQA-GoldP task comes with 6,396 English training examples and 634 dev examples."
    checks = check_numbers(extract_numbers(claim), [row.passage], claim_text=claim)
    assert decide(claim, [row], checks, semantic=False).verdict is not Verdict.NOT_FOUND
    # A small count there ("9 languages") may be any cell's: it anchors nothing. (A count of as many
    # digits as the row's "3,696", such as "6,396", is contradicted by it.)
    small = "XTREME's TyDiQA-GoldP task comes with 63,960 English training examples in 9 languages."
    checks = check_numbers(extract_numbers(small), [row.passage], claim_text=small)
    assert decide(small, [row], checks, semantic=False).verdict is Verdict.NOT_FOUND


def test_a_name_is_given_by_the_papers_whole_or_as_the_start_of_a_longer_one() -> None:
    from claimcheck.verify.verdict import named_in

    paper = {"conll-2003", "xlm-r", "mbert"}
    assert named_in({"conll", "xlm-r", "xlm", "masakhaner", "bert"}, paper) == {"conll", "xlm-r", "xlm"}


def test_two_things_of_one_kind_swapped_in_a_comparison_is_a_reversal() -> None:
    passage = "We show that the early layers of the Transformers are more similar across languages than the last layers."
    assert polarity_conflict("The last layers of the Transformers are more similar across languages than the early layers.",
                             passage)
    assert not polarity_conflict("The early layers of the Transformers are more similar across languages than the "
                                 "last layers.", passage)
    assert not polarity_conflict("The last layers of the Transformers are less similar across languages than the "
                                 "early layers.", passage)


def test_a_short_verb_denied_and_a_decline_are_reversals() -> None:
    # "uses" is too short to stem to "use".
    assert polarity_conflict("XLM-R uses language embeddings, which helps with code-switching.",
                             "We do not use language embeddings, which allows our model to deal with code-switching.")
    assert not polarity_conflict("XLM-R does not use language embeddings, which helps with code-switching.",
                                 "We do not use language embeddings, which allows our model to deal with code-switching.")
    assert polarity_conflict("More demonstrations consistently improve instruction-tuned models such as mT0.",
                             "For instruction-tuned models (mT0), we observe a significant decline in performance "
                             "when more demonstrations are added.")


def test_a_plural_name_is_named_by_the_papers_singular() -> None:
    from claimcheck.verify.verdict import named_in

    assert named_in({"mlms", "gpus"}, {"mlm", "bert"}) == {"mlms"}
    assert named_in({"conll"}, {"conll-2003"}) == {"conll"}


def test_a_count_the_claim_states_itself_is_no_rival_of_its_other_count() -> None:
    th = THRESHOLDS[False]
    best = scored("We also consider larger sets of 15, 30, 60 and all 100 languages.", th.support + 0.1)
    for claim, contradicted in (
        ("Besides 7 languages, the authors study sets of 15, 30, 60 and all 100 languages.", False),
        ("The authors study larger sets of 7 languages.", True),
    ):
        checks = check_numbers(extract_numbers(claim), [best.passage], claim_text=claim)
        checks = [c if c.mention.text != "7" else NumberCheck(c.mention, NumberStatus.ABSENT)
                  for c in checks]
        d = decide(claim, [best], checks, semantic=False)
        assert (d.verdict is Verdict.CONTRADICTED) is contradicted, (claim, d.reason)


def test_a_size_a_sentence_prints_right_after_the_claims_name_contradicts_another() -> None:
    th = THRESHOLDS[False]
    # A parameter table pypdf ran into one line: each model's size follows its name.
    best = scored("Real data model (BERT-Base with larger vocabulary) 131M mBERT 178M", th.support + 0.1)
    claim = "In the parameter table, mBERT is listed with 131M parameters."
    d = checked(claim, [best])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "mBERT 178M" in d.reason
    # The claim gives 178M to mBERT itself: 131M is the other model's, and no rival.
    claim2 = "In the parameter table, the real data model has 131M parameters, against 178M for mBERT."
    assert checked(claim2, [best]).verdict is not Verdict.CONTRADICTED


def test_a_named_row_of_the_claims_values_in_order_gives_the_one_found_nowhere_otherwise() -> None:
    th = THRESHOLDS[False]
    best = scored("Table 4: Kendall's Tau word order metric and XNLI zero-shot accuracies.", th.support + 0.1,
                  PassageKind.CAPTION)
    row = scored("fr 0.80 73.8", th.topic, PassageKind.TABLE_ROW)
    claim = "The table lists French with a Kendall's tau of 0.80 and an XNLI zero-shot accuracy of 74.3."
    d = checked(claim, [best, row])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "74.3" in d.reason and "73.8" in d.reason
    # In the other order the row is no record of the claim's values.
    claim2 = "The table lists French with an XNLI zero-shot accuracy of 74.3 and a Kendall's tau of 0.80."
    assert checked(claim2, [best, row]).verdict is not Verdict.CONTRADICTED
    # Nor is a row the claim does not name.
    claim3 = "The table lists German with a Kendall's tau of 0.80 and an XNLI zero-shot accuracy of 74.3."
    assert checked(claim3, [best, row]).verdict is not Verdict.CONTRADICTED


def test_two_of_the_claims_counts_in_a_passage_near_the_threshold_put_it_on_topic() -> None:
    th = THRESHOLDS[False]
    gpus = scored("For each model, we train it with 8 NVIDIA V100 GPUs with 32GB of memory and mixed precision.",
                  th.topic - 0.04)
    days = scored("It takes around 3 days to train one model.", th.topic - 0.06)
    claim = "Each bilingual MLM takes about five days to train on eight 32GB V100 GPUs."
    d = checked(claim, [gpus, days])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "five" in d.reason and "3" in d.reason
    # One count there is not enough: the claim may be about something else.
    claim2 = "Each bilingual MLM takes about five days to train on 32GB GPUs."
    assert checked(claim2, [gpus, days]).verdict is Verdict.NOT_FOUND


def test_a_label_saying_a_setting_lacks_something_is_named_by_without() -> None:
    th = THRESHOLDS[False]
    header = "Model Anchors XNLI (Acc) NER (F1) fr ru zh fr ru zh"
    row = scored("No anchors 0 72.1 67.5 67.7 74.0 57.9 65.0", th.topic - 0.2, PassageKind.TABLE_ROW)
    row = replace(row, passage=replace(row.passage, header=header))
    # "No anchors" is named by "without any anchor points": its NER column for Russian is 57.9.
    claim = "Without any anchor points, the bilingual MLM reaches 65.0 F1 on English-Russian NER transfer."
    d = checked(claim, [row])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "57.9" in d.reason and "ru" in d.reason
    # The value under the column the claim names is read as its own.
    claim2 = "Without any anchor points, the bilingual MLM reaches 57.9 F1 on English-Russian NER transfer."
    assert checked(claim2, [row]).verdict is Verdict.SUPPORTED
    # So is it by "removing all anchor points".
    claim3 = "Removing all anchor points still leaves English-Russian NER transfer at 65.0 F1."
    d = checked(claim3, [row])
    assert d.verdict is Verdict.CONTRADICTED and "57.9" in d.reason, d.reason


def _table_row(text: str, header: str, caption: str, score: float) -> Scored:
    s = scored(text, score, PassageKind.TABLE_ROW)
    return replace(s, passage=replace(s.passage, header=header, caption=caption))


def _table(header: str, caption: str, *texts: str, below_topic: float) -> list[Scored]:
    """Rows of one table, each scoring ``below_topic`` under the lexical topic threshold."""
    return [_table_row(t, header, caption, THRESHOLDS[False].topic - below_topic) for t in texts]


def test_of_a_models_rows_the_one_whose_caption_and_language_column_the_claim_names_is_read() -> None:
    th = THRESHOLDS[False]
    gap = _table_row("XLM-R 10.2 12.4 19.8", "Model XNLI PAWS-X NER",
                     "Table 3. The cross-lingual transfer gap of XLM-R on NER and other tasks.", th.topic - 0.3)
    ner = _table_row("XLMR 84.7 81.3 23.2 62.5", "Lang. en it ja jv",
                     "Table 21. NER results (F1 Score) for each language", th.topic - 0.3)
    pos = _table_row("XLMR 88.1 87.6 15.9 73.8", "Lang. en it ja jv",
                     "Table 20. POS results (Accuracy) for each language", th.topic - 0.3)
    claim = "XTREME's per-language NER table gives XLM-R an F1 of 29.0 on Japanese."
    d = checked(claim, [gap, ner, pos])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "23.2" in d.reason and "ja" in d.reason
    # A language the claim leaves out names no column: "outside English" is not "en".
    claim2 = "Outside English, XLM-R's NER F1 in the per-language NER table averages only 50.6."
    assert "for en" not in checked(claim2, [gap, ner, pos]).reason


def test_a_capitalised_word_of_the_claim_fits_a_caption_but_a_language_does_not() -> None:
    th = THRESHOLDS[False]
    header = "XNLI PAWS-X POS NER Tatoeba"
    caption = "Table 9. Pearson correlation coefficients of zero-shot transfer performance and Wikipedia size"
    row = _table_row("XLM-R 0.75 0.79 0.22 0.27 0.49", header, caption, th.topic - 0.3)
    claim = "XLM-R's Tatoeba accuracy correlates with Wikipedia size at a Pearson coefficient of 0.68."
    d = checked(claim, [row])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "0.49" in d.reason and "Tatoeba" in d.reason
    # "English" is a language: per-language captions write it, it does not say the table is the claim's.
    from claimcheck.verify.verdict import caption_fits

    english = _table_row("XLM-R 0.75 0.79", "XNLI POS", "Table 2. Results of English fine-tuning", 0.1)
    assert not caption_fits("Fine-tuned on English data, XLM-R reaches 0.68.", english.passage)
    assert caption_fits("Fine-tuned on English data, XLM-R reaches 0.68 in the Results.", english.passage)


def test_rows_of_the_claims_model_in_settings_it_does_not_name_all_lacking_its_number_contradict_it() -> None:
    header = "Transfer + Model Macro jp pt ru zh"
    caption = "Table 18: Model performance on XWINOGRAD."
    zero, english, english_ft = _table(header, caption, "ZICL mT0 64.5 68.7 59.8 62.2 67.3",
                                       "EICL mT0 60.1 61.0 58.8 57.5 63.0",
                                       "ENG. ICL mT0 60.1 61.0 58.8 57.5 63.0", below_topic=0.3)
    claim = "On XWinograd, mT0 reaches 62.2 accuracy on Japanese."
    d = checked(claim, [zero, english])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "68.7" in d.reason and "jp" in d.reason
    # One of the model's rows holding it under that column: no contradiction.
    assert checked("On XWinograd, mT0 reaches 61.0 accuracy on Japanese.",
                   [zero, english]).verdict is not Verdict.CONTRADICTED
    # A claim naming a setting ("English ICL") speaks of that setting's row, which may not be ranked.
    claim2 = "On XWinograd, mT0 fine-tuned in English reaches 62.2 accuracy on Japanese."
    assert checked(claim2, [zero, english_ft]).verdict is not Verdict.CONTRADICTED


def test_the_row_whose_whole_label_the_claim_names_in_one_phrase_is_read_over_a_shorter_one() -> None:
    header = "Model XNLI (Acc) NER (F1) fr ru zh fr ru zh"
    caption = "Table 1: Dissecting bilingual MLM."
    emb, both, default, anchors = _table(
        header, caption, "Sep Emb 72.7 63.6 60.8 75.5 57.5 59.0", "Sep Emb + L1-3 69.2 61.7 56.4 73.8 46.8 53.5",
        "Default 73.6 68.7 68.3 79.8 60.9 63.6", "Default anchors 74.0 68.1 68.9 76.8 56.3 61.2", below_topic=0.2)
    # "Sep Emb + L1-3" is named by "separate embeddings and layers 1-3" (a capitalised word of
    # three letters is a cut word; the "+" joins): its cell, not Sep Emb's, is the claim's.
    claim = "With separate embeddings and layers 1-3, English-Russian NER transfer falls to 48.6 F1."
    d = checked(claim, [emb, both])
    assert d.verdict is Verdict.CONTRADICTED, d.reason
    assert "46.8" in d.reason and "sep emb + l1-3" in d.reason
    assert checked(claim.replace("48.6", "46.8"), [emb, both]).verdict is Verdict.SUPPORTED
    # Each of its words named in words of the claim's own ("separate ... separate layers 1-3"),
    # the label is still named in one phrase: Sep Emb's 75.5 is not the claim's.
    claim = "Even with separate embeddings and separate layers 1-3, English-French NER transfer holds at 75.5 F1."
    d = checked(claim, [emb, both])
    assert d.verdict is Verdict.CONTRADICTED and "73.8" in d.reason, d.reason
    # Words of the longer label named apart, in two phrases, do not name it.
    from claimcheck.verify.lexical import normalise
    from claimcheck.verify.verdict import _most_specific

    rows = [default.passage, anchors.passage]
    apart = normalise("With extra anchors from a dictionary, NER transfer stays at 63.6 F1, as in the Default setting.")
    assert _most_specific(apart, rows) == rows
    together = normalise("With the Default anchors, NER transfer stays at 63.6 F1.")
    assert _most_specific(together, rows) == [anchors.passage]


def test_a_denial_in_the_next_item_of_an_enumeration_is_no_conflict() -> None:
    passage = ("The main takeaways are: i) Shared position embeddings, shared special tokens, replacing masked "
               "tokens with random tokens and a limited amount of parameters are necessary elements for "
               "multilinguality. ii) Word order is relevant: BERT is not multilingual with one language having "
               "an inverted word order. iii) The comparability of training corpora contributes to multilinguality.")
    claim = ("Dufter and Schütze argue that the point where BERT turns multilingual depends on parameter count, "
             "training duration,")
    assert not polarity_conflict(claim, passage, truncated=True)
    # Within one item, the denial still counts.
    assert polarity_conflict("BERT is multilingual with one language having an inverted word order.",
                             passage.split("ii) ")[1])


def test_a_score_just_under_a_threshold_is_shown_with_the_digits_that_put_it_under() -> None:
    th = THRESHOLDS[False]
    d = decide("XLM-R selects models on each language's dev set.", [scored("x", th.support - 0.0004)], [],
               semantic=False)
    assert f"(score {th.support - 0.0004:.4f} < {th.support:.2f})" in d.reason, d.reason
    d = decide("XLM-R selects models on each language's dev set.", [scored("x", th.topic - 0.002)], [],
               semantic=False)
    assert f"scores {th.topic - 0.002:.3f}, below the topic threshold {th.topic:.2f}" in d.reason, d.reason


def test_a_run_on_record_of_the_claims_name_reads_its_numbers_in_order() -> None:
    from claimcheck.verify.verdict import run_on_record

    text = ("Tasks Dataset Output |L| k Metric NLI XNLI 3-way class 14 16 acc. misc. translation "
            "AMERICAS NLI 3-way class 10 16 acc. misc. translation NER MASAKHANER span 9 32 F1 news")
    # A name with or without its spaces; "3-way" is no cell; the record ends at the next word.
    assert run_on_record("AmericasNLI covers 12 languages.", text) == [("AmericasNLI", [10.0, 16.0])]
    assert run_on_record("Ranges: TyDiQA-GoldP has 3,696 and 634.", "TyDiQA-GoldP 3,696 634 323–2,719 ind.") == [
        ("TyDiQA-GoldP", [3696.0, 634.0, None])]
    th = THRESHOLDS[False]
    row = scored(text, th.topic - 0.2)
    d = checked("BUFFET's MasakhaNER dataset covers nine languages and provides 32 training instances.", [row])
    assert d.verdict is Verdict.SUPPORTED, d.reason
    d = checked("BUFFET's AmericasNLI dataset covers 12 languages and provides 16 training instances.", [row])
    assert d.verdict is Verdict.CONTRADICTED and "10" in d.reason, d.reason
    # In another order, or with one number only, the record says nothing.
    swapped = checked("BUFFET's MasakhaNER dataset provides 32 training instances in nine languages.", [row])
    assert swapped.verdict is not Verdict.SUPPORTED
    assert checked("BUFFET's AmericasNLI dataset covers 12 languages.", [row]).verdict is not Verdict.CONTRADICTED


def test_a_gap_is_replaced_by_no_cell_of_a_table_row_but_by_a_sentence_giving_the_gap() -> None:
    th = THRESHOLDS[False]
    claim = "On part-of-speech tagging, mBERT trails the in-language models, a 31.5-point gap."
    row = scored("mBERT 89.8 88.3 74.5", th.support + 0.05, PassageKind.TABLE_ROW)
    d = checked(claim, [row])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    sentence = scored("On part-of-speech tagging, mBERT trails the in-language models by 25.5 points.",
                      th.support + 0.05)
    d = checked(claim, [sentence])
    assert d.verdict is Verdict.CONTRADICTED and "25.5" in d.reason, d.reason


def test_a_count_is_read_in_the_set_in_braces_after_what_it_counts() -> None:
    th = THRESHOLDS[False]
    passage = ("For XNLI, we search: batch size {4, 8}; encoder learning rate {1.25e-6, 2.5e-6, 5e-6}; "
               "classifier learning rate {5e-6, 2.5e-5, 1.25e-4}.")
    claim = "When fine-tuning on XNLI, Wu et al. try four different learning rates for the classifier."
    d = checked(claim, [scored(passage, th.support + 0.05)])
    assert d.verdict is Verdict.CONTRADICTED and "lists 3" in d.reason, d.reason
    d = checked(claim.replace("four", "three"), [scored(passage, th.support + 0.05)])
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # Two sets of the thing, and the claim names neither one's first word: none is read.
    d = checked("When fine-tuning on XNLI, Wu et al. try four different learning rates.",
                [scored(passage, th.support + 0.05)])
    assert "lists" not in d.reason, d.reason


def test_a_number_followed_by_a_function_word_counts_nothing_the_passage_lists() -> None:
    th = THRESHOLDS[False]
    best = scored("For real data experiments: 1,42 and 100.", th.support + 0.1)
    claim = "Dufter and Schütze use seed 42 for single runs in their real data experiments."
    seed = next(m for m in extract_numbers(claim) if m.text == "42")
    d = decide(claim, [best], [NumberCheck(seed, NumberStatus.ABSENT)], semantic=False)
    assert d.verdict is not Verdict.CONTRADICTED, d.reason
    # A count of a noun is still checked against the list.
    claim = "Dufter and Schütze use four seeds for their real data experiments."
    best = scored("For real data experiments we use the following seeds: 1, 42 and 100.", th.support + 0.1)
    count = next(m for m in extract_numbers(claim) if m.text == "four")
    d = decide(claim, [best], [NumberCheck(count, NumberStatus.ABSENT)], semantic=False)
    assert d.verdict is Verdict.CONTRADICTED and "3 (1, 42, 100)" in d.reason, d.reason


def test_a_passage_on_topic_writing_four_or_more_of_the_claims_numbers_states_them() -> None:
    th = THRESHOLDS[False]
    best = scored("For real data experiments: 1,42 and 100.", th.support + 0.1)
    table = Scored(Passage(PID, 3, 2000, 2090, "Parameter Value Learning rate 2e-3 Random Seeds 0, 42, 43, 100, "
                           "101; For single runs: 42.", PassageKind.SENTENCE), th.topic, None, th.topic)
    claim = "Dufter and Schütze's seeds are 0, 42, 43, 100 and 101, with seed 42 for single runs."
    d = checked(claim, [best, table])
    assert "does not state" not in d.reason, d.reason
    # Three numbers need a passage scoring nearly as well as the best.
    claim = "Dufter and Schütze's seeds are 0, 43 and 101 for the real data experiments."
    d = checked(claim, [best, table])
    assert d.verdict is not Verdict.SUPPORTED and "0, 43, 101" in d.reason, d.reason
