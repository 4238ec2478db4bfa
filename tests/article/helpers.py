"""Text shared by the article tests."""

from __future__ import annotations

PARAGRAPHS = [
    "Foreign ministers of the two countries met in Geneva on Tuesday to prepare a new round "
    "of talks on the disputed border, officials said after the meeting ended late at night.",
    "The delegations agreed to set up a joint working group on trade and to exchange lists "
    "of detained citizens before the end of the month, according to a joint statement.",
    "Both sides described the discussions as frank and constructive, but said that several "
    "questions, including the status of the river crossings, remained open for now.",
    "A further meeting of deputy ministers is planned for March in Vienna, where the working "
    "group is expected to present its first proposals to both governments.",
]
