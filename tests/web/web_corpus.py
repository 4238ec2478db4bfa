"""A small hand-made record for the web tests: reports written through the store's API.

No NLP runs here: each report's entities, quotes, times, places and events are given
with offsets found in its text, so the tests do not depend on the extraction stages.
"""

from __future__ import annotations

from communique.model import Report
from communique.store import Store

HOSTILE = "<script>alert('pwned')</script> and <img src=x onerror=alert(1)>"


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _span(text: str, needle: str, nth: int = 0) -> dict:
    start, end = _at(text, needle, nth)
    return {"start": start, "end": end, "text": needle}


def _entity(eid, name, type_, text, needles, country=None, sector="GOV"):
    actor = (
        {"country": country, "sector": sector, "code": f"{country}{sector}"} if country else None
    )
    return {
        "id": eid,
        "name": name,
        "type": type_,
        "mentions": [_span(text, n) for n in needles],
        "actor": actor,
    }


def _participant(entity: dict) -> dict:
    actor = entity.get("actor") or {}
    return {
        "entity": entity["id"],
        "name": entity["name"],
        "country": actor.get("country"),
        "sector": actor.get("sector"),
    }


def _event(eid, type_, cameo, quad, score, text, sentence, trigger, actors, recipients=(),
           date=None, place=None, status="occurred"):  # fmt: skip
    start, end = _at(text, sentence)
    location = None
    if place:
        location = {"place": place["id"], "name": place["name"], "country": place["country"],
                    "lat": place["lat"], "lon": place["lon"]}  # fmt: skip
    return {
        "id": eid, "type": type_, "cameo": cameo, "quad": quad, "score": score,
        "actors": [_participant(a) for a in actors],
        "recipients": [_participant(r) for r in recipients],
        "date": date, "location": location, "status": status, "evidence": sentence,
        "start": start, "end": end, "mentions": [{"start": start, "end": end}],
        "confidence": 0.9, "trigger": trigger,
    }  # fmt: skip


def _place(pid, text, needle, name, country, lat, lon):
    return {"id": pid, **_span(text, needle), "name": name, "country": country, "lat": lat,
            "lon": lon, "feature": "city"}  # fmt: skip


def _report(rid, headline, body, date, source, build) -> Report:
    text = f"{headline}\n\n{body}"
    sections = build(text)
    article = {"headline": headline, "body": body, "text": text, "date": date, "source": source,
               "language": "en", "url": f"https://news.example/{rid}"}  # fmt: skip
    return Report.model_validate({"id": rid, "article": article, **sections})


def moscow_meeting(rid: str, source: str, date: str, lead: str) -> Report:
    """Lavrov meets Kono in Moscow (two articles tell it: the store merges them)."""
    headline = f"{lead}: Lavrov and Kono hold talks in Moscow"
    body = (
        "Russian Foreign Minister Sergey Lavrov met Japanese Foreign Minister Taro Kono "
        "in Moscow on Monday to discuss a peace treaty.\n\n"
        '"We are ready to work together on the treaty," Lavrov told reporters.'
    )

    def build(text):
        lavrov = _entity("E1", "Sergey Lavrov", "PERSON", text, ["Sergey Lavrov"], "RUS")
        lavrov["mentions"].append(_span(text, "Lavrov", 2))  # "... Lavrov told reporters"
        kono = _entity("E2", "Taro Kono", "PERSON", text, ["Taro Kono"], "JPN")
        moscow = _place("P1", text, "Moscow", "Moscow", "RUS", 55.7558, 37.6173)
        moscow2 = _place("P2", text, "Moscow", "Moscow", "RUS", 55.7558, 37.6173)
        moscow2["start"], moscow2["end"] = _at(text, "Moscow", 1)
        sentence = text[_at(text, "Russian Foreign")[0] : _at(text, "peace treaty.")[1]]
        quote_start, quote_end = _at(text, '"We are ready to work together on the treaty,"')
        return {
            "entities": [lavrov, kono],
            "places": [moscow, moscow2],
            "times": [
                {"text": "Monday", **_span(text, "Monday"), "type": "DATE", "value": "2019-01-21"}
            ],
            "quotes": [
                {
                    "id": "Q1",
                    "text": text[quote_start + 1 : quote_end - 2],
                    "start": quote_start + 1,
                    "end": quote_end - 2,
                    "kind": "direct",
                    "cue": "told",
                    "speaker": {"entity": "E1", "name": "Sergey Lavrov", "text": "Lavrov"},
                }
            ],  # fmt: skip
            "events": [
                _event(
                    "V1",
                    "CONSULT",
                    "040",
                    1,
                    1.0,
                    text,
                    sentence,
                    "met",
                    [lavrov],
                    [kono],
                    date="2019-01-21",
                    place=moscow2,
                )
            ],  # fmt: skip
        }

    return _report(rid, headline, body, date, source, build)


def kerch_accusation() -> Report:
    """Russia accuses Ukraine; the article also carries hostile markup that must stay text."""
    headline = "Russia accuses Ukraine over Kerch incident"
    body = (
        "Russia accused Ukraine of a provocation near Kerch on Tuesday.\n\n"
        f"A reader comment read {HOSTILE} before it was removed.\n\n"
        "Kyiv rejected the claim and said it would protest at the United Nations next week."
    )

    def build(text):
        russia = _entity("E1", "Russia", "GPE", text, ["Russia"], "RUS")
        ukraine = _entity("E2", "Ukraine", "GPE", text, ["Ukraine"], "UKR")
        russia["mentions"] = [_span(text, "Russia"), _span(text, "Russia", 1)]
        ukraine["mentions"] = [_span(text, "Ukraine"), _span(text, "Ukraine", 1)]
        kyiv = _entity("E3", "Ukraine", "GPE", text, ["Kyiv"], "UKR")
        evil = _entity("E4", "<b>Evil</b> Corp", "ORG", text, ["onerror=alert(1)"])
        kerch = _place("P1", text, "Kerch", "Kerch", "UKR", 45.3607, 36.4706)
        kerch["start"], kerch["end"] = _at(text, "Kerch", 1)  # the body's, not the headline's
        accusation = text[_at(text, "Russia accused")[0] : _at(text, "on Tuesday.")[1]]
        protest = text[_at(text, "Kyiv rejected")[0] : _at(text, "next week.")[1]]
        return {
            "entities": [russia, ukraine, kyiv, evil],
            "places": [kerch],
            "times": [{"text": "Tuesday", **_span(text, "Tuesday"), "type": "DATE", "value": "2019-03-05"},
                      {"text": "next week", **_span(text, "next week"), "type": "DATE", "value": "2019-W11"}],  # fmt: skip
            "quotes": [{"id": "Q1", "text": HOSTILE, **{k: v for k, v in _span(text, HOSTILE).items() if k != "text"},
                        "kind": "direct", "cue": "read",
                        "speaker": {"entity": "E4", "name": "<b>Evil</b> Corp", "text": "x"}}],  # fmt: skip
            "events": [
                _event("V1", "ACCUSE", "112", 3, -2.0, text, accusation, "accused", [russia], [ukraine],
                       date="2019-03-05", place=kerch),
                _event("V2", "REJECT", "120", 3, -4.0, text, protest, "rejected", [kyiv], [russia],
                       date="2019-03-05"),
                _event("V3", "PROTEST", "140", 3, -6.5, text, protest, "protest", [kyiv], [russia],
                       date="2019-03-12", status="planned"),
            ],
        }  # fmt: skip

    return _report("kerch", headline, body, "2019-03-05", "Wire <i>Daily</i>", build)


def aid_delivery() -> Report:
    """Japan sends aid to Ukraine (no place on the map)."""
    headline = "Japan sends aid to Ukraine"
    body = "Japan delivered humanitarian aid to Ukraine in April, officials said."

    def build(text):
        japan = _entity("E1", "Japan", "GPE", text, ["Japan"], "JPN")
        japan["mentions"] = [_span(text, "Japan"), _span(text, "Japan", 1)]
        ukraine = _entity("E2", "Ukraine", "GPE", text, ["Ukraine"], "UKR")
        ukraine["mentions"] = [_span(text, "Ukraine"), _span(text, "Ukraine", 1)]
        sentence = body
        return {
            "entities": [japan, ukraine],
            "times": [
                {"text": "April", **_span(text, "April"), "type": "DATE", "value": "2019-04"}
            ],
            "events": [
                _event(
                    "V1",
                    "AID",
                    "070",
                    2,
                    7.0,
                    text,
                    sentence,
                    "delivered",
                    [japan],
                    [ukraine],
                    date="2019-04-10",
                )
            ],  # fmt: skip
        }

    return _report("aid", headline, body, "2019-04-10", "NHK", build)


def reports() -> list[Report]:
    return [
        moscow_meeting("tass", "TASS", "2019-01-22", "TASS"),
        moscow_meeting("kyodo", "Kyodo", "2019-01-22", "Kyodo"),
        kerch_accusation(),
        aid_delivery(),
    ]


def build_database(url: str) -> Store:
    """Write the corpus into a fresh database at ``url``."""
    store = Store(url)
    for report in reports():
        store.write_report(report, location=f"test/{report.id}.txt")
    return store
