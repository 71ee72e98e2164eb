"""The run loop: read, clean, dedup, parse and the document stages, then the corpus stages (the order
is `registry.run_order()`).

Per-document work (reading, cleaning, the one spaCy parse and every document stage) is pure and
runs in worker processes on both cores; cross-document stages run once on compact `DocRecord`s.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from .config import Config
from .model import Analysis, Document
from .read.base import RawItem, ReadError
from .records import DocRecord
from .registry import Stage, stages

log = logging.getLogger(__name__)

Input = Any  # str | os.PathLike | Article | dict | RawItem
Report = Callable[[str, int, Optional[int]], None]   # (phase, done, total) for progress bars
Warn = Callable[[str], None]


@dataclass
class Corpus:
    """What cross-document stages see: the documents, their compact records, the analysis being built."""

    config: Config
    records: dict[str, DocRecord]
    analysis: Analysis
    entity_map: dict[str, str] = field(default_factory=dict)
    store: Any = None

    @property
    def documents(self) -> list[Document]:
        return self.analysis.documents

    def record_list(self) -> list[DocRecord]:
        return [self.records[d.id] for d in self.documents if d.id in self.records]


# -- read and clean ----------------------------------------------------------------------------

class IdAssigner:
    """Document ids: the file stem (plus a short hash of the path when two stems collide), the
    input's own id (JSONL), else a stable hash of the text. Stable for a given input order."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(taken)

    def assign(self, item: RawItem, text: str) -> str:
        if item.id:
            base = _safe_id(str(item.id))
        elif item.stem:
            base = _safe_id(item.stem)
        else:
            base = "doc_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        doc_id = base
        if doc_id in self.taken:
            doc_id = f"{base}_{hashlib.sha1(item.source.encode('utf-8')).hexdigest()[:8]}"
        n = 2
        while doc_id in self.taken:  # the same source twice: keep ids unique all the same
            doc_id, n = f"{base}_{n}", n + 1
        self.taken.add(doc_id)
        return doc_id


def _safe_id(s: str) -> str:
    s = re.sub(r"[^\w.\-]+", "_", s.strip(), flags=re.UNICODE).strip("_")
    return s[:120] or "doc"


def iter_cleaned(inputs: Iterable[Input], cfg: Config, warn: Warn, ids: Optional[IdAssigner] = None,
                 stdin: Any = None) -> Iterator[Document]:
    """Read and clean inputs one at a time; bad inputs are reported through `warn` and skipped."""
    from .clean import clean_item
    from .read import read_inputs

    ids = ids or IdAssigner()
    for item in read_inputs(inputs, cfg, stdin=stdin):
        if isinstance(item, ReadError):
            warn(str(item))
            continue
        try:
            doc = clean_item(item, cfg)
        except Exception as e:  # a cleaner bug on one input must not lose the batch
            warn(f"{item.source}: could not be cleaned ({type(e).__name__}: {e})")
            continue
        if isinstance(doc, ReadError):
            warn(str(doc))
            continue
        doc.id = ids.assign(item, doc.text)
        yield doc


# -- parse and per-document stages -------------------------------------------------------------

_worker_cfg: Optional[Config] = None
_worker_stages: list[Stage] = []


def _english(doc: Document) -> bool:
    return doc.language in (None, "en")


def annotate_one(doc: Document, sdoc: Any, doc_stages: Sequence[Stage], cfg: Config) -> DocRecord:
    """Run every document stage on one parse. A failing stage leaves a note, never a lost document; once
    the document has used its CPU budget, the stages left are skipped with a note."""
    record = DocRecord(doc=doc.id, language=doc.language, published=doc.published)
    budget, start = cfg.parse.doc_seconds, time.thread_time()  # CPU time: other load does not count
    for stage in doc_stages:
        if time.thread_time() - start > budget:
            record.notes.append(f"stage {stage.name} skipped: the document used its {budget:g} s budget (parse.doc_seconds)")
            continue
        try:
            stage.load()(doc, sdoc, record, cfg)
        except ModuleNotFoundError:
            raise  # a missing dependency is an installation fault, not a bad document
        except Exception as e:
            log.warning("stage %s failed on %s: %s", stage.name, doc.id, e, exc_info=log.isEnabledFor(logging.DEBUG))
            record.notes.append(f"stage {stage.name} failed: {type(e).__name__}: {e}")
    return record


def _parsed_part(doc: Document, max_chars: int) -> Document:
    """The document as its stages see it: no more text than was parsed (a prefix, so offsets hold),
    and every stage's work bounded by the parse cap rather than by the file's size."""
    if len(doc.text) <= max_chars:
        return doc
    return doc.model_copy(update={"text": doc.text[:max_chars]})


def _annotate_chunk(docs: list[Document]) -> list[DocRecord]:
    from .parse import TEXT_KEY, bounded_doc, load_nlp

    cfg = _worker_cfg
    assert cfg is not None
    nlp = load_nlp(cfg.parse.model)
    english = [d for d in docs if _english(d)]
    texts = [bounded_doc(nlp, d.text[: cfg.parse.max_chars], cfg.parse.max_sentence_tokens) for d in english]
    parsed = dict(zip((d.id for d in english), nlp.pipe(texts, batch_size=cfg.parse.batch_size)))
    out = []
    for d in docs:
        if d.id in parsed:
            sdoc = parsed[d.id]
            sdoc.user_data[TEXT_KEY] = d.text[: cfg.parse.max_chars]  # see parse.text_of
            rec = annotate_one(_parsed_part(d, cfg.parse.max_chars), sdoc, _worker_stages, cfg)
            if len(d.text) > cfg.parse.max_chars:
                rec.notes.append(f"only the first {cfg.parse.max_chars} characters were analyzed (parse.max_chars)")
        else:
            rec = DocRecord(doc=d.id, language=d.language, published=d.published,
                            notes=[f"language {d.language!r}: English-only stages skipped"])
        out.append(rec)
    return out


# A made-up English sentence every document stage runs on before the first real document: the stages
# import their modules and load their word lists and gazetteers on first use (0.7 CPU s, most of it the
# known places). The parent does it once before it forks the workers (`_pool`), so they start with all of
# it loaded and shared copy-on-write instead of each loading its own copy; the corpus stages read some of
# those tables (known places, country names) too. The stages cache only pure functions, so nothing of it
# reaches any document's record.
WARM_UP = ("The minister of transport, Maria Lopez, said on Tuesday in Lisbon that 14 people were hurt when "
           "a train left the rails near Porto last week, according to the police.")


def _init_worker(cfg: Config, doc_stages: list[Stage], warm: bool = False, forked: bool = False) -> None:
    """Set the stages this process runs; `warm`: run them once on WARM_UP first; `forked`: a pool worker forked
    from a warmed parent, which has everything loaded already and keeps it as long as it lives (see _settle)."""
    global _worker_cfg, _worker_stages
    _worker_cfg, _worker_stages = cfg, doc_stages
    if warm:
        _annotate_chunk([Document(id="warm-up", text=WARM_UP, published="2020-01-07", language="en")])
    if forked:
        gc.freeze()


def _parallel(cfg: Config, n_docs: int) -> bool:
    return cfg.parse.processes > 1 and n_docs >= cfg.parse.parallel_min_docs \
        and "fork" in multiprocessing.get_all_start_methods()


_settled: Optional[bool] = None   # during a run: whether this run froze the heap (see _settle)


def _settle() -> None:
    """Take every object alive now out of the cyclic GC's full collections (gc.freeze) for the rest of the
    run: the spaCy model, the documents and their records live until the analysis is done, and each full
    collection would walk them all again (a dozen times in a run of 400 articles, 0.1-0.4 s each). Before
    a fork it also keeps the workers' collections off the pages they share with the parent. `_unsettle`
    gives them back at the end of the run, so nothing stays that would have been collected; a process
    that had frozen objects itself is left as it was."""
    global _settled
    if _settled is None:
        _settled = gc.get_freeze_count() == 0
    gc.freeze()


def _unsettle() -> None:
    global _settled
    if _settled:
        gc.unfreeze()
    _settled = None


def _pool(cfg: Config, doc_stages: list[Stage]) -> Any:
    from .parse import load_nlp

    load_nlp(cfg.parse.model)  # loaded before the fork: workers share it copy-on-write
    _init_worker(cfg, doc_stages, warm=True)   # and so are the stages' modules and tables (see WARM_UP)
    _settle()
    ctx = multiprocessing.get_context("fork")
    return ctx.Pool(cfg.parse.processes, initializer=_init_worker, initargs=(cfg, doc_stages, False, True))


# Documents a worker parses at a time while the parent still cleans: small enough that the workers
# finish together at the end of the batch, large enough that nlp.pipe batches them.
FEED_CHUNK = 16


class Workers:
    """The worker processes of one run, started as soon as the batch is known to be large enough for
    them (`clean_all`). From then on each cleaned document is sent to be parsed, with its document
    stages, while the parent still cleans the rest and dedups; `annotate` sends what is left and
    gathers. Parsing before dedup is safe: dedup keeps the first of exact duplicates unchanged but for
    its sources and links (no document stage reads them) and drops the others, whose records are
    dropped with them. A context manager: leaving it ends the processes."""

    def __init__(self, cfg: Config, doc_stages: list[Stage]) -> None:
        self.cfg, self.stages, self.pool = cfg, doc_stages, None
        self.sent: dict[str, Any] = {}     # document id -> the pending result of the chunk it went in
        self._chunk: list[Document] = []

    def start(self) -> None:
        if self.pool is None and _parallel(self.cfg, self.cfg.parse.parallel_min_docs):
            self.pool = _pool(self.cfg, self.stages)

    def send(self, doc: Document, chunk: int = FEED_CHUNK) -> None:
        """Queue a document for parsing (a no-op before `start`); chunks go out when full or on `flush`."""
        if self.pool is None:
            return
        self._chunk.append(doc)
        if len(self._chunk) >= chunk:
            self.flush()

    def flush(self) -> None:
        if self.pool is not None and self._chunk:
            pending = self.pool.apply_async(_annotate_chunk, (self._chunk,))
            for d in self._chunk:
                self.sent[d.id] = pending
            self._chunk = []

    def serves(self, cfg: Config, doc_stages: list[Stage]) -> bool:
        return self.pool is not None and self.cfg is cfg and self.stages == doc_stages

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None
        _unsettle()

    def __enter__(self) -> "Workers":
        _settle()   # what is loaded already (spaCy, perhaps) lives through the run
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def clean_all(inputs: Iterable[Input], cfg: Config, warn: Warn, stdin: Any = None,
              workers: Optional[Workers] = None) -> list[Document]:
    """`iter_cleaned` into a list. Once there are enough documents for worker processes, `workers` start
    and are sent every document cleaned, so parsing goes on while cleaning does."""
    docs = []
    for doc in iter_cleaned(inputs, cfg, warn, stdin=stdin):
        docs.append(doc)
        if workers is None or len(docs) < cfg.parse.parallel_min_docs:
            continue
        if len(docs) == cfg.parse.parallel_min_docs:
            workers.start()
            for d in docs[:-1]:
                workers.send(d)
        workers.send(doc)
    return docs


def annotate(docs: list[Document], cfg: Config, doc_stages: list[Stage], report: Optional[Report] = None,
             workers: Optional[Workers] = None) -> dict[str, DocRecord]:
    """Parse every document once and run the document stages; both cores when the batch is large (on
    `workers` when they were started for these stages, keeping what they parsed already, else on a
    pool of its own)."""
    report = report or (lambda *a: None)
    _init_worker(cfg, doc_stages)
    records: dict[str, DocRecord] = {}
    chunk = max(4, min(32, len(docs) // (cfg.parse.processes * 8) or 4))
    report("parse", 0, len(docs))
    if workers is not None and workers.serves(cfg, doc_stages):
        workers.flush()
        for d in docs:
            if d.id not in workers.sent:
                workers.send(d, chunk)
        workers.flush()
        wanted = {d.id for d in docs}
        got: dict[str, DocRecord] = {}
        for pending in dict.fromkeys(workers.sent[d.id] for d in docs):   # each chunk once, in the order sent
            got.update((r.doc, r) for r in pending.get() if r.doc in wanted)
            _settle()   # records live to the end of the run
            report("parse", len(got), len(docs))
        return {d.id: got[d.id] for d in docs}
    chunks = [docs[i:i + chunk] for i in range(0, len(docs), chunk)]
    if _parallel(cfg, len(docs)):
        with _pool(cfg, doc_stages) as pool:
            for recs in pool.imap(_annotate_chunk, chunks):
                for r in recs:
                    records[r.doc] = r
                report("parse", len(records), len(docs))
    else:
        for c in chunks:
            for r in _annotate_chunk(c):
                records[r.doc] = r
            report("parse", len(records), len(docs))
    return records


# -- the whole run -----------------------------------------------------------------------------

def generated_now() -> str:
    """The run's timestamp; SOURCE_DATE_EPOCH makes it reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    t = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def dedup_documents(docs: list[Document], cfg: Config) -> list[Document]:
    if not cfg.stages.dedup or not docs:
        return docs
    from .clean.dedup import dedup

    return dedup(docs, cfg)


def analyze_documents(docs: list[Document], cfg: Config, report: Optional[Report] = None,
                      store: Any = None, extra_stages: Optional[list[Stage]] = None,
                      workers: Optional[Workers] = None) -> Analysis:
    """Everything after cleaning: dedup, parse + document stages, corpus stages."""
    report = report or (lambda *a: None)
    docs = dedup_documents(docs, cfg)
    doc_stages = stages("document", cfg, extra_stages)
    try:
        records = annotate(docs, cfg, doc_stages, report, workers)
        _settle()   # the documents and their records live to the end of the run
        for d in docs:
            notes = records[d.id].notes if d.id in records else []
            d.notes = list(dict.fromkeys(d.notes + notes))
        analysis = Analysis(generated=generated_now(), documents=docs)
        corpus = Corpus(cfg, records, analysis, store=store)
        corpus_stages = stages("corpus", cfg, extra_stages)
        for i, stage in enumerate(corpus_stages):
            report(stage.name, i, len(corpus_stages))
            t0 = time.perf_counter()
            analysis.bind()  # every stage, plugins too, can navigate what the stages before it added
            _settle()        # and what they added lives to the end of the run
            stage.load()(corpus)
            log.debug("stage %s: %.2fs", stage.name, time.perf_counter() - t0)
        report("done", len(corpus_stages), len(corpus_stages))
        return analysis.bind()
    finally:
        _unsettle()


def run(inputs: Iterable[Input], cfg: Optional[Config] = None, warn: Optional[Warn] = None,
        report: Optional[Report] = None, stdin: Any = None, store: Any = None) -> Analysis:
    cfg = cfg or Config()
    warn = warn or (lambda msg: log.warning("%s", msg))
    with Workers(cfg, stages("document", cfg)) as workers:
        docs = clean_all(inputs, cfg, warn, stdin, workers)
        return analyze_documents(docs, cfg, report, store=store, workers=workers)
