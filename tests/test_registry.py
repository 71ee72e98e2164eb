"""The stage registry: order, switches, plugin placement."""
from newsprism.config import Config
from newsprism.registry import Stage, describe, stages


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
