"""The language of an article, decided once when it is read.

Extraction rules and the spaCy model are English, so a confidently non-English article is set
aside (and counted) rather than mined for events it would get wrong. Short texts carry too few
character n-grams for a reliable guess ("Israel attacked Syria." scores as Swedish), so below a
confidence they are "und" (undetermined) and kept.

A guess over the whole text can be carried by a quote: Cyrillic or Arabic n-grams are so
distinctive that one Russian sentence in an English report makes the whole "ru". So a
non-English guess is checked against the body: each sentence, line and quotation is classified
on its own, and the language holding most of the characters decides."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

UNDETERMINED = "und"
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 10_000  # enough for a stable guess; keeps a huge page from costing more
EXTRACTED_LANGUAGES = frozenset({"en", UNDETERMINED})
MIN_SEGMENT_CHARS = 20  # shorter segments are mostly undetermined and only cost time
_SEGMENT_BREAKS = re.compile(r"(?<=[.!?])\s+|\n+|[\"“”«»„]")


@cache
def _identifier() -> LanguageIdentifier:
    """Loaded once per process (about half a second); normalised probabilities make the
    confidence comparable across text lengths."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE)


def detect_language(text: str) -> str:
    """ISO 639-1 code, or "und" when the text is too short or too mixed to tell."""
    return language_share(text)[0]


def language_share(text: str) -> tuple[str, float]:
    """The language and how sure the guess is: the classifier's confidence, or, when the body
    was checked segment by segment, the share of characters in that language."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return UNDETERMINED, 0.0
    language, confidence = _identifier().classify(sample)
    if language in EXTRACTED_LANGUAGES:
        return language, confidence
    return _majority(sample) or (language, confidence)


def _majority(sample: str) -> tuple[str, float] | None:
    characters: dict[str, int] = {}
    for segment in _SEGMENT_BREAKS.split(sample):
        segment = segment.strip()
        if len(segment) >= MIN_SEGMENT_CHARS:
            language, _ = _identifier().classify(segment)
            if language != UNDETERMINED:
                characters[language] = characters.get(language, 0) + len(segment)
    if not characters:
        return None
    language = max(characters, key=characters.__getitem__)
    return language, characters[language] / sum(characters.values())


def is_extracted(language: str) -> bool:
    return language in EXTRACTED_LANGUAGES
