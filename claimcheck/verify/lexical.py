"""Lexical similarity between a claim and passages (rapidfuzz), truncation-aware.

Reports cut claims at about 120 characters, often mid-word. ``claim_core`` drops the cut
word, and every score here measures how much of the *claim* the passage holds (recall-like):
a missing tail can never count against a claim, and a passage may be longer than the claim.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from claimcheck.verify.languages import LANGUAGES

# Numbers written as words are checked as numbers, like digits: "three epochs" is stated by
# "3 epochs", so "three" is no word the passage must hold.
from claimcheck.verify.numbers import NUMBER_WORDS

# Latin letters with accents too: "Schütze" is one word, not "sch" and "tze" (but the "µ" of
# "µ.12" is no letter of a word).
_ACCENTED = "\u00df-\u00f6\u00f8-\u024f"
_LETTER = f"a-z0-9{_ACCENTED}"
_WORD = re.compile(rf"[{_LETTER}]+(?:[.\-][{_LETTER}]+)*")

STOPWORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "with", "by", "from", "as", "at", "is", "are", "was", "were", "be", "been", "being", "that", "this", "these", "those", "it", "its", "their", "our", "we", "they", "he", "she", "his", "her", "them", "which", "who", "whom", "whose", "what", "when", "where", "how", "than", "then", "there", "here", "also", "such", "can", "could", "may", "might", "will", "would", "should", "do", "does", "did", "not", "no", "nor", "so", "very", "more", "most", "much", "many", "some", "any", "all", "each", "both", "few", "other", "into", "over", "under", "about", "after", "before", "between", "through", "during", "without", "within", "across", "per", "via", "while", "whereas", "if", "only", "just", "however", "thus", "hence", "i", "ii", "iii", "iv", "us", "et", "al"]
)




def normalise(text: str) -> str:
    """Lower-case, NFKC (ligatures), one space between words."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(text.split())


def claim_core(text: str, truncated: bool) -> str:
    """The part of a claim that can be matched: without the word the report cut in half."""
    text = text.strip()
    if truncated and " " in text:
        text = text.rsplit(" ", 1)[0]
    return text


# "Dufter and Schütze find that", "Hua, Yun and Pavlick's", "Wu et al. show": who says it, which
# the paper itself never writes ("we find").
_NAME = r"[A-Z][\w\u00C0-\u024F-]+"
_VERB = (r"(?:\s+(?:also\s+)?(?:find|finds|found|show|shows|showed|see|sees|saw|"
         r"(?:report|note|observe|argue|conclude|suggest|caution|attribute|hypothesi[sz]e|"
         r"speculate|claim|state|stress|warn|estimate|point|concede|conjecture|acknowledge|admit|"
         r"posit|remark|mention|emphasi[sz]e|highlight)(?:s|e?d)?(?:\s+out)?)\b(?:\s+that)?)")
# Names joined by "and" that do something ("Dufter and Schütze fine-tune the models"): the
# authors, whom the paper calls "we". A plural noun after them ("Romance and Slavic
# languages") makes them a description; languages ("English and German share") are no authors.
_TITLE = rf"[A-Z][a-z{_ACCENTED}]+"
_ACTING = re.compile(rf"\b{_TITLE}(?:, {_TITLE})*,? and {_TITLE}(?=\s+[a-z][\w-]*(?<!s)\b)")
# Two capitalised words joined by "and" are names ("Dufter and Schütze", "English and German"),
# however the sentence goes on.
NAME_PAIR = re.compile(rf"\b{_TITLE} and {_TITLE}\b")
_ATTRIBUTION = re.compile(
    rf"\b{_NAME} et al\.(?:['’]s\b)?{_VERB}?"
    rf"|\b{_NAME}(?:, {_NAME})*,? (?:and|&) {_NAME}(?:['’]s\b|{_VERB})"
)


def attribution_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names who says it ("Dufter and Schütze find that")."""
    spans = [m.span() for m in _ATTRIBUTION.finditer(text)]
    spans += [m.span() for m in _ACTING.finditer(text)
              if not any(a <= m.start() < b for a, b in spans)
              and not any(w.lower() in LANGUAGES for w in re.findall(r"\w+", m.group()))]
    return sorted(spans)


def without_attribution(text: str) -> str:
    """``text`` without the names it attributes itself to."""
    out, at = [], 0
    for a, b in attribution_spans(text):
        out.append(text[at:a])
        at = b
    out.append(text[at:])
    return re.sub(r"\s{2,}", " ", " ".join(out)).strip()


# British spellings as American ones, on both sides: "tokenisation" meets "tokenization",
# "behaviour" "behavior", "analyse" "analyze" (and "modelling" "modeling", below).
_BRITISH = [(re.compile(r"(?<=\w{3})is(e[sdr]?s?|ing|ations?)$"), r"iz\1"),
            (re.compile(r"(?<=\w{3})ys(e[sd]?|ing)$"), r"yz\1"),
            (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1")]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # A crude suffix stripper: enough to make "improves"/"improvement"/"improved" meet.
    for british, american in _BRITISH:
        word = british.sub(american, word)
    stem = word
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            stem = word[: -len(suffix)]
            break
    else:
        # Short verbs: "living" and "lived" as "liv".
        for suffix, least in (("ing", 6), ("ed", 5)):
            if len(word) >= least and word.endswith(suffix) and _short_syllable(word[: -len(suffix)]):
                stem = word[: -len(suffix)]
                break
    # ... and "live", "times" as "liv", "tim": the silent e goes where "-ing" or "-ed" would.
    if len(stem) >= 4 and stem.endswith("e") and _short_syllable(stem[:-1]):
        stem = stem[:-1]
    # "modelling" and "modeling", "labelled" and "labeled": the British double l.
    if len(stem) > 5 and stem.endswith("ll"):
        stem = stem[:-1]
    return stem


def _short_syllable(stem: str) -> bool:
    """Whether a stem ends in one vowel and one consonant ("liv", "tim"), where a silent e was."""
    return len(stem) >= 3 and stem[-1] not in "aeiouyw" and stem[-2] in "aeiou" and stem[-3] not in "aeiou"


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` (stopwords dropped, hyphenated parts split too)."""
    out: list[str] = []
    for tok in _WORD.findall(normalise(text)):
        parts = [tok] if "-" not in tok else [tok, *tok.split("-")]
        for p in parts:
            if p and p not in STOPWORDS and p not in NUMBER_WORDS and not (
                    len(p) == 1 and p.isalpha()):
                out.append(_stem(p))
    return out


def term_recall(claim_terms: Sequence[str], passage_terms: frozenset[str]) -> float:
    """Share of the claim's content terms that the passage contains."""
    if not claim_terms:
        return 0.0
    uniq = set(claim_terms)
    return sum(1 for t in uniq if t in passage_terms) / len(uniq)


def coarse_scores(claims: Sequence[str], passages: Sequence[str]) -> npt.NDArray[np.float32]:
    """claims × passages token-set similarity in [0, 1], in rapidfuzz's C++ core.

    Both sides must already be ``normalise``d: a paper's passages are normalised once, when it
    is indexed, not for every claim.
    """
    if not claims or not passages:
        return np.zeros((len(claims), len(passages)), dtype=np.float32)
    m = process.cdist(claims, passages, scorer=fuzz.token_set_ratio, dtype=np.uint8)
    return np.asarray(m, dtype=np.float32) / 100.0


_NUM = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)(?:[kKmMbB]\b)?")


def _written_numbers(text: str) -> list[str]:
    """The numbers of ``text`` as written, thousands separators dropped ("24,757" is "24757",
    as a table prints it)."""
    return [n.replace(",", "") for n in _NUM.findall(text)]


def claim_numbers(text: str) -> frozenset[str]:
    """The numbers written in ``text`` with a decimal point or 3+ digits (values, not years)."""
    return frozenset(
        n for n in _written_numbers(text)
        if ("." in n or len(n) >= 2) and not (len(n) == 4 and n[:2] in ("19", "20"))
    )


def number_recall(numbers: frozenset[str], passage: str) -> float:
    """Share of ``numbers`` that ``passage`` writes the same way."""
    if not numbers:
        return 0.0
    found = set(_written_numbers(passage))
    return sum(1 for n in numbers if n in found) / len(numbers)


def fine_score(claim: str, passage: str, claim_terms: Sequence[str], passage_terms: frozenset[str]) -> float:
    """A precise lexical score for one ``normalise``d claim/passage pair, in [0, 1].

    Mostly term recall (the share of the claim's content words the passage holds, 0.7), plus
    the partial ratio (the claim as an approximate substring of the passage, 0.2) and the
    token-set ratio (0.1).
    """
    partial = (fuzz.partial_ratio(claim, passage) if len(claim) <= len(passage)
               else fuzz.ratio(claim, passage)) / 100.0
    tset = fuzz.token_set_ratio(claim, passage) / 100.0
    recall = term_recall(claim_terms, passage_terms)
    return 0.2 * partial + 0.1 * tset + 0.7 * recall
