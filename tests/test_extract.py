"""The extractor on the seed article and on sentences written for each rule, with the real
spaCy model and gazetteer."""

from __future__ import annotations

from helpers import SEED, events_of, triples
from newsgraph.corpus.discover import read_files
from newsgraph.nlp.extract import read_doc


def test_seed_article_gives_the_canonical_events(nlp, resolver):
    (article,) = read_files([str(SEED)]).articles
    item = read_doc(nlp(article.text), article, resolver)
    found = triples(item.events)
    assert ("country:RUS", "warn", "country:USA") in found
    assert ("country:RUS", "ask", "country:USA") in found
    ask = next(e for e in item.events if e.action.lemma == "ask")
    assert ask.reported_by is not None and ask.reported_by.actor.id == "person:maria-zakharova"
    # "Zakharova" alone is the full name met before, with the country her title gave her.
    assert {e.reported_by.actor.country for e in item.events if e.reported_by} == {"RUS"}
    withdraw = [e for e in item.events if e.action.lemma == "withdraw"]
    assert withdraw and all(e.action.modality == "requested" for e in withdraw)
    assert {e.target.actor.id for e in withdraw} == {"place:al-tanf"}
    zakharova = next(a for a in item.affiliations if a.person.id == "person:maria-zakharova")
    assert (zakharova.organisation.id, zakharova.person.country) == ("country:RUS", "RUS")
    for event in item.events:  # evidence offsets point at the sentence in the article text
        assert article.text[event.start:event.end].strip() == event.sentence


def test_passive_voice(nlp, resolver):
    assert triples(events_of(nlp, resolver, "Syria was attacked by Israel on Monday.")) == {
        ("country:ISR", "attack", "country:SYR")}


def test_coordinated_subjects(nlp, resolver):
    found = triples(events_of(nlp, resolver, "Russia and China criticized the United States."))
    assert found == {("country:RUS", "criticize", "country:USA"), ("country:CHN", "criticize", "country:USA")}


def test_negation_by_refusal(nlp, resolver):
    (event,) = events_of(nlp, resolver, "Iran refused to meet with France.")
    assert (event.action.lemma, event.action.negated) == ("meet", True)


def test_light_verb_takes_the_noun_and_its_target(nlp, resolver):
    (event,) = events_of(nlp, resolver, "The US-led coalition conducted air strikes against Syria.")
    assert (event.source.actor.id, event.action.category, event.target.actor.id) == (
        "country:USA", "ASSAULT", "country:SYR")


def test_request_marks_the_requested_action(nlp, resolver):
    found = {e.action.lemma: e for e in events_of(nlp, resolver, "Turkey urged Washington to withdraw from Syria.")}
    assert found["urge"].target.actor.id == "country:USA" and found["urge"].action.modality is None
    assert found["withdraw"].source.actor.id == "country:USA"
    assert found["withdraw"].action.modality == "requested"


def test_a_sentence_without_actors_holds_no_event(nlp, resolver):
    assert events_of(nlp, resolver, "The weather was mild and the markets were calm.") == ()


def test_extraction_is_deterministic(nlp, resolver):
    (article,) = read_files([str(SEED)]).articles
    first = read_doc(nlp(article.text), article, resolver)
    assert read_doc(nlp(article.text), article, resolver) == first


def test_call_on_is_a_request_and_the_asked_party_acts(nlp, resolver):
    found = {e.action.lemma: e for e in events_of(nlp, resolver, "Egypt called on Ethiopia to withdraw its troops.")}
    assert (found["call on"].source.actor.id, found["call on"].target.actor.id) == ("country:EGY", "country:ETH")
    assert found["call on"].action.category == "REQUEST"
    assert found["withdraw"].source.actor.id == "country:ETH" and found["withdraw"].action.modality == "requested"


def test_accused_of_gives_the_alleged_act_reported_by_the_accuser(nlp, resolver):
    found = {e.action.lemma: e for e in events_of(nlp, resolver, "Ukraine accused Russia of shelling Kharkiv.")}
    assert (found["accuse"].source.actor.id, found["accuse"].target.actor.id) == ("country:UKR", "country:RUS")
    assert found["shell"].source.actor.id == "country:RUS"
    assert found["shell"].reported_by.actor.id == "country:UKR"


def test_reduced_passive_headline(nlp, resolver):
    assert ("country:TUR", "bomb", "country:IRQ") in triples(
        events_of(nlp, resolver, "Iraqi border posts bombed by Turkish drones"))


def test_the_person_in_apposition_acts(nlp, resolver):
    (event,) = events_of(nlp, resolver, "Japan's top diplomat, Foreign Minister Kenji Mori, met with Indian officials.")
    assert event.source.actor.id == "person:kenji-mori"


def test_target_on_the_object(nlp, resolver):
    assert ("country:PRK", "fire", "country:JPN") in triples(
        events_of(nlp, resolver, "North Korea fired missiles at Japan on Tuesday."))


def test_a_reported_they_is_the_reporter(nlp, resolver):
    found = triples(events_of(nlp, resolver, "Norway and Sweden said they supported Finland."))
    assert {("country:NOR", "support", "country:FIN"), ("country:SWE", "support", "country:FIN")} <= found


def test_a_definite_description_refers_back(nlp, resolver):
    events = events_of(nlp, resolver, "Human Rights Watch published a report on Monday.",
                       "The group accused Iran of torturing prisoners.")
    accuse = next(e for e in events if e.action.lemma == "accuse")
    assert (accuse.source.actor.id, accuse.target.actor.id) == ("ngo:human-rights-watch", "country:IRN")


def test_a_subject_pronoun_continues_the_subject(nlp, resolver):
    events = events_of(nlp, resolver, "NATO criticized Russia on Monday.", "It also condemned Belarus.")
    condemn = next(e for e in events if e.action.lemma == "condemn")
    assert condemn.source.actor.id == "igo:nato"


def test_reciprocal_action_of_coordinated_subjects(nlp, resolver):
    assert triples(events_of(nlp, resolver, "India and China held talks in Beijing.")) == {
        ("country:IND", "talk", "country:CHN")}


def test_commitments_and_headline_futures_are_intended(nlp, resolver):
    (offer,) = [e for e in events_of(nlp, resolver, "Qatar offered to mediate between Kenya and Somalia.")
                if e.target and e.target.actor.id == "country:KEN"]
    assert (offer.source.actor.id, offer.action.lemma, offer.action.modality) == ("country:QAT", "mediate", "intended")
    (headline,) = events_of(nlp, resolver, "Japan to impose sanctions on North Korea")
    assert (headline.action.category, headline.action.modality) == ("SANCTION", "intended")


def test_every_mention_is_kept_with_its_words_place_and_rule(nlp, resolver):
    """Each place the article names an actor is one Occurrence (a :Mention node): the words as
    the text has them at their offsets, the sentence, the rule; MENTIONS counts them."""
    (article,) = read_files([str(SEED)]).articles
    doc = nlp(article.text)
    item = read_doc(doc, article, resolver)
    assert item.occurrences
    for o in item.occurrences:
        assert article.text[o.start:o.end] == o.text and o.rule
    named = {(o.text, o.actor.id) for o in item.occurrences}
    assert ("Moscow", "country:RUS") in named and ("Maria Zakharova", "person:maria-zakharova") in named
    assert ("Zakharova", "person:maria-zakharova") in named  # the surname alone, later
    counts = {}
    for o in item.occurrences:
        counts[o.actor.id] = counts.get(o.actor.id, 0) + 1
    assert {actor.id: n for actor, n in item.mentions} == counts
    places = [(o.start, o.end, o.actor.id) for o in item.occurrences]
    assert places == sorted(set(places))  # in text order, once per words and actor
    sentences = list(doc.sents)
    assert all(sentences[o.sentence_index].start_char <= o.start < sentences[o.sentence_index].end_char
               for o in item.occurrences)
