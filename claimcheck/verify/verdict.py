"""From ranked evidence and number checks to a verdict and a calibrated confidence.

The rules, in order:

1. a measurement found in a row the claim names under another column than the one it names
   -> ``contradicted`` (``columns``: a row is named by its label or by each word of it as the
   claim writes it, "ja" as "Japanese", or in a table of numbered settings by its id, "ID 21";
   a two-level header's "Parsing (LAS) › fr" where the
   claim names the group; a number given to a model is read in that model's rows, and of a
   model's rows of settings, "XLM-R" over "each N" and "en 1", in those whose setting the claim
   names; the row named by most words of its label gives the conflict even without the number);
   then a measurement the claim gives a table row it names ("XLM-R Large ... 71.4"), which that
   row does not hold (68.2, 79.2, ...) -> ``contradicted``, the row being of the claim's table
   (``table_fit``, the best caption); a number the claim gives another model by name
   ("RoBERTa's 92.8") is checked against that model's row only;
2. nothing on the claim's topic in any passage (fused score below ``topic``), or a weak match
   while the names the claim is about ("XLM-R", "BUCC") occur nowhere in the papers
   -> ``not_found`` (unless rule 6's table comparison holds, or one of the claim's measurements
   is written in a passage near the topic threshold or in a table row the claim names);
3. a number the source states differently, or gives to another row/entity -> ``contradicted``;
4. a claim whose polarity is the opposite of any of its first three distinct prose passages,
   where they score about as well as the best ("does not improve" against "improves",
   "stronger" against "weaker", "narrows the gap on X" against "not the same impact on X"), or
   of the text that discusses the best caption's figure, or that includes what the passage
   excepts ("with the exception of summarization") -> ``contradicted``;
5. a measurement or count missing from the best passage, which states another one in its place
   (or lists another number of items for the count's noun), or missing from a sentence that
   states the claim's other measurement (".75 vs. .81" for ".75 against .85")
   -> ``contradicted``;
6. a comparison read off one column of the table rows of the models it names ("68.2 for XLM-R
   Large against 59.8 for mBERT"), every measurement under the column it names, or two or more
   measurements in the one row it names whose columns cannot be read -> ``supported``;
7. a strong match (fused score at or above ``support``) that holds the claim's words
   (``MIN_RECALL``) and every one of its numbers -> ``supported``. A number counts as held when
   it is written near the best passage, is a gap the claim works out from two of its own stated
   numbers ("one point below"), or counts a list the claim spells out and the source states.
   A claim naming something no paper writes ("L2-normalised", "bfloat16") is not supported
   outright;
8. otherwise -> ``partially_supported`` (part of the claim, or one of its numbers, is not in the
   source).

A claim of several clauses is then weighed clause by clause (``audit.parts``).

Confidence is ``sigmoid(a * margin + b)`` per verdict, where margin is the distance of the deciding
score from the threshold that decided it; ``a`` and ``b`` were fitted on the tuning splits of the
labelled set (``claimcheck eval --fit``; dev and dev2 when they were last fitted), and are checked
on the held-out test split.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from claimcheck.models import (
    NumberCheck,
    NumberMention,
    NumberStatus,
    Passage,
    PassageKind,
    Verdict,
)
from claimcheck.papers.tables import cells, leading_words
from claimcheck.papers.text import sentences_of
from claimcheck.verify.columns import (
    ColumnReading,
    columns,
    counts_column,
    is_language,
    languages_named,
    mention_positions,
    names_column,
    of_differences,
    read_column,
    written_as_difference,
)
from claimcheck.verify.index import (
    CAPTION_AFTER,
    ENUMERATOR,
    Scored,
    label_of,
    label_pattern,
    row_id,
    row_label,
    without_id,
    without_measure,
)
from claimcheck.verify.languages import LANGUAGES
from claimcheck.verify.lexical import (
    STOPWORDS,
    content_terms,
    normalise,
    term_recall,
    without_attribution,
)
from claimcheck.verify.numbers import (
    extract_numbers,
    hedged_tolerance,
    plain_word,
    same_magnitude,
    squash,
    tolerance_of,
)


@dataclass(frozen=True)
class Thresholds:
    topic: float
    support: float


THRESHOLDS = {
    True: Thresholds(topic=0.55, support=0.60),  # with the semantic model
    False: Thresholds(topic=0.45, support=0.60),  # lexical only (--no-semantic)
}

# Share of the claim's content words its best passage must hold to support it outright; with
# the model, a paraphrase may use other words.
MIN_RECALL = {True: 0.6, False: 0.6}
# How far below the best passage one writing all of the claim's numbers may score and still
# state them.
ALL_NUMBERS_SLACK = 0.1
# Passages this close to the best one (characters, same page) are its context: their numbers
# are stated with it, and their words count towards the share above.
CONTEXT_CHARS = 400

# How far below the topic threshold a sentence that states one of the claim's measurements may
# score and still be read as the claim's statement (rule 5).
ANCHOR_SLACK = 0.1

# Characters before a number that say what it is of ("language-specific BPE with 40k merges").
SAID_CHARS = 40

# How much less of the claim a named row's caption may hold than the best caption of the named
# rows and still be the claim's table (``_rival_row``).
CAPTION_SLACK = 0.05

# How many of the best passages are read for the two compared things swapped.
SWAP_RANK = 6

# The margin a comparison read off one table column is given for its confidence (rule 6).
TABLE_MARGIN = 0.1

# (a, b) per verdict and mode; see the module docstring.
CALIBRATION: dict[tuple[bool, Verdict], tuple[float, float]] = {
    # Fitted with `claimcheck eval --fit` (Platt's targets, so a verdict right on nearly every
    # claim of a small set is not promised certainty): `supported` on fixtures/labels/dev.jsonl
    # and dev2.jsonl together, the other verdicts on all the tuning splits (dev to dev9)
    # together. A refit of `supported` on all of them asks for more confidence, which the blind
    # splits' first false `supported` rates (up to 10.6%) do not bear out. Where the margin told
    # nothing about correctness (partial, contradicted and not_found with the model), the verdict
    # gets its smoothed precision there.
    (True, Verdict.SUPPORTED): (7.51, 0.70),
    (True, Verdict.PARTIALLY_SUPPORTED): (0.0, 0.01),
    (True, Verdict.CONTRADICTED): (0.0, 3.24),
    (True, Verdict.NOT_FOUND): (0.0, 0.91),
    # The same, lexical only (`claimcheck eval --no-semantic --fit`).
    (False, Verdict.SUPPORTED): (15.5, 0.48),
    (False, Verdict.PARTIALLY_SUPPORTED): (0.0, -0.21),
    (False, Verdict.CONTRADICTED): (0.86, 2.90),
    (False, Verdict.NOT_FOUND): (3.17, 0.93),
}

# "without" is left out: it mostly names a setting ("without anchor tokens"), not a denial.
# "instead of X" and "rather than X" deny X as "not X" does ("BERT-base, not BERT-small"); so does
# "eliminates the need for X" ("... still needs X").
_NEG = re.compile(
    r"\b(?:not|no|never|neither|nor|cannot|none|unable|fails?|failed|lacks?|"
    r"\w+n't|instead of|rather than|(?<!\ba )little|(?:eliminat|remov|obviat)\w* the need for)\b"
)
_BOTH = re.compile(r"\b([a-z][\w-]*) (?:and|or) (?:(?:do|does|did|is|are|was|were) )?not ([a-z][\w-]*)")
# Words between a negation and what it denies ("does not *always* improve", "fails *to* learn").
_NEG_SKIP = frozenset({
    "a", "an", "the", "to", "be", "been", "being", "any", "always", "necessarily", "much", "more",
    "significantly", "further", "really", "yet", "even", "only", "also", "consistently", "clearly",
    "substantially", "have", "has", "had", "same", "do", "does", "did", "show", "shows", "lead",
    # A hedge says how clear the denied thing is, not what it is: "no clear advantage".
    "clear", "significant", "real", "obvious", "substantial", "noticeable", "consistent",
})
_ANTONYMS = [
    ("outperform", "underperform"),
    ("improve", "hurt"),
    ("improve", "degrade"),
    ("increase", "decrease"),
    ("better", "worse"),
    ("higher", "lower"),
    ("highest", "lowest"),
    ("best", "worst"),
    ("more", "less"),
    ("gain", "loss"),
    ("positive", "negative"),
    ("help", "hurt"),
    ("benefit", "harm"),
    ("larger", "smaller"),
    ("largest", "smallest"),
    ("stronger", "weaker"),
    ("faster", "slower"),
    ("more significant", "smaller"),
    ("sensitive", "robust"),
    ("good", "worst"),
    ("good", "poor"),
    ("important", r"(?:matters?|mattered) little"),
    ("low-resource", "high-resource"),
    ("major", "minor"),
    # Which of a sequence's items: "the first token of a move" against "the last token".
    ("first", "last"),
    # Likeness: "representations are similar across languages" against "differ sharply".
    ("similar", r"differ(?:s|ed)?\b|dissimilar"),
    # Parity against a difference: "perform comparably to" against "do far worse than".
    (r"comparab|comparative to|on par with", r"better|worse|outperform|underperform"),
]
# Where in a network: "the top layers" against "the lower layers". In a comparison both are named
# ("the bottom layers perform worse than the top layers"): there the comparative tells.
_POSITIONS = [("top layer", "lower layer"), ("top layer", "bottom layer"),
              ("upper layer", "lower layer"), ("higher layer", "lower layer")]


# Words that judge an effect good or bad: any word of one side against any of the other is a
# reversal ("higher values of alpha hurt" against "the higher alpha, the better"), as the pairs
# above are; the pairs stay for words that measure rather than judge ("higher", "more").
_GOOD_EFFECT = ("improve", "help", "benefit", "better", "boost", "outperform")
_BAD_EFFECT = ("hurt", "harm", "degrade", "worse", "underperform", "decline", "deteriorat",
               r"f[ae]ll\w* short", r"f[ae]ll\w* behind", r"lag\w* behind")
_REVERSALS = [*_ANTONYMS, *((g, b) for g in _GOOD_EFFECT for b in _BAD_EFFECT)]


_COMPARATIVES = {("better", "worse"), ("higher", "lower"), ("more", "less"), ("larger", "smaller"),
                 ("stronger", "weaker"), ("faster", "slower")}


# "X does not occur": the denial is of X itself, whatever verb the other side uses.
_EVENT_VERBS = frozenset({"occur", "happen", "hold", "exist", "emerge", "arise", "appear", "work"})


# Words for one change: denying one ("do not lose performance") denies the others ("performance
# drops").
_SAME_CHANGE = (
    frozenset(content_terms("lose loses lost loss drop drops dropped decline declines declined "
                            "decrease decreases decreased degrade degrades degraded shrink shrinks "
                            "shrank")),
    frozenset(content_terms("gain gains gained improve improves improved improvement increase "
                            "increases increased boost boosts boosted grow grows grew")),
)
# Words for bringing something about: "does not help the model achieve X" denies "gives X".
_ENABLING = frozenset(content_terms("help helps helped give gives gave enable enables enabled "
                                    "allow allows allowed induce induces induced"))


# Words for being ahead: "no advantage for X" denies "X obtains better performance".
_AHEAD = frozenset(content_terms("advantage advantages better outperform outperforms outperformed "
                                 "superior"))


def _same_word(a: str, b: str) -> bool:
    """Stems of one word ("observ" and "observe", "multilingual" and "multilinguality"), or
    words for one change ("lose" and "drop")."""
    return a == b or a + "s" == b or b + "s" == a or (  # "use" and "uses", too short to stem
        min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a))) or any(
        a in group and b in group for group in (*_SAME_CHANGE, _ENABLING, _AHEAD))


_MORE = "more|larger|higher|better|stronger|greater|bigger|wider"
_LESS = "less|fewer|smaller|lower|worse|weaker|narrower"
_COMPARISON = re.compile(rf"\b({_MORE}|{_LESS})\b[^.;]{{0,40}}?\bthan\s+(?:the\s+|for\s+|on\s+|in\s+)?(\S+)")


_NAME = re.compile(r"\b[A-Z][\w+]*(?:-[\w+]+)*")


def _comparison(text: str) -> tuple[int, str, str] | None:
    """(direction, first, second) of "first ... more/less ... than second", when both are names
    ("English-Chinese has a larger effect than English-French")."""
    m = _COMPARISON.search(text)
    if m is None:
        return None
    after = m.group(2).strip(",.;:()")
    before = _NAME.findall(text[: m.start()])
    if not _NAME.fullmatch(after) or not before:
        return None
    direction = 1 if re.fullmatch(_MORE, m.group(1).lower()) else -1
    return direction, before[-1].lower(), after.lower()


_THAN = re.compile(rf"\b({_MORE}|{_LESS})\b(?P<mid>[^.;]{{0,60}}?)\bthan\b(?P<after>[^.;,]{{1,60}})",
                   re.IGNORECASE)


def _compared(text: str) -> tuple[int, frozenset[str], frozenset[str]] | None:
    """(direction, words of the first thing, words of the second) of "A is better than B" or
    "performs better on A than on B", read in A's clause."""
    m = _THAN.search(text)
    if m is None:
        return None
    clause = re.split(r"[,;:]", text[: m.start()])[-1]
    first = frozenset(content_terms(clause + " " + m.group("mid")))
    second = frozenset(content_terms(m.group("after")))
    direction = 1 if re.fullmatch(_MORE, m.group(1).lower()) else -1
    return direction, first, second


# "A outperforms B", "A beats B", "A comes out ahead of B": A wins (not "A is outperformed by B").
_OUTRANKS = re.compile(r"\b(?:(?:outperform|beat|surpass|exceed|outscore)(?:s|es|ed)?\b(?!\s+by\b)"
                       r"|ahead\s+of\b)(?P<after>[^.;,:]{1,60})", re.IGNORECASE)
_LOSER_END = re.compile(r"\b(?:for|by|on|in|at|with|when|while|whereas|although|before|after|"
                        r"across|under)\b", re.IGNORECASE)


def _outranked(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(words of the winner, words of the loser) of "A outperforms B", read in A's clause."""
    m = _OUTRANKS.search(text)
    if m is None:
        return None
    clause = re.split(r"[,;:]|\bthat\b", text[: m.start()])[-1]
    after = m.group("after")
    end = _LOSER_END.search(after)
    loser = after[: end.start()] if end else after
    return frozenset(content_terms(clause)), frozenset(content_terms(loser))


def _swapped(claim: str, passage: str) -> bool:
    """The two things compared swapped at the same direction: "handles ideograms better than
    Latin script" against "performs better on data in Latin script than on ideograms"; "XLM-7
    beats the monolingual BERT baselines" against "monolingual baselines outperform XLM-7"."""
    c, p = _compared(claim), _compared(passage)
    if c is not None and p is not None and c[0] == p[0]:
        # What tells the two things apart, not what they share ("the *last* layers ... than
        # the *early* layers": both are layers).
        (c1, c2), (p1, p2) = (c[1] - c[2], c[2] - c[1]), (p[1] - p[2], p[2] - p[1])
        if c2 & p1 and c1 & p2 and not c2 & p2:
            return True
    w = _outranked(claim), _outranked(passage)
    if w[0] is None or w[1] is None:
        return False
    (cw, cl), (pw, pl) = w[0], w[1]
    return bool(cw & pl) and bool(cl & pw) and not cl & pl and not cw & pw


_DENIED_ON = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:impact|effect|benefit|influence|difference|gain|improvement)s?"
    r"\s+(?:on|for|in)\s+((?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})"
)


# Words too general to tie a denied effect to a claim ("... on the tasks").
_GENERIC_OBJECTS = frozenset(content_terms("task tasks model models language languages dataset "
                                           "datasets benchmark benchmarks setting settings"))


def negations(text: str) -> int:
    """How many denials the text makes: "neither A nor B" is one."""
    low = normalise(text)
    return sum(1 for m in _NEG.finditer(low)
               if not (m.group(0) == "nor" and "neither" in low[: m.start()]))


# "neither mBERT nor XLM-R puts ...": what is denied comes after the things named.
# ("important neither for A nor for B": "for" is no name.)
_NEITHER = re.compile(r"\s.{0,60}?\bnor\s+(?:(?:for|of|in|on|to|the|a|an)\s+)*\S+")


def negated_terms(text: str) -> set[str]:
    """What the text denies: the first content word after each negation ("does not
    *outperform*", "no *improvement*"), stemmed; for a denied effect, also what it is on ("not
    the same *impact* on the *syntactic* structured prediction tasks")."""
    low = normalise(text)
    out: set[str] = set()
    for m in _NEG.finditer(low):
        if m.group(0) == "nor" and "neither" in low[: m.start()]:
            continue
        if m.group(0) == "little":
            # "makes little difference" balances "does not make much difference", but denies
            # nothing that "only a small improvement" asserts.
            continue
        end = m.end()
        if m.group(0) == "neither" and (named := _NEITHER.match(low, end)) is not None:
            end = named.end()
        for word in re.findall(r"[a-z][a-z-]*", low[end : end + 60])[:4]:
            terms = [] if word in _NEG_SKIP else content_terms(word)
            if terms:  # the first content word ("do not have the same *impact*")
                out.add(terms[0])
                break
        # "do not have the same impact on the syntactic structured prediction tasks": an
        # effect denied, and what it is denied on.
        on = _DENIED_ON.match(low, m.end())
        if on is not None:
            out.update(t for t in content_terms(on.group(1))
                       if len(t) >= 4 and t not in _GENERIC_OBJECTS)
    return out


def aligned_span(claim: str, passage: str, *, truncated: bool = False) -> str:
    """The part of ``passage`` that the claim lines up with.

    A passage may go on past what the claim covers (a truncated claim stops mid-sentence):
    a "not" out there says nothing about the claim.
    """
    c, p = normalise(claim), normalise(passage)
    if len(c) >= len(p):
        return p
    al = fuzz.partial_ratio_alignment(c, p)
    if al is None:
        return p
    # A little slack on the left catches a negation the paraphrase moved ("did not observe");
    # a whole claim also owns the rest of its sentence ("... still does not occur").
    start, end = max(0, int(al.dest_start) - 15), int(al.dest_end)
    if not truncated:
        stop = p.find(". ", end)
        end = min(len(p), stop if stop >= 0 else len(p), end + 80)
        # A denial of the claim's that the window of its length cut off the start of the
        # sentence ("Although English is not generally the best ..." for "English is not the
        # best ..."): the sentence from its start.
        sentence = max(p.rfind(". ", 0, int(al.dest_start)) + 2, int(al.dest_start) - 80)
        if sentence < start and negations(c) > negations(p[start:end]) \
                and negations(p[sentence:end]) == negations(c):
            start = sentence
    return _one_item(p[start:end])


# Where an item of an enumeration starts: "ii) Word order is relevant", "(2) With ...".
_ITEM = re.compile(r"(?:^|(?<=\s))\(?(?:[ivx]{1,4}|\d)\)\s")


def _one_item(span: str) -> str:
    """Of a span running over items of an enumeration ("... necessary elements for
    multilinguality. ii) word order is relevant: bert is not multilingual ..."), the longest
    item: each is a statement of its own."""
    cuts = [m.start() for m in _ITEM.finditer(span) if m.start() > 0]
    if not cuts:
        return span
    pieces = [span[a:b] for a, b in pairwise([0, *cuts, len(span)])]
    return max(pieces, key=len)


# Only phrases that exclude: "other than English" and "apart from X" often mean "besides".
_EXCEPT = re.compile(r"\b(?:with the exception of|except(?: for)?)\s+((?:[\w()\-]+\s*){1,4})")


def excepted(claim: str, passage: str) -> str | None:
    """What the passage excepts that the claim includes: "outperforms ... with the exception of
    summarization (XLSUM)" against a claim that it outperforms on summarization."""
    c = normalise(claim)
    if _EXCEPT.search(c):
        return None
    for m in _EXCEPT.finditer(normalise(passage)):
        named = [t for t in content_terms(m.group(1)) if len(t) >= 4]
        if named and all(re.search(rf"\b{re.escape(t)}", c) for t in named[:2]):
            return m.group(1).strip()
    return None


def polarity_conflict(claim: str, passage: str, *, truncated: bool = False) -> bool:
    """True when the claim says the opposite of the passage (denials, antonyms, or
    the claim including what the passage excepts)."""
    if excepted(claim, passage) is not None:
        return True
    comparisons = _comparison(claim), _comparison(passage)
    full, passage = passage, aligned_span(claim, passage, truncated=truncated)
    if negations(claim) != negations(passage):
        # Only a denial of what the other side asserts: "does not exclude datasets" says nothing
        # against "models are trained on some of the datasets". Two denials do not cancel
        # ("not trained enough and thus not multilingual" still denies "multilingual"), and
        # what both sides deny is no conflict.
        for denier, other, whole in ((claim, passage, claim), (passage, claim, full)):
            # "seen and not seen", "appeared and did not appear": both sides of a contrast, so
            # neither is denied (read on the whole passage: the aligned span may cut the first).
            both = {t for a, b in _BOTH.findall(normalise(whole))
                    if content_terms(a) == content_terms(b) for t in content_terms(a)}
            denied = negated_terms(denier) - both - negated_terms(other)
            if denied & _EVENT_VERBS or any(_same_word(d, t) for d in denied
                                            for t in content_terms(other)):
                return True
    c, p = normalise(claim), normalise(passage)
    # "impossible" against "possible", "unable" against "able": a negating prefix.
    # (Not where the passage denies the word itself: "avoiding any parallel sentences" is
    # "non-parallel"; nor where it writes the word only in a name: "the Parallel Bible Corpus".)
    written = unicodedata.normalize("NFKC", full)
    for word in re.findall(r"\b(?:im|un|in|non-?)([a-z]{4,})\b", c):
        if re.search(rf"\b{word}\b", p) and re.search(rf"\b{word}\b", written) \
                and not re.search(rf"\b(?:im|un|in|non-?){word}\b", p) \
                and not re.search(rf"\b(?:no|not|without|avoid\w*|lack\w*)\s+(?:\w+\s+){{0,2}}{word}\b", p):
            return True
    # "overparameterized" against "underparameterized", "overfitting" against "underfit".
    for over, word in re.findall(r"\b(over|under)-?([a-z]{3,})", c):
        other, root = ("under" if over == "over" else "over"), _root(word)
        if re.search(rf"\b{other}-?{root}", p) and not re.search(rf"\b{over}-?{root}", p):
            return True
    # "X is smaller than Y" and "Y is larger than X" say the same: a comparison with its object
    # on both sides may be turned round, so comparatives count only where one side has none, or
    # where both name the two things compared (then order and direction tell).
    cc, pc = comparisons
    if cc is not None and pc is not None:
        same = (cc[1], cc[2]) == (pc[1], pc[2])
        swapped = (cc[1], cc[2]) == (pc[2], pc[1])
        if (same and cc[0] != pc[0]) or (swapped and cc[0] == pc[0]):
            return True
    # Unless both compare with the same thing ("worse than ... the bottom layers" against
    # "better than ... the bottom layers"): then the comparatives must agree.
    converse = " than " in c and " than " in p and _than_object(c) != _than_object(p)
    if _clause_reversal(claim, full) or _swapped(claim, full) or _contrast_reversal(claim, full):
        return True
    compared = " than " in c or " than " in p
    return _reversed(c, p, [(a, b) for a, b in [*_REVERSALS, *_POSITIONS]
                            if not (converse and (a, b) in _COMPARATIVES)
                            and not (compared and (a, b) in _POSITIONS)])


def _root(word: str) -> str:
    """A word without its ending, a doubled last consonant undone ("fitting" and "fit",
    "estimate" and "estimation")."""
    if (m := re.fullmatch(r"([a-z]{3,}?)(?:ations?|ions?|ing|ed|es|e|s)", word)) is not None:
        word = m.group(1)
    return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word


def _reversed(c: str, p: str, pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether normalised ``c`` uses one word of a pair where ``p`` uses only the other."""
    return any(re.search(rf"\b(?:{x})", c) and not re.search(rf"\b(?:{x})", p)
               and re.search(rf"\b(?:{y})", p)
               for a, b in pairs for x, y in ((a, b), (b, a)))


_FIGURE = re.compile(r"^\s*(Figure|Fig\.|Table)\s*(\d+)\b")
# Sentences of a discussion that share fewer of the claim's words are about something else.
MIN_SHARED_TERMS = 3


def _figure_label(p: Passage) -> str | None:
    """"Figure 6" for a caption starting "Figure 6: ..."; None for other passages."""
    m = _FIGURE.match(p.text) if p.kind is PassageKind.CAPTION else None
    if m is None:
        return None
    return f"{'Table' if m.group(1) == 'Table' else 'Figure'} {m.group(2)}"


def _discussion_conflict(
    claim: str, best: Scored, ranked: Sequence[Scored], topic: float, truncated: bool
) -> Scored | None:
    """A passage on topic that discusses the best passage's figure or table ("Figure 6 shows
    ...") with a sentence saying the opposite of the claim."""
    label = _figure_label(best.passage)
    if label is None:
        return None
    kind, number = label.split()
    cite = re.compile(rf"\b(?:{kind}|Fig\.)\s*{number}\b" if kind == "Figure"
                      else rf"\b{kind}\s*{number}\b")
    terms = frozenset(content_terms(without_attribution(claim)))
    for s in ranked:
        # Not the caption itself (a paragraph starting "Figure 6 shows" may be read as one).
        if s.score < topic or s.passage.kind is PassageKind.TABLE_ROW or _overlaps(
                s.passage, best.passage):
            continue
        if s.passage.paper_id != best.passage.paper_id or not cite.search(s.passage.text):
            continue
        for x in sentences_of(s.passage.text):
            if len(terms & frozenset(content_terms(x))) >= MIN_SHARED_TERMS and polarity_conflict(
                    claim, x, truncated=truncated):
                return s
    return None


_CONTRAST = re.compile(r"\b(?:while|whereas|but)\b|;", re.IGNORECASE)
# A fall against a rise ("drops" against "improve"), read within one clause of a contrast.
_DIRECTIONS = [(a, b) for a in sorted(_SAME_CHANGE[0]) for b in sorted(_SAME_CHANGE[1])]


def _clause_reversal(claim: str, passage: str) -> bool:
    """A contrast that gives the claim's subject the opposite change: "NER drops about 1 point"
    against "XNLI and parsing drops ... while NER even improve 1 points". The clause naming the
    claim's subject, and no other clause naming it, is what the passage says of it."""
    clauses = _CONTRAST.split(passage)
    if len(clauses) < 2:
        return False
    c = normalise(claim)
    names = entities(claim)
    for k, raw in enumerate(clauses):
        own = entities(raw) & names
        if not own or any(own & entities(x) for j, x in enumerate(clauses) if j != k):
            continue
        if _reversed(c, normalise(raw), _DIRECTIONS):
            return True
    return False


# Words judging how well something does: one of a pair against the other is a reversal.
_QUALITY = [("strong", "struggl"), ("strong", "weak"), ("well", "poorly"), ("good", "poor"),
            ("succeed", "fail")]


def _contrast_reversal(claim: str, passage: str) -> bool:
    """Both sides of a contrast swapped: "fine-tuning is strong, while in-context learning
    struggles" against "fine-tuning often struggles, while in-context learning yields strong
    performance". Each of the claim's clauses is read against the passage clause sharing most
    of its words (two or more)."""
    mine, theirs = _CONTRAST.split(claim), _CONTRAST.split(passage)
    if len(mine) < 2 or len(theirs) < 2:
        return False
    flips = 0
    for clause in mine:
        terms = frozenset(content_terms(without_attribution(clause)))
        shared = [len(terms & frozenset(content_terms(x))) for x in theirs]
        if max(shared) < 2 or shared.count(max(shared)) > 1:
            return False
        flips += _reversed(normalise(clause), normalise(theirs[shared.index(max(shared))]),
                           [*_QUALITY, *_DIRECTIONS])
    return flips == len(mine)


def _than_object(text: str) -> str | None:
    """The first content word after "than": what a comparison compares with."""
    m = re.search(r"\bthan\b((?:\s+\S+){1,5})", text)
    if m is None:
        return None
    words = [t for t in content_terms(m.group(1)) if t not in ("those", "that", "ones", "one")]
    return words[0] if words else None


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    confidence: float
    reason: str
    negation_conflict: bool = False
    passage: Scored | None = None  # the passage that decided it, shown first as evidence
    held: frozenset[str] = frozenset()  # the claim's numbers found where the claim is stated
    tabled: bool = False  # a contradiction read off a table's cells


_ENTITY = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b")


def entities(text: str) -> set[str]:
    """Names a claim is about: words with an inner capital or digit ("XLM-R", "mBERT", "BUCC").

    Two passages on the same field share its vocabulary; they rarely share its names.
    """
    return {m.group(0).lower() for m in _ENTITY.finditer(text) if len(m.group(0)) >= 2}


_TECHNICAL = re.compile(r"(?<![\w-])[a-z]{2,}\d+[a-z\d]*(?![\w-])|(?<![\w.-])v\d+(?:\.\d+)+(?![\w-]|\.\d)")


def named_in(names: set[str], paper_entities: set[str]) -> set[str]:
    """The names the papers give, as a whole, in the singular ("MLMs" of "MLM"), or as the
    start of a longer name ("CoNLL" of "CoNLL-2003")."""
    return {e for e in names if e in paper_entities or e.removesuffix("s") in paper_entities
            or any(n.startswith(e + "-") for n in paper_entities)}


def technical_terms(text: str) -> set[str]:
    """Lower-case names of formats, precisions and versions ("bfloat16", "int8", "gpt2"): a
    paper that uses one writes it."""
    return {m.group(0) for m in _TECHNICAL.finditer(text.lower())}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def calibrated(semantic: bool, verdict: Verdict, margin: float) -> float:
    a, b = CALIBRATION[(semantic, verdict)]
    return round(_sigmoid(a * margin + b), 4)


def decide(
    claim_core: str,
    ranked: Sequence[Scored],
    numbers: Sequence[NumberCheck],
    *,
    semantic: bool,
    truncated: bool = False,
    paper_entities: set[str] | None = None,
) -> Decision:
    """The verdict for one claim, given its ranked passages and number checks."""
    th = THRESHOLDS[semantic]
    if not ranked:
        return Decision(Verdict.NOT_FOUND, calibrated(semantic, Verdict.NOT_FOUND, th.topic),
                        "no passage of the cited papers matches the claim")
    best = max(ranked, key=lambda s: s.score)
    score = best.score
    where = f"{best.passage.paper_id} p.{best.passage.page}"
    confirmed, conflict = _column_readings(claim_core, numbers, ranked, truncated)
    if conflict is not None:
        r = conflict
        shown_values = " / ".join("-" if v is None else f"{v:g}" for v in r.values)
        return _table_contradiction(
            semantic,
            f"claim gives {r.mention.text} for {r.column}; {r.row.paper_id} p.{r.row.page} has "
            f"{shown_values} in that column of the row {row_label(r.row)!r}",
            next(x for x in ranked if x.passage is r.row),
        )
    row = _rival_row(numbers, ranked, claim_core, truncated)
    if row is not None:
        n, s, values = row
        return _table_contradiction(
            semantic,
            f"claim says {n.mention.text}; {s.passage.paper_id} p.{s.passage.page} gives {values}",
            s,
        )
    sized = _size_after_name(claim_core, numbers, ranked)
    if sized is not None:
        n, s, owner, size = sized
        return _table_contradiction(
            semantic,
            f"claim says {n.mention.text}; {s.passage.paper_id} p.{s.passage.page} gives {owner} "
            f"{size}",
            s,
        )
    record = _record_row(claim_core, numbers, ranked)
    if record is not None:
        n, s, cell = record
        return _table_contradiction(
            semantic,
            f"claim says {n.mention.text}; the row it names, {' '.join(_label_words(s.passage))!r} "
            f"({s.passage.paper_id} p.{s.passage.page}), holding its other values in the "
            f"claim's order, gives {cell:g} in its place",
            s,
        )
    prose_record = _record_in_prose(claim_core, numbers, ranked)
    if prose_record is not None and (wrong := prose_record.wrong) is not None \
            and prose_record.cell is not None:
        pr, p0 = prose_record, prose_record.passage.passage
        return _table_contradiction(
            semantic,
            f"claim says {wrong.mention.text}; {p0.paper_id} p.{p0.page} prints {pr.name}'s "
            f"record as {_shown_record(pr.cells)}, with {pr.cell:g} in its place",
            pr.passage,
        )
    tabled = _table_support(claim_core, numbers)
    table_reason = "every number is in the row of the model it is given to, in one column"
    record_at: Scored | None = None  # the passage of a record in prose that holds them
    measures = [n for n in numbers if n.mention.decimals > 0]
    if measures and all(n.mention in confirmed for n in measures):
        tabled = measures
        # (Not the value a change starts from: the claim names the column of where it ends.)
        starts = change_starts(claim_core, [n.mention for n in measures])
        r0 = confirmed[next((n.mention for n in measures if n.mention not in starts), measures[0].mention)]
        table_reason = (f"every number is under the column the claim names ({r0.column}, ...) "
                        f"of the row it names ({row_label(r0.row)!r})")
    elif not tabled and (one := _one_named_row(claim_core, [n for n in numbers if _sized(n.mention)],
                                               ranked)) is not None:
        # Every number the claim states in that row, its counts too ("16 layers").
        tabled = [n for n in numbers if n.status is NumberStatus.MATCHED
                  and any(r is one for r in _rows_quoted(n, ranked))]
        table_reason = (f"every number is in the row the claim names "
                        f"({' '.join(_label_words(one))!r}), whose columns cannot be read")
    elif not tabled and prose_record is not None:
        tabled, record_at = list(numbers), prose_record.passage
        table_reason = (f"every number is in {prose_record.name}'s record, in the claim's order, "
                        f"in a table printed as text ({_shown_record(prose_record.cells)})")
    elif not tabled and (whole := _row_of_all(claim_core, measures, ranked)) is not None:
        if (better := _better_named(claim_core, measures, whole, ranked)) is not None:
            n, other, cell = better
            return _table_contradiction(
                semantic,
                f"claim says {n.mention.text}, the value of the row {' '.join(_label_words(whole))!r}; "
                f"the row it names, {' '.join(_label_words(other.passage))!r} "
                f"({other.passage.paper_id} p.{other.passage.page}), gives {cell:g} there",
                other,
            )
        tabled = [n for n in numbers if n.status is NumberStatus.MATCHED
                  and _columns(whole.text, n.mention)]
        table_reason = (f"all {len(measures)} of the claim's measurements are in one row, in the "
                        f"claim's order ({' '.join(_label_words(whole)) or 'unlabelled'!r})")
    if score < th.topic and not tabled and not _anchored(claim_core, numbers, ranked,
                                                          th.topic - ANCHOR_SLACK) \
            and not _row_of_another(numbers, ranked):
        return Decision(
            Verdict.NOT_FOUND,
            calibrated(semantic, Verdict.NOT_FOUND, th.topic - score),
            f"best passage ({where}) scores {_below(score, th.topic)}, below the topic threshold "
            f"{th.topic:.2f}",
            passage=best,
        )
    ents = entities(claim_core)
    if ents and paper_entities is not None and not named_in(ents, paper_entities) and score < th.support:
        return Decision(
            Verdict.NOT_FOUND,
            calibrated(semantic, Verdict.NOT_FOUND, 0.05),
            f"the claim is about {', '.join(sorted(ents))}, which the cited papers never name "
            f"(closest passage: {where}, score {score:.2f})",
            passage=best,
        )
    # A number only supports the claim where the claim is stated: found elsewhere in the paper
    # it may be another setting's value. Unmatched there, it is as good as absent.
    near = " ".join([best.passage.text, *(
        s.passage.text for s in ranked[:3]
        if s is not best and s.passage.paper_id == best.passage.paper_id
        and s.passage.page == best.passage.page
        and abs(s.passage.start - best.passage.start) < CONTEXT_CHARS
    )])
    # A sentence scoring nearly as well that writes every one of the claim's numbers, three or
    # more ("with 5/10/20/100 languages"), states the claim as much as the best one does. (Two
    # may be a coincidence: "77.5%" over "the 7 languages" said of another corpus's models.) Four
    # distinct ones or more ("seeds are 0, 42, 43, 100 and 101") are no coincidence in a passage
    # on topic, however far below the best it scores.
    if len(numbers) >= 3:
        least = th.topic - ANCHOR_SLACK if len({n.mention.value for n in numbers}) >= 4 \
            else max(th.support, score - ALL_NUMBERS_SLACK)
        near = " ".join([near, *(
            s.passage.text for s in ranked
            if s is not best and s.passage.kind is not PassageKind.TABLE_ROW and s.score >= least
            and all(_states(s.passage.text, n) for n in numbers))])
    # "four special tokens, [UNK], [CLS], [SEP] and [MASK]" against "special tokens ([UNK],
    # [CLS], [SEP], [MASK], [PAD])": the source's list holds the claim's and more.
    for n in numbers:
        if (longer := _longer_list(claim_core, n, near)) is not None:
            return Decision(
                Verdict.CONTRADICTED,
                calibrated(semantic, Verdict.CONTRADICTED, score - th.topic),
                f"claim counts {n.mention.text}; {where} lists {len(longer)}: {', '.join(longer)}",
                passage=best,
            )
    # "four different learning rates for the classifier" against "classifier learning rate
    # {5e-6, 2.5e-5, 1.25e-4}": a set written in braces after the thing the claim counts.
    braced = {id(n): _braced_set(claim_core, n, near) for n in numbers}
    for n in numbers:
        if (items := braced[id(n)]) is not None and len(items) != int(n.mention.value):
            return Decision(
                Verdict.CONTRADICTED,
                calibrated(semantic, Verdict.CONTRADICTED, score - th.topic),
                f"claim counts {n.mention.text}; {where} lists {len(items)}: {{{', '.join(items)}}}",
                passage=best,
            )
    bad = [n for n in numbers if n.status in (NumberStatus.DIFFERENT, NumberStatus.OTHER_ENTITY)
           and not _counts_its_list(claim_core, n, near) and not _count_of_list(claim_core, n, near)
           and braced[id(n)] is None]
    if bad:
        n = bad[0]
        if n.status is NumberStatus.DIFFERENT:
            detail = f"claim says {n.mention.text}, source says {_fmt(n.source_value)}"
        else:
            detail = f"{n.mention.text} belongs to {n.source_subject or 'another row'} in the source"
        src = f" ({n.paper_id} p.{n.page})" if n.paper_id else ""
        shown = next((x for x in ranked if n.quote and n.quote[:40] in x.passage.text), best)
        return Decision(
            Verdict.CONTRADICTED,
            calibrated(semantic, Verdict.CONTRADICTED, score - th.topic),
            detail + src,
            passage=shown,
        )
    # The first three distinct prose passages (a caption's first sentence repeats the caption),
    # each where it scores about as well as the best: the claim must not say their opposite.
    top_sentences: list[Scored] = []
    for s in ranked[:4]:
        if len(top_sentences) == 3:
            break
        if s.passage.kind is PassageKind.TABLE_ROW or any(
                _overlaps(s.passage, t.passage) for t in top_sentences):
            continue
        top_sentences.append(s)
    if score >= th.support - 0.1:
        opposite = next((s0 for s0 in top_sentences if s0.score >= max(score - 0.05, th.support - 0.1)
                         and polarity_conflict(claim_core, s0.passage.text, truncated=truncated)), None)
        if opposite is None:
            # A sentence naming the two things the claim compares the other way round ("RoBERTa
            # outperforms XLM-R" against "XLM-R comes out ahead of RoBERTa") contradicts it where
            # it is on topic, however its words score beside a heading that only names them.
            opposite = next((s0 for s0 in ranked[:SWAP_RANK] if s0.passage.kind is not PassageKind.TABLE_ROW
                             and s0.score >= th.topic - ANCHOR_SLACK
                             and _swapped(claim_core, s0.passage.text)), None)
        if opposite is not None:
            return Decision(
                Verdict.CONTRADICTED,
                calibrated(semantic, Verdict.CONTRADICTED, opposite.score - th.topic),
                f"the claim says the opposite of {opposite.passage.paper_id} p.{opposite.passage.page}",
                negation_conflict=True,
                passage=opposite,
            )
        # A figure's or table's caption says what it shows; the text that discusses it says
        # what it finds ("Here the best result is obtained at lower layers").
        found = _discussion_conflict(claim_core, best, ranked, th.topic, truncated)
        if found is not None:
            return Decision(
                Verdict.CONTRADICTED,
                calibrated(semantic, Verdict.CONTRADICTED, found.score - th.topic),
                f"the claim says the opposite of {found.passage.paper_id} p.{found.passage.page}, "
                f"which discusses {_figure_label(best.passage)}",
                negation_conflict=True,
                passage=found,
            )
    # The row a measurement was read in under the column the claim names is the claim's: its
    # other numbers found there are stated by it ("530 million tokens" beside "69.3 GiB").
    claims_rows = {id(r.row) for r in confirmed.values()}
    in_claims_rows = [n for n in numbers if n.status is NumberStatus.MATCHED
                      and any(id(r) in claims_rows for r in _rows_quoted(n, ranked))]
    absent = [n for n in numbers if n.status in (NumberStatus.ABSENT, NumberStatus.DIFFERENT)
              or (n.status is NumberStatus.MATCHED and not _states(near, n) and n not in tabled
                  and n.mention not in confirmed and n not in in_claims_rows)]
    absent = [n for n in absent if not _difference(claim_core, n, numbers, absent)]
    # The best passage is a table's caption: the table's rows are what it states ("Table 10.
    # Accuracy of mBERT on ... POS tag trigrams and 4-grams" over "avg 50.6 12.1 44.3 18.3").
    absent = [n for n in absent if not (n.mention.decimals > 0 and _in_captioned_table(n, best, ranked))]
    # "0.932 on layer 3" read under the column "3": the 3 names the column, it is stated; so
    # does "two" in "with two anchor tokens, ... 0.67" read under the column "2", and any other
    # column the claim names where that row holds the same value ("Two anchor tokens ... 0.97,
    # the same as four anchor tokens give": the row's 0.97 is under "2" and "4").
    headings = {r.column for r in confirmed.values()}
    for r in confirmed.values():
        names = columns(r.row) or []
        headings |= {name for i, _ in _columns(r.row.text, r.mention)
                     if i < len(names) and (name := names[i]) and mention_positions(claim_core, name)}
    absent = [n for n in absent if n.mention.decimals > 0 or not (
        n.mention.text in headings or f"{n.mention.value:g}" in headings)]
    # Read under the column the claim names, a number is stated whatever the checks found
    # ("22.6 points below" as the row's -22.6 under "∆"); and a count the row's label writes
    # ("layers 1-6" in the row "Sep L1-6") is the row's name.
    in_labels = {d for r in confirmed.values() for d in re.findall(r"\d+", " ".join(_label_words(r.row)))}
    absent = [n for n in absent if n.mention not in confirmed and not (
        n.mention.decimals == 0 and f"{n.mention.value:g}" in in_labels)]
    # A count of a dataset's languages is read in the paper's list of them ("AmericasNLI covers
    # 12 languages" against "AMERICAS NLI aym, bzd, cni, ..."): it holds where a list gives as
    # many, and the list contradicts it where none does.
    code_lists = {id(n): _language_lists(claim_core, n, ranked) for n in absent}
    for n in absent:
        lists = code_lists[id(n)]
        if not lists or any(_counts_codes(n, codes) for _, _, codes in lists):
            continue
        s, name, codes = lists[0]
        return Decision(
            Verdict.CONTRADICTED,
            calibrated(semantic, Verdict.CONTRADICTED, TABLE_MARGIN),
            f"claim counts {n.mention.text} languages for {name}; {s.passage.paper_id} "
            f"p.{s.passage.page} lists {len(codes)}: {', '.join(codes)}",
            passage=s,
        )
    listed = [n for n in absent if _counts_its_list(claim_core, n, near) or _one_as_article(claim_core, n, near)
              or braced[id(n)] is not None
              or _count_of_list(claim_core, n, best.passage.text)
              or any(_counts_codes(n, c) for _, _, c in code_lists[id(n)])]
    # Besides the best passage, a sentence that states one of the claim's measurements states
    # the claim ("... English (.75 vs. .81)" for ".75 against .85"), however it words it.
    kept = [n for n in numbers if n.status is NumberStatus.MATCHED and n.mention.decimals > 0]
    anchors = [
        s for s in ranked
        if s is not best and s.passage.kind is not PassageKind.TABLE_ROW
        and s.score >= th.topic - ANCHOR_SLACK and any(_states(s.passage.text, n) for n in kept)
    ]
    rival = _rival_number(absent, [best, *anchors], claim_core, truncated,
                          own=[n.mention.value for n in kept])
    if rival is not None:
        n, s, value = rival
        return Decision(
            Verdict.CONTRADICTED,
            calibrated(semantic, Verdict.CONTRADICTED, s.score - th.topic - 0.1),
            f"claim says {n.mention.text}; the matching passage ({s.passage.paper_id} "
            f"p.{s.passage.page}) gives {value} instead",
            passage=s,
        )
    absent = [n for n in absent if n not in listed]
    # Measurements only: a count ("seven") is found in too many places to vouch for a part.
    held = frozenset(n.mention.text for n in numbers if n not in absent and n.mention.decimals > 0)
    # Read in the row of the claim's column reading, a count is vouched for too ("530 million
    # tokens" in the row "ja Japanese 530 69.3" that holds its "69.3 GiB").
    held |= frozenset(n.mention.text for n in in_claims_rows)
    # The sentences around the best one say what its "this" and "such data" are ("To remove
    # anchor points, we add a language prefix ..." before "... trained with such data has no
    # shared vocabulary"): the claim's words may be there.
    context = " ".join([near, *(
        s.passage.text for s in ranked if s.passage.kind is not PassageKind.TABLE_ROW
        and s.passage.paper_id == best.passage.paper_id and s.passage.page == best.passage.page
        and abs(s.passage.start - best.passage.start) < CONTEXT_CHARS)])
    recall = term_recall(content_terms(without_attribution(claim_core)),
                         frozenset(content_terms(context)))
    if tabled and not absent:
        first = tabled[0].mention
        if first in confirmed:
            shown = next(x for x in ranked if x.passage is confirmed[first].row)
        elif record_at is not None:
            shown = record_at
        else:
            shown = next((x for x in ranked
                          if tabled[0].quote and tabled[0].quote in x.passage.text), best)
        where = f"{shown.passage.paper_id} p.{shown.passage.page}"
        return Decision(
            Verdict.SUPPORTED,
            calibrated(semantic, Verdict.SUPPORTED, TABLE_MARGIN),
            f"{table_reason} ({where})",
            passage=shown,
            # Read off the claim's row, its sizes and counts are held too ("1280", "570M").
            held=held | frozenset(n.mention.text for n in tabled),
        )
    # A name the papers never write ("L2-normalised") is a detail they do not state.
    unnamed = sorted(_unnamed(ents | technical_terms(claim_core), paper_entities)
                     ) if paper_entities is not None else []
    if score >= th.support and not absent and recall >= MIN_RECALL[semantic] and not unnamed:
        matched = sum(1 for n in numbers if n.status is NumberStatus.MATCHED)
        extra = f"; {matched} number(s) match" if matched else ""
        return Decision(
            Verdict.SUPPORTED,
            calibrated(semantic, Verdict.SUPPORTED, score - th.support),
            f"stated in {where} (score {score:.2f}){extra}",
            passage=best,
            held=held,
        )
    if len(numbers) >= 2 and all(n in absent for n in numbers):
        # What the claim reports, its numbers, is nowhere in the papers where they speak of it
        # (found only elsewhere, a number is another finding's): they share its topic,
        # not its findings ("Doubling mOthelloGPT's depth to 16 transformer blocks lets ... reach
        # 0.9 alignment probe accuracy").
        return Decision(
            Verdict.NOT_FOUND,
            calibrated(semantic, Verdict.NOT_FOUND, 0.05),
            f"on topic in {where}, but none of the claim's numbers "
            f"({', '.join(n.mention.text for n in numbers)}) is stated where they speak of it",
            passage=best,
        )
    if absent:
        missing = ", ".join(n.mention.text for n in absent)
        reason = f"on topic in {where}, but the source does not state {missing}"
    elif score >= th.support and recall >= MIN_RECALL[semantic]:
        reason = f"stated in {where}, but the cited papers never name {', '.join(unnamed)}"
    elif score >= th.support:
        reason = f"only partly stated in {where}: {recall:.0%} of the claim's terms are there"
    else:
        reason = f"only partly stated in {where} (score {_below(score, th.support)} < {th.support:.2f})"
    margin = min(score - th.topic, max(th.support - score, 0.0) + (0.1 if absent else 0.0))
    return Decision(
        Verdict.PARTIALLY_SUPPORTED,
        calibrated(semantic, Verdict.PARTIALLY_SUPPORTED, margin),
        reason,
        passage=best,
        held=held,
    )


_DECIMAL = re.compile(r"(?<![\w.])\d*\.\d+(?!\w|\.\d)")  # a stop may follow: "to 70.7."


_ANY_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d[\d,]*(?:\.\d+)?|(?<![\d.])\.\d+")


def _numbers_in(text: str) -> list[float]:
    out = []
    for tok in _ANY_NUMBER.findall(text):
        try:
            out.append(float(tok.replace(",", "")))
        except ValueError:
            continue
    return out


def _states(text: str, n: NumberCheck) -> bool:
    """Whether ``text`` writes the claim's number (within the rounding it was written with)."""
    m = n.mention
    tol = max(n.tolerance, 0.5 * 10 ** -m.decimals * (1 if m.value < 1e3 else m.value / 10))
    if m.text.isalpha():  # a number word: "nine" or "9"
        return bool(re.search(rf"\b{re.escape(m.text.lower())}\b", text.lower())) or any(
            abs(v - m.value) < 1e-9 for v in _numbers_in(text))
    if not m.text.lower().rstrip("%").replace(",", "").replace(".", "", 1).isdigit():
        # Multipliers and ranges ("30k", "1.2M", "150K - 1.2M"): as the text's own numbers
        # read them ("40k" is 40,000).
        return any(abs(c.value - m.value) <= tol + 1e-9 for c in extract_numbers(text))
    return any(abs(v - m.value) <= tol + 1e-9 for v in _numbers_in(text))


_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%")
# The noun a count counts: "twelve *languages*", "48K *pairs*", or one a hyphen joins to it
# ("8-*shot*").
_NOUN_AFTER = re.compile(r"(?:\s*%?\s*|-)([A-Za-z]{3,})")


def _noun_after(claim: str, m: NumberMention) -> str | None:
    """The noun a count counts, right after it; none where a function word follows ("seed 42
    for single runs": 42 counts no "for")."""
    after = _NOUN_AFTER.match(claim, m.end)
    return None if after is None or after.group(1).lower() in STOPWORDS else after.group(1)


def _rival_number(
    absent: Sequence[NumberCheck], top: Sequence[Scored], claim: str, truncated: bool,
    own: Sequence[float] = (),
) -> tuple[NumberCheck, Scored, str] | None:
    """A number the claim states that its best passage replaces with another one.

    Measurements (".48", "80.9", "31%") are written with decimals or as percents: a passage that
    matches the claim and states a different one where the claim's is missing most likely
    reports the real value. A count ("twelve languages", "four tasks") is replaced only by a
    count of the same thing ("15 languages", "three tasks"), or by the number of items the best
    passage lists for it ("the following factors ...: a, b, c and d").
    """
    # A count the claim states itself is no rival of its other count: "Besides 7 languages, ...
    # all 100 languages" is not contradicted by "100 languages".
    stated = {x.value for x in extract_numbers(claim)}
    for n in absent:
        m = n.mention
        if m.at_cut and truncated:  # "5.4" may be what is left of "5.47"
            continue
        # "a 31.5-point gap" is replaced by no cell of a table row ("mBERT ... 89.8"): the row
        # gives scores, the claim their difference. (A sentence may give the gap.)
        gap = written_as_difference(claim, m.end)
        def other(f: str, m: NumberMention = m) -> bool:
            # Not a number the claim states, and of its order ("+2.09" is a gain, not a score).
            v = float(f)
            return same_magnitude(v, m.value) and all(
                abs(v - x) > 10 ** -m.decimals / 2 for x in (m.value, *own))

        owner = _owner(claim, m)
        # "68.0 F1 on the Chinese MLQA test set": a passage naming none of the languages the
        # claim names gives another language's value, or the average.
        langs = languages_named(claim)
        for s in top:
            if s is not top[0] and _states(s.passage.text, n):
                continue  # this passage states the claim's number: it does not replace it
            if gap and s.passage.kind is PassageKind.TABLE_ROW:
                continue
            if m.decimals > 0 and langs and s.passage.kind is not PassageKind.TABLE_ROW and not (
                    langs & languages_named(s.passage.text)):
                continue
            label = row_label(s.passage)
            if owner is not None and label is not None and not (
                    squash(owner) in squash(label) or squash(label) in squash(owner)):
                continue  # "XLM-R's 67.5" is not replaced by a cell of MMTE's row
            # Only where the passage says what the claim says: a caption's other sentences
            # give values of other cells ("cell c(0,1) ... to be 0.52").
            text = s.passage.text
            if s.passage.kind is PassageKind.CAPTION:
                text = _claims_sentence(claim, text, own)
            if m.unit == "%" or m.kind == "percent":
                found = [f + "%" for f in _PERCENT.findall(text) if other(f)]
                if found:
                    return n, s, found[0]
                continue
            if m.decimals > 0:
                found = [f for f in _DECIMAL.findall(text) if other(f)]
                if found:
                    return n, s, found[0]
                continue
            if n.status is not NumberStatus.ABSENT and s is not top[0]:
                # The count is stated somewhere: another passage may be the right one. The best
                # passage is the claim's own statement: its count of the same thing stands.
                continue
            counted = _noun_after(claim, m)
            if counted is None:
                continue
            # "4-shots" counts what "8-shot" does.
            noun = re.compile(rf"(?:\s+|-){re.escape(counted.lower())}(?:s|es)?\b")
            low = text.lower()
            # "15 languages", "three tasks", "48K pairs"; of several, the one said as the claim
            # says its own ("language-specific BPE with 40k merges", not "joint BPE with 80k").
            said = set(content_terms(claim[max(0, m.start - SAID_CHARS) : m.start]))
            rivals = [c for c in extract_numbers(text)
                      if noun.match(low, c.end) and abs(c.value - m.value) > 1e-9
                      and c.value not in stated]  # not a count the claim states itself
            if rivals:
                c = max(rivals, key=lambda c: len(said & set(content_terms(
                    text[max(0, c.start - SAID_CHARS) : c.start]))))
                return n, s, c.text
            items = _listed(counted, text)
            if s is top[0] and items is not None and len(items) != m.value:
                return n, s, f"{len(items)} ({', '.join(items)})"
    return None


def _language_lists(claim: str, n: NumberCheck, ranked: Sequence[Scored]
                    ) -> list[tuple[Scored, str, list[str]]]:
    """For a count of languages ("covers 12 languages"), the lists of language codes that the
    ranked passages print after a dataset the claim names: (passage, name, codes)."""
    if not counts_languages(claim, n.mention):
        return []
    found = [(s, _as_written(claim, name), codes)
             for name in sorted(entities(claim)) for s in ranked
             if (codes := listed_codes(name, s.passage.text)) is not None]
    # A list whose table's caption, after it on its page, names what the claim speaks of comes
    # first ("Table 9: The subset ... in BUFFET-Light" for "BUFFET-Light keeps ...").
    captions = [c.passage for c in ranked if c.passage.kind is PassageKind.CAPTION]

    def named_after(p: Passage) -> bool:
        after = [c for c in captions if c.paper_id == p.paper_id and c.page == p.page
                 and 0 <= c.start - p.end < CAPTION_AFTER]
        first = min(after, key=lambda c: c.start, default=None)
        return first is not None and _caption_names(claim, first.text, frozenset(), 4)

    return sorted(found, key=lambda f: not named_after(f[0].passage))


def _counts_codes(n: NumberCheck, codes: Sequence[str]) -> bool:
    """Whether a count of languages is a list's: its codes, or those other than English's ("en"),
    the source of a dataset's translations."""
    return int(n.mention.value) in (len(codes), len(codes) - ("en" in codes))


def _count_of_list(claim: str, n: NumberCheck, text: str) -> bool:
    """A count ("four factors") that the passage's list of that noun has as many items as."""
    m = n.mention
    counted = _noun_after(claim, m)
    if counted is None or m.decimals or m.value != int(m.value):
        return False
    items = _listed(counted, text)
    return items is not None and len(items) == int(m.value)


# The list after a colon, or a set in braces ("batch size {16, 32}").
_ITEMS_AFTER = r"\b[^:.;{]{0,80}?(?::\s*([^.;:]+)|\{\s*([^}]+)\})"


def _listed(noun: str, text: str) -> list[str] | None:
    """The items a passage lists for a noun: "the following factors play important roles ...:
    domain similarity, shared vocabulary (or anchor points), shared parameters, and language
    similarity" gives four factors; "learning rate {2e-5, 3e-5, 5e-5}" three rates."""
    m = re.search(rf"\b{re.escape(noun.lower())}{_ITEMS_AFTER}", text.lower())
    if m is None:
        return None
    body = re.sub(r"\([^)]*\)", "", m.group(1) or m.group(2))
    items = [x.strip() for x in _ITEM_SPLIT.split(body)]
    items = [x for x in items if x]
    return items if len(items) >= 2 else None


def _table_contradiction(semantic: bool, reason: str, passage: Scored) -> Decision:
    """A contradiction read off a table's cells: its confidence does not hang on the score."""
    return Decision(Verdict.CONTRADICTED, calibrated(semantic, Verdict.CONTRADICTED, 0.1), reason,
                    passage=passage, tabled=True)


def _rival_row(
    numbers: Sequence[NumberCheck], ranked: Sequence[Scored], claim: str, truncated: bool
) -> tuple[NumberCheck, Scored, str] | None:
    """Table rows the claim names, none of which holds the claim's measurement.

    "XLM-R Large obtains an average of 71.4" against the row "XLM-R Large 68.2 79.2 ...": the
    row is the claim's subject and gives its values; 71.4 is not among them (wherever else in
    the paper 71.4 may appear, it is not XLM-R Large's).
    """
    low = normalise(claim)
    ents = entities(claim)
    named = [(s, label) for s in ranked
             if (label := row_label(s.passage)) is not None and label_pattern(label).search(low)]
    # The models the claim names rows of (as the ranking reads them): captions naming them say
    # nothing of the table.
    models = frozenset(label for _, label in named)
    # A size printed in its unit in a row the claim names ("250M") is that row's own, in
    # whatever table: no caption need fit.
    best = max(ranked, key=lambda x: x.score)
    for n in numbers:
        if (sized := _rival_size(n, named, best)) is not None:
            return sized
    if (grouped := _rival_grouped(numbers, named, truncated)) is not None:
        return grouped
    # A model has rows in many tables: one whose table is known (a header, a caption) but is not
    # the one the claim speaks of ("On Vietnamese MLQA" against GLUE's "XLM-R" row) gives no
    # rival value.
    rows = [(s, label, _DECIMAL.findall(s.passage.text)) for s, label in named
            if not (s.passage.header or s.passage.caption) or table_fit(claim, s.passage, models)]
    if not rows:
        return None
    # Of the tables the named rows are in, those whose captions say most of what the claim
    # says ("POS tag trigrams ... in the English training data" over "POS results for each
    # language") hold the claim's values.
    kept = _best_captioned(claim, [r[0].passage for r in rows])
    rows = [r for r, keep in zip(rows, kept, strict=True) if keep]
    # Two or more of the claim's measurements in one row whose label the claim writes make
    # that row the claim's ("English-only fine-tuning of mT5 scores 81.6 ..., 75.1 ... and 21.4"
    # in the row "English FT"): no other row's values are rivals. In a row of another name
    # ("XLM-R Large" for "mBERT reaches 66.0 ... and 57.3") they are another model's.
    measured = [n for n in numbers if n.mention.decimals > 0 and n.status is NumberStatus.MATCHED]
    if len(measured) >= 2:
        quoted = [{id(r): r for r in _rows_quoted(n, ranked)} for n in measured]
        shared = {k: r for q in quoted for k, r in q.items() if sum(1 for t in quoted if k in t) >= 2}
        # So do they in a row that names no model ("avg w/o en 50.6 12.1 44.3 18.3" for "Averaged
        # over the non-English languages, mBERT ... 44.3 ... 18.3") of a table whose caption
        # names what the claim is about: the claim's model is the table's.
        if any(_writes_label(low, r) or (not entities(" ".join(_label_words(r))) and caption_fits(claim, r))
               for r in shared.values()):
            return None
    # The most specific label the claim names ("xlm-r large" over "xlm-r") is shown.
    rows.sort(key=lambda r: -len(r[1]))
    # A row the claim names by its id ("the no-random change alone (ID 4)") is the claim's,
    # even where the best passage writes the number of another ("on layer 8 (.97 vs. .16)", the
    # original model's).
    by_id = any(_named_by_id(low, r[0].passage) for r in rows)
    for n in numbers:
        d = n.mention.decimals
        if d == 0 or (n.mention.at_cut and truncated) or (
                _states(best.passage.text, n) and not by_id):
            continue
        if written_as_difference(claim, n.mention.end):
            continue  # "21.7 points higher on seen entities": a difference, not a cell
        if n.status is NumberStatus.MATCHED and n.source_subject:
            found = label_of(n.source_subject) or ""
            # Matched in "XLM-R CC"'s row (or "XLMR"'s): the claim's "XLM-R" is that row as
            # much as another; matched in a row the claim names otherwise ("ja" for "For
            # Japanese, ..."), that row is the claim's.
            if any(squash(lbl) in squash(found) for _, lbl, _ in rows) or mention_positions(
                    claim, n.source_subject):
                continue
            # Matched in a row each word of whose label the claim writes ("English Target FT"
            # for "mT5 fine-tuned on English and then target shots"): the claim's own row.
            if any(names_row(low, ents, r) for r in _rows_quoted(n, ranked)):
                continue
            # Matched in a row the claim names by its first word, capitalised inside a sentence
            # ("28.8 in the Default setting" in the row "Default Wiki-Wiki 80k ..."): its own.
            if found.split()[:1] and found.split()[0] in midsentence_names(claim) - LANGUAGES.keys():
                continue
        owner = _owner(claim, n.mention)
        mine = rows
        if owner is not None:
            # "one point below RoBERTa's 92.8": the number is RoBERTa's, whatever rows precede it.
            mine = [r for r in rows if r[1] in owner or owner in r[1]]
        else:
            # "0.20, close to the original probe's 0.19": a number given to no row is not read
            # in the row another number is given to.
            labels = [lbl for _, lbl, _ in rows]
            others = {o for x in numbers if x is not n and (o := _owner(claim, x.mention, labels))}
            mine = [r for r in rows if not any(r[1] in o or o in r[1] for o in others)]
        # Cells of the claim's kind: as many decimals, and of its order (not "α = 0.3" against
        # scores of 88.9).
        same = [[v for v in values if len(v.split(".")[1]) == d and same_magnitude(float(v), n.mention.value)]
                for _, _, values in mine]
        if not any(len(v) >= 2 for v in same):
            continue
        if any(abs(float(v) - n.mention.value) < 10 ** -d / 2 for vs in same for v in vs):
            continue
        i = next(k for k, v in enumerate(same) if len(v) >= 2)
        s, label, _ = mine[i]
        values = same[i]
        shown = ", ".join(values[:6]) + (" …" if len(values) > 6 else "")
        return n, s, f"{shown} in the row {label!r}"
    return None


def _rival_grouped(
    numbers: Sequence[NumberCheck], rows: Sequence[tuple[Scored, str]], truncated: bool
) -> tuple[NumberCheck, Scored, str] | None:
    """A count written with thousands separators ("a vocabulary of 32,996") found nowhere, where
    a row the claim names prints one of as many digits that the claim does not give ("BERT-large
    364,353,862 1 28,996 24"): that is the row's count."""
    stated = {n.mention.value for n in numbers}

    def grouped(m: NumberMention) -> bool:
        return m.kind == "integer" and "," in m.text

    for n in numbers:
        m = n.mention
        if n.status is not NumberStatus.ABSENT or not grouped(m) or (m.at_cut and truncated):
            continue
        for s, label in rows:
            found = [c.text for c in extract_numbers(s.passage.text)
                     if grouped(c) and len(c.text) == len(m.text) and c.value not in stated]
            if found:
                return n, s, f"{', '.join(found)} in the row {label!r}"
    return None


def _size_after_name(
    claim: str, numbers: Sequence[NumberCheck], ranked: Sequence[Scored]
) -> tuple[NumberCheck, Scored, str, str] | None:
    """A size the claim gives a name, the last before it ("mBERT is listed with 131M
    parameters"), that a passage about as good as the best prints right after that name in
    another value of its unit ("... 131M mBERT 178M", a table pypdf ran into one line): the
    name's own size."""
    if not ranked:
        return None
    top = max(s.score for s in ranked)
    # A size the claim gives another name ("..., against 178M for mBERT") is no rival.
    stated = {x.mention.value for x in numbers}
    for n in numbers:
        m = n.mention
        unit = m.text[-1:]
        if m.kind != "multiplier" or unit not in ("k", "M", "B"):
            continue
        # The name the size is given to: the last one before it ("mBERT is listed with 131M").
        names = [x.group(0) for x in _ENTITY.finditer(claim[: m.start]) if len(x.group(0)) >= 3]
        if not names:
            continue
        after = re.compile(rf"(?<![\w-]){re.escape(names[-1])}\s+(\d+(?:\.\d+)?){unit}(?![\w])",
                           re.IGNORECASE)
        for s in ranked[:3]:
            if s.passage.kind is PassageKind.TABLE_ROW or s.score < top - ANCHOR_SLACK:
                continue
            for hit in after.finditer(s.passage.text):
                value = extract_numbers(hit.group(1) + unit)[0].value
                if same_magnitude(value, m.value) and not any(
                        abs(value - v) <= 1e-6 * value for v in stated):
                    return n, s, names[-1], hit.group(1) + unit
    return None


_PLAIN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_RANGE_CELL = re.compile(r"\d[\d,]*(?:\.\d+)?[-–]\d[\d,]*(?:\.\d+)?")
# Words a run-on record may have between its name and its first number ("3-way class", "span").
RECORD_LEAD_WORDS = 3


def run_on_record(claim: str, text: str) -> list[tuple[str, list[float | None]]]:
    """The records of a table that pypdf ran into prose, for the names the claim gives
    ("AMERICAS NLI 3-way class 10 16 acc." for "AmericasNLI": [10, 16]; "TyDiQA-GoldP 3,696 634
    323–2,719" for "TyDiQA-GoldP": [3696, 634, None]). A name is written with or without its
    punctuation and spaces; words with digits ("3-way") are skipped, a range is one cell (None),
    and the record ends at the first word after a number."""
    flat = squash(text)
    names = {squash(e): _as_written(claim, e) for e in entities(claim)
             if len(squash(e)) >= 4 and squash(e) in flat}
    if not names:
        return []
    tokens = text.split()
    out = []
    for i in range(len(tokens)):
        if (at := _name_at(tokens, i, names.keys(), 2)) is None:
            continue
        name, after = at
        record: list[float | None] = []
        lead = 0
        for tok in tokens[after:]:
            if _PLAIN_NUMBER.fullmatch(tok):
                record.append(float(tok.replace(",", "")))
            elif _RANGE_CELL.fullmatch(tok):
                record.append(None)
            elif any(c.isdigit() for c in tok):
                continue
            elif record or (lead := lead + 1) > RECORD_LEAD_WORDS:
                break
        if record:
            out.append((names[name], record))
    return out


def _name_at(tokens: Sequence[str], i: int, keys: Collection[str], widths: int) -> tuple[str, int] | None:
    """The name of ``keys`` (``squash``ed) that ``tokens[i:]`` start with, written over up to
    ``widths`` tokens with or without its spaces and punctuation ("AMERICAS NLI" for
    "americasnli"), the shortest first; and the index of the token after it."""
    for width in range(1, widths + 1):
        if i + width <= len(tokens) and (key := squash("".join(tokens[i : i + width]))) in keys:
            return key, i + width
    return None


# A count of languages in a claim, after its number: "covers 12 languages", "four of
# AmericasNLI's languages".
_LANGUAGE_COUNT = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+languages\b")
_CODE = re.compile(r"[a-z]{2,3},?")


def counts_languages(claim: str, m: NumberMention) -> bool:
    """Whether a whole number of the claim counts languages ("covers 12 languages")."""
    return m.decimals == 0 and m.value == int(m.value) and m.end <= len(claim) \
        and _LANGUAGE_COUNT.match(claim, m.end) is not None


def listed_codes(name: str, text: str) -> list[str] | None:
    """The language codes a passage lists right after a dataset's name, as a table of datasets
    and their languages prints them ("AMERICAS NLI aym, bzd, cni, gn, ..."): the name
    capitalised, written with or without its spaces and punctuation; codes in parentheses (the
    English source data: "PAWS (en,) de, es, ...") are not counted; a comma follows every code
    but the last ("XNLI and PAWS" lists nothing). None without two codes."""
    key = squash(name)
    if len(key) < 4:
        return None
    words = text.split()
    for i, first in enumerate(words):
        if first[:1].isupper() and (at := _name_at(words, i, {key}, 3)) is not None:
            codes = _codes_from(words, at[1])
            if len(codes) >= 2:
                return codes
    return None


def _codes_from(words: Sequence[str], k: int) -> list[str]:
    codes: list[str] = []
    while k < len(words):
        w = words[k]
        if w.startswith("("):  # "(en,)", "( en,)", "(english, )"
            while k < len(words) and ")" not in words[k]:
                k += 1
            k += 1
            continue
        if not _CODE.fullmatch(w):
            break
        codes.append(w.rstrip(","))
        k += 1
        if not w.endswith(","):
            break  # the last of the list ("..., shp, tar KLUE NLI ko")
    return codes


@dataclass(frozen=True)
class _ProseRecord:
    name: str
    passage: Scored
    cells: tuple[float | None, ...]
    wrong: NumberCheck | None = None  # the one claim number the record does not hold
    cell: float | None = None  # the record's value in its place


def _as_written(claim: str, name: str) -> str:
    """A (lower-cased) name as the claim writes it."""
    at = claim.lower().find(name)
    return claim[at : at + len(name)] if at >= 0 else name


def _record_in_prose(
    claim: str, numbers: Sequence[NumberCheck], ranked: Sequence[Scored]
) -> _ProseRecord | None:
    """A run-on record (``run_on_record``) of a name the claim gives its two or more numbers
    to, holding them in the claim's order: every one of them, or all but one (``wrong``, with
    the record's ``cell`` in its place). Only a record with no fewer cells than the claim has
    numbers, of a name the claim writes before them."""
    nums = sorted(numbers, key=lambda n: n.mention.start)
    # (One number after a name is prose as often as a record: "XTREME's 40 languages".)
    if len(nums) < 2 or any(n.mention.kind not in ("integer", "decimal", "word") for n in nums):
        return None
    for s in ranked:
        if s.passage.kind is PassageKind.TABLE_ROW:
            continue
        for name, record in run_on_record(claim, s.passage.text):
            at = claim.find(name)
            if at < 0 or at > nums[0].mention.start or len(record) < len(nums):
                continue
            held = [c is not None and abs(c - n.mention.value) <= hedged_tolerance(claim, n.mention)
                    for n, c in zip(nums, record, strict=False)]
            if all(held):
                return _ProseRecord(name, s, tuple(record))
            wrong = [k for k, h in enumerate(held) if not h]
            k = wrong[0]
            if len(wrong) == 1 and (cell := record[k]) is not None \
                    and same_magnitude(cell, nums[k].mention.value):
                return _ProseRecord(name, s, tuple(record), nums[k], cell)
    return None


def _record_row(
    claim: str, numbers: Sequence[NumberCheck], ranked: Sequence[Scored]
) -> tuple[NumberCheck, Scored, float] | None:
    """A table row the claim names with as many cells as the claim has measurements, holding
    the ones found in the claim's order ("fr 0.80 73.8" for "French with a Kendall's tau of
    0.80 and an XNLI accuracy of 74.3"): the row is the record the claim reads, and a
    measurement found nowhere is the row's cell in its place, stated otherwise. Not where the
    claim gives its values to names of their own."""
    measures = [n for n in numbers if n.mention.decimals > 0]
    absent = [k for k, n in enumerate(measures) if n.status is NumberStatus.ABSENT]
    if len(measures) < 2 or not absent or len(absent) == len(measures) or any(
            n.status not in (NumberStatus.MATCHED, NumberStatus.ABSENT) for n in measures):
        return None
    low, ents = normalise(claim), entities(claim)
    for s in ranked:
        row = s.passage
        if row.kind is not PassageKind.TABLE_ROW or len(row_cells := cells(row.text)) != len(measures) \
                or not names_row(low, ents, row):
            continue
        if not all(k in {i for i, _ in _columns(row.text, n.mention)}
                   for k, n in enumerate(measures) if n.status is NumberStatus.MATCHED):
            continue
        # A claim that gives its values to names one by one ("the cross probe gives 0.20, close
        # to the original probe's 0.19") reads them from several rows.
        labels = [normalise(" ".join(_label_words(row)))]
        if any(_owner(claim, n.mention, labels) is not None for n in measures):
            continue
        for k in absent:
            m = measures[k].mention
            values = [v for v in row_cells[k] if v is not None]
            if len(values) == 1 and same_magnitude(values[0], m.value):
                return measures[k], s, values[0]
    return None


def _rival_size(
    n: NumberCheck, rows: Sequence[tuple[Scored, str]], best: Scored
) -> tuple[NumberCheck, Scored, str] | None:
    """A size the claim gives a row it names ("XLM-15 has ... 350M parameters") that the row
    prints otherwise, in its unit ("... 95k 250M"): the row's cells of that unit and order."""
    m = n.mention
    unit = m.text[-1:]
    if m.kind != "multiplier" or unit not in ("k", "M", "B") or n.status is NumberStatus.MATCHED \
            or _states(best.passage.text, n):
        return None
    for s, label in rows:
        cells = [c for c in extract_numbers(s.passage.text)
                 if c.kind == "multiplier" and c.text.endswith(unit)]
        if cells and all(same_magnitude(c.value, m.value) and abs(c.value - m.value) > 1e-6 * c.value
                         for c in cells):
            return n, s, f"{', '.join(c.text for c in cells)} in the row {label!r}"
    return None


_OWNER_BEFORE = re.compile(r"([\w+\-\[\]]+)['’]s\s+(?:[a-z]+\s+){0,2}$")
# A name followed by a noun is that noun's kind, not its owner ("49.1% of the NER entities"),
# unless the noun is what a model is ("XLM-R models").
_AFTER_OWNER = (r"and|or|but|on|in|at|with|while|whereas|against|than|over|under|from|to|as|is|"
                r"was|when|where|which|who|its|their|models?|baselines?")
# What leads from a number to its owner: "for", "of" or "by", a word or two before it allowed.
_LEAD = r"\s*%?\s*(?:[a-z]+\s+){0,2}?(?:for|of|by)\s+(?:the\s+)?"
_OWNER_LEAD = re.compile(_LEAD)
_OWNER_AFTER = re.compile(_LEAD + r"([\w+\-\[\]]+)"
                          rf"(?![\w+\-\[\]])(?!\s+(?!(?:{_AFTER_OWNER})\b)[a-z])")


def _owner(claim: str, m: NumberMention, labels: Sequence[str] = ()) -> str | None:
    """The name a number is written as belonging to: "RoBERTa's 92.8", "59.8 for mBERT", or
    one of the row ``labels`` before it ("the original probe's 0.19") or after it ("217 for the
    original")."""
    before = _OWNER_BEFORE.search(claim[: m.start])
    after = _OWNER_AFTER.match(claim[m.end :])
    for found in (before, after):
        if found is not None and (entities(found.group(1)) or (
                found is after and normalise(found.group(1)) in labels)):
            return normalise(found.group(1))
    low = claim[: m.start].lower()
    before_label = next((lbl for lbl in labels
                         if re.search(rf"{re.escape(lbl)}['’]s\s+(?:[a-z]+\s+){{0,2}}$", low)), None)
    lead = _OWNER_LEAD.match(claim, m.end)
    if before_label is not None or lead is None:
        return before_label
    # "0.953 for the original probe": the first two words or more of a row's label after "for".
    rest = normalise(claim[lead.end():])
    for lbl in labels:
        words = lbl.split()
        for k in range(len(words), 1, -1):
            written = " ".join(words[:k])
            if re.match(rf"{re.escape(written)}(?![\w-])", rest):
                return written
    return None


_MIDSENTENCE_NAME = re.compile(r"(?<=[a-z0-9,;:'’)] )([A-Z][a-z]{3,})\b")


def midsentence_names(claim: str) -> frozenset[str]:
    """Capitalised words inside a sentence, lower-cased: they name things too ("Wu et al.'s
    Default setting")."""
    return frozenset(m.group(1).lower() for m in _MIDSENTENCE_NAME.finditer(claim))


def _column_readings(
    claim: str, numbers: Sequence[NumberCheck], ranked: Sequence[Scored], truncated: bool
) -> tuple[dict[NumberMention, ColumnReading], ColumnReading | None]:
    """Measurements found in the column the claim names, of a row it names (with where); and
    the first one found in such a row only under another column (a wrong-column claim)."""
    low = normalise(claim)
    ents = entities(claim)
    names = ents | midsentence_names(claim)
    rows = _most_specific(low, [s.passage for s in ranked
                           if s.passage.kind is PassageKind.TABLE_ROW and names_row(low, names, s.passage)])
    confirmed: dict[NumberMention, ColumnReading] = {}
    conflict: ColumnReading | None = None
    mentions = sorted((n.mention for n in numbers), key=lambda m: m.start)
    # "68.2, compared with 59.8 for mBERT and 55.7 for XLM": a number given to a model is read
    # in that model's rows only, and one given to no model in none of the others' rows.
    labels = [label for r in rows if (label := row_label(r)) is not None]
    owners = {m: _owner(claim, m, labels) for m in mentions}
    # "2, against 9 for the original, but a dev perplexity of 261 against 217": a compared
    # value given to no name is the row's the claim compared with before.
    compared: str | None = None
    for m in mentions:
        if _AGAINST.search(claim, 0, m.start) is None:
            continue
        if owners[m]:
            compared = owners[m]
        elif compared is not None:
            owners[m] = compared
    taken = {o for o in owners.values() if o}

    def owned_by(row: Passage, o: str) -> bool:
        label = row_label(row) or ""
        return label == o or label.startswith(o + " ")

    # A whole number may name a column itself ("from 0.539 on layer 0 to 0.932 on layer 3"):
    # the text between measurements is what belongs to each.
    # A size in a column counting in its unit ("32,408 million" under "Tokens (M)") is one too.
    measures = [m for m in mentions if _measure(claim, m)]
    ends = [0, *(x.end for x in measures), len(claim)]
    starts = [x.start for x in measures] + [len(claim), len(claim)]
    unread: list[tuple[NumberMention, float, tuple[int, int, tuple[int, int] | None],
                       list[Passage]]] = []
    starts_change: list[tuple[NumberMention, NumberMention]] = []
    change_from = change_starts(claim, measures)
    for k, m in enumerate(measures):
        if m.at_cut and truncated:
            continue
        if m in change_from:
            # "lifts ... from 0.53 to 0.82" with "a single anchor token": the setting the claim
            # names is the change's, 0.82's; 0.53 is the value before it, under another column.
            starts_change.append((m, measures[k + 1]))
            continue
        tol = hedged_tolerance(claim, m) if m.kind == "integer" else 0.5 * 10 ** -m.decimals
        tol += 1e-9
        bounds = (ends[k], starts[k + 1],
                  (ends[k + 2], starts[k + 2]) if k + 1 < len(measures) else None)
        o = owners[m]
        own = [r for r in rows if owned_by(r, o)] if o else \
            [r for r in rows if not any(owned_by(r, t) for t in taken)]
        if not o and (by_id := [r for r in own if _named_by_id(low, r)]):
            # The row the claim names by its id ("(ID 15)") is its subject's: a number given to
            # no name is read there, not in a row it compares with ("against 9 for the original").
            own = by_id
        # "... against 300.8 GiB for English" in a table whose rows are languages: English's
        # row, not Swahili's.
        lang = _LANGUAGE_AFTER.match(claim, m.end)
        if lang is not None and lang.group(1).lower() in LANGUAGES:
            code = LANGUAGES[lang.group(1).lower()]
            if any(row_language(r) for r in own):
                own = [r for r in own if row_language(r) == code]
        anywhere = _read_rows(claim, m, own, tol, bounds, any_row=True)
        # A table of languages without the one the claim names cannot hold its value: "all" of
        # the NER table (en, nl, es, de) is no row for "... 73.1% for Swahili" on XNLI.
        anywhere = [r for r in anywhere if not _lacks_language(claim, r.row)] or anywhere
        readings = _closest_rows(claim, ents, anywhere)
        if readings is None:
            readings = _read_rows(claim, m, own, tol, bounds, any_row=False)
        if not readings and len(anywhere) == 1 and (
                caption_fits(claim, anywhere[0].row) or counts_column(claim, anywhere[0])) \
                and not written_as_difference(claim, m.end):
            # Of the rows the claim names, one only has the column it names, in a table whose
            # caption names what the claim is about ("ENG.+TGT. mT5" under "TyDi" in BUFFET-Light's
            # table, where "English FT" rows are of per-language tables): its cell is the
            # claim's value (unless the claim works out a difference: "21.7 points higher"). So
            # is a numbered column the claim names with its header's words ("one anchor token").
            readings = anywhere
        if not readings and len(anywhere) > 1 and not written_as_difference(claim, m.end) \
                and not any(_columns(r.text, m) for r in own):
            # Of several such rows, the one whose caption names what the claim is about, saying
            # as much of it as any, and whose column is the language the claim names ("NER ...
            # on Japanese": "ja" of "Table 21. NER results (F1 Score) for each language", not
            # "NER" of the transfer-gap table), unless a row the claim names holds its number
            # ("ja 16.3 0.0").
            captioned = [r for r in anywhere if caption_fits(claim, r.row)]
            kept = _best_captioned(claim, [r.row for r in captioned])
            fitting = [r for r, keep in zip(captioned, kept, strict=True) if keep and is_language(r.column)]
            if len(fitting) == 1:
                readings = fitting
        if not readings:
            # A row named by two words or more of its label, the most of any ("(b) Not seen"
            # for "entities that were not seen"), is the claim's: the column it names there
            # is the claim's value, whether or not the row holds the claim's number elsewhere.
            readings = _read_rows(claim, m, _most_named(low, own), tol, bounds, any_row=True)
        held = [r for r in readings if r.holds]
        # "61.1 ..., ahead of the 57.9 from English-only fine-tuning": a row whose cell there holds
        # another of the claim's numbers is that one's, compared with, not a rival.
        readings = held or [r for r in readings if not _others_cell(r, mentions)]
        if held:
            confirmed[m] = held[0]
        elif readings and conflict is None:
            conflict = readings[0]
        elif not readings:
            unread.append((m, tol, bounds, own))
    # The value a change starts from is stated by the row where the claim's value after it is
    # read, in any of its cells (0.53 under "0" of the row whose "1" gives 0.82).
    for m, end in starts_change:
        if (r := confirmed.get(end)) is not None:
            heads = columns(r.row) or []
            tol = tolerance_of(m) + 1e-9
            row_cells = cells(r.row.text)
            at = next((i for i, cell in enumerate(row_cells) if i < len(heads)
                       and any(v is not None and abs(v - m.value) <= tol for v in cell)), None)
            if at is not None:
                confirmed[m] = ColumnReading(m, r.row, heads[at] or "", tuple(row_cells[at]), True)
    # "34.8 F1 and 29.7 exact match on Hindi": where the claim's other number is confirmed in a
    # cell of a row, that row is the claim's; a number the claim puts in the same cell is read
    # there, though no row holds it.
    for m, tol, bounds, own in unread:
        if conflict is not None:
            break
        for r in confirmed.values():
            if r.row in own and (got := read_column(
                    claim, m, r.row, tol, prev_end=bounds[0], next_start=bounds[1],
                    after_next=bounds[2], any_row=True)) is not None \
                    and got.column == r.column and not got.holds and not _others_cell(got, mentions) \
                    and (of_differences(got) or not written_as_difference(claim, m.end)):
                conflict = got
                break
    # "ChatGPT with English demonstrations scores 62.3 on KLUE-NLI": the claim names the model
    # of the rows "EICL ChatGPT" and "TICL ChatGPT" but not their settings. Where none of them
    # holds its number under the column it names, in a table whose caption names what the
    # claim is about, no setting of that model gives it: the first row read says what one does.
    for m, tol, bounds, _own in unread:
        if conflict is not None or confirmed:
            break
        o = owners[m]
        partial = [s.passage for s in ranked if s.passage.kind is PassageKind.TABLE_ROW
                   and s.passage not in rows and _names_model_of(ents, s.passage)
                   and (not o or o in _label_words_low(s.passage))]
        readings = [r for r in _read_rows(claim, m, partial, tol, bounds, any_row=True)
                    if caption_fits(claim, r.row) and not _lacks_language(claim, r.row)]
        # (A claim naming one of their settings, "English-only fine-tuning" of "ENG. ICL", speaks
        # of a row of that setting, which the ranking may have left out: they are not read.)
        settings_named = any(_names_word(low, w) for r in readings for w in _label_words(r.row)
                             if normalise(w) not in ents)
        if readings and not settings_named and not any(r.holds for r in readings) \
                and not written_as_difference(claim, m.end):
            conflict = readings[0]
    return confirmed, conflict


def _others_cell(r: ColumnReading, mentions: Sequence[NumberMention]) -> bool:
    """Whether every value of a cell read for a number is another of the claim's numbers, other
    than one naming a column of the row ("layer 1", "one anchor token")."""
    heads = {h for h in columns(r.row) or () if h}
    others = [x for x in mentions if x is not r.mention and f"{x.value:g}" not in heads]
    values = [v for v in r.values if v is not None]
    return bool(values) and all(
        any(abs(x.value - v) <= tolerance_of(x) + 1e-9 for x in others) for v in values)


def _label_words_low(row: Passage) -> list[str]:
    return [normalise(w) for w in _label_words(row)]


def _names_model_of(ents: set[str], row: Passage) -> bool:
    """Whether one of a claim's names is a word of a row's label of two words or more, other
    than its first: the model of a row named after its setting and model ("EICL ChatGPT")."""
    words = _label_words_low(row)
    return len(words) >= 2 and any(w in ents for w in words[1:])


# The two ends of a change: "from 0.53 to 0.82".
_FROM = re.compile(r"\bfrom\s+$")
_TO = re.compile(r"\s*%?\s*(?:F1\s+|points?\s+)?to\s+")


def change_starts(claim: str, mentions: Sequence[NumberMention]) -> set[NumberMention]:
    """Of a claim's numbers in order, those a change starts from ("from 0.53 to 0.82")."""
    return {m for m, nxt in pairwise(mentions)
            if _FROM.search(claim, 0, m.start) and _TO.fullmatch(claim, m.end, nxt.start)}

# A number written as the other side of a comparison: "against 217", "vs. .81".
_AGAINST = re.compile(r"\b(?:against|versus|vs\.?|compared (?:with|to))\s+$")


_LANGUAGE_AFTER = re.compile(r"\s*%?\s*(?:[A-Za-z]+\s+){0,2}?(?:for|in|on)\s+([A-Z][a-z]+)\b")


def row_language(row: Passage) -> str | None:
    """The language a table row is the row of ("sw Swahili", "ja"): its label is a language's
    code, or its code and name; not a setting named after one ("English FT")."""
    words = [w.lower() for w in _label_words(row)]
    if not words or words[0] not in LANGUAGES.values():
        return None
    if all(w == words[0] or LANGUAGES.get(w) == words[0] for w in words):
        return words[0]
    return None


def _read_rows(
    claim: str, m: NumberMention, rows: Sequence[Passage], tol: float,
    bounds: tuple[int, int, tuple[int, int] | None], *, any_row: bool,
) -> list[ColumnReading]:
    return [r for row in rows if (r := read_column(
        claim, m, row, tol, prev_end=bounds[0], next_start=bounds[1], after_next=bounds[2],
        any_row=any_row))]


def _closest_rows(
    claim: str, ents: set[str], readings: list[ColumnReading]
) -> list[ColumnReading] | None:
    """Of several rows of one named model ("XLM-R each N", "XLM-R en 1"), those whose other
    label words the claim names too ("English data only" picks "en"); None when it tells none
    of them apart, or the rows are not one model's."""
    # "mbert, 1000 examples": the comma ends the name.
    labels = [[w.rstrip(",") for w in (row_label(r.row) or "").split()] for r in readings]
    if len({words[0] for words in labels if words}) != 1:
        return None
    names = ents | {part for e in ents for part in e.split("-")}
    scores = [sum(1 for w in words[1:] if w not in names and mention_positions(claim, w))
              for words in labels]
    top = max(scores, default=0)
    if len(readings) < 2 or top == 0 or all(f == top for f in scores):
        return None
    return [r for r, f in zip(readings, scores, strict=True) if f == top]


def names_row(low: str, ents: set[str], row: Passage) -> bool:
    """Whether a claim (normalised, with its names) names a table row: its whole label, or the
    model name it starts with ("XLM-R" for the row "XLM-R en"), written with or without its
    punctuation ("XLM-R" for the row "XLMR"); or each word of the label, as the claim writes
    it ("ja" as "Japanese", "ZICL mT0" as "mT0 with zero-shot in-context learning"); or, in a
    table of numbered settings, its id ("ID 21" for the row "21 no-parallel ...")."""
    if _named_by_id(low, row):
        return True
    words = _label_words(row)
    # "without the multi-task setup" names no row "mBERT, multi-task": it sets that one aside.
    # (Unless the label denies it itself: "not seen" names the row "(b) Not seen".)
    if not any(normalise(w) in _DENIALS for w in words) \
            and any(_denied_word(low, w) for w in without_measure(words)):
        return False
    label = row_label(row)
    if label is not None and (_writes_name(low, ents, label)
                              or any(label.startswith(e + " ") for e in ents)):
        return True
    # (A "+" between the label's words joins them: "Sep Emb + L1-3" is named without it.)
    need = [w for w in without_measure(words) if w not in _JOINERS]
    # "unseen" names the words "Not seen" of the row "(b) Not seen", both at once.
    for a, b in pairwise(list(need)):
        if normalise(a) == "not" and re.search(rf"\bun{re.escape(normalise(b))}\b", low):
            need = [w for w in need if w not in (a, b)]
            if not need:
                return True
    return bool(need) and sum(1 for w in need if _names_word(low, w)
                               and not _joined_to_another(low, w, words)) == len(need)


_JOINERS = frozenset({"+", "&"})


_DENIALS = frozenset({"without", "not", "no", "w/o", "non"})


def _denied_word(low: str, word: str) -> bool:
    """Whether a claim (normalised) writes a word of a row's label only right after a denial of
    it ("without the multi-task setup", "not multi-task"), never otherwise."""
    key = normalise(word.strip(",()"))
    if len(key) < 3 or not re.search(r"[a-z]", key):
        return False
    at = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", low)]
    return bool(at) and all(re.search(r"\b(?:without|not|no|w/o)\s+(?:(?:the|a|an|any)\s+)?$", low[:i])
                            for i in at)


def _most_specific(low: str, rows: list[Passage]) -> list[Passage]:
    """Named rows without those whose label's words the claim (normalised) names where
    another named row of their table has them and more named: "Sep Emb" is not the row of a
    claim naming "Sep Emb + L1-3". A row the claim names by its id ("(ID 15)") stays."""
    named = [[w for w in _label_words(r) if w not in _JOINERS and _names_word(low, w)] for r in rows]
    words = [frozenset(normalise(w) for w in ws) for ws in named]
    # (The other row's words are named together, in one phrase: "Default" and "anchors" of "...
    # extra anchors ..., from 28.8 in the Default setting" do not name the row "Default anchors".)
    together = [_named_together(low, ws) for ws in named]
    return [r for r, ws in zip(rows, words, strict=True) if _named_by_id(low, r) or not any(
        ws < other and close and (o.paper_id, o.page, o.header) == (r.paper_id, r.page, r.header)
        for o, other, close in zip(rows, words, together, strict=True))]


def _named_together(low: str, words: Sequence[str]) -> bool:
    """Whether a claim (normalised) names each of the words within one short phrase."""
    if not words:
        return False
    firsts = []
    for w in words:
        found = [m.start() for m in label_pattern(normalise(w)).finditer(low)] or \
            mention_positions(low, w) or _loose_positions(low, w)
        if not found:
            return False
        firsts.append(found)
    starts = [min(f) for f in firsts]
    return max(starts) - min(starts) <= NAME_PHRASE_CHARS


def _loose_positions(low: str, word: str) -> list[int]:
    """Where a claim (normalised) names a label word as ``_names_word`` also reads it: a layer
    range in words ("layers 1-3" for "L1-3"), a short word as the start of a longer one
    ("separate" for "Sep")."""
    if (layers := re.fullmatch(r"L(\d+)(?:[-–](\d+))?", word)) is not None:
        span = layers.group(1) + (rf"\s*[-–]\s*{layers.group(2)}" if layers.group(2) else "")
        return [m.start() for m in re.finditer(rf"\blayers?\s+{span}(?![\d-])", low)]
    key = normalise(word)
    if not plain_word(word) or len(key) < 3:
        return []
    return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(key)}", low)]


# The most characters between the first and the last word of a label named in one phrase.
NAME_PHRASE_CHARS = 40


def _named_words(low: str, row: Passage) -> int:
    """How many words of a row's label a claim (normalised) names."""
    words = _label_words(row)
    return sum(1 for w in words if _names_word(low, w) and not _joined_to_another(low, w, words))


def _joined_to_another(low: str, word: str, words: Sequence[str]) -> bool:
    """Whether a claim (normalised) writes a word of a row's label only joined by "+" to one
    the label lacks: "ENG.+TGT. FT" is another setting than the row "ENG. FT mT5", while
    "English+target" is the row "English Target FT"."""
    if "+" not in low:
        return False
    key = normalise(word)
    label = {normalise(w) for w in words}
    joined = False
    for token in low.split():
        parts = [x.strip("()[],;:") for x in token.split("+")]
        if key not in parts:
            continue
        if len(parts) == 1 or all(x in label for x in parts if x):
            return False  # written on its own, or with the label's other word
        joined = True
    return joined


def _named_by_id(low: str, row: Passage) -> bool:
    """Whether a claim (normalised) writes the id of a row of a table of numbered settings
    ("ID 21", "(ID 3)" for the row "21 no-parallel ...")."""
    rid = row_id(row)
    return rid is not None and re.search(rf"\bid\s+{re.escape(rid)}(?![\w-])", low) is not None


def _writes_name(low: str, ents: set[str], label: str) -> bool:
    """Whether a claim (normalised, with its names) writes a row's whole label, with or without
    its punctuation ("XLM-R" for the row "XLMR")."""
    bare = squash(label)
    return bool(label_pattern(label).search(low)) or (
        len(bare) >= 4 and any(squash(e) == bare for e in ents))


# Label words saying a setting lacks something ("No anchors", "w/o NSP").
_ABSENCE_LABELS = frozenset({"No", "NO", "w/o", "W/o", "Without"})


# A word the claim abbreviates with a stop ("Eng.", "Tgt."), of three letters or more.
_ABBREVIATION = re.compile(r"(?<![\w.])([a-z]{3,})\.(?![a-z])")


def _letters_in_order(short: str, word: str) -> bool:
    """Whether ``short``'s letters are in ``word`` in the same order ("tgt" in "target")."""
    rest = iter(word)
    return all(c in rest for c in short)


def _names_word(low: str, word: str) -> bool:
    """Whether a claim names one word of a row's label, as a whole word, or as the column
    names are read (``mention_positions``) but not as the start of a longer name ("XLM" of
    "XLM-R")."""
    key = normalise(word)
    if label_pattern(key).search(low):
        return True
    if plain_word(word) and re.search(rf"(?<![\w-]){re.escape(key.removesuffix('s'))}s?(?![\w-])", low):
        return True  # "Anchors" as "anchor points", "dataset" as "datasets"
    if (layers := re.fullmatch(r"L(\d+)(?:[-–](\d+))?", word)) is not None:
        # "L1-3" as "layers 1-3", "L12" as "layer 12".
        span = layers.group(1) + (rf"\s*[-–]\s*{layers.group(2)}" if layers.group(2) else "")
        if re.search(rf"\blayers?\s+{span}(?![\d-])", low):
            return True
    if plain_word(word) and len(key) >= 4 and any(
            a[0] == key[0] and a != key and _letters_in_order(a, key)
            for a in _ABBREVIATION.findall(low)):
        return True  # "English Target FT" as "Eng.+Tgt. FT"
    if plain_word(word) and len(key) >= 4 and re.search(rf"(?<![\w-]){re.escape(key)}(?:ic|ical|al)(?![\w-])", low):
        return True  # "Atom" as "atomic": the label cuts the claim's adjective short
    if word in _ABSENCE_LABELS:
        # "No anchors" as "without any anchor points" (a lower-case "no" is Norway's code).
        return re.search(r"\b(?:no|without|w/o|remov(?:e|es|ed|ing))\b", low) is not None
    if "+" in word.strip("+") and not re.search(r"\w\+\w", low):
        # "ENG.+TGT." as "fine-tuned on English and then on target-language shots", each part
        # in words; a claim that joins names by "+" itself ("Atom+Compositional") writes them so.
        # A part written twice ("Atom+Atom") is named by two words of the claim ("two atomic
        # languages", "atomic and atomic"), not by the one "atomic" of "an atomic and a
        # compositional language".
        parts = [w for w in word.split("+") if w]
        twice = {w.lower() for w in parts if sum(1 for x in parts if x.lower() == w.lower()) > 1}
        if any(len(re.findall(rf"(?<![\w-]){re.escape(normalise(w))}", low)) < 2
               and not re.search(r"\b(?:two|both)\b", low) for w in twice):
            return False
        return all(_names_word(low, w) for w in parts)
    # A plain word starts a compound of the claim's as a name does not: "cross-lingual probe"
    # names the row "Cross Probe acc.", "XLM-R" does not name "XLM".
    if plain_word(word) and re.search(rf"(?<![\w-]){re.escape(key)}-[a-z]", low):
        return True
    if re.search(rf"(?<![\w-]){re.escape(key)}-\w", low):
        return False
    return bool(mention_positions(low, word))


# Words after a whole number that leave it a measurement ("a dev perplexity of 261 against 217"),
# where a noun makes it a count ("1,500 sampled test instances").
_AFTER_MEASURE = re.compile(r"\s*(?:[.,;:)]|$|(?:against|and|or|but|for|on|in|at|with|vs|"
                            r"versus|than|while|whereas|compared)(?=\s))")


def _measure(claim: str, m: NumberMention) -> bool:
    """A number of the claim that is read in a table's column: a decimal or a size ("570M"),
    or a whole number of three digits or more written as a measurement, not a count."""
    if m.decimals > 0 or m.kind == "multiplier":
        return True
    return _sized(m) and m.end <= len(claim) and _AFTER_MEASURE.match(claim, m.end) is not None


def _sized(m: NumberMention) -> bool:
    """A measurement or a size, which a row seldom holds by chance: written with decimals, with
    a multiplier ("570M", "95k"), or of three digits or more ("1280")."""
    return m.decimals > 0 or m.kind == "multiplier" or (m.kind == "integer" and m.value >= 100)


def _one_named_row(
    claim: str, measures: Sequence[NumberCheck], ranked: Sequence[Scored]
) -> Passage | None:
    """The one table row the claim names that holds all of its two or more measurements ("For
    Japanese, ... drops to 0.0, against 16.3" in the row "ja 16.3 0.0 12.3 1.0"): two numbers of
    a claim in one row of its subject seldom are a coincidence. None where every column of the
    row can be read (the column checks decide), or a measurement is given to another name."""
    if len(measures) < 2 or any(n.status is not NumberStatus.MATCHED for n in measures):
        return None
    low, ents = normalise(claim), entities(claim)
    quoted = [{id(r): r for r in _rows_quoted(n, ranked)} for n in measures]
    owners = [o for n in measures if (o := _owner(claim, n.mention)) is not None]
    for key, r in quoted[0].items():
        names = columns(r)
        readable = names is not None and None not in names
        if any(key not in q for q in quoted[1:]) or readable or not names_row(low, ents, r):
            continue
        label = row_label(r) or " ".join(_label_words(r)).lower()
        if all(o in label or label in o for o in owners):
            return r
    return None


def _row_of_all(claim: str, measures: Sequence[NumberCheck], ranked: Sequence[Scored]) -> Passage | None:
    """The one table row that holds every one of the claim's measurements, in the order the
    claim gives them ("82.1% on English down to 50.4% on Swahili, averaging 66.3%" in the row
    "Devlin et al. (2018) ... 82.1 ... 50.4 58.0 66.3"): three values of a claim in sequence in
    one row are no coincidence, whatever the row is called; two are where the row's label
    names a model the claim names ("EICL mT0 69.0 ... 86.7" for "mT0 ... averages 69.0 F1 and
    reaches 86.7 on Telugu"). None where the label names models and none that the claim
    names (another model's row)."""
    if len(measures) < 2 or len({n.mention.value for n in measures}) < len(measures) or any(
            n.status is not NumberStatus.MATCHED for n in measures):
        return None
    shared = {s.passage.text: s.passage for s in ranked if s.passage.kind is PassageKind.TABLE_ROW
              and all(_columns(s.passage.text, n.mention) for n in measures)}
    if len(shared) != 1:
        return None
    (row,) = shared.values()
    label_names = entities(" ".join(_label_words(row)))
    if label_names and not label_names & entities(claim):
        return None
    if len(measures) == 2 and not label_names & entities(claim):
        return None
    at = [min((i for i, _ in _columns(row.text, n.mention)), default=-1) for n in measures]
    return row if all(a < b for a, b in pairwise(at)) and at[0] >= 0 else None


def _better_named(
    claim: str, measures: Sequence[NumberCheck], row: Passage, ranked: Sequence[Scored]
) -> tuple[NumberCheck, Scored, float] | None:
    """A row of ``row``'s table that the claim names more of (as many words of its label or
    more, and a larger share of them) and that holds another value where ``row`` holds the
    claim's: "With target-language in-context learning, ChatGPT averages 64.6 ..." names the
    row "TGT. ICL ChatGPT" over "ENG. ICL ChatGPT", which holds 64.6. The claim gives its row
    another row's values."""
    low = normalise(claim)

    def named(r: Passage) -> tuple[int, float]:  # words of its label the claim names, and share
        k = _named_words(low, r)
        return k, k / max(len(_label_words(r)), 1)

    mine, share = named(row)
    width = len(cells(row.text))
    for s in ranked:
        p = s.passage
        if p.kind is not PassageKind.TABLE_ROW or p.page != row.page or p.header != row.header \
                or len(theirs := cells(p.text)) != width:
            continue
        k, part = named(p)
        if k < mine or part <= share:
            continue
        for n in measures:
            for i, _ in _columns(row.text, n.mention):
                v = theirs[i][0]
                if v is not None and abs(v - n.mention.value) > 0.5 * 10 ** -n.mention.decimals:
                    return n, s, v
    return None


def _most_named(low: str, rows: Sequence[Passage]) -> list[Passage]:
    """Of the rows a claim names, those with the most words of their label written in it, when
    that is two or more and the rows are of one table (a page and header), or one row printed in
    several tables (BUFFET's Table 4, a subset of its Table 10). A row the claim names by its
    id ("ID 21") is named most."""
    by_id = [r for r in rows if _named_by_id(low, r)]
    if len(by_id) == 1:
        return by_id
    named = [(_named_words(low, r), r) for r in rows]
    top = max((k for k, _ in named), default=0)
    best = [r for k, r in named if k == top]
    if top < 2 or (len({(r.paper_id, r.page, r.header) for r in best}) != 1
                   and len({(r.group, r.text) for r in best}) != 1):
        return []
    return best


def _writes_label(low: str, row: Passage) -> bool:
    """Whether a claim (normalised) writes every word of a row's label, as a word or the start
    of one ("English" in "English-only"), or as ``_names_word`` reads it ("FT" as
    "fine-tuning")."""
    words = _label_words(row)
    return bool(words) and all(
        re.search(rf"(?<!\w){re.escape(normalise(w))}", low) or _names_word(low, w) for w in words)


def table_fit(claim: str, row: Passage, models: frozenset[str] = frozenset()) -> int:
    """How many signs say that a row's table is the one a claim speaks of: its caption names
    what the claim is about ("On TyDiQA" for "Table 19: Model performance on TYDIQA", not
    "TYDIQA-QG"; not the ``models`` that rows are labelled with, which captions of many tables
    name), and its header has a column the claim names ("Swahili" for "sw")."""
    if _lacks_language(claim, row):
        return 0
    names = [n for n in columns(row) or () if n]
    fit = 0
    if row.caption and _caption_names(claim, row.caption, models):
        fit += 1
    if any(names_column(claim, name) for name in names):
        fit += 1
    return fit


def _lacks_language(claim: str, row: Passage) -> bool:
    """Whether a row is of a table of languages without the one the claim names: it cannot
    hold the claim's value."""
    codes = [n for n in columns(row) or () if n and is_language(n)]
    return len(codes) >= 2 and bool(languages_named(claim)) and not any(
        names_column(claim, c) for c in codes)


def _best_captioned(claim: str, rows: Sequence[Passage]) -> list[bool]:
    """For each row, whether its caption says about as much of the claim as any (a row without
    a caption is kept)."""
    terms = content_terms(without_attribution(claim))
    fits = [term_recall(terms, frozenset(content_terms(r.caption))) if r.caption else None for r in rows]
    top = max((f for f in fits if f is not None), default=0.0)
    return [f is None or f >= top - CAPTION_SLACK for f in fits]


def caption_fits(claim: str, row: Passage, *, but_label: bool = False) -> bool:
    """Whether a row's caption names what the claim is about, other than a name of two letters
    ("F1", "EM", "ID"), which captions of many tables write; with ``but_label``, other than the
    row's own label ("RoBERTa" of the GLUE table's caption, for a claim on RoBERTa's XNLI)."""
    if row.caption is None:
        return False
    label = frozenset({normalise(row_label(row) or "")} - {""}) if but_label else frozenset()
    if _caption_names(claim, row.caption, label, shortest=3):
        return True
    # A capitalised word inside the claim names it too ("... with Wikipedia size at a Pearson
    # coefficient" for "Table 9. Pearson correlation coefficients ... and Wikipedia size"), but
    # not a language, which captions of per-language tables write ("English training data").
    low = normalise(row.caption)
    return any(label_pattern(n).search(low) for n in midsentence_names(claim)
               if n not in LANGUAGES and n not in label)


@lru_cache(maxsize=65536)
def _caption_names(claim: str, caption: str, models: frozenset[str], shortest: int = 1) -> bool:
    """Whether a caption names one of the claim's names, of ``shortest`` characters or more,
    other than the ``models``: as the claim writes it, or without its punctuation ("KLUE-NLI"
    for "KLUENLI")."""
    low = normalise(caption)
    squashed = {squash(w) for w in low.split()}
    return any(label_pattern(e).search(low) or (len(squash(e)) >= 4 and squash(e) in squashed)
               for e in entities(claim)
               if len(e) >= shortest and not any(e in m or m in e for m in models))


def _in_captioned_table(n: NumberCheck, best: Scored, ranked: Sequence[Scored]) -> bool:
    """Whether a row of the table whose caption is ``best`` writes the claim's number."""
    cap = best.passage
    return cap.kind is PassageKind.CAPTION and any(
        s.passage.kind is PassageKind.TABLE_ROW and s.passage.paper_id == cap.paper_id
        and s.passage.caption == cap.text and _states(s.passage.text, n) for s in ranked)


def _rows_quoted(n: NumberCheck, ranked: Sequence[Scored]) -> list[Passage]:
    """The ranked table rows a number was matched in (its check's quote)."""
    quote = (n.quote or "").strip("…")
    return [s.passage for s in ranked
            if quote and s.passage.kind is PassageKind.TABLE_ROW and quote in s.passage.text]


def _label_words(row: Passage) -> list[str]:
    """The words of a table row's label as the paper writes them ("ZICL", "mT0"; "ja"), with
    its group's ("ENG. FT" over the rows "mT5", "BLOOM")."""
    text = without_id(row, f"{row.group} {row.text}" if row.group else row.text)
    # "lang-pos;no-random" is two words.
    # "mBERT, 1000 examples" is three words: the comma ends the name.
    words = [w.rstrip("†‡§¶*∗,") for w in leading_words(text.replace(";", " "))]
    return [w for w in words if w and not ENUMERATOR.fullmatch(w.lower())]


def _in_owners_row(claim: str, n: NumberCheck) -> bool:
    """A number matched in the table row of the model the claim gives it to: a row the claim
    names ("XLM-R averages 91.8"), and the one it names for that number ("RoBERTa's 92.8"); a
    name written with or without its punctuation is one ("XLM-R" for the row "XLMR")."""
    if n.status is not NumberStatus.MATCHED or not n.source_subject:
        return False
    label = label_of(n.source_subject)
    if label is None or not _writes_name(normalise(claim), entities(claim), label):
        return False
    owner = _owner(claim, n.mention)
    return owner is None or owner in label or label in owner or _writes_name(owner, {owner}, label)


def _columns(row: str, m: NumberMention) -> set[tuple[int, int]]:
    """Where ``m``'s value sits among a table row's cells (``papers.tables.cells``): (index
    from the left, index from the right)."""
    row_cells = cells(row)
    tol = 0.5 * 10 ** -m.decimals + 1e-9
    return {
        (i, len(row_cells) - 1 - i) for i, c in enumerate(row_cells)
        if any(v is not None and abs(v - m.value) <= tol for v in c)
    }


def _table_support(claim: str, numbers: Sequence[NumberCheck]) -> list[NumberCheck]:
    """The claim's measurements, when each is in the table row of the model it is given to, over
    two rows or more, all in one column ("68.2 for XLM-R Large against 59.8 for mBERT").

    One value in a named row may sit in another column (another task's score); a comparison
    read off one column of several named rows is what the table says.
    """
    measures = [n for n in numbers if n.mention.decimals > 0]
    if len(measures) < 2 or not all(_in_owners_row(claim, n) for n in measures):
        return []
    rows = [n.quote or "" for n in measures]
    if len(set(rows)) < 2 or any(r.startswith("…") or r.endswith("…") for r in rows):
        return []
    places = [_columns(r, n.mention) for r, n in zip(rows, measures, strict=True)]
    left = set.intersection(*({i for i, _ in p} for p in places))
    right = set.intersection(*({j for _, j in p} for p in places))
    return measures if left or right else []


_DIFF_WORDS = re.compile(r"\s*(?:%|percentage)?\s*points?\b|\s*%?\s*(?:below|above|behind|ahead|"
                         r"higher|lower|more|less|better|worse)\b")


def _difference(
    claim: str, n: NumberCheck, numbers: Sequence[NumberCheck], absent: Sequence[NumberCheck]
) -> bool:
    """A gap the claim works out from two of its own stated numbers: "91.8, one point below
    RoBERTa's 92.8". It is arithmetic on what the source states, not a statement of its own."""
    m = n.mention
    if not _DIFF_WORDS.match(claim[m.end :]):
        return False
    stated = [x.mention for x in numbers if x is not n and x not in absent
              and x.mention.decimals > 0]
    tol = 0.5 * 10 ** -m.decimals + 1e-9
    return any(abs(abs(a.value - b.value) - m.value) <= tol + 0.5 * 10 ** -max(a.decimals, b.decimals)
               for i, a in enumerate(stated) for b in stated[i + 1 :])


_LIST_AFTER = re.compile(r"\s+[a-z-]+(?:\s+[a-z-]+){0,2}\s*:\s*([^.;:]+)")
# The list set off by commas after its noun: "three seed numbers, 100, 13 and 21, to ...".
_APPOSITION = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?,\s*((?:[^,.;:]+,\s*)*[^,.;:]+?\s+(?:and|or)\s+[^,.;:]+)")


def _longer_list(claim: str, n: NumberCheck, near: str) -> list[str] | None:
    """The source's list, in brackets, that holds every item of the list a claim's count spells
    out ("four special tokens, [UNK], [CLS], [SEP] and [MASK]") and more; None for a count of
    some of them ("two of its languages")."""
    m = n.mention
    if m.decimals or m.value != int(m.value) or re.match(r"\s+of\b", claim[m.end :]):
        return None
    after = _APPOSITION.match(claim[m.end :]) or _LIST_AFTER.match(claim[m.end :])
    if after is None:
        return None
    items = [normalise(x) for x in _ITEM_SPLIT.split(after.group(1)) if x.strip()]
    if len(items) != int(m.value) or len(items) < 2:
        return None
    for group in re.findall(r"\(([^()]+)\)", near):
        theirs = [x.strip() for x in _ITEM_SPLIT.split(group) if x.strip()]
        if len(theirs) > len(items) and set(items) <= {normalise(x) for x in theirs}:
            return theirs
    return None


_ITEM_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# The items a count names by the first and last of their letters: "five entity sets, (a) to (e)".
_LETTER_SPAN = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?,?\s*\(([a-z])\)\s*(?:to|through|[-–])\s*\(([a-z])\)")


def _letter_span(first: str, last: str, text: str) -> bool:
    """Whether ``text`` writes the span of letters from ``first`` to ``last`` ("(a–e)",
    "(a) to (e)", "(a)-(e)")."""
    return re.search(rf"\(\s*{first}\s*\)?\s*(?:to|through|[-–—])\s*\(?\s*{last}\s*\)",
                     text.lower()) is not None


_BRACED = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,4})\{([^{}]+)\}")


def _braced_set(claim: str, n: NumberCheck, near: str) -> list[str] | None:
    """The items of the set in braces that the source writes after what a count of the claim
    counts ("classifier learning rate {5e-6, 2.5e-5, 1.25e-4}" for "four different learning
    rates for the classifier"), where one set fits: of several ("encoder learning rate {...};
    classifier learning rate {...}"), the one whose first word the claim writes too."""
    m = n.mention
    if m.decimals or m.value != int(m.value) or m.value < 2:
        return None
    thing = re.match(r"\s+(?:different\s+|distinct\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b", claim[m.end :].lower())
    if thing is None:
        return None
    words = thing.group(1).split()
    if words[0].endswith("s"):
        words = words[:1]  # "three seeds for ...": the plural noun ends what is counted
    elif not words[-1].endswith("s"):
        return None  # no plural noun: "four of them"
    words[-1] = words[-1].removesuffix("s")
    counted = " ".join(words)
    sets = [(before.lower().split(), items) for before, items in _BRACED.findall(near)
            if counted in " ".join(before.lower().split())]
    if len(sets) > 1:
        low = claim.lower()
        sets = [(b, items) for b, items in sets if b and b[0] not in counted.split()
                and re.search(rf"\b{re.escape(b[0])}\b", low)]
    if len(sets) != 1:
        return None
    return [x.strip() for x in sets[0][1].split(",") if x.strip()]


def _one_as_article(claim: str, n: NumberCheck, near: str) -> bool:
    """"one" as the source's article: "predicts sequences in one unified output space" against
    "predicts sequences in a unified output space" (the two words after it, as written)."""
    m = n.mention
    if claim[m.start : m.end].lower() != "one":
        return False
    after = re.match(r"\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?", claim[m.end :].lower())
    if after is None:
        return False
    words = r"\s+".join(re.escape(w) for w in after.groups() if w)
    return re.search(rf"\b(?:a|an|a single)\s+{words}\b", normalise(near)) is not None


def _counts_its_list(claim: str, n: NumberCheck, near: str) -> bool:
    """A count the claim itself spells out, every item of which the source states: "three
    languages: English, German and Hindi" against "on English, German and Hindi", "three seed
    numbers, 100, 13 and 21" against "We use 100, 13, and 21 as seed numbers" (an item's first
    word is enough: "POS tagging" for "POS"), "five entity sets, (a) to (e)" against "the sets
    (a–e)"."""
    m = n.mention
    if m.decimals or m.value != int(m.value):
        return False
    span = _LETTER_SPAN.match(claim[m.end :])
    if span is not None and ord(span.group(2)) - ord(span.group(1)) + 1 == int(m.value) \
            and _letter_span(span.group(1), span.group(2), near):
        return True  # "five entity sets, (a) to (e)" against "the sets (a–e)"
    low = normalise(near)
    for pattern, whole in ((_LIST_AFTER, True), (_APPOSITION, False)):
        after = pattern.match(claim[m.end :])
        if after is None:
            continue
        items = [x.strip() for x in _ITEM_SPLIT.split(after.group(1))]
        items = [normalise(x if whole else x.split()[0]) for x in items if x.strip()]
        if len(items) != int(m.value):
            continue
        if all(re.search(rf"(?<![\w.]){re.escape(x)}(?![\w])", low) for x in items):
            return True
        # "naive pretraining, pretraining with anchor tokens, and pretraining with a unified
        # output space" against "naive, anchor tokens and unified output space training": each
        # item's own words (not those every item shares) are stated.
        if whole and len(items) >= 2:
            terms = [set(content_terms(x)) for x in items]
            shared = set.intersection(*terms)
            source = set(content_terms(near))
            own = [t - shared for t in terms]
            if all(o and o <= source for o in own):
                return True
    return False


def _overlaps(a: Passage, b: Passage) -> bool:
    """Two passages over the same text (a caption and its first sentence)."""
    return (a.paper_id, a.page) == (b.paper_id, b.page) and a.start < b.end and b.start < a.end


def _shown_record(record: Sequence[float | None]) -> str:
    return " ".join("…" if c is None else f"{c:g}" for c in record)


def _below(score: float, threshold: float) -> str:
    """A score under a threshold, with the digits that show it under ("0.598", not "0.60")."""
    for digits in range(2, 7):
        if float(shown := f"{score:.{digits}f}") < threshold:
            return shown
    return shown


def _fmt(v: float | None) -> str:
    if v is None:
        return "another value"
    if v == int(v) and abs(v) >= 1e4:
        return f"{v:,.0f}"  # 1,500,000, not 1.5e+06
    return f"{v:g}"


def _row_of_another(numbers: Sequence[NumberCheck], ranked: Sequence[Scored]) -> bool:
    """A measurement the claim gives to a table row it names, found in another row of that table
    (``NumberStatus.OTHER_ENTITY``: "30.5" of "English Target FT" for "Target FT averages
    30.5"): the claim is about that table, however little prose it shares with the paper."""
    return any(n.status is NumberStatus.OTHER_ENTITY and n.mention.decimals > 0
               and _rows_quoted(n, ranked) for n in numbers)


def _anchored(claim: str, numbers: Sequence[NumberCheck], ranked: Sequence[Scored],
              floor: float) -> bool:
    """A measurement of the claim ("70.8", ".97") written in a passage scoring near the topic
    threshold, or in a table row the claim names ("XLMR 88.7 ... 71.2" for "XLM-R reaches
    71.2%"), as is a size there ("634 dev examples" in the row "TyDiQA-GoldP 3,696 634"): the
    claim speaks of what that passage measures, however it words the rest."""
    low = normalise(claim)
    names = entities(claim)
    # Two of the claim's counts in one passage near the threshold ("8 NVIDIA V100 GPUs with
    # 32GB of memory" for "eight 32GB V100 GPUs") anchor it as a measurement does.
    counted: dict[int, set[float]] = {}
    for n in numbers:
        if n.status is NumberStatus.MATCHED and n.quote and n.mention.decimals == 0:
            for s in ranked:
                if s.score >= floor and n.quote.strip("…") in s.passage.text:
                    counted.setdefault(id(s), set()).add(n.mention.value)
    if any(len(values) >= 2 for values in counted.values()):
        return True
    for n in numbers:
        if n.status is not NumberStatus.MATCHED or not _sized(n.mention) or not n.quote:
            continue
        quote = n.quote.strip("…")
        for s in ranked:
            if quote not in s.passage.text:
                continue
            if s.score >= floor and n.mention.decimals > 0:
                return True
            if s.passage.kind is PassageKind.TABLE_ROW and names_row(low, names, s.passage):
                return True
    return False


def _claims_sentence(claim: str, text: str, own: Sequence[float]) -> str:
    """The sentence of a caption that states what the claim states: one writing a number the
    claim also states (".75 vs. .81" for ".75 against .85"), else the one sharing most of the
    claim's words."""
    sentences = [x for x in sentences_of(text) if x.strip()]
    if len(sentences) < 2:
        return text
    for x in sentences:
        if any(abs(v - o) < 1e-9 for v in _numbers_in(x) for o in own):
            return x
    terms = frozenset(content_terms(claim))
    return max(sentences, key=lambda x: len(terms & frozenset(content_terms(x))))


def _unnamed(names: set[str], paper_entities: set[str]) -> set[str]:
    """The claim's names that no paper writes, even as the start of a longer name ("CoNLL" of
    "CoNLL-2002"), in the singular ("MLMs") or with a word hyphened on ("CommonCrawl-trained";
    a stem of two characters, "L2" of "L2-normalised", tells too little to count)."""
    def written(n: str) -> bool:
        return any(e.startswith(n) or e == n.removesuffix("s") for e in paper_entities)

    out = set()
    for n in names:
        stem = re.sub(r"-[a-z]+$", "", n)
        if not written(n) and not (len(stem) >= 3 and stem != n and written(stem)):
            out.add(n)
    return out
