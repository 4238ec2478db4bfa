"""Recognition rules on hand-built docs, so that the model's labels are fixed."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from communique.places import analyse, gazetteer, resolve
from communique.places.recognize import Mention


def doc_of(nlp, words, tags, ents=None):
    """A doc with the given words, tags and IOB entity labels (no model involved)."""
    return Doc(nlp.vocab, words=words, tags=tags, ents=ents or ["O"] * len(words))


def names(doc):
    return [(p.text, p.name, p.country) for p in analyse(doc)[0]]


def test_the_eu_as_an_organisation_is_a_place(nlp):
    doc = doc_of(
        nlp, ["EU", "officials", "met", "."], ["NNP", "NNS", "VBD", "."], ["B-ORG", "O", "O", "O"]
    )
    [(text, name, country)] = names(doc)
    assert (text, name, country) == ("EU", "European Union", None)


def test_a_place_entity_listing_two_countries_is_split(nlp):
    words = ["Migrants", "reached", "Greece", "Italy", "."]
    doc = doc_of(nlp, words, ["NNS", "VBD", "NNP", "NNP", "."], ["O", "O", "B-GPE", "I-GPE", "O"])
    assert [(t, c) for t, _n, c in names(doc)] == [("Greece", "GRC"), ("Italy", "ITA")]


def test_a_capital_tagged_as_a_person_is_a_place(nlp):
    doc = doc_of(
        nlp,
        ["Talks", "in", "Abuja", "ended", "."],
        ["NNS", "IN", "NNP", "VBD", "."],
        ["O", "O", "B-PERSON", "O", "O"],
    )
    assert [(t, c) for t, _n, c in names(doc)] == [("Abuja", "NGA")]


def test_a_city_name_that_is_also_a_persons_name_here_is_no_place(nlp):
    words = ["Jack", "Kent", "arrived", ".", "Kent", "smiled", "."]
    tags = ["NNP", "NNP", "VBD", ".", "NNP", "VBD", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"]
    assert names(doc_of(nlp, words, tags, ents)) == []


def test_a_small_town_the_model_missed_after_a_preposition_of_place(nlp):
    tags = ["PRP", "VBZ", "IN", "NNP", "."]
    found = names(doc_of(nlp, ["He", "lives", "in", "Nenagh", "."], tags))
    assert [(t, c) for t, _n, c in found] == [("Nenagh", "IRL")]
    assert (
        names(doc_of(nlp, ["Nenagh", "said", "no", "more", "."], ["NNP", "VBD", "DT", "JJR", "."]))
        == []
    )


def test_direction_words_stack(nlp):
    words = ["He", "lives", "in", "north", "west", "London", "."]
    tags = ["PRP", "VBZ", "IN", "JJ", "JJ", "NNP", "."]
    ents = ["O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "O"]
    assert [(t, c) for t, _n, c in names(doc_of(nlp, words, tags, ents))] == [("London", "GBR")]


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load()


def test_a_region_named_with_its_country_beats_a_hamlet_favoured_by_context(gaz):
    context = resolve.Context(main_country="CAN")
    context.countries["CAN"].add("canada")
    context.countries["AUS"].add("australia")
    context.regions["CA.01"].add("alberta")
    context.points.append((51.05, -114.07, "calgary"))  # a town nearby, as in a local story
    canadian = [e for e in gaz.lookup("Queensland") if e.country == "CAN"][0]
    assert resolve.score_entry(canadian, "queensland", context, gaz) > resolve.score_entry(
        gaz.lookup("Queensland")[0], "queensland", context, gaz
    )  # context alone would pick the hamlet
    mention = Mention(0, 10, "Queensland", gaz.ids("Queensland"), "ner", "GPE")
    entry = resolve.choose(mention, gaz, context)
    assert (entry.country, entry.feature) == ("AUS", "admin1")


@pytest.mark.parametrize(
    ("words", "tags", "ents"),
    [
        (
            ["New", "York", "Gov.", "Cuomo", "spoke", "."],
            ["NNP", "NNP", "NNP", "NNP", "VBD", "."],
            ["B-GPE", "I-GPE", "O", "B-PERSON", "O", "O"],
        ),
        (
            ["A", "hospital", "in", "Bronx", ",", "New", "York", "."],
            ["DT", "NN", "IN", "NNP", ",", "NNP", "NNP", "."],
            ["O", "O", "O", "B-GPE", "O", "B-GPE", "I-GPE", "O"],
        ),
    ],
)
def test_the_state_when_the_text_reads_it_as_one(nlp, words, tags, ents):
    [new_york] = [p for p in analyse(doc_of(nlp, words, tags, ents))[0] if p.text == "New York"]
    assert new_york.feature == "admin1"


def test_the_namesake_city_otherwise(nlp):
    words = ["Flights", "to", "New", "York", "resumed", "."]
    doc = doc_of(
        nlp, words, ["NNS", "IN", "NNP", "NNP", "VBD", "."], ["O", "O", "B-GPE", "I-GPE", "O", "O"]
    )
    [new_york] = analyse(doc)[0]
    assert (new_york.name, new_york.feature) == ("New York City", "city")
