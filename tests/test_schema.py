"""The JSON Schema shipped in the package is the one the models generate."""
import json

from newsprism.model import json_schema
from newsprism.schema import SCHEMA_FILE, load_schema


def test_shipped_schema_equals_the_generated_one():
    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(json_schema())), "run: python -m newsprism.schema"
    assert load_schema()["$id"] == "newsprism/analysis@1"
