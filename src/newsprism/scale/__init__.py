"""The same analysis on Apache Spark: `newsprism spark analyze` (docs/scale.md).

Per-document work (read, clean, the one spaCy parse and every document stage) runs in `mapInPandas`
tasks calling the very functions the local run calls; duplicates are merged by a group-by on the text
key and near-duplicates found with `pyspark.ml.feature.MinHashLSH`; the fact ledger runs per storyline
(its blocking key) in `applyInPandas` tasks. What is not distributed yet is said in docs/scale.md.

PySpark is an extra (`pip install newsprism[spark]`): nothing here imports it until a job starts.
"""
from __future__ import annotations
