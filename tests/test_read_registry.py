"""The reader registry: plugins are asked before the built-ins; a broken plugin only warns."""
import importlib.metadata
from pathlib import Path

import pytest

from newsprism.config import Config
from newsprism.read import READERS, RawItem, ReadError, Reader, read_inputs, register_reader
from newsprism.read import registry


class ScrollReader:
    """A made-up format, claimed by its extension (content alone would be read as plain text)."""

    name = "scroll"
    extensions = (".scroll",)

    def sniff(self, head, path):
        return path is not None and path.suffix == ".scroll"

    def read(self, data, source, path, cfg):
        for n, part in enumerate(data.decode().split("~~"), start=1):
            yield RawItem(source=f"{source}#{n}", kind="scroll", text=part.strip())


class FakeEntryPoint:
    def __init__(self, name, obj):
        self.name, self._obj = name, obj

    def load(self):
        return self._obj


@pytest.fixture
def fresh_registry(monkeypatch):
    saved = dict(READERS)
    monkeypatch.setattr(registry, "_plugins_loaded", False)
    yield
    READERS.clear()
    READERS.update(saved)


def use_entry_points(monkeypatch, eps):
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None: eps if group == registry.ENTRY_POINT_GROUP else [])


def test_builtins_are_registered_in_sniff_order():
    assert list(registry.BUILTIN_NAMES) == ["warc", "feed", "html", "jsonl", "text"]
    assert all(isinstance(READERS[n], Reader) for n in registry.BUILTIN_NAMES)


def test_a_plugin_from_an_entry_point_claims_its_format_before_the_builtins(tmp_path, monkeypatch, fresh_registry):
    use_entry_points(monkeypatch, [FakeEntryPoint("scroll", ScrollReader)])  # a zero-argument factory
    path = tmp_path / "minutes.scroll"
    path.write_text("First part of the minutes. ~~ Second part.")
    results = list(read_inputs([path], Config()))
    assert [(r.kind, r.source, r.text) for r in results] == [
        ("scroll", f"{path}#1", "First part of the minutes."), ("scroll", f"{path}#2", "Second part.")]
    assert registry.sniff_order()[0].name == "scroll"


def test_a_plugin_that_fails_to_load_warns_and_reading_goes_on(tmp_path, monkeypatch, fresh_registry):
    broken = importlib.metadata.EntryPoint(name="broken", value="no_such_module_anywhere:Reader", group=registry.ENTRY_POINT_GROUP)
    use_entry_points(monkeypatch, [broken, FakeEntryPoint("scroll", ScrollReader())])
    (tmp_path / "a.txt").write_text("An ordinary article about the ferry trial.")
    with pytest.warns(RuntimeWarning, match="reader plugin 'broken' failed to load"):
        [item] = read_inputs([tmp_path / "a.txt"], Config())
    assert item.kind == "text" and "scroll" in READERS


def test_plugins_are_loaded_once(monkeypatch, fresh_registry):
    calls = []
    use_entry_points(monkeypatch, [FakeEntryPoint("scroll", lambda: calls.append(1) or ScrollReader())])
    registry.sniff_order()
    registry.sniff_order()
    assert calls == [1]


def test_register_reader_checks_the_interface(fresh_registry):
    with pytest.raises(TypeError):
        register_reader(object())
    register_reader(ScrollReader())
    assert READERS["scroll"].name == "scroll"


def test_a_reader_that_crashes_costs_only_its_input(tmp_path, monkeypatch, fresh_registry):
    class Crashing(ScrollReader):
        def read(self, data, source, path, cfg):
            yield RawItem(source=source, kind="scroll", text="first")
            raise RuntimeError("bad\nplugin")

    use_entry_points(monkeypatch, [])
    register_reader(Crashing())
    (tmp_path / "a.scroll").write_text("x")
    (tmp_path / "b.txt").write_text("An ordinary article.")
    results = list(read_inputs([tmp_path], Config()))
    assert results[0].text == "first"
    assert results[1] == ReadError(str(tmp_path / "a.scroll"), "scroll reader failed: RuntimeError: bad plugin")
    assert results[2].kind == "text"


def test_extension_decides_when_content_is_ambiguous():
    assert registry.choose_reader(b"not json at all", Path("x.jsonl")).name == "jsonl"
    assert registry.choose_reader(b"no tags here", Path("x.html")).name == "html"
    assert registry.choose_reader(b"no tags here", Path("x.dat")).name == "text"
    assert registry.choose_reader(b"<!DOCTYPE html><p>x", Path("x.txt")).name == "html"  # content first
