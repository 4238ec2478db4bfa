"""One event per source–target dyad, as PLOVER and GDELT count them.

A trigger's participants are grouped into *parties*: the participants of one country and
sector (or, without a country, one entity or name), as the annotation guidelines count
victims and sources. "Macron met his counterparts from Ukraine, Russia and Germany" is three
meetings, "the US and Britain imposed sanctions on Iran" two sanctions, "a bomb killed six
police officers and a civilian" two attacks, and "Putin and Lavrov met Abe" one meeting of
Russia with Japan; a participant whose sector is not known goes with the first party of its
country, and a rebel group meeting its own country's army is a meeting. A participant
without a country goes with the first party of its side that has one ("an air strike on
Gaza killed five people": Gaza and the five people are one target), so naming a victim
does not double an event.

Reciprocal events (meet, agree, cooperate) keep every party of a dyad among the actors,
PLOVER-style: a subject meeting several others gives one event per other party; parties
named together as subjects ("A, B and C met") give one event per pair, up to
:data:`MAX_PAIRED_PARTIES` of them — beyond that the grouping stays whole. Several
participants of one party meeting among themselves ("Clinton met his top aides") are no
event between political actors.
"""

from __future__ import annotations

from itertools import combinations

from communique.model import Participant

MAX_PAIRED_PARTIES = 4
# More dyads than this from one trigger means a list, not a set of separate events.
MAX_DYADS = 8


def party_key(participant: Participant) -> str:
    """What makes two participants one party: the country, else the entity or the name."""
    return participant.country or participant.entity or f"name:{participant.name}"


def same_party(a: Participant, b: Participant) -> bool:
    """Of one country and sector (a sector left open matches any), or the same uncoded one."""
    if a.country and b.country:
        return a.country == b.country and (not a.sector or not b.sector or a.sector == b.sector)
    return party_key(a) == party_key(b)


def parties(participants: list[Participant]) -> list[list[Participant]]:
    """The participants grouped by party in order of first appearance: by country and
    sector ("six police officers and a civilian" are two parties, "Putin and Lavrov" one);
    a participant without a sector joins the first party of its country, and uncoded ones
    the first party with a country."""
    groups: dict[tuple[str, str], list[Participant]] = {}
    uncoded: list[Participant] = []
    unsectored: list[Participant] = []
    for participant in participants:
        if participant.country and participant.sector:
            key = _named_within(participant, groups) or (participant.country, participant.sector)
            groups.setdefault(key, []).append(participant)
        elif participant.country:
            unsectored.append(participant)
        else:
            uncoded.append(participant)
    for participant in unsectored:
        country = participant.country or ""
        found = next((k for k in groups if k[0] == country), None)
        groups.setdefault(found or (country, ""), []).append(participant)
    if not groups:
        for participant in uncoded:
            groups.setdefault((party_key(participant), ""), []).append(participant)
        return list(groups.values())
    first = next(iter(groups))
    groups[first] = groups[first] + uncoded
    return list(groups.values())


def _named_within(
    participant: Participant, groups: dict[tuple[str, str], list[Participant]]
) -> tuple[str, str] | None:
    """The party of the same country whose member's name holds this one's or is held in it
    word for word ("NATO" and "NATO peacekeeping troops" are one party)."""
    words = tuple(participant.name.lower().split())
    for key, members in groups.items():
        if key[0] != participant.country:
            continue
        for member in members:
            other = tuple(member.name.lower().split())
            if words != other and (_holds(other, words) or _holds(words, other)):
                return key
    return None


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return 0 < size < len(longer) and any(
        longer[i : i + size] == shorter for i in range(len(longer) - size + 1)
    )


def directed_dyads(
    actors: list[Participant], recipients: list[Participant]
) -> list[tuple[list[Participant], list[Participant]]]:
    """(actors, recipients) per source party × target party."""
    sources = parties(actors) or [[]]
    targets = parties(recipients) or [[]]
    if len(sources) * len(targets) > MAX_DYADS:
        return [(actors, recipients)]
    return [(source, target) for source in sources for target in targets]


def reciprocal_dyads(
    subjects: list[Participant], others: list[Participant], joint: bool = False
) -> list[tuple[list[Participant], list[Participant]]]:
    """(actors, []) per pair of parties: the subject party with each other party, or every
    pair of parties named together or meeting jointly ("a joint meeting with A and B")."""
    subject_parties = parties(subjects)
    subjects_all = _flatten(subject_parties)
    others = [p for p in others if not any(same_party(p, s) for s in subjects_all)]
    if any(p.country for p in subjects_all + others):
        # an uncoded other goes with the coded ones, as on a directed event's side
        uncoded = [p for p in others if not p.country]
        others = [p for p in others if p.country]
        if others:
            others = others[:1] + uncoded + others[1:]
        elif subject_parties:
            subject_parties[0] = subject_parties[0] + uncoded
    other_parties = parties(others)
    if len(subject_parties) == 1 and other_parties and not joint:
        if len(other_parties) > MAX_DYADS:
            return [(_flatten([*subject_parties, *other_parties]), [])]
        return [(subject_parties[0] + group, []) for group in other_parties]
    everyone = subject_parties + other_parties
    if len(everyone) == 1 and len(everyone[0]) > 1:
        return []  # "Clinton met his top aides": a meeting inside one party is no event
    if len(everyone) <= 2 or len(everyone) > MAX_PAIRED_PARTIES:
        return [(_flatten(everyone), [])]
    return [(a + b, []) for a, b in combinations(everyone, 2)]


def _flatten(groups: list[list[Participant]]) -> list[Participant]:
    return [p for group in groups for p in group]
