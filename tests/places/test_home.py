"""The story's own geography: local readings of ambiguous names, the source's home."""

from __future__ import annotations

import json

import pytest

from communique.model import Article, Dateline, Report
from communique.places import analyse
from communique.places import gazetteer as _gazetteer
from communique.places.home import resolve_home, source_home


@pytest.fixture(scope="module")
def gaz():
    return _gazetteer.load()


@pytest.fixture(scope="module")
def places_of(nlp):
    """The places of a text, with an optional dateline, home, url and source."""

    def analysed(text, dateline=None, home=None, url=None, source=None):
        article = Article(
            text=text,
            body=text,
            url=url,
            source=source,
            dateline=Dateline(place=dateline) if dateline else None,
        )
        places, _candidates = analyse(nlp(text), Report(id="t", article=article), home)
        return places

    return analysed


def region_of(place, gaz) -> str | None:
    """The first-level region of a reported place (its gazetteer entry's)."""
    for entry in gaz.lookup(place.name):
        if entry.geonames_id == place.geonames_id:
            return entry.admin1 if entry.feature != "country" else None
    return None


def readings(places_of, gaz, text, **options) -> dict[str, tuple[str | None, str | None]]:
    """Each place's text -> (country, first-level region) of its first mention."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for place in places_of(text, **options):
        found.setdefault(place.text, (place.country, region_of(place, gaz)))
    return found


# ------------------------------------------------------------------- home from the source


@pytest.mark.parametrize(
    ("url", "source", "country", "names"),
    [
        ("https://www.lebanondemocrat.com/news/2024/x.html", None, None, ("lebanon",)),
        ("http://www.theparisnews.com/", None, None, ("paris",)),
        ("https://www.walesonline.co.uk/news/a", None, "GBR", ("wales",)),
        ("www.timesofmalta.com", None, None, ("malta",)),
        ("https://www.nj.com/politics/", None, None, ("new jersey",)),
        ("https://www.nbcnewyork.com/x", None, None, ("new york",)),
        ("https://www.abc.net.au/news/x", None, "AUS", ()),
        (None, "The Lebanon Democrat", None, ("lebanon",)),
        (None, "Springfield News-Leader", None, ("springfield",)),
    ],
)
def test_home_read_off_the_source(gaz, url, source, country, names):
    home = source_home(url, source, gaz)
    assert home is not None
    assert (home.country, home.names) == (country, names)


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.reuters.com/world/x", "Reuters"),
        ("https://apnews.com/article/x", "Associated Press"),
        ("https://www.nationalpost.com/news/x", None),
        ("https://www.star-telegram.com/news/x", None),  # "star" is an outlet word
        ("https://news.example.tv/x", "TASS"),  # .tv is a vanity domain
        (None, None),
    ],
)
def test_sources_that_name_no_place(gaz, url, source):
    assert source_home(url, source, gaz) is None


def test_given_home_resolved_like_a_dateline(gaz):
    lebanon = resolve_home("Lebanon, TN", gaz)
    assert (lebanon.country, lebanon.admin1, lebanon.feature) == ("USA", "US.TN", "city")
    paris = resolve_home("Paris, Texas", gaz)
    assert (paris.country, paris.admin1) == ("USA", "US.TX")
    assert resolve_home("Ohio", gaz).feature == "admin1"
    assert resolve_home("Lebanon", gaz).feature == "country"  # bare: the likeliest reading
    assert resolve_home("Nowhere-upon-Nothing", gaz) is None


# ------------------------------------------------------------------- local readings

COURTHOUSE = (
    "Wilson County deputies arrested a Mt. Juliet man on Tuesday after a chase that ended "
    "near the Lebanon square. He was booked into the jail in Lebanon and remains held on a "
    "$20,000 bond."
)


def test_a_local_story_reads_the_ambiguous_town_near_its_other_places(places_of, gaz):
    found = readings(places_of, gaz, COURTHOUSE)
    assert found["Lebanon"] == ("USA", "US.TN")


def test_the_same_name_in_a_middle_east_story_is_the_country(places_of, gaz):
    text = (
        "BEIRUT - Israeli strikes hit southern Lebanon on Tuesday, the Lebanese army said, "
        "and officials in Damascus and Amman condemned the attacks."
    )
    found = readings(places_of, gaz, text)
    assert found["Lebanon"] == ("LBN", None)


SCHOOL_BOARD = (
    "The school board voted 5-2 on Monday to close the old middle school in Paris at the end "
    "of the year. Students will move to a new campus, and board members said buses would "
    "run on the same routes as before."
)


def test_with_no_other_place_the_famous_reading_stands(places_of, gaz):
    assert readings(places_of, gaz, SCHOOL_BOARD)["Paris"] == ("FRA", "FR.11")


def test_a_given_home_moves_the_reading_to_the_source(places_of, gaz):
    found = readings(places_of, gaz, SCHOOL_BOARD, home="Paris, Texas")
    assert found["Paris"] == ("USA", "US.TX")


def test_a_home_read_off_the_url_moves_it_too(places_of, gaz):
    url = "https://www.theparisnews.com/news/local/school-board"
    text = SCHOOL_BOARD + " Parents in Clarksville and Reno asked for a later start."
    assert readings(places_of, gaz, text, url=url)["Paris"] == ("USA", "US.TX")


def test_a_local_papers_wire_story_keeps_the_wire_places(places_of, gaz):
    text = (
        "PARIS (AP) - France's president met the German chancellor in Paris on Monday, and "
        "talks went on in Berlin and Brussels."
    )
    found = readings(
        places_of, gaz, text, dateline="PARIS", url="https://www.theparisnews.com/news/world/x"
    )
    assert found["Paris"][0] == "FRA" and found["Berlin"][0] == "DEU"


def test_the_dateline_is_read_with_the_story(places_of, gaz):
    text = (
        "MOSCOW - The university will hold a job fair on Thursday. Students from Pullman are "
        "welcome, organizers said, and a shuttle will run from Moscow every hour."
    )
    found = readings(places_of, gaz, text, dateline="MOSCOW")
    assert found["Moscow"] == ("USA", "US.ID")


def test_a_wire_dateline_stays_the_capital(places_of, gaz):
    text = "MOSCOW - Russia's foreign minister met his Chinese counterpart in Moscow on Friday."
    assert readings(places_of, gaz, text, dateline="MOSCOW")["Moscow"][0] == "RUS"


def test_towns_spread_over_a_country_keep_their_big_readings(places_of, gaz):
    text = (
        "Storms moved east on Friday, closing schools in Birmingham, Alabama, and delaying "
        "flights in Atlanta, Charlotte and Richmond, Virginia, before reaching Boston."
    )
    found = readings(places_of, gaz, text)
    assert found["Charlotte"] == ("USA", "US.NC")
    assert found["Boston"] == ("USA", "US.MA")


def test_a_county_named_in_many_states_is_the_one_of_the_storys_state(places_of, gaz):
    text = (
        "Henry County commissioners met on Monday in McDonough to discuss the crowded jail. "
        "Officials from Stockbridge attended, and the sheriff asked Henry County for more money."
    )
    county = next(p for p in places_of(text) if p.text == "Henry County")
    # the Georgia county, at the story's town (a county elsewhere would not be put there)
    assert county.country == "USA" and county.feature == "admin2"
    assert abs(county.lat - 33.45) < 0.2 and abs(county.lon + 84.15) < 0.2  # McDonough


# ------------------------------------------------------------------- --home on the way in


def test_analyze_takes_a_home(run, tmp_path):
    (tmp_path / "board.txt").write_text(SCHOOL_BOARD + "\n", encoding="utf-8")
    code, out, err = run("analyze", "board.txt", "--home", "Paris, Texas")
    assert code == 0, err
    paris = [p for p in json.loads(out)["places"] if p["text"] == "Paris"]
    assert paris and paris[0]["country"] == "USA"
    code, out, err = run("analyze", "board.txt")
    assert [p["country"] for p in json.loads(out)["places"] if p["text"] == "Paris"][0] == "FRA"


def test_a_batch_takes_the_home_too(run, tmp_path):
    line = json.dumps({"id": "b1", "text": SCHOOL_BOARD})
    (tmp_path / "docs.jsonl").write_text(line + "\n", encoding="utf-8")
    code, out, err = run("analyze", "--input", "docs.jsonl", "--home", "Paris, TX")
    assert code == 0, err
    report = json.loads(out.splitlines()[0])
    assert [p["country"] for p in report["places"] if p["text"] == "Paris"] == ["USA"]


def test_a_home_the_gazetteer_lacks_is_refused(run, tmp_path):
    (tmp_path / "board.txt").write_text(SCHOOL_BOARD + "\n", encoding="utf-8")
    code, _out, err = run("analyze", "board.txt", "--home", "Nowhere-upon-Nothing")
    assert code != 0 and "Traceback" not in err and "--home" in err


def test_ingest_takes_a_home(tmp_path, nlp):
    from communique.ingest import ingest
    from communique.store import Store

    (tmp_path / "board.txt").write_text(SCHOOL_BOARD + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'home.db'}"
    ingest([str(tmp_path / "board.txt")], db=url, home="Paris, Texas")
    store = Store(url)
    (row,) = store.articles()
    report = store.article(row["id"])["report"]
    assert [p["country"] for p in report["places"] if p["text"] == "Paris"] == ["USA"]
