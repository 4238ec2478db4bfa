"""communique bench: the generated corpus and the measurements on a tiny run."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from communique.bench import (
    example_documents,
    generated_corpus,
    run_bench,
    stages_present,
    write_jsonl,
)
from communique.pipeline import content_id

STORIES = {
    "talks.txt": "MOSCOW, January 22 (TASS). Russian Foreign Minister Sergei Lavrov met Japanese Foreign "
    "Minister Taro Kono in Moscow on Tuesday.\n\nThe ministers discussed a peace treaty.\n\n"
    "Lavrov said the talks were useful.\n\nKono said Japan wanted progress.",
    "sanctions.html": "<html><body><h1>Sanctions</h1><p>WASHINGTON, March 5 (AP). The United States "
    "imposed sanctions on Russia on Tuesday, the Treasury said.</p></body></html>",
}


def make_examples(folder):
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("not news")
    return folder


def test_generated_variants_are_distinct_and_cycle_through_the_examples(tmp_path):
    examples = example_documents(make_examples(tmp_path / "examples"))
    assert len(examples) == 2
    corpus = list(generated_corpus(examples, 7))
    assert len({content_id(d.content) for d in corpus}) == 7
    assert [d.html for d in corpus] == [True, False] * 3 + [True]
    assert all("Archive copy" in d.content for d in corpus)
    path = write_jsonl(corpus, tmp_path / "corpus.jsonl")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 7


def test_stages_present_lists_every_stage():
    assert list(stages_present()) == ["entities", "quotes", "times", "places", "events"]


def test_a_tiny_bench_measures_speed_writes_and_ingest(tmp_path, nlp, monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_BENCH_PG", raising=False)
    monkeypatch.delenv("COMMUNIQUE_TEST_PG", raising=False)
    figures = run_bench(
        docs=4, examples=make_examples(tmp_path / "examples"), workers=(1,), memory=False
    )
    speed = figures["speed (CPU time)"]
    assert speed["spacy nlp.pipe"]["docs/s"] > 0 and speed["communique"]["tokens/s"] > 0
    assert figures["ratio (communique/spaCy docs/s)"] > 0
    assert figures["store writes"]["sqlite"]["documents"] == 4
    assert figures["ingest"]["1 worker(s)"]["documents"] == 4
    shares = figures["stage share of spaCy time"]
    assert set(shares) == {*stages_present(), "entities + events"}
    assert shares["entities + events"] == round(shares["entities"] + shares["events"], 4) > 0
    loading = figures["table loading"]
    assert loading["seconds"] > 0 and loading["rss_mb"] > 0
    json.dumps(figures)  # JSON-ready


def test_bench_command_writes_json(tmp_path, nlp, monkeypatch):
    import communique.bench as bench_module
    from communique.cli import app

    def tiny(**options):
        return run_bench(**{**options, "docs": 2, "workers": (1,), "memory": False})

    monkeypatch.setattr(bench_module, "run_bench", tiny)
    monkeypatch.delenv("COMMUNIQUE_BENCH_PG", raising=False)
    monkeypatch.delenv("COMMUNIQUE_TEST_PG", raising=False)
    out = tmp_path / "bench.json"
    examples = make_examples(tmp_path / "examples")
    result = CliRunner().invoke(app, ["bench", "--examples", str(examples), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "communique bench" in result.output
    assert json.loads(out.read_text())["documents"] == 2
