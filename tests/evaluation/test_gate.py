"""The evaluation gate: targets read from one data file, the same as the README's, and a
missed or missing figure fails."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.evaluation import EVALUATORS
from communique.evaluation.gate import Target, check, figure, read_targets

ROOT = Path(__file__).resolve().parents[2]
BENCH_STAGES = frozenset({"speed", "store", "memory", "web"})  # measured by communique bench


def _measured_rows() -> list[list[str]]:
    """The README's "Measured" table: [stage, measure, figure, target] per row."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Measured", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith("| stage |")
    ]
    return [row for row in rows if len(row) == 4]


def _numbers(cell: str) -> set[float]:
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", cell)}


def test_every_target_is_in_the_readme_row_it_names():
    rows = _measured_rows()
    for target in read_targets():
        stage, measure = (part.strip() for part in target.row.split("|", 1))
        matching = [r for r in rows if r[0] == stage and measure in r[1]]
        assert matching, f"no README row {target.row!r}"
        assert any(target.at_least in _numbers(r[3]) for r in matching), target


def test_every_readme_target_that_make_eval_measures_is_gated():
    gated = {tuple(p.strip() for p in t.row.split("|", 1)) for t in read_targets()}
    for stage, measure, _figure, goal in _measured_rows():
        if stage in BENCH_STAGES or not _numbers(goal) or "not in `make eval`" in goal:
            continue
        assert any(s == stage and m in measure for s, m in gated), (stage, measure)


def test_every_result_is_written_by_make_eval():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    written = set(re.findall(r"--json \$\(EVAL_OUT\)/(\w+)\.json", makefile))
    assert {t.result for t in read_targets()} <= written
    assert set(re.findall(r"\$\(EVAL\) (\w+) ", makefile)) <= set(EVALUATORS)
    assert "communique gate $(EVAL_OUT)" in makefile


def test_the_gate_fails_on_a_missed_or_missing_figure(tmp_path):
    (tmp_path / "times.json").write_text(json.dumps({"value_f1": 0.81, "per": {"x": 0.9}}))
    targets = [
        Target("times", "value_f1", 0.82, "times | value"),
        Target("times", "per/x", 0.85, "times | nested"),
        Target("times", "relaxed_f1", 0.9, "times | absent"),
        Target("places", "recall", 0.5, "places | no file"),
    ]
    assert [(c.value, c.met) for c in check(tmp_path, targets)] == [
        (0.81, False),
        (0.9, True),
        (None, False),
        (None, False),
    ]
    assert figure({"a": {"b": None}}, "a/b") is None


def test_a_malformed_targets_line_is_refused_with_its_number(tmp_path):
    path = tmp_path / "targets.tsv"
    path.write_text("# comment\nresult\tfigure\tat_least\trow\ntimes\tvalue_f1\thigh\tx\n")
    with pytest.raises(InputError, match=r"targets.tsv:3: at_least is not a number"):
        read_targets(path)


def test_the_gate_command_exits_1_when_a_target_is_missed(run, tmp_path):
    results = tmp_path / "results"
    results.mkdir()
    (results / "times.json").write_text(json.dumps({"value_f1": 0.5}))
    code, out, err = run("gate", str(results))
    assert code == 1 and "MISSED" in out and "target(s) missed" in err
