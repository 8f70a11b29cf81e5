"""The readers for web pages, feeds, web archives and compressed files, the language filter and
duplicate detection, on small fixtures written for these tests (tests/fixtures/readers) or built
in the test itself."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.corpus.dedupe import find_duplicates
from newsgraph.corpus.discover import discover, read_files, suffix_of
from newsgraph.corpus.html import extract_page
from newsgraph.corpus.records import make_article

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
PAGE = FIXTURES / "harbour-strike.html"
RSS = FIXTURES / "wire.rss"
ATOM = FIXTURES / "council.atom"

BOILERPLATE = ("SCRIPT_SHOULD_NOT_APPEAR", "INLINE_SCRIPT_TEXT", "NAV_LINK_TEXT", "FORM_TEXT",
               "COMMENT_TEXT", "FOOTER_TEXT", "color:red")


def page_html(title: str, paragraphs: list[str], head: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>").encode("utf-8")


BRIDGE = page_html("Bridge closes for repairs", [
    "The old swing bridge over the Ardle river will close for six weeks from Monday while engineers "
    "replace its corroded cables, the county roads department said.",
    "Drivers are advised to use the ring road, which adds about ten minutes to the journey into town.",
    "Pedestrians and cyclists can still cross on a temporary walkway fixed to the north side.",
], head='<meta property="article:published_time" content="2024-02-20T08:00:00Z">')

MARKET = page_html("Night market returns to the old quay", [
    "The night market on the old quay reopened on Friday with forty stalls selling food, crafts and "
    "second-hand books, after two years in which the space was used for storage.",
    "Organisers said they expected several thousand visitors each weekend until the end of summer.",
])


def warc_bytes(records: list[dict], compress: bool = True) -> bytes:
    """A WARC written with warcio, one record per dict: uri, kind, status, content type, body."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "newsgraph tests"}))
    for spec in records:
        kind = spec.get("kind", "response")
        http = None
        if kind == "response":
            http = StatusAndHeaders(spec.get("status", "200 OK"),
                                    [("Content-Type", spec.get("type", "text/html; charset=utf-8"))],
                                    protocol="HTTP/1.1")
        elif kind == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(
            spec["uri"], kind, payload=io.BytesIO(spec.get("body", b"")), http_headers=http,
            warc_headers_dict={"WARC-Date": spec.get("date", "2024-06-01T12:00:00Z")}))
    return buffer.getvalue()


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


# ---------------------------------------------------------------- suffixes and discovery


@pytest.mark.parametrize(("name", "suffix"), [
    ("a.txt", ".txt"), ("dir.v2/A.HTML", ".html"), ("crawl.warc.gz", ".warc.gz"), ("x.jsonl.gz", ".jsonl.gz"),
    ("page.html.gz", ".html.gz"), ("b.zip", ".zip"), ("noext", ""), ("2024.01.report.gz", ".report.gz"),
])
def test_suffix_of_keeps_the_suffix_before_gz(name, suffix):
    assert suffix_of(name) == suffix


# ---------------------------------------------------------------- html


def test_html_page_main_text_and_metadata():
    (article,) = read_files([str(PAGE)]).articles
    assert article.title == "Harbour strike ends after three weeks"
    assert article.url == "https://ledger.example/news/harbour-strike-ends"
    assert article.published == "2024-05-14"
    assert article.source == "The Coastal Ledger"
    assert article.language == "en"
    assert article.text.startswith("Harbour strike ends after three weeks\n\nDock workers in the port of Valmora")
    assert "backlog of containers" in article.text
    assert article.text.count("Harbour strike ends") == 1  # the <h1> does not repeat the title
    for marker in BOILERPLATE:
        assert marker not in article.text


def test_html_extraction_keeps_the_author():
    page = extract_page(PAGE.read_bytes(), str(PAGE))
    assert page.author == "Ines Marlow"


def test_html_without_metadata(tmp_path):
    path = tmp_path / "market.htm"
    path.write_bytes(MARKET)
    (article,) = read_files([str(path)]).articles
    assert (article.title, article.url, article.published) == ("Night market returns to the old quay", None, None)
    assert "forty stalls" in article.text


# ---------------------------------------------------------------- feeds


def test_rss_one_article_per_entry_and_a_broken_entry_reported():
    result = read_files([str(RSS)])
    ferry, library = result.articles
    assert ferry.title == "Ferry operator adds winter crossings"
    assert ferry.url == "https://wire.example/2024/11/ferry-winter"
    assert ferry.published == "2024-11-04"
    assert ferry.source == "Valmora Wire"
    assert ferry.where == f"{RSS}#1"
    assert "two daily winter crossings" in ferry.text and "end of February" in ferry.text
    assert "teaser" not in ferry.text  # full content wins over the summary
    assert "FEED_SCRIPT" not in ferry.text
    assert "<p>" not in library.text and "eight months after a flood" in library.text
    assert [str(e) for e in result.errors] == [f"{RSS}#3: no content or summary"]


def test_atom_entry_prefers_content_and_published_date():
    (article,) = read_files([str(ATOM)]).articles
    assert article.title == "Council approves new bus lanes"
    assert article.url == "https://council.example/notes/17"
    assert article.published == "2024-10-01"
    assert article.source == "Portreath Council Notes"
    assert "two new bus lanes on the harbour road" in article.text
    assert "Construction is due to start" in article.text


def test_xml_suffix_is_read_as_a_feed(tmp_path):
    path = tmp_path / "feed.xml"
    shutil.copy(ATOM, path)
    assert [a.title for a in read_files([str(path)]).articles] == ["Council approves new bus lanes"]


# ---------------------------------------------------------------- warc


@pytest.mark.parametrize("compress", [True, False])
def test_warc_html_responses_become_articles(tmp_path, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(warc_bytes([
        {"uri": "https://news.example/bridge", "kind": "request"},
        {"uri": "https://news.example/bridge", "body": BRIDGE, "date": "2024-03-01T09:00:00Z"},
        {"uri": "https://news.example/market", "body": MARKET, "date": "2024-06-07T18:30:00Z"},
        {"uri": "https://news.example/gone", "status": "404 Not Found", "body": MARKET},
        {"uri": "https://news.example/logo.png", "type": "image/png", "body": b"\x89PNG\r\n"},
        {"uri": "https://news.example/blank", "body": b"<html><body><script>track()</script></body></html>"},
    ], compress=compress))
    result = read_files([str(path)])
    bridge, market = result.articles
    assert (bridge.url, bridge.title, bridge.published) == (
        "https://news.example/bridge", "Bridge closes for repairs", "2024-02-20")  # the page's own date
    assert (market.url, market.published) == ("https://news.example/market", "2024-06-07")  # WARC-Date
    assert bridge.doc == str(path) and "corroded cables" in bridge.text
    assert [e.where for e in result.errors] == [f"{path}#https://news.example/blank"]


# ---------------------------------------------------------------- compressed files


def test_zip_members_are_read_by_their_own_suffix(tmp_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("notes/a.txt", "Ferry strike called off\n\nThe ferry crews called off Friday's strike.")
        bundle.writestr("records.jsonl", json.dumps({"title": "Port fees", "text": "The port raised its fees."})
                        + "\n{broken\n")
        bundle.writestr("pages/market.html", MARKET)
        bundle.writestr("feeds/council.atom", ATOM.read_bytes())
        bundle.writestr("pictures/logo.png", b"\x89PNG\r\n")
        bundle.writestr("inner.zip", b"PK\x05\x06" + b"\0" * 18)
    result = read_files([str(path)])
    assert sorted(a.where for a in result.articles) == sorted([
        f"{path}!notes/a.txt", f"{path}!records.jsonl#1", f"{path}!pages/market.html", f"{path}!feeds/council.atom#1"])
    assert sorted(str(e) for e in result.errors) == [
        f"{path}!inner.zip: an archive inside an archive is refused",
        f"{path}!records.jsonl#2: invalid JSON: Expecting property name enclosed in double quotes",
    ]


def test_jsonl_gz_records_keep_the_gz_name(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    lines = [json.dumps({"title": "Dam inspection", "text": "Engineers inspected the dam on Monday.",
                         "url": "https://example.org/dam", "date": "2024-01-08"}), "[1]"]
    path.write_bytes(gzipped("\n".join(lines).encode("utf-8")))
    result = read_files([str(path)])
    (article,) = result.articles
    assert (article.doc, article.record, article.url, article.published) == (
        str(path), 1, "https://example.org/dam", "2024-01-08")
    assert [str(e) for e in result.errors] == [f"{path}#2: a JSON line must be an object"]


def test_html_gz_page(tmp_path):
    path = tmp_path / "bridge.html.gz"
    path.write_bytes(gzipped(BRIDGE))
    (article,) = read_files([str(path)]).articles
    assert (article.title, article.doc) == ("Bridge closes for repairs", str(path))


def test_a_directory_mixing_every_format(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for fixture in (PAGE, RSS, ATOM):
        shutil.copy(fixture, folder / fixture.name)
    (folder / "plain.txt").write_text("Ferry strike called off\n\nThe ferry crews called off the strike.",
                                      encoding="utf-8")
    (folder / "table.csv").write_text("title,text\nPort fees,The port raised its fees on Monday.\n", encoding="utf-8")
    (folder / "lines.jsonl.gz").write_bytes(gzipped(json.dumps({"text": "The mayor opened a school."}).encode()))
    (folder / "crawl.warc.gz").write_bytes(warc_bytes([{"uri": "https://news.example/bridge", "body": BRIDGE}]))
    with zipfile.ZipFile(folder / "bundle.zip", "w") as bundle:
        bundle.writestr("market.html", MARKET)
    (folder / "ignored.bin").write_bytes(b"\0\1")
    files, errors = discover([str(folder)])
    assert [Path(f).name for f in files] == sorted(
        ["harbour-strike.html", "wire.rss", "council.atom", "plain.txt", "table.csv", "lines.jsonl.gz",
         "crawl.warc.gz", "bundle.zip"])
    assert errors == []
    result = read_files(files)
    assert len(result.articles) == 9  # page, 2 rss entries, atom, txt, csv, jsonl, warc, zip
    assert [e.where for e in result.errors] == [f"{folder / 'wire.rss'}#3"]


# ---------------------------------------------------------------- language


FRENCH = ("Le conseil municipal a voté mardi soir la fermeture du vieux pont pendant six semaines. "
          "Les automobilistes devront emprunter la rocade, ce qui allonge le trajet vers le centre-ville "
          "d'une dizaine de minutes, selon les services techniques du département.")
GERMAN = ("Die Stadtverwaltung hat am Dienstag angekündigt, die alte Brücke über den Fluss für sechs Wochen "
          "zu sperren. Autofahrer sollen die Umgehungsstraße benutzen, was die Fahrt in die Innenstadt "
          "um etwa zehn Minuten verlängert.")


def test_non_english_articles_are_set_aside_and_counted(tmp_path):
    (tmp_path / "fr.txt").write_text(f"Le pont ferme\n\n{FRENCH}", encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text("\n".join([
        json.dumps({"title": "Brücke gesperrt", "text": GERMAN}),
        json.dumps({"title": "Bridge closes", "text": "The county will close the old bridge for six weeks "
                    "from Monday while engineers replace its cables."}),
    ]), encoding="utf-8")
    result = read_files([str(tmp_path / "fr.txt"), str(tmp_path / "mixed.jsonl")])
    assert [(a.title, a.language) for a in result.articles] == [("Bridge closes", "en")]
    assert [(a.where, a.language) for a in result.skipped_language] == [
        (str(tmp_path / "fr.txt"), "fr"), (f"{tmp_path / 'mixed.jsonl'}#1", "de")]
    # each set-aside article is named with its reason, for the quarantine report
    assert [str(e) for e in result.errors] == [
        f"{tmp_path / 'fr.txt'}: not English: fr 1.00", f"{tmp_path / 'mixed.jsonl'}#1: not English: de 1.00"]


def test_short_english_text_is_not_mistaken_for_another_language(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "A", "text": "Israel attacked Syria."}), encoding="utf-8")
    (article,) = read_files([str(tmp_path / "a.jsonl")]).articles
    assert article.language == "und"  # too short to tell: kept, not skipped


# ---------------------------------------------------------------- duplicates

DROUGHT = [
    "Water companies in three northern districts began rationing supplies on Sunday after the driest "
    "winter in forty years left reservoirs at less than a third of their capacity.",
    "Households in Kelby, Orran and the upper Ardle valley will have running water for twelve hours a "
    "day, from six in the morning until six in the evening, until further notice.",
    "The regional water authority said tankers would supply hospitals, schools and care homes around "
    "the clock, and that farmers could apply for emergency allowances for livestock.",
    "Engineers are also repairing leaks in the main pipeline between the Orran reservoir and the "
    "treatment works, which the authority estimates lose nearly a fifth of the water it carries.",
    "Residents queued at distribution points on Sunday afternoon with bottles and buckets, and several "
    "shops in Kelby reported that bottled water had sold out by midday.",
    "Forecasters expect little rain before the end of the month, and the authority warned that the "
    "hours of supply could be cut further if reservoir levels keep falling at the present rate.",
    "Opposition councillors called for an inquiry into why a planned second pipeline from the coast, "
    "approved eight years ago, has still not been built.",
]
CHANGED = ("Opposition councillors demanded to know why a second pipeline from the coast, approved eight "
           "years ago, remains unbuilt.")
FESTIVAL = [
    "The harbour festival in Portreath will go ahead next month despite the drought, organisers said "
    "on Sunday, although the fountains and the water slide will stay switched off.",
    "More than two hundred boats are expected to sail into the harbour for the opening parade, and the "
    "town council has arranged extra buses from the railway station for the weekend.",
    "Stallholders have been asked to bring their own drinking water and to avoid washing dishes on site.",
]


def drought(title: str, url: str, published: str | None, last: str = DROUGHT[-1]):
    return make_article(doc="wire.jsonl", title=title, body=" ".join(DROUGHT[:-1] + [last]), url=url,
                        published=published)


def test_exact_and_near_duplicates_point_at_the_earliest_original():
    syndicated = drought("Northern districts ration water as drought deepens", "https://other.example/rationing",
                         "2024-03-11", last=CHANGED)
    original = drought("Drought forces rationing in three northern districts", "https://wire.example/drought",
                       "2024-03-10")
    exact = drought("Drought forces rationing in three northern districts", "https://mirror.example/drought",
                    "2024-03-12")
    festival = make_article(doc="wire.jsonl", title="Harbour festival goes ahead", body=" ".join(FESTIVAL),
                            url="https://wire.example/festival", published="2024-03-10")
    originals, duplicates = find_duplicates([syndicated, festival, original, exact])
    assert originals == [festival, original]
    by_url = {d.article.url: d for d in duplicates}
    assert set(by_url) == {"https://other.example/rationing", "https://mirror.example/drought"}
    assert by_url["https://mirror.example/drought"].kind == "exact"
    assert by_url["https://mirror.example/drought"].similarity == 1.0
    near = by_url["https://other.example/rationing"]
    assert (near.kind, near.original_id) == ("near", original.id)
    assert 0.8 <= near.similarity < 1.0
    assert all(d.original_id == original.id for d in duplicates)


def test_without_dates_the_first_read_is_the_original():
    first = drought("Rationing begins", "https://a.example/1", None)
    second = drought("Rationing begins in the north", "https://b.example/2", None, last=CHANGED)
    originals, (duplicate,) = find_duplicates([first, second])
    assert originals == [first]
    assert (duplicate.article, duplicate.original_id, duplicate.kind) == (second, first.id, "near")


def test_the_band_table_on_disk_proposes_what_datasketchs_lsh_proposes():
    """The copy finder's own band table (in SQLite, so that an archive's bands stay out of the
    process) must give the candidates MinHashLSH gives for the same threshold."""
    import random
    import sqlite3

    from datasketch import MinHashLSH

    from newsgraph.corpus import dedupe

    rng = random.Random(7)
    words = [f"w{i}" for i in range(400)]
    texts = []
    for _ in range(8):  # variants of a text with 0 to 22 of its 60 words replaced: every similarity
        base = rng.choices(words, k=60)
        for changed in range(0, 24, 2):
            variant = list(base)
            for at in rng.sample(range(60), changed):
                variant[at] = rng.choice(words)
            texts.append(" ".join(variant))
    ours, theirs = dedupe._Bands(0.6, sqlite3.connect(":memory:")), MinHashLSH(threshold=0.6, num_perm=dedupe.NUM_PERM)
    for index, text in enumerate(texts):
        signature = dedupe._minhash(dedupe.shingles(text))
        keys = ours.keys_of(signature)
        assert ours.query(keys) == set(theirs.query(signature)), index
        ours.insert(index, keys)
        theirs.insert(index, signature)
    assert ours.db.execute("SELECT count(*) FROM bands").fetchone()[0] == len(texts) * ours.bands


def test_different_articles_are_not_duplicates():
    festival = make_article(doc="a", title="Festival", body=" ".join(FESTIVAL))
    rationing = drought("Rationing", "https://a.example/1", "2024-03-10")
    empty = make_article(doc="b", title="Only a title", body="", body_required=False)
    originals, duplicates = find_duplicates([festival, rationing, empty])
    assert originals == [festival, rationing, empty]
    assert duplicates == []
