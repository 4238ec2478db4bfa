"""Who takes part in an event: actors and recipients read off the dependency parse."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from communique.countries import GROUP_CODES
from communique.entities.coding import dominant_country
from communique.events.dyads import directed_dyads, reciprocal_dyads
from communique.events.lexicon import lexicon
from communique.events.triggers import NAME_TYPES, TriggerMatch, word_entry
from communique.model import Entity, Participant, Report

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj"})
# Prepositions whose object receives the action ("sanctions on X", "attack against X").
RECIPIENT_PREPS = frozenset(
    {"with", "to", "on", "against", "at", "toward", "towards", "upon", "into"}
)
# Prepositions that name the other party when nothing closer does ("demanded autonomy from X").
INDIRECT_PREPS = RECIPIENT_PREPS | {"from", "among", "between"}
AID_INTENT_CODE = "033"  # CAMEO: express intent to provide material aid
PLACE_PREPS = frozenset({"in", "inside", "into"})
NOUN_RECIPIENT_PREPS = frozenset({"on", "against", "to", "with", "toward", "towards", "upon", "at"})
# Entity types of times and amounts: never a party ("demanded on Tuesday that ...").
MEASURES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})
# Entity types and prepositions that never introduce a party of an event.
NOT_PARTIES = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "GPE", "LOC", "FAC"}
)
PARTY_PREPS = frozenset(
    {"between", "by", "with", "against", "on", "to", "toward", "towards", "upon"}
)
# Verbs that inherit their subject from the verb they complement or are coordinated with.
INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
# Verbs that carry a nominal event ("held talks", "imposed sanctions").
LIGHT_VERBS = frozenset(
    {
        "hold",
        "have",
        "conduct",
        "launch",
        "impose",
        "stage",
        "carry",
        "make",
        "sign",
        "provide",
        "send",
        "deliver",
        "announce",
        "begin",
        "start",
        "resume",
        "open",
        "continue",
        "pay",
        "give",
        "issue",
        "offer",
        "express",
        "declare",
        "call",
        "order",
        "slap",
        "extend",
        "host",
        "grant",
        "approve",
        "pledge",
        "donate",
        "mount",
        "unleash",
        "reach",
        "agree",
        "renew",
        "complete",
        "undertake",
        "organize",
        "organise",
        "lodge",
        "file",
        "speed",
        "accelerate",
        "step",
        "intensify",
        "expand",
        "tighten",
        "finish",
        "direct",
        "heap",
        "voice",
        "lay",
        "hurl",
        "level",
        "pour",
        "cast",
        "form",
        "forge",
        "strike",
        "seal",
        "broker",
        "wage",
        "commit",
        "perpetrate",
        "inflict",
        "enter",
        "join",
        "build",
    }
)
# Verbs whose subject undergoes the nominal event they carry ("serving a sentence",
# "faced charges", "endured criticism", "suffered an attack").
UNDERGOING_VERBS = frozenset(
    {"serve", "face", "endure", "suffer", "undergo", "receive", "draw", "incur", "weather"}
)
# Pronouns that, as subject of a reported clause, stand for the reporting verb's subject.
REPORTED_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
# Object pronouns and the kinds of entity they stand for.
OBJECT_PRONOUNS = {
    "him": frozenset({"PERSON"}),
    "her": frozenset({"PERSON"}),
    "them": frozenset({"GROUP", "NORP"}),
}
# Inside a quotation these stand for its speaker.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# Words that count people rather than name them ("thousands of students").
# (Word lists here and in events/attributes.py are alike in shape only: sets of words.)
QUANTITY_WORDS = frozenset(
    {
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "million",
        "millions",
        "tens",
        "scores",
        "group",
        "number",
        "some",
        "members",
        "member",
        "crowd",
    }
)


@dataclass
class Participants:
    """Who takes part in one trigger's event. A reciprocal event ("met", "agreed") keeps its
    subjects in ``actors`` and the other parties in ``recipients`` until :meth:`dyads` makes
    them all actors of one event per dyad."""

    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    reciprocal: bool = False
    joint: bool = False  # "a joint meeting with A and B": every party with every other

    def __bool__(self) -> bool:
        return bool(self.actors or self.recipients)

    def dyads(self) -> list[Participants]:
        """One set of participants per source–target dyad (see :mod:`communique.events.dyads`)."""
        if self.reciprocal:
            pairs = reciprocal_dyads(self.actors, self.recipients, self.joint)
        else:
            pairs = directed_dyads(self.actors, self.recipients)
        return [Participants(actors=a, recipients=r) for a, r in pairs]


class ParticipantReader:
    """Resolves parse tokens to the report's entities and countries."""

    def __init__(self, report: Report, country_of_word, country_name):
        self.report = report
        self.country_of_word = country_of_word
        self.country_name = country_name
        self.dyad = main_dyad(report)
        self.entity_at_char = _tightest_entity_by_char(report)
        self.story_country = story_country(report)
        self.place_at_char = {
            offset: place for place in report.places for offset in range(place.start, place.end)
        }

    def read(self, match: TriggerMatch, generic: bool = True) -> Participants:
        """Actors and recipients of one trigger; uncoded participants ("organizers") count
        when ``generic``, or beside a coded party ("organizers ... thanked Canada")."""
        found = self._read(match, generic)
        if not generic and any(p.country for p in found.actors + found.recipients):
            return self._read(match, True)
        return found

    def _read(self, match: TriggerMatch, generic: bool) -> Participants:
        head = match.head
        if match.entry.roles == "self":
            return Participants(actors=self.resolve(head, False, generic))
        reciprocal = match.entry.roles == "recip"
        if head.pos_ == "VERB" or (head.pos_ == "ADJ" and head.dep_ != "amod"):
            subjects, objects = self._verb_arguments(head)
            if reciprocal:  # "met her counterparts from Spain and Greece", however attached
                objects += _prep_objects(head, frozenset({"from"}))
        else:
            subjects, objects = self._noun_arguments(head)
            # "the invasion of Lebanon", "the arrest of X"; but "a visit of the president"
            done_by_of = reciprocal or match.entry.mode == "visit"
            if done_by_of and not subjects:
                subjects = _of_objects(head)
            elif not done_by_of:
                of_objects = [
                    g
                    for c in _noun_dependents(head)
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]  # "bombings this month of U.S. embassies"
                objects = objects + [t for t in of_objects if t not in objects]
        actors = [p for t in subjects for p in self.resolve(t, reciprocal, generic)]
        # Uncoded objects are parties only when they name people ("arrested another man"),
        # not things ("the demands", "roads").
        others = [p for t in objects for p in self.resolve(t, reciprocal, generic)]
        if reciprocal:
            keys = {participant_key(p) for p in actors}
            others = [p for p in others if participant_key(p) not in keys]
            joint = any(c.dep_ == "amod" and c.lower_ in JOINT_WORDS for c in head.children)
            return Participants(_unique(actors), _unique(others), reciprocal=True, joint=joint)
        actor_keys = {participant_key(p) for p in actors}
        if _gives(match) and head.pos_ == "VERB":
            # what is given is no recipient: "committed advisers to the government side"
            given = {t.i for t in objects if t.dep_ in OBJECT_DEPS and t.head.i == head.i}
            beneficiaries = [t for t in objects if t.i not in given]
            if beneficiaries:
                others = [p for t in beneficiaries for p in self.resolve(t, False, generic)]
        recipients = [p for p in others if participant_key(p) not in actor_keys]
        fallbacks: list[Callable[[Token, list[Token]], list[Token]]] = [
            _indirect_parties,
            _place_parties,
        ]
        if match.entry.type == "THREATEN":
            fallbacks.insert(0, _conditioned_parties)  # "threatened to strike unless Baghdad ..."
        if match.entry.type == "REQUEST":
            fallbacks.insert(0, _called_for_parties)  # "called for the resignation of X"
        if _gives(match):
            # aid is given for someone: "provided 10 million dollars for Haiti"
            fallbacks.insert(0, lambda head, objects: _prep_objects(head, frozenset({"for"})))
        for fallback in fallbacks:
            if any(p.country for p in recipients):
                break
            found = [p for t in fallback(head, objects) for p in self.resolve(t, False)]
            found = [p for p in found if participant_key(p) not in actor_keys]
            if found:  # a coded party found further off goes before the uncoded ones
                recipients = _unique(found + recipients)
        return Participants(actors=_unique(actors), recipients=_unique(recipients))

    def _verb_arguments(self, verb: Token) -> tuple[list[Token], list[Token]]:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        # indirect objects first ("offered Poland assistance"), then direct objects
        objects = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        objects += [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        agents = [
            g
            for c in verb.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
        if passive and not agents and _stative(verb):
            subjects, passive = passive, []  # "Vietnam is committed to opening up": it acts
        if passive:
            objects = _antecedents(verb, passive) + objects
            subjects = agents
        elif agents and not subjects and verb.dep_ in ("acl", "relcl"):
            # "a resolution co-sponsored by Kenya and Tanzania": the agents act on the noun
            subjects, objects = agents, [verb.head, *objects]
        subjects = _antecedents(verb, subjects)
        # an adjective's "of" names whom it is about ("critical of", "supportive of")
        preps = RECIPIENT_PREPS | ({"of"} if verb.pos_ == "ADJ" else set())
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
                objects += _pobjs(prep)
        objects = [o for o in objects if o.ent_type_ not in MEASURES]  # "on Tuesday"
        if not subjects and not passive:
            subjects = _inherited_subjects(verb)
        # "an air strike on Gaza killed five people": the target of the acting event counts
        for subject in subjects:
            if is_trigger_noun(subject):
                objects += self._noun_arguments(subject)[1]
        if not objects:
            objects = _complement_parties(verb)
        if not objects:  # "supports and wants Russia to play a role": the shared object
            for conjunct in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
                objects = [c for c in conjunct.children if c.dep_ in OBJECT_DEPS]
                objects = objects or _complement_parties(conjunct)
                if objects:
                    break
        return subjects, objects

    def _noun_arguments(self, noun: Token) -> tuple[list[Token], list[Token]]:
        subjects: list[Token] = []
        objects: list[Token] = []
        origins: list[Token] = []
        owners: list[Token] = []  # "their first meeting": whoever "their" is
        for child in _noun_dependents(noun):
            if child.dep_ == "poss" and child.tag_ == "PRP$":
                owners.append(child)
            elif child.dep_ == "poss":
                subjects.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("between", "by"):
                subjects += _pobjs(child)
            elif child.dep_ == "prep" and child.lower_ in NOUN_RECIPIENT_PREPS:
                objects += _pobjs(child)
            elif child.dep_ == "prep" and child.lower_ == "from":
                origins += _pobjs(child)
        if not subjects:
            # "Russian-Japanese talks", "a NATO summit meeting", "Israeli tank shelling"
            modified = self._modifier_countries(noun) or self._named_modifiers(noun, places=False)
            subjects = [noun] if modified else []
        if origins and _withdraws(noun):
            objects += origins  # "the withdrawal of troops from Syria"
        elif origins and not subjects:
            subjects = origins  # "shelling from Ukrainian forces", "aid from Japan"
        carrier = noun.head if noun.dep_ == "compound" else noun  # "a mediation effort"
        governor = carrier.head
        undergoing = _is_verb_of(governor, UNDERGOING_VERBS)
        if carrier.dep_ in OBJECT_DEPS and undergoing and not objects:
            # "serving a prison sentence", "faced charges", "endured criticism": the subject
            # undergoes the event
            objects += self._verb_arguments(governor)[0]
        elif carrier.dep_ in OBJECT_DEPS and _is_verb_of(governor, LIGHT_VERBS) and not subjects:
            subjects, more = self._verb_arguments(governor)
            objects += [t for t in more if t is not carrier]
        elif (
            carrier.dep_ == "pobj"
            and governor.pos_ == "ADP"  # not "said that" misparsed as a preposition
            and governor.lower_ not in CAUSE_PREPS
            and governor.head.pos_ == "VERB"
            and not subjects
        ):
            # "remained on alert", "went on strike"; not "arrested over the riots"; "were
            # hit by France in airstrikes": the agent of a passive
            verb = governor.head
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS] or _agents(verb)
            if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                objects += [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            # "in another attack, gunmen fired on a patrol": the verb's target too
            objects += _verb_targets(verb, besides=governor)
        return subjects or owners, objects

    def resolve(self, token: Token, reciprocal: bool, generic: bool = False) -> list[Participant]:
        """Participants named by a token and the tokens coordinated with it."""
        found: list[Participant] = []
        for head in (token, *token.conjuncts, *_stranded_conjuncts(token)):
            found += self._resolve_one(head, reciprocal, generic)
        return _unique(found)

    def _resolve_one(self, token: Token, reciprocal: bool, generic: bool) -> list[Participant]:
        counted = _counted(token)
        if counted is not None:
            return self.resolve(counted, reciprocal, generic)
        entity = self._entity(token)
        if token.lower_ in FIRST_PERSON and token.pos_ == "PRON":  # not "US"
            speaker = self._speaker_at(token)
            if speaker is not None:
                return [self._from_entity(speaker)]
        if token.lower_ in OBJECT_PRONOUNS and token.dep_ in OBJECT_DEPS:
            subjects = self._clause_subject_entities(token.head)
            if entity is None or entity.id in subjects:  # "Clinton ..., welcoming him"
                return self._object_antecedent(token, subjects)
        if entity is None and token.lower_ in REPORTED_PRONOUNS:
            reporter = _reporting_subject(token)
            return self.resolve(reporter, reciprocal, generic) if reporter is not None else []
        coded = _coded(entity)
        country = coded.actor.country if coded is not None and coded.actor else None
        if coded is not None and country and not _is_plural_descriptor(token, coded):
            return [self._from_entity(coded)]
        counted_parties = _party_count(token)
        if counted_parties:  # "the two countries", "both leaders": the ones just named
            found = self._coordinated_before(token, counted_parties)
            if found:
                return found
        for reader in (
            self._apposition,
            self._modifier_countries,
            self._named_modifiers,
            self._of_parties,
            self._possessors,
            self._acting_event,
            self._side,
        ):
            found = reader(token, reciprocal)
            if found:
                return found
        if _names_plural_parties(token, coded):
            return self._coordinated_before(token, 0) or [self._country(c) for c in self.dyad]
        if coded is not None and country:
            return [self._from_entity(coded)]
        place = self._place(token)
        if place:
            return place
        if coded is not None:
            return [self._from_entity(coded)]
        if token.pos_ == "NOUN" and names_people(token) and not is_trigger_noun(token):
            described = self._described_before(token)
            if described:  # "U.N. weapons inspectors ... gave inspectors access": the U.N.'s
                return described
        if not generic or is_trigger_noun(token):  # "air strikes killed ...": no actor named
            return []
        return self._generic(token)

    def _clause_subject_entities(self, verb: Token) -> set[str]:
        """Ids of the entities of a verb's subject, its own or the one it inherits."""
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        return {
            e.id for t in own or _inherited_subjects(verb) if (e := self._entity(t)) is not None
        }

    def _object_antecedent(self, pronoun: Token, subjects: set[str]) -> list[Participant]:
        """Who an object pronoun stands for: the latest coded entity of its kind named before
        it in its sentence or the one before, other than its clause's subject (binding:
        "Clinton rolled out the red carpet for Blair, welcoming him": Blair)."""
        kinds = OBJECT_PRONOUNS[pronoun.lower_]
        sentence = pronoun.sent
        start = sentence.start_char
        if sentence.start > 0:
            start = pronoun.doc[sentence.start - 1].sent.start_char
        best: tuple[int, Entity] | None = None
        for entity in self.report.entities:
            if entity.type not in kinds or entity.actor is None or not entity.actor.country:
                continue
            if entity.id in subjects:
                continue
            for mention in entity.mentions:
                before = start <= mention.start and mention.end <= pronoun.idx
                if before and (best is None or mention.start > best[0]):
                    best = (mention.start, entity)
        return [self._from_entity(best[1])] if best else []

    def _coordinated_before(self, token: Token, count: int) -> list[Participant]:
        """The parties of the latest coordination of parties of different countries before
        the token, within :data:`COORDINATION_WINDOW` sentences ("Kenya and Tanzania ...
        the two countries"): ``count`` of them, or two ("the sides")."""
        doc = token.doc
        first = max(0, token.sent.start - 1)
        for _ in range(COORDINATION_WINDOW - 1):
            if first == 0:
                break
            first = max(0, doc[first].sent.start - 1)
        for i in range(token.i - 1, first - 1, -1):
            head = doc[i]
            if head.dep_ == "conj" or not any(c.dep_ == "conj" for c in head.children):
                continue
            found = _unique([p for t in (head, *head.conjuncts) for p in self._named_party(t)])
            countries = {p.country for p in found}
            if len(found) == len(countries) == (count or 2):
                return found
        return []

    def _named_party(self, token: Token) -> list[Participant]:
        """The coded entity or country a coordinated word names ("Kenya", "Russian")."""
        entity = self._entity(token)
        if entity is not None and entity.actor is not None and entity.actor.country:
            return [self._from_entity(entity)]
        code = self.country_of_word(token.text) if token.pos_ in ("ADJ", "PROPN") else None
        return [self._country(code)] if code else []

    def _acting_event(self, token: Token, reciprocal: bool = False) -> list[Participant]:
        """Who carries out an event named by a noun that acts or is an agent ("Israeli tank
        shelling killed ...", "killed by shelling from Ukrainian forces")."""
        if not is_trigger_noun(token):
            return []
        subjects = [t for t in self._noun_arguments(token)[0] if t.i != token.i]
        found = [p for t in subjects for p in self.resolve(t, reciprocal)]
        return found or (self._modifier_countries(token) if subjects != [] else [])

    def _side(self, token: Token, reciprocal: bool = False) -> list[Participant]:
        """The party a side or camp is named after: "the government side", "the rebel faction"."""
        if token.lemma_.lower() not in SIDE_NOUNS:
            return []
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i < token.i and names_people(child):
                entity = self._entity(child)
                if entity is not None and entity.actor is not None:
                    return [self._from_entity(entity)]
                return self._generic(child, as_modifier=True)
        return []

    def _of_parties(self, token: Token, reciprocal: bool = False) -> list[Participant]:
        """The parties a common noun belongs to: "the foreign ministers of Egypt, Jordan and
        Saudi Arabia", "his counterparts from Ukraine, Russia and France", "facilitators of
        Russia's war"."""
        if token.pos_ != "NOUN" or is_trigger_noun(token):
            return []
        if token.lemma_.lower() in lexicon().opposing_nouns:
            return []
        found: list[Participant] = []
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for pobj in prep.children:
                    # "the results of talks between X and Y" are not X's or Y's
                    if pobj.dep_ == "pobj" and pobj.i != token.i and not is_trigger_noun(pobj):
                        found += self.resolve(pobj, reciprocal)
        entity = self._entity(token)
        sector = entity.actor.sector if entity is not None and entity.actor else None
        if sector:  # "the foreign ministers of Egypt": Egypt's government
            found = [p if p.sector else p.model_copy(update={"sector": sector}) for p in found]
        return _unique(found)

    def _speaker_at(self, token: Token) -> Entity | None:
        """Who "I", "we" or "us" is inside a quotation: its speaker ("'Putin blamed me', Obama
        said")."""
        for quote in self.report.quotes:
            if quote.start <= token.idx < quote.end and quote.speaker and quote.speaker.entity:
                return next((e for e in self.report.entities if e.id == quote.speaker.entity), None)
        return None

    def _place(self, token: Token) -> list[Participant]:
        """A place acted on, by its country ("attacked Kharkiv", "the city of Kharkiv",
        "targets in Sudan")."""
        for word in (token, *_of_objects(token), *_prep_objects(token, frozenset({"in"}))):
            place = self.place_at_char.get(word.idx)
            if place is not None and place.country:
                return [Participant(name=place.name, country=place.country)]
        return []

    def _generic(self, token: Token, as_modifier: bool = False) -> list[Participant]:
        """An uncoded participant named by a noun ("thousands of students"): name only."""
        if token.pos_ not in ("NOUN", "PROPN", "ADJ" if as_modifier else "NOUN"):
            return []
        if token.like_num or token.ent_type_ in NOT_PARTIES:
            return []
        if token.dep_ == "pobj" and token.head.lower_ not in PARTY_PREPS:
            return []
        if token.pos_ in ("NOUN", "ADJ") and not names_people(token):
            return []  # "violence erupted", "the plan calls for": things, not parties
        if token.pos_ == "PROPN" and token.ent_type_ not in PEOPLE_NAMES:
            return []  # "fired a Scud": a name, but of no party
        words = [
            t
            for t in token.subtree
            if t.i <= token.i and t.dep_ in ("compound", "amod") or t == token
        ]
        return [Participant(name=" ".join(t.text for t in words), country=self.story_country)]

    def _described_before(self, token: Token) -> list[Participant]:
        """The party of the latest earlier mention of the same bare noun whose modifiers
        named one ("U.N. weapons inspectors" ... "inspectors"), when that noun has no
        modifier of its own."""
        if any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in token.children):
            return []
        lemma = token.lemma_.lower()
        for i in range(token.i - 1, -1, -1):
            earlier = token.doc[i]
            if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma:
                continue
            found = self._named_modifiers(earlier) or self._modifier_countries(earlier)
            if found:
                return found
        return []

    def _possessors(self, token: Token, reciprocal: bool) -> list[Participant]:
        for child in token.children:
            if child.dep_ == "poss":
                owners = self.resolve(child, reciprocal)
                if owners:
                    return owners
        return []

    def _entity(self, token: Token) -> Entity | None:
        """The entity with the tightest mention around the token (as ``entity_at`` for one token)."""
        return self.entity_at_char.get(token.idx)

    def _apposition(self, token: Token, reciprocal: bool = False) -> list[Participant]:
        """Named entities set off after the token by a comma (appositions the parser missed)."""
        doc = token.doc
        after = max(t.i for t in token.subtree) + 1
        names = [c for c in token.children if c.dep_ == "appos"]
        is_party_noun = token.lemma_.lower() in lexicon().plural_parties
        if not names and is_party_noun and after < len(doc) - 1 and doc[after].text == ",":
            following = doc[after + 1]
            if following.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or following.pos_ == "PROPN":
                names = [following.head if following.dep_ == "compound" else following]
        found = []
        for name in names:
            root = name
            while root.dep_ in ("compound", "amod") and root.head.i > root.i:
                root = root.head
            found += [
                self._from_entity(e)
                for t in (root, *root.conjuncts)
                if (e := self._entity(t)) and e.actor
            ]
        return _unique(found)

    def _modifier_countries(self, token: Token, reciprocal: bool = False) -> list[Participant]:
        """Countries named by adjectives before a noun: "Russian and Japanese envoys",
        "Russian-Japanese talks" (the parser hangs the first adjective on the second)."""
        found = []
        entity = self._entity(token)
        own = entity if entity is not None and entity.actor is not None else None
        own_country = own.actor.country if own is not None and own.actor else None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                for word in (*_hyphen_chain(child), child, *child.conjuncts):
                    code = self.country_of_word(word.text)
                    if code and own is not None and own_country == code:
                        found.append(self._from_entity(own))  # "Jordanian protesters": CVL
                    elif code:
                        found.append(self._country(code))
        return _unique(found)

    def _named_modifiers(
        self, token: Token, reciprocal: bool = False, places: bool = True
    ) -> list[Participant]:
        """A coded name modifying a common noun: "the APEC forum", "the Hamas movement";
        without ``places``, no town or country ("a London rally" is only where it was)."""
        if token.pos_ != "NOUN":
            return []
        found = []
        for child in token.children:
            if child.dep_ in ("compound", "nmod") and child.i < token.i:
                entity = self._entity(child)
                if entity is not None and not places and entity.type in ("GPE", "LOC", "FAC"):
                    continue
                if entity is not None and entity.actor and entity.actor.country:
                    found.append(self._from_entity(entity))
        return _unique(found)

    def _from_entity(self, entity: Entity) -> Participant:
        actor = entity.actor
        country = actor.country if actor else None
        sector = actor.sector if actor else None
        if country is None and (sector is None or sector in DOMESTIC_SECTORS):
            country = self.story_country  # "police", "the army", "gunmen": the story's own
        return Participant(entity=entity.id, name=entity.name, country=country, sector=sector)

    def _country(self, code: str) -> Participant:
        entity = next(
            (
                e
                for e in self.report.entities
                if e.type == "GPE"
                and self.country_of_word(e.name) == code
                and e.actor
                and e.actor.country == code
            ),
            None,
        )
        if entity is not None:
            return Participant(entity=entity.id, name=entity.name, country=code, sector="GOV")
        return Participant(name=self.country_name(code), country=code, sector="GOV")


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SIDE_NOUNS = frozenset({"side", "faction"})
JOINT_WORDS = frozenset({"joint", "trilateral", "three-way", "four-way", "multilateral"})
WITHDRAWAL_TYPES = frozenset({"RETREAT"})


# Prepositions whose noun is a cause or topic of the verb, not an event its subject takes
# part in ("arrested over riots" but "went on strike", "talked during a phone call").
CAUSE_PREPS = frozenset(
    {
        "over",
        "about",
        "after",
        "before",
        "against",
        "for",
        "amid",
        "despite",
        "of",
        "from",
        "since",
        "following",
        "because",
        "regarding",
        "concerning",
    }
)
PEOPLE_NAMES = frozenset({"PERSON", "NORP", "ORG"})
AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ant", "ants", "ent", "ents")
NOT_AGENTS = ("ment", "ments", "order", "orders", "border", "borders")  # "agreement"


def names_people(token: Token) -> bool:
    """Whether a common noun names people or a body of them: a role or agent of the
    entities lexicon ("protesters", "gunman", "authorities") or an agent noun ("attackers",
    "organizers")."""
    from communique.entities import lexicon as entities_lexicon

    lemma = token.lemma_.lower()
    settings = entities_lexicon.role_settings()
    return (
        lemma in entities_lexicon.roles()
        or token.lower_ in entities_lexicon.roles()
        or lemma in settings["people_heads"]
        or lemma in lexicon().people_nouns
        or (token.lower_.endswith(AGENT_SUFFIXES) and not token.lower_.endswith(NOT_AGENTS))
    )


def is_trigger_noun(token: Token) -> bool:
    """Whether the token names an event as a noun whose lexicon entry holds ("airstrike"), not
    inside a name ("the Transatlantic Trade and Investment Partnership"), or as a gerund of
    a trigger verb ("killed by shelling from ...")."""
    if token.pos_ in ("NOUN", "PROPN"):
        return token.ent_type_ not in NAME_TYPES and word_entry(token) is not None
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("pcomp", "pobj", "nsubj")
        and (word_entry(token) is not None)
    )


def _noun_dependents(noun: Token) -> list[Token]:
    """A noun's dependents, with the prepositions the parser hangs on a date after it: in
    "the attacks Aug. 7 at the U.S. embassies" the embassies are the attacks' target."""
    found = list(noun.children)
    for child in noun.children:
        if child.ent_type_ in ("DATE", "TIME") and child.dep_ in ("npadvmod", "appos", "nmod"):
            found += [c for c in child.children if c.dep_ == "prep"]
    return sorted(found, key=lambda t: t.i)


def _is_verb_of(verb: Token, lemmas: frozenset[str]) -> bool:
    """Whether the verb is one of the lemmas, also when the tagger's lemma is wrong
    ("staged" lemmatised "stag")."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word}
    for suffix, stem_end in (
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix):
            forms.add(word[: -len(suffix)] + stem_end)
    return bool(forms & lemmas)


def _agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's "by" agent."""
    return [
        g
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def _withdraws(noun: Token) -> bool:
    entries = lexicon().by_lemma.get(("NOUN", noun.lemma_.lower()), ())
    return any(e.type in WITHDRAWAL_TYPES for e in entries)


def _antecedents(verb: Token, subjects: list[Token]) -> list[Token]:
    """A relative pronoun stands for the noun its clause describes ("Scholz, who arrived")."""
    if verb.dep_ != "relcl":
        return subjects
    return [verb.head if s.lower_ in RELATIVE_PRONOUNS else s for s in subjects]


def _stranded_conjuncts(token: Token) -> list[Token]:
    """People coordinated with a person but parsed inside its "of" phrase ("Leonid Kuchma of
    Ukraine and Boris Yeltsin of Russia": the parser hangs Yeltsin on Ukraine) or as a
    modifier of its name."""
    if token.ent_type_ != "PERSON":
        return []
    found = [
        c
        for place in _of_objects(token)
        if place.ent_type_ in ("GPE", "LOC", "NORP", "ORG")
        for c in place.conjuncts
        if c.ent_type_ == "PERSON"
    ]
    # "with Japan Prime Minister Shinzo Abe and South Korea President Park Geun Hye": the
    # parser hangs Abe on Park's name as a modifier
    doc = token.doc
    for child in token.children:
        if (
            child.dep_ == "nmod"
            and child.ent_type_ == "PERSON"
            and any(doc[k].ent_type_ != "PERSON" for k in range(child.i + 1, token.i))
        ):
            found.append(child)
    return found


def _pobjs(prep: Token) -> list[Token]:
    """A preposition's objects, and those of the prepositions coordinated with it ("on
    Pakistan and on Afghanistan", "at Syria and into Iraq")."""
    found = [g for g in prep.children if g.dep_ == "pobj"]
    for other in prep.children:
        if other.dep_ == "conj" and other.pos_ == "ADP" and other.lower_ not in SETTING_PREPS:
            found += _pobjs(other)
    return found


# Prepositions that set a scene rather than name a party ("talks with X and in Geneva").
SETTING_PREPS = frozenset(
    {"in", "inside", "during", "after", "before", "since", "until", "near", "across", "within"}
)


def _of_objects(token: Token) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in _pobjs(c)]


COORDINATION_WINDOW = 3  # sentences searched for the parties "the two countries" stands for
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "both": 2}


def _party_count(token: Token) -> int:
    """How many parties a plural party noun counts ("the two presidents", "both sides"),
    0 when it names no number or is no such noun."""
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in lexicon().plural_parties:
        return 0
    for child in token.children:
        if child.dep_ in ("nummod", "det", "predet", "quantmod") and child.lower_ in NUMBER_WORDS:
            return NUMBER_WORDS[child.lower_]
    return 0


def _coded(entity: Entity | None) -> Entity | None:
    """The entity when it is coded with a country or a sector, else None."""
    if entity is None or entity.actor is None:
        return None
    return entity if entity.actor.country or entity.actor.sector else None


def _names_plural_parties(token: Token, entity: Entity | None) -> bool:
    """ "the sides", "the two leaders", or a pronoun standing for them, with no country of its own."""
    parties = lexicon().plural_parties
    if token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in parties:
        return True
    if entity is None or entity.type == "PERSON":
        return False
    last = entity.name.lower().split()[-1] if entity.name else ""
    return last.endswith("s") and last[:-1] in parties


def _reporting_subject(pronoun: Token) -> Token | None:
    """Who a pronoun in a reported clause stands for: the subject of the reporting verb
    ("Iraq said it would ...", "the minister announced that he will ...")."""
    if pronoun.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return None
    clause = pronoun.head
    for _ in range(4):
        if clause.head.i == clause.i:
            return None
        if clause.dep_ == "ccomp":
            subjects = [c for c in clause.head.children if c.dep_ in SUBJECT_DEPS]
            if subjects and subjects[0].lower_ not in REPORTED_PRONOUNS:
                return subjects[0]
            return None
        if clause.dep_ not in ("xcomp", "conj", "advcl"):
            return None
        clause = clause.head
    return None


def _counted(token: Token) -> Token | None:
    """What a quantity counts: "students" in "tens of thousands of students"."""
    if not (token.like_num or token.lower_ in QUANTITY_WORDS):
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _counted(pobj) or pobj
    return None


def _hyphen_chain(token: Token) -> list[Token]:
    """Adjectives joined to this one by hyphens before it ("Russian-Japanese")."""
    chain = []
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.i < token.i:
            chain.append(child)
    return chain


def _is_plural_descriptor(token: Token, entity: Entity) -> bool:
    return token.tag_ in ("NNS", "NNPS") and entity.type not in ("PERSON", "GPE", "ORG", "NORP")


def _inherited_subjects(verb: Token) -> list[Token]:
    """The subject of the verb a complement or conjunct verb depends on ("agreed to hold")."""
    current = verb
    for _ in range(4):
        if current.dep_ == "relcl":
            return [current.head]
        if current.dep_ == "acl" and current.head.dep_ in ("dobj", "pobj"):
            # "continue the efforts to conclude": the subject of the verb owning the noun
            owner = current.head.head
            if owner.dep_ == "prep":
                owner = owner.head
            return [c for c in owner.children if c.dep_ in SUBJECT_DEPS]
        if current.dep_ not in INHERITING_DEPS or current.head == current:
            return []
        current = current.head
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
    return []


def _complement_parties(verb: Token) -> list[Token]:
    """Who a verb's complement is about, when the verb has no object of its own: the subject
    of "demanded that the US cancel ...", the objects of "offered to hand over to Britain"."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
            if subjects:
                return subjects
        if child.dep_ == "xcomp":
            found = [c for c in child.children if c.dep_ in OBJECT_DEPS]
            for prep in child.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ in RECIPIENT_PREPS:
                    found += _pobjs(prep)
            if found:
                return found
    return []


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lower_ in preps
        for g in _pobjs(c)
    ]


def _complement_verbs(head: Token) -> list[Token]:
    """The trigger and the verbs completing it, two levels down ("threatened to cut off")."""
    verbs = [head]
    for _ in range(2):
        verbs += [c for v in verbs for c in v.children if c.dep_ == "xcomp" and c not in verbs]
    return verbs


def _gives(match: TriggerMatch) -> bool:
    """Whether the trigger gives aid, or promises to (CAMEO 07 and 033)."""
    return match.entry.type == "AID" or match.entry.cameo.startswith(AID_INTENT_CODE)


def _indirect_parties(head: Token, objects: list[Token]) -> list[Token]:
    """Who receives the action when no object names a party: the party of a preposition on
    the object ("granted asylum to X", "relations with X", "the offer by X", "supplies for
    X"), on the verb's complement ("threatened to cut off supplies to X"), on what a nominal
    trigger is of ("the withdrawal of troops from X") or "from X" ("withdrew troops from X")."""
    verbs = _complement_verbs(head)
    things = [*objects]
    for verb in verbs:
        things += [c for c in verb.children if c.dep_ in OBJECT_DEPS and c not in things]
    if head.pos_ in ("NOUN", "PROPN"):
        things += [t for t in _prep_objects(head, frozenset({"of"})) if t not in things]
    # "contributed $3 million in assistance to X": what the object is given as
    things += [t for thing in list(things) for t in _prep_objects(thing, MEANS_PREPS)]
    found = [g for verb in verbs for g in _prep_objects(verb, INDIRECT_PREPS)]
    # "pull out of NATO", "walked out of the talks": "out of" is "from"
    for verb in verbs:
        outs = [c for c in verb.children if c.dep_ in ("prt", "prep") and c.lower_ == "out"]
        for holder in (verb, *outs) if outs else ():
            found += _prep_objects(holder, frozenset({"of"}))
    for thing in things:
        found += _prep_objects(thing, INDIRECT_PREPS | {"by", "for"})
    # "lift the sanctions imposed on Iraq", "appreciate the efforts made by Pyongyang"
    for thing in things:
        for participle in thing.children:
            if participle.dep_ == "acl" and participle.tag_ == "VBN":
                found += _prep_objects(participle, RECIPIENT_PREPS)
                found += [
                    g
                    for agent in participle.children
                    if agent.dep_ == "agent"
                    for g in agent.children
                    if g.dep_ == "pobj"
                ]
    return found


MEANS_PREPS = frozenset({"in", "of", "as", "for"})


def _verb_targets(verb: Token, besides: Token) -> list[Token]:
    """A verb's direct objects and the objects of its recipient prepositions, but for the
    preposition ``besides``."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i != besides.i and prep.lower_ in RECIPIENT_PREPS:
            found += _pobjs(prep)
    return found


def _stative(verb: Token) -> bool:
    """A participle of stance with its complement ("committed to", "prepared to talk")."""
    return verb.lemma_.lower() in lexicon().stative_participles and any(
        c.dep_ in ("xcomp", "prep") and (c.dep_ == "xcomp" or c.lower_ == "to")
        for c in verb.children
    )


def _called_for_parties(head: Token, objects: list[Token]) -> list[Token]:
    """Whom a call for something is about: the party of the event called for ("called for
    the resignation of the minister", "for Russia's expulsion") or the subject of the clause
    ("calling for Trump to be banned")."""
    found = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for thing in _pobjs(prep):
                found += [c for c in thing.children if c.dep_ == "poss" and c.tag_ != "PRP$"]
                found += _of_objects(thing)
    for clause in head.children:
        if clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in clause.children
        ):
            found += [c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    return found


CONDITIONS = frozenset({"if", "unless"})


def _conditioned_parties(head: Token, objects: list[Token]) -> list[Token]:
    """Whom a threat is made to: the subject of its condition ("threatened to launch an
    offensive unless Baghdad accepted", "to ban voting if Hamas ran")."""
    found = []
    for verb in _complement_verbs(head):
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause.children
            ):
                found += [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return found


def _place_parties(head: Token, objects: list[Token]) -> list[Token]:
    """Where the action falls when nothing else names its target: the country it happens in
    ("lifted the curfew in X", "arrived in X"); only coded places resolve to a party."""
    verbs = _complement_verbs(head)
    carriers = [*verbs, *(o for v in verbs for o in v.children if o.dep_ in OBJECT_DEPS)]
    carriers += [o for o in objects if o.head.i == head.i and o not in carriers]
    if head.dep_ in OBJECT_DEPS and head.head.pos_ == "VERB":
        carriers.append(head.head)
    elif head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
        carriers.append(head.head.head)  # "remained on alert in X"
    return [g for t in carriers for g in _prep_objects(t, PLACE_PREPS)]


def _tightest_entity_by_char(report: Report) -> dict[int, Entity]:
    """Character offset -> the entity whose shortest mention covers it (earlier entity on ties)."""
    best: dict[int, tuple[int, int, Entity]] = {}
    for order, entity in enumerate(report.entities):
        for mention in entity.mentions:
            rank = (mention.end - mention.start, order)
            for offset in range(mention.start, mention.end):
                current = best.get(offset)
                if current is None or rank < current[:2]:
                    best[offset] = (*rank, entity)
    return {offset: value[2] for offset, value in best.items()}


def participant_key(participant: Participant) -> str:
    return participant.entity or f"{participant.country}:{participant.name}"


def _unique(participants: list[Participant]) -> list[Participant]:
    seen: set[str] = set()
    unique = []
    for participant in participants:
        key = participant_key(participant)
        if key not in seen:
            seen.add(key)
            unique.append(participant)
    return unique


# Sectors of actors that belong where the story happens when the text names no country.
# (A set of codes, alike in shape to the word lists above.)
DOMESTIC_SECTORS = frozenset(
    [
        "COP",
        "MIL",
        "REB",
        "CVL",
        "OPP",
        "PTY",
        "GOV",
        "JUD",
        "LEG",
        "EDU",
        "HLH",
        "LAB",
        "CRM",
        "REL",
        "MED",
        "BUS",
        "AGR",
        "REF",
        "ELI",
        "SPY",
        "UAF",
        "INS",
    ]
)


def story_country(report: Report) -> str | None:
    """Where the story happens: the country that dominates the article's place mentions
    (:func:`communique.entities.coding.dominant_country`), else the dateline's country, else the one country its
    actors are of. Wire reports are often
    filed from a regional hub (a Syria story datelined Beirut), so the places come first."""
    country = dominant_country(Counter(p.country for p in report.places if p.country))
    if country is not None:
        return country
    dateline = report.article.dateline
    if dateline is not None and dateline.place:
        key = dateline.place.lower()
        for place in report.places:
            if place.country and (place.text or "").lower() == key:
                return place.country
    # a wire sentence with no places: the one country its actors are of ("Islamic
    # fundamentalists ... the resignation of Algerian President Ahmed Ben Bella")
    named = {
        e.actor.country
        for e in report.entities
        if e.actor and e.actor.country and len(e.actor.country) == 3 and e.actor.country.isalpha()
    } - GROUP_CODES
    return named.pop() if len(named) == 1 else None


def main_dyad(report: Report) -> tuple[str, ...]:
    """The two countries the article is most about (by mentions; ties by first mention)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for entity in report.entities:
        code = entity.actor.country if entity.actor else None
        if (
            code
            and len(code) == 3
            and code.isalpha()
            and code not in ("IGO", "NGO", "MNC", "UNO", "EUR")
        ):
            counts[code] += len(entity.mentions)
            first.setdefault(code, min((m.start for m in entity.mentions), default=0))
            first[code] = min(first[code], min((m.start for m in entity.mentions), default=0))
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c], c))[:2]
    return tuple(sorted(ranked, key=lambda c: first[c]))
