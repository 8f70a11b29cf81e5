"""The language of an article, decided once when it is read.

Extraction rules and the spaCy model are English, so a confidently non-English article is set
aside (and counted) rather than mined for events it would get wrong. Short texts carry too few
character n-grams for a reliable guess ("Israel attacked Syria." scores as Swedish), so below a
confidence they are "und" (undetermined) and kept."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

UNDETERMINED = "und"
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 10_000  # enough for a stable guess; keeps a huge page from costing more
EXTRACTED_LANGUAGES = frozenset({"en", UNDETERMINED})


@cache
def _identifier() -> LanguageIdentifier:
    """Loaded once per process (about half a second); normalised probabilities make the
    confidence comparable across text lengths."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE)


def detect_language(text: str) -> str:
    """ISO 639-1 code, or "und" when the text is too short or too mixed to tell."""
    if not text.strip():
        return UNDETERMINED
    language, _confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return language


def is_extracted(language: str) -> bool:
    return language in EXTRACTED_LANGUAGES
