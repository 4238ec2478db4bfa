"""Coreference through the entity clusters: descriptors, bodies, pronouns, relative clauses,
appositions, owners and the article's country."""

from __future__ import annotations

from tests.entities.helpers import find, texts

from communique.entities.mentions.base import quoted_spans

# ----------------------------------------------------------------------------- descriptors


def test_the_president_goes_to_the_holder_titled_in_the_text(entities_of):
    report = entities_of(
        "President Barack Obama met Vladimir Putin in Lima. Putin said the talks were useful. "
        "The president said he had warned Mr Putin of serious consequences.",
        date="2016-11-20",
    )
    obama, putin = find(report, "Barack Obama"), find(report, "Vladimir Putin")
    assert {"The president", "he"} <= set(texts(obama))
    assert "The president" not in texts(putin)
    assert obama.actor.country == "USA"


def test_the_president_goes_to_the_one_last_seen_as_a_subject(entities_of):
    report = entities_of(
        "Chinese President Xi Jinping hosted the summit in Beijing. "
        "Kenyan President William Ruto arrived on Monday. The president said the talks were candid."
    )
    assert "The president" in texts(find(report, "William Ruto"))
    assert "The president" not in texts(find(report, "Xi Jinping"))


def test_the_president_of_a_meeting_is_its_subject_not_its_object(entities_of):
    report = entities_of(
        "US President Joe Biden met Chinese President Xi Jinping in Bali. The president said the talks were candid."
    )
    assert "The president" in texts(find(report, "Joe Biden"))
    assert "The president" not in texts(find(report, "Xi Jinping"))


def test_a_subject_inside_a_quotation_draws_no_descriptor(entities_of):
    report = entities_of(
        'Foreign Minister Anna Petrova said: "Foreign Minister Ivan Berg knows what happened." '
        "The minister added that talks would resume."
    )
    assert "The minister" in texts(find(report, "Anna Petrova"))
    assert "The minister" not in texts(find(report, "Ivan Berg"))


def test_the_ministry_is_the_ministry_named_before(entities_of):
    report = entities_of(
        "The Chinese Foreign Ministry protested on Monday. The ministry said the move was illegal."
    )
    ministry = next(e for e in report.entities if "The ministry" in texts(e))
    assert len(texts(ministry)) == 2
    assert ministry.actor.country == "CHN"


def test_the_government_is_the_government_named_before(entities_of):
    report = entities_of(
        "The Syrian government rejected the plan on Tuesday. Rebels said they would fight on. "
        "The government said the offer had expired."
    )
    government = next(e for e in report.entities if "The government" in texts(e))
    assert "The Syrian government" in texts(government)
    assert government.actor.country == "SYR"


# ----------------------------------------------------------------------------- pronouns


def test_object_pronoun_is_not_the_subject_of_its_clause(entities_of):
    report = entities_of(
        "Chancellor Olaf Scholz met Prime Minister Rishi Sunak in Berlin. Scholz told him that Germany would help."
    )
    assert "him" in texts(find(report, "Rishi Sunak"))
    assert "him" not in texts(find(report, "Olaf Scholz"))


def test_possessive_goes_to_the_subject_of_its_clause(entities_of):
    report = entities_of(
        "Russian Foreign Minister Sergei Lavrov met his Japanese counterpart Taro Kono in Moscow."
    )
    assert "his" in texts(find(report, "Sergei Lavrov"))
    assert "his" not in texts(find(report, "Taro Kono"))


def test_pronoun_in_a_reported_clause_is_the_reporting_subject(entities_of):
    report = entities_of(
        "Prime Minister Rishi Sunak met Chancellor Olaf Scholz. Scholz said he would send more tanks."
    )
    assert "he" in texts(find(report, "Olaf Scholz"))


def test_gender_keeps_he_and_she_apart(entities_of):
    report = entities_of(
        "Mrs Clinton met Mr Sanders in Iowa. She said the debate went well. He said he disagreed."
    )
    clinton, sanders = find(report, "Mrs Clinton"), find(report, "Mr Sanders")
    assert "She" in texts(clinton)
    assert {"He", "he"} <= set(texts(sanders))
    assert "He" not in texts(clinton)


def test_it_stands_for_a_country_or_body(entities_of):
    report = entities_of("Russia said it would respond to the sanctions.")
    assert texts(find(report, "Russia")) == ["Russia", "it"]


def test_a_pronoun_is_not_the_person_whose_phrase_contains_it(entities_of):
    report = entities_of(
        "Hun Sen ousted Prince Norodom Ranariddh last year. "
        "Ranariddh's loyalists, including Nhek Bunchhay, his top military commander, fled."
    )
    bunchhay = find(report, "Nhek Bunchhay")
    assert "his" not in texts(bunchhay)


def test_pronoun_outside_a_quotation_skips_subjects_inside_it(entities_of):
    report = entities_of(
        'Mr Obama said: "Vladimir Putin knows what happened." He added that he had warned Russia.'
    )
    assert "He" in texts(find(report, "Mr Obama"))


# ----------------------------------------------------------------------------- clauses and appositions


def test_relative_pronoun_joins_the_noun_it_describes(entities_of):
    report = entities_of("Olaf Scholz, who arrived in Paris on Monday, said the talks were useful.")
    assert texts(find(report, "Olaf Scholz")) == ["Olaf Scholz", "who"]


def test_apposition_with_a_possessive_country_keeps_one_cluster(entities_of):
    report = entities_of(
        "Sameh Shoukry, Egypt's foreign minister, condemned the attack. "
        "The minister said he had called his Israeli counterpart."
    )
    shoukry = find(report, "Sameh Shoukry")
    assert texts(shoukry) == ["Sameh Shoukry", "foreign minister", "The minister", "he", "his"]
    assert (shoukry.type, shoukry.actor.country) == ("PERSON", "EGY")
    assert find(report, "his Israeli counterpart").actor.country == "ISR"


def test_a_surname_the_tagger_missed_joins_the_person(entities_of):
    report = entities_of(
        "The army said it would help recover the remains of Christopher Howes. "
        "Howes had been working for a charity when he was abducted in March."
    )
    howes = find(report, "Christopher Howes")
    assert texts(howes)[:2] == ["Christopher Howes", "Howes"]
    assert "he" in texts(howes)


# ----------------------------------------------------------------------------- countries


def test_a_state_role_takes_its_owners_country(entities_of):
    report = entities_of(
        "Russian President Vladimir Putin stayed silent. Mr Putin's spokesman said the claims were indecent."
    )
    spokesman = next(e for e in report.entities if texts(e) == ["spokesman"])
    assert spokesman.actor.country == "RUS"


def test_his_government_is_the_government_of_its_owner(entities_of):
    report = entities_of(
        "Syrian President Bashar al-Assad spoke on Monday. Turkey and Iran met in Ankara. "
        "He said his government would retake Aleppo."
    )
    government = next(e for e in report.entities if "his government" in texts(e))
    assert government.actor.country == "SYR"


def test_the_government_of_an_article_about_one_country(entities_of):
    report = entities_of(
        "France may extend its state of emergency. French officials said Paris wanted to protect "
        "the elections in France. The government said the vote in France was a target. "
        "Jihadists have fought in Syria."
    )
    government = next(e for e in report.entities if "The government" in texts(e))
    assert government.actor.country == "FRA"


def test_the_government_stays_open_when_two_countries_share_the_article(entities_of):
    report = entities_of(
        "France and Germany met in Paris and Berlin. French and German officials spoke. "
        "The government said the talks were useful."
    )
    government = next(e for e in report.entities if "The government" in texts(e))
    assert government.actor is None or government.actor.country is None


def test_quoted_spans_pair_marks_within_paragraphs():
    text = 'He said: "We will act." Then “they left”.\n"Open quote runs on'
    spans = [text[s:e] for s, e in quoted_spans(text)]
    assert spans == ["We will act.", "they left", "Open quote runs on"]


def test_a_pronoun_bound_to_an_unknown_speaker_stays_unresolved(entities_of):
    report = entities_of(
        "Mayor John Lee met Prime Minister Anna Berg. One trade policy expert said he doubted the deal would last."
    )
    assert all("he" not in texts(e) for e in report.entities)


def test_gender_told_later_in_the_article_keeps_an_earlier_she_apart(entities_of):
    report = entities_of(
        "Donald Trump met Mary Brown on Monday. She said the talks went well. "
        "Trump later claimed that he had won."
    )
    assert "She" in texts(find(report, "Mary Brown"))
    assert texts(find(report, "Donald Trump")) == ["Donald Trump", "Trump", "he"]


def test_the_lawmaker_is_the_lawmaker_introduced_before(entities_of):
    report = entities_of(
        "A lawmaker in the Philippines wants Donald Trump banned. "
        "The lawmaker said Trump had insulted Filipinos."
    )
    lawmaker = find(report, "lawmaker in the Philippines")
    assert texts(lawmaker) == ["A lawmaker in the Philippines", "The lawmaker"]
    assert lawmaker.actor.country == "PHL"


def test_a_role_noun_modifying_another_noun_is_no_antecedent(entities_of):
    report = entities_of(
        "President Bashar al-Assad spoke on Monday. "
        "Asked if the army will enter rebel-held territory, he said it would."
    )
    assert "he" in texts(find(report, "Bashar al-Assad"))


def test_a_surname_tagged_as_an_organisation_joins_the_person():
    from communique.entities.cluster import cluster_mentions
    from communique.entities.mentions import Mention

    def name(text, start, label, sent):
        return Mention(start, start + len(text), text, "name", label, start, sent, name=text)

    mentions = [
        name("Trump", 0, "ORG", 0),
        name("Donald Trump", 30, "PERSON", 1),
        name("Trump", 60, "ORG", 2),
        name("Pence", 80, "ORG", 3),
    ]
    clusters = cluster_mentions(mentions)
    assert [[m.start for m in c.mentions] for c in clusters] == [[0, 30, 60], [80]]
    assert clusters[0].label == "PERSON"


def test_an_office_never_filled_by_name_is_its_holder_on_the_articles_date(entities_of):
    report = entities_of(
        "Russia's president said on Monday that the sanctions were illegal.", date="2016-11-20"
    )
    president = next(e for e in report.entities if texts(e) == ["president"])
    assert (president.name, president.actor.country) == ("Vladimir Putin", "RUS")


def test_an_office_named_later_joins_its_holder(entities_of):
    report = entities_of(
        "The Russian president said the talks were useful. Vladimir Putin later left Lima.",
        date="2016-11-20",
    )
    assert texts(find(report, "Vladimir Putin")) == ["The Russian president", "Vladimir Putin"]


def test_a_former_office_or_an_undated_article_keeps_the_office_unnamed(entities_of):
    former = entities_of("Russia's former president said the sanctions were illegal.", "2016-11-20")
    undated = entities_of("Russia's president said the sanctions were illegal.")
    for report in (former, undated):
        assert find(report, "Vladimir Putin") is None


def test_the_people_a_subject_counts_are_the_subject_for_a_later_they(entities_of):
    report = entities_of(
        "Hundreds of demonstrators gathered outside the cathedral to voice their anger at police. "
        "They called for the resignation of the interior minister."
    )
    demonstrators = next(e for e in report.entities if "They" in texts(e))
    assert "demonstrators" in texts(demonstrators)
