"""Configuration: defaults, TOML files, dotted overrides, and the TOML it prints back."""
import tomllib

import pytest
from pydantic import ValidationError

from newsprism.config import Config


def test_defaults_hold_every_section():
    cfg = Config()
    assert cfg.read.max_bytes == 20_000_000
    assert cfg.stages.facts is True


def test_toml_file_then_overrides(tmp_path):
    path = tmp_path / "np.toml"
    path.write_text("[dedup]\nnear_threshold = 0.7\n[stages]\nframing = false\n")
    cfg = Config.load(path, overrides={"dedup.num_perm": 64})
    assert (cfg.dedup.near_threshold, cfg.dedup.num_perm, cfg.stages.framing) == (0.7, 64, False)


def test_unknown_settings_are_refused():
    with pytest.raises(ValidationError):
        Config.load(overrides={"dedup.no_such_knob": 1})


def test_printed_toml_reads_back_to_the_same_config():
    cfg = Config.load(overrides={"stories.event_threshold": 0.5, "stages.summary": False})
    assert Config.model_validate(tomllib.loads(cfg.to_toml())) == cfg


def test_every_setting_of_every_section_is_described():
    from newsprism.config import Section

    sections = [Config] + [f.annotation for f in Config.model_fields.values()
                           if isinstance(f.annotation, type) and issubclass(f.annotation, Section)]
    assert len(sections) > 10
    missing = [f"{cls.__name__}.{name}" for cls in sections for name, field in cls.model_fields.items() if not (field.description or "").strip()]
    assert missing == [], "add a Field(description=...) to: " + ", ".join(missing)
