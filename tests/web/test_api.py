"""The REST API over a small hand-made record: every endpoint, every filter, the bounds."""

from __future__ import annotations

import pytest


def events(client, **params) -> list[dict]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def types(items) -> list[str]:
    return sorted(e["type"] for e in items)


# --- events --------------------------------------------------------------------------


def test_events_lists_merged_events_newest_first(client):
    body = client.get("/api/events").json()
    assert body["total"] == 5
    assert [e["date"] for e in body["items"]] == [
        "2019-04-10",
        "2019-03-12",
        "2019-03-05",
        "2019-03-05",
        "2019-01-21",
    ]
    consult = next(e for e in body["items"] if e["type"] == "CONSULT")
    assert consult["num_articles"] == 2  # told by TASS and Kyodo, stored once


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor_country": "RUS"}, ["ACCUSE", "CONSULT"]),
        ({"actor_country": "rus"}, ["ACCUSE", "CONSULT"]),
        ({"recipient_country": "RUS"}, ["PROTEST", "REJECT"]),
        ({"actor_country": "UKR", "recipient_country": "RUS"}, ["PROTEST", "REJECT"]),
        ({"dyad": "RUS-UKR"}, ["ACCUSE", "PROTEST", "REJECT"]),
        ({"dyad": "UKR-RUS"}, ["ACCUSE", "PROTEST", "REJECT"]),
        ({"dyad": "JPN,RUS"}, ["CONSULT"]),
        ({"country": "JPN"}, ["AID", "CONSULT"]),
        ({"actor": "Sergey Lavrov"}, ["CONSULT"]),
        ({"actor": "Ukraine"}, ["ACCUSE", "AID", "PROTEST", "REJECT"]),
        ({"type": "ACCUSE"}, ["ACCUSE"]),
        ({"quad": 3}, ["ACCUSE", "PROTEST", "REJECT"]),
        ({"quad": 2}, ["AID"]),
        ({"status": "planned"}, ["PROTEST"]),
        ({"date_from": "2019-03-06"}, ["AID", "PROTEST"]),
        ({"date_to": "2019-03"}, ["ACCUSE", "CONSULT", "PROTEST", "REJECT"]),
        ({"date_from": "2019-03-05", "date_to": "2019-03-05"}, ["ACCUSE", "REJECT"]),
        ({"location": "Kerch"}, ["ACCUSE"]),
        ({"location_country": "RUS"}, ["CONSULT"]),
        ({"dyad": "RUS-UKR", "quad": 3, "status": "occurred"}, ["ACCUSE", "REJECT"]),
        ({"dyad": "FRA-DEU"}, []),
    ],
)
def test_event_filters(client, params, expected):
    assert types(events(client, **params)) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("score", ["PROTEST", "REJECT", "ACCUSE", "CONSULT", "AID"]),
        ("-score", ["AID", "CONSULT", "ACCUSE", "REJECT", "PROTEST"]),
        ("date", ["CONSULT", "ACCUSE", "REJECT", "PROTEST", "AID"]),
        ("-date", ["AID", "PROTEST", "REJECT", "ACCUSE", "CONSULT"]),
        ("type", ["ACCUSE", "AID", "CONSULT", "PROTEST", "REJECT"]),
        ("-mentions", ["CONSULT", "AID", "PROTEST", "REJECT", "ACCUSE"]),  # ties: newest id first
    ],
)
def test_event_sorting(client, sort, expected):
    assert [e["type"] for e in events(client, sort=sort)] == expected


def test_event_paging(client):
    first = client.get("/api/events", params={"limit": 2, "sort": "date"}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "date"}).json()
    assert first["total"] == second["total"] == 5
    assert (first["limit"], second["offset"]) == (2, 2)
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 4


def test_event_detail_has_every_mention_across_articles(client):
    consult = events(client, type="CONSULT")[0]
    detail = client.get(f"/api/events/{consult['id']}").json()
    assert {m["source"] for m in detail["mentions"]} == {"tass", "kyodo"}
    assert {m["headline"].split(":")[0] for m in detail["mentions"]} == {"TASS", "Kyodo"}
    assert all(m["evidence"].startswith("Russian Foreign Minister") for m in detail["mentions"])
    assert detail["actors"][0]["name"] == "Sergey Lavrov"


def test_missing_event_and_article_are_404(client):
    assert client.get("/api/events/999999").status_code == 404
    assert client.get("/api/articles/doesnotexist").status_code == 404
    assert client.get("/api/actors/Nobody%20At%20All").status_code == 404


# --- articles ------------------------------------------------------------------------


def test_articles_search_and_paging(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    assert "report" not in body["items"][0]
    assert [
        a["headline"] for a in client.get("/api/articles", params={"q": "kerch"}).json()["items"]
    ] == ["Russia accuses Ukraine over Kerch incident"]
    # words of the text, not only of the headline
    hits = client.get("/api/articles", params={"q": "humanitarian"}).json()["items"]
    assert [a["source"] for a in hits] == ["NHK"]
    assert client.get("/api/articles", params={"source": "tass"}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "100%"}).json()["total"] == 0
    page = client.get("/api/articles", params={"limit": 3, "offset": 3}).json()
    assert (page["total"], len(page["items"])) == (4, 1)
    assert client.get("/api/articles", params={"date_from": "2019-03"}).json()["total"] == 2


def test_article_detail_is_the_full_report(client):
    article_id = client.get("/api/articles", params={"q": "Japan sends"}).json()["items"][0]["id"]
    body = client.get(f"/api/articles/{article_id}").json()
    report = body["report"]
    assert report["schema"] == "communique.report/1"
    assert report["article"]["headline"] == "Japan sends aid to Ukraine"
    assert [e["type"] for e in report["events"]] == ["AID"]
    assert set(body["event_ids"]) == {"V1"}


# --- actors --------------------------------------------------------------------------


def test_actors_list_and_search(client):
    body = client.get("/api/actors").json()
    names = [a["name"] for a in body["items"]]
    assert names[0] == "Ukraine"  # in four events
    assert "Sergey Lavrov" in names
    assert [a["name"] for a in client.get("/api/actors", params={"q": "lav"}).json()["items"]] == [
        "Sergey Lavrov"
    ]
    assert {
        a["name"] for a in client.get("/api/actors", params={"country": "JPN"}).json()["items"]
    } == {
        "Japan",
        "Taro Kono",
    }


def test_actor_timeline_and_partners(client):
    body = client.get("/api/actors/Russia").json()
    assert body["countries"] == ["RUS"]
    assert body["events"] == 3
    assert [(m["month"], m["events"]) for m in body["timeline"]] == [("2019-03", 3)]
    partner = body["partners"][0]
    assert (partner["name"], partner["events"], partner["as_actor"], partner["as_recipient"]) == (
        "Ukraine",
        3,
        1,
        2,
    )
    assert partner["score"] == pytest.approx((-2.0 - 4.0 - 6.5) / 3, abs=1e-3)
    assert {e["type"] for e in body["recent_events"]} == {"ACCUSE", "REJECT", "PROTEST"}


# --- quotes --------------------------------------------------------------------------


def test_quotes_search_by_speaker_and_text(client):
    assert client.get("/api/quotes").json()["total"] == 3
    lavrov = client.get("/api/quotes", params={"speaker": "lavrov"}).json()
    assert lavrov["total"] == 2
    assert {q["text"] for q in lavrov["items"]} == {"We are ready to work together on the treaty"}
    assert (
        client.get("/api/quotes", params={"q": "onerror"}).json()["items"][0]["speaker_name"]
        == "<b>Evil</b> Corp"
    )
    assert (
        client.get("/api/quotes", params={"speaker": "lavrov", "q": "onerror"}).json()["total"] == 0
    )


# --- stats and locations -------------------------------------------------------------


def test_stats_by_type_month_and_dyad(client):
    body = client.get("/api/stats").json()
    assert body["counts"]["articles"] == 4
    assert body["events"] == 5
    assert {t["type"]: t["events"] for t in body["by_type"]} == {
        "CONSULT": 1, "ACCUSE": 1, "REJECT": 1, "PROTEST": 1, "AID": 1,
    }  # fmt: skip
    months = {m["month"]: (m["events"], m["score"]) for m in body["by_month"]}
    assert months == {
        "2019-01": (1, 1.0),
        "2019-03": (3, pytest.approx(-4.167, abs=1e-3)),
        "2019-04": (1, 7.0),
    }
    dyads = {(d["actor1_country"], d["actor2_country"]): d["events"] for d in body["by_dyad"]}
    assert dyads == {("UKR", "RUS"): 2, ("RUS", "UKR"): 1, ("RUS", "JPN"): 1, ("JPN", "UKR"): 1}


def test_stats_take_the_event_filters(client):
    body = client.get("/api/stats", params={"dyad": "RUS-UKR"}).json()
    assert body["events"] == 3
    assert [m["month"] for m in body["by_month"]] == ["2019-03"]
    assert {t["type"] for t in body["by_type"]} == {"ACCUSE", "REJECT", "PROTEST"}


def test_locations(client):
    places = client.get("/api/locations").json()
    assert [(p["name"], p["events"]) for p in places] == [("Kerch", 1), ("Moscow", 1)]
    assert client.get("/api/locations", params={"type": "ACCUSE"}).json()[0]["name"] == "Kerch"


# --- bounds, methods, schema ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=501",
        "/api/events?limit=0",
        "/api/events?offset=-1",
        "/api/events?type=DANCE",
        "/api/events?quad=5",
        "/api/events?dyad=RUSSIA",
        "/api/events?actor_country=R",
        "/api/events?date_from=yesterday",
        "/api/events?sort=evidence",
        "/api/events?status=maybe",
        "/api/articles?q=" + "x" * 201,
        "/api/quotes?speaker=" + "x" * 201,
        "/api/actors?limit=1000",
    ],
)
def test_requests_out_of_bounds_are_refused(client, url):
    assert client.get(url).status_code == 422


def test_limit_at_the_bound_is_fine(client):
    assert client.get("/api/events?limit=500").status_code == 200
    assert client.get("/api/articles?q=" + "x" * 200).status_code == 200


def test_empty_form_fields_count_as_absent(client):
    assert client.get("/api/events?type=&dyad=&quad=").json()["total"] == 5


def test_only_get(client):
    for method in ("post", "put", "delete", "patch"):
        response = client.request(method.upper(), "/api/events")
        assert response.status_code == 405
    assert client.get("/api/events?" + "a=1&" * 2000).status_code == 414


def test_openapi_documents_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
        "/api/actors", "/api/actors/{name}", "/api/quotes", "/api/stats", "/api/locations",
    } <= paths  # fmt: skip
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor_country", "recipient_country", "dyad", "type", "quad", "status", "date_from",
            "date_to", "location", "sort", "limit", "offset"} <= params  # fmt: skip
    assert all(not p.startswith("/events") for p in paths)  # pages stay out of the API schema


def test_docs_lead_to_the_api_page_built_from_the_schema(client):
    response = client.get("/docs")
    assert response.status_code == 200 and response.url.path == "/api"
    assert "/api/openapi.json" in response.text and "/api/events" in response.text
    assert "cdn" not in response.text.lower()  # nothing loaded from the internet


def test_security_headers(client):
    headers = client.get("/api/stats").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
