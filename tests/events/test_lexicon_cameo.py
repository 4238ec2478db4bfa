"""The trigger lexicon generated from PETRARCH-2's CAMEO verb dictionary (``petrarch.py``),
its conditions on the parse, and the precedence of the hand-written entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.events import petrarch
from communique.events.lexicon import GENERATED, Words, lexicon
from communique.events.triggers import find_triggers, word_entry

PETRARCH = Path(__file__).resolve().parents[3] / "shared" / "data" / "events" / "petrarch"

# A small dictionary in the format of dictionaries.rst, written for these tests.
DICTIONARY = """\
# TEST VERB DICTIONARY
# The MIT License (MIT)
#
# Copyright (c) 2015 Somebody
#
# Permission is hereby granted, free of charge, to any person.
# THE SOFTWARE IS PROVIDED "AS IS" ... OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
# OTHER DEALINGS IN THE SOFTWARE.

####### SYNONYM SETS #######

&WEAPON
+ROCKET
+MORTAR_SHELL

####### VERB PATTERNS #######

---  STAGE   [---]  ---
STAGE
HOLD {HOLDS HELD HOLDING}
- * PROTEST                                   [141]         # STAGE
- * WALKOUT                                   [143]         # STAGE
- * AMBUSH                                    [190]         # STAGE
- * {NIGHT AMBUSH}                            [195]         # STAGE
- * VIGIL                                     [017]         # HOLD
- * MARCH                                     [141]         # HOLD

---  FIRE   [190]  ---
+OPEN_FIRE [193]
FIRE
LOB  [194]
WIRE_+TAP {WIRE_+TAPS}
- &WEAPON *                                   [194]         # FIRE
- * (AT {BORDER POST})                        [042:043]     # FIRE
- * (ON CROWD) (WITH &WEAPON)                 [:173]        # FIRE
- * (IN &UNDEFINED)                           [190]         # FIRE

---  APPEAL   [020]  ---
APPEAL
- * (FOR HELP)                                [0231]        # APPEAL
- * CALM                                      [0241]        # APPEAL
"""


def lemma(word: str, pos: str) -> str:
    return word


@pytest.fixture(scope="module")
def dictionary() -> petrarch.Dictionary:
    return petrarch.read_dictionary(DICTIONARY)


def entries(dictionary, **policy) -> dict[tuple[str, str, str], petrarch.Generated]:
    generated = petrarch.generate(dictionary, lemma, petrarch.Policy(**policy))
    return {(e.pos, e.lemma, e.needs): e for e in generated}


# --- reading the dictionary ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [("042:043", "042"), ("141", "141"), (":173", None), ("---", None), ("", None)],
)
def test_primary_code_is_before_the_colon(text, code):
    assert petrarch.primary_code(text) == code


def test_synonym_sets_and_blocks_are_read(dictionary):
    assert dictionary.synsets["WEAPON"] == (("rocket",), ("mortar", "shell"))
    names = [b.name for b in dictionary.blocks]
    assert names == ["STAGE", "FIRE", "APPEAL"]
    fire = dictionary.blocks[1]
    assert fire.code == "190"
    assert [(v.words, v.head, v.code) for v in fire.verbs] == [
        (("open", "fire"), 0, "193"),
        (("fire",), 0, None),
        (("lob",), 0, "194"),
        (("wire", "tap"), 1, None),
    ]


def test_a_pattern_with_an_undefined_synonym_set_is_not_used(dictionary):
    patterns = dictionary.blocks[1].patterns
    assert [p.usable for p in patterns] == [True, True, True, False]


def test_the_licence_notice_is_kept_from_the_header(dictionary):
    notice = petrarch.licence_notice(dictionary.header)
    assert notice[0] == "# The MIT License (MIT)"
    assert notice[-1].endswith("OTHER DEALINGS IN THE SOFTWARE.")
    assert any("Copyright (c) 2015 Somebody" in line for line in notice)


# --- coding -------------------------------------------------------------------------------


def test_cameo_codes_map_to_plover():
    assert petrarch.plover("141").type == "PROTEST"
    assert petrarch.plover("195").mode == "heavy-weapons"
    assert petrarch.plover("017") is None  # public statements are no events
    assert petrarch.plover(None) is None


def test_appeals_are_requests_with_the_mode_of_the_matching_demand():
    coding = petrarch.plover("0231")
    assert (coding.type, coding.cameo) == ("REQUEST", "0231")
    assert coding.mode == petrarch.plover("1031").mode == "assist"


# --- generating entries -------------------------------------------------------------------

ALL = {"bare_verbs": ("head-specific", "specific", "head-generic", "generic", "own"), "types": None}


def test_patterns_become_conditions_on_the_verb(dictionary):
    found = entries(dictionary, pattern_scope="block", **ALL)
    assert found[("VERB", "stage", "obj=walkout")].coding.type == "PROTEST"
    assert found[("VERB", "fire", "subj=mortar shell|rocket")].coding.cameo == "194"
    assert found[("VERB", "fire", "pp=at:border post")].coding.cameo == "042"
    assert found[("VERB", "appeal", "pp=for:help")].coding.type == "REQUEST"


def test_a_verb_pattern_on_a_noun_trigger_is_left_to_the_noun(dictionary):
    # "protest" is a hand-written noun trigger (PROTEST): "staged a protest" is its event.
    found = entries(dictionary, pattern_scope="block", **ALL)
    assert ("VERB", "stage", "obj=protest") not in found


def test_a_pattern_coding_no_event_blocks_the_verb(dictionary):
    found = entries(dictionary, pattern_scope="block", **ALL)
    blocker = found[("VERB", "fire", "pp=on:crowd;pp=with:mortar shell|rocket")]
    assert blocker.coding is None
    assert "-\t\t\t" in blocker.row()


def test_multi_word_verbs(dictionary):
    found = entries(dictionary, **ALL)
    assert found[("VERB", "open", "obj=fire")].coding.cameo == "193"
    assert ("PHRASE", "wire tap", "") in found


def test_bare_verbs_take_their_own_code_or_the_blocks(dictionary):
    found = entries(dictionary, **ALL)
    assert found[("VERB", "lob", "")].coding.cameo == "194"
    assert found[("VERB", "fire", "")].coding.cameo == "190"
    # A block coding nothing gives its verbs no bare entry.
    assert ("VERB", "stage", "") not in found


def test_bare_verb_classes_are_kept_by_policy(dictionary):
    fire = dictionary.blocks[1]
    assert [petrarch.bare_class(fire, v) for v in fire.verbs] == [
        "own",
        "head-generic",
        "own",
        "generic",
    ]
    found = entries(dictionary, bare_verbs=("own",), types=None)
    assert ("VERB", "lob", "") in found
    assert ("VERB", "fire", "") not in found


def test_pattern_scope_follows_the_comment(dictionary):
    found = entries(dictionary, pattern_scope="comment", **ALL)
    assert ("VERB", "stage", "obj=walkout") in found
    assert ("VERB", "hold", "obj=walkout") not in found
    assert ("VERB", "hold", "obj=march") in found
    found = entries(dictionary, pattern_scope="block", **ALL)
    assert ("VERB", "hold", "obj=walkout") in found


def test_patterns_naming_no_noun_can_be_left_out(dictionary):
    assert ("VERB", "fire", "pp=at:border post") in entries(dictionary, pattern_conditions="noun")
    dictionary_text = DICTIONARY.replace("(AT {BORDER POST})", "(AT)")
    bare = petrarch.read_dictionary(dictionary_text)
    assert ("VERB", "fire", "pp=at:") in entries(bare, pattern_conditions="any", types=None)
    assert ("VERB", "fire", "pp=at:") not in entries(bare, pattern_conditions="noun", types=None)


def test_types_left_out_block_instead(dictionary, monkeypatch):
    # Without hand-written entries: a hand-written noun ("ambush") would cover the verb's
    # ASSAULT pattern, and a word with no event entry needs no blocking entry.
    monkeypatch.setattr(petrarch, "_hand_written", lambda: [])
    found = entries(dictionary, pattern_scope="block", types=("ASSAULT",))
    assert found[("VERB", "stage", "obj=walkout")].coding is None
    assert found[("VERB", "fire", "subj=mortar shell|rocket")].coding.type == "ASSAULT"


def test_specific_conditions_are_tried_first(dictionary):
    generated = petrarch.generate(dictionary, lemma, petrarch.Policy(**ALL, pattern_scope="block"))
    fire = [e.needs for e in generated if e.lemma == "fire" and e.pos == "VERB"]
    assert fire[-1] == ""
    assert fire.index("pp=on:crowd;pp=with:mortar shell|rocket") < fire.index("pp=at:border post")


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("investigate", "investigation"),
        ("deploy", "deployment"),
        ("withdraw", "withdrawal"),
        ("seize", "seizure"),
        ("invade", "invasion"),
        ("detain", "detention"),
        ("inquire", "inquiry"),
        ("criticize", "criticism"),
    ],
)
def test_nominalizations(verb, noun):
    assert noun in petrarch.nominalizations(verb, zero=False)
    assert verb not in petrarch.nominalizations(verb, zero=False)
    assert verb in petrarch.nominalizations(verb)


def test_nouns_naming_an_event_become_triggers():
    text = DICTIONARY.replace("STAGE\nHOLD", "STAGE\nHOLD\nAMBUSH [190]")
    found = entries(petrarch.read_dictionary(text), nouns="zero", types=None)
    # "ambush" is both the object of "stage" and a verb coding ASSAULT itself.
    assert found[("NOUN", "ambush", "head")].coding.type == "ASSAULT"
    # A braced object headed by such a noun becomes a phrase.
    assert found[("PHRASE", "night ambush", "head")].coding.cameo == "195"
    # "walkout" is an object of "stage" but no verb of the dictionary codes it.
    assert ("NOUN", "walkout", "head") not in found
    derived = entries(petrarch.read_dictionary(text), nouns="derived", types=None)
    assert ("NOUN", "ambush", "head") not in derived


def test_the_data_file_carries_the_notice_and_its_provenance(dictionary):
    generated = petrarch.generate(dictionary, lemma)
    text = petrarch.render(dictionary, generated)
    assert "communique lexicon build" in text
    assert "# The MIT License (MIT)" in text
    assert "Copyright (c) 2015 Somebody" in text
    columns = [line for line in text.splitlines() if not line.startswith("#")]
    assert all(len(line.split("\t")) == 8 for line in columns)


def test_the_committed_file_is_what_the_converter_writes(tmp_path):
    if not (PETRARCH / petrarch.SOURCE_FILE).is_file():
        pytest.skip("../shared/data/events/petrarch is absent")
    out = tmp_path / GENERATED
    petrarch.build(PETRARCH, out)
    committed = petrarch.default_output().read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed


# --- the lexicon at run time --------------------------------------------------------------


def test_words_match_lemmas_and_phrases_with_their_modifiers(nlp):
    words = Words.parse("protest|humanitarian aid")
    doc = nlp("They sent humanitarian aid and more aid after the protests.")
    by_text = {t.text: t for t in doc}
    assert words.match(by_text["protests"])
    assert words.match(doc[3])  # "aid" modified by "humanitarian"
    assert not words.match(by_text["more"].head)  # the second "aid" has no such modifier


def test_hand_written_entries_win_over_generated_ones(nlp):
    lex = lexicon()
    assert all(not e.source for e in lex.by_lemma[("VERB", "attack")])
    generated = [e for entries in lex.by_lemma.values() for e in entries if e.source]
    assert generated and all(("VERB", e.lemma) not in HAND_VERBS for e in generated)


HAND_VERBS = {
    (fields[1], fields[0])
    for fields in (
        line.split("\t")
        for line in (Path(petrarch.__file__).parent / "data" / "triggers.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
        if line and not line.startswith("#")
    )
}


def _trigger(nlp, text: str, word: str):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return word_entry(token)


def test_generated_pattern_with_an_object(nlp):
    entry = _trigger(nlp, "Hamas militants took around 240 hostages on Saturday.", "took")
    assert entry is not None and entry.type == "ASSAULT" and entry.cameo == "181"
    assert entry.source.startswith("pattern:")
    assert "@cameo:" in entry.pattern
    assert _trigger(nlp, "The minister took a taxi to the airport.", "took") is None


def test_generated_pattern_with_a_subject(nlp):
    entry = _trigger(nlp, "A suicide bomber attacked the checkpoint in the morning.", "attacked")
    # "attack" is hand-written: the generated subject pattern is not used.
    assert entry is not None and not entry.source
    entry = _trigger(nlp, "Russian forces crossed the border before dawn.", "crossed")
    assert entry is not None and entry.type == "COERCE"
    assert _trigger(nlp, "The tourists crossed the border before dawn.", "crossed") is None


def test_generated_nominal_trigger_heads_its_phrase(nlp):
    doc = nlp("The army said it had carried out the detentions near the detention center.")
    found = [m for s in doc.sents for m in find_triggers(s) if m.entry.lemma == "detention"]
    assert [m.text for m in found] == ["detentions"]


def test_a_blocking_entry_stops_the_word(nlp):
    lex = lexicon()
    blockers = [e for es in lex.by_lemma.values() for e in es if not e.is_event]
    assert blockers
    # Generated blockers name their source; hand-written ones are exceptions tried before
    # the word's event entries ("shoot a film").
    for blocker in blockers:
        entries = lex.by_lemma[(blocker.pos, blocker.lemma)]
        assert blocker.source or any(e.is_event for e in entries[entries.index(blocker) :])
    shoot = nlp("The crew shot a film in the village.")[2]
    assert shoot.lemma_ == "shoot" and word_entry(shoot, lex) is None


def test_lexicon_build_command(run, tmp_path):
    code, _, err = run("lexicon", "build", "--petrarch", str(tmp_path / "nowhere"))
    assert code == 1 and "CAMEO.2.0.txt: no such file" in err
    if not (PETRARCH / petrarch.SOURCE_FILE).is_file():
        pytest.skip("../shared/data/events/petrarch is absent")
    out = tmp_path / "verbs.tsv"
    code, stdout, err = run("lexicon", "build", "--petrarch", str(PETRARCH), "--out", str(out))
    assert code == 0 and "entries written to" in err and "ASSAULT" in stdout
    assert out.read_text(encoding="utf-8") == petrarch.default_output().read_text(encoding="utf-8")
