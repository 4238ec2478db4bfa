import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from communique.model import Article, Event, Report, report_json_schema

SCHEMA_FILE = Path(__file__).parents[1] / "docs" / "report.schema.json"


def test_committed_schema_is_current():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == report_json_schema(), (
        "run `make schema` to regenerate docs/report.schema.json"
    )


def test_report_dump_uses_contract_field_names():
    report = Report(id="x", article=Article(text="Hello.", body="Hello."))
    data = report.to_dict()
    assert data["schema"] == "communique.report/1"
    assert list(data)[:8] == [
        "schema",
        "id",
        "article",
        "entities",
        "quotes",
        "times",
        "places",
        "events",
    ]
    assert data["article"]["captions"] == [] and data["article"]["dateline"] is None


def test_event_type_and_quad_are_validated():
    with pytest.raises(ValidationError):
        Event(id="e1", type="PARTY", quad=1)
    with pytest.raises(ValidationError):
        Event(id="e1", type="CONSULT", quad=7)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Article(text="", headlines="typo")
