"""Validates a gold set: the development set (eval/gold/dev) or the held-out set
(eval/gold/heldout). Standard library only.

Run from the repository root:

    .venv/bin/python eval/gold/check.py eval/gold/dev
    .venv/bin/python eval/gold/check.py eval/gold/heldout
    .venv/bin/python eval/gold/check.py eval/gold/wire

Checks that every annotated sentence occurs verbatim (and exactly once) in its article,
that every article is fully covered by gold or negative sentences, that keys and enum
values are valid and the phenomenon tags agree with the fields they summarise, that each
canonical actor name always carries the same country and kind, that every source and
target has a `text` mention found verbatim in its sentence (unless `implicit` is true), and
that the set meets its size targets. Prints the counts; exits 1 with a list of problems when anything fails.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# Size targets per set: (articles, events, negatives, events per phenomenon). The held-out set
# is smaller; it only has to measure, not to drive development. A folder named `part` is a piece
# of a set being written, checked for everything but size. `wire` is a development set of wire
# briefs: its articles are a headline and one to four sentences, and some report no event at all.
MINIMUMS = {"dev": (100, 1000, 150, 8), "heldout": (40, 400, 40, 5), "part": (1, 1, 1, 0),
            "wire": (40, 150, 30, 0)}
BRIEFS = frozenset({"wire"})
HERE = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent / "dev").resolve()
ARTICLES = HERE / "articles"
GOLD = HERE / "gold.jsonl"
NEGATIVES = HERE / "negatives.jsonl"

MIN_ARTICLES, MIN_EVENTS, MIN_NEGATIVES, MIN_PER_PHENOMENON = MINIMUMS.get(HERE.name, MINIMUMS["dev"])
MIN_SENTENCES, MAX_SENTENCES = (2, 6) if HERE.name in BRIEFS else (6, 14)

KINDS = frozenset({
    "country", "government_body", "person", "igo", "ngo", "armed_group", "company",
    "media", "place", "other",
})
CATEGORIES = frozenset({
    "AGREE", "ASSAULT", "AID", "ACCUSE", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT",
    "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN", "OTHER",
})
MODALITIES = (None, "requested", "possible", "intended", "threatened")
PHENOMENA = (
    "active", "passive", "negation", "coordination", "prepositional", "light_verb",
    "request", "reported_speech", "modality", "headline", "metonymy", "government_body",
    "person_affiliation", "igo_ngo_armed",
)
GOLD_KEYS = {"doc", "sentence", "source", "target", "action", "reported_by", "phenomena"}
ACTOR_KEYS = {"name", "country", "kind"}
OPTIONAL_ACTOR_KEYS = {"sector"}
SECTORS = frozenset({
    "government", "military", "police", "judiciary", "legislature", "opposition", "rebels",
    "protesters", "civilians", "business", "media", "refugees",
})
MENTION_KEYS = {"text", "implicit"}  # source/target only: the mention as written in the sentence
ACTION_KEYS = {"lemma", "category", "negated", "modality"}
# Modes per category, after the PLOVER codebook (see GUIDELINES.md, Modes).
MODES = {
    "CONSULT": {"visit", "host", "mediate", "multilateral", "phone"},
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "COOPERATE": {"economic", "military", "intelligence", "judicial"},
    "CONCEDE": {"release", "ease_sanctions", "return", "ceasefire", "policy", "apologize"},
    "RETREAT": {"withdraw", "disarm"},
    "PROTEST": {"demonstrate", "riot", "strike", "hunger_strike", "boycott", "obstruct"},
    "ASSAULT": {"aerial", "artillery", "firearms", "explosives", "physical", "kill", "abduct"},
    "COERCE": {"arrest", "detain", "deport", "censor", "seize", "ban"},
    "SANCTION": {"economic", "diplomatic", "expel", "convict"},
    "MOBILIZE": {"military", "police"},
    "ACCUSE": {"aggression", "crime", "human_rights", "war_crimes", "espionage"},
    "INVESTIGATE": {"crime", "human_rights", "corruption"},
}
NEGATIVE_KEYS = {"doc", "sentence"}
DOC_NAME = re.compile(r"^\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
LEMMA = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*)*$")

# ISO 3166-1 alpha-3 (all officially assigned codes).
ISO_ALPHA3 = frozenset((
    'ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD '
    'BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR '
    'COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH '
    'ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL '
    'GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR '
    'JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR '
    'MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL '
    'NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY '
    'PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP '
    'SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA '
    'UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE '
).split())


class Problems(list):
    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


def load_jsonl(path: Path, problems: Problems) -> list[tuple[str, dict]]:
    rows = []
    if not path.exists():
        problems.add(path.name, "missing")
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{number}"
        if not line.strip():
            problems.add(where, "blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.add(where, f"invalid JSON ({exc})")
            continue
        if not isinstance(row, dict):
            problems.add(where, "not a JSON object")
            continue
        rows.append((where, row))
    return rows


def check_actor(where: str, label: str, actor, problems: Problems, names: dict, nullable: bool,
                sentence=None) -> None:
    if actor is None:
        if not nullable:
            problems.add(where, f"{label} must not be null")
        return
    allowed = ACTOR_KEYS | OPTIONAL_ACTOR_KEYS | (MENTION_KEYS if sentence is not None else set())
    if not isinstance(actor, dict) or not ACTOR_KEYS <= set(actor) <= allowed:
        problems.add(where, f"{label} must be an object with keys {sorted(allowed)}")
        return
    if sentence is not None:
        check_mention(where, label, actor, sentence, problems)
    name, country, kind = actor["name"], actor["country"], actor["kind"]
    if "sector" in actor and actor["sector"] not in SECTORS:
        problems.add(where, f"{label}.sector {actor['sector']!r} is not one of {sorted(SECTORS)}")
    if not isinstance(name, str) or not name.strip() or name != name.strip():
        problems.add(where, f"{label}.name must be a non-empty trimmed string")
    if kind not in KINDS:
        problems.add(where, f"{label}.kind {kind!r} is not one of {sorted(KINDS)}")
    if country is not None and country not in ISO_ALPHA3:
        problems.add(where, f"{label}.country {country!r} is not an ISO 3166-1 alpha-3 code")
    if kind == "country" and country is None:
        problems.add(where, f"{label}: a country needs its ISO code")
    if kind == "igo" and country is not None:
        problems.add(where, f"{label}: an IGO has country null")
    names[name].add((country, kind))


def check_mention(where: str, label: str, actor: dict, sentence, problems: Problems) -> None:
    """source/target carry `text`, verbatim in the sentence unless `implicit` is true."""
    text, implicit = actor.get("text"), actor.get("implicit", False)
    if "implicit" in actor and implicit is not True:
        problems.add(where, f"{label}.implicit must be true when present")
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        problems.add(where, f"{label}.text must be a non-empty trimmed string")
        return
    if implicit is not True and isinstance(sentence, str) and text not in sentence:
        problems.add(where, f"{label}.text {text!r} does not occur verbatim in the sentence")


def check_gold(rows, texts, headlines, problems: Problems):
    names: dict[str, set] = defaultdict(set)
    seen = set()
    for where, row in rows:
        if set(row) != GOLD_KEYS:
            problems.add(where, f"keys {sorted(row)} != {sorted(GOLD_KEYS)}")
            continue
        doc, sentence = row["doc"], row["sentence"]
        where = f"{where} ({doc})"
        check_sentence(where, doc, sentence, texts, problems)
        check_actor(where, "source", row["source"], problems, names, nullable=False, sentence=sentence)
        check_actor(where, "target", row["target"], problems, names, nullable=True, sentence=sentence)
        check_actor(where, "reported_by", row["reported_by"], problems, names, nullable=True)
        action = row["action"]
        if not isinstance(action, dict) or not ACTION_KEYS <= set(action) <= ACTION_KEYS | {"mode"}:
            problems.add(where, f"action must be an object with keys {sorted(ACTION_KEYS)} and optional mode")
            continue
        if "mode" in action and action["mode"] not in MODES.get(action["category"], ()):
            problems.add(where, f"action.mode {action['mode']!r} is not a mode of {action['category']}")
        lemma, category, negated, modality = (action[k] for k in ("lemma", "category", "negated", "modality"))
        if not isinstance(lemma, str) or not LEMMA.match(lemma):
            problems.add(where, f"action.lemma {lemma!r} must be lowercase words")
        if category not in CATEGORIES:
            problems.add(where, f"action.category {category!r} is not a PLOVER category")
        if not isinstance(negated, bool):
            problems.add(where, "action.negated must be true or false")
        if modality not in MODALITIES:
            problems.add(where, f"action.modality {modality!r} not in {MODALITIES}")
        tags = row["phenomena"]
        if not isinstance(tags, list) or not tags or len(set(tags)) != len(tags):
            problems.add(where, "phenomena must be a non-empty list without repeats")
            continue
        for tag in tags:
            if tag not in PHENOMENA:
                problems.add(where, f"unknown phenomenon {tag!r}")
        source, target, reporter = row["source"], row["target"], row["reported_by"]
        if isinstance(source, dict) and isinstance(target, dict) and source.get("name") == target.get("name"):
            problems.add(where, "source and target are the same actor")
        if isinstance(source, dict) and isinstance(reporter, dict) and source.get("name") == reporter.get("name"):
            problems.add(where, "reported_by equals source (use null when the actor reports itself)")
        # Tags that restate a field must agree with it.
        agree(where, "negation", negated is True, "negation" in tags, problems)
        agree(where, "reported_speech", reporter is not None, "reported_speech" in tags, problems)
        agree(where, "modality", modality in ("possible", "intended", "threatened"), "modality" in tags, problems)
        agree(where, "headline", sentence == headlines.get(doc), "headline" in tags, problems)
        actors = [a for a in (source, target, reporter) if isinstance(a, dict)]
        agree(where, "igo_ngo_armed",
              any(a.get("kind") in ("igo", "ngo", "armed_group", "media") for a in actors),
              "igo_ngo_armed" in tags, problems)
        if modality == "requested" and "request" not in tags:
            problems.add(where, "a requested action needs the 'request' tag")
        if any(a.get("kind") == "person" for a in actors) and "person_affiliation" not in tags:
            problems.add(where, "an event with a person needs the 'person_affiliation' tag")
        if "active" in tags and "passive" in tags:
            problems.add(where, "both 'active' and 'passive'")
        key = (doc, sentence, json.dumps(source, sort_keys=True), json.dumps(target, sort_keys=True),
               json.dumps(action, sort_keys=True))
        if key in seen:
            problems.add(where, "duplicate event")
        seen.add(key)
    for name, shapes in sorted(names.items()):
        if len(shapes) > 1:
            problems.add("gold.jsonl", f"actor {name!r} has inconsistent country/kind {sorted(shapes, key=str)}")
    return names


def agree(where: str, tag: str, field_says: bool, tag_says: bool, problems: Problems) -> None:
    if field_says != tag_says:
        problems.add(where, f"tag {tag!r} {'missing' if field_says else 'set'} but the fields say "
                            f"{'yes' if field_says else 'no'}")


def check_sentence(where: str, doc: str, sentence, texts: dict, problems: Problems) -> None:
    if doc not in texts:
        problems.add(where, f"no article file {doc!r}")
        return
    if not isinstance(sentence, str) or not sentence.strip() or sentence != sentence.strip():
        problems.add(where, "sentence must be a non-empty trimmed string")
        return
    count = texts[doc].count(sentence)
    if count == 0:
        problems.add(where, f"sentence not found verbatim: {sentence[:80]!r}")
    elif count > 1:
        problems.add(where, f"sentence occurs {count} times in the article")


def coverage(doc: str, text: str, sentences: set[str], problems: Problems) -> None:
    """Every character of the article belongs to an annotated sentence (gold or negative)."""
    rest = text
    for sentence in sorted(sentences, key=len, reverse=True):
        rest = rest.replace(sentence, "\n")
    leftover = " ".join(rest.split())
    if leftover:
        problems.add(doc, f"text not covered by any gold or negative sentence: {leftover[:120]!r}")


def main() -> int:
    problems = Problems()
    texts, headlines = {}, {}
    for path in sorted(ARTICLES.glob("*")):
        if not DOC_NAME.match(path.name):
            problems.add(path.name, "file name must look like NN-short-slug.txt")
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        if len(lines) < 3 or not lines[0].strip() or lines[1] != "":
            problems.add(path.name, "first line must be the headline, followed by a blank line")
        texts[path.name] = text
        headlines[path.name] = lines[0].strip()

    gold_rows = load_jsonl(GOLD, problems)
    neg_rows = load_jsonl(NEGATIVES, problems)
    names = check_gold(gold_rows, texts, headlines, problems)

    gold_sentences: dict[str, set[str]] = defaultdict(set)
    for _, row in gold_rows:
        if isinstance(row.get("doc"), str) and isinstance(row.get("sentence"), str):
            gold_sentences[row["doc"]].add(row["sentence"])
    neg_sentences: dict[str, set[str]] = defaultdict(set)
    for where, row in neg_rows:
        if set(row) != NEGATIVE_KEYS:
            problems.add(where, f"keys {sorted(row)} != {sorted(NEGATIVE_KEYS)}")
            continue
        doc, sentence = row["doc"], row["sentence"]
        check_sentence(f"{where} ({doc})", doc, sentence, texts, problems)
        if sentence in neg_sentences[doc]:
            problems.add(where, "duplicate negative")
        if sentence in gold_sentences.get(doc, ()):
            problems.add(where, "negative sentence also carries gold events")
        neg_sentences[doc].add(sentence)

    sentence_counts = {}
    for doc, text in texts.items():
        annotated = gold_sentences.get(doc, set()) | neg_sentences.get(doc, set())
        coverage(doc, text, annotated, problems)
        sentence_counts[doc] = len(annotated)
        if not MIN_SENTENCES <= len(annotated) <= MAX_SENTENCES:
            problems.add(doc, f"{len(annotated)} sentences, expected {MIN_SENTENCES}-{MAX_SENTENCES}")
        if not gold_sentences.get(doc) and HERE.name not in BRIEFS:
            problems.add(doc, "article has no gold events")

    events = [row for _, row in gold_rows if set(row) == GOLD_KEYS]
    phenomena = Counter(tag for row in events for tag in row["phenomena"] if isinstance(row["phenomena"], list))
    categories = Counter(row["action"]["category"] for row in events if isinstance(row["action"], dict))
    modalities = Counter(str(row["action"]["modality"]) for row in events if isinstance(row["action"], dict))
    kinds = Counter(a["kind"] for row in events for a in (row["source"], row["target"], row["reported_by"])
                    if isinstance(a, dict) and "kind" in a)
    no_target = sum(1 for row in events if row["target"] is None)

    if len(texts) < MIN_ARTICLES:
        problems.add("set", f"{len(texts)} articles < {MIN_ARTICLES}")
    if len(events) < MIN_EVENTS:
        problems.add("set", f"{len(events)} events < {MIN_EVENTS}")
    if len(neg_rows) < MIN_NEGATIVES:
        problems.add("set", f"{len(neg_rows)} negatives < {MIN_NEGATIVES}")
    for tag in PHENOMENA:
        if phenomena[tag] < MIN_PER_PHENOMENON:
            problems.add("set", f"phenomenon {tag!r}: {phenomena[tag]} events < {MIN_PER_PHENOMENON}")

    print(f"articles   {len(texts)}")
    print(f"sentences  {sum(sentence_counts.values())} "
          f"({sum(len(s) for s in gold_sentences.values())} with events, {len(neg_rows)} negative; "
          f"{min(sentence_counts.values(), default=0)}-{max(sentence_counts.values(), default=0)} per article)")
    print(f"events     {len(events)} ({no_target} without a target)")
    print(f"actors     {len(names)} canonical names")
    print("\nper phenomenon")
    for tag in PHENOMENA:
        print(f"  {tag:<20} {phenomena[tag]:>4}")
    print("\nper category")
    for category, count in sorted(categories.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {category:<20} {count:>4}")
    print("\nper modality")
    for modality, count in sorted(modalities.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {modality:<20} {count:>4}")
    print("\nactor kinds (source, target and reported_by mentions)")
    for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {kind:<20} {count:>4}")

    if problems:
        print(f"\nFAILED: {len(problems)} problem(s)")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
