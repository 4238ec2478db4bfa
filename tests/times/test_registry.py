"""The normaliser and validator registries: every grammar rule is normalised, once."""

import pytest

from communique.times import grammar, normalize
from communique.times.normalize.registry import normalizer, validator


def test_every_rule_has_exactly_one_normaliser():
    rules = [rule.name for rule in grammar.RULES]
    assert len(rules) == len(set(rules))
    assert set(normalize.NORMALIZERS) == set(rules)


def test_validators_belong_to_rules():
    assert set(normalize.VALIDATORS) <= {rule.name for rule in grammar.RULES}
    assert {"month", "year", "weekday", "duration"} <= set(normalize.VALIDATORS)


def test_a_rule_cannot_get_a_second_normaliser_or_validator():
    with pytest.raises(ValueError, match="two normalisers"):
        normalizer("month")(lambda g, ctx: None)
    with pytest.raises(ValueError, match="two validators"):
        validator("month")(lambda c, text: True)
    assert normalize.NORMALIZERS["month"].__name__ == "month"
