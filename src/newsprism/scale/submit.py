"""The `spark-submit` entry: the cluster's master and resources come from spark-submit's own options.

    spark-submit --master yarn --archives newsprism-env.tar.gz#env \\
      --conf spark.pyspark.python=./env/bin/python \\
      "$(python -c 'import newsprism.scale.submit as m; print(m.__file__)')" \\
      hdfs:///news/2026-11.parquet --out /mnt/shared/newsprism/2026-11
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Optional

from ..config import Config


def _value(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return text


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="newsprism-spark", description="newsprism's analysis as a Spark application")
    ap.add_argument("inputs", nargs="+", help="files, directories, Parquet or URIs Spark's readers take")
    ap.add_argument("--out", required=True, help="where the Parquet tables and the JSON go")
    ap.add_argument("--partitions", type=int, default=None, help="tasks for the per-document stages")
    ap.add_argument("--config", default=None, help="a TOML file of settings")
    ap.add_argument("--set", dest="sets", action="append", default=[], help="key=value, repeatable")
    args = ap.parse_args(argv)
    from .run import analyze

    overrides = {k.strip(): _value(v.strip()) for k, _, v in (s.partition("=") for s in args.sets)}
    result = analyze(args.inputs, Config.load(args.config, overrides=overrides), out=args.out, master=None,
                     partitions=args.partitions)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    a = result.analysis
    print(f"{len(a.documents)} documents, {len(a.stories)} stories, {len(a.entities)} entities, "
          f"{len(a.claims)} claims, {len(a.facts)} facts; wrote {args.out}", file=sys.stderr)
    return 0 if a.documents else 1


if __name__ == "__main__":
    sys.exit(main())
