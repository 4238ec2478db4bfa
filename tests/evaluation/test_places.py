"""Reading the gold geoparsing formats and scoring against them."""

from __future__ import annotations

from communique.evaluation.places import evaluate, read_gold

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
    assert figures["gold_every_type"] == 3
    assert figures["recall_without_adjectives"] == 1.0
    assert figures["recognition_recall"] == 1.0  # Paris and Texas; "Russian" is no place
    assert figures["accuracy_161km_recognised"] == 1.0
    assert figures["by_gold_type"]["Adjective"]["recall"] == 0.0


def test_runs_on_shared_data(shared_data):
    figures = evaluate(shared_data / "geo" / "TR-News.xml", limit=2)
    assert figures["articles"] == 2
    assert 0.0 <= figures["recognition_recall"] <= 1.0


TYPED = """<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><text>Workers at Wegmans in Paris, Texas, met the Munich Security Conference.</text>
<toponyms>
<toponym><extractedName>Wegmans</extractedName><type>Coercion</type><modifierType></modifierType>
<start>11</start><end>18</end><latitude>33.66</latitude><longitude>-95.55</longitude></toponym>
<toponym><extractedName>Paris</extractedName><type>Literal</type><modifierType></modifierType>
<start>22</start><end>27</end><latitude>33.66094</latitude><longitude>-95.55551</longitude></toponym>
<toponym><extractedName>Munich</extractedName><type>Embedded_Non_Lit</type><modifierType>Noun</modifierType>
<start>44</start><end>50</end><latitude>48.13743</latitude><longitude>11.57549</longitude></toponym>
</toponyms></article></articles>
"""


def test_toponym_recall_leaves_out_coercions_and_counts_names_apart(tmp_path):
    path = tmp_path / "typed.xml"
    path.write_text(TYPED, encoding="utf-8")
    figures = evaluate(path)
    assert figures["toponym_gold"] == 2  # Paris, Munich
    assert figures["gold_toponyms"] == 1
    assert figures["by_gold_type"]["Coercion"]["toponym"] == "no"
    assert figures["recognition_recall"] == 1.0  # Paris
    assert figures["toponym_recall_inside_names_too"] == 0.5  # Munich is no span of its own
    assert figures["toponym_recall_counting_places_in_names"] == 1.0


def test_a_tr_news_demonym_of_its_gold_place_is_adjectival(tmp_path):
    text = "Canadian troops left Canadian, Texas."
    path = tmp_path / "tr.xml"
    path.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title><text><![CDATA[{text}]]></text><toponyms>
<toponym><phrase>Canadian</phrase><start>0</start><end>8</end>
<gaztag geonameid="6251999"><name>Canada</name><lat>60.1</lat><lon>-113.6</lon></gaztag></toponym>
<toponym><phrase>Canadian</phrase><start>21</start><end>29</end>
<gaztag geonameid="5521050"><name>Canadian</name><lat>35.9</lat><lon>-100.4</lon></gaztag></toponym>
</toponyms></article></articles>""",
        encoding="utf-8",
    )
    [article] = read_gold(path)
    assert [t.kind for t in article.toponyms] == ["Adjective", "TR-News"]
