"""Readers on small real files: what they keep, and how they report what they cannot read."""

from __future__ import annotations

import json

from newsgraph.corpus.discover import discover, read_files


def test_text_file_title_and_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Moscow warns Washington\n\nRussia warned the United States on Monday.\n", encoding="utf-8")
    result = read_files([str(path)])
    (article,) = result.articles
    assert article.title == "Moscow warns Washington"
    assert article.text == "Moscow warns Washington\n\nRussia warned the United States on Monday."
    assert article.doc == str(path)
    assert article.id.startswith("article:")


def test_markdown_heading_is_the_title(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Talks resume\n\nIran met with France.\n", encoding="utf-8")
    assert read_files([str(path)]).articles[0].title == "Talks resume"


def test_csv_rows_become_articles_with_metadata(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        'url,date,title,text\n'
        'https://example.org/1,2020-03-01,"Quoted, title","Syria denounced the United States."\n'
        'https://example.org/2,2020-03-02,Empty,\n',
        encoding="utf-8",
    )
    result = read_files([str(path)])
    (article,) = result.articles
    assert (article.url, article.published, article.title, article.record) == (
        "https://example.org/1", "2020-03-01", "Quoted, title", 2)  # records are numbered by their line
    assert [str(e) for e in result.errors] == [f"{path}#3: no text in column 'text'"]


def test_jsonl_bad_line_is_reported_and_the_rest_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"title": "A", "text": "Israel attacked Syria."}), "{not json", "[1, 2]",
             json.dumps({"title": "B", "text": "Turkey met with Russia."})]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_files([str(path)])
    assert [a.title for a in result.articles] == ["A", "B"]
    assert [e.where for e in result.errors] == [f"{path}#2", f"{path}#3"]


def test_undecodable_and_empty_files_name_the_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\n\xff\xfe broken \x80 bytes")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    good = tmp_path / "good.txt"
    good.write_text("Good\n\nFrance praised Germany.", encoding="utf-8")
    result = read_files([str(bad), str(empty), str(good)])
    assert [a.title for a in result.articles] == ["Good"]
    messages = sorted(str(e) for e in result.errors)
    assert messages[0].startswith(f"{bad}: undecodable bytes at offset 7")
    assert messages[1] == f"{empty}: empty file"


def test_discover_directories_globs_and_missing(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text("B\n\nx", encoding="utf-8")
    (tmp_path / "d" / "a.csv").write_text("text\nx\n", encoding="utf-8")
    (tmp_path / "d" / "skip.bin").write_bytes(b"\0")
    files, errors = discover([str(tmp_path / "d"), str(tmp_path / "d" / "*.txt"), str(tmp_path / "nope.txt")])
    assert files == [str(tmp_path / "d" / "a.csv"), str(tmp_path / "d" / "b.txt")]
    assert [str(e) for e in errors] == [f"{tmp_path / 'nope.txt'}: no such file or directory"]


def test_same_text_in_two_files_is_one_article(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Same\n\nChina criticized Japan.", encoding="utf-8")
    ids = {a.id for a in read_files([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]).articles}
    assert len(ids) == 1


def test_dates_of_records_become_iso_dates(tmp_path):
    rows = [("2019-02-07T10:31:00Z", "2019-02-07"), ("7 February 2019", "2019-02-07"),
            ("Feb 7, 2019", "2019-02-07"), ("07/02/2019", "2019-02-07"), ("soon", None)]
    path = tmp_path / "dated.jsonl"
    path.write_text("".join(json.dumps({"title": f"T{i}", "text": f"Body number {i} of the test.",
                                        "date": given}) + "\n" for i, (given, _) in enumerate(rows)),
                    encoding="utf-8")
    result = read_files([str(path)])
    assert [a.published for a in result.articles] == [expected for _, expected in rows]
    # the unreadable date is said, with its record, and the article is kept
    assert [(str(e), e.kept) for e in result.errors] == [
        (f"{path}#5: unreadable date 'soon': stored without a date", True)]
