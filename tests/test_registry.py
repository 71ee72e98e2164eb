"""The stage registry: order, switches, plugin placement."""
import ast
import importlib
import inspect
from pathlib import Path

import pytest

from newsprism.config import Config
from newsprism.registry import BUILTIN, KINDS, PHASES, STEPS, Stage, describe, order_markdown, run_order, stages


def test_document_stages_run_in_dependency_order():
    names = [s.name for s in stages("document", Config())]
    assert names.index("mentions") < names.index("times") < names.index("claims") < names.index("framing")


def test_a_switch_turns_a_stage_and_its_dependants_off():
    cfg = Config.load(overrides={"stages.claims": False})
    assert "claims" not in [s.name for s in stages("document", cfg)]
    assert "facts" not in [s.name for s in stages("corpus", cfg)]


def test_extra_stage_goes_after_the_named_stage():
    extra = Stage("tagger", "corpus", lambda corpus: None, after="entities")
    names = [s.name for s in stages("corpus", Config(), [extra])]
    assert names[names.index("entities") + 1] == "tagger"


def test_describe_lists_every_builtin_stage():
    rows = describe(Config.load(overrides={"stages.framing": False}))
    framing = [r for r in rows if r["name"] == "framing"]
    assert framing and framing[0]["enabled"] is False


def test_an_unknown_after_raises_with_the_valid_names():
    extra = Stage("tagger", "corpus", lambda corpus: None, after="entites")
    with pytest.raises(ValueError, match=r"after='entites'.*valid names: entities, link, stories"):
        stages("corpus", Config(), [extra])


def test_after_names_a_stage_of_the_same_kind():
    extra = Stage("tagger", "document", lambda *a: None, after="facts")   # facts runs across documents
    with pytest.raises(ValueError, match="not a document stage"):
        stages("document", Config(), [extra])


def test_a_stage_without_after_runs_after_every_stage_of_its_kind():
    extra = Stage("tagger", "document", lambda *a: None)
    assert [s.name for s in stages("document", Config(), [extra])][-1] == "tagger"


def test_kind_and_phase_must_be_known():
    with pytest.raises(ValueError, match="phase 'enrich' is not one of read, clean"):
        Stage("x", "document", lambda *a: None, phase="enrich")
    with pytest.raises(ValueError, match="kind 'batch'"):
        Stage("x", "batch", lambda *a: None)


def test_each_kind_runs_in_phase_order():
    order = list(PHASES)
    for kind in KINDS:
        phases = [order.index(s.phase) for s in BUILTIN if s.kind == kind]
        assert phases == sorted(phases), kind


def _code_modules(stage: Stage) -> set[str]:
    """The modules that hold a stage's work: its target's, or what a `stages.py` adapter imports."""
    module, _, fn = stage.target.partition(":")
    if module != "newsprism.stages":
        return {module}
    tree = ast.parse(Path(inspect.getsourcefile(importlib.import_module(module))).read_text(encoding="utf-8"))
    body = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == fn)
    return {"newsprism." + n.module for n in ast.walk(body) if isinstance(n, ast.ImportFrom) and n.level == 1
            and n.module and n.module.split(".")[0] in PHASES}


def test_every_stage_lives_in_its_phase_package():
    for s in STEPS + BUILTIN:
        for module in _code_modules(s):
            assert module.split(".")[1] == s.phase, (s.name, module, s.phase)


def test_run_order_puts_the_loop_steps_first_then_document_then_corpus_stages():
    names = [s.name for s in run_order()]
    assert names[:4] == ["read", "clean", "dedup", "parse"]
    assert names.index("story_features") < names.index("entities")
    assert [r["name"] for r in describe(Config())] == names


def test_architecture_doc_shows_the_registry_order():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    shown = doc.split("<!-- registry.order_markdown() -->\n", 1)[1].split("<!-- end registry.order_markdown() -->", 1)[0]
    assert shown == order_markdown(), "docs/architecture.md: paste registry.order_markdown() between its markers"


def test_readme_states_the_same_phases():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert " → ".join(PHASES) in readme
