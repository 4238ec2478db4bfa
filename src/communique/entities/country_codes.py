"""The country codes actor coding reads off names: country names and nationality words,
organisations, capitals, subdivisions, parts of countries ("northern Syria") and the places
of the gazetteer ("Darfur")."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from communique.entities import lexicon
from communique.entities.lexicon import fold


def country_of_adjective(token: Token) -> str | None:
    """ "Japanese" -> JPN; "North Korean" -> PRK (read with the word before it);
    "Vietnamese-led" and "Japanese-Russian" -> their first nationality."""
    text = fold(token.text)
    if token.i > 0:
        two_words = lexicon.demonyms().get(f"{fold(token.doc[token.i - 1].text)} {text}")
        if two_words:
            return two_words
    code = lexicon.demonyms().get(text)
    if code is None and "-" in text:
        code = lexicon.demonyms().get(text.split("-")[0])
    return code


def norp_country(text: str) -> str | None:
    """ "Bosnian Serbs" -> BIH: the whole name, else its first word."""
    key = fold(text)
    demonyms = lexicon.demonyms()
    return demonyms.get(key) or demonyms.get(key.split(" ")[0]) or demonyms.get(key.split("-")[0])


def country_of_name(text: str) -> str | None:
    """ISO alpha-3 (or IGO/...) for a country name or demonym, else None."""
    key = lexicon.strip_article(fold(text))
    return lexicon.countries().get(key) or lexicon.demonyms().get(key)


def place_country(text: str) -> str | None:
    """The country of a country name, demonym, capital city or first-level subdivision,
    else of the town or region the gazetteer knows the name for ("Darfur", "Cizre")."""
    return (
        country_of_name(text)
        or lexicon.capitals().get(lexicon.strip_article(fold(text)))
        or lexicon.subdivision_country(text)
        or part_of_country(text)
        or gazetteer_country(text)
    )


COMPASS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|central|north-?(?:east|west)(?:ern)?|"
    r"south-?(?:east|west)(?:ern)?)\s+",
    re.I,
)


def part_of_country(text: str) -> str | None:
    """ "South Lebanon", "northern Syria": a part of a country named by a compass word."""
    rest = COMPASS.sub("", text, count=1)
    return country_of_name(rest) if rest != text else None


GAZETTEER_MARGIN = 1.0  # the likeliest place must outrank other countries' by a factor of 10

GAZETTEER_MIN_PRIOR = 4.0  # about 10,000 inhabitants: small towns share their names widely


@functools.lru_cache(maxsize=8192)
def gazetteer_country(text: str) -> str | None:
    """The country of the place the places gazetteer finds likeliest for a name, when no
    place of another country comes close ("Tripoli": LBY; "Jericho": none, a town of the
    West Bank and two of the United States)."""
    from communique.places import gazetteer

    gaz = gazetteer.load()
    words = set(gazetteer.name_key(text).split())
    entries = [
        e
        for e in gaz.lookup(text)
        if e.feature != "capital" or words & set(gazetteer.name_key(e.name).split())
    ]  # capitals by their own names (the country table has their other names); GeoNames
    # also calls Hong Kong "Victoria"
    if not entries or entries[0].country is None:
        return None
    best = entries[0]
    if gazetteer.prior(best) < GAZETTEER_MIN_PRIOR:
        return None
    rivals = [gazetteer.prior(e) for e in entries[1:] if e.country != best.country]
    if rivals and gazetteer.prior(best) - max(rivals) < GAZETTEER_MARGIN:
        return None
    return best.country


def org_country(name: str) -> str | None:
    """The country of an organisation: the table's, else a country or demonym in its name."""
    key = lexicon.strip_article(fold(name))
    org = lexicon.organisations().get(key)
    if org is not None:
        return org.country
    if key.startswith(("un ", "u.n. ", "united nations ")):
        return "IGO"
    words = key.replace("'s", "").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            code = country_of_name(" ".join(words[i : i + n]))
            if code:
                return code
    return None
