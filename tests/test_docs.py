"""The documentation cannot drift: its Python examples run as doctests (see pyproject), and every
`$ newsprism ...` line of its console examples runs here and must succeed."""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
BIN = Path(sys.executable).parent


def console_commands():
    for path in DOCS:
        for block in re.findall(r"```console\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            for line in block.splitlines():
                if line.startswith("$ newsprism "):
                    yield pytest.param(line[2:].split("#")[0].strip(), id=f"{path.name}: {line[2:60]}")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A scratch checkout for the examples: the samples linked in, out/ its own, so `make test` never
    overwrites what `make run` wrote to out/."""
    d = tmp_path_factory.mktemp("docs-examples")
    (d / "samples").symlink_to(ROOT / "samples", target_is_directory=True)
    (d / "out").mkdir()
    return d


@pytest.mark.parametrize("command", list(console_commands()))
def test_console_example_runs(command, workdir):
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    r = subprocess.run(shlex.split(command), cwd=workdir, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"{command}\n{r.stderr[-2000:]}"


def test_every_doc_page_is_linked_from_the_quick_start():
    quick = (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        if page.name not in ("quickstart.md", "architecture.md"):
            assert f"({page.name})" in quick, page.name
