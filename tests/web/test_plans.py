"""The events query picks its plan from the data; every plan must give the same rows.

A few thousand synthetic events (the benchmark's generator), each filter run with the
thresholds pushed both ways, checked against the same filter applied in Python.
"""

from __future__ import annotations

import pytest

from communique.web import bench, queries
from communique.web.db import readonly_engine

FILTERS = [
    {},
    {"country": "USA"},
    {"actor_country": "RUS"},
    {"recipient_country": "UKR", "quad": 4},
    {"actor_country": "USA", "recipient_country": "CHN"},
    {"dyad": "RUS-UKR"},
    {"dyad": "USA-CHN", "type": "ACCUSE"},
    {"country": "JPN", "date_from": "2019-01", "date_to": "2019-06"},
    {"quad": 3, "status": "planned"},
    {"location": "Geneva"},
    {"actor": "Foreign Minister of RUS"},
    {"date_from": "2020-01-01", "date_to": "2020-03-31"},
]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('plans') / 'synthetic.db'}"
    bench.fill(url, 3000, batch=1000)
    engine = readonly_engine(url)
    with engine.connect() as conn:
        everything = queries.search_events(conn, limit=500, offset=0)
        rows = []
        offset = 0
        while True:
            page = queries._page(conn, [], queries._order_by("-date", "sqlite"), 500, offset)
            rows += page
            if len(page) < 500:
                break
            offset += 500
        dyads = {}
        for row in conn.exec_driver_sql(
            "SELECT event_id, actor1_country, actor2_country FROM event_dyads"
        ):
            dyads.setdefault(row[0], []).append((row[1], row[2]))
    assert everything["total"] == queries.COUNT_CAP and not everything["total_exact"]
    yield engine, rows, dyads
    engine.dispose()


def expected(rows: list[dict], dyads: dict, f: dict) -> list[int]:
    def keep(e: dict) -> bool:
        people = e["actors"] + e["recipients"]
        pairs = dyads.get(e["id"], [])
        checks = [
            ("country", lambda v: any(p["country"] == v for p in people)),
            ("actor", lambda v: any(p["name"] == v for p in people)),
            ("actor_country", lambda v: any(a == v and (not f.get("recipient_country") or b == f["recipient_country"]) for a, b in pairs)),
            ("recipient_country", lambda v: any(b == v and (not f.get("actor_country") or a == f["actor_country"]) for a, b in pairs)),
            ("dyad", lambda v: any({a, b} == set(v.split("-")) for a, b in pairs)),
            ("type", lambda v: e["type"] == v),
            ("quad", lambda v: e["quad"] == v),
            ("status", lambda v: e["status"] == v),
            ("location", lambda v: e["location_name"] == v),
            ("date_from", lambda v: e["date"] is not None and e["date"] >= v),
            ("date_to", lambda v: e["date"] is not None and e["date"] <= v + "\uffff"),
        ]  # fmt: skip
        return all(test(f[key]) for key, test in checks if key in f)

    matching = [e for e in rows if keep(e)]
    dated = sorted(
        (e for e in matching if e["date"]), key=lambda e: (e["date"], e["id"]), reverse=True
    )
    return [
        e["id"]
        for e in dated + sorted((e for e in matching if not e["date"]), key=lambda e: -e["id"])
    ]


@pytest.mark.parametrize("broad", [0, 10**9], ids=["probe", "list"])
@pytest.mark.parametrize("cap", [5, 10**6], ids=["capped", "exact"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "none")
def test_every_plan_gives_the_same_page(synthetic, monkeypatch, filters, broad, cap):
    engine, rows, dyads = synthetic
    monkeypatch.setattr(queries, "BROAD", broad)
    monkeypatch.setattr(queries, "COUNT_CAP", cap)
    want = expected(rows, dyads, filters)
    with engine.connect() as conn:
        first = queries.search_events(conn, limit=20, **filters)
        second = queries.search_events(conn, limit=20, offset=20, **filters)
    assert [e["id"] for e in first["items"] + second["items"]] == want[:40]
    assert first["total"] == min(len(want), cap)
    assert first["total_exact"] == (len(want) <= cap)


@pytest.mark.parametrize("broad", [0, 10**9], ids=["probe", "list"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "none")
def test_other_sorts_give_the_same_page(synthetic, monkeypatch, filters, broad):
    engine, rows, dyads = synthetic
    monkeypatch.setattr(queries, "BROAD", broad)
    by_id = {e["id"]: e for e in rows}
    matching = [by_id[i] for i in expected(rows, dyads, filters)]
    want = [e["id"] for e in sorted(matching, key=lambda e: (-e["num_mentions"], -e["id"]))]
    with engine.connect() as conn:
        got = queries.search_events(conn, sort="-mentions", limit=30, **filters)
    assert [e["id"] for e in got["items"]] == want[:30]
