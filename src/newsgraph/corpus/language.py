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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from newsgraph.errors import InputError
from newsgraph.graph.records import Article

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

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
    confidence comparable across text lengths. Imported here: a re-run that finds nothing new
    never needs it (numpy and the model cost half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

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


def with_language(article: Article) -> Article:
    return replace(article, language=language_share(article.text)[0])


@dataclass
class Languages:
    """Articles sorted by language: `english` (and undetermined) are extracted; `foreign` are
    set aside, each with a line in `errors` so none is dropped without a word."""

    english: list[Article] = field(default_factory=list)
    foreign: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def sort_by_language(articles: Iterable[Article]) -> Languages:
    result = Languages()
    for article in articles:
        language, share = language_share(article.text)
        article = replace(article, language=language)
        if is_extracted(language):
            result.english.append(article)
        else:
            result.foreign.append(article)
            result.errors.append(InputError(article.where, f"not English: {language} {share:.2f}"))
    return result
