"""A small hand-made set of extracted records: the store and query tests assert against it
without depending on what the extractor finds."""

from __future__ import annotations

from newsgraph.config import PIPELINE_VERSION
from newsgraph.corpus.records import make_article
from newsgraph.graph.records import Action, Actor, Affiliation, Event, ExtractedArticle, Mention, Occurrence

RUSSIA = Actor("country:RUS", "Russia", "country", "RUS")
USA = Actor("country:USA", "United States", "country", "USA")
SYRIA = Actor("country:SYR", "Syria", "country", "SYR")
ZAKHAROVA = Actor("person:maria-zakharova", "Maria Zakharova", "person", "RUS")
ALTANF = Actor("place:al-tanf", "al-Tanf", "place", "SYR")
ODD = Actor("other:odd", "O'Brien \"The\" \\ `Tick`", "other", None)


def _event(article, n, source, lemma, category, score, target=None, *, negated=False,
           modality=None, reporter=None, role=None) -> Event:
    sentence = f"Sentence {n} of {article.title}."
    start = article.text.find(sentence)
    return Event(
        id=f"event:{article.id}:{n}:{lemma}",
        article_id=article.id,
        sentence_index=n,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        source=Mention(source, source.name, role),
        action=Action(lemma, lemma + "s", category, score, negated, modality),
        target=Mention(target, target.name) if target else None,
        reported_by=Mention(reporter, reporter.name) if reporter else None,
        confidence=0.9,
    )


def _article(title: str, published: str, n_sentences: int, url: str):
    body = " ".join(f"Sentence {i} of {title}." for i in range(n_sentences))
    return make_article(doc=f"{title}.txt", title=title, body=body, url=url, published=published)


def records(version: str = PIPELINE_VERSION) -> list[ExtractedArticle]:
    a1 = _article("Moscow warns", "2019-01-10", 4, "https://example.org/a1")
    a2 = _article("Damascus denounces", "2019-02-02", 3, "https://example.org/a2")
    a3 = _article("Odd names", "2019-02-20", 2, "https://example.org/a3")
    e1 = [
        _event(a1, 0, RUSSIA, "warn", "THREATEN", -4.0, USA, role="foreign ministry"),
        _event(a1, 1, RUSSIA, "ask", "REQUEST", -1.0, USA, reporter=ZAKHAROVA),
        _event(a1, 1, USA, "withdraw", "RETREAT", 2.0, ALTANF, modality="requested", reporter=ZAKHAROVA),
        _event(a1, 2, USA, "consider", "OTHER", 0.0, None, modality="intended"),
        _event(a1, 3, RUSSIA, "condemn", "DISAPPROVE", -3.0, SYRIA, negated=True),
    ]
    e2 = [
        _event(a2, 0, SYRIA, "denounce", "DISAPPROVE", -3.0, USA),
        _event(a2, 1, RUSSIA, "warn", "THREATEN", -4.0, USA),
        _event(a2, 2, SYRIA, "meet", "CONSULT", 3.0, RUSSIA),
    ]
    e3 = [_event(a3, 0, ODD, "praise", "SUPPORT", 3.5, RUSSIA)]
    aff = Affiliation(ZAKHAROVA, RUSSIA, "spokeswoman, foreign ministry")

    def item(article, events, mentions, affiliations=(), occurrences=()):
        return ExtractedArticle(
            article=article, pipeline_version=version, sentence_count=len(article.text.split(". ")),
            word_count=len(article.text.split()), events=tuple(events),
            mentions=tuple(mentions), affiliations=tuple(affiliations), occurrences=tuple(occurrences),
        )

    def named(article, actor, words, sentence, rule="actor.gazetteer"):
        start = article.text.index(f"Sentence {sentence} of ") + len(f"Sentence {sentence} of ")
        assert article.text[start:start + len(words)] == words
        return Occurrence(actor, words, sentence, start, start + len(words), rule)

    return [
        item(a1, e1, [(RUSSIA, 4), (USA, 4), (SYRIA, 1), (ZAKHAROVA, 2), (ALTANF, 1)], [aff]),
        item(a2, e2, [(SYRIA, 2), (USA, 1), (RUSSIA, 2)],
             occurrences=[named(a2, SYRIA, "Damascus", 0), named(a2, SYRIA, "Damascus", 1, "actor.name_head")]),
        item(a3, e3, [(ODD, 1), (RUSSIA, 1)]),
    ]


EXPECTED_COUNTS = {
    "articles": 3,
    "events": 9,
    "actors": 6,
    # asserted, non-negated events with a target: RUS-warn->USA (2), RUS-ask->USA,
    # SYR-denounce->USA, SYR-meet->RUS, ODD-praise->RUS
    "interactions": 5,
    "interaction_pairs": 4,
}


def loaded(store):
    """The store holding these records with INTERACTS_WITH derived, as the queries expect."""
    store.load_all(records())
    store.refresh_interactions()
    return store
