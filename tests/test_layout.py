"""The tree stays readable: no module over ~500 lines, and docs/architecture.md's module map names the tree
as it is (every top-level module and package, and no file that is gone)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "newsprism"
MAX_LINES = 500


def long_modules(pkg: Path, max_lines: int = MAX_LINES) -> dict[str, int]:
    """{path relative to the package: line count} of every Python module longer than `max_lines`."""
    out: dict[str, int] = {}
    for path in sorted(pkg.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > max_lines:
            out[path.relative_to(pkg).as_posix()] = n
    return out


def test_no_module_over_500_lines():
    over = long_modules(PKG)
    assert over == {}, "split by job: " + ", ".join(f"src/newsprism/{p} ({n} lines)" for p, n in over.items())


def test_long_modules_lists_each_offender_with_its_length(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "short.py").write_text("x = 1\n" * 3, encoding="utf-8")
    (tmp_path / "sub" / "long.py").write_text("x = 1\n" * 6, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x\n" * 9, encoding="utf-8")
    assert long_modules(tmp_path, max_lines=5) == {"sub/long.py": 6}


def module_map() -> list[tuple[str, str]]:
    """(module cell, job cell) of each row of the '## Modules' table in docs/architecture.md."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Modules", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| `")]
    return [(m.strip().strip("`"), job) for m, job in rows]


def test_module_map_names_every_top_level_module_and_package():
    shown = {m for m, _ in module_map()}
    tree = {p.name + ("/" if p.is_dir() else "") for p in PKG.iterdir()
            if p.name != "__pycache__" and (p.suffix == ".py" or (p / "__init__.py").exists() or p.is_dir())}
    assert sorted(tree - shown) == [], "add a row to docs/architecture.md's module map"
    assert sorted(shown - tree) == [], "docs/architecture.md's module map names what is not in the tree"


def test_every_file_the_module_map_names_exists():
    """A file a row names lives in that row's package (at any depth) or at the top of the package."""
    missing = []
    for module, job in module_map():
        base = PKG / module
        inside = {p.name for p in base.rglob("*")} if base.is_dir() else set()
        for name in re.findall(r"`([\w/]+(?:\.py|/))`", job):
            if name.rstrip("/") not in inside and not (PKG / name).exists():
                missing.append(f"{module}: {name}")
    assert missing == []
