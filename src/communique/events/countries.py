"""Country words for participants, from the entities stage's vocabularies."""

from __future__ import annotations

import functools

from communique.entities.lexicon import _rows, countries, demonyms, fold, strip_article


def country_of_word(text: str) -> str | None:
    """The country a demonym or country name stands for ("Russian", "Japan"), or None."""
    key = fold(text)
    return demonyms().get(key) or countries().get(strip_article(key))


@functools.cache
def country_name(code: str) -> str | None:
    """A short common name for a country code ("Russia" for RUS), or None."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    names = [getattr(country, "common_name", None), country.name]
    short = [n for n in names if n and "," not in n and " of " not in n and "Federation" not in n]
    if short:
        return short[0]
    # The first common name the entities stage lists for the code ("Russia").
    listed = [name for name, listed_code in _rows("country_names.tsv") if listed_code == code]
    return listed[0] if listed else country.name
