"""The language of an article, decided once when it is read.

Extraction rules and the spaCy model are English, so a confidently non-English article is set
aside (and counted) rather than mined for events it would get wrong. Short texts carry too few
character n-grams for a reliable guess ("Israel attacked Syria." scores as Swedish), so below a
confidence they are "und" (undetermined) and kept.

A guess over the whole text can be carried by a quote: Cyrillic or Arabic n-grams are so
distinctive that one Russian sentence in an English report makes the whole "ru". So a
non-English guess is checked on the text without its quotations (what the article says in its
own voice), and an article is set aside only when that is confidently not English."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

UNDETERMINED = "und"
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 10_000  # enough for a stable guess; keeps a huge page from costing more
EXTRACTED_LANGUAGES = frozenset({"en", UNDETERMINED})
SET_ASIDE_CONFIDENCE = 0.9  # below it a short English text guessed as something else is kept
MIN_OWN_VOICE_CHARS = 40  # what is left without the quotations must be enough to classify
# A quotation: between straight or curly double quotes, guillemets, or German quotes.
_QUOTATIONS = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]')


@cache
def _identifier() -> LanguageIdentifier:
    """Loaded once per process (about half a second); normalised probabilities make the
    confidence comparable across text lengths."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE)


def language_share(text: str) -> tuple[str, float]:
    """The article's language and the classifier's confidence in it; "und" when the text is
    too short or too mixed to tell, or not confidently foreign."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return UNDETERMINED, 0.0
    language, confidence = _identifier().classify(sample)
    if language in EXTRACTED_LANGUAGES:
        return language, confidence
    own_voice = _QUOTATIONS.sub(" ", sample)
    if own_voice != sample and len(own_voice.strip()) >= MIN_OWN_VOICE_CHARS:
        language, confidence = _identifier().classify(own_voice)
    if language not in EXTRACTED_LANGUAGES and confidence < SET_ASIDE_CONFIDENCE:
        return UNDETERMINED, confidence
    return language, confidence


def is_extracted(language: str) -> bool:
    return language in EXTRACTED_LANGUAGES
