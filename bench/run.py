"""`make bench`: every benchmark in turn, each printing its own table (see each module's docstring).

Data: each benchmark's own (see eval/README.md); a missing set stops its benchmark with where to fetch it.

    python bench/run.py
"""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["ingest", "pipeline", "longline", "entities", "stories", "load"]


def run(name: str) -> None:
    path = HERE / f"{name}.py"
    if not path.exists():
        print(f"[{name}] missing")
        return
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(f"\n=== {name} " + "=" * (60 - len(name)))
    t0 = time.perf_counter()
    try:
        mod.main([]) if "argv" in mod.main.__code__.co_varnames else mod.main()
    except SystemExit as stop:   # a missing data set (eval/evaldata.py) stops this benchmark, not the run
        if not isinstance(stop.code, str):
            raise
        print(f"[{name}] {stop.code}")
        return
    print(f"[{name}: {time.perf_counter() - t0:.0f} s]")


if __name__ == "__main__":
    for name in sys.argv[1:] or ORDER:
        run(name)
