"""Languages by name, with the codes that multilingual benchmarks' tables write for them."""

from __future__ import annotations

import re

LANGUAGES = {
    "afrikaans": "af", "arabic": "ar", "bengali": "bn", "bulgarian": "bg", "chinese": "zh",
    "dutch": "nl", "english": "en", "estonian": "et", "finnish": "fi", "french": "fr",
    "german": "de", "greek": "el", "hebrew": "he", "hindi": "hi", "hungarian": "hu",
    "indonesian": "id", "italian": "it", "japanese": "ja", "korean": "ko", "persian": "fa",
    "polish": "pl", "portuguese": "pt", "russian": "ru", "spanish": "es", "swahili": "sw",
    "tamil": "ta", "telugu": "te", "thai": "th", "turkish": "tr", "urdu": "ur",
    "vietnamese": "vi", "yoruba": "yo",
    # More of the ISO 639 codes that multilingual benchmarks' tables use (XTREME, MasakhaNER,
    # AmericasNLI, IndicXNLI): 639-1 where there is one, else 639-3.
    "amharic": "amh", "assamese": "as", "aymara": "aym", "basque": "eu", "belarusian": "be",
    "bodo": "brx", "bribri": "bzd", "asháninka": "cni", "ashaninka": "cni", "georgian": "ka",
    "guarani": "gn", "gujarati": "gu", "haitian": "ht", "hausa": "hau", "huichol": "hch",
    "igbo": "ibo", "javanese": "jv", "kannada": "kn", "kazakh": "kk", "kinyarwanda": "kin",
    "luo": "luo", "maithili": "mai", "malay": "ms", "malayalam": "ml", "marathi": "mr",
    "burmese": "my", "nahuatl": "nah", "otomi": "oto", "punjabi": "pa", "nigerian pidgin": "pcm",
    "quechua": "quy", "shipibo-konibo": "shp", "tagalog": "tl", "rarámuri": "tar",
    "raramuri": "tar", "wolof": "wol",
}


# A count of languages in a claim: "covers 12 languages", "four of AmericasNLI's languages".
LANGUAGE_COUNT = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+languages\b")
_CODE = re.compile(r"[a-z]{2,3},?")


def _squash(text: str) -> str:
    """``numbers.squash``, which cannot be imported here: ``numbers`` imports this module."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def listed_codes(name: str, text: str) -> list[str] | None:
    """The language codes a passage lists right after a dataset's name, as a table of datasets
    and their languages prints them ("AMERICAS NLI aym, bzd, cni, gn, ..."): the name written
    with or without its spaces and punctuation, capitalised; codes in parentheses (the
    English source data: "PAWS (en,) de, es, ...") are not counted; a comma follows every code
    but the last ("XNLI and PAWS" lists nothing). None without two codes."""
    key = _squash(name)
    if len(key) < 4:
        return None
    words = text.split()
    for i, first in enumerate(words):
        if not first[:1].isupper():
            continue
        joined = ""
        for j in range(i, min(i + 3, len(words))):
            joined += _squash(words[j])
            if joined == key:
                codes = _codes_from(words, j + 1)
                if len(codes) >= 2:
                    return codes
            if len(joined) >= len(key):
                break
    return None


def _codes_from(words: list[str], k: int) -> list[str]:
    codes: list[str] = []
    while k < len(words):
        w = words[k]
        if w.startswith("("):
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
