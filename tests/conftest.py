"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

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
