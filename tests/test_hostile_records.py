"""Hostile records and special files (issue 12): each is refused or repaired with a message
naming the file or record, and nothing else in the file is lost. Every fixture is built here."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.corpus.discover import read_files
from newsgraph.corpus.limits import Limits
from newsgraph.corpus.records import web_url
from newsgraph.nlp.extract import PART_CHARS, extract, parts

GOOD = "Iran threatened Israel on Sunday after the drone strike."
CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r"]


def messages(result) -> list[tuple[str, bool]]:
    return [(str(e), e.kept) for e in result.errors]


# ------------------------------------------------------------------ control characters


def test_control_characters_never_reach_an_article(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Iran threatens Israel\nIran threatened Israel\x00 on Sunday.\x1b\x0cThe army\x7f moved.\n")
    (article,) = read_files([str(path)]).articles
    assert article.text == "Iran threatens Israel\n\nIran threatened Israel on Sunday.\nThe army moved."
    assert not any(ch in article.text for ch in CONTROLS)


def test_a_lone_surrogate_is_repaired_with_a_warning_and_the_rest_of_the_file_loads(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(
        json.dumps({"title": "A", "text": "Turkey met Russia \ud800 in Ankara."}) + "\n"
        + json.dumps({"title": "B", "text": GOOD}) + "\n", encoding="utf-8")
    result = read_files([str(path)])
    assert [a.title for a in result.articles] == ["A", "B"]
    assert result.articles[0].text == "A\n\nTurkey met Russia \ufffd in Ankara."
    assert messages(result) == [(f"{path}#1: undecodable bytes or invalid characters (lone surrogates) replaced by U+FFFD", True)]


def test_a_body_of_control_characters_only_is_no_text(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"title": "A", "text": "\u0000\u0001"}) + "\n"
                    + json.dumps({"title": "B", "text": GOOD}) + "\n", encoding="utf-8")
    result = read_files([str(path)])
    assert [a.title for a in result.articles] == ["B"]
    assert messages(result) == [(f"{path}#1: no text", False)]


# ------------------------------------------------------------------ links


HOSTILE_LINK = "javascript:alert(1)"


def _jsonl(folder: Path, url: str) -> Path:
    path = folder / "a.jsonl"
    path.write_text(json.dumps({"title": "T", "text": GOOD, "url": url}) + "\n", encoding="utf-8")
    return path


def _csv(folder: Path, url: str) -> Path:
    path = folder / "a.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["title", "text", "url"], ["T", GOOD, url]])
    return path


def _rss(folder: Path, url: str) -> Path:
    path = folder / "a.rss"
    path.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><title>T</title><link>{url}</link><description>{GOOD}</description></item></channel></rss>""",
                    encoding="utf-8")
    return path


def _atom(folder: Path, url: str) -> Path:
    path = folder / "a.atom"
    path.write_text(f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><title>T</title><link href="{url}"/><content>{GOOD}</content></entry></feed>""", encoding="utf-8")
    return path


def _html(folder: Path, url: str) -> Path:
    path = folder / "a.html"
    body = " ".join([GOOD] * 6)
    path.write_text(f"""<html><head><title>T</title><link rel="canonical" href="{url}"></head>
<body><article><h1>T</h1><p>{body}</p><p>{body}</p></article></body></html>""", encoding="utf-8")
    return path


@pytest.mark.parametrize("write", [_jsonl, _csv, _rss, _atom, _html], ids=lambda f: f.__name__[1:])
def test_only_http_links_are_kept_by_every_reader(tmp_path, write):
    good = read_files([str(write(tmp_path, "https://news.example/a"))])
    assert [a.url for a in good.articles] == ["https://news.example/a"]
    path = write(tmp_path, HOSTILE_LINK)
    result = read_files([str(path)])
    (article,) = result.articles
    assert article.url is None
    if write is _html and not result.errors:
        return  # trafilatura already ignores a canonical link that is no web address
    ((message, kept),) = messages(result)
    assert kept and message.startswith(str(path))
    assert message.endswith(f"link '{HOSTILE_LINK}' is not an http(s) URL: stored without a URL")


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>",
                                 "vbscript:x", "file:///etc/passwd", "http://", "//news.example/a", "http://[::1"])
def test_web_url_refuses_what_is_no_web_address(url):
    assert web_url(url) is None


# ------------------------------------------------------------------ special files


def _read_with_deadline(paths: list[str], limits: Limits | None = None, seconds: float = 20):
    """read_files in a thread, so a reader that blocks fails the test instead of hanging it."""
    box = {}
    thread = threading.Thread(target=lambda: box.update(result=read_files(paths, *([limits] if limits else []))),
                              daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading blocked"
    return box["result"]


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    (tmp_path / "good.txt").write_text(f"Good\n\n{GOOD}", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = _read_with_deadline([str(tmp_path / "good.txt"), str(tmp_path / "pipe.txt")])
    assert [a.title for a in result.articles] == ["Good"]
    assert messages(result) == [
        (f"{tmp_path / 'pipe.txt'}: a named pipe, not a regular file: only regular files are read", False)]


def test_a_link_to_a_device_is_refused(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = _read_with_deadline([str(tmp_path / "zero.txt")])
    assert messages(result) == [
        (f"{tmp_path / 'zero.txt'}: a character device, not a regular file: only regular files are read", False)]


def test_the_size_cap_holds_while_reading_a_file_whose_size_says_zero(tmp_path):
    (tmp_path / "cpu.txt").symlink_to("/proc/cpuinfo")  # a regular file of stat size 0
    assert os.stat(tmp_path / "cpu.txt").st_size == 0
    result = _read_with_deadline([str(tmp_path / "cpu.txt")], Limits(max_file_bytes=64))
    assert messages(result) == [(f"{tmp_path / 'cpu.txt'}: is over the 64 bytes cap (grew while it was read)", False)]


# ------------------------------------------------------------------ records that damaged others


def test_a_csv_quote_that_never_closes_loses_only_its_record(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text(f'title,text\nA,{GOOD}\nB,"never closed {GOOD}\nC,Turkey met Russia.\nD,Egypt condemned Libya.\n',
                    encoding="utf-8")
    result = read_files([str(path)])
    assert [(a.title, a.record) for a in result.articles] == [("A", 2), ("C", 4), ("D", 5)]
    assert result.articles[1].text == "C\n\nTurkey met Russia."
    (error,) = result.errors
    assert str(error).startswith(f"{path}#3: malformed CSV record")


def test_a_csv_row_with_more_fields_than_the_header_is_refused(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(f"title,text\nA,{GOOD}\nB,one,two\n", encoding="utf-8")
    result = read_files([str(path)])
    assert [a.title for a in result.articles] == ["A"]
    assert messages(result) == [(f"{path}#3: 3 fields where the header names 2: a stray delimiter or quote", False)]


def test_json_fields_that_are_no_text_are_refused_by_record(tmp_path):
    path = tmp_path / "t.jsonl"
    records = [{"title": "A", "text": 12345}, {"title": "B", "text": {"body": GOOD}},
               {"title": ["x"], "text": GOOD}, {"title": "D", "text": GOOD, "date": 2019},
               {"title": "E", "text": GOOD}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = read_files([str(path)])
    assert [a.title for a in result.articles] == ["E"]
    assert messages(result) == [
        (f"{path}#1: 'text' is a number, not text", False),
        (f"{path}#2: 'text' is an object, not text", False),
        (f"{path}#3: 'title' is a list, not text", False),
        (f"{path}#4: 'date' is a number, not text", False),
    ]


def test_an_unreadable_date_is_a_warning_and_the_article_is_kept(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(f"title,text,date\nA,{GOOD},not a date\nB,{GOOD} Again.,2020-01-02\n", encoding="utf-8")
    result = read_files([str(path)])
    assert [(a.title, a.published) for a in result.articles] == [("A", None), ("B", "2020-01-02")]
    assert messages(result) == [(f"{path}#2: unreadable date 'not a date': stored without a date", True)]


# ------------------------------------------------------------------ language

RUSSIAN_QUOTE = ("Minister defends the border plan\n\nThe foreign minister defended the border plan on Monday. "
                 "\"Мы не отступим ни на шаг, это наша земля и наша история\", he told reporters in Moscow. "
                 "Officials said the talks would continue next week.")
RUSSIAN = ("Министр защитил план\n\nМинистр иностранных дел защитил план границы в понедельник. "
           "Переговоры продолжатся на следующей неделе, сказали чиновники.")


def test_the_body_language_decides_and_set_aside_articles_are_named(tmp_path):
    (tmp_path / "quote.txt").write_text(RUSSIAN_QUOTE, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    result = read_files([str(tmp_path / "quote.txt"), str(tmp_path / "ru.txt")])
    assert [(a.title, a.language) for a in result.articles] == [("Minister defends the border plan", "en")]
    ((message, kept),) = messages(result)
    assert message.startswith(f"{tmp_path / 'ru.txt'}: not English: ru ") and not kept
    assert float(message.rsplit(" ", 1)[1]) >= 0.9


# ------------------------------------------------------------------ long articles


def test_parts_join_to_the_text_and_cut_at_the_best_break():
    text = ("word " * 30 + "\n") * 4000 + "x" * 250_000
    pieces = parts(text, size=50_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 50_000 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-6])  # line breaks first; then the unbroken run is cut hard


def test_an_article_over_spacys_limit_is_parsed_in_parts_with_its_events_and_offsets(tmp_path, nlp, resolver):
    padding = ("x" * 79 + "\n") * 13_000  # over 1,000,000 characters of cheap tokens
    path = tmp_path / "long.txt"
    path.write_text(f"Long\n\nIran threatened Israel on Sunday.\n\n{padding}\n\nIsrael warned Iran on Monday.",
                    encoding="utf-8")
    (article,) = read_files([str(path)]).articles
    assert len(article.text) > nlp.max_length and len(parts(article.text)) > 10 > 0 < PART_CHARS
    (extracted,) = extract([article], nlp, resolver)
    found = {(e.source.actor.name, e.action.lemma, e.target.actor.name): article.text[e.start:e.end].strip()
             for e in extracted.events}
    assert found == {("Iran", "threaten", "Israel"): "Iran threatened Israel on Sunday.",
                     ("Israel", "warn", "Iran"): "Israel warned Iran on Monday."}


# ------------------------------------------------------------------ arbitrary field values

ANY_VALUE = st.one_of(
    st.none(), st.text(max_size=80), st.integers(), st.floats(allow_nan=True), st.booleans(),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from([HOSTILE_LINK, "not a date", "\x00", "\ud800", "https://news.example/x", "2020-02-30"]),
)
FIELDS = ("title", "text", "date", "url", "source")


def _check_articles(result, path: Path) -> None:
    for error in result.errors:
        assert str(error).startswith(f"{path}#") or str(error) == f"{path}: no records", str(error)
    for article in result.articles + result.skipped_language:
        assert article.doc == str(path) and article.record is not None
        assert article.text.strip()
        assert not any(ch in article.text for ch in CONTROLS)
        article.text.encode("utf-8")  # no lone surrogate
        assert article.url is None or article.url.startswith(("http://", "https://"))
        assert article.published is None or len(article.published) == 10


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(st.fixed_dictionaries({}, optional={f: ANY_VALUE for f in FIELDS}), min_size=1, max_size=6))
def test_jsonl_with_arbitrary_field_values_loses_only_bad_records(records):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        result = read_files([str(path)])
    _check_articles(result, path)
    kept = {a.record for a in result.articles + result.skipped_language}
    skipped = {int(e.where.rsplit("#", 1)[1]) for e in result.errors if not e.kept and "not English" not in e.reason}
    assert kept | skipped == set(range(1, len(records) + 1)) and not kept & skipped
    for number, record in enumerate(records, start=1):
        texts = all(record.get(f) is None or isinstance(record.get(f), str) for f in FIELDS)
        if not texts:
            assert number in skipped


def _cleaned(text: str) -> str:
    """What reading should leave of a field: page and vertical tabs are line breaks, other
    control characters are gone."""
    return text.translate({0x0B: "\n", 0x0C: "\n"}).translate({ord(c): None for c in CONTROLS}).strip()


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(TEXT, TEXT, st.one_of(TEXT, st.sampled_from([HOSTILE_LINK, "https://n.example/1"]))),
                     min_size=1, max_size=6))
def test_csv_with_arbitrary_field_values_keeps_every_record_with_text(rows):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.csv"
        buffer = io.StringIO()
        csv.writer(buffer).writerows([("title", "text", "url"), *rows])
        path.write_text(buffer.getvalue(), encoding="utf-8")
        result = read_files([str(path)])
    _check_articles(result, path)
    with_text = [r for r in rows if _cleaned(r[1])]
    read = sorted(result.articles + result.skipped_language, key=lambda a: a.record)
    # every written row with text comes back as its own article, whatever its fields hold
    assert len(read) == len(with_text)
    for article, (title, text, _url) in zip(read, with_text, strict=True):
        cleaned = _cleaned(text)
        assert cleaned.replace("\r\n", "\n").replace("\r", "\n") in article.text.replace("\r\n", "\n").replace("\r", "\n")


def test_an_article_the_rules_fail_on_is_named_and_the_others_are_extracted(nlp, resolver, monkeypatch):
    """Fault injection: no real text is known to break the rules, but the next bug must not stop
    a run, so one article's rules are made to fail."""
    from newsgraph.corpus.records import make_article
    from newsgraph.errors import InputError
    from newsgraph.nlp import extract as extract_module

    real = extract_module.read_doc

    def failing(doc, article, resolver):
        if article.title == "Boom":
            raise IndexError("a rule ran off the sentence")
        return real(doc, article, resolver)

    monkeypatch.setattr(extract_module, "read_doc", failing)
    articles = [make_article(doc="a.txt", title="Boom", body=GOOD), make_article(doc="b.txt", title="Fine", body=GOOD)]
    errors: list[InputError] = []
    extracted = list(extract(articles, nlp, resolver, errors=errors))
    assert [x.article.title for x in extracted] == ["Fine"] and extracted[0].events
    assert [str(e) for e in errors] == ["a.txt: extraction failed (IndexError: a rule ran off the sentence); not loaded"]
    with pytest.raises(IndexError):
        list(extract(articles, nlp, resolver))


def test_input_errors_cross_process_boundaries_intact():
    """Extraction errors come back from Dask workers pickled."""
    import pickle

    from newsgraph.corpus.limits import LimitExceeded, Meter
    from newsgraph.errors import InputError, InputWarning

    for error in (InputError("a.csv#3", "no text"), InputWarning("a.csv#4", "unreadable date"),
                  LimitExceeded(Meter("b.gz", 1, Limits()), "too big")):
        copy = pickle.loads(pickle.dumps(error))
        assert (str(copy), copy.where, copy.reason, copy.kept) == (str(error), error.where, error.reason, error.kept)


# ------------------------------------------------------------------ found in review


def test_a_json_line_python_cannot_read_loses_only_itself(tmp_path):
    path = tmp_path / "odd.jsonl"
    good = json.dumps({"title": "B", "text": GOOD})
    path.write_text("[" * 200_000 + "\n" + '{"n": ' + "9" * 5000 + "}\n" + good + "\r" + good.replace("B", "C"),
                    encoding="utf-8")
    result = read_files([str(path)])
    assert [a.title for a in result.articles] == ["B", "C"]  # a lone CR ends a line too
    assert [e.where for e in result.errors] == [f"{path}#1", f"{path}#2"]
    assert all(e.reason.startswith(("unreadable JSON", "invalid JSON")) for e in result.errors)


def test_a_byte_that_is_not_utf8_costs_a_csv_record_a_warning_not_the_file(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"title,text\nA,Caf\xe9 owners in Lyon protested the tax.\nB," + GOOD.encode() + b"\n")
    result = read_files([str(path)])
    assert [a.title for a in result.articles] == ["A", "B"]
    assert result.articles[0].text.endswith("Caf\ufffd owners in Lyon protested the tax.")
    assert messages(result) == [
        (f"{path}#2: undecodable bytes or invalid characters (lone surrogates) replaced by U+FFFD", True)]


@pytest.mark.parametrize(("content", "message"), [
    ("text,title,text\nA,B,C\n", "the header names 'text' more than once: which column holds what is ambiguous"),
    ("title,text\n", "no records"),
])
def test_a_csv_without_usable_records_is_one_message(tmp_path, content, message):
    path = tmp_path / "h.csv"
    path.write_text(content, encoding="utf-8")
    result = read_files([str(path)])
    assert result.articles == [] and messages(result) == [(f"{path}: {message}", False)]


def test_an_article_over_the_length_cap_is_refused_by_name(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"title": "Dump", "text": "word " * 300}) + "\n"
                    + json.dumps({"title": "B", "text": GOOD}) + "\n", encoding="utf-8")
    result = read_files([str(path)], Limits(max_article_chars=1000))
    assert [a.title for a in result.articles] == ["B"]
    assert messages(result) == [(f"{path}#1: 1,505 characters, over the 1,000-character cap on one article", False)]
