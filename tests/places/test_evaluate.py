"""Reading the gold geoparsing formats and scoring against them."""

from __future__ import annotations

from communique.places.evaluate import evaluate, read_gold

GWN = """<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><text>Police in Paris, Texas, and Russian officials.</text>
<toponyms>
<toponym><extractedName>Paris</extractedName><type>Literal</type><modifierType></modifierType>
<start>10</start><end>15</end><geonamesID>4717560</geonamesID><latitude>33.66094</latitude><longitude>-95.55551</longitude></toponym>
<toponym><extractedName>Texas</extractedName><type>Literal</type><modifierType></modifierType>
<start>17</start><end>22</end><geonamesID></geonamesID><latitude>31.25</latitude><longitude>-99.25</longitude></toponym>
<toponym><extractedName>Russian</extractedName><type>Non_Literal_Modifier</type><modifierType>Adjective</modifierType>
<start>28</start><end>35</end><geonamesID></geonamesID><latitude>60.0</latitude><longitude>100.0</longitude></toponym>
</toponyms></article></articles>
"""

TR_NEWS = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><title>t</title><text><![CDATA[Flights to London resumed.]]></text>
<toponyms><toponym><phrase>London</phrase><start>9</start><end>15</end>
<gaztag geonameid="2643743"><name>London</name><lat>51.50853</lat><lon>-0.12574</lon></gaztag></toponym>
<toponym><phrase>London</phrase><start>12</start><end>18</end>
<gaztag geonameid="2643743"><name>London</name><lat>51.50853</lat><lon>-0.12574</lon></gaztag></toponym>
</toponyms></article></articles>
"""


def test_reads_geowebnews(tmp_path):
    path = tmp_path / "gwn.xml"
    path.write_text(GWN, encoding="utf-8")
    [article] = read_gold(path)
    assert [(t.text, t.kind) for t in article.toponyms] == [
        ("Paris", "Literal"),
        ("Texas", "Literal"),
        ("Russian", "Adjective"),
    ]
    assert article.text[10:15] == "Paris"


def test_reads_tr_news_and_repairs_offsets(tmp_path):
    path = tmp_path / "tr.xml"
    path.write_text(TR_NEWS, encoding="utf-8")
    [article] = read_gold(path)
    assert article.id == "7"
    assert [(t.start, t.end) for t in article.toponyms] == [(11, 17), (11, 17)]
    assert article.toponyms[0].lat == 51.50853


def test_scores_a_small_file(tmp_path):
    path = tmp_path / "gwn.xml"
    path.write_text(GWN, encoding="utf-8")
    figures = evaluate(path)
    assert figures["gold toponyms with coordinates"] == 3
    assert figures["recall without adjectival toponyms"] == 1.0
    assert figures["accuracy@161km among recognised"] == 1.0
    assert figures["by gold type"]["Adjective"]["recall"] == 0.0


def test_runs_on_shared_data(shared_data):
    figures = evaluate(shared_data / "geo" / "TR-News.xml", limit=2)
    assert figures["articles"] == 2
    assert 0.0 <= figures["recognition recall"] <= 1.0
