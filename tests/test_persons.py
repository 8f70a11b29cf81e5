"""Persons across articles: known persons (actors/data/persons.toml) by any form a text uses,
with their state and dated offices; the kind guards; and the graph's AFFILIATED_WITH dates on
both stores. Real spaCy on sentences written for each rule."""

from __future__ import annotations

import pytest

from newsgraph.actors.persons import Persons, person
from newsgraph.actors.resolver import Resolver
from newsgraph.corpus.records import make_article
from newsgraph.graph.records import Actor, Affiliation, Article, ExtractedArticle
from newsgraph.nlp.extract import parse, read_doc
from helpers import events_if_the_ner_tags, events_of


def read(nlp, resolver, title: str, body: str, published: str | None = "2020-10-01") -> ExtractedArticle:
    article = make_article(doc="t.txt", title=title, body=body, published=published)
    doc, _ = next(parse([article], nlp))  # as the pipeline parses: the headline apart
    return read_doc(doc, article, resolver)


def persons_in(item: ExtractedArticle) -> dict[str, tuple[str, str | None]]:
    return {a.id: (a.kind, a.country) for a, _ in item.mentions if a.kind == "person"}


def ids_in(item: ExtractedArticle) -> set[str]:
    return {a.id for a, _ in item.mentions}


def test_every_form_of_a_known_person_is_one_actor_with_a_country(nlp, resolver):
    item = read(nlp, resolver, "Trump attacks Biden over China",
                "President Trump attacked Biden on Tuesday. Donald J. Trump said the United States "
                "would not bow to China. Joseph R. Biden Jr. answered him in Delaware.")
    assert persons_in(item) == {"person:donald-trump": ("person", "USA"), "person:joe-biden": ("person", "USA")}
    attacks = [e for e in item.events if e.action.lemma == "attack"]  # the headline's and the body's
    assert ("person:donald-trump", "person:joe-biden") in {(e.source.actor.id, e.target.actor.id) for e in attacks}
    assert {e.source.rule for e in attacks} == {"actor.known_person"}


def test_a_surname_alone_needs_the_persons_state_in_the_article(nlp, resolver):
    """"Trump" in a story that names nothing of the United States may be anyone called Trump."""
    item = read(nlp, resolver, "Local builder wins award", "Trump thanked the jury in Lyon on Friday.")
    assert "person:donald-trump" not in ids_in(item)
    item = read(nlp, resolver, "Washington reacts", "Trump thanked the US Senate on Friday.")
    assert "person:donald-trump" in ids_in(item)


def test_a_full_name_in_the_article_beats_a_known_person_with_that_surname(nlp, resolver):
    item = read(nlp, resolver, "Biden's son testifies",
                "Hunter Biden told the US Congress he had done nothing wrong. Biden spoke for an hour.")
    assert "person:hunter-biden" in ids_in(item)
    assert "person:joe-biden" not in ids_in(item)


def test_a_father_and_son_of_one_name_are_two_persons(nlp, resolver):
    """"Ferdinand Marcos" is the president of 1965-1986, "Ferdinand Marcos Jr." his son; a
    surname alone is the one in office on the article's date."""
    old = read(nlp, resolver, "Network shut down", "The last such order came under former Philippine President "
               "Ferdinand Marcos in 1972. The government closed the network on Tuesday.")
    assert "person:ferdinand-marcos" in ids_in(old) and "person:ferdinand-marcos-jr" not in ids_in(old)
    son = read(nlp, resolver, "Manila protests", "President Ferdinand Marcos Jr. met Joe Biden in Washington. "
               "Marcos thanked the United States for its support.", published="2023-05-02")
    assert persons_in(son)["person:ferdinand-marcos-jr"] == ("person", "PHL")
    assert "person:ferdinand-marcos" not in ids_in(son)


def test_a_surname_two_known_persons_share_is_not_guessed():
    persons = Persons.load()
    clintons = [p for p in persons.by_id.values() if p.actor.name.endswith(" Clinton")]
    if len(clintons) < 2:
        pytest.skip("the shipped facts hold one Clinton")
    context = {"country:USA"}
    assert persons.by_short_name("Clinton", "1996-05-01", context).actor.id == "person:bill-clinton"
    assert persons.by_short_name("Clinton", "2030-05-01", context) is None


def test_a_known_persons_name_is_never_a_place(nlp, resolver):
    """The small model tags "Biden" a place at times; once it is, every "Biden" of the article
    became place:biden."""
    item = read(nlp, resolver, "Biden leads in Pennsylvania",
                "Biden visited Scranton. Supporters gathered outside Biden's home in Wilmington. "
                "The US election is on Tuesday.")
    assert not any(a.kind == "place" and "biden" in a.id for a, _ in item.mentions)
    assert "person:joe-biden" in ids_in(item)


def test_tickets_families_and_possessive_phrases_are_no_persons(nlp, resolver):
    item = read(nlp, resolver, "Campaign news",
                "The Trump-Pence campaign attacked Joe Biden. The Trumps left the White House. "
                "Donald Trump defended Trump's America First policy in the United States.")
    persons = set(persons_in(item))
    assert persons <= {"person:donald-trump", "person:joe-biden"}, persons
    assert {"person:donald-trump", "person:joe-biden"} <= persons


@pytest.mark.parametrize(("body", "persons"), [
    ("Hurricane Dorian killed 50 people in the Bahamas. Dorian then moved north.", set()),  # a storm
    ("GitHub said the LRIT system was down.", set()),  # an acronym
    ("Elizabeth Warren Image: U.S. Senate.", {"person:elizabeth-warren"}),  # a caption's word
    ("Voters backed the Bernie Sanders-backed candidate.", {"person:bernie-sanders"}),  # an adjective
])
def test_what_the_ner_glues_to_a_name_or_calls_a_person_is_no_person(nlp, resolver, body, persons):
    """What the NER tags a person but a reader would strike out."""
    assert set(persons_in(read(nlp, resolver, "News", body))) == persons


def test_titles_and_digits_are_not_part_of_a_persons_name():
    assert person("Lady Melania Trump").id == "person:melania-trump"
    assert person("Mayor Bill de Blasio").id == "person:bill-de-blasio"
    assert person("Don Blankenship").id == "person:don-blankenship"  # a first name, not a title


def test_a_known_persons_offices_are_dated_affiliations(nlp, resolver):
    item = read(nlp, resolver, "Biden wins", "Joe Biden defeated Donald Trump in the United States.")
    trump = {(a.organisation.id, a.role, a.since, a.until, a.basis)
             for a in item.affiliations if a.person.id == "person:donald-trump"}
    assert ("country:USA", "president", "2017-01-20", "2021-01-20", "curated") in trump
    assert ("country:USA", "president", "2025-01-20", None, "curated") in trump


def test_a_stated_affiliation_carries_the_articles_date(nlp, resolver):
    item = read(nlp, resolver, "Moscow speaks",
                "Russian Foreign Ministry spokeswoman Maria Zakharova warned the United States.",
                published="2019-02-07")
    (zakharova,) = [a for a in item.affiliations if a.person.id == "person:maria-zakharova"]
    assert (zakharova.organisation.id, zakharova.since, zakharova.until, zakharova.basis) == (
        "country:RUS", "2019-02-07", "2019-02-07", "stated")


def test_the_shipped_facts_are_consistent(resolver):
    """Every office names an actor the gazetteer knows, every country is a state, ids are the
    slugs of the names, terms end after they begin, and no two persons share a full form."""
    persons = Persons.load()
    assert len(persons.by_id) > 2
    for known in persons.by_id.values():
        assert known.actor.id == person(known.actor.name).id
        assert known.actor.country is None or resolver.actor(f"country:{known.actor.country}") is not None, known
        for office in known.offices:
            assert resolver.actor(office.org) is not None, (known.actor.id, office)
            assert office.until is None or office.since is None or office.since <= office.until, (known.actor.id, office)


def test_a_user_file_adds_a_known_person(tmp_path, nlp):
    extra = tmp_path / "aliases.toml"
    extra.write_text('''
[[person]]
id = "person:ruth-haldorsen"
name = "Ruth Haldorsen"
country = "NOR"
[[person.office]]
org = "country:NOR"
role = "foreign minister"
since = "2019-01-01"
''', encoding="utf-8")
    resolver = Resolver.default(extra_aliases=extra)
    item = read(nlp, resolver, "Oslo", "Haldorsen criticised Russia on behalf of Norway.")
    assert persons_in(item).get("person:ruth-haldorsen") == ("person", "NOR")


def test_a_bad_person_entry_names_the_file(tmp_path):
    extra = tmp_path / "bad.toml"
    extra.write_text('[[person]]\nid = "person:someone-else"\nname = "Ruth Haldorsen"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml.*slug"):
        Persons.load(extra)


def test_the_graph_keeps_one_edge_per_term_and_the_stated_dates(store):
    """Two articles state one role on different dates: one stated edge from the first date to
    the last, whatever the load order; a known person's two terms are two curated edges."""
    trump = Actor("person:donald-trump", "Donald Trump", "person", "USA")
    usa = Actor("country:USA", "United States", "country", "USA")
    zakharova = Actor("person:maria-zakharova", "Maria Zakharova", "person", "RUS")
    russia = Actor("country:RUS", "Russia", "country", "RUS")

    def extracted(article_id: str, day: str, *affiliations: Affiliation) -> ExtractedArticle:
        article = Article(id=article_id, doc=f"{article_id}.txt", title="t", text="t",
                          content_hash=article_id, published=day)
        return ExtractedArticle(article, "test", 1, 1, (), (), affiliations)

    role = "spokeswoman, foreign ministry"
    later = extracted("a2", "2020-03-01", Affiliation(zakharova, russia, role, "2020-03-01", "2020-03-01"))
    earlier = extracted("a1", "2019-02-07", Affiliation(zakharova, russia, role, "2019-02-07", "2019-02-07"),
                        Affiliation(trump, usa, "president", "2017-01-20", "2021-01-20", "curated"),
                        Affiliation(trump, usa, "president", "2025-01-20", None, "curated"))
    store.load([later])
    store.load([earlier])
    store.load([earlier])  # a re-run changes nothing
    rows = store.read(
        "MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor) RETURN p.id AS p, o.id AS o, r.role AS role, "
        "r.since AS since, r.until AS until, r.basis AS basis ORDER BY p, since")
    assert rows == [
        {"p": "person:donald-trump", "o": "country:USA", "role": "president", "since": "2017-01-20",
         "until": "2021-01-20", "basis": "curated"},
        {"p": "person:donald-trump", "o": "country:USA", "role": "president", "since": "2025-01-20",
         "until": None, "basis": "curated"},
        {"p": "person:maria-zakharova", "o": "country:RUS", "role": role, "since": "2019-02-07",
         "until": "2020-03-01", "basis": "stated"},
    ]


def test_the_query_library_finds_an_actor_by_any_of_its_forms(store, nlp, resolver):
    """"Trump" and "the Kremlin" name actors whose names are "Donald Trump" and "Russia"."""
    from newsgraph.store.schema_files import named_queries

    item = read(nlp, resolver, "Trump warns Moscow",
                "Donald Trump warned Russia on Monday. The Kremlin rejected the warning.")
    store.load([item])
    query = named_queries()["what_did_a_do_to_b"].cypher
    for a, b in (("Trump", "Moscow"), ("Donald J. Trump", "kremlin"), ("person:donald-trump", "Russia")):
        rows = store.read(query, {"a": a, "b": b, "limit": 5})
        assert {(r["source"], r["action"], r["target"]) for r in rows} == {("Donald Trump", "warn", "Russia")}, (a, b)


def test_actors_to_review_lists_what_resolution_left_open(store, nlp, resolver):
    from newsgraph.store.schema_files import named_queries

    store.load([read(nlp, resolver, "Local builder wins award",
                     "Anna Kowalczyk thanked the jury in Lyon. Later, Mr Nowak criticised the jury."),
                read(nlp, resolver, "Biden wins", "Joe Biden defeated Donald Trump in the United States.")])
    rows = store.read(named_queries()["actors_to_review"].cypher, {"limit": 25})
    found = {r["id"]: r["why"] for r in rows}
    assert found.get("person:nowak") == "one word: a surname no full name explains"
    assert next(r["words"] for r in rows if r["id"] == "person:nowak") == ["Nowak"]  # the words to curate
    assert found.get("person:anna-kowalczyk") == "no country"
    assert "person:donald-trump" not in found and "person:joe-biden" not in found


def test_a_known_person_keeps_the_surname_against_a_relative(nlp, resolver):
    item = read(nlp, resolver, "Hunter Biden's laptop",
                "Hunter Biden's business deals were questioned. Joe Biden defended his son. "
                "Later Biden attacked Trump over the deaths in the United States.")
    (attack,) = [e for e in item.events if e.action.lemma == "attack"]
    assert (attack.source.actor.id, attack.target.actor.id) == ("person:joe-biden", "person:donald-trump")


def test_a_legislature_or_court_named_alone_is_the_articles_state(nlp, resolver):
    """"The Senate", "the court": the sector of the state the article is about, as "the army"
    is; not an actor of kind other named "Senate"."""
    item = read(nlp, resolver, "Tariffs", "The United States imposed new tariffs on steel. "
                "The Senate condemned China on Tuesday.")
    (condemn,) = [e for e in item.events if e.action.lemma == "condemn"]
    assert (condemn.source.actor.id, condemn.source.role, condemn.target.actor.id) == (
        "country:USA", "legislature", "country:CHN")
    assert not any(a.id == "other:senate" for a, _ in item.mentions)


def test_a_family_tagged_as_a_place_is_no_place(nlp, resolver):
    item = read(nlp, resolver, "Holiday", "Joe Biden spoke in Delaware. The Bidens travelled to Nantucket "
                "for Thanksgiving, the White House said.")
    assert not any(a.kind == "place" and "biden" in a.id for a, _ in item.mentions)


def test_a_title_with_a_state_before_a_surname_still_finds_the_office_holder(nlp, resolver):
    item = read(nlp, resolver, "Summit", "French President Macron met Chinese President Xi in Paris.",
                published="2019-03-25")
    assert {"person:emmanuel-macron", "person:xi-jinping"} <= set(persons_in(item))


def test_a_generation_suffix_is_another_person(nlp, resolver):
    item = read(nlp, resolver, "Campaign", "Donald Trump Jr. attacked the media in the United States.")
    assert "person:donald-trump" not in persons_in(item)
    assert Persons.load().by_full_name("Robert F. Kennedy") is None  # the father of the known Jr.


def test_a_generation_suffix_cut_off_by_a_comma_is_no_person(nlp, resolver):
    """"Cyrus R. Vance, Jr.": the parser makes "Jr." a name of its own."""
    item = read(nlp, resolver, "Trump sues prosecutor",
                "President Trump sued Manhattan District Attorney Cyrus R. Vance, Jr. and his own tax "
                "preparer Mazars USA to block the release of his tax returns.")
    assert "person:jr" not in persons_in(item)
    assert ("sue", "person:cyrus-r-vance") in {
        (e.action.lemma, e.target.actor.id if e.target else None) for e in item.events}


def test_an_office_needs_its_start(tmp_path):
    extra = tmp_path / "open.toml"
    extra.write_text('[[person]]\nname = "Ruth Haldorsen"\n[[person.office]]\norg = "country:NOR"\n'
                     'role = "foreign minister"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="open.toml.*no `since`"):
        Persons.load(extra)


def test_an_acronym_the_article_defines_is_the_body_it_stands_for(nlp, resolver):
    item = read(nlp, resolver, "Vote", "The Independent Electoral Commission (IEC) rejected the complaint. "
                "The IEC also criticized the European Union observers.")
    (criticize,) = [e for e in item.events if e.action.lemma == "criticize"]
    assert criticize.source.actor.id == "other:independent-electoral-commission"
    assert criticize.source.rule == "actor.acronym"
    assert "other:iec" not in {a.id for a, _ in item.mentions}


def test_a_state_office_with_no_state_named_is_held_in_the_articles_first_state(nlp, resolver):
    """actor.state_office: "Interior Minister Tomas Kral" in a story about Slovakia."""
    item = read(nlp, resolver, "Slovakia expels Hungarian diplomat",
                "Slovakia ordered a Hungarian diplomat to leave on Monday. Interior Minister Tomas Kral "
                "accused Budapest of spying. Hungary denied it.")
    assert persons_in(item)["person:tomas-kral"] == ("person", "SVK")
    assert {(a.person.id, a.organisation.id, a.role) for a in item.affiliations} >= {
        ("person:tomas-kral", "country:SVK", "interior minister")}


@pytest.mark.parametrize(("title", "body", "person", "country"), [
    # actor.state_office: no state named before the office, or a body's own title, gives none
    ("Talks go on", "Finance Minister Rana Haddad met the lenders on Monday.", "person:rana-haddad", None),
    ("Strike goes on in Ghana", "Union president Kofi Mensah told workers to stay home in Ghana.",
     "person:kofi-mensah", None),
    ("Malawi braces for protests", "Malawi's election commission declared the result on Monday. Opposition "
     "leader Grace Banda called for protests, and union leader Peter Phiri backed her.", "person:grace-banda", "MWI"),
    ("Malawi braces for protests", "Malawi's election commission declared the result on Monday. Opposition "
     "leader Grace Banda called for protests, and union leader Peter Phiri backed her.", "person:peter-phiri", None),
    # a bare office coordinated with a titled person shares their state
    ("Pipeline deal signed in Athens", "The deal was signed by Egyptian president Omar Saleh and energy minister "
     "Karim Fouad, Greek prime minister Nikos Petrou, and Cypriot officials.", "person:karim-fouad", "EGY"),
    # a legislator is of the state whose legislature the article named last
    ("Morocco signs battery deal with Chinese firm", "Morocco signed the deal on Thursday. Several US lawmakers "
     "criticised it, and Senator Ann Hale asked the Treasury to act.", "person:ann-hale", "USA"),
    # a candidate may run anywhere: "candidate Joshua Perkins" in a US party's race, in an article
    # that named Colombia first, is of no state the title shows
    ("Party picks its nominee", "The nominee once taught in Colombia. He won the party's nomination over "
     "candidate Joshua Parker.", "person:joshua-parker", None),
    # "X of Y": the office word is the one before "of"
    ("Rail strike ends in Kenya", "Kenya's unions called off the strike after talks with Grace Njeri, the "
     "Secretary of Transport.", "person:grace-njeri", "KEN"),
    # a legislators' title in the plural is each one's
    ("Kenya and Uganda sign pact", "Kenya signed the pact. The US House of Representatives welcomed it, and "
     "Representatives Tom Hardy, Lisa Grant, and Paul Mercer wrote to Nairobi.", "person:paul-mercer", "USA"),
    # the parser hangs "Minister" on "Rakesh", not on "Menon": every word of the name is asked
    ("Trade talks resume", "British Business Secretary Oliver Hartley held talks with Indian Commerce Minister "
     "Rakesh Menon and said both sides wanted a deal.", "person:rakesh-menon", "IND"),
])
def test_a_title_gives_a_person_a_state(nlp, resolver, title, body, person, country):
    assert persons_in(read(nlp, resolver, title, body))[person] == ("person", country)


def test_a_description_in_apposition_is_the_persons_title(nlp, resolver):
    """"Ghana's trade minister, Ama Owusu": the state is in the description, not before the name;
    it beats the article's first state, and the person's country carries to "his country"."""
    item = read(nlp, resolver, "Togo and Ghana talk trade",
                "Togo hosted the talks. Ghana's trade minister, Ama Owusu, said her country would cut "
                "tariffs on Togolese goods.")
    assert persons_in(item)["person:ama-owusu"] == ("person", "GHA")
    assert ("country:GHA", "cut") in {(e.source.actor.id, e.action.lemma) for e in item.events}
    # The bare office before the name would guess Togo, the first state named.
    item = read(nlp, resolver, "Togo and Ghana talk trade",
                "Togo hosted the talks. Ghana's chief negotiator, Deputy Trade Minister Ama Owusu, "
                "rejected the offer.")
    assert persons_in(item)["person:ama-owusu"] == ("person", "GHA")


def test_a_name_in_apposition_to_a_position_is_a_person_whatever_the_ner_says(nlp, resolver):
    """"Malawi's main opposition leader, Chimwemwe Banda": the description says what the name is
    (the NER may call it an organisation); a name the gazetteer knows stays what it is."""
    found = events_if_the_ner_tags(
        nlp, resolver, "Malawi's main opposition leader, Chimwemwe Banda, rejected the results on Sunday.",
        {"Chimwemwe Banda": "ORG"})
    rejected = next(e for e in found if e.action.lemma == "reject")
    assert (rejected.source.actor.id, rejected.source.actor.country) == ("person:chimwemwe-banda", "MWI")
    found = events_of(nlp, resolver, "The UN mission in Congo, MONUSCO, condemned the attack.")
    assert {e.source.actor.id for e in found} == {"igo:monusco"}
