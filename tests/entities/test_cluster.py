"""Clustering rules: one entity per referent, and the cases that must stay apart."""

from __future__ import annotations

from tests.entities.helpers import find, texts


def test_full_name_surname_and_title_forms_are_one_entity(entities_of):
    report = entities_of(
        "Chancellor Angela Merkel met reporters in Berlin. Merkel said the talks went well. Later, Mrs. Merkel left."
    )
    merkel = find(report, "Angela Merkel")
    assert texts(merkel) == ["Chancellor Angela Merkel", "Merkel", "Mrs. Merkel"]
    assert merkel.aliases == ["Chancellor Angela Merkel", "Merkel", "Mrs. Merkel"]


def test_transliteration_variants_merge(entities_of):
    report = entities_of(
        "Kremlin spokesman Dmitry Peskov declined to comment. Dmitri Peskov later said the Kremlin would respond."
    )
    people = [e for e in report.entities if e.type == "PERSON"]
    assert len(people) == 1
    assert texts(people[0]) == ["Kremlin spokesman Dmitry Peskov", "Dmitri Peskov"]


def test_one_letter_spelling_variant_of_a_long_surname_merges(entities_of):
    report = entities_of(
        "Japanese Ambassador Toyohisa Kozuki arrived on Monday. Kodzuki said the talks were useful."
    )
    assert "Kodzuki" in texts(find(report, "Toyohisa Kozuki"))


def test_two_people_sharing_a_surname_stay_apart(entities_of):
    report = entities_of(
        "John Smith, a banker, met Jane Smith, a lawyer, in London. John Smith said they had agreed. Jane Smith disagreed."
    )
    john, jane = find(report, "John Smith"), find(report, "Jane Smith")
    assert john is not jane
    assert texts(john) == ["John Smith", "John Smith"]
    assert texts(jane) == ["Jane Smith", "a lawyer", "Jane Smith"]  # lawyer: a Phoenix agent


def test_similar_short_surnames_stay_apart(entities_of):
    report = entities_of(
        "Paul Jackson met Mark Johnson in Ottawa. Jackson said the meeting was useful. Johnson left."
    )
    assert texts(find(report, "Paul Jackson")) == ["Paul Jackson", "Jackson"]
    assert texts(find(report, "Mark Johnson")) == ["Mark Johnson", "Johnson"]


def test_title_before_the_name_gives_role_country_and_posting(entities_of):
    report = entities_of(
        "Japanese Ambassador to Russia Toyohisa Kozuki told reporters the talks would resume."
    )
    kozuki = find(report, "Toyohisa Kozuki")
    assert texts(kozuki) == ["Japanese Ambassador to Russia Toyohisa Kozuki"]
    assert (kozuki.actor.role, kozuki.actor.country, kozuki.actor.posting) == (
        "Ambassador",
        "JPN",
        "RUS",
    )
    assert find(report, "Russia") is not None  # the posting is a country entity of its own


def test_counterpart_takes_its_own_nationality(entities_of):
    report = entities_of(
        "Russian Deputy Foreign Minister Igor Morgulov and his Japanese counterpart Takeo Mori will meet soon."
    )
    mori = find(report, "Takeo Mori")
    assert texts(mori) == ["his Japanese counterpart Takeo Mori"]
    assert (mori.actor.country, mori.actor.sector) == ("JPN", "GOV")
    assert find(report, "Igor Morgulov").actor.country == "RUS"


def test_apposition_joins_the_role_noun_to_the_name(entities_of):
    report = entities_of(
        "Maria Lopez, the Mexican ambassador to Canada, arrived on Monday. The ambassador said she was hopeful."
    )
    lopez = find(report, "Maria Lopez")
    assert texts(lopez) == [
        "Maria Lopez",
        "the Mexican ambassador to Canada",
        "The ambassador",
        "she",
    ]
    assert (lopez.actor.country, lopez.actor.posting) == ("MEX", "CAN")


def test_descriptor_goes_to_the_compatible_person_through_the_role_hierarchy(entities_of):
    report = entities_of(
        "Canadian Prime Minister Mark Carney met Japanese Ambassador Toyohisa Kozuki in Ottawa. "
        "The diplomat said the talks were useful. The Japanese envoy added that more would follow."
    )
    kozuki = find(report, "Toyohisa Kozuki")
    assert {"The diplomat", "The Japanese envoy"} <= set(texts(kozuki))
    assert "The diplomat" not in texts(find(report, "Mark Carney"))


def test_descriptor_with_nationality_picks_the_matching_president(entities_of):
    report = entities_of(
        "US President Joe Biden met Chinese President Xi Jinping in Bali. The Chinese president said the talks were candid."
    )
    assert "The Chinese president" in texts(find(report, "Xi Jinping"))
    assert "The Chinese president" not in texts(find(report, "Joe Biden"))


def test_the_president_with_two_presidents_goes_to_the_subject_not_both(entities_of):
    report = entities_of(
        "US President Joe Biden met Chinese President Xi Jinping in Bali. The president said the talks were candid."
    )
    biden, xi = find(report, "Joe Biden"), find(report, "Xi Jinping")
    assert biden is not xi
    assert "The president" in texts(biden)
    assert "The president" not in texts(xi)


def test_pronoun_subject_of_a_speech_verb_goes_to_the_nearest_subject(entities_of):
    report = entities_of(
        "Ambassador Maria Lopez arrived in Ottawa on Monday. She said the talks would start soon."
    )
    assert texts(find(report, "Maria Lopez")) == ["Ambassador Maria Lopez", "She"]


def test_pronoun_without_a_compatible_antecedent_is_dropped(entities_of):
    report = entities_of("John Smith met Jane Smith in London. They said the deal was done.")
    assert all("They" not in texts(e) for e in report.entities)


def test_acronym_and_short_forms_join_the_organisation(entities_of):
    report = entities_of(
        "The United Nations and the UN Security Council met. The U.N. said it was concerned."
    )
    un = find(report, "United Nations")
    assert texts(un) == ["The United Nations", "U.N."]
    assert find(report, "UN Security Council") is not un


def test_photo_credit_glued_to_a_caption_is_no_actor(entities_of):
    report = entities_of(
        "Foreign Minister Anna Petrova Peter Novak/Reuters\n© Peter Novak/Reuters\n\n"
        "Foreign Minister Anna Petrova said on Monday that talks would resume."
    )
    names = {e.name for e in report.entities} | {a for e in report.entities for a in e.aliases}
    assert not any("Novak" in name for name in names)
    assert find(report, "Anna Petrova") is not None


def test_output_is_deterministic(entities_of):
    text = "Russia said it would respond. Police arrested protesters in Paris while troops guarded the border."
    assert entities_of(text).entities == entities_of(text).entities


def test_odd_input_gives_few_entities_and_no_crash(entities_of):
    for text in (
        "",
        "   \n\n",
        "!!! ??? ...",
        "he she they " * 20,
        "The the the president president.",
    ):
        report = entities_of(text)
        assert not report.warnings


def test_a_titled_name_without_a_country_is_the_person_introduced_by_the_title(entities_of):
    report = entities_of(
        "A Kremlin spokesman said on Monday that the troops would stay. ``We will keep our "
        "forces there,'' said spokesman Ivan Petrovsky."
    )
    person = find(report, "Ivan Petrovsky")
    assert texts(person) == ["A Kremlin spokesman", "spokesman Ivan Petrovsky"]
    assert person.actor.country == "RUS"


def test_two_people_introduced_by_the_title_stay_apart_from_the_name(entities_of):
    report = entities_of(
        "A Kremlin spokesman said the troops would stay. A Pentagon spokesman disagreed. "
        "Spokesman Ivan Petrovsky declined to comment."
    )
    assert texts(find(report, "Ivan Petrovsky")) == ["Spokesman Ivan Petrovsky"]


def test_an_agency_in_brackets_after_a_dateline_is_no_acronym_of_it(entities_of):
    report = entities_of("BAGHDAD (AP) — Iraq said on Friday it would let the inspectors in.")
    assert "AP" not in texts(find(report, "BAGHDAD"))


def test_acronyms_abbreviate_names_letter_by_letter():
    from communique.entities.cluster import _abbreviates

    assert _abbreviates("APEC", "Asia-Pacific Economic Cooperation")
    assert _abbreviates("DRC", "Democratic Republic of Congo")
    assert not _abbreviates("AP", "BAGHDAD")


def test_a_role_set_off_before_an_untitled_name_is_that_person():
    from communique.entities.cluster import Cluster, _apposed_name
    from communique.entities.mentions import Mention

    # "... the interior minister, Ahmed Farouk Salem." with no apposition link from the parser
    role = Mention(
        start=40,
        end=61,
        text="the interior minister",
        kind="role",
        label="ROLE",
        head=9,
        sent=0,
        role_key="interior minister",
        definite=True,
    )
    name = Mention(
        start=63, end=81, text="Ahmed Farouk Salem", kind="name", label="PERSON", head=12, sent=0
    )
    person = Cluster(label="PERSON")
    person.add(name)
    assert _apposed_name(role, [role, name], {1: person}) is person
    name.subject = True  # "..., the minister, Salem said": a subject is no apposition
    assert _apposed_name(role, [role, name], {1: person}) is None


def test_a_role_before_a_subject_after_a_comma_is_no_apposition(entities_of):
    report = entities_of(
        "After speaking to the ambassador, Vladimir Putin said the talks went well."
    )
    assert texts(find(report, "Vladimir Putin")) == ["Vladimir Putin"]
