"""Articles in, ExtractedArticle records out: the extract stage, free of any store or scheduler
so it runs the same in a test, a Prefect task or a Dask worker."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.resolver import Resolver
from newsgraph.config import PIPELINE_VERSION
from newsgraph.corpus.decode import describe
from newsgraph.errors import InputError
from newsgraph.graph.records import Article, ExtractedArticle
from newsgraph.nlp import headlines, repairs, rules
from newsgraph.nlp.actors_in_text import ArticleActors
from newsgraph.nlp.event_filter import EventFilter
from newsgraph.nlp.events import SentenceReader

PART_CHARS = 100_000
"""Longer texts are parsed in parts and the parts joined into one Doc: spaCy refuses a text over
`nlp.max_length` (1,000,000 characters, error E088) and its parser's memory grows with the
text, while one article of a hostile or broken corpus can be a whole dump."""
# Where a part may end, best first: a paragraph, a line, a sentence, a word.
_CUTS = ("\n\n", "\n", ". ", " ")

HEADLINE_CHARS = 300  # longer, the "title" is a paragraph (a feed's summary), parsed with the body
HEADLINE_ENDS = (".", "!", "?", ":", '"', "'", "”", "’", ")")

DATELINE = re.compile(
    r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*"  # BAGHDAD, KUALA LUMPUR, THE HAGUE (not "US - China")
    r"(?:, [A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}){0,2}"  # , Turkey, Aug 21
    r"(?: \([A-Za-z][\w .&/-]{0,30}\))?"  # (Reuters)
    r" ?[-–—]+(?:\s+|$)"
)
"""A wire report's dateline opening its body ("BAGHDAD, Nov 13 (Reuters) - ", "ATHENS — "):
the place it was filed from, not a party to what the sentence reports."""

# Entity labels whose mentions are recorded as (:Article)-[:MENTIONS]->(:Actor).
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def read_doc(doc: Doc, article: Article, resolver: Resolver, filtered: bool = True) -> ExtractedArticle:
    """The events, actors and affiliations of one parsed article. `filtered=False` keeps the
    candidates the learned filter would drop (to train it)."""
    repairs.repair(doc)
    actors = ArticleActors(resolver, date=article.published)
    actors.learn_places(doc)
    events = []
    sentence_count = 0
    # `sent.ents` scans the whole Doc on each call, which made long articles quadratic; the
    # entities are walked once beside the sentences instead.
    entities = iter(ent for ent in doc.ents if ent.label_ in MENTION_LABELS)
    pending = next(entities, None)
    sentence_starts: dict[int, int] = {}  # first token -> sentence index
    for index, sent in enumerate(doc.sents):
        sentence_starts[sent.start] = index
        named = []
        while pending is not None and pending.start < sent.end:
            named.append(pending)
            pending = next(entities, None)
        if not sent.text.strip() or DATELINE.fullmatch(sent.text):
            continue  # nothing, or a dateline: neither reports nor names a party
        sentence_count += 1
        events += SentenceReader(sent, actors).events(article.id, index)
        for ent in named:
            actors.resolve(ent.root, recent=False)
    occurrences = actors.occurrences(lambda span: sentence_starts[span.sent.start])
    named = Counter(o.actor.id for o in occurrences)  # MENTIONS {count}: the article's Mention nodes
    if filtered and rules.enabled("filter.learned"):
        keep = EventFilter.shipped().keep
        events = [e for e in events if keep(e)]
    return ExtractedArticle(
        article=article,
        pipeline_version=PIPELINE_VERSION,
        sentence_count=sentence_count,
        word_count=sum(1 for t in doc if not (t.is_space or t.is_punct)),
        events=tuple(events),
        mentions=tuple((actors.mentions[actor_id].actor, count) for actor_id, count in sorted(named.items())),
        affiliations=actors.all_affiliations(),
        occurrences=occurrences,
    )


def parts(text: str, size: int = PART_CHARS) -> list[str]:
    """Pieces of at most `size` characters that join to exactly `text`, cut at the best break
    in the second half of each piece (a hard cut only in a text without any)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        found = ((window.rfind(cut), cut) for cut in _CUTS)
        end = next((at + len(cut) for at, cut in found if at >= size // 2), size)
        pieces.append(window[:end])
        start += end
    pieces.append(text[start:])
    return pieces


def parse(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[tuple[Doc, Article]]:
    """Each article's Doc, through `nlp.pipe` (the parser's own fast path); a long article is
    piped as its parts and joined again, so offsets still refer to the article's text.

    The headline is piped as a part of its own, closed with a full stop when it has none: run
    on into the body or left open, a headline parses as a noun phrase ("Ankara blocks Sweden's
    NATO membership bid": "bid" the verb) and its event is lost. The stop is dropped again
    before the parts are joined. A headline whose verb the tagger still takes for a noun is
    parsed once more with the verb in the past tense (headlines.py)."""
    pieces = (
        (piece, (article, number == len(split) - 1, number == 0 and headline, number == 0 and closed))
        for article in articles
        for split, headline, closed in [_pieces(article)]
        for number, piece in enumerate(split)
    )
    pending: list[Doc] = []
    for doc, (article, last, headline, closed) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        if headline:
            doc = headlines.reparsed(doc, nlp)
        pending.append(_without_added_stop(doc) if closed else doc)
        if last:
            yield (pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)), article
            pending = []


def _pieces(article: Article) -> tuple[list[str], bool, bool]:
    """The parts to pipe, whether the first is the headline, and whether it has a full stop
    added. The blank line after the headline is a part of its own: a body piped from a leading
    line break loses entities at its start ("Zakharova condemned NATO": no entity after "\n\n",
    ORG without), and a headline piped with one after its stop parses otherwise ("bid" a clause)."""
    title = article.title
    if not title or len(title) > HEADLINE_CHARS or not article.text.startswith(title):
        return _body_pieces(article.text), False, False
    closed = not title.endswith(HEADLINE_ENDS)
    rest = article.text[len(title):]
    body = rest.lstrip()
    blank = rest[: len(rest) - len(body)]
    return [title + "." if closed else title, *([blank] if blank else ()), *_body_pieces(body)], True, closed


def _body_pieces(body: str) -> list[str]:
    """The body's parts, its dateline a part of its own: run on into the first sentence, the
    parser makes the dateline's city the subject or glues it to the real one ("VIENNA, March 3
    (AFP) - Rafael Grossi ... urged Iranian officials" read Austria as the one urging)."""
    dateline = DATELINE.match(body)
    if dateline is None or dateline.end() == len(body):
        return parts(body) if body else []
    return [body[: dateline.end()], *parts(body[dateline.end():])]


def _without_added_stop(doc: Doc) -> Doc:
    """The headline's Doc without the full stop `_pieces` added."""
    return doc[: len(doc) - 1].as_doc(copy_user_data=True)


def extract(
    articles: Iterable[Article], nlp: Language, resolver: Resolver, batch_size: int = 32,
    errors: list[InputError] | None = None,
) -> Iterator[ExtractedArticle]:
    """An article the rules fail on goes to `errors` (or raises when it is None) and is not
    loaded, so one odd parse cannot stop a run; the next run tries it again."""
    for doc, article in parse(articles, nlp, batch_size):
        try:
            yield read_doc(doc, article, resolver)
        except Exception as exc:
            if errors is None:
                raise
            errors.append(InputError(article.where, f"extraction failed ({describe(exc)}); not loaded"))
