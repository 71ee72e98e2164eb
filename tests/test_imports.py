"""Imports flow one way: every import of every module (lazy ones inside functions too) goes to the
module's own layer or a lower one (`registry.LAYERS`), and no modules import each other in a cycle."""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, Optional

from newsprism.registry import LAYERS

PKG = Path(__file__).resolve().parent.parent / "src" / "newsprism"


def module_name(path: Path) -> str:
    parts = ("newsprism",) + path.relative_to(PKG).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PKG.rglob("*.py")) if "__pycache__" not in p.parts}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, path: Path, known: set[str]) -> Iterator[tuple[str, int]]:
    """(imported newsprism module, line) for every import statement in the file, at any depth."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "newsprism":
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, path, node)
            if target.split(".")[0] != "newsprism":
                continue
            for alias in node.names:   # "from . import speech" imports the module newsprism.extract.speech
                sub = f"{target}.{alias.name}"
                yield (sub if sub in known else target), node.lineno


def layer_of(module: str) -> Optional[int]:
    """The layer of the longest name in LAYERS that is this module or a package holding it."""
    rel = module.removeprefix("newsprism.") if module != "newsprism" else "newsprism"
    best: Optional[tuple[int, int]] = None
    for i, layer in enumerate(LAYERS):
        for name in layer:
            if rel == name or rel.startswith(name + "."):
                if best is None or len(name) > best[1]:
                    best = (i, len(name))
    return best[0] if best else None


def graph() -> dict[str, list[tuple[str, int]]]:
    mods = modules()
    return {m: [(t, n) for t, n in imports_of(m, p, set(mods)) if t != m] for m, p in mods.items()}


def test_every_module_has_a_layer():
    assert [m for m in modules() if layer_of(m) is None] == []


def test_no_import_goes_up_a_layer():
    bad = [f"{m}:{line} imports {t} (layer {layer_of(t)} > {layer_of(m)})"
           for m, targets in graph().items() for t, line in targets
           if layer_of(t) is not None and layer_of(m) is not None and layer_of(t) > layer_of(m)]
    assert bad == [], "\n".join(bad)


def test_present_reads_the_analysis_and_nothing_else():
    """The views (not the web app, an application) see the model and the settings, never a stage's code."""
    allowed = ("newsprism.model", "newsprism.config", "newsprism.present")
    bad = [f"{m}:{line} imports {t}" for m, targets in graph().items()
           if layer_of(m) == layer_of("newsprism.present") for t, line in targets
           if not any(t == a or t.startswith(a + ".") for a in allowed)]
    assert bad == [], "\n".join(bad)


def test_no_import_cycle():
    known = set(modules())
    g = {m: sorted({t for t, _ in targets if t in known}) for m, targets in graph().items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        stack.append(m)
        for t in g.get(m, []):
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t, stack)
        stack.pop()
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m, [])
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles)


def test_the_walker_sees_lazy_and_relative_imports():
    src = "def f():\n    from ..model import Analysis\n    from . import speech\n    import newsprism.config\n"
    path = PKG / "extract" / "_probe.py"
    tree_known = {"newsprism.model", "newsprism.extract.speech", "newsprism.config"}
    try:
        path.write_text(src, encoding="utf-8")
        found = {t for t, _ in imports_of("newsprism.extract._probe", path, tree_known)}
    finally:
        path.unlink()
    assert found == tree_known
    assert layer_of("newsprism.web") > layer_of("newsprism.present") > layer_of("newsprism.align")
