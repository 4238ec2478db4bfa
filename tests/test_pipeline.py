"""The stage registry: declared stages, a checked run order, exclusion, one error handler,
third-party stages through the entry point, and imports that leave spaCy alone."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import catalogue
import pytest

import communique
from communique import pipeline
from communique.document import Analysis
from communique.errors import InputError
from communique.model import Article, Report
from communique.pipeline import Stage, build, run, run_order

TEXT = (
    "Russian Foreign Minister Sergei Lavrov met Japanese Foreign Minister Taro Kono in Moscow "
    'on Monday. "The talks were useful," Lavrov told reporters.'
)
SRC = Path(__file__).resolve().parents[1] / "src"


def _stage(name, requires=(), assigns=(), annotate=None):
    return Stage(name, annotate or (lambda analysis: None), tuple(requires), tuple(assigns))


def test_the_built_in_stages_run_in_dependency_order():
    assert [s.name for s in build()] == ["entities", "quotes", "times", "places", "events"]
    events = {s.name: s for s in build()}["events"]
    assert set(events.requires) == {"entities", "quotes", "times", "places", "location_candidates"}


def test_every_report_section_is_declared_by_a_stage():
    assigned = {name for s in build() for name in s.assigns}
    sections = set(Report.model_fields) - {"schema_", "id", "article", "warnings"}
    assert sections == pipeline.REPORT_SECTIONS
    assert assigned == sections | {"location_candidates"}


def test_exclude_drops_a_stage_and_leaves_its_section_empty(nlp):
    full = communique.analyze(TEXT, date="2019-01-29")
    partial = communique.analyze(TEXT, date="2019-01-29", exclude=("quotes", "events"))
    assert full.quotes and full.events
    assert partial.quotes == [] and partial.events == []
    assert partial.entities == full.entities and partial.places == full.places


def test_exclude_refuses_unknown_stages_and_missing_requirements():
    with pytest.raises(InputError, match="no stage called 'quotse'"):
        build(["quotse"])
    with pytest.raises(InputError, match="exclude quotes, events too"):
        build(["entities"])
    assert [s.name for s in build(["entities", "quotes", "events"])] == ["times", "places"]


def test_the_run_order_follows_requirements_not_registration():
    late = _stage("late", requires=("quotes",), assigns=("events",))
    early = _stage("early", assigns=("quotes",))
    assert [s.name for s in run_order([late, early])] == ["early", "late"]


def test_a_circle_or_a_doubly_assigned_name_is_refused():
    first = _stage("a", requires=("quotes",), assigns=("events",))
    second = _stage("b", requires=("events",), assigns=("quotes",))
    with pytest.raises(InputError, match="in a circle"):
        run_order([first, second])
    with pytest.raises(InputError, match="both assign 'quotes'"):
        run_order([_stage("a", assigns=("quotes",)), _stage("b", assigns=("quotes",))])
    with pytest.raises(InputError, match="which no stage assigns"):
        run_order([_stage("a", requires=("times",))])


def test_a_declaration_must_name_a_section_or_a_shared_field():
    with pytest.raises(ValueError, match="sentiment"):
        pipeline.stage("sentiment", assigns=("sentiment",))


def test_a_failing_stage_becomes_a_warning_and_the_rest_still_run(nlp):
    def broken(analysis: Analysis) -> None:
        analysis.report.quotes = []  # partly filled before it fails
        analysis.location_candidates = ["half done"]
        raise RuntimeError("boom")

    def later(analysis: Analysis) -> None:
        analysis.report.warnings.append(f"later ran, candidates {analysis.location_candidates}")

    report = Report(id="x", article=Article(text=TEXT))
    analysis = Analysis(report=report, doc=nlp(TEXT))
    stages = [
        _stage("broken", assigns=("quotes", "location_candidates"), annotate=broken),
        _stage("later", annotate=later),
    ]
    run(analysis, stages)
    assert report.warnings == ["broken: RuntimeError: boom", "later ran, candidates []"]
    assert report.quotes == [] and analysis.location_candidates == []


def _plugin_module():
    """What loading the entry point does: import the plugin's module, which declares it."""

    @pipeline.stage("shout", requires=("quotes",))
    def annotate(analysis: Analysis) -> None:
        analysis.report.warnings.append("shout")

    return annotate


def test_a_third_party_stage_registers_through_the_entry_point(monkeypatch, nlp):
    entry_point = type("EntryPoint", (), {"name": "shout", "load": lambda self: _plugin_module()})
    monkeypatch.setattr(pipeline.stages, "_get_entry_points", lambda: [entry_point()])
    pipeline._build.cache_clear()
    try:
        assert [s.name for s in build()][-1] == "shout"
        assert [s.name for s in build(["events"])][-1] == "shout"
        assert communique.analyze(TEXT).warnings == ["shout"]
    finally:
        monkeypatch.undo()
        catalogue.REGISTRY.pop(("communique", "stages", "shout"), None)
        pipeline._build.cache_clear()
    assert "shout" not in [s.name for s in build()]


def test_the_cli_takes_exclude(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    code, out, err = run("analyze", "a.txt", "--exclude", "quotes,events", "--exclude", "times")
    assert code == 0, err
    report = json.loads(out)
    assert report["quotes"] == report["events"] == report["times"] == []
    assert report["entities"]
    code, _, err = run("analyze", "a.txt", "--exclude", "places")
    assert code == 1 and err.startswith("error: stage 'events' requires 'places'")


LIGHT = """
import sys
from typer.testing import CliRunner
import uvicorn
from communique.cli import app
from communique.store import Store

Store("sqlite:///{db}")  # an empty database to serve and export
uvicorn.run = lambda *args, **kwargs: None  # the server is not started: only its imports
runner = CliRunner()
for args in (["--version"], ["serve", "--db", "sqlite:///{db}"],
             ["export", "{out}", "--format", "jsonl", "--db", "sqlite:///{db}"]):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, (args, result.output, result.exception)
import communique
assert communique.__version__
heavy = sorted(m for m in ("spacy", "thinc", "trafilatura", "communique.nlp") if m in sys.modules)
print(heavy)
"""


def test_version_serve_and_export_do_not_import_spacy(tmp_path):
    script = LIGHT.format(db=tmp_path / "c.db", out=tmp_path / "out.jsonl")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_package_exports_its_names_lazily():
    assert communique.Document is pipeline.Document
    assert communique.Failure is pipeline.Failure
    assert communique.Report is Report
    assert callable(communique.analyze) and callable(communique.analyze_many)
    with pytest.raises(AttributeError):
        _ = communique.nothing_here
