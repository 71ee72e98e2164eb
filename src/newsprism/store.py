"""The embedded store: cleaned documents in one DuckDB file, with BM25 full-text search.

Each `add` is one transaction, so an interrupted ingest keeps every document it committed
and nothing half-written, and re-ingesting the same inputs changes nothing. Documents with
the same text are stored once; every input that had that text is listed in its `sources`.

    >>> from newsprism.model import Document
    >>> with Store(":memory:") as store:
    ...     store.add(Document(id="a", source="a.txt", text="Ferries resume on Monday."))
    ...     store.add(Document(id="b", source="b.txt", text="Ferries resume on Monday."))
    ...     store.get("a").sources
    'added'
    'merged'
    ['a.txt', 'b.txt']
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Iterator, Literal, Optional

import duckdb

from .model import Document

AddStatus = Literal["added", "merged", "unchanged"]

_SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS documents_seq;
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL DEFAULT nextval('documents_seq'),   -- insertion order
    text_hash VARCHAR NOT NULL,
    doc JSON NOT NULL,
    added TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
CREATE INDEX IF NOT EXISTS documents_text_hash ON documents (text_hash);
CREATE TABLE IF NOT EXISTS sources (source VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, PRIMARY KEY (source, doc_id));
CREATE TABLE IF NOT EXISTS stories (name VARCHAR PRIMARY KEY, state JSON NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
"""
_FTS_TABLE = "documents_fts"
_FTS_SCHEMA = f"fts_main_{_FTS_TABLE}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fts_extension_path() -> Path:
    """The FTS extension shipped by the `duckdb-extension-fts` package (INSTALL would need the network)."""
    import duckdb_extension_fts

    root = Path(duckdb_extension_fts.__file__).resolve().parent / "extensions"
    found = sorted(root.glob("*/fts.duckdb_extension"))
    exact = [p for p in found if p.parent.name == f"v{duckdb.__version__}"]
    if not (exact or found):
        raise RuntimeError(f"no fts.duckdb_extension under {root}")
    return (exact or found)[-1]


def _locked(method: Any) -> Any:
    """One call at a time: a DuckDB connection must not be used from two threads at once (web app)."""

    @functools.wraps(method)
    def wrapper(self: "Store", *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


class StoreLocked(RuntimeError):
    """Another process holds the store (DuckDB lets one process write a file); the message names it."""

    def __init__(self, path: str, holder: str, waited: float) -> None:
        self.path, self.holder = path, holder
        after = f" (waited {waited:g} s)" if waited else ""
        super().__init__(f"the store {path} is in use by {holder}{after}: stop it, or wait for it with --wait SECONDS")


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?)(?: \(PID (\d+)\))?(?:\. |$)")
LOCK_RETRY_SECONDS = 0.25


def lock_holder(message: str) -> Optional[str]:
    """"PID 123 (newsprism serve --db news.duckdb)" from DuckDB's lock error, or None for other errors."""
    m = _LOCK_HOLDER.search(message)
    if m is None:
        return None
    program, pid = m.group(1), m.group(2)
    if not pid:
        return program
    try:  # the holder's command line says more than its interpreter's path
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            argv = [a.decode("utf-8", "replace") for a in fh.read().split(b"\0") if a]
        command = " ".join(Path(argv[0]).name if i == 0 else a for i, a in enumerate(argv))
    except OSError:
        command = program
    return f"PID {pid} ({command[:200]})"


def connect(path: str, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A connection to the DuckDB file, retrying for up to `wait` seconds while another process holds it."""
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            return duckdb.connect(path)
        except duckdb.IOException as exc:
            holder = lock_holder(str(exc))
            if holder is None:
                raise
            if time.monotonic() >= deadline:
                raise StoreLocked(path, holder, wait) from None
            time.sleep(LOCK_RETRY_SECONDS)


class Store:
    """Documents in a DuckDB file (":memory:" for a throw-away store). Safe to share between threads.
    Another process holding the file raises StoreLocked, after waiting up to `wait` seconds for it."""

    def __init__(self, path: str | Path, wait: float = 0.0) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._con: Optional[duckdb.DuckDBPyConnection] = connect(self.path, wait)
        self._fts_loaded = False
        self._con.execute(_SCHEMA)

    # -- documents ---------------------------------------------------------------------------
    @_locked
    def add(self, doc: Document) -> AddStatus:
        """Store `doc` in one transaction.

        "added": new text. "merged": this text is stored already (under any id); the new sources
        were added to that document. "unchanged": that text with these sources is stored already.
        A different text under an id that is taken is stored under the id plus a short hash of
        its source, and `doc.id` is set to that id.
        """
        con = self._connection()
        digest = text_hash(doc.text)
        new_sources = _sources(doc)
        con.execute("BEGIN TRANSACTION")
        try:
            row = con.execute("SELECT id, doc FROM documents WHERE text_hash = ? ORDER BY seq LIMIT 1", [digest]).fetchone()
            if row is None:
                doc.id = self._free_id(doc)
                stored = doc.model_copy(update={"sources": new_sources})
                con.execute("INSERT INTO documents (id, text_hash, doc) VALUES (?, ?, ?)",
                            [doc.id, digest, stored.model_dump_json()])
                self._link(doc.id, new_sources)
                status: AddStatus = "added"
            else:
                doc_id, payload = row
                existing = Document.model_validate_json(payload)
                known = {s for (s,) in con.execute("SELECT source FROM sources WHERE doc_id = ?", [doc_id]).fetchall()}
                fresh = [s for s in new_sources if s not in known and s not in existing.sources]
                status = "merged" if fresh else "unchanged"
                if fresh:
                    existing.sources = existing.sources + fresh
                    con.execute("UPDATE documents SET doc = ? WHERE id = ?", [existing.model_dump_json(), doc_id])
                    self._link(doc_id, fresh)
                doc.id = doc_id
            con.execute("COMMIT")
        except BaseException:  # Ctrl-C included: nothing of this document stays half-written
            con.execute("ROLLBACK")
            raise
        return status

    @_locked
    def has_source(self, source: str) -> bool:
        return self._connection().execute("SELECT 1 FROM sources WHERE source = ? LIMIT 1", [source]).fetchone() is not None

    @_locked
    def get(self, id: str) -> Optional[Document]:
        row = self._connection().execute("SELECT doc FROM documents WHERE id = ?", [id]).fetchone()
        return Document.model_validate_json(row[0]) if row else None

    def documents(self) -> Iterator[Document]:
        """Every stored document in insertion order (read in batches, not all at once)."""
        with self._lock:
            cursor = self._connection().cursor()  # its own connection: adds may run while this is read
        try:
            cursor.execute("SELECT doc FROM documents ORDER BY seq")
            while rows := cursor.fetchmany(256):
                for (payload,) in rows:
                    yield Document.model_validate_json(payload)
        finally:
            cursor.close()

    @_locked
    def count(self) -> int:
        return self._connection().execute("SELECT count(*) FROM documents").fetchone()[0]

    # -- state of cross-document stages --------------------------------------------------------
    @_locked
    def save_state(self, name: str, state: dict[str, Any]) -> None:
        self._connection().execute("INSERT OR REPLACE INTO stories (name, state) VALUES (?, ?)",
                                   [name, json.dumps(state, sort_keys=True)])

    @_locked
    def load_state(self, name: str) -> Optional[dict[str, Any]]:
        row = self._connection().execute("SELECT state FROM stories WHERE name = ?", [name]).fetchone()
        return json.loads(row[0]) if row else None

    # -- search --------------------------------------------------------------------------------
    @_locked
    def search(self, query: str, limit: int = 20) -> list[tuple[str, float]]:
        """Document ids and BM25 scores for `query` over title and text, best first."""
        if not query.strip() or limit <= 0:
            return []
        self._ensure_index()
        con = self._connection()
        if con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0:
            return []
        rows = con.execute(
            f"SELECT id, score FROM (SELECT id, {_FTS_SCHEMA}.match_bm25(id, ?) AS score FROM {_FTS_TABLE}) "
            "WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT ?", [query, limit]).fetchall()
        return [(doc_id, float(score)) for doc_id, score in rows]

    def _ensure_index(self) -> None:
        """(Re)build the FTS index when documents were added since it was built; merges keep it valid."""
        con = self._connection()
        if not self._fts_loaded:
            con.execute(f"LOAD '{fts_extension_path()}'")
            self._fts_loaded = True
        latest = str(con.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0])
        built = con.execute("SELECT value FROM meta WHERE key = 'fts_built_at'").fetchone()
        if built and built[0] == latest:
            return
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"CREATE OR REPLACE TABLE {_FTS_TABLE} AS "
                        "SELECT id, coalesce(doc->>'title', '') AS title, doc->>'text' AS text FROM documents")
            con.execute(f"PRAGMA create_fts_index('{_FTS_TABLE}', 'id', 'title', 'text', overwrite=1)")
            con.execute("INSERT OR REPLACE INTO meta VALUES ('fts_built_at', ?)", [latest])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # -- internals -------------------------------------------------------------------------------
    def _free_id(self, doc: Document) -> str:
        con = self._connection()
        taken = lambda i: con.execute("SELECT 1 FROM documents WHERE id = ?", [i]).fetchone() is not None  # noqa: E731
        if not taken(doc.id):
            return doc.id
        base = f"{doc.id}_{hashlib.sha1((doc.source or doc.text).encode('utf-8')).hexdigest()[:8]}"
        candidate, n = base, 2
        while taken(candidate):
            candidate, n = f"{base}_{n}", n + 1
        return candidate

    def _link(self, doc_id: str, sources: list[str]) -> None:
        if sources:
            self._connection().executemany("INSERT OR IGNORE INTO sources VALUES (?, ?)", [[s, doc_id] for s in sources])

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError("the store is closed")
        return self._con

    @_locked
    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"


def _sources(doc: Document) -> list[str]:
    """The document's sources, its `source` included, in order and without repeats."""
    ordered = ([doc.source] if doc.source else []) + list(doc.sources)
    return list(dict.fromkeys(ordered))
