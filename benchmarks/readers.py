"""Reader throughput per input format, measured side by side in one run (the machine is shared
and noisy, so compare the formats within a run, not across runs).

    .venv/bin/python benchmarks/readers.py [--n 295]

The same N Wikinews articles are written, in a temporary directory, as: one .txt file each, one
.jsonl, one .jsonl.gz, one .csv, one HTML page each, one RSS 2.0 feed, one .warc.gz (a 200
text/html response record per page) and one .zip of the .txt files. Each format is then read
with `read_files`, as a run reads it (language detection included); every format must give back
all N articles and no error, so a reader that breaks shows here as a failed assertion rather
than as a fast figure. Near-duplicate detection (`find_duplicates`) over the N articles is timed
too, since every run pays it after reading.

The articles come from samples/wikinews: texts by Wikinews contributors (https://en.wikinews.org),
CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/). With N above 295 the articles repeat
under distinct URLs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import io
import json
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.corpus.dedupe import find_duplicates
from newsgraph.corpus.discover import read_files
from newsgraph.graph.records import Article

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Source:
    url: str
    date: str
    title: str
    text: str

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


def wikinews(n: int) -> list[Source]:
    """The sample's rows, repeated under distinct URLs when more than 295 are asked for."""
    csv.field_size_limit(1 << 28)
    rows: list[Source] = []
    for path in sorted((ROOT / "samples" / "wikinews").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            rows += [Source(r["url"], r["date"], r["title"], r["text"]) for r in csv.DictReader(fh)]
    return [
        rows[i] if i < len(rows) else replace(rows[i % len(rows)], url=f"{rows[i % len(rows)].url}?copy={i // len(rows)}")
        for i in range(n)
    ]


def page(s: Source) -> str:
    """A news page as sites serve it: the article amid navigation, footer and script, so the
    HTML readers do their real job of finding the main text."""
    e = html.escape
    body = "\n".join(f"<p>{e(p)}</p>" for p in s.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(s.title)}</title>
<meta property="article:published_time" content="{e(s.date)}T12:00:00Z">
<link rel="canonical" href="{e(s.url)}"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/science">Science</a></li></ul></nav>
<article><h1>{e(s.title)}</h1>
{body}
</article>
<footer><p>Copyright notice, privacy policy and contact details.</p></footer>
<script>window.analytics = {{track: function () {{}}}};</script>
</body></html>
"""


def txt(s: Source) -> str:
    return f"{s.title}\n\n{s.text}\n"


def write_txt(sources: list[Source], out: Path) -> list[Path]:
    (out / "txt").mkdir()
    paths = [out / "txt" / f"{i:05d}.txt" for i in range(len(sources))]
    for path, s in zip(paths, sources, strict=True):
        path.write_text(txt(s), encoding="utf-8")
    return paths


def write_html(sources: list[Source], out: Path) -> list[Path]:
    (out / "html").mkdir()
    paths = [out / "html" / f"{i:05d}.html" for i in range(len(sources))]
    for path, s in zip(paths, sources, strict=True):
        path.write_text(page(s), encoding="utf-8")
    return paths


def jsonl(sources: list[Source]) -> bytes:
    return "".join(json.dumps(vars(s), ensure_ascii=False) + "\n" for s in sources).encode("utf-8")


def write_jsonl(sources: list[Source], out: Path) -> list[Path]:
    (out / "articles.jsonl").write_bytes(jsonl(sources))
    return [out / "articles.jsonl"]


def write_jsonl_gz(sources: list[Source], out: Path) -> list[Path]:
    (out / "articles.jsonl.gz").write_bytes(gzip.compress(jsonl(sources)))
    return [out / "articles.jsonl.gz"]


def write_csv(sources: list[Source], out: Path) -> list[Path]:
    with (out / "articles.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerows(vars(s) for s in sources)
    return [out / "articles.csv"]


def write_rss(sources: list[Source], out: Path) -> list[Path]:
    """RSS 2.0 with the full article as escaped HTML in <description>, as many feeds carry it."""
    e = html.escape
    items = "".join(
        f"<item><title>{e(s.title)}</title><link>{e(s.url)}</link>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(s.date).replace(hour=12, tzinfo=UTC))}</pubDate>"
        f"<description>{e(''.join(f'<p>{e(p)}</p>' for p in s.paragraphs))}</description></item>\n"
        for s in sources
    )
    feed = (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Wikinews</title>'
            f"<link>https://en.wikinews.org/</link><description>news</description>\n{items}</channel></rss>\n")
    (out / "feed.rss").write_text(feed, encoding="utf-8")
    return [out / "feed.rss"]


def write_warc(sources: list[Source], out: Path) -> list[Path]:
    with (out / "crawl.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for s in sources:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(s.url, "response", payload=io.BytesIO(page(s).encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)
    return [out / "crawl.warc.gz"]


def write_zip(sources: list[Source], out: Path) -> list[Path]:
    with zipfile.ZipFile(out / "articles.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for i, s in enumerate(sources):
            archive.writestr(f"articles/{i:05d}.txt", txt(s))
    return [out / "articles.zip"]


FORMATS: dict[str, Callable[[list[Source], Path], list[Path]]] = {
    ".txt (a file each)": write_txt,
    ".jsonl": write_jsonl,
    ".jsonl.gz": write_jsonl_gz,
    ".csv": write_csv,
    ".html (a file each)": write_html,
    ".rss": write_rss,
    ".warc.gz": write_warc,
    ".zip of .txt": write_zip,
}


def write_all(sources: list[Source], out: Path) -> dict[str, list[Path]]:
    out.mkdir()
    return {name: write(sources, out) for name, write in FORMATS.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=295, help="articles per format (default 295)")
    args = parser.parse_args()
    sources = wikinews(args.n)
    rows = []
    read: dict[str, list[Article]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # Warm-up on one article in every format: loads py3langid's model, trafilatura,
        # feedparser and warcio, which the first timed format would otherwise pay alone.
        warm = write_all(sources[:1], Path(tmp) / "warm")
        read_files([str(p) for paths in warm.values() for p in paths])
        inputs = write_all(sources, Path(tmp) / "bench")
        for name, paths in inputs.items():
            size = sum(p.stat().st_size for p in paths)
            started = time.perf_counter()
            result = read_files([str(p) for p in paths])
            seconds = time.perf_counter() - started
            n_read, n_errors = len(result.articles) + len(result.skipped_language), len(result.errors)
            assert n_read == args.n and not n_errors, (
                f"{name}: read {n_read} of {args.n} articles, {n_errors} errors: "
                f"{[str(e) for e in result.errors[:3]]}")
            text_mb = sum(len(a.text.encode("utf-8")) for a in result.articles) / 1e6
            rows.append((name, n_read, n_errors, size / 1e6, seconds, text_mb))
            read[name] = result.articles
    articles = read[".jsonl"]
    started = time.perf_counter()
    originals, duplicates = find_duplicates(articles)
    dedupe_seconds = time.perf_counter() - started

    print(f"\nReading {args.n} Wikinews articles per format (read_files, language detection included):")
    print(f"  {'format':22s} {'articles':>8s} {'errors':>6s} {'on disk':>9s} {'seconds':>8s}"
          f" {'articles/s':>10s} {'MB/s disk':>9s} {'MB/s text':>9s}")
    for name, n_read, n_errors, mb, seconds, text_mb in rows:
        print(f"  {name:22s} {n_read:8d} {n_errors:6d} {mb:7.2f} MB {seconds:8.3f}"
              f" {n_read / seconds:10.0f} {mb / seconds:9.2f} {text_mb / seconds:9.2f}")
    print("  (MB/s disk: input bytes as stored, compressed for .gz/.zip; MB/s text: article text read)")
    print(f"\nfind_duplicates on {len(articles)} articles: {dedupe_seconds:.3f} s"
          f" ({len(articles) / dedupe_seconds:.0f} articles/s); {len(originals)} originals,"
          f" {len(duplicates)} duplicates")


if __name__ == "__main__":
    main()
