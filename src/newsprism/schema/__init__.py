"""The contract's JSON Schema, generated from `newsprism.model` and shipped in this folder.

`python -m newsprism.schema` rewrites `analysis.schema.json`; a test keeps it equal to the models.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).with_name("analysis.schema.json")


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def write_schema() -> Path:
    from ..model import json_schema

    SCHEMA_FILE.write_text(json.dumps(json_schema(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return SCHEMA_FILE


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `data` does not follow the contract."""
    import jsonschema

    jsonschema.validate(data, load_schema())


