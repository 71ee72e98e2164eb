"""The `newsprism` command: a thin layer over the library (see `newsprism --help`)."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .config import Config
from .model import Analysis
from .present.names import doc_name

app = typer.Typer(
    help="Read many news articles about one story: what outlets agree on, where they contradict each other, "
         "who is who, when things happened and how each outlet frames it — traced to the exact characters.\n\n"
         "Example: newsprism analyze samples --json out/analysis.json --html out/report.html",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
)
config_app = typer.Typer(help="Inspect the configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")
spark_app = typer.Typer(help="The same analysis on Apache Spark (needs pip install 'newsprism[spark]' and Java 17).",
                        no_args_is_help=True)
app.add_typer(spark_app, name="spark")

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)

PATHS_HELP = "Files, directories (read recursively) or - for standard input. Example: samples/ extra.html"
CONFIG_HELP = "A TOML file of settings (see `newsprism config show`). Example: --config newsprism.toml"
SET_HELP = "Override one setting, repeatable. Example: --set dedup.near_threshold=0.9 --set stages.facts=false"
QUIET_HELP = "No progress bars or notes on standard error; errors are still printed."
DB_HELP = "A DuckDB store. With paths, they are ingested first; without, what is stored is analyzed. Example: --db news.duckdb"
WAIT_HELP = "When another process holds the store (one writer at a time), wait up to this many seconds for it. Example: --wait 60"


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def load_config(config: Optional[Path], sets: Optional[List[str]]) -> Config:
    overrides = {}
    for s in sets or []:
        key, sep, value = s.partition("=")
        if not sep:
            raise typer.BadParameter(f"--set takes key=value, got {s!r}")
        overrides[key.strip()] = _value(value.strip())
    try:
        return Config.load(config, overrides=overrides)
    except Exception as e:
        raise typer.BadParameter(f"configuration: {e}") from None


class Reporter:
    """Rich progress bars on standard error (one per phase); silent with --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.progress = Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=err, transient=True, disable=quiet)
        self.tasks: dict[str, Any] = {}
        self.skipped = 0

    def __enter__(self) -> "Reporter":
        self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.progress.stop()

    def __call__(self, phase: str, done: int, total: Optional[int]) -> None:
        if phase not in self.tasks:
            self.tasks[phase] = self.progress.add_task(phase, total=total)
        self.progress.update(self.tasks[phase], completed=done, total=total)

    def warn(self, message: str) -> None:
        self.skipped += 1
        err.print(f"newsprism: skipped {message}", markup=False, highlight=False, soft_wrap=True)


@contextlib.contextmanager
def _stdin_if(paths: List[str]) -> Iterator[Any]:
    yield sys.stdin.buffer if "-" in paths else None


@contextlib.contextmanager
def _store_errors(db: Path) -> Iterator[None]:
    """A store held by another process is one line naming the holder, not a traceback."""
    from .store import StoreLocked

    try:
        yield
    except StoreLocked as e:
        err.print(f"newsprism: {e}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


INGEST_BATCH = 64  # documents a transaction: an interrupted ingest loses at most this many, whole


def _open_store(db: Path, wait: float = 0.0):
    from .store import Store

    with _store_errors(db):
        return Store(db, wait=wait)


def _ingest(paths: List[str], cfg: Config, rep: Reporter, store: Any) -> tuple[int, int]:
    """Read, clean and store the inputs, a transaction per batch of INGEST_BATCH documents (a commit
    costs more than the rows it writes); returns (added, unchanged or merged)."""
    from itertools import islice

    from .pipeline import IdAssigner, iter_cleaned

    added = other = done = 0
    ids = IdAssigner(d.id for d in store.documents())
    with _stdin_if(paths) as stdin:
        cleaned = iter_cleaned(paths, cfg, rep.warn, ids=ids, stdin=stdin)
        while batch := list(islice(cleaned, INGEST_BATCH)):
            statuses = store.add_batch(batch)
            added += statuses.count("added")
            other += len(statuses) - statuses.count("added")
            done += len(batch)
            rep("ingest", done, None)
    return added, other


def _analysis(paths: List[str], cfg: Config, rep: Reporter, db: Optional[Path], wait: float = 0.0) -> Analysis:
    from .pipeline import Workers, analyze_documents, clean_all
    from .registry import stages

    if db is not None:
        store = _open_store(db, wait)
        try:
            if paths:
                _ingest(paths, cfg, rep, store)
            docs = list(store.documents())
            if not docs:
                err.print(f"newsprism: nothing usable: the store {db} holds no documents")
                raise typer.Exit(1)
            return analyze_documents(docs, cfg, rep, store=store)
        finally:
            store.close()
    if not paths:
        raise typer.BadParameter("give PATHS to analyze, or --db FILE")
    with Workers(cfg, stages("document", cfg)) as workers:
        with _stdin_if(paths) as stdin:
            docs = clean_all(paths, cfg, rep.warn, stdin, workers)
        if not docs:
            err.print("newsprism: nothing usable: every input was skipped")
            raise typer.Exit(1)
        return analyze_documents(docs, cfg, rep, workers=workers)


def _write(path: Path, text: str) -> None:
    if str(path) == "-":
        sys.stdout.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@app.command()
def analyze(
    paths: List[str] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the analysis (the contract's JSON) here; - for stdout. Example: --json out/analysis.json"),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Write the self-contained HTML report here. Example: --html out/report.html"),
    md_out: Optional[Path] = typer.Option(None, "--md", help="Write the brief, fact ledger and timeline as Markdown. Example: --md out/analysis.md"),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    sets: Optional[List[str]] = typer.Option(None, "--set", help=SET_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
    wait: float = typer.Option(0, "--wait", help=WAIT_HELP),
) -> None:
    """Analyze articles and write JSON, HTML and/or Markdown.

    Example: newsprism analyze samples --json out/analysis.json --html out/report.html
    """
    cfg = load_config(config, sets)
    with Reporter(quiet) as rep:
        a = _analysis(list(paths or []), cfg, rep, db, wait)
    if json_out:
        _write(json_out, a.to_json())
    if html_out:
        _write(html_out, a.to_html())
    if md_out:
        _write(md_out, a.to_markdown())
    if not quiet:
        from .present.counts import story_count
        from .present.names import plural

        contested = len(a.facts_by_verdict("contested"))
        # one line of counts, then one line a file: a path is never broken across lines
        err.print(f"{plural(len(a.documents), 'document')}, {story_count(a)}, "
                  f"{plural(len(a.entities), 'entity', 'entities')}, {plural(len(a.claims), 'claim')}, "
                  f"{plural(len(a.facts), 'fact')} ({contested} contested)", soft_wrap=True)
        for p in (json_out, html_out, md_out):
            if p and str(p) != "-":
                err.print(f"wrote {p}", soft_wrap=True)


@spark_app.command("analyze")
def spark_analyze(
    inputs: List[str] = typer.Argument(..., help="Files, directories, Parquet or any URI Spark's readers take. Example: samples/ s3a://bucket/news.parquet", show_default=False),
    out: str = typer.Option(..., "--out", help="Where the Parquet tables, analysis.json and stories/*.json go. Example: --out out/spark"),
    master: str = typer.Option("local[2]", "--master", help="The Spark master. Example: --master spark://host:7077 or yarn"),
    partitions: Optional[int] = typer.Option(None, "--partitions", help="Tasks for the per-document stages (default: 4 per core). Example: --partitions 400"),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    sets: Optional[List[str]] = typer.Option(None, "--set", help=SET_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Analyze on Spark: Parquet tables (documents, mentions, entities, claims, facts, stories, timeline) and
    the JSON per storyline. See docs/scale.md.

    Example: newsprism spark analyze samples --out out/spark --master local[2]
    """
    from .scale.run import analyze as spark_run
    from .scale.session import MISSING

    cfg = load_config(config, sets)
    try:
        result = spark_run(inputs, cfg, out=out, master=master, partitions=partitions)
    except ModuleNotFoundError as e:
        if "pyspark" not in str(e) and str(e) != MISSING:
            raise
        err.print(MISSING, markup=False)
        raise typer.Exit(2) from None
    for problem in result.problems if not quiet else []:
        err.print(problem)
    if not quiet:
        a = result.analysis
        err.print(f"{len(a.documents)} documents, {len(a.stories)} stories, {len(a.entities)} entities, "
                  f"{len(a.claims)} claims, {len(a.facts)} facts; wrote {out}")
    if not result.analysis.documents:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help=PATHS_HELP, show_default=False),
    db: Path = typer.Option(Path("newsprism.duckdb"), "--db", help="The DuckDB store to add to. Example: --db news.duckdb"),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    sets: Optional[List[str]] = typer.Option(None, "--set", help=SET_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
    wait: float = typer.Option(0, "--wait", help=WAIT_HELP),
) -> None:
    """Add articles to a store, each in its own transaction (safe to interrupt and rerun).

    Example: newsprism ingest feeds/ crawl.warc.gz --db news.duckdb
    """
    cfg = load_config(config, sets)
    store = _open_store(db, wait)
    try:
        with Reporter(quiet) as rep:
            added, other = _ingest(list(paths), cfg, rep, store)
        total = store.count()
    finally:
        store.close()
    if not quiet:
        err.print(f"{added} added, {other} already stored; {total} documents in {db}")
    if added + other == 0:
        raise typer.Exit(1)


def _load(paths: List[str], from_json: Optional[Path], db: Optional[Path], config: Optional[Path],
          sets: Optional[List[str]], quiet: bool, wait: float = 0.0) -> Analysis:
    if from_json:
        return Analysis.from_json(from_json.read_bytes())
    cfg = load_config(config, sets)
    with Reporter(quiet) as rep:
        return _analysis(list(paths or []), cfg, rep, db, wait)


FROM_HELP = "Read a saved analysis instead of analyzing. Example: --from out/analysis.json"

# The options every view command (entities, facts, timeline, stories, framing) takes.
ViewPaths = Annotated[Optional[List[str]], typer.Argument(help=PATHS_HELP, show_default=False)]
ViewFrom = Annotated[Optional[Path], typer.Option("--from", help=FROM_HELP)]
ViewDb = Annotated[Optional[Path], typer.Option("--db", help=DB_HELP)]
ViewConfig = Annotated[Optional[Path], typer.Option("--config", help=CONFIG_HELP)]
ViewSets = Annotated[Optional[List[str]], typer.Option("--set", help=SET_HELP)]
ViewQuiet = Annotated[bool, typer.Option("--quiet/--progress", help="Show progress bars with --progress.")]
ViewWait = Annotated[float, typer.Option("--wait", help=WAIT_HELP)]


def _doc_label(a: Analysis, doc_id: str) -> str:
    return doc_name(a.document(doc_id))


@app.command()
def entities(
    paths: ViewPaths = None, from_json: ViewFrom = None, db: ViewDb = None,
    config: ViewConfig = None, sets: ViewSets = None, quiet: ViewQuiet = True, wait: ViewWait = 0,
) -> None:
    """Who is in the story: one row per entity, with aliases and documents.

    Example: newsprism entities samples
    """
    a = _load(paths, from_json, db, config, sets, quiet, wait)
    t = Table("entity", "type", "aliases", "documents", "mentions", title="Entities")
    for e in a.entities:
        t.add_row(e.name, e.type, ", ".join(x for x in e.aliases if x != e.name), ", ".join(dict.fromkeys(_doc_label(a, d) for d in e.documents)), str(len(e.mentions)))
    out.print(t)


@app.command()
def facts(
    paths: ViewPaths = None, from_json: ViewFrom = None, db: ViewDb = None,
    config: ViewConfig = None, sets: ViewSets = None, quiet: ViewQuiet = True, wait: ViewWait = 0,
) -> None:
    """The fact ledger: contested first, then corroborated and compatible, then single-source, with the quoted evidence.

    Example: newsprism facts samples
    """
    a = _load(paths, from_json, db, config, sets, quiet, wait)
    from .present.ledger import ledger_groups
    from .present.summary import inner_words

    for g in ledger_groups(a):
        out.print(f"\n[bold]{g['label'].upper()}[/bold] ({len(g['entries'])})", highlight=False)
        for e in g["entries"]:
            out.print(f"\n{e.heading}", markup=False)
            if e.explanation:
                out.print(f"  {e.explanation}", markup=False, style="dim")
            for v in e.values:
                if v.value:
                    out.print(f"  • {v.value}", markup=False)
                for c in v.claims:
                    out.print(f"      {_doc_label(a, c.doc)}: “{inner_words(c.text)}”", markup=False)


@app.command()
def timeline(
    paths: ViewPaths = None, from_json: ViewFrom = None, db: ViewDb = None,
    config: ViewConfig = None, sets: ViewSets = None, quiet: ViewQuiet = True, wait: ViewWait = 0,
) -> None:
    """Dated events in order, with the outlets behind each.

    Example: newsprism timeline samples
    """
    a = _load(paths, from_json, db, config, sets, quiet, wait)
    t = Table("date", "event", "from", "sources", title="Timeline")
    for e in a.timeline:
        t.add_row(e.date, e.text, e.resolved_from or "", ", ".join(_doc_label(a, d) for d in e.documents))
    out.print(t)


@app.command()
def stories(
    paths: ViewPaths = None, from_json: ViewFrom = None, db: ViewDb = None,
    config: ViewConfig = None, sets: ViewSets = None, quiet: ViewQuiet = True, wait: ViewWait = 0,
) -> None:
    """Events and the storylines that hold them.

    Example: newsprism stories samples
    """
    a = _load(paths, from_json, db, config, sets, quiet, wait)
    t = Table("story", "title", "parent", "first seen", "last seen", "documents", title="Stories")
    for s in a.stories:
        t.add_row(s.id, s.title or "", s.parent or "", s.first_seen or "", s.last_seen or "",
                  "; ".join(dict.fromkeys(_doc_label(a, d) for d in s.documents)))
    out.print(t)


@app.command()
def framing(
    paths: ViewPaths = None, from_json: ViewFrom = None, db: ViewDb = None,
    config: ViewConfig = None, sets: ViewSets = None, quiet: ViewQuiet = True, wait: ViewWait = 0,
) -> None:
    """How each outlet frames the story: genre, labels per actor, loaded words, voices.

    Example: newsprism framing samples
    """
    a = _load(paths, from_json, db, config, sets, quiet, wait)
    for f in a.framing:
        out.print(f"\n[bold]{_doc_label(a, f.doc)}[/bold] — {f.genre}", highlight=False)
        for actor in f.actors:
            if actor.labels:
                out.print(f"  {actor.name}: {'; '.join(actor.labels)}", markup=False)
        if f.loaded_terms:
            out.print("  loaded: " + ", ".join(dict.fromkeys(t.text for t in f.loaded_terms)), markup=False)
        if f.voices:
            out.print("  voices: " + ", ".join(f"{v.speaker} ({v.quotes})" for v in f.voices), markup=False)


@app.command()
def serve(
    db: Path = typer.Option(Path("newsprism.duckdb"), "--db", help="The store the app reads and writes. Example: --db news.duckdb"),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback by default. 0.0.0.0 serves "
                             "every network this machine is on, to anyone who can reach it (see docs/cli.md). Example: --host 127.0.0.1"),
    port: int = typer.Option(8000, "--port", help="Port to listen on. Example: --port 8000"),
    allow_host: Optional[List[str]] = typer.Option(None, "--allow-host", help="Also answer requests for this host "
                                                   "name (repeatable); loopback names and --host are always answered. Example: --allow-host news.example.org"),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    sets: Optional[List[str]] = typer.Option(None, "--set", help=SET_HELP),
    wait: float = typer.Option(0, "--wait", help=WAIT_HELP),
) -> None:
    """A local web app over a store: upload or paste articles, browse stories, search, JSON API.

    Example: newsprism serve --db news.duckdb --port 8000
    """
    import uvicorn

    from .web import create_app

    cfg = load_config(config, sets)
    if not _port_free(host, port):
        err.print(f"port {port} is in use; try --port {port + 1} (or stop what listens there)")
        raise typer.Exit(1)
    with _store_errors(db):
        app = create_app(db, cfg, bind=host, allow_hosts=allow_host or (), wait_lock=wait)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _port_free(host: str, port: int) -> bool:
    """Whether `host:port` can be bound now (so a busy port gets a plain message, not uvicorn's errno)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return True     # uvicorn reports a bad host itself
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError:
            return False
    return True


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis document.

    Example: newsprism schema > analysis.schema.json
    """
    from .schema import load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=1) + "\n")


@config_app.command("show")
def config_show(
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    sets: Optional[List[str]] = typer.Option(None, "--set", help=SET_HELP),
) -> None:
    """Print the effective configuration as TOML, and the stages with their switches.

    Example: newsprism config show --set stages.facts=false
    """
    from .registry import describe

    cfg = load_config(config, sets)
    sys.stdout.write(cfg.to_toml())
    sys.stdout.write("\n# stages, in run order (switch them in [stages])\n")
    for s in describe(cfg):
        sys.stdout.write(f"# {s['phase']:<8} {s['kind']:<8} {s['name']:<15} {'on ' if s['enabled'] else 'off'}  {s['description']}\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
