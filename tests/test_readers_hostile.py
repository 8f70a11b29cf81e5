"""Hostile and broken input: each bad file is an InputError naming it, and a run over a folder
that mixes good and bad files still returns the good articles. Bombs are built in the tests."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.corpus.discover import READERS, discover, read_files
from newsgraph.corpus.limits import MB, LimitExceeded, Limits, Meter, MeteredStream
from newsgraph.errors import InputError

GOOD_TEXT = "Ferry strike called off\n\nThe ferry crews called off Friday's strike after talks on Thursday."
ZEROS = b"\0" * (20 * MB)
BOMB_ZIP_CACHE: dict[str, bytes] = {}

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughs</title><description>&lol9;</description></item></channel></rss>
"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Leak</title>
<entry><title>x</title><content>&secret;</content></entry></feed>
"""

# Not well-formed (a stray "&"), so only feedparser's lenient parser would read it.
LOOSE_LAUGHS = b"""<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>Fish & chips</title><item><title>&b;</title>
<description>&b;&b;&b;</description></item></channel></rss>
"""

ONE_BROKEN_ENTRY = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Notes</title>
<item><title>Pier repaired</title><link>https://notes.example/pier</link>
<pubDate>Thu, 07 Mar 2024 10:00:00 +0000</pubDate>
<description>The council finished repairs to the north pier on Wednesday, a month ahead of plan.</description></item>
<item><title>Broken</title><pubDate>not a date at all</pubDate><link></link></item>
<item><title>Ferry fares frozen</title><link>https://notes.example/fares</link>
<pubDate>garbage date</pubDate>
<description>The ferry operator said fares would not rise this year despite higher fuel costs.</description></item>
</channel></rss>
"""

SCRIPT_PAGE = b"""<html><head><title>Quay reopens</title>
<script>var secret = "SCRIPT_TEXT"; document.write("<p>WRITTEN_BY_SCRIPT</p>");</script>
<style>p { content: "STYLE_TEXT"; }</style></head>
<body><article><h1>Quay reopens</h1>
<p>The old quay reopened to fishing boats on Saturday after a winter of repairs to its stone walls and moorings.</p>
<script type="text/javascript">trackReader("BODY_SCRIPT_TEXT");</script>
<p>Harbour staff said the work had cost less than expected because the foundations were in better shape than feared.</p>
<noscript><img src="pixel.gif"></noscript>
</article></body></html>
"""


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zeros_zip() -> bytes:
    """20 MB of zeros and a good member, about 20 KB on disk; built once per session."""
    if "zeros" not in BOMB_ZIP_CACHE:
        BOMB_ZIP_CACHE["zeros"] = zip_bytes({"good.txt": GOOD_TEXT.encode(), "bomb.txt": ZEROS})
    return BOMB_ZIP_CACHE["zeros"]


def warc_gz(html: bytes) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/x", "response",
                                                  payload=io.BytesIO(html), http_headers=headers))
    return buffer.getvalue()


def read_one(path: Path, limits: Limits | None = None):
    result = read_files([str(path)], limits) if limits else read_files([str(path)])
    return result


# ---------------------------------------------------------------- size caps


def test_a_file_over_the_size_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD_TEXT * 40, encoding="utf-8")
    result = read_one(path, Limits(max_file_bytes=1000))
    assert result.articles == []
    assert [str(e) for e in result.errors] == [f"{path}: is 3.6 KB, over the 1000 bytes cap"]


def test_size_cap_message_in_megabytes(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b" " * (3 * MB))
    (error,) = read_one(path, Limits(max_file_bytes=2 * MB)).errors
    assert str(error) == f"{path}: is 3.0 MB, over the 2.0 MB cap"


def test_metered_stream_stops_at_the_cap_without_reading_the_rest():
    compressed = gzip.compress(ZEROS, compresslevel=9)
    meter = Meter("bomb.gz", len(compressed), Limits(max_uncompressed_bytes=1 * MB, max_ratio=1e9))
    with pytest.raises(LimitExceeded, match="expands past the 1.0 MB cap"):
        MeteredStream(gzip.GzipFile(fileobj=io.BytesIO(compressed)), meter).read_all()
    assert meter.produced <= 1 * MB + MeteredStream.CHUNK


def test_zip_bomb_member_refused_by_ratio_and_the_good_member_kept(tmp_path):
    path = tmp_path / "bomb.zip"
    path.write_bytes(zeros_zip())
    result = read_one(path)  # the default caps suffice: about 1000:1
    assert [a.doc for a in result.articles] == [f"{path}!good.txt"]
    (error,) = result.errors
    assert error.where == f"{path}!bomb.txt"
    assert "compression ratio over 100:1" in error.reason


def test_zip_bomb_member_refused_by_declared_size(tmp_path):
    path = tmp_path / "bomb.zip"
    path.write_bytes(zeros_zip())
    (error,) = read_one(path, Limits(max_uncompressed_bytes=5 * MB, max_ratio=1e9)).errors
    assert str(error) == f"{path}!bomb.txt: declares 20.0 MB, over the 5.0 MB cap on uncompressed size"


def test_zip_whose_members_together_go_over_the_archive_size_cap(tmp_path):
    """Each member is under the caps; the archive as a whole is not, so reading stops there
    (the members read before are kept)."""
    path = tmp_path / "many.zip"
    path.write_bytes(zip_bytes({f"part{i}.txt": b"x" * (3 * MB) for i in range(5)}))
    result = read_one(path, Limits(max_uncompressed_bytes=10 * MB, max_ratio=1e9))
    assert [a.doc for a in result.articles] == [f"{path}!part{i}.txt" for i in range(3)]
    assert [str(e) for e in result.errors] == [f"{path}: expands past the 10.0 MB cap on uncompressed size"]


def test_zip_of_small_members_over_the_archive_ratio(tmp_path):
    """Members under the ratio floor are not refused one by one; their sum is, by the ratio of
    the whole archive."""
    path = tmp_path / "many.zip"
    path.write_bytes(zip_bytes({f"part{i}.txt": b"x" * (900 * 1024) for i in range(5)}))
    result = read_one(path)
    assert [a.doc for a in result.articles] == [f"{path}!part0.txt"]
    (error,) = result.errors
    assert error.where == str(path) and "compression ratio over 100:1" in error.reason


def test_zip_with_too_many_members(tmp_path):
    path = tmp_path / "crowd.zip"
    path.write_bytes(zip_bytes({f"{i}.txt": GOOD_TEXT.encode() for i in range(5)}))
    (error,) = read_one(path, Limits(max_members=3)).errors
    assert str(error) == f"{path}: has 5 members, over the 3 member cap"


def test_gz_bomb_refused_by_ratio_and_by_size(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(ZEROS, compresslevel=9))
    (by_ratio,) = read_one(path).errors  # the default caps suffice: about 1000:1
    assert by_ratio.where == str(path) and "compression ratio over 100:1" in by_ratio.reason
    (by_size,) = read_one(path, Limits(max_uncompressed_bytes=2 * MB, max_ratio=1e9)).errors
    assert str(by_size) == f"{path}: expands past the 2.0 MB cap on uncompressed size"


def test_warc_gz_bomb_and_double_gzip(tmp_path):
    bomb = tmp_path / "bomb.warc.gz"
    bomb.write_bytes(gzip.compress(ZEROS, compresslevel=9))
    (error,) = read_one(bomb).errors
    assert error.where == str(bomb) and "ratio" in error.reason
    double = tmp_path / "double.warc.gz"
    double.write_bytes(gzip.compress(gzip.compress(warc_gz(SCRIPT_PAGE))))
    (error,) = read_one(double).errors
    assert str(error) == f"{double}: gzip inside gzip is refused: a WARC is compressed once"


# ---------------------------------------------------------------- archives


def test_nested_archives_are_refused(tmp_path):
    inner = zip_bytes({"a.txt": GOOD_TEXT.encode()})
    path = tmp_path / "outer.zip"
    path.write_bytes(zip_bytes({"inner.zip": inner, "inner.jsonl.gz": gzip.compress(b"{}"), "ok.txt": GOOD_TEXT.encode()}))
    result = read_one(path)
    assert [a.doc for a in result.articles] == [f"{path}!ok.txt"]
    assert sorted(str(e) for e in result.errors) == [
        f"{path}!inner.jsonl.gz: an archive inside an archive is refused",
        f"{path}!inner.zip: an archive inside an archive is refused",
    ]
    zip_gz = tmp_path / "x.zip.gz"
    zip_gz.write_bytes(gzip.compress(inner))
    files, errors = discover([str(zip_gz)])
    assert files == [] and [e.where for e in errors] == [str(zip_gz)]


def test_traversal_and_absolute_member_names_are_only_names(tmp_path):
    path = tmp_path / "sneaky.zip"
    path.write_bytes(zip_bytes({"../../escaped.txt": GOOD_TEXT.encode(), "/etc/cron.d/x.txt": GOOD_TEXT.encode()}))
    result = read_one(path)
    assert sorted(a.doc for a in result.articles) == [f"{path}!../../escaped.txt", f"{path}!/etc/cron.d/x.txt"]
    assert not (tmp_path.parent.parent / "escaped.txt").exists()


def test_a_corrupt_member_is_skipped_and_the_others_load(tmp_path):
    data = bytearray(zip_bytes({"a.txt": GOOD_TEXT.encode(), "b.txt": ("B\n\n" + "words " * 2000).encode()}))
    start = data.index(b"b.txt") + len(b"b.txt")  # the compressed data follows the local header's name
    data[start + 5 : start + 40] = b"\xff" * 35
    path = tmp_path / "corrupt.zip"
    path.write_bytes(bytes(data))
    result = read_one(path)
    assert [a.doc for a in result.articles] == [f"{path}!a.txt"]
    (error,) = result.errors
    assert error.where == f"{path}!b.txt" and error.reason.startswith("unreadable member (")


def test_undecodable_member_and_undecodable_gz_name_what_holds_them(tmp_path):
    path = tmp_path / "mixed.zip"
    path.write_bytes(zip_bytes({"bad.txt": b"Title\n\n\xff\xfe broken", "good.txt": GOOD_TEXT.encode()}))
    result = read_one(path)
    assert [a.doc for a in result.articles] == [f"{path}!good.txt"]
    assert [str(e) for e in result.errors] == [
        f"{path}!bad.txt: undecodable bytes at offset 7: the file is not UTF-8 text"]
    gz = tmp_path / "bad.jsonl.gz"
    gz.write_bytes(gzip.compress(b'{"text": "\xff\xfe"}\n{"text": "Caf\xe9 owners protested the new tax on Monday."}'))
    result = read_one(gz)  # a record of undecodable bytes is refused; one such byte is repaired
    assert [(str(e), e.kept) for e in result.errors] == [
        (f"{gz}#1: not text: 2 undecodable bytes or invalid characters", False),
        (f"{gz}#2: undecodable bytes or invalid characters (lone surrogates) replaced by U+FFFD", True)]
    assert [a.text for a in result.articles] == ["Caf\ufffd owners protested the new tax on Monday."]


# ---------------------------------------------------------------- feeds and pages


@pytest.mark.parametrize(("name", "data"), [("laughs.rss", LAUGHS), ("external.atom", EXTERNAL),
                                            ("loose.xml", LOOSE_LAUGHS)])
def test_feeds_with_entity_declarations_are_refused(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = read_one(path)
    assert result.articles == []
    assert [str(e) for e in result.errors] == [
        f"{path}: entity declarations are refused (entity expansion or external entities)"]


def test_feedparser_crash_on_a_bad_xml_declaration_is_an_input_error(tmp_path):
    """feedparser 6.0 raises UnicodeDecodeError on a non-UTF-8 byte in the declared encoding."""
    path = tmp_path / "odd.atom"
    path.write_bytes(b'<?xml version="1.0" encoding="u\xf8"?><feed><title>T</title></feed>')
    (error,) = read_one(path).errors
    assert str(error).startswith(f"{path}: not a readable feed: UnicodeDecodeError")


def test_a_broken_feed_entry_is_reported_and_the_rest_load(tmp_path):
    path = tmp_path / "notes.rss"
    path.write_bytes(ONE_BROKEN_ENTRY)
    result = read_one(path)
    assert [(a.title, a.published) for a in result.articles] == [
        ("Pier repaired", "2024-03-07"), ("Ferry fares frozen", None)]
    assert [str(e) for e in result.errors] == [f"{path}#2: no content or summary",
                                               f"{path}#3: unreadable date 'garbage date': stored without a date"]


def test_script_and_style_never_reach_the_text(tmp_path):
    path = tmp_path / "quay.html"
    path.write_bytes(SCRIPT_PAGE)
    (article,) = read_one(path).articles
    assert "stone walls" in article.text and "foundations" in article.text
    for marker in ("SCRIPT_TEXT", "WRITTEN_BY_SCRIPT", "STYLE_TEXT", "trackReader", "document.write"):
        assert marker not in article.text


# ---------------------------------------------------------------- a run over mixed files

MALFORMED = {
    "garbage.html": b"\x00\x01\x02\xff\xfe\x80\x81\x00",
    "empty.htm": b"   ",
    "truncated.rss": b"<?xml version='1.0'?><rss><channel><title>Cut",
    "not-a-feed.xml": b"<?xml version='1.0'?><config><option name='a'/></config>",
    "binary.atom": b"\x89PNG\r\n\x1a\n\x00\x00",
    "random.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ncut short",
    "text.warc": b"this is not a web archive at all\n",
    "corrupt.warc.gz": b"\x1f\x8b\x08\x00garbage",
    "no-html.warc.gz": b"",  # replaced below by a WARC without pages
    "truncated.zip": b"",  # replaced below by half a zip
    "not-gzip.jsonl.gz": b"plain text, not gzip",
    "truncated.html.gz": b"",  # replaced below by half a gzip
    "undecodable.txt": b"Title\n\n\xff\xfe broken \x80 bytes",
    "laughs.rss": LAUGHS,
}


def malformed_files(folder: Path) -> dict[str, Path]:
    files = dict(MALFORMED)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "tests"}))
    files["no-html.warc.gz"] = buffer.getvalue()
    whole_zip = zip_bytes({"a.txt": GOOD_TEXT.encode() * 50})
    files["truncated.zip"] = whole_zip[: len(whole_zip) // 2]
    whole_gz = gzip.compress(SCRIPT_PAGE)
    files["truncated.html.gz"] = whole_gz[: len(whole_gz) // 2]
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def test_a_run_over_good_and_bad_files_keeps_the_good_articles(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    bad = malformed_files(folder)
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "good.jsonl").write_text(json.dumps({"title": "Pier", "text": "The pier reopened on Monday."}),
                                       encoding="utf-8")
    (folder / "bomb.zip").write_bytes(zeros_zip())
    files, errors = discover([str(folder)])
    assert errors == []
    result = read_files(files)
    assert sorted(a.where for a in result.articles) == sorted(
        [str(folder / "good.txt"), f"{folder / 'good.jsonl'}#1", f"{folder / 'bomb.zip'}!good.txt"])
    named = {e.where.split("#")[0].split("!")[0] for e in result.errors}
    assert named == {str(p) for p in bad.values()} | {str(folder / "bomb.zip")}
    for error in result.errors:
        assert "\n" not in str(error)


# ---------------------------------------------------------------- arbitrary bytes

SUFFIXES = sorted({".txt", ".md", ".csv", ".jsonl", ".html", ".htm", ".rss", ".atom", ".xml", ".warc", ".warc.gz",
                   ".zip", ".jsonl.gz", ".html.gz", ".txt.gz"})
PREFIXES = [b"", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"WARC/1.0\r\n", b"<?xml version='1.0'?>\n<rss>",
            b"<html><body><p>", b'{"text": "', b"\xef\xbb\xbf"]


def test_every_suffix_under_test_has_a_reader():
    assert set(SUFFIXES) <= set(READERS)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(SUFFIXES), prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2048))
def test_arbitrary_bytes_never_crash_a_run(suffix, prefix, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(prefix + data)
        result = read_files([str(path)], Limits(max_uncompressed_bytes=4 * MB))
    for error in result.errors:
        assert isinstance(error, InputError) and error.where.startswith(str(path))
    for article in result.articles + result.skipped_language:
        assert article.doc.startswith(str(path))


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=1024))
def test_arbitrary_bytes_per_reader(suffix, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        result = read_files([str(path)])
    assert all(e.where.startswith(str(path)) for e in result.errors)


def _container(kind: str, payload: bytes, content_type: str) -> tuple[str, bytes]:
    """A well-formed container around arbitrary content, so the readers inside are reached."""
    if kind == "zip":
        return ".zip", zip_bytes({"a.html": payload, "b.jsonl": payload, "c.rss": payload, "d.txt": payload})
    if kind == "warc":
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/x", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
        return ".warc.gz", buffer.getvalue()
    return kind, gzip.compress(payload)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["zip", "warc", ".jsonl.gz", ".html.gz", ".atom.gz", ".csv.gz"]),
       payload=st.one_of(st.binary(max_size=1024), st.text(max_size=512).map(str.encode)),
       content_type=st.sampled_from(["text/html", "text/html; charset=bogus-9", "application/xhtml+xml"]))
def test_arbitrary_content_inside_well_formed_containers(kind, payload, content_type):
    suffix, data = _container(kind, payload, content_type)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        result = read_files([str(path)])
    assert all(e.where.startswith(str(path)) for e in result.errors)
    assert all(a.doc.startswith(str(path)) for a in result.articles + result.skipped_language)
