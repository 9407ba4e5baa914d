"""Numbers in claims: find each one with what it quantifies, then check it against the sources.

``extract_numbers(text)`` finds every quantity a claim states:

* decimals, integers and percents: ``66.0``, ``24 layers``, ``5.4%``, ``5.4 percent``;
* lists, which share the unit of their last member and pair with an entity list of the same
  length: in "SQuAD, MNLI, and HellaSwag ... 8.2, 7.5, and 7.0 points" the three numbers get
  the subjects ``SQuAD``, ``MNLI`` and ``HellaSwag`` and the unit ``points``;
* ranges: "150K - 1.2M" gives a ``range_low`` 150000 and a ``range_high`` 1200000;
* number words: "nine tasks" -> 9, "twenty-four", "a dozen" -> 12, "two hundred" -> 200;
* multipliers: "3x faster", "2.5×", "3 times", "1.2M", "150K", "10 billion".

It skips what is not a quantity claim: years (1950-2039 written bare, as in "(Conneau et al.,
2020)"), dates, arXiv ids and URLs, references to tables, figures, sections, equations and
appendices ("Table 2", "Sections 3 and 4"), bracketed citations ("[12]"), enumerators ("(1)"),
version strings ("3.8.1"), digits inside names ("XLM-R", "mT5", "GPT-3", "L6-v2", "F1",
"top-1", the size of "T5-3B") and ordinals ("4th", "first": a rank is not a value one can find in a table). "layer
14 of 24" keeps both numbers. The word "one" counts only where it counts something ("one
language"), not as a pronoun ("one of", "the best one").

**Tolerance.** A number is read as rounded to the digits it is written with. A claim value
``v`` written with ``d`` digits after the point and multiplier ``m`` (K = 1e3, M = 1e6,
B = 1e9, else 1) has the tolerance ``t = 0.5 * 10**-d * m`` and matches a source value ``s``
when ``v - t <= s < v + t``: "66" matches 65.5 up to (not including) 66.5, "66.0" matches
65.95 to 66.05, "1.2M" matches 1,150,000 to 1,250,000. A claim more precise than its source
does not match it (".48" is not "0.5"): the claim states what the source does not. A percent and a fraction are one number:
"66%" equals "0.66" (a claim's fraction is compared so only when written with two or more
decimals). Units are not compared for
equality: "5.4 points" matches a table cell "5.4", and a difference written downwards ("7.8
points below") also matches a difference column's "-7.8". A number at the end of a truncated claim may
itself be cut, so it also matches any source number whose digits begin with it ("5.4" matches
"5.47"; "nine" matches "nineteen").

**Statuses** (``check_numbers``), per mention, over the claim's ranked passages:

* ``MATCHED``: a passage states the value, and not for another row or entity;
* ``OTHER_ENTITY``: the value is stated only for another row or entity: a table row whose label
  the claim does not name while the claim names another row of the same table whose cell in
  the same column is a comparable value (``source_value``), or a sentence pairing the value
  with another entity while the claim's entity holds a different number there;
* ``DIFFERENT``: the value is nowhere in the passages, and either (a) it is a member of a list
  whose other members match a source list of the same length ("70.7% and 57.2%" against
  "70.7% and 52.7%": the source's member in its place), or (b) one of the first three
  passages gives another value in the same role: in prose, of the same kind (count vs
  measurement, with or without decimals) and magnitude (within 10x), with neighbouring words
  shared ("average improvement of 6.1" against "average improvement of 5.4"), and not a value
  the claim states elsewhere. A bare count ("7 tasks") found only in an unrelated spot is also
  ``DIFFERENT`` when a passage gives another count for the same words ("nine tasks"). (c) A
  count of a noun ("29 languages", "12 layers") that one of the first five passages counts
  otherwise, in prose, sharing another word with the claim there ("This leaves us with 19
  languages"), is ``DIFFERENT`` when the value is found nowhere or only counting other things
  ("8 layers, 12 heads"), and is not one the claim gives the same thing (or nothing) elsewhere:
  "three language-pair types" does not hide "3 random seeds" from "five random seeds". A count
  joined to its noun ("8-shot") is a count of it, and no number with decimals matches a count. A count that heads a column of one of the papers' tables with its
  noun ("#Anchor tokens 0 1 2 4") is a setting of the paper: (b) and (c) do not apply to it;
* ``ABSENT``: the value appears nowhere and nothing contradicts it.

Passage analyses are cached by text, so a paper's passages are read once per process.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.models import NumberCheck, NumberMention, NumberStatus, Passage, PassageKind
from claimcheck.verify.languages import LANGUAGES

__all__ = ["check_numbers", "extract_numbers", "squash", "tolerance_of", "value_matches"]

# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------

_NUM_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?")

# Right after a number, no space: a multiplier, a percent, or a "/10"-style scale.
_SUFFIX_RE = re.compile(
    r"(?P<pct>\s?%|\s(?:percent|per\s?cent)\b)"
    r"|(?P<mult>[KkMB](?![\w])|bn\b|\s(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)\b)"
    r"|(?P<times>[x×](?![\w])|\s×|\s(?:times|fold)\b|-fold\b)"
    r"|(?P<frac>/(?:5|10|100)(?![\d.]))",
)
# A unit of time or size written with no space after a number ("2.5days", "∼ 4h", "32GB");
# not "m" or "s", which may be a million or a plural ("110m", "1990s").
_GLUED_UNIT_RE = re.compile(r"(?:days?|hours?|hrs?|h|mins?|ms|secs?|GB|GiB|MB|MiB|TB|TiB)"
                            r"(?![A-Za-z])")
# After a number: two more of a slash-separated list ("5" in "5/10/20/100").
_SLASH_CHAIN_RE = re.compile(r"/\d+(?:\.\d+)?/\d")
_UNIT_WORD_RE = re.compile(
    r"\s?(?P<u>percentage\s+points?|points?|pts\b\.?|pp\b|p\.p\.)", re.IGNORECASE
)
# Unit words a cut claim may end inside of ("7.0 poin").
_CUT_UNITS = {"points": "points", "percent": "%", "percentage": "points"}
_SCALES = {
    "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9,
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "hundred": 1e2, "dozen": 12.0,
}
_SCALE_IN_TEXT_RE = re.compile(
    r"(?:\d|\s)(K|k|M|B|bn|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)\s*$")

_SMALL_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_ALL_WORDS = {**_SMALL_WORDS, **_TENS_WORDS}
# Every word a number is written with ("five hundred thousand"): ``lexical`` leaves them out of a
# claim's content words, since these checks handle them.
NUMBER_WORDS = frozenset([*_ALL_WORDS, *(w for w in _SCALES if len(w) > 2 and w.islower())])
_UNITS_ALT = "|".join(sorted(_SMALL_WORDS, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS_WORDS)
_WORD_RE = re.compile(
    rf"\b(?:(?P<dozen>a\s+dozen)"
    rf"|(?P<tens>{_TENS_ALT})(?:[\s-](?P<tu>one|two|three|four|five|six|seven|eight|nine)\b)?"
    rf"|(?P<unit>{_UNITS_ALT}))"
    rf"(?:[\s-](?P<big>hundred|thousand|million|billion)"
    rf"(?:[\s-](?P<big2>thousand|million|billion))?)?\b",
    re.IGNORECASE,
)
_ONE_BEFORE = {"the", "no", "any", "each", "every", "which", "this", "that", "such", "a", "an",
               "best", "better", "new", "other", "another", "first", "last", "same"}
_ONE_AFTER = {"of", "another", "or", "and", "to", "is", "was", "can", "could", "may", "might",
              "should", "must", "would", "will", "that", "which", "who", "at", "in", "on", "by"}

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_REF_WORDS = (r"(?:Tables?|Tabs?\.|Figures?|Figs?\.|Sections?|Secs?\.|§§?|Appendix|Appendices"
              r"|App\.|Equations?|Eqs?\.|Chapters?|Ch\.|Algorithms?|Alg\.|Footnotes?|Theorems?"
              r"|Lemmas?|Definitions?|Propositions?|Corollary|Example|Lines?|Pages?|pp?\.)")
_REF_NUM = r"\(?(?:[A-Z]\.?)?\d+(?:\.\d+)*[a-z]?\)?"
_EXCLUDE_RE = re.compile(
    r"https?://\S+|www\.\S+"
    r"|(?:(?i:arxiv):\s*)?\b\d{4}\.\d{4,5}(?:v\d+)?\b"
    rf"|\b(?i:{_REF_WORDS})\s*{_REF_NUM}(?:\s*(?:,|and|&|or|-|–|to)\s*{_REF_NUM})*"
    r"|\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]"
    rf"|\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*\d{{4}})?"
    rf"|\b\d{{1,2}}\s+{_MONTHS}\b(?:\s+\d{{4}})?"
    r"|(?<![\w)])\(\s*\d{1,2}\s*\)"
    # A pair of ids ("language pair (0,1)"), written without a space: no quantity.
    r"|(?<![\w)])\(\d,\d\)"
    r"|\b\d+(?:\.\d+){2,}\b",
)
_DASHES = "-‐‑–—−"
_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+)$")
_RANGE_GAP_RE = re.compile(r"^\s*[-‐‑–—]\s*$|^\s+to\s+$")

_TOKEN_RE = re.compile(r"[A-Za-z][\w\-'’]*(?<![\-'’])|\d[\d.,]*(?<![.,])|[^\w\s]")
_STOP_WORDS = (
    "a an the of by to at on in for with from and or is are was were be been being than as "
    "that which this these those its their it we our they he she his her has have had do "
    "does did not no yields yield yielded achieves achieve achieved reaches reach reached "
    "obtains obtain obtained gets get got up about around approximately roughly nearly "
    "almost over only all just some respectively while whereas but per vs versus between "
    "among each both into onto also can could may might will would should must more less "
    "most least very such e.g i.e et al when where how what who using use used based"
)
_STOP = frozenset(_STOP_WORDS.split())
_PLURAL_END = re.compile(r"(?<![su])s$")
_POSSESSIVE = re.compile(r"['’]s$")
# Entity-like words: BUCC, XLM-R, SQuAD, GPT-3, F1, mBERT, mT5, Tatoeba.
_ENTITY_RE = re.compile(r"[A-Z][\w\-]*[A-Z0-9][\w\-]*|[a-z]+[A-Z][\w\-]*|[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class _Raw:
    """A number found before list/range merging."""

    start: int
    end: int
    value: float
    decimals: int
    kind: str
    unit: str | None
    digits: str  # the written digits, commas dropped: "1200", "5.4"


def extract_numbers(text: str) -> list[NumberMention]:
    """Every quantity stated in ``text``, in order, with its unit and subject.

    Never raises for a ``str``; each mention's ``text`` is ``text[start:end]``.

    >>> [(m.text, m.value, m.unit, m.subject) for m in extract_numbers("all 9 tasks gain 8.7 points")]
    [('9', 9.0, None, 'tasks'), ('8.7', 8.7, 'points', 'gain')]
    """
    if not text:
        return []
    return list(_extract_cached(text))


@lru_cache(maxsize=8192)
def _extract_cached(text: str) -> tuple[NumberMention, ...]:
    raws = _raw_numbers(text)
    if not raws:
        return ()
    return tuple(_to_mentions(text, raws))


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _EXCLUDE_RE.finditer(text)]


def _in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _raw_numbers(text: str) -> list[_Raw]:
    spans = _excluded_spans(text)
    found: list[_Raw] = []
    consumed_until = 0
    n = len(text)
    for m in _NUM_RE.finditer(text):
        s, e = m.start(), m.end()
        if s < consumed_until or _in_spans(spans, s, e):
            continue
        prev = text[s - 1] if s > 0 else ""
        dimension = prev in ("x", "×") and s >= 2 and text[s - 2].isdigit()  # the 8 of "8x8"
        if (prev.isalpha() and not dimension) or (prev != "" and prev in "_@#$"):
            continue  # digits inside a name: mT5, F1, v2, P@1
        if prev == "." and s >= 2 and text[s - 2].isdigit():
            continue  # the tail of a version string
        leading_dot = prev == "." and (s == 1 or text[s - 2] in " \t\n([") and "." not in (
            m.group())
        sign = 1.0
        if not leading_dot and prev and prev in _DASHES and s >= 2:
            before = text[s - 2]
            if before.isalpha() and not (
                before in "KkMB" and s >= 3 and text[s - 3].isdigit()
            ):
                continue  # GPT-3, top-1, XLM-R-2
            if not (before.isdigit() or before in "KkMB%") and prev in "-−":
                sign = -1.0  # a minus sign, not a range dash
            lead = s - 2
            while lead > 0 and text[lead - 1].isdigit():
                lead -= 1
            if before.isdigit() and lead > 0 and text[lead - 1].isalpha() \
                    and re.match(r"[KkMB]\b", text[e : e + 2]):
                continue  # a size in a name: the 3B of "T5-3B"
        raw = m.group()
        after = text[e] if e < n else ""
        if after == "." and e + 1 < n and text[e + 1].isdigit():
            continue  # 3.8.1
        digits = raw.replace(",", "")
        if len(digits) > 30:
            continue  # a digit run, not a quantity (and past float's range)
        if leading_dot:  # ".75" as tables of correlations write it
            digits, s, raw = "0." + digits, s - 1, "." + raw
        try:
            value = float(digits)
        except ValueError:  # pragma: no cover - the regex only lets digits through
            continue
        decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
        kind = "decimal" if decimals else "integer"
        unit: str | None = None
        end = e
        sm = _SUFFIX_RE.match(text, e)
        if after in ("x", "×") and text[e + 1 : e + 2].isdigit():
            sm = None  # "8x8": a dimension, two numbers
        if sm is not None and sm.group("frac") and (
            _SLASH_CHAIN_RE.match(text, e) or (prev == "/" and s >= 2 and text[s - 2].isdigit())
        ):
            sm = None  # "5/10/20/100 languages": a list of numbers, not a score out of 10
        if sm is not None:
            end = sm.end()
            if sm.group("pct"):
                kind, unit = "percent", "%"
            elif sm.group("mult"):
                kind = "multiplier"
                value *= _scale(sm.group("mult").strip())
            elif sm.group("times"):
                kind, unit = "multiplier", "x"
            else:
                unit = sm.group("frac")
        elif after.isalpha() and not (after in ("x", "×") and text[e + 1 : e + 2].isdigit()) \
                and _GLUED_UNIT_RE.match(text, e) is None:
            continue  # 4th, 3D, 2nd (but "2.5days", "4h", "32GB" are quantities)
        if (kind == "integer" and "," not in raw and len(raw) == 4 and 1950 <= value <= 2039
                and _UNIT_WORD_RE.match(text, end) is None):
            continue  # a year ("1950 points" is no year)
        consumed_until = end
        found.append(_Raw(s - 1 if sign < 0 else s, end, sign * value, decimals, kind, unit,
                          digits))
    words = _word_numbers(text, spans)
    if words:
        found.extend(w for w in words if not any(r.start < w.end and w.start < r.end
                                                 for r in found))
        found.sort(key=lambda r: r.start)
    return found


def _word_numbers(text: str, spans: list[tuple[int, int]]) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _WORD_RE.finditer(text):
        s, e = m.start(), m.end()
        if _in_spans(spans, s, e):
            continue
        if e < len(text) and text[e] in "'’" and text[e + 1 : e + 2] == "s":
            continue
        tail = text[e : e + 5].lower()
        if tail in ("-shot", "-to-o") or tail[:4] == "-vs-" or (
                tail.startswith("-") and e + len(tail) == len(text)
                and any(name.startswith(tail) for name in ("-shot", "-to-one", "-vs-"))):
            # zero-shot, one-to-one: names of settings, not counts; so is "zero-sho", cut there.
            continue
        if m.group("dozen"):
            value = 12.0
        elif m.group("tens"):
            value = float(_TENS_WORDS[m.group("tens").lower()])
            if m.group("tu"):
                value += _SMALL_WORDS[m.group("tu").lower()]
        else:
            word = m.group("unit").lower()
            value = float(_SMALL_WORDS[word])
            if word == "one" and not m.group("big") and not _one_counts(text, s, e):
                continue
        if m.group("big"):
            value *= _SCALES[m.group("big").lower()]
        if m.group("big2"):  # "five hundred thousand"
            value *= _SCALES[m.group("big2").lower()]
        digits = str(int(value)) if value == int(value) else str(value)
        out.append(_Raw(s, e, value, 0, "word", None, digits))
    return out


def _one_counts(text: str, start: int, end: int) -> bool:
    """Whether the word "one" at ``start`` counts something ("one language") or is a pronoun."""
    before = text[:start].rstrip().rsplit(None, 1)
    if before and before[-1].lower().strip(",;:(") in _ONE_BEFORE:
        return False
    rest = text[end:]
    if rest[:4] in ("-to-", " to "):
        return False
    m = re.match(r"[\s-]+([A-Za-z][\w\-]*)", rest)
    if m is None:
        return False
    return m.group(1).lower() not in _ONE_AFTER and m.group(1).lower() not in _STOP


def _to_mentions(text: str, raws: list[_Raw]) -> list[NumberMention]:
    n = len(text)
    cut_at = len(text.rstrip())
    # Group into ranges and lists by the text between neighbours.
    groups: list[list[_Raw]] = []
    gaps: list[str] = []  # the kind of joint that made each group: "range" or "list"
    for r in raws:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end : r.start]
            if gaps[-1] in ("", "range") and len(groups[-1]) == 1 and _RANGE_GAP_RE.match(gap) \
                    and last.kind != "word" and r.kind != "word" and "to" not in gap:
                groups[-1].append(r)
                gaps[-1] = "range"
                continue
            if gaps[-1] in ("", "list") and _LIST_GAP_RE.match(gap) \
                    and (last.kind == "word") == (r.kind == "word"):
                groups[-1].append(r)
                gaps[-1] = "list"
                continue
        groups.append([r])
        gaps.append("")

    tokens = _tokens(text)
    mentions: list[NumberMention] = []
    for group, joint in zip(groups, gaps, strict=True):
        last = group[-1]
        unit_after, unit_end = _unit_after(text, last.end, last.unit)
        at_cut_group = unit_end >= cut_at and unit_end == last.end
        paired = _paired_subjects(text, group) if joint == "list" else None
        shared_subject = _subject(text, tokens, group[0].start, unit_end)
        for i, r in enumerate(group):
            unit = r.unit
            if unit is None and (r is last or unit_after in ("points", "%")):
                unit = unit_after  # "8.2, 7.5, and 7.0 points": the list shares its unit
            kind = r.kind
            value = r.value
            if joint == "range":
                kind = "range_low" if i == 0 else "range_high"
                if i == 0 and r.kind != "multiplier" and last.kind == "multiplier" \
                        and r.unit is None and last.unit is None:
                    # "1.2-1.5M": the scale written once applies to both ends.
                    value = r.value * _scale_of_text(text[last.start : last.end])
            elif kind in ("integer", "decimal") and unit == "%":
                kind = "percent"
            at_cut = (r is last and at_cut_group) or (
                r.end == cut_at or (r.end + 1 == cut_at and text[r.end : r.end + 1] == ".")
            )
            subject = paired[i] if paired else shared_subject
            mentions.append(NumberMention(
                value=value,
                text=text[r.start : r.end],
                start=r.start,
                end=r.end,
                kind=kind,
                unit=unit,
                subject=subject,
                decimals=r.decimals,
                at_cut=at_cut and r.end <= n,
            ))
    return mentions


def _unit_after(text: str, end: int, own: str | None) -> tuple[str | None, int]:
    """The unit word right after a number ("points"), and where it ends."""
    if own is not None:
        return own, end
    m = _UNIT_WORD_RE.match(text, end)
    if m is not None:
        word = m.group("u").lower()
        return ("%" if word.startswith("percent") else "points"), m.end()
    tail = text[end:]
    stripped = tail.strip().lower()
    if 2 <= len(stripped) and " " not in stripped and tail[:1] == " ":
        for full, unit in _CUT_UNITS.items():
            if full.startswith(stripped) and stripped != full:
                return unit, len(text)  # a unit cut by the report's truncation
    return None, end


def _scale_of_text(written: str) -> float:
    m = _SCALE_IN_TEXT_RE.search(written)
    return _scale(m.group(1)) if m else 1.0


def _scale(word: str) -> float:
    """A multiplier's value: "K" and "M" by their case, "Million" as "million"."""
    return _SCALES[word if len(word) == 1 else word.lower()]


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _is_stop(word: str) -> bool:
    return word.lower() in _STOP


def _phrase_after(tokens: list[_Tok], starts: list[int], end: int, hi: int,
                  limit: int) -> list[_Tok]:
    """The words right after offset ``end`` (before ``hi``) that say what a number quantifies:
    up to ``limit`` of them, stopping at a linking word or punctuation, and after a plural or a
    metric ("24 layers", "12 attention heads", "66.0 F1")."""
    i = bisect_left(starts, end)
    out: list[_Tok] = []
    while i < len(tokens) and len(out) < limit and tokens[i].end <= hi:
        t = tokens[i]
        if not t.is_word or _is_stop(t.text):
            break
        out.append(t)
        if _PLURAL_END.search(t.text) or t.text.lower() in ("accuracy", "f1", "score", "bleu"):
            break
        i += 1
    return out


def _subject(text: str, tokens: list[_Tok], start: int, end: int) -> str | None:
    """The words a number (or list) at ``start:end`` quantifies: what follows, else what leads."""
    starts = [t.start for t in tokens]
    hyphened = re.match(r"-([A-Za-z][\w]*)(\s+[A-Za-z]\w*)?", text[end : end + 40])
    if hyphened:  # "three-phase approach", "24-layer model"
        tail = hyphened.group(2)
        if tail and not _is_stop(tail.strip()):
            return hyphened.group(1) + tail
        return hyphened.group(1)
    after = [t.text for t in _phrase_after(tokens, starts, end, len(text), 4)]
    if after and not (len(after) == 1 and after[0][0].isupper() and _ENTITY_RE.fullmatch(
            after[0]) is None and after[0].lower() not in ("accuracy",)):
        return " ".join(after)
    j = bisect_left(starts, start) - 1
    # Walk left over linking words and earlier numbers to the noun phrase.
    while j >= 0 and (
        (tokens[j].is_word and _is_stop(tokens[j].text))
        or tokens[j].text[:1].isdigit()
        or tokens[j].text in ("=", ":", "~", "≈")
    ):
        j -= 1
    before: list[str] = []
    while j >= 0 and len(before) < 4:
        t = tokens[j]
        if not t.is_word or _is_stop(t.text):
            break
        before.append(t.text)
        j -= 1
    if before:
        return " ".join(reversed(before))
    return " ".join(after) if after else None


_ITEM = r"(?:[A-Za-z][\w\-]*[A-Z][\w\-]*|[A-Z][\w\-]*)(?:\s+(?:[A-Z][\w\-]*|Large|Base|large|base))?"
_ENTITY_LIST_RE = re.compile(
    rf"(?<![\w-])(?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*\s*,?\s+(?:and|or)\s+{_ITEM})(?![\w-])"
)
_ITEM_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _paired_subjects(text: str, group: list[_Raw]) -> list[str] | None:
    """Subjects for a number list from an entity list of the same length ("A, B, and C")."""
    best: list[str] | None = None
    best_dist = math.inf
    for m in _ENTITY_LIST_RE.finditer(text):
        items = [x for x in _ITEM_SPLIT_RE.split(m.group("items")) if x]
        if len(items) != len(group):
            continue
        dist = (group[0].start - m.end()) if m.end() <= group[0].start else (
            m.start() - group[-1].end + 0.5)
        if dist < 0:
            continue
        if dist < best_dist:
            best, best_dist = items, dist
    return best


# ---------------------------------------------------------------------------------------------
# Matching values
# ---------------------------------------------------------------------------------------------

_EPS = 1e-9


def tolerance_of(mention: NumberMention) -> float:
    """Half a unit of the last digit written, times the mention's multiplier.

    >>> tolerance_of(extract_numbers("66.0")[0]), tolerance_of(extract_numbers("1.2M")[0])
    (0.05, 50000.0)
    """
    scale = _scale_of_text(mention.text) if mention.kind in ("multiplier", "range_low",
                                                             "range_high") else 1.0
    if mention.kind == "range_low" and scale == 1.0 and mention.value >= 1000 and \
            mention.decimals:
        # "1.2-1.5M": the low end carries the high end's scale.
        for s in (1e12, 1e9, 1e6, 1e3):
            if mention.value / s < 1000:
                scale = s
                break
    return round(0.5 * 10.0 ** -mention.decimals * scale, 12)


# A word saying the number after it is rounded: "roughly 3,500", "about 4,100".
# So is one joined to a rounded number before it: "roughly 3,500 on train and 4,100 on dev".
_HEDGE = re.compile(r"(?:\b(?:about|around|roughly|approximately|circa)\s+|[~≈]\s*)"
                    r"(?:[\d,.]+(?:\s+[a-z]+){0,3}\s+(?:and|or|to)\s+)?$", re.IGNORECASE)


def hedged_tolerance(claim: str, mention: NumberMention) -> float:
    """``tolerance_of`` a claim's number, widened where the claim says it is rounded: the
    trailing zeros of "roughly 3,500" are not its precision, which is half a hundred (3484
    is roughly 3,500; 3,440 is not)."""
    tol = tolerance_of(mention)
    if mention.kind != "integer" or mention.start > len(claim) or \
            _HEDGE.search(claim, max(0, mention.start - 50), mention.start) is None:
        return tol
    digits = _digits(mention.text)
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0 or zeros == len(digits):
        return tol
    return max(tol, 0.5 * 10.0 ** zeros)


def _candidates(mention: NumberMention, tol: float, at_cut: bool) -> list[tuple[float, float]]:
    """(value, tolerance) pairs a source number may equal: the value, and percent/fraction."""
    v = mention.value
    out = [(v, tol)]
    if mention.unit == "%":
        out.append((v / 100.0, tol / 100.0))
    elif 0 < abs(v) <= 1 and mention.decimals >= 2:
        out.append((v * 100.0, tol * 100.0))
    if at_cut and mention.kind == "word":
        word = mention.text.lower()
        out.extend((float(val), 0.5) for w, val in _ALL_WORDS.items()
                   if w != word and w.startswith(word))
    return out


def value_matches(mention: NumberMention, source: NumberMention, *, at_cut: bool = False) -> bool:
    """Whether ``source`` states ``mention``'s value under the module's tolerance rule."""
    return _Matcher(mention, at_cut)(source.value, source.decimals, tolerance_of(source),
                                     _digits(source.text))


# A difference the claim writes downwards ("7.8 points below Default", "2.1 lower"): a table's
# difference column prints it with a minus sign.
_BELOW = re.compile(r"\s*%?\s*(?:points?\s+|pp\s+)?(?:below|lower|worse|behind|under|less)\b", re.IGNORECASE)


class _Matcher:
    """``value_matches`` for one claim number, prepared once for many source numbers."""

    __slots__ = ("cands", "decimals", "prefix")

    def __init__(self, mention: NumberMention, at_cut: bool, unit: float = 1.0, *,
                 below: bool = False, tol: float | None = None) -> None:
        tol = tolerance_of(mention) if tol is None else tol
        if unit == 1.0:
            cands = _candidates(mention, tol, at_cut)
        else:
            # In a table counting in ``unit``s ("Tokens (M)"), "530 million" is the cell 530.
            cands = [(mention.value / unit, tol / unit)]
        if below and mention.value > 0:
            # "7.8 points below Default": the difference column's -7.8.
            cands.append((-mention.value, tol))
        self.cands = [(v - t - _EPS, v + t - _EPS, v) for v, t in cands]
        self.decimals = mention.decimals
        self.prefix = _digits(mention.text) if at_cut and mention.kind != "word" else ""

    def __call__(self, s: float, s_decimals: int, s_tol: float, s_digits: str) -> bool:
        for lo, hi, v in self.cands:
            if lo <= s < hi:
                return True
        p = self.prefix
        return bool(p) and len(s_digits) > len(p) and s_digits.startswith(p)


# A table header's unit of a count: "Tokens (M)", "Params (B)", "(millions)".
_HEADER_SCALE_RE = re.compile(r"\((M|B|K|millions?|billions?|thousands?)\)", re.IGNORECASE)
_HEADER_SCALES = {"m": 1e6, "million": 1e6, "millions": 1e6, "b": 1e9, "billion": 1e9,
                  "billions": 1e9, "k": 1e3, "thousand": 1e3, "thousands": 1e3}


def header_units(header: str | None) -> frozenset[float]:
    """The units a table's header counts in ("Tokens (M)": a million)."""
    return frozenset(_HEADER_SCALES[u.lower()] for u in _HEADER_SCALE_RE.findall(header or ""))


_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def _digits(written: str) -> str:
    m = _DIGITS_RE.search(written)
    if m is None:
        return ""
    found = m.group().replace(",", "")
    return "0" + found if found.startswith(".") else found


# ---------------------------------------------------------------------------------------------
# Passages: rows, sentences, and each number's surroundings
# ---------------------------------------------------------------------------------------------

# A size in a table counts in its unit ("50k", "1.5B", "172M"): a cell too.
_CELL_TOKEN_RE = re.compile(r"^[-−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:%|[kMB])?[*†‡]*$|^[-–—]$|^/$")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])|\n+")


@dataclass(frozen=True, slots=True)
class _SourceNum:
    mention: NumberMention  # offsets into the passage text
    unit_start: int  # offset of the row or sentence holding it
    unit_end: int
    near: frozenset[str]  # stemmed content words just around it
    far: frozenset[str]  # a wider window
    owner: str | None  # an entity right before it ("XLM-R achieves 66.0")
    row: int | None  # index into _Analysis.rows
    cell: tuple[int, int] | None  # (cell, part) within the row: "76.6 / 60.8" is one cell
    tol: float  # its own rounding tolerance
    digits: str  # its digits as written, for prefix matches at a claim's cut
    in_list: tuple[int, int, int] | None = None  # (list start, position, length): "70.7% and 52.7%"
    noun: str | None = None  # the stemmed plural noun it counts ("8 layers" -> "layer")


@dataclass(frozen=True, slots=True)
class _Row:
    label: str
    label_tokens: tuple[str, ...]
    cells: tuple[tuple[float | None, ...], ...]


@dataclass(frozen=True, slots=True)
class _Analysis:
    numbers: tuple[_SourceNum, ...]
    rows: tuple[_Row, ...]
    entities: frozenset[str]  # lower-cased entity tokens of the passage
    values: tuple[float, ...]  # the numbers' values, sorted, for bisecting
    order: tuple[int, ...]  # index into ``numbers`` of each entry of ``values``


def _stem(word: str) -> str:
    w = word.lower().strip("'’")
    for suffix in ("ements", "ement", "ings", "ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


def _window(tokens: list[_Tok], starts: list[int], lo: int, hi: int, start: int, end: int,
            width: int) -> frozenset[str]:
    """Stemmed content words within ``width`` words of ``start:end``, inside ``lo:hi``."""
    i = bisect_left(starts, start) - 1
    got: list[str] = []
    count = 0
    while i >= 0 and tokens[i].start >= lo and count < width:
        t = tokens[i]
        if t.is_word:
            count += 1
            if not _is_stop(t.text):
                got.append(_stem(t.text))
        i -= 1
    i = bisect_left(starts, end)
    count = 0
    while i < len(tokens) and tokens[i].end <= hi and count < width:
        t = tokens[i]
        if t.is_word:
            count += 1
            if not _is_stop(t.text):
                got.append(_stem(t.text))
        i += 1
    return frozenset(got)


def _counted_noun(tokens: list[_Tok], starts: list[int], hi: int, end: int) -> str | None:
    """The plural noun a count names right after it, stemmed: "8 layers", "12 attention heads"
    ("head"), "five languages", or the noun a hyphen joins it to ("8-shot"). None when a
    linking word, punctuation or nothing follows."""
    i = bisect_left(starts, end)
    if (i + 1 < len(tokens) and tokens[i].text == "-" and tokens[i].start == end
            and tokens[i + 1].is_word and tokens[i + 1].start == end + 1
            and tokens[i + 1].end <= hi and tokens[i + 1].text.isalpha()):
        # A count joined to its noun is singular: "8-shot", "6-layer".
        return _stem(tokens[i + 1].text)
    words = _phrase_after(tokens, starts, end, hi, _NOUN_WORDS)
    return _stem(words[-1].text) if words and _PLURAL_END.search(words[-1].text) else None


def _owner(tokens: list[_Tok], starts: list[int], lo: int, start: int) -> str | None:
    """An entity at most three words before ``start`` with no punctuation or number between."""
    i = bisect_left(starts, start) - 1
    words = 0
    while i >= 0 and tokens[i].start >= lo and words < 3:
        t = tokens[i]
        if t.text == "&":  # "MASAKHANER names & tags 9": one phrase
            i -= 1
            continue
        if not t.is_word:
            return None
        if t.text.lower() in ("and", "or", "but", "whereas", "while", "vs", "versus", "than"):
            return None
        # A capitalised first word of a sentence is no entity unless it has inner capitals.
        # A possessive names its owner ("XLM-R's 67.5").
        name = _POSSESSIVE.sub("", t.text)
        if _ENTITY_RE.fullmatch(name) and (
            t.start != lo or any(c.isupper() for c in name[1:])
        ):
            return name
        words += 1
        i -= 1
    return None


def _parse_row(text: str) -> tuple[str, list[tuple[int, int, int]]] | None:
    """A table row: its label and, for each number token, (offset, cell, part)."""
    toks = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    k = len(toks)
    while k > 0 and _CELL_TOKEN_RE.match(toks[k - 1][1]):
        k -= 1
    if k == 0 or k == len(toks):
        return None
    label = text[: toks[k][0]].strip().rstrip(",:")
    if not label or not any(c.isalpha() for c in label):
        return None
    cells: list[tuple[int, int, int]] = []
    cell, part, join_next = -1, 0, False
    for off, tok in toks[k:]:
        if tok == "/":
            join_next = True
            continue
        if join_next:
            part += 1
            join_next = False
        else:
            cell += 1
            part = 0
        if tok[:1].isdigit() or (tok[:1] in "-−." and len(tok) > 1):
            cells.append((off, cell, part))
        elif tok in ("-", "–", "—"):
            cells.append((-1, cell, part))  # an empty cell keeps the column count
    return label, cells


@lru_cache(maxsize=16384)
def _grouped(text: str, row_kind: bool, group: str | None) -> _Analysis:
    """``_analyse``, where rows under a group name ("XLM-R" over "each N 92.92 ...") are that
    group's rows: their labels start with it, and their cells have its words around them, as
    those of a row that writes its name have."""
    a = _analyse(text, row_kind)
    if not group or not a.rows:
        return a
    rows = tuple(_Row(f"{group} {r.label}", _label_tokens(f"{group} {r.label}"), r.cells)
                 for r in a.rows)
    words = frozenset(_stem(t.text) for t in _tokens(group) if t.is_word and not _is_stop(t.text))
    nums = tuple(n if n.row is None else dataclasses.replace(n, near=n.near | words, far=n.far | words)
                 for n in a.numbers)
    return _Analysis(nums, rows, a.entities, a.values, a.order)


def _label_tokens(label: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in re.findall(r"[\w][\w\-.]*\w|\w", label))


def _claim_tokens(text: str) -> frozenset[str]:
    return frozenset(t.lower() for t in re.findall(r"[\w][\w\-.]*\w|\w", text))


@lru_cache(maxsize=16384)
def _analyse(text: str, row_kind: bool) -> _Analysis:
    """Numbers of a passage with their surroundings, its table rows, and its entities."""
    mentions = extract_numbers(text)
    tokens = _tokens(text)
    starts = [t.start for t in tokens]
    entities = frozenset(t.text.lower() for t in tokens if t.is_word and _ENTITY_RE.fullmatch(
        t.text))
    # Units: table rows (the whole passage for a TABLE_ROW, else row-like lines), and sentences.
    units: list[tuple[int, int, bool]] = []
    line_start = 0
    for line in text.split("\n"):
        lo, hi = line_start, line_start + len(line)
        line_start = hi + 1
        if not line.strip():
            continue
        parsed = _parse_row(line) if (row_kind or _looks_like_row(line)) else None
        if parsed is not None:
            units.append((lo, hi, True))
            continue
        s = lo
        for sm in _SENTENCE_END_RE.finditer(line):
            units.append((s, lo + sm.start(), False))
            s = lo + sm.end()
        units.append((s, hi, False))
    rows: list[_Row] = []
    row_of_unit: dict[int, tuple[int, dict[int, tuple[int, int]]]] = {}
    for ui, (lo, hi, is_row) in enumerate(units):
        if not is_row:
            continue
        parsed = _parse_row(text[lo:hi])
        if parsed is None:  # pragma: no cover - checked above
            continue
        label, cells = parsed
        ncells = max((c for _, c, _ in cells), default=-1) + 1
        grid: list[list[float | None]] = [[] for _ in range(ncells)]
        where: dict[int, tuple[int, int]] = {}
        for off, c, p in cells:
            value: float | None = None
            if off >= 0:
                tok = text[lo + off :].split(None, 1)[0]
                bare = tok.rstrip("%*†‡")
                scale = _scale(bare[-1]) if bare[-1:] in ("k", "M", "B") else 1.0
                try:
                    value = float(bare.rstrip("kMB").replace(",", "").replace("−", "-")) * scale
                except ValueError:
                    value = None
                where[lo + off] = (c, p)
            while len(grid[c]) <= p:
                grid[c].append(None)
            grid[c][p] = value
        row_of_unit[ui] = (len(rows), where)
        rows.append(_Row(label, _label_tokens(label), tuple(tuple(g) for g in grid)))
    nums: list[_SourceNum] = []
    unit_starts = [u[0] for u in units]
    for m in mentions:
        ui = max(0, bisect_left(unit_starts, m.start + 1) - 1)
        lo, hi, is_row = units[ui] if units else (0, len(text), False)
        row_idx: int | None = None
        cell: tuple[int, int] | None = None
        if is_row and ui in row_of_unit:
            row_idx, where = row_of_unit[ui]
            cell = where.get(m.start)
            if cell is None:
                row_idx = None  # a number inside the label ("mBERT, 1000 examples")
        near = _window(tokens, starts, lo, hi, m.start, m.end, 3)
        far = _window(tokens, starts, lo, hi, m.start, m.end, 8)
        owner = None if is_row else _owner(tokens, starts, lo, m.start)
        noun = None if is_row else _counted_noun(tokens, starts, hi, m.end)
        nums.append(_SourceNum(m, lo, hi, near, far, owner, row_idx, cell, tolerance_of(m),
                               _digits(m.text), noun=noun))
    nums = _mark_lists(text, nums)
    order = sorted(range(len(nums)), key=lambda k: nums[k].mention.value)
    return _Analysis(tuple(nums), tuple(rows), entities,
                     tuple(nums[k].mention.value for k in order), tuple(order))


def _number_lists(text: str, mentions: Sequence[NumberMention]) -> list[list[int]]:
    """Runs of mentions joined as a list ("8.2, 7.5, and 7.0"), as index lists (length >= 2)."""
    runs: list[list[int]] = []
    for i, m in enumerate(mentions):
        if i and m.kind not in ("range_low", "range_high") and _LIST_GAP_RE.match(
                text[mentions[i - 1].end : m.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) >= 2]


def _mark_lists(text: str, nums: list[_SourceNum]) -> list[_SourceNum]:
    if len(nums) < 2 or any(n.row is not None for n in nums):
        return nums
    out = list(nums)
    for run in _number_lists(text, [n.mention for n in nums]):
        for pos, k in enumerate(run):
            out[k] = dataclasses.replace(out[k], in_list=(run[0], pos, len(run)))
    return out


def _looks_like_row(line: str) -> bool:
    parsed = _parse_row(line)
    if parsed is None:
        return False
    label, cells = parsed
    return len(cells) >= 3 and len(label.split()) <= 6


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------

_ROLE_PASSAGES = 3  # DIFFERENT looks at the first few passages only: they speak of the claim
# Least role score for DIFFERENT (2 per shared word next to the number, 1 per shared word in
# the wider window, 1 for the same unit), with at least one shared word next to the number.
_ROLE_MIN = 5
_ROLE_MAX_RATIO = 10.0  # a changed number keeps its magnitude: 512 is no misreading of 6
_NOUN_WORDS = 3  # a counted noun follows its number within this many words ("12 attention heads")
# A count of the claim's noun ("19 languages" against "29 languages") is sought in this many
# passages: the sentence stating a count is often not the one that matched the claim's words.
_NOUN_PASSAGES = 5
_NOUN_ROLE_MIN = 1  # role score without the noun: at least one more shared word


@dataclass(frozen=True, slots=True)
class _Hit:
    passage: Passage
    rank: int
    num: _SourceNum
    analysis: _Analysis


def squash(label: str) -> str:
    """A label without its punctuation: "XLM-R" and "XLMR" are one name."""
    return re.sub(r"[^0-9a-z]", "", label.lower())


_PLAIN_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_COMPOUND_HEAD = re.compile(r"(?<![\w-])([A-Za-z][a-z]{3,})-[a-z]")


def plain_word(word: str) -> bool:
    """A word of four letters or more, lower-case after its first ("Cross", "original"), not a
    name ("XLM", "mBERT", "mT5"). A plain word of a row's label is named by a compound it starts
    ("cross-lingual" names "Cross"), where "XLM-R" does not name "XLM"."""
    return _PLAIN_WORD.fullmatch(word) is not None


def compound_heads(text: str) -> frozenset[str]:
    """The plain words a text writes as the start of a compound: "cross" of "cross-lingual"."""
    return frozenset(m.group(1).lower() for m in _COMPOUND_HEAD.finditer(text))


def _head_named(hit: _Hit, squashed: frozenset[str]) -> bool:
    """Whether a hit sits in a table row whose label's head word the claim writes, with or
    without its punctuation."""
    if hit.num.row is None:
        return False
    tokens = hit.analysis.rows[hit.num.row].label_tokens
    return bool(tokens) and squash(tokens[0]) in squashed


def _label_named(row: _Row, claim_tokens: frozenset[str], squashed: frozenset[str]) -> float:
    """How fully the claim (its tokens, and them ``squash``ed) names a row label, each word
    written with or without its punctuation ("XLM-R" for "XLMR"), its first two words also
    joined ("XLNet-Large" for "XLNet Large"): 0 when its head word is missing."""

    def named(t: str) -> bool:
        return t in claim_tokens or (len(t) >= 4 and squash(t) in squashed)

    tokens = row.label_tokens
    if len(tokens) >= 2 and squash(tokens[0] + tokens[1]) in squashed:
        return (2 + sum(1 for t in tokens[2:] if named(t))) / len(tokens)
    if not tokens or not named(tokens[0]):
        return 0.0
    return sum(1 for t in tokens if named(t)) / len(tokens)


def _quote(text: str, lo: int, hi: int, at: int, width: int = 240) -> str:
    quote = text[lo:hi].strip()
    if len(quote) <= width:
        return quote
    rel = at - lo
    a = max(0, rel - width // 2)
    piece = text[lo + a : lo + a + width].strip()
    return ("…" if a > 0 else "") + piece + "…"


def _is_count(m: NumberMention) -> bool:
    return m.kind in ("integer", "word") and m.unit is None


def _same_kind(a: NumberMention, b: NumberMention) -> bool:
    if _is_count(a) != _is_count(b) or (a.decimals == 0) != (b.decimals == 0):
        return False
    return not (a.unit in ("%", "x") and b.unit in ("%", "x") and a.unit != b.unit)


def _role_score(near: frozenset[str], far: frozenset[str], src: _SourceNum,
                mention: NumberMention) -> int:
    score = 2 * len(near & src.near) + len(far & src.far)
    if mention.unit is not None and mention.unit == src.mention.unit:
        score += 1
    return score


def check_numbers(
    mentions: Sequence[NumberMention],
    passages: Sequence[Passage],
    *,
    claim_text: str,
    headers: Collection[str] = (),
) -> list[NumberCheck]:
    """Check each mention of a claim against the claim's ranked passages (best first).

    See the module docstring for the tolerance rule and the four statuses. Never raises on
    well-formed models; a mention with nothing to check against is ``ABSENT``.
    """
    analyses = [_grouped(p.text, p.kind is PassageKind.TABLE_ROW, p.group)
                for p in passages]

    claim_tokens = _claim_tokens(claim_text) | compound_heads(claim_text)
    # A language the claim names by name ("Arabic") names the row of its code ("ar").
    claim_tokens |= {LANGUAGES[t] for t in claim_tokens if t in LANGUAGES}
    claim_heads = frozenset(squash(t) for t in claim_tokens)
    ctoks = _tokens(claim_text)
    cstarts = [t.start for t in ctoks]
    cut_at = len(claim_text.rstrip())
    claim_entities = {t.text.lower() for t in ctoks if t.is_word and _ENTITY_RE.fullmatch(t.text)}
    all_headers = frozenset(headers) | {p.header for p in passages if p.header}
    # Rows of each table across the passages, to find the row the claim names.
    tables: dict[tuple[str, int, str | None], list[tuple[int, int]]] = {}
    for pi, (p, a) in enumerate(zip(passages, analyses, strict=True)):
        for ri in range(len(a.rows)):
            tables.setdefault(_table_key(p), []).append((pi, ri))

    units = [header_units(p.header) for p in passages]
    any_units = frozenset().union(*units)
    results: list[NumberCheck] = []
    matched_hits: list[_Hit | None] = []
    matchers = [_Matcher(m, False) for m in mentions]
    # What a count or a size counts ("84K pairs" against the source's "48K pairs").
    nouns = [_counted_noun(ctoks, cstarts, len(claim_text), m.end)
             if (_is_count(m) or m.kind == "multiplier") and m.end <= len(claim_text) else None
             for m in mentions]
    for mention, noun in zip(mentions, nouns, strict=True):
        at_cut = mention.at_cut or (mention.end >= cut_at > 0)
        tol = tolerance_of(mention)
        near = _window(ctoks, cstarts, 0, len(claim_text), mention.start, mention.end, 3) \
            if mention.end <= len(claim_text) else frozenset()
        far = _window(ctoks, cstarts, 0, len(claim_text), mention.start, mention.end, 8) \
            if mention.end <= len(claim_text) else frozenset()
        below = mention.decimals > 0 and _BELOW.match(claim_text, mention.end) is not None
        matches = _Matcher(mention, at_cut, below=below, tol=hedged_tolerance(claim_text, mention))
        scale = _scale_of_text(mention.text) if mention.kind == "multiplier" else 1.0
        # "22.7 billion" is the cell 22704 of a table counting in millions.
        in_units = {u: _Matcher(mention, at_cut, unit=u) for u in any_units} if scale > 1 else {}
        hits: list[_Hit] = []
        for rank, (p, a) in enumerate(zip(passages, analyses, strict=True)):
            for m in (matches, *(in_units[u] for u in units[rank] if u in in_units)):
                for src in _candidate_numbers(a, m):
                    if noun is not None and _is_count(mention) and src.mention.decimals:
                        continue  # a count of things ("8-shot") is whole: no score's 7.9
                    if m(src.mention.value, src.mention.decimals, src.tol, src.digits):
                        hits.append(_Hit(p, rank, src, a))
        others = [m for m, other in zip(matchers, mentions, strict=True) if other is not mention]
        # The claim's other counts of other things ("three language-pair types") do not hide a
        # count of this one ("3 random seeds" against "five random seeds").
        same = [m for m, other, n in zip(matchers, mentions, nouns, strict=True)
                if other is not mention and n in (None, noun)]
        check, hit = _decide(mention, tol, hits, passages, analyses, tables, claim_tokens,
                             claim_entities, claim_heads, near, far, others, noun, matches,
                             all_headers, same,
                             _owner(ctoks, cstarts, 0, mention.start)
                             if mention.end <= len(claim_text) else None)
        results.append(check)
        matched_hits.append(hit if check.status is NumberStatus.MATCHED else None)
    return _lists_against_lists(claim_text, mentions, results, matched_hits)


def _lists_against_lists(
    claim_text: str,
    mentions: Sequence[NumberMention],
    results: list[NumberCheck],
    matched_hits: list[_Hit | None],
) -> list[NumberCheck]:
    """A claim list whose other members match a source list of the same length: a member
    found nowhere is DIFFERENT from the source's member in its place ("70.7% and 57.2%"
    against "70.7% and 52.7%")."""
    if len(mentions) < 2 or any(m.end > len(claim_text) or claim_text[m.start : m.end] != m.text
                                for m in mentions):
        return results
    for run in _number_lists(claim_text, mentions):
        for i, k in enumerate(run):
            if results[k].status is not NumberStatus.ABSENT:
                continue
            for j, other in enumerate(run):
                hit = matched_hits[other]
                if hit is None or hit.num.in_list is None:
                    continue
                start, pos, length = hit.num.in_list
                if pos != j or length != len(run):
                    continue
                src = hit.analysis.numbers[start + i]
                counterpart = _Hit(hit.passage, hit.rank, src, hit.analysis)
                results[k] = _check(mentions[k], NumberStatus.DIFFERENT, results[k].tolerance,
                                    counterpart, source_value=src.mention.value)
                break
    return results


def _candidate_numbers(a: _Analysis, matches: _Matcher) -> list[_SourceNum]:
    """The passage numbers that may match, in passage order: all of them for a prefix match,
    else those whose value lies near a candidate interval (bisected)."""
    if matches.prefix or len(matches.cands) > 2 or not a.numbers:
        return list(a.numbers)
    picked: set[int] = set()
    values, n = a.values, len(a.values)
    for lo, hi, _ in matches.cands:
        i = bisect_left(values, lo - _EPS)
        while i < n and values[i] < hi:
            picked.add(a.order[i])
            i += 1
    return [a.numbers[k] for k in sorted(picked)]


def _table_key(p: Passage) -> tuple[str, int, str | None]:
    return (str(p.paper_id), p.page if p.caption is None else -1, p.caption)


def _decide(
    mention: NumberMention,
    tol: float,
    hits: list[_Hit],
    passages: Sequence[Passage],
    analyses: list[_Analysis],
    tables: dict[tuple[str, int, str | None], list[tuple[int, int]]],
    claim_tokens: frozenset[str],
    claim_entities: set[str],
    claim_heads: frozenset[str],
    near: frozenset[str],
    far: frozenset[str],
    claimed: Sequence[_Matcher],
    noun: str | None,
    matcher: _Matcher,
    headers: frozenset[str],
    same_counts: Sequence[_Matcher],
    owner: str | None,
) -> tuple[NumberCheck, _Hit | None]:
    fine: list[_Hit] = []
    other: list[tuple[_Hit, str, float | None]] = []
    for hit in hits:
        verdict = _entity_conflict(hit, passages, analyses, tables, claim_tokens, claim_heads,
                                   claim_entities)
        if verdict is None:
            fine.append(hit)
        else:
            other.append((hit, verdict[0], verdict[1]))

    counterpart: tuple[_Hit, int] | None = None
    counted: _Hit | None = None
    if noun is None or not _heads_a_column(noun, matcher, headers):
        # A count that heads a table's column is one of the paper's settings: another count of
        # the same thing in prose is another setting, not a contradiction.
        counterpart = _counterpart(mention, passages, analyses, near, far, claimed)
        if noun is not None:
            counted = _counted_counterpart(mention, noun, passages, analyses, near, far,
                                           same_counts)
    if fine:
        # A row the claim names by its head word ("XLM-R" for "XLMR") holds its subject's
        # measurement: of equal ones, the one there is the claim's. (Counts are read by role.)
        heads = claim_heads if mention.decimals else frozenset()
        # Then the words around it, then the row or sentence holding most of the claim's other
        # numbers ("75.7% ... and 71.5%" are both in XLM-7's CC row, only the first in its Wiki
        # row).
        # The name written right before a measurement ("XLM-R's 67.5") owns it: its row comes
        # before those of the claim's other names.
        owned = frozenset({squash(owner)}) if owner and mention.decimals else frozenset()
        best = max(fine, key=lambda h: (_head_named(h, owned), _head_named(h, heads),
                                        _role_score(near, far, h.num, mention),
                                        _others_beside(h, claimed), -h.rank))
        if (
            counterpart is not None
            and _is_count(mention)
            and _role_score(near, far, best.num, mention) == 0
        ):
            return _check(mention, NumberStatus.DIFFERENT, tol, counterpart[0],
                          source_value=counterpart[0].num.mention.value), None
        if (
            counted is not None
            and best.num.noun is not None
            and all(h.num.noun != noun for h in fine)
        ):
            # "12 layers" found only as "12 heads", while the source counts 8 layers.
            return _check(mention, NumberStatus.DIFFERENT, tol, counted,
                          source_value=counted.num.mention.value), None
        return _check(mention, NumberStatus.MATCHED, tol, best,
                      source_value=best.num.mention.value), best
    if other:
        hit, subject, value = other[0]
        return _check(mention, NumberStatus.OTHER_ENTITY, tol, hit, source_value=value,
                      source_subject=subject), None
    if counterpart is None and counted is not None:
        counterpart = (counted, 0)
    if counterpart is not None:
        return _check(mention, NumberStatus.DIFFERENT, tol, counterpart[0],
                      source_value=counterpart[0].num.mention.value), None
    return NumberCheck(mention=mention, status=NumberStatus.ABSENT, tolerance=tol), None


def _others_beside(hit: _Hit, claimed: Sequence[_Matcher]) -> int:
    """How many of the claim's other numbers the hit's row (or sentence) also holds."""
    src = hit.num
    beside = [n for n in hit.analysis.numbers if n is not src and (
        n.row == src.row if src.row is not None else n.unit_start == src.unit_start)]
    return sum(any(m(n.mention.value, n.mention.decimals, n.tol, n.digits) for n in beside)
               for m in claimed)


def _check(mention: NumberMention, status: NumberStatus, tol: float, hit: _Hit, *,
           source_value: float | None, source_subject: str | None = None) -> NumberCheck:
    src = hit.num
    row = hit.analysis.rows[src.row] if src.row is not None else None
    return NumberCheck(
        mention=mention,
        status=status,
        source_value=source_value,
        source_subject=source_subject if source_subject is not None else (
            row.label if row is not None else src.mention.subject),
        paper_id=str(hit.passage.paper_id),
        page=hit.passage.page,
        quote=_quote(hit.passage.text, src.unit_start, src.unit_end, src.mention.start),
        tolerance=tol,
    )


def _entity_conflict(
    hit: _Hit,
    passages: Sequence[Passage],
    analyses: list[_Analysis],
    tables: dict[tuple[str, int, str | None], list[tuple[int, int]]],
    claim_tokens: frozenset[str],
    claim_heads: frozenset[str],
    claim_entities: set[str],
) -> tuple[str, float | None] | None:
    """(the source's entity, the claim entity's own value) when the hit belongs to another one."""
    src = hit.num
    if src.row is not None and src.cell is not None:
        row = hit.analysis.rows[src.row]
        if _label_named(row, claim_tokens, claim_heads) > 0:
            return None
        best: tuple[float, _Row] | None = None
        for pi, ri in tables.get(_table_key(hit.passage), []):
            other = analyses[pi].rows[ri]
            if other.label_tokens == row.label_tokens:
                continue
            named = _label_named(other, claim_tokens, claim_heads)
            if named > 0 and (best is None or named > best[0]):
                best = (named, other)
        if best is None:
            return None
        own = best[1]
        c, p = src.cell
        if not (len(own.cells) == len(row.cells) and c < len(own.cells) and p < len(own.cells[c])):
            return None  # rows that do not line up: no telling whose value it is
        value = own.cells[c][p]
        if value is None or (value == int(value)) != (src.mention.decimals == 0):
            return None  # a header-like row ("#Anchor tokens 0 1 2 4"), not a comparable one
        return row.label, value
    # A sentence: "mBERT reaches 56.7, XLM-R reaches 66.0" read against "mBERT reaches 66.0".
    owner = src.owner
    if owner is None or owner.lower() in claim_tokens:
        return None
    for peer in hit.analysis.numbers:
        if peer is src or peer.unit_start != src.unit_start or peer.owner is None:
            continue
        if peer.owner.lower() in claim_entities and peer.owner.lower() != owner.lower():
            return owner, peer.mention.value
    return None


def _counterpart(
    mention: NumberMention,
    passages: Sequence[Passage],
    analyses: list[_Analysis],
    near: frozenset[str],
    far: frozenset[str],
    claimed: Sequence[_Matcher],
) -> tuple[_Hit, int] | None:
    """The source number playing the claim number's role in the first passages, if any.

    Candidates are numbers of the same kind and magnitude, in prose (a table row's cells share
    their words), that no other number of the claim states.
    """
    best: tuple[_Hit, int] | None = None
    for rank in range(min(_ROLE_PASSAGES, len(passages))):
        a = analyses[rank]
        for src in a.numbers:
            if src.row is not None or not _same_kind(mention, src.mention):
                continue
            if not near & src.near or not same_magnitude(mention.value, src.mention.value):
                continue
            score = _role_score(near, far, src, mention)
            if score < _ROLE_MIN or (best is not None and score <= best[1]):
                continue
            sm = src.mention
            if any(m(sm.value, sm.decimals, src.tol, src.digits) for m in claimed):
                continue  # the claim states this one elsewhere ("in under 40 minutes")
            best = (_Hit(passages[rank], rank, src, a), score)
    return best


def _heads_a_column(noun: str, matches: _Matcher, headers: frozenset[str]) -> bool:
    """Whether one of the papers' tables counts ``noun`` in its header with the claim's value
    ("#Anchor tokens 0 1 2 4"): the count is then one of the paper's settings, and another count
    of the noun in prose is another setting, not a contradiction."""
    for header in headers:
        a = _analyse(header, True)
        if not a.rows or noun not in {_stem(w) for w in re.findall(r"[A-Za-z]+", a.rows[0].label)}:
            continue
        if any(n.row is not None and matches(n.mention.value, n.mention.decimals, n.tol, n.digits)
               for n in a.numbers):
            return True
    return False


def _counted_counterpart(
    mention: NumberMention,
    noun: str,
    passages: Sequence[Passage],
    analyses: list[_Analysis],
    near: frozenset[str],
    far: frozenset[str],
    claimed: Sequence[_Matcher],
) -> _Hit | None:
    """Another count of the claim's noun in the first passages ("This leaves us with 19
    languages" against "which leaves 29 languages"): in prose, of the same magnitude, sharing
    a word besides the noun, and not a value the claim states elsewhere."""
    best: tuple[int, int, _Hit] | None = None
    for rank in range(min(_NOUN_PASSAGES, len(passages))):
        a = analyses[rank]
        for src in a.numbers:
            sm = src.mention
            if src.noun != noun or src.row is not None or not _same_kind(mention, sm):
                continue
            if not same_magnitude(mention.value, sm.value):
                continue
            if any(m(sm.value, sm.decimals, src.tol, src.digits) for m in claimed):
                continue
            if _role_score(near - {noun}, far - {noun}, src, mention) < _NOUN_ROLE_MIN:
                continue
            score = _role_score(near, far, src, mention)
            if best is not None and (score, -rank) <= best[:2]:
                continue
            best = (score, -rank, _Hit(passages[rank], rank, src, a))
    return best[2] if best is not None else None


def same_magnitude(a: float, b: float) -> bool:
    """Within ``_ROLE_MAX_RATIO`` of each other: values that can stand in one role."""
    lo, hi = sorted((abs(a), abs(b)))
    if lo == 0:
        return hi <= _ROLE_MAX_RATIO
    return hi / lo <= _ROLE_MAX_RATIO
