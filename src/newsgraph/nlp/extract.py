"""Articles in, ExtractedArticle records out: the extract stage, free of any store or scheduler
so it runs the same in a test, a Prefect task or a Dask worker."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.resolver import Resolver
from newsgraph.config import PIPELINE_VERSION
from newsgraph.graph.records import Article, ExtractedArticle
from newsgraph.nlp.actors_in_text import ArticleActors
from newsgraph.nlp.events import SentenceReader

# Entity labels whose mentions are recorded as (:Article)-[:MENTIONS]->(:Actor).
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def read_doc(doc: Doc, article: Article, resolver: Resolver) -> ExtractedArticle:
    actors = ArticleActors(resolver)
    actors.learn_places(doc)
    events = []
    sentence_count = 0
    for index, sent in enumerate(doc.sents):
        if not sent.text.strip():
            continue
        sentence_count += 1
        events += SentenceReader(sent, actors).events(article.id, index)
        for ent in sent.ents:
            if ent.label_ in MENTION_LABELS:
                actors.resolve(ent.root, recent=False)
    return ExtractedArticle(
        article=article,
        pipeline_version=PIPELINE_VERSION,
        sentence_count=sentence_count,
        word_count=sum(1 for t in doc if not (t.is_space or t.is_punct)),
        events=tuple(events),
        mentions=tuple(
            (actors.mentions[actor_id].actor, count) for actor_id, count in sorted(actors.counts().items())
        ),
        affiliations=tuple(actors.affiliations[k] for k in sorted(actors.affiliations)),
    )


def extract(
    articles: Iterable[Article], nlp: Language, resolver: Resolver, batch_size: int = 32
) -> Iterator[ExtractedArticle]:
    """Streams articles through `nlp.pipe`, the parser's own fast path."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield read_doc(doc, article, resolver)
