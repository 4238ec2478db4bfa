"""The same input gives the same report, byte for byte: twice in one process, after other
documents, in a batch, and in fresh processes with different hash seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import communique
from communique import Document, Report, cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TEXT_EXAMPLE = EXAMPLES / "tass-2019-01-29.txt"
HTML_EXAMPLE = EXAMPLES / "minsk-ii-2015.html"
OTHER_EXAMPLE = EXAMPLES / "singapore-summit-2018.txt"
COMMUNIQUE = Path(sys.executable).with_name("communique")
HASH_SEEDS = ("0", "4242")


def _analyze_file(path: Path) -> str:
    return communique.analyze(
        path.read_text(encoding="utf-8"), html=path.suffix == ".html", id=path.stem
    ).to_json(indent=2)


@pytest.mark.parametrize("path", [TEXT_EXAMPLE, HTML_EXAMPLE], ids=lambda p: p.name)
def test_same_report_twice_in_one_process(path):
    first = _analyze_file(path)
    _analyze_file(OTHER_EXAMPLE)  # nothing carries over from one document to the next
    assert _analyze_file(path) == first


def test_batch_gives_the_same_reports_as_one_by_one():
    paths = [TEXT_EXAMPLE, HTML_EXAMPLE, OTHER_EXAMPLE]
    documents = [
        Document(content=p.read_text(encoding="utf-8"), html=p.suffix == ".html", id=p.stem)
        for p in paths
    ]
    batch = list(communique.analyze_many(documents, batch_size=2))
    assert all(isinstance(report, Report) for report in batch)
    assert [report.to_json(indent=2) for report in batch] == [_analyze_file(p) for p in paths]


@pytest.fixture(scope="module")
def fresh_process_outputs() -> dict[tuple[str, str], bytes]:
    """``communique analyze`` on each example in fresh processes, one per hash seed, run side
    by side: {(example name, seed): stdout}."""
    if not COMMUNIQUE.exists():
        pytest.skip(f"{COMMUNIQUE} is not installed")
    running = {}
    for path in (TEXT_EXAMPLE, HTML_EXAMPLE):
        for seed in HASH_SEEDS:
            env = {**os.environ, "PYTHONHASHSEED": seed}
            running[path.name, seed] = subprocess.Popen(
                [str(COMMUNIQUE), "analyze", str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=ROOT,
            )
    outputs = {}
    for key, process in running.items():
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr.decode("utf-8", "replace")
        outputs[key] = stdout
    return outputs


@pytest.mark.parametrize("path", [TEXT_EXAMPLE, HTML_EXAMPLE], ids=lambda p: p.name)
def test_same_report_in_fresh_processes_with_other_hash_seeds(fresh_process_outputs, path):
    outputs = [fresh_process_outputs[path.name, seed] for seed in HASH_SEEDS]
    assert outputs[0].strip(), "no report written"
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("path", [TEXT_EXAMPLE, HTML_EXAMPLE], ids=lambda p: p.name)
def test_cli_in_this_process_matches_fresh_processes(
    fresh_process_outputs, path, monkeypatch, capsysbinary
):
    """This process has yet another hash seed (pytest's own), and its stages have already
    seen other documents."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["communique", "analyze", str(path)])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert (info.value.code or 0) == 0
    assert capsysbinary.readouterr().out == fresh_process_outputs[path.name, HASH_SEEDS[0]]
