"""``communique eval places``: toponym recognition and resolution against gold data.

Reads GeoWebNews (``GWN.xml``: ``<toponym>`` with ``extractedName``, ``type``,
``modifierType``, ``start``/``end``, ``latitude``/``longitude``) and TR-News
(``TR-News.xml``: ``<toponym>`` with ``phrase``, ``start``/``end`` and a ``<gaztag>`` with
``lat``/``lon``). Offsets that do not point at the phrase are moved to its nearest
occurrence (TR-News has some off by a few characters). The article's page address
(GeoWebNews ``<link>``, TR-News and LGL ``<url>``, else ``<domain>``) goes into
``article.url``, as a reader of the page has it: a local paper's domain says where the
story is told from (:mod:`communique.places.home`).

Scoring (``../shared/data/README.md``): a gold toponym with coordinates is *recognised*
when a predicted place overlaps it, and *right* when that place lies within 161 km.

Gold types. GeoWebNews types each toponym after Gritta et al.'s pragmatic taxonomy
(`README.upstream.md` points to the paper). The types that name a place with a proper
noun are ``TOPONYM_TYPES``: Literal, Mixed, Metonymic, Literal_Modifier,
Non_Literal_Modifier, Embedded_Literal and Embedded_Non_Lit (a place inside a longer
name: "Toronto" in "the Toronto Police"). Not counted as toponyms: adjectival modifiers
("Syrian", ``modifierType`` Adjective, reported as the type "Adjective": demonyms are not
places by the issue's rule), Coercion (a named building, firm or event read as a
location: "Wegmans", "Patriot High"), and the types without coordinates (Demonym,
Language, Homonym, Non_Toponym, the two *_Expression types). TR-News has no types: its
toponyms are "TR-News", less the adjectival ones ("Canadian" for Canada).

The figures, first those over gold toponyms that name a place and are not inside a longer
name (``TOPONYM_TYPES`` less ``EMBEDDED_TYPES``: by the issue's rule a place inside a name
is no toponym span of its own):

- ``gold_toponyms``: how many; ``recognition_recall``: the share recognised;
- ``accuracy_161km_recognised``: right among the recognised ones;
  ``accuracy_161km_all_gold``: right among all of them;
- ``places_ms_per_article``: CPU milliseconds per article of the places stage alone (after
  the gazetteer is loaded; CPU time, so that other work on the machine does not count);
  ``parse_ms_per_article``: the same for the spaCy parse; ``predicted_places``.

Then other views: ``gold_every_type`` and ``recall_every_type``, over every gold type with
coordinates (adjectives and coercions too); ``recall_without_adjectives``; over the toponym
types with the places inside names (``toponym_gold``), recall as spans
(``toponym_recall_inside_names_too``) and counting a place-inside-a-name candidate as
recognised (``toponym_recall_counting_places_in_names``: the events stage's location
candidates, never in ``report.places``); ``accuracy_161km_recognised_every_type`` and
``accuracy_161km_recognised_places_in_names``; and per gold type (``by_gold_type``).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique import nlp
from communique.evaluation.metrics import ratio
from communique.model import Article, Report
from communique.places import analyse
from communique.places import gazetteer as _gazetteer
from communique.places.resolve import distance_km

RADIUS_KM = 161.0
TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Mixed",
        "Metonymic",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Embedded_Literal",
        "Embedded_Non_Lit",
        "TR-News",
    }
)
EMBEDDED_TYPES = frozenset({"Embedded_Literal", "Embedded_Non_Lit"})


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    kind: str  # the gold type; "Adjective" for adjectival toponyms ("Russian")


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym]
    url: str | None = None  # the page's address (GeoWebNews ``link``, LGL-style ``url``)
    source: str | None = None  # the site's domain where the file gives it apart


def read_gold(path: Path) -> list[GoldArticle]:
    """Articles and their gold toponyms from a GeoWebNews or TR-News XML file."""
    root = ET.parse(path).getroot()
    articles = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        toponyms = [_toponym(t, text) for t in node.iter("toponym")]
        identifier = node.get("docid") or node.get("file") or str(number)
        url = (node.findtext("url") or node.findtext("link") or "").strip() or None
        source = (node.findtext("domain") or "").strip() or None
        kept = [t for t in toponyms if t is not None]
        articles.append(GoldArticle(identifier, text, kept, url, source))
    return articles


def _toponym(node: ET.Element, text: str) -> GoldToponym | None:
    phrase = node.findtext("extractedName") or node.findtext("phrase") or ""
    try:
        start, end = int(node.findtext("start") or ""), int(node.findtext("end") or "")
    except ValueError:
        return None
    if text[start:end] != phrase and phrase:
        start = _nearest(text, phrase, start)
        if start < 0:
            return None
        end = start + len(phrase)
    lat = node.findtext("latitude") or node.findtext("gaztag/lat")
    lon = node.findtext("longitude") or node.findtext("gaztag/lon")
    kind = node.findtext("type") or "TR-News"
    if (
        (node.findtext("modifierType") or "") == "Adjective"
        or node.find("gaztag") is not None
        and _adjectival(phrase, node.findtext("gaztag/name") or "")
    ):
        kind = "Adjective"
    return GoldToponym(
        start, end, phrase, float(lat) if lat else None, float(lon) if lon else None, kind
    )


def _nearest(text: str, phrase: str, around: int) -> int:
    hits = []
    index = text.find(phrase, max(0, around - 200))
    while 0 <= index <= around + 200:
        hits.append(index)
        index = text.find(phrase, index + 1)
    return min(hits, key=lambda i: abs(i - around)) if hits else -1


def _adjectival(phrase: str, gold_name: str) -> bool:
    """A TR-News toponym that is a demonym of its gold place ("Turkish" for Turkey)."""
    gaz = _gazetteer.load()
    if gaz.demonym_country(phrase) is None:
        return False
    return not gaz.ids(phrase) or _gazetteer.name_key(phrase) != _gazetteer.name_key(gold_name)


def evaluate(data: Path, limit: int | None = None, model: str | None = None) -> dict:
    """Figures of the places stage on one gold file (see the module docstring)."""
    articles = read_gold(Path(data))[: limit if limit else None]
    pipeline = nlp.load(model)
    _gazetteer.load()
    started = time.process_time()
    docs = list(pipeline.pipe(a.text for a in articles))
    parse_seconds = time.process_time() - started
    if docs:  # warm up (caches filled on first use) so that the timing is per article after load
        analyse(docs[0], Report(id="warm-up", article=_article(articles[0])))
    stage_seconds = 0.0
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    predicted = 0
    for article, doc in zip(articles, docs, strict=True):
        report = Report(id=article.id, article=_article(article))
        started = time.process_time()
        places, candidates = analyse(doc, report)
        stage_seconds += time.process_time() - started
        predicted += len(places)
        _score(article, places, candidates, totals)
    return _figures(totals, len(articles), predicted, stage_seconds, parse_seconds)


def _article(article: GoldArticle) -> Article:
    """The report's article: the text, and the page's address and site as a reader has them
    (a local paper's address says where the story is told from)."""
    url = article.url or (f"http://{article.source}/" if article.source else None)
    return Article(text=article.text, body=article.text, url=url)


def _score(article: GoldArticle, places, candidates, totals) -> None:
    for gold in article.toponyms:
        if gold.lat is None or gold.lon is None:
            continue
        row = totals[gold.kind]
        row["gold"] += 1
        place = _overlapping(places, gold)
        if place is None:
            candidate = _overlapping(candidates, gold)
            if candidate is not None:
                row["in_name"] += 1
                row["right_in_name"] += _within(candidate, gold)
            continue
        row["recognised"] += 1
        row["right"] += _within(place, gold)


def _within(place, gold: GoldToponym) -> int:
    if place.lat is None or place.lon is None or gold.lat is None or gold.lon is None:
        return 0
    return int(distance_km(place.lat, place.lon, gold.lat, gold.lon) <= RADIUS_KM)


def _overlapping(items, gold: GoldToponym):
    for item in items:
        if item.start < gold.end and gold.start < item.end:
            return item
    return None


COUNTS = ("gold", "recognised", "right", "in_name", "right_in_name")


def _figures(
    totals, articles: int, predicted: int, stage_seconds: float, parse_seconds: float
) -> dict:
    def summary(rows) -> dict[str, int]:
        return {k: sum(r[k] for r in rows) for k in COUNTS}

    every = summary(totals.values())
    nouns = summary([r for kind, r in totals.items() if kind != "Adjective"])
    toponyms = summary([r for kind, r in sorted(totals.items()) if kind in TOPONYM_TYPES])
    standalone = summary(
        [r for kind, r in sorted(totals.items()) if kind in TOPONYM_TYPES - EMBEDDED_TYPES]
    )
    with_names = toponyms["recognised"] + toponyms["in_name"]
    figures: dict[str, Any] = {
        "articles": articles,
        "gold_toponyms": standalone["gold"],
        "recognition_recall": ratio(standalone["recognised"], standalone["gold"], 4),
        "accuracy_161km_recognised": ratio(standalone["right"], standalone["recognised"], 4),
        "accuracy_161km_all_gold": ratio(standalone["right"], standalone["gold"], 4),
        "places_ms_per_article": round(1000 * stage_seconds / max(articles, 1), 2),
        "parse_ms_per_article": round(1000 * parse_seconds / max(articles, 1), 2),
        "predicted_places": predicted,
        "gold_every_type": every["gold"],
        "recall_every_type": ratio(every["recognised"], every["gold"], 4),
        "recall_without_adjectives": ratio(nouns["recognised"], nouns["gold"], 4),
        "toponym_gold": toponyms["gold"],
        "toponym_recall_inside_names_too": ratio(toponyms["recognised"], toponyms["gold"], 4),
        "toponym_recall_counting_places_in_names": ratio(with_names, toponyms["gold"], 4),
        "accuracy_161km_recognised_every_type": ratio(every["right"], every["recognised"], 4),
        "accuracy_161km_recognised_places_in_names": ratio(
            toponyms["right"] + toponyms["right_in_name"], with_names, 4
        ),
    }
    figures["by_gold_type"] = {
        kind: {
            "gold": row["gold"],
            "toponym": "yes" if kind in TOPONYM_TYPES else "no",
            "recall": ratio(row["recognised"], row["gold"], 4),
            "recall_with_names": ratio(row["recognised"] + row["in_name"], row["gold"], 4),
            "accuracy_recognised": ratio(row["right"], row["recognised"], 4),
            "inside_names": row["in_name"],
        }
        for kind, row in sorted(totals.items())
    }
    return figures
