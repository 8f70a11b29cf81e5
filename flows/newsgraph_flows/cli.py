"""The `newsgraph` command. Errors a user can act on print as one line naming the file or URI
and exit non-zero only when the command cannot go on."""

from __future__ import annotations

import json
import logging
import math
import os
import shlex
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from newsgraph import daemon
from newsgraph.config import Settings, get_settings
from newsgraph.corpus.decode import printable
from newsgraph.errors import InputError, NewsgraphError, ReadOnlyRefused
from newsgraph.store.open import open_store
from newsgraph.store.schema_files import named_queries, statement

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
schema_app = typer.Typer(no_args_is_help=True, help="The graph schema (migrations).")
server_app = typer.Typer(no_args_is_help=True, help="The embedded FalkorDB server and the Prefect server runs reuse.")
actors_app = typer.Typer(no_args_is_help=True, help="Curate actors: merge one into another, review the names left open.")
app.add_typer(schema_app, name="schema")
app.add_typer(server_app, name="server")
app.add_typer(actors_app, name="actors")

out = Console()
err = Console(stderr=True)

GraphOption = Annotated[
    str | None,
    typer.Option("--graph", "-g", help="embedded | bolt://host:port | neo4j://... | falkordb://host:port "
                 "(default: NEWSGRAPH_GRAPH_URI or embedded)"),
]


def _settings(graph: str | None = None) -> Settings:
    return get_settings().overriding(graph_uri=graph)


SAID_AT_MOST = 20  # lines of each kind on the terminal; the quarantine report holds them all


def _line(text: str) -> str:
    """Text from the data (a file name, a driver's message) as one printable line: an escape
    sequence in a zip member's name must not reach the terminal."""
    return printable(text, limit=100_000)


def _fail(exc: Exception) -> None:
    """One line, whatever the driver's message looks like, so logs stay greppable."""
    # Text, not markup: a message quoting the data ("imp[bold]2024") is printed as it is
    err.print(Text.assemble(("error:", "red"), " ", _line(str(exc))), highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


def _say(skipped: list[str], warnings: list[str], listed_in: str | None = None) -> None:
    """One line per skipped file or record, then one per record kept with a warning, at most
    SAID_AT_MOST of each: a corpus in another language would flood the terminal."""
    for label, lines in (("skipped", skipped), ("warning", warnings)):
        for line in lines[:SAID_AT_MOST]:
            err.print(f"[yellow]{label}:[/yellow] {_line(line)}", highlight=False, soft_wrap=True)
        if len(lines) > SAID_AT_MOST:
            rest = f"… and {len(lines) - SAID_AT_MOST} more {label} lines"
            err.print(rest + (f", all in {listed_in}" if listed_in else ""), highlight=False, soft_wrap=True)


def _table(rows: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    for column in rows[0] if rows else []:
        table.add_column(str(column), overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else json.dumps(v) if isinstance(v, list | dict) else str(v)
                        for v in row.values()))
    return table


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="files, directories or globs")],
    graph: GraphOption = None,
    workers: Annotated[int | None, typer.Option(
        help="extraction processes, a local Dask cluster when > 1 (default: NEWSGRAPH_WORKERS, else the "
             "usable cores when the new text repays starting them)")] = None,
    dask: Annotated[str | None, typer.Option("--dask", help="address of an existing Dask scheduler")] = None,
    force: Annotated[bool, typer.Option(help="re-extract articles already loaded unchanged")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs")] = False,
) -> None:
    """Ingest articles into the graph (the Prefect `ingest` flow) and print a summary."""
    _quiet_flows(verbose)
    from newsgraph.rerun import survey, workers_for
    from newsgraph_flows.prefect_server import ensure_prefect_api

    try:
        # Asked first, and it opens the store: a store that does not answer fails before
        # Prefect starts, and a corpus with nothing new never starts Prefect, Dask or spaCy.
        settings = _settings(graph)
        found = survey(paths, settings, force)
        summary = found.summary
        if summary is None:
            # before Prefect is imported, which reads PREFECT_API_URL
            ensure_prefect_api(settings.home("prefect"), settings.idle_minutes)
            from newsgraph_flows.ingest import run_ingest  # imported late: `query` and `extract` need no Prefect

            chosen = workers or settings.workers or (None if dask else workers_for(found.new_words))
            summary = run_ingest(paths, graph, workers=chosen, dask_address=dask, force=force)
    except NewsgraphError as exc:
        _fail(exc)
    _print_run(summary)
    if summary.analysis:
        out.print(summary.analysis)
    out.print(_table([summary.counts], title="graph"))
    if summary.top_pairs:
        out.print(_table(summary.top_pairs, title="top actor pairs"))


def _quiet_flows(verbose: bool) -> None:
    """Prefect's and Dask's logs stay hidden unless -v: the summary and one-line errors say
    what matters."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")  # and the Dask workers', inherited
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)
        logging.getLogger("distributed").setLevel(logging.ERROR)


def _print_run(summary: Any) -> None:
    _say(summary.errors, summary.warnings, summary.quarantine)
    if summary.quarantine:
        err.print(f"{len(summary.errors)} skipped, {len(summary.warnings)} kept with a warning, "
                  f"listed in {summary.quarantine}", highlight=False, soft_wrap=True)
    out.print(
        f"files {summary.files} · articles read {summary.articles_read} · not English {summary.not_english}"
        f" · copies {summary.duplicates} · unchanged {summary.skipped_unchanged}"
        f" · extracted {summary.articles_extracted} · events {summary.events_extracted}"
        f" · {summary.seconds} s" + (f" · {summary.throughput()}" if summary.throughput() else "")
    )


@app.command()
def backfill(
    paths: Annotated[list[str], typer.Argument(help="files, directories or globs")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="folder for the import files (created)")],
    neo4j_admin: Annotated[str | None, typer.Option(
        "--neo4j-admin", help="the neo4j-admin command to run the import with, e.g. /var/lib/neo4j/bin/neo4j-admin "
                              "(default: print the command)")] = None,
    database: Annotated[str, typer.Option(help="the database to fill")] = "neo4j",
    overwrite: Annotated[bool, typer.Option(
        help="replace the database a fresh server created (needs --graph, which checks it holds nothing)")] = False,
    graph: Annotated[str | None, typer.Option(
        "--graph", "-g", help="bolt://… of the target while it still runs: refused unless it holds no node; "
                              "stop the server before the import")] = None,
    workers: Annotated[int | None, typer.Option(
        help="extraction processes (default: NEWSGRAPH_WORKERS, else the usable cores)")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs")] = False,
) -> None:
    """Fill an empty Neo4j database with a whole archive through neo4j-admin's bulk importer,
    several times faster than `run`'s transactions. Extracts as `run` does and writes the
    import files; the import needs the server stopped. Then start it and `run` the same paths
    with --graph: it finds every article loaded, adds the derived relationships and analytics,
    and later runs go on incrementally."""
    _quiet_flows(verbose)
    from newsgraph.rerun import usable_cores
    from newsgraph.store.bulk_import import import_arguments, run_import
    from newsgraph_flows.prefect_server import ensure_prefect_api

    try:
        if overwrite and not graph:
            raise NewsgraphError("--overwrite replaces the database: give --graph bolt://… of the running server, "
                                 "so that the backfill first checks that it holds nothing")
        if graph:
            with open_store(_settings(graph)) as store:
                (row,) = store.read(statement("pipeline", "node_count"))
                if row["nodes"]:
                    raise NewsgraphError(f"{store.uri}: the database holds {row['nodes']} nodes; a backfill fills an "
                                         "empty one (`run` adds to it)")
        settings = _settings()
        ensure_prefect_api(settings.home("prefect"), settings.idle_minutes)
        from newsgraph_flows.backfill import run_backfill

        summary = run_backfill(paths, out_dir, workers or settings.workers or usable_cores())
        _print_run(summary)
        if not summary.counts.get("articles"):
            raise NewsgraphError(f"{out_dir}: no article was extracted, so there is nothing to import")
        out.print(_table([summary.counts], title=f"import files in {escape(str(out_dir))}"))
        command = ["neo4j-admin", *import_arguments(out_dir, database),
                   *(["--overwrite-destination=true"] if overwrite else [])]
        if neo4j_admin:
            try:
                run_import(neo4j_admin, command[1:])
            except NewsgraphError:
                err.print(f"the import files are kept; once the server is stopped, import with:\n{shlex.join(command)}",
                          markup=False, highlight=False, soft_wrap=True)
                raise
            out.print(f"imported into database {database}; start the server, then:", markup=False, highlight=False)
        else:
            out.print(f"stop the Neo4j server and import:\n{shlex.join(command)}\nthen start it and:",
                      markup=False, highlight=False, soft_wrap=True)
        out.print(f"newsgraph run {shlex.join(paths)} --graph bolt://…", markup=False, highlight=False, soft_wrap=True)
    except NewsgraphError as exc:
        _fail(exc)


@app.command()
def serve(
    paths: Annotated[list[str], typer.Argument(help="files, directories or globs to ingest on each run")],
    cron: Annotated[str | None, typer.Option(help='cron schedule, e.g. "0 * * * *" (hourly)')] = None,
    interval: Annotated[int | None, typer.Option(help="or: seconds between runs")] = None,
    graph: GraphOption = None,
) -> None:
    """Serve the ingest flow on a schedule (Prefect serve) until stopped; every run extracts
    only new or changed articles and leaves a summary artifact."""
    if (cron is None) == (interval is None):
        _fail(NewsgraphError("serve: give exactly one of --cron or --interval"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from newsgraph_flows.prefect_server import ensure_prefect_api

    try:
        daemon.lease(get_settings().home("falkordb"))  # both daemons stay up while serving
        api_url = ensure_prefect_api(get_settings().home("prefect"), get_settings().idle_minutes)
    except NewsgraphError as exc:
        _fail(exc)
    out.print(f"serving the ingest flow on {api_url} ({f'cron {cron}' if cron else f'every {interval} s'})")
    from newsgraph_flows.serve import serve as serve_flow  # Prefect reads PREFECT_API_URL on import

    serve_flow(paths, cron=cron, interval=interval, graph_uri=graph)


@app.command()
def extract(paths: Annotated[list[str], typer.Argument(help="files, directories or globs")]) -> None:
    """Print the events of articles as JSON lines; touches no store."""
    from newsgraph import pipeline
    from newsgraph.corpus.discover import discover, read_files
    from newsgraph.nlp.contract import event_json

    files, errors = discover(paths)
    read = read_files(files)
    _say([str(e) for e in errors + read.errors if not e.kept], [str(e) for e in read.errors if e.kept])
    settings = _settings()
    for shard in pipeline.shards(read.articles, workers=1):
        failed: list[InputError] = []
        for item in pipeline.extract_articles(shard, settings.extraction, failed):
            for event in item.events:
                sys.stdout.write(json.dumps(event_json(event, item.article.doc), ensure_ascii=False) + "\n")
        _say([str(e) for e in failed], [])
    if not read.articles:
        raise typer.Exit(code=1)


def _parse_params(pairs: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise typer.BadParameter(f"--param {pair!r}: use key=value")
        params[key.strip()] = _typed(value)
    return params


def _typed(value: str) -> Any:
    """`5` is a number and `true` a boolean, as an analyst typing at a prompt means them.
    Numbers no store holds (beyond 64 bits, infinite) are refused rather than changed."""
    try:
        typed = json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        return value
    _check_number(typed, value)
    return typed


def _check_number(typed: Any, given: str) -> None:
    if isinstance(typed, dict):
        typed = list(typed.values())
    for item in typed if isinstance(typed, list) else [typed]:
        if isinstance(item, list | dict):
            _check_number(item, given)
        elif isinstance(item, int) and not isinstance(item, bool) and not -(2**63) <= item < 2**63:
            raise typer.BadParameter(f"{_line(given)[:60]}: an integer beyond 64 bits")
        elif isinstance(item, float) and not math.isfinite(item):
            raise typer.BadParameter(f"{_line(given)[:60]}: not a finite number")


@app.command()
def query(
    cypher: Annotated[str | None, typer.Argument(help="a Cypher statement")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="a query of the analyst library")] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="key=value, repeatable")] = [],  # noqa: B006
    list_: Annotated[bool, typer.Option("--list", help="list the analyst library")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
    columns: Annotated[str | None, typer.Option(help="comma-separated columns to show")] = None,
    write: Annotated[bool, typer.Option("--write", help="allow the statement to write (read-only without it)")] = False,
    graph: GraphOption = None,
) -> None:
    """Run Cypher, or a named query of graph_schema/queries, and print the rows. Read-only
    unless --write is given: the server refuses a write in a read transaction."""
    library = named_queries()
    if list_ or (cypher is None and name is None):
        out.print(_table([{"name": q.name, "question": q.question, "params": q.params}
                          for q in library.values()], title="analyst queries"))
        return
    params = _parse_params(param)
    if name is not None:
        if name not in library:
            _fail(NewsgraphError(f"no query named {name!r}; `newsgraph query --list` shows them"))
        chosen = library[name]
        cypher = chosen.cypher
        params = {k: _typed(v) for k, v in chosen.defaults.items()} | params
    try:
        with open_store(_settings(graph)) as store:
            rows = store.execute(cypher, params) if write else store.read(cypher, params)
    except ReadOnlyRefused as exc:
        _fail(NewsgraphError(f"{exc}: nothing was changed; add --write to run it"))
    except NewsgraphError as exc:
        _fail(exc)
    if columns:
        keep = [c.strip() for c in columns.split(",")]
        rows = [{c: row.get(c) for c in keep} for row in rows]
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif rows:
        out.print(_table(rows, title=name))
    else:
        out.print("(no rows)")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="a gold folder: articles/, gold.jsonl, negatives.jsonl")],
    errors: Annotated[bool, typer.Option("--errors", help="list misses and false events")] = False,
    by_rule: Annotated[bool, typer.Option("--by-rule", help="precision and recall of each named rule")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as one JSON object")] = False,
) -> None:
    """Precision, recall and F1 of the extractor against a gold folder, with recall by
    phenomenon and event type accuracy; `--by-rule` scores each named rule."""
    from newsgraph import evaluation, pipeline
    from newsgraph.corpus.discover import read_files

    from newsgraph.nlp.extract import parse, read_doc
    from newsgraph.nlp.model import load_nlp

    settings = _settings()
    resolver = pipeline.resolver_for(settings.extra_aliases)
    nlp = load_nlp(settings.spacy_model)
    gold_events, negatives = evaluation.load_gold(gold, resolver)
    read = read_files(sorted(str(p) for p in (gold / "articles").glob("*.txt")))
    predicted, ours_surface, baseline = [], [], []
    for doc, article in parse(read.articles, nlp):  # one parse per article serves both systems
        name = Path(article.doc).name
        for event in read_doc(doc, article, resolver).events:
            predicted.append((evaluation.event_key(event, name), event))
            ours_surface.append(evaluation.surface_of_event(event, name))
        baseline += evaluation.textacy_triples(name, doc)
    result = evaluation.score(predicted, gold_events, negatives)
    if as_json:
        summary = {**result.summary(), "model": settings.spacy_model}
        print(json.dumps(summary, sort_keys=True))
        return
    out.print(result.report(), highlight=False)
    out.print(result.type_report(), highlight=False, soft_wrap=True)
    if by_rule:
        out.print(result.rule_report(), highlight=False, soft_wrap=True)
    rows = evaluation.gold_rows(gold)
    ours = evaluation.surface_score(ours_surface, rows)
    theirs = evaluation.surface_score(baseline, rows)
    out.print("surface words, same texts and model:", highlight=False)
    for label, s in (("newsgraph", ours), ("textacy SVO", theirs)):
        out.print(f"  {label:12} precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}", highlight=False)
    ratio = ours.f1 / theirs.f1 if theirs.f1 else float("inf")
    out.print(f"  ratio of F1: {ratio:.2f}", highlight=False)
    if errors:
        for key in result.missed:
            out.print(f"missed  {key}", highlight=False, soft_wrap=True)
        for key in result.extra:
            out.print(f"extra   {key}", highlight=False, soft_wrap=True)


@app.command()
def analyze(graph: GraphOption = None) -> None:
    """Compute degree, PageRank, betweenness, communities and monthly pair balances, and write
    them onto Actor nodes and INTERACTS_WITH relationships."""
    from newsgraph.analytics.analyze import analyze_and_write

    try:
        settings = _settings(graph)
        with open_store(settings) as store:
            summary = analyze_and_write(store, settings.batch_rows)
            central = store.read(statement("analytics", "most_central"), {"limit": 10})
    except NewsgraphError as exc:
        _fail(exc)
    out.print(summary.line())
    if central:
        out.print(_table(central, title="most central actors"))


@app.command()
def export(
    out_path: Annotated[Path, typer.Option("--out", "-o", help="file to write")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml | gexf | jsonl")] = "graphml",
    graph: GraphOption = None,
) -> None:
    """Write the analyzed actor graph for Gephi (graphml, gexf) or notebooks (jsonl)."""
    from newsgraph.analytics.analyze import analyze
    from newsgraph.analytics.export import FORMATS
    from newsgraph.analytics.export import export as write

    if fmt not in FORMATS:
        _fail(ValueError(f"--format {fmt}: unknown format; use one of {', '.join(FORMATS)}"))
    try:
        with open_store(_settings(graph)) as store:
            records = write(analyze(store), fmt, out_path)
    except NewsgraphError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(NewsgraphError(f"{out_path}: cannot write: {exc.strerror or exc}"))
    out.print(f"wrote {records} actors and pairs to {out_path}")


@app.command()
def report(
    out_path: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write")] = Path("report.html"),
    title: Annotated[str, typer.Option(help="heading of the report")] = "newsgraph report",
    graph: GraphOption = None,
) -> None:
    """Write one self-contained HTML dashboard (works offline): the actor network, events over
    time by event type, top pairs with their balance, recent evidence."""
    from newsgraph.report.data import gather
    from newsgraph.report.render import render

    try:
        with open_store(_settings(graph)) as store:
            html = render(gather(store), title)
        out_path.write_text(html, encoding="utf-8")
    except NewsgraphError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(NewsgraphError(f"{out_path}: cannot write: {exc.strerror or exc}"))
    out.print(f"wrote {out_path} ({len(html) / 1e6:.1f} MB)")


@app.command()
def resolve(graph: GraphOption = None) -> None:
    """Apply the curated merges of the alias file ([[merge]] tables, written by `actors merge`)
    to the loaded graph without parsing any text again, then rebuild INTERACTS_WITH and the
    analytics. A second run changes nothing."""
    from newsgraph.analytics.analyze import refresh_derived
    from newsgraph.pipeline import resolver_for
    from newsgraph.resolution import resolve as apply_merges

    settings = _settings(graph)
    try:
        with open_store(settings) as store:
            done = apply_merges(store, resolver_for(settings.extraction.extra_aliases), refresh=False)
            refresh_derived(store, settings.batch_rows)
    except (NewsgraphError, ValueError) as exc:
        _fail(exc)
    out.print(done.line())


@actors_app.command("merge")
def actors_merge(
    source: Annotated[str, typer.Argument(help="id of the actor that is another (e.g. person:zakharova)")],
    into: Annotated[str, typer.Argument(help="id of the actor it is (e.g. person:maria-zakharova)")],
    graph: GraphOption = None,
) -> None:
    """Record that SOURCE is INTO in the alias file (NEWSGRAPH_EXTRA_ALIASES, else
    data_dir/aliases.toml), so every later run resolves it so, and resolve the graph now."""
    from newsgraph.curation import append_merge

    settings = _settings(graph)
    try:
        with open_store(settings) as store:
            rows = store.read(statement("resolve", "actor_rows"), {"ids": [source, into]})
        found = {row["id"]: row for row in rows}
        if source not in found:
            raise NewsgraphError(f"{source}: no such actor in the graph")
        append_merge(settings.alias_file, source, into, found.get(into))
    except (NewsgraphError, ValueError, OSError) as exc:
        _fail(exc)
    out.print(f"{settings.alias_file}: {source} is {into}")
    resolve(graph)


@actors_app.command("split")
def actors_split(
    actor: Annotated[str, typer.Argument(help="id of an actor merged by `actors merge` (or any actor to re-read)")],
    graph: GraphOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs")] = False,
) -> None:
    """Undo `actors merge ACTOR ...`, or re-read an actor after an edit of the alias file: the
    merge goes from the alias file and every article that names the actor it was merged into
    (or the actor itself) is extracted again from its input file. Events, mentions and actors
    are then those of a clean run with the alias file; affiliations the merge moved stay. The
    input files must still be where the run read them (run it from the same directory)."""
    from newsgraph.curation import merged_into, remove_merge

    settings = _settings(graph)
    try:
        into = merged_into(settings.alias_file, actor)
        with open_store(settings) as store:
            docs = [row["doc"] for row in store.read(statement("resolve", "articles_naming"), {"id": into or actor})]
            inputs = sorted({doc.split("!", 1)[0] for doc in docs})  # "archive.zip!member.txt": the archive
            missing = [path for path in inputs if not Path(path).exists()]
            if missing:
                raise NewsgraphError(f"{missing[0]}: the input file is gone or the path is relative to another "
                                     f"directory ({len(missing)} of {len(inputs)}); nothing was changed")
            if into:
                remove_merge(settings.alias_file, actor)
                out.print(f"{settings.alias_file}: {actor} is no longer {into}")
            store.execute(statement("resolve", "mark_for_reextraction"), {"id": into or actor})
    except (NewsgraphError, ValueError, OSError) as exc:
        _fail(exc)
    if not inputs:
        out.print(f"no article names {into or actor}; nothing to re-read")
        return
    run(inputs, graph=graph, verbose=verbose)


@actors_app.command("review")
def actors_review(
    limit: Annotated[int, typer.Option(help="rows to show")] = 25,
    graph: GraphOption = None,
) -> None:
    """The most mentioned names resolution left open (kind other, persons with no country or
    one word only), to curate with the alias file."""
    try:
        with open_store(_settings(graph)) as store:
            rows = store.read(named_queries()["actors_to_review"].cypher, {"limit": limit})
    except NewsgraphError as exc:
        _fail(exc)
    out.print(_table(rows, title="actors to review") if rows else "nothing to review")


@schema_app.command("apply")
def schema_apply(graph: GraphOption = None) -> None:
    """Apply the backend's migrations (idempotent)."""
    try:
        with open_store(_settings(graph)) as store:
            for applied in store.apply_schema():
                out.print(f"applied {applied}")
    except NewsgraphError as exc:
        _fail(exc)


@server_app.command("status")
def server_status() -> None:
    """List your running newsgraph daemons, whatever their data directory: kind, data
    directory, pid, memory and how long each has been idle (they stop after NEWSGRAPH_IDLE_MINUTES)."""
    rows = []
    for found in daemon.running():
        idle = daemon.idle_seconds(found.home)
        rows.append({"daemon": found.kind, "data dir": str(found.home.parent), "pid": found.pid,
                     "memory MB": round(daemon.memory_mb(found.pid)),
                     "idle": "in use" if idle is None else f"{idle / 60:.1f} min"})
    out.print(_table(rows, title="newsgraph daemons") if rows else "no newsgraph daemon is running")


@server_app.command("stop")
def server_stop() -> None:
    """Stop the embedded FalkorDB server and the Prefect server of NEWSGRAPH_DATA_DIR, if
    they run."""
    from newsgraph_flows.prefect_server import stop_prefect_server
    from newsgraph.store.embedded_server import EmbeddedFalkorDB

    settings = get_settings()
    EmbeddedFalkorDB(settings.home("falkordb")).stop()
    stop_prefect_server(settings.home("prefect"))
    for kind in daemon.KINDS:
        daemon.unwatch(settings.home(kind))
    out.print("stopped")


if __name__ == "__main__":
    app()
