"""The analysis as Parquet tables (documents, mentions, entities, claims, facts, stories, timeline) and as
the JSON document of the contract, whole (`analysis.json`) and per storyline (`json/<story id>.json`).

A table has one row per object: its scalar fields as typed columns, its nested fields (spans, positions,
lists) as JSON text, so a row reads back into the model with `model_validate` after `json.loads`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..model import Analysis

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

TABLES = ("documents", "mentions", "entities", "claims", "facts", "stories", "timeline")


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}


def table_rows(analysis: Analysis, name: str) -> list[dict[str, Any]]:
    """One table's rows: plain dicts of scalars (nested values as JSON text)."""
    if name == "mentions":
        return [_flat({"entity": e.id, **m.model_dump(mode="json")}) for e in analysis.entities for m in e.mentions]
    if name == "entities":
        return [_flat(e.model_dump(mode="json", exclude={"mentions"}) | {"mention_count": len(e.mentions)})
                for e in analysis.entities]
    return [_flat(x.model_dump(mode="json")) for x in getattr(analysis, name)]


def _spark_type(values: Iterable[Any]) -> str:
    seen = {type(v) for v in values if v is not None}
    if seen == {bool}:
        return "boolean"
    if seen == {int}:
        return "long"
    if seen and seen <= {int, float}:
        return "double"
    return "string"


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for r in rows for k in r))


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    return str(value) if kind == "string" else float(value) if kind == "double" else value


def write_tables(spark: "SparkSession", analysis: Analysis, out: str) -> dict[str, int]:
    """Every table under `out/<table>` (Parquet, through Spark's writer, the rows handed over as Arrow);
    rows per table."""
    import pandas as pd

    counts: dict[str, int] = {}
    for name in TABLES:
        rows = table_rows(analysis, name)
        cols = _columns(rows) or ["id"]
        kinds = {c: _spark_type(r.get(c) for r in rows) for c in cols}
        # object columns: pandas would turn an int column with a None into floats
        frame = pd.DataFrame({c: pd.Series([_cell(r.get(c), kinds[c]) for r in rows], dtype="object") for c in cols},
                             columns=cols)
        schema = ", ".join(f"`{c}` {kinds[c]}" for c in cols)
        spark.createDataFrame(frame, schema).coalesce(1).write.mode("overwrite").parquet(f"{out.rstrip('/')}/{name}")
        counts[name] = len(rows)
    return counts


def write_json(analysis: Analysis, out: str) -> list[str]:
    """`out/analysis.json` and `out/json/<storyline id>.json` (one storyline with its events, the
    report's subset); the story files written."""
    from ..present.subset import restrict

    root = Path(out)
    (root / "json").mkdir(parents=True, exist_ok=True)
    (root / "analysis.json").write_text(analysis.to_json(), encoding="utf-8")
    written = []
    for s in analysis.stories:
        if s.parent is None:
            path = root / "json" / f"{s.id}.json"
            path.write_text(restrict(analysis, s.id).to_json(), encoding="utf-8")
            written.append(str(path))
    return written
