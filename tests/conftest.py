"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

# The plugin package is installed by tests/test_plugins.py into a temporary folder, never imported
# here: collecting it would put its metadata on sys.path and its entry points in every test.
collect_ignore = ["plugin_pkg"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from newsprism.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_analysis():
    """The bundled sample corpus analyzed once per test session (default configuration)."""
    import newsprism

    return newsprism.analyze([SAMPLES])


@pytest.fixture(autouse=True)
def every_analysis_follows_the_schema(monkeypatch):
    """Every analysis a test produces in-process is validated against the shipped JSON Schema."""
    import json

    import newsprism.pipeline as pipeline
    from newsprism.schema import validate

    real = pipeline.analyze_documents

    def checked(*args, **kwargs):
        analysis = real(*args, **kwargs)
        validate(json.loads(analysis.to_json()))
        return analysis

    monkeypatch.setattr(pipeline, "analyze_documents", checked)
