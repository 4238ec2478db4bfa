"""From triggers to merged events."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from communique import cameo
from communique.entities.lexicon import country_name, country_of_word
from communique.events import attributes
from communique.events.attributes import TokenIndex, anchors, attach
from communique.events.intent import recode
from communique.events.lexicon import lexicon
from communique.events.merge import merge_events
from communique.events.participants import ParticipantReader, Participants, is_trigger_noun
from communique.events.triggers import TriggerMatch, find_triggers
from communique.model import Event, EventMention, Location, Report
from communique.places import location_candidates


def extract(report: Report, doc: Doc, candidates: list | None = None) -> list[Event]:
    """Every event of the article, with the same event's mentions merged (``candidates``:
    places named inside other names, as the places stage found them)."""
    matches = [recode(m) for sentence in doc.sents for m in find_triggers(sentence)]
    if not matches:
        return []
    index = TokenIndex(doc)
    owners: dict[int, int] = {}
    for number, match in enumerate(matches):
        for anchor in anchors(match):
            owners.setdefault(anchor.i, number)
    times = attach(attributes.report_times(report), index, owners)
    if candidates is None:
        candidates = location_candidates(doc, report)
    candidates = sorted([*report.places, *candidates], key=lambda p: p.start)
    visits = frozenset(n for n, m in enumerate(matches) if m.entry.mode == "visit")
    places = attach(candidates, index, owners, where=True, visits=visits)
    dates = {n: attributes.event_date(times.get(n, [])) for n in range(len(matches))}
    locations = {n: attributes.event_location(places.get(n, [])) for n in range(len(matches))}
    _share_with_enclosing(matches, owners, dates, locations)
    reader = ParticipantReader(report, country_of_word, country_name)
    heads = {m.head.i for m in matches}
    drafts = []
    absorbed = _absorbed(matches) | _alleged(matches)
    talks: list[tuple[TriggerMatch, Participants]] = []  # reciprocal events of two parties or more
    for number, match in enumerate(matches):
        if number in absorbed:
            continue
        participants = reader.read(match, generic=match.entry.type not in NEEDS_CODED_PARTY)
        participants = _parties_told_before(match, participants, talks)
        match = _as_complaint(match, participants)
        nested = any(a.i in heads for a in match.head.ancestors)
        for dyad in participants.dyads():
            if not _enough_participants(match, dyad):
                continue
            draft = _draft(report, match, dyad, dates[number], locations[number])
            if nested:
                # Inside another event's clause ("refused to meet"): not the sentence's main event.
                draft.confidence = round(max(0.05, (draft.confidence or 0.0) - 0.2), 2)
            drafts.append(draft)
    return merge_events(drafts, lead_end=_lead_end(report))


TALKS_WINDOW = 3  # sentences back to the talks a bare "the talks" or "negotiations" continues


def _countries_of(participants) -> set[str]:
    return {p.country for p in participants.actors + participants.recipients if p.country}


def _parties_told_before(
    match: TriggerMatch, participants: Participants, talks: list[tuple[TriggerMatch, Participants]]
) -> Participants:
    """The parties of a reciprocal event named by a noun with fewer than two of its own
    ("negotiations were ongoing", "rebels ... in talks to salvage the deal"): those of the
    latest reciprocal event of its type a few sentences before that includes its own.
    Reciprocal events with two parties or more are remembered in ``talks``."""
    if not participants.reciprocal:
        return participants
    own = _countries_of(participants)
    if len(own) >= 2:
        talks.append((match, participants))
        return participants
    if not is_trigger_noun(match.head):
        return participants
    here = match.sentence.start
    for earlier, told in reversed(talks):
        between = match.head.doc[earlier.sentence.start : here]
        if sum(1 for token in between if token.is_sent_start) > TALKS_WINDOW:
            break
        if earlier.entry.type == match.entry.type and own <= _countries_of(told):
            return told
    return participants


def _as_complaint(match: TriggerMatch, participants) -> TriggerMatch:
    """A protest by a state or its officials is a complaint (ACCUSE), not a demonstration."""
    rule = lexicon().verbal_protest
    if match.entry.type != "PROTEST" or match.entry.lemma not in rule["lemmas"]:
        return match
    actors = participants.actors
    if not actors or any(p.sector not in rule["sectors"] for p in actors):
        return match
    code = cameo.table()[rule["cameo"]]
    if code.plover_type is None:
        return match
    entry = dataclasses.replace(
        match.entry, type=code.plover_type, mode=code.plover_mode, cameo=code.code
    )
    return dataclasses.replace(match, entry=entry)


# Triggers whose complement is an allegation, not an event told as fact ("accused India of
# violating the ceasefire", "denied attacking the convoy").
ALLEGING_TYPES = frozenset({"ACCUSE", "REJECT"})
COMPLEMENT_PATH = frozenset({"pcomp", "pobj", "prep", "ccomp", "xcomp", "dobj"})


def _alleged(matches: list[TriggerMatch]) -> set[int]:
    """Triggers inside the complement of an accusation or a denial: PETRARCH and the
    annotation guidelines code the accusation, not what it alleges. An event noun an
    accusation is about is told as fact ("condemned the bomb attacks", "criticised over the
    killings"): only a denial's object, an "of" ("accused India of violating") and clauses
    are allegations."""
    alleging = {m.head.i: m.entry.type for m in matches if m.entry.type in ALLEGING_TYPES}
    found = set()
    for number, match in enumerate(matches):
        token = match.head
        if match.entry.type in ALLEGING_TYPES:
            continue
        for _ in range(4):
            if token.dep_ not in COMPLEMENT_PATH or token.head.i == token.i:
                break
            below, token = token, token.head
            if token.i in alleging:
                if not _told_as_fact(match.head, below, alleging[token.i]):
                    found.add(number)
                break
    return found


FACT_PREPS = frozenset({"for", "over", "about", "on", "after"})


def _told_as_fact(trigger, below, alleging_type: str) -> bool:
    """Whether a nominal trigger under an accusation is a happening it is about: the
    accusation's object or the object of "for"/"over" ("blamed for the attack")."""
    if alleging_type != "ACCUSE" or not is_trigger_noun(trigger) or trigger.tag_ == "VBG":
        return False
    if below is trigger:
        return trigger.dep_ in ("dobj", "obj")
    return below.dep_ == "prep" and below.lower_ in FACT_PREPS and trigger.head is below


def _absorbed(matches: list[TriggerMatch]) -> set[int]:
    """Nominal triggers that are the subject or agent of a verbal trigger of the same type:
    "an air strike on Gaza killed five people" is one event, read from the verb."""
    verbs = {m.head.i: m.entry.type for m in matches if not is_trigger_noun(m.head)}
    found = set()
    for number, match in enumerate(matches):
        head = match.head
        if not is_trigger_noun(head):
            continue
        governor = head.head
        if head.dep_ in ("pobj", "pcomp") and governor.dep_ == "agent":
            governor = governor.head
        elif head.dep_ != "nsubj":
            continue
        if verbs.get(governor.i) == match.entry.type:
            found.add(number)
    return found


def _lead_end(report: Report) -> int:
    """Where the headline and subheadline end in ``article.text`` (0 when there are none)."""
    article = report.article
    lead = "\n\n".join(p for p in (article.headline, article.subheadline) if p)
    return len(lead) if lead and article.text.startswith(lead) else 0


def _share_with_enclosing(matches, owners, dates, locations) -> None:
    """A nominal event inside another ("agreed at a meeting in Singapore") shares its date and place."""
    for number, match in enumerate(matches):
        head = match.head
        if head.dep_ != "pobj" or head.head.lower_ not in attributes.LINKING_PREPS:
            continue
        other = attributes.owner_above(head.head, owners)
        if other is None or other == number:
            continue
        for table in (dates, locations):
            if table[other] is None:
                table[other] = table[number]
            elif table[number] is None:
                table[number] = table[other]


# Types whose triggers are common outside politics ("merger talks"): a coded party is required.
NEEDS_CODED_PARTY = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID"})


def _enough_participants(match: TriggerMatch, participants) -> bool:
    everyone = participants.actors + participants.recipients
    if match.entry.type in NEEDS_CODED_PARTY:
        return any(p.country or p.sector not in (None, "BUS") for p in everyone)
    return bool(everyone)


def _draft(
    report: Report, match: TriggerMatch, participants, date: str | None, location: Location | None
) -> Event:
    sentence = match.sentence
    start = sentence.start_char
    end = start + len(sentence.text.rstrip())  # without the paragraph break after it
    entry = match.entry
    trigger_at = match.start_char
    return Event(
        id="",
        type=entry.type,
        mode=entry.mode,
        cameo=entry.cameo,
        quad=cameo.quad(entry.type),
        score=cameo.goldstein(entry.cameo),
        actors=participants.actors,
        recipients=participants.recipients,
        date=date,
        location=location,
        # A statement of intent happened when it was made, whatever it announces.
        status="occurred" if entry.intent else attributes.status(match, report.article.date, date),
        evidence=sentence.text[: end - start],
        start=start,
        end=end,
        mentions=[EventMention(start=start, end=end)],
        quote=next((q.id for q in report.quotes if q.start <= trigger_at < q.end), None),
        confidence=_confidence(match, participants),
        trigger=match.text,
        pattern=entry.pattern,
    )


def _confidence(match: TriggerMatch, participants) -> float:
    score = 0.4
    if any(p.entity for p in participants.actors):
        score += 0.25
    elif participants.actors:
        score += 0.15
    if participants.recipients or len(participants.actors) > 1:
        score += 0.15
    if match.head.pos_ == "VERB":
        score += 0.1
    return round(min(score, 0.95), 2)
