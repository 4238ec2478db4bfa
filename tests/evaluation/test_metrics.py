"""One way to compute shares: a zero denominator is None, never 0.0."""

from __future__ import annotations

from communique.evaluation.metrics import f1, largest_matching, prf, ratio, rounded


def test_ratio_is_none_without_a_denominator():
    assert ratio(0, 0) is None
    assert ratio(3, 0, 4) is None
    assert ratio(1, 3, 4) == 0.3333
    assert ratio(2, 4) == 0.5


def test_f1_is_the_harmonic_mean_and_undefined_with_an_undefined_part():
    assert f1(0.5, 1.0) == 2 * 0.5 / 1.5
    assert f1(0.0, 0.0) == 0.0
    assert f1(None, 0.5) is None and f1(0.5, None) is None
    assert f1(1 / 3, 2 / 3, 4) == 0.4444


def test_prf_counts_and_shares():
    assert prf(2, 4, 0) == {
        "gold": 0, "predicted": 4, "correct": 2, "precision": 0.5, "recall": None, "f1": None,
    }  # fmt: skip
    assert prf(1, 3, 3, 3)["f1"] == 0.333
    assert rounded(None, 3) is None and rounded(0.12345, None) == 0.12345


def test_largest_matching_moves_an_earlier_pair_to_fit_a_later_one():
    # greedily 0 would keep 10 and leave 1 alone; an augmenting path moves 0 to 11
    assert largest_matching({0: [10, 11], 1: [10]}) == {1: 10, 0: 11}
    assert largest_matching({0: [10], 1: [10]}) == {0: 10}  # one right item, the first asks
    assert largest_matching({0: [10], 1: [10]}, order=[1, 0]) == {1: 10}
    assert largest_matching({0: [], 1: [12, 10]}) == {1: 12}  # the most wanted first
