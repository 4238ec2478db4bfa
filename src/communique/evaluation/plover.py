"""PLOVER's CAMEO-manual gold records (``events/plover_gsr_cameo.jsonl``), as the actors and
events evaluators read them: one sentence each, with ``source``/``target`` lists of
``{actorText, code, sector?}`` and the gold ``event``."""

from __future__ import annotations

import json
from pathlib import Path

PLACEHOLDER_DATE = "2000-01-01"  # every record of the CAMEO-manual set carries it
# The set's country codes that are not ISO 3166 alpha-3: CAMEO's own (GMY, UKG, ...) and the
# older ones of the manual's examples (GER, UK, ...).
CAMEO_COUNTRIES = {
    "FRN": "FRA",
    "GER": "DEU",
    "GMY": "DEU",
    "ITL": "ITA",
    "JAP": "JPN",
    "ROM": "ROU",
    "UK": "GBR",
    "UKG": "GBR",
    "VTN": "VNM",
    "YUG": "SRB",
}


def iso_country(code: str) -> str:
    """The ISO alpha-3 code of a gold country code (the code itself when it is one)."""
    return CAMEO_COUNTRIES.get(code, code)


def record_date(record: dict) -> str | None:
    """The record's date, or None for the set's placeholder."""
    date = record.get("date")
    return None if date == PLACEHOLDER_DATE else date


def read_records(path: Path, limit: int | None = None) -> list[dict]:
    """The records of a JSONL file in order, the first ``limit`` of them when given."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
    return records[:limit] if limit else records
