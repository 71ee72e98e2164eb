"""The command line, as a user types it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES
from newsprism.schema import validate

EXE = str(Path(sys.executable).with_name("newsprism"))

ARTICLE = ("Port Officials Confirm New Ferry Route\n\nBy Dana Whitfield\n\n"
           "The port authority of Gdansk said on Tuesday that a new ferry route to Karlskrona would start in May. "
           "The authority expects about 40 sailings a week once the route is running.\n\n"
           "Harbor master Piotr Zielinski said the terminal had been rebuilt over two years at a cost of 12 million euros.\n")


def run(*args, stdin=None):
    return subprocess.run([EXE, *args], capture_output=True, text=True, input=stdin, timeout=600)


def test_help_explains_every_command_with_an_example():
    out = run("--help").stdout
    for cmd in ("analyze", "ingest", "entities", "facts", "timeline", "stories", "framing", "serve", "schema", "config"):
        assert cmd in out
    analyze_help = run("analyze", "--help").stdout
    assert "--json" in analyze_help and "Example" in analyze_help


def test_analyze_writes_json_html_and_markdown(tmp_path):
    r = run("analyze", str(SAMPLES), "--json", str(tmp_path / "a.json"), "--html", str(tmp_path / "r.html"),
            "--md", str(tmp_path / "a.md"), "--quiet")
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "a.json").read_text())
    assert data["schema"] == "newsprism/analysis@1" and len(data["documents"]) >= 6
    validate(data)
    assert (tmp_path / "r.html").read_text().startswith("<!doctype html>")
    assert "# newsprism" in (tmp_path / "a.md").read_text()


def test_bad_inputs_get_one_line_each_and_the_rest_is_analyzed(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    r = run("analyze", str(tmp_path), "--json", str(tmp_path / "out.json"), "--quiet")
    assert r.returncode == 0, r.stderr
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert any("empty.txt" in l for l in lines) and any("image.png" in l for l in lines)
    assert len(lines) == 2
    assert [d["id"] for d in json.loads((tmp_path / "out.json").read_text())["documents"]] == ["good"]


def test_nothing_usable_is_a_failure(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    r = run("analyze", str(tmp_path / "empty.txt"), "--json", str(tmp_path / "out.json"), "--quiet")
    assert r.returncode != 0
    assert "empty.txt" in r.stderr


def test_standard_input(tmp_path):
    r = run("analyze", "-", "--json", str(tmp_path / "out.json"), "--quiet", stdin=ARTICLE)
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "out.json").read_text())["documents"][0]
    assert doc["title"] == "Port Officials Confirm New Ferry Route" and doc["author"] == "Dana Whitfield"


def test_ingest_twice_changes_nothing_then_analyze_the_store(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    db = str(tmp_path / "np.duckdb")
    first = run("ingest", str(tmp_path / "in"), "--db", db)
    assert first.returncode == 0 and "1 added" in first.stderr
    again = run("ingest", str(tmp_path / "in"), "--db", db)
    assert "0 added" in again.stderr and "1 documents" in again.stderr
    r = run("analyze", "--db", db, "--json", str(tmp_path / "out.json"), "--quiet")
    assert r.returncode == 0, r.stderr
    assert len(json.loads((tmp_path / "out.json").read_text())["documents"]) == 1


def test_schema_and_config_show():
    schema = json.loads(run("schema").stdout)
    assert schema["$id"] == "newsprism/analysis@1"
    shown = run("config", "show", "--set", "stages.facts=false").stdout
    assert "[stages]" in shown and "facts = false" in shown


@pytest.mark.parametrize("command", ["entities", "facts", "timeline", "stories", "framing"])
def test_views_read_a_saved_analysis(command, tmp_path, sample_analysis):
    saved = tmp_path / "a.json"
    saved.write_text(sample_analysis.to_json())
    r = run(command, "--from", str(saved))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()


def test_ingest_killed_mid_batch_then_rerun_loses_and_doubles_nothing(tmp_path):
    import signal
    import time

    from newsprism.store import Store

    corpus = tmp_path / "in"
    corpus.mkdir()
    n = 120
    for i in range(n):
        (corpus / f"a{i:03d}.txt").write_text(ARTICLE.replace("Gdansk", f"Gdansk district {i}").replace("40", str(40 + i)))
    db = tmp_path / "np.duckdb"
    proc = subprocess.Popen([EXE, "ingest", str(corpus), "--db", str(db), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not (tmp_path / "np.duckdb.wal").exists():
        time.sleep(0.05)
    time.sleep(0.3)  # some documents committed, the batch not finished
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        partial = store.count()
        assert all(d.text for d in store.documents())
    assert partial < n, "the ingest finished before it could be interrupted; enlarge the batch"
    r = run("ingest", str(corpus), "--db", str(db), "--quiet")
    assert r.returncode == 0, r.stderr
    with Store(db) as store:
        docs = list(store.documents())
    assert len(docs) == n
    assert sorted(s for d in docs for s in d.sources) == sorted(str(p) for p in corpus.glob("*.txt"))


def test_a_store_held_by_another_process_is_one_line_and_wait_waits_for_it(tmp_path):
    db = tmp_path / "held.duckdb"
    (tmp_path / "a.txt").write_text(ARTICLE)
    code = ("import sys, time; from newsprism.store import Store; s = Store(sys.argv[1]); print('held', flush=True); "
            "time.sleep(float(sys.argv[2])); s.close()")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db), "4"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for args in (["ingest", str(tmp_path / "a.txt"), "--db", str(db)], ["analyze", "--db", str(db)],
                     ["facts", "--db", str(db)]):
            r = run(*args)
            assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
            lines = r.stderr.strip().splitlines()
            assert len(lines) == 1 and f"is in use by PID {holder.pid}" in lines[0] and "--wait" in lines[0], lines
        r = run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "--wait", "60", "--quiet")
        assert r.returncode == 0, r.stderr
    finally:
        holder.kill()
        holder.wait()


def test_serve_names_the_holder_of_its_store(tmp_path):
    db = tmp_path / "held.duckdb"
    code = "import sys, time; from newsprism.store import Store; s = Store(sys.argv[1]); print('held', flush=True); time.sleep(30)"
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        r = run("serve", "--db", str(db), "--port", "0")
        assert r.returncode == 1 and "Traceback" not in r.stderr and f"PID {holder.pid}" in r.stderr
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_folder_is_one_line_not_a_hang(tmp_path):
    import os

    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    r = run("analyze", str(tmp_path), "--json", str(tmp_path / "out.json"))  # run() times out rather than hang
    assert r.returncode == 0, r.stderr
    assert f"newsprism: skipped {tmp_path / 'pipe.txt'}: not a regular file (a FIFO)" in r.stderr


def test_summary_names_each_written_file_on_its_own_unbroken_line(tmp_path):
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "out"
    deep.mkdir(parents=True)
    (tmp_path / "good.txt").write_text(ARTICLE)
    paths = [deep / "analysis.json", deep / "report.html"]
    r = subprocess.run([EXE, "analyze", str(tmp_path / "good.txt"), "--json", str(paths[0]), "--html", str(paths[1])],
                       capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "60"})
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert [l for l in lines if l.startswith("wrote ")] == [f"wrote {p}" for p in paths]
    assert any(l.startswith("1 document,") and l.endswith("contested)") for l in lines)   # one line, unbroken


def test_serve_on_a_busy_port_says_so(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = run("serve", "--db", str(tmp_path / "x.duckdb"), "--port", str(port))
    assert r.returncode == 1
    assert f"port {port} is in use; try --port" in r.stderr
    assert "Errno" not in r.stderr


def test_python_dash_m_runs_the_same_command_line():
    out = subprocess.run([sys.executable, "-m", "newsprism", "--help"], capture_output=True, text=True, check=True).stdout
    assert "analyze" in out
