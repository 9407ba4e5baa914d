"""Languages by name, with the codes that multilingual benchmarks' tables write for them."""

from __future__ import annotations

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
