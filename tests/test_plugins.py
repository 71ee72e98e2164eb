"""Extension points: a plugin package adds a reader and a stage through entry points, and the CLI uses both."""
import json
import os
import subprocess
import sys
from pathlib import Path

PLUGIN = Path(__file__).parent / "plugin_pkg"
MEMO = """TITLE: Ferry service resumes after storm
BY: Ilse Marten
DATE: 2024-02-12
---
The ferry service between Rostock and Gedser resumed on Monday after a storm had halted it for three days.
The operator said all sailings would run on schedule from Tuesday.
"""


def test_plugin_reader_and_stage_are_used_by_analyze(tmp_path):
    import shutil

    target, source = tmp_path / "site", tmp_path / "plugin_src"
    shutil.copytree(PLUGIN, source)  # pip builds in the source folder: keep the repository clean
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(source)], check=True, capture_output=True)
    (tmp_path / "note.memo").write_text(MEMO)
    env = dict(os.environ, PYTHONPATH=str(target))
    out = tmp_path / "out.json"
    exe = str(Path(sys.executable).with_name("newsprism"))
    r = subprocess.run([exe, "analyze", str(tmp_path / "note.memo"), "--json", str(out), "--quiet"],
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text())["documents"][0]
    assert doc["title"] == "Ferry service resumes after storm"
    assert doc["author"] == "Ilse Marten"
    assert doc["published"] == "2024-02-12"
    assert any(n.startswith("wordcount: ") for n in doc["notes"])
    shown = subprocess.run([exe, "config", "show"], env=env, capture_output=True, text=True).stdout
    assert "wordcount" in shown
