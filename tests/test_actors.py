"""The actor gazetteer and resolver on phrases as news sentences write them.

Every assertion names the exact id, name, kind, country and role, so a change to the
gazetteer or to the rules that alters what a phrase resolves to fails here.
"""

from __future__ import annotations

import json
import pickle
import re
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.actors.gazetteer import Gazetteer, _Builder, alias_key
from newsgraph.actors.resolver import Resolver
from newsgraph.graph.records import ACTOR_KINDS, Actor, Mention


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.default()


RUS = Actor("country:RUS", "Russia", "country", "RUS")
USA = Actor("country:USA", "United States", "country", "USA")
SYR = Actor("country:SYR", "Syria", "country", "SYR")
GBR = Actor("country:GBR", "United Kingdom", "country", "GBR")
CHN = Actor("country:CHN", "China", "country", "CHN")
IRN = Actor("country:IRN", "Iran", "country", "IRN")
ISR = Actor("country:ISR", "Israel", "country", "ISR")
FRA = Actor("country:FRA", "France", "country", "FRA")
SAU = Actor("country:SAU", "Saudi Arabia", "country", "SAU")
EU = Actor("igo:european-union", "European Union", "igo", None)
UN = Actor("igo:united-nations", "United Nations", "igo", None)
UNSC = Actor("igo:un-security-council", "UN Security Council", "igo", None)
NATO = Actor("igo:nato", "NATO", "igo", None)
ISIS = Actor("armed_group:islamic-state", "Islamic State", "armed_group", None)
HTS = Actor("armed_group:tahrir-al-sham", "Hayat Tahrir al-Sham", "armed_group", "SYR")
SDF = Actor("armed_group:syrian-democratic-forces", "Syrian Democratic Forces",
            "armed_group", "SYR")
HEZBOLLAH = Actor("armed_group:hezbollah", "Hezbollah", "armed_group", "LBN")
WHITE_HELMETS = Actor("ngo:white-helmets", "White Helmets", "ngo", "SYR")
KURDS = Actor("people:kurds", "Kurds", "people", None)
NYT = Actor("media:new-york-times", "The New York Times", "media", "USA")
AL_TANF = Actor("place:al-tanf", "al-Tanf", "place", "SYR")
IDLIB = Actor("place:idlib", "Idlib", "place", "SYR")

RESOLVES = [
    # capitals stand for their state
    ("Moscow", RUS, None),
    ("Washington", USA, None),
    ("Damascus", SYR, None),
    ("Beijing", CHN, None),
    ("Kyiv", Actor("country:UKR", "Ukraine", "country", "UKR"), None),
    ("Kiev", Actor("country:UKR", "Ukraine", "country", "UKR"), None),
    # Georgia is the country GEO. The US state shares the name; news about the US state
    # reads "the state of Georgia" or "Georgia, US", which this resolver does not
    # disambiguate: a known gap, accepted because GEO is the usual actor in world news.
    ("Georgia", Actor("country:GEO", "Georgia", "country", "GEO"), None),
    # names and codes
    ("Russia's", RUS, None),
    ("the US", USA, None),
    ("U.S.", USA, None),
    ("the USA", USA, None),
    ("the UK", GBR, None),
    ("Britain", GBR, None),
    ("the UAE", Actor("country:ARE", "United Arab Emirates", "country", "ARE"), None),
    ("the DPRK", Actor("country:PRK", "North Korea", "country", "PRK"), None),
    ("Türkiye", Actor("country:TUR", "Turkey", "country", "TUR"), None),
    ("Côte d’Ivoire", Actor("country:CIV", "Ivory Coast", "country", "CIV"), None),
    # metonyms
    ("the Kremlin", RUS, "presidency"),
    ("The White House", USA, "presidency"),
    ("the Pentagon", USA, "defence ministry"),
    ("the State Department", USA, "foreign ministry"),
    ("Foggy Bottom", USA, "foreign ministry"),
    ("Downing Street", GBR, "prime minister's office"),
    ("Number 10", GBR, "prime minister's office"),
    ("No. 10", GBR, "prime minister's office"),
    ("Whitehall", GBR, "government"),
    ("the Élysée", FRA, "presidency"),
    ("Elysee", FRA, "presidency"),
    ("Zhongnanhai", CHN, "government"),
    ("the Knesset", ISR, "legislature"),
    ("Capitol Hill", USA, "legislature"),
    ("Congress", USA, "legislature"),
    ("U.S. House", USA, "legislature"),
    ("the US House of Representatives", USA, "legislature"),
    ("the British House of Commons", GBR, "legislature"),
    ("Brussels", EU, None),
    # IGOs, NGOs, armed groups, media, places
    ("the UN Security Council", UNSC, None),
    ("the U.N. Security Council", UNSC, None),
    ("the UN", UN, None),
    ("the U.N.", UN, None),
    ("NATO", NATO, None),
    ("Nato", NATO, None),
    ("the EU", EU, None),
    ("WHO", Actor("igo:world-health-organization", "World Health Organization", "igo",
                  None), None),
    ("the White Helmets", WHITE_HELMETS, None),
    ("Syria Civil Defence", WHITE_HELMETS, None),
    ("Daech", ISIS, None),
    ("Daesh", ISIS, None),
    ("Da’esh", ISIS, None),
    ("ISIS", ISIS, None),
    ("ISIL", ISIS, None),
    ("Islamic State", ISIS, None),
    ("the Islamic State group", ISIS, None),
    ("IS fighters", ISIS, None),
    ("Tahrir al-Sham", HTS, None),
    ("Hayat Tahrir al-Sham", HTS, None),
    ("HTS", HTS, None),
    ("Tahrir al-Sham terrorists", HTS, None),
    ("Hezbollah fighters", HEZBOLLAH, None),
    ("Lebanese Hezbollah", HEZBOLLAH, None),
    ("the Houthis", Actor("armed_group:houthis", "Houthis", "armed_group", "YEM"), None),
    ("Ansar Allah", Actor("armed_group:houthis", "Houthis", "armed_group", "YEM"), None),
    ("al-Qaida", Actor("armed_group:al-qaeda", "al-Qaeda", "armed_group", None), None),
    ("US-backed Syrian Democratic Forces", SDF, None),
    ("Kurdish-led SDF fighters", SDF, None),
    ("the New York Times", NYT, None),
    ("The New York Times", NYT, None),
    ("Sputnik", Actor("media:sputnik", "Sputnik", "media", "RUS"), None),
    ("RT", Actor("media:rt", "RT", "media", "RUS"), None),
    ("Russia Today", Actor("media:rt", "RT", "media", "RUS"), None),
    ("Foreign Policy magazine",
     Actor("media:foreign-policy", "Foreign Policy", "media", "USA"), None),
    ("The Guardian", Actor("media:guardian", "The Guardian", "media", "GBR"), None),
    ("Al Jazeera", Actor("media:al-jazeera", "Al Jazeera", "media", "QAT"), None),
    ("al-Tanf", AL_TANF, None),
    ("Al Tanf", AL_TANF, None),
    ("Idlib", IDLIB, None),
    ("Idlib province", IDLIB, None),
    ("Syria's Idlib", IDLIB, None),
    ("Crimea", Actor("place:crimea", "Crimea", "place", None), None),  # disputed: no state
    ("the Gaza Strip", Actor("place:gaza", "Gaza", "place", "PSE"), None),
    # a state with one of its bodies
    ("the Russian Foreign Ministry", RUS, "foreign ministry"),
    ("Russia's Ministry of Foreign Affairs", RUS, "foreign ministry"),
    ("the Ministry of Foreign Affairs of Russia", RUS, "foreign ministry"),
    ("Syrian Government forces", SYR, "military"),
    ("the Syrian government", SYR, "government"),
    ("the Syrian regime", SYR, "government"),
    ("the government of Syria", SYR, "government"),
    ("US troops", USA, "military"),
    ("U.S. troops", USA, "military"),
    ("American warplanes", USA, "military"),
    ("Russian diplomats", RUS, "diplomacy"),
    ("two Russian diplomats", RUS, "diplomacy"),
    ("members of the Russian military", RUS, "military"),
    ("Iran's military", IRN, "military"),
    # A state's groups are the state with the sector as role, as CAMEO and PLOVER code them.
    ("Syrian civilians", SYR, "civilians"),
    ("the Syrian opposition", SYR, "opposition"),
    ("Israeli police", ISR, "police"),
    ("Senior Iranian officials", IRN, "government"),
    ("thousands of Israeli demonstrators", ISR, "protesters"),
    ("Syrian refugees", SYR, "refugees"),
    ("Iranian state media", IRN, "state media"),
    ("Russian companies", RUS, "business"),
    ("Iran’s military", IRN, "military"),
    ("the US State Department", USA, "foreign ministry"),
    ("the US-led coalition", USA, "coalition"),
    ("the Saudi-led coalition", SAU, "coalition"),
    ("Kremlin officials", RUS, "presidency"),
    ("Syrian state media", SYR, "state media"),
    ("the Israeli army", ISR, "military"),
    ("the IDF", ISR, "military"),
    ("the Russian Security Council", RUS, "security council"),
    ("NATO forces", NATO, "military"),
    ("EU officials", EU, "government"),
    ("UN peacekeepers", UN, "peacekeeping"),
    ("the Russians", RUS, "people"),
    ("the British", GBR, "people"),
    # A people without a state of its own has sectors too (issue 14: the field's coding).
    ("Kurdish rebels", KURDS, "rebels"),
    ("Kurdish forces", KURDS, "military"),
    ("the Kurds", KURDS, None),
    # titles speak for their organisation
    ("Russian diplomacy spokeswoman", RUS, "spokeswoman, diplomacy"),
    ("Russian Foreign Ministry spokeswoman", RUS, "spokeswoman, foreign ministry"),
    ("the Syrian foreign minister", SYR, "foreign minister"),
    # a generic head around an embedded name
    ("a group of activists of the famous so-called humanitarian organization, "
     "the White Helmets", WHITE_HELMETS, None),
    ("the so-called White Helmets", WHITE_HELMETS, None),
    ("the Kurdish YPG", Actor("armed_group:ypg", "People's Protection Units", "armed_group",
                              "SYR"), None),
    ("the Syrian Democratic Forces (SDF)", SDF, None),
    ("the Assad regime", SYR, "government"),
]


@pytest.mark.parametrize(("text", "actor", "role"), RESOLVES, ids=[r[0] for r in RESOLVES])
def test_resolve(resolver: Resolver, text: str, actor: Actor, role: str | None) -> None:
    assert resolver.lookup(text) == Mention(actor, text, role)


NOTHING = [
    "terrorists", "the idea", "equipment", "civilians", "protesters", "the rebels", "they",
    "us",  # the pronoun, never the United States
    "who", "is", "IT", "IN", "AT", "it",  # ISO codes that are English words
    "US-backed forces", "Russian-backed separatists", "pro-Russian forces",
    "anti-ISIS coalition", "anti-ISIS fighters", "pro-Hezbollah militias",
    "victims of ISIS", "the people in Idlib", "Russia's allies",
    "New Mexico", "Northern Ireland", "Michael Jordan", "a party congress",
    "Russia's foreign policy", "a legal guardian", "an amnesty", "Korean troops", "Congo",
    "a Syrian journalist", "spokeswoman", "",
    "   ", "the", "Vladimir Putin", "the bombing of a school in eastern Aleppo",
    "Russia and China", "US-backed forces and the White Helmets",
]


@pytest.mark.parametrize("text", NOTHING)
def test_resolves_to_nothing(resolver: Resolver, text: str) -> None:
    assert resolver.lookup(text) is None


def test_islamic_state_spellings_merge(resolver: Resolver) -> None:
    ids = {resolver.lookup(t).actor.id for t in ("Daech", "Daesh", "ISIS", "ISIL",
                                                  "Islamic State", "IS")}
    assert ids == {"armed_group:islamic-state"}


def test_mention_keeps_surface_text(resolver: Resolver) -> None:
    mention = resolver.lookup("the Kremlin's")
    assert mention is not None
    assert mention.text == "the Kremlin's"
    assert mention.actor.id == "country:RUS"


@pytest.mark.parametrize(("alpha3", "name"), [
    ("RUS", "Russia"), ("USA", "United States"), ("SYR", "Syria"), ("IRN", "Iran"),
    ("GBR", "United Kingdom"), ("KOR", "South Korea"), ("PRK", "North Korea"),
    ("VEN", "Venezuela"), ("TUR", "Turkey"), ("VNM", "Vietnam"), ("XKX", "Kosovo"),
])
def test_country_names_are_common_english(resolver: Resolver, alpha3: str, name: str) -> None:
    assert resolver.actor(f"country:{alpha3}") == Actor(f"country:{alpha3}", name,
                                                        "country", alpha3)


AFFILIATIONS = [
    ("Russian Foreign Ministry spokeswoman", RUS, "spokeswoman, foreign ministry"),
    ("White House national security adviser", USA,
     "national security adviser, presidency"),
    ("US President", USA, "president"),
    ("the Syrian foreign minister", SYR, "foreign minister"),
    ("Iran's supreme leader", IRN, "supreme leader"),
    ("spokesman of the Kremlin", RUS, "spokesman, presidency"),
    ("Kremlin spokesman", RUS, "spokesman, presidency"),
    ("the Foreign Minister of Syria", SYR, "foreign minister"),
    ("UN Secretary-General", UN, "secretary general"),
    ("Russian Foreign Ministry", RUS, "foreign ministry"),
    ("Reuters correspondent", Actor("media:reuters", "Reuters", "media", "GBR"),
     "correspondent"),
]


@pytest.mark.parametrize(("text", "actor", "role"), AFFILIATIONS,
                         ids=[a[0] for a in AFFILIATIONS])
def test_affiliation(resolver: Resolver, text: str, actor: Actor, role: str) -> None:
    assert resolver.affiliation(text) == Mention(actor, text, role)


@pytest.mark.parametrize("text", ["spokeswoman", "the minister", "a senior official", ""])
def test_affiliation_without_organisation(resolver: Resolver, text: str) -> None:
    assert resolver.affiliation(text) is None


@pytest.mark.parametrize(("word", "actor_id"), [
    ("Russian", "country:RUS"), ("American", "country:USA"), ("Syrian", "country:SYR"),
    ("U.S.", "country:USA"), ("US", "country:USA"), ("British", "country:GBR"),
    ("Israeli", "country:ISR"), ("Venezuelan", "country:VEN"), ("Chinese", "country:CHN"),
    ("Turkish", "country:TUR"), ("Ukrainian", "country:UKR"), ("Iranian", "country:IRN"),
    ("Saudi", "country:SAU"), ("South Korean", "country:KOR"), ("Syrians", "country:SYR"),
    ("Kurdish", "people:kurds"), ("Uighurs", "people:uighurs"),
])
def test_demonym(resolver: Resolver, word: str, actor_id: str) -> None:
    actor = resolver.demonym(word)
    assert actor is not None and actor.id == actor_id


@pytest.mark.parametrize("word", ["Korean", "us", "Congolese", "table", "Christian"])
def test_demonym_unknown_or_ambiguous(resolver: Resolver, word: str) -> None:
    assert resolver.demonym(word) is None


@pytest.mark.parametrize(("name", "actor"), [
    ("Maria Zakharova", Actor("person:maria-zakharova", "Maria Zakharova", "person")),
    ("Maria  Zakharova’s", Actor("person:maria-zakharova", "Maria Zakharova", "person")),
    ("Mr. Putin", Actor("person:putin", "Putin", "person")),
    ("Bashar al-Assad", Actor("person:bashar-al-assad", "Bashar al-Assad", "person")),
    ("Recep Tayyip Erdoğan",
     Actor("person:recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "person")),
])
def test_person(resolver: Resolver, name: str, actor: Actor) -> None:
    assert resolver.person(name) == actor


def test_person_with_country(resolver: Resolver) -> None:
    assert resolver.person("Sergey Lavrov", "RUS") == Actor(
        "person:sergey-lavrov", "Sergey Lavrov", "person", "RUS")


def test_person_needs_letters(resolver: Resolver) -> None:
    with pytest.raises(ValueError):
        resolver.person(" -- ")


USER_FILE = """
[[actor]]
id = "country:RUS"
aliases = ["Rossiya Federation", "RF"]

[[actor]]
id = "armed_group:liwa-fatemiyoun"
name = "Liwa Fatemiyoun"
country = "AFG"
aliases = ["Fatemiyoun", "Fatemiyoun Brigade"]

[[alias]]
actor = "country:RUS"
role = "defence ministry"
aliases = ["Frunzenskaya embankment"]

[[alias]]
actor = "armed_group:liwa-fatemiyoun"
aliases = ["Brussels"]  # a user may take over a shipped alias

[heads]
"border service" = "police"

[demonyms]
"Soviet" = "country:RUS"
"""


def test_user_aliases(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    resolver = Resolver.default(extra_aliases=path)
    fatemiyoun = Actor("armed_group:liwa-fatemiyoun", "Liwa Fatemiyoun", "armed_group",
                       "AFG")
    assert resolver.lookup("the RF") == Mention(RUS, "the RF", None)
    assert resolver.lookup("Rossiya Federation") == Mention(RUS, "Rossiya Federation")
    assert resolver.lookup("Liwa Fatemiyoun") == Mention(fatemiyoun, "Liwa Fatemiyoun")
    assert resolver.lookup("Fatemiyoun fighters") == Mention(fatemiyoun,
                                                              "Fatemiyoun fighters")
    assert resolver.lookup("the Frunzenskaya Embankment") == Mention(
        RUS, "the Frunzenskaya Embankment", "defence ministry")
    assert resolver.lookup("Brussels").actor == fatemiyoun
    assert resolver.lookup("the Russian border service") == Mention(
        RUS, "the Russian border service", "police")
    assert resolver.lookup("Soviet troops") == Mention(RUS, "Soviet troops", "military")
    # the shipped gazetteer is untouched by a user file
    shipped = Resolver.default()
    assert shipped.lookup("Liwa Fatemiyoun") is None
    assert shipped.lookup("Brussels").actor == EU


@pytest.mark.parametrize(("text", "message"), [
    ('[[actor]]\nid = "militia:x"\nname = "X"\n', "kind must be one of"),
    ('[[actor]]\nid = "ngo:Bad Slug"\nname = "X"\n', "bad slug"),
    ('[[actor]]\nid = "ngo:x"\nname = "X"\ncountry = "XXX"\n', "unknown country"),
    ('[[actor]]\nid = "ngo:x"\n', "needs a name"),
    ('[[alias]]\nactor = "ngo:nobody"\naliases = ["x"]\n', "unknown actor"),
    ('[[actor]]\nid = "ngo:x"\nname = "X"\nalias = ["y"]\n', "unknown keys"),
    ('[actors]\n', "unknown keys"),
    ('[ambiguous]\n"Congo" = ["country:COD"]\n', "two or more known actor ids"),
    ('[ambiguous]\n"Congo" = ["country:COD", "country:XXX"]\n', "two or more known actor ids"),
])
def test_user_file_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        Gazetteer.load(path)


def test_curated_conflicts_are_errors() -> None:
    builder = _Builder()
    builder.add_countries({"countries": [
        {"alpha3": code, "name": code, "aliases": [], "capitals": [], "demonyms": []}
        for code in ("RUS", "USA")
    ]})
    doc = {"alias": [{"actor": "country:RUS", "aliases": ["Capital"]},
                     {"actor": "country:USA", "aliases": ["capital"]}]}
    with pytest.raises(ValueError, match="claimed by"):
        builder.add_document(doc, origin="curated.toml", strict=True)


def test_ids_are_stable_strings(resolver: Resolver) -> None:
    again = Resolver.default()
    assert again.gazetteer.actors == resolver.gazetteer.actors
    for actor_id, actor in resolver.gazetteer.actors.items():
        kind, _, slug = actor_id.partition(":")
        assert actor.id == actor_id and actor.kind == kind and kind in ACTOR_KINDS
        if kind == "country":
            assert re.fullmatch(r"[A-Z]{3}", slug) and actor.country == slug
        else:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), actor_id
        if kind == "igo":
            assert actor.country is None
        if actor.country is not None:
            assert f"country:{actor.country}" in resolver.gazetteer.actors


def test_countries_json_is_commit_ready() -> None:
    path = resources.files("newsgraph.actors") / "data" / "countries.json"
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    assert text == json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    codes = [c["alpha3"] for c in document["countries"]]
    assert codes == sorted(codes) and len(codes) > 240
    for country in document["countries"]:
        for field in ("aliases", "capitals", "demonyms"):
            assert country[field] == sorted(country[field],
                                            key=lambda t: (alias_key(t), t))
    # no 2-letter ISO code other than the whitelisted ones is a word alias
    short = {a for c in document["countries"] for a in c["aliases"]
             if len(a.replace(".", "")) <= 3 and a.replace(".", "").isupper()}
    assert short <= {"US", "USA", "UK", "UAE", "ROK", "PRC", "DRC", "KSA"}


def test_resolver_pickles(resolver: Resolver) -> None:
    clone = pickle.loads(pickle.dumps(resolver))
    assert clone.lookup("the Kremlin") == Mention(RUS, "the Kremlin", "presidency")


@pytest.mark.parametrize("text, actor_id", [
    ("the Shining Path", "armed_group:shining-path"),
    ("SADC", "igo:sadc"),
    ("the International Labour Organization", "igo:ilo"),
])
def test_the_world_organisations_file_is_loaded(resolver: Resolver, text: str, actor_id: str) -> None:
    assert resolver.lookup(text).actor.id == actor_id
