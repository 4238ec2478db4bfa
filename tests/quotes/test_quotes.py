"""Quotations on small hand-written articles: each shape of the issue, and odd documents."""

from __future__ import annotations

import pytest

from communique.model import Actor, Article, Entity, Report, Span
from communique.pipeline import Analysis
from communique.quotes import annotate


def mention(text: str, surface: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start=start, end=start + len(surface), text=surface)


@pytest.fixture(scope="module")
def analyse(nlp):
    def run(text: str, entities: list[Entity] | None = None) -> Report:
        report = Report(id="t", article=Article(text=text, language="en"), entities=entities or [])
        annotate(Analysis(report=report, doc=nlp(text)))
        return report

    return run


def only(report: Report, needle: str):
    hits = [q for q in report.quotes if needle in q.text]
    assert len(hits) == 1, [q.text for q in report.quotes]
    return hits[0]


# -- direct quotations ------------------------------------------------------------------


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“")])
def test_direct_quote_in_every_mark_style(analyse, opening, closing):
    text = f"{opening}We will sign the agreement next week,{closing} the minister said."
    quote = only(analyse(text), "We will sign the agreement next week")
    assert quote.kind == "direct"
    assert quote.cue == "said"
    assert quote.speaker.text == "the minister"
    assert text[quote.start : quote.end] == quote.text
    assert opening not in quote.text and closing not in quote.text


def test_fragment_then_adding_that(analyse):
    text = (
        '"The talks were useful," the ambassador said, adding that "both sides will meet again '
        'in the spring to continue the work."'
    )
    report = analyse(text)
    first = only(report, "The talks were useful")
    second = only(report, "both sides will meet again")
    assert (first.cue, second.cue) == ("said", "adding")
    assert first.speaker.text == second.speaker.text == "the ambassador"
    assert [q.id for q in report.quotes] == ["Q1", "Q2"]


def test_colon_introduced_quote(analyse):
    text = "The president told reporters: “We are not going to accept these terms under any circumstances.”"
    quote = only(analyse(text), "We are not going to accept these terms")
    assert quote.kind == "direct"
    assert quote.speaker.text == "The president"


def test_speaker_in_the_preceding_sentence(analyse):
    text = (
        "Senator Jane Miller said the bill would pass. “We have the votes and we will use them "
        "when the session opens next month.”"
    )
    quote = only(analyse(text), "We have the votes")
    assert quote.speaker.text == "Senator Jane Miller"


def test_speaker_in_the_following_sentence_of_a_quote_paragraph(analyse):
    text = (
        "“Nobody expected the vote to be this close tonight,” Governor Alan Brooks said.\n\n"
        "“We will keep fighting for every single vote in this state until the end.”"
    )
    quote = only(analyse(text), "We will keep fighting")
    assert quote.speaker.text == "Governor Alan Brooks"


def test_dash_attribution(analyse):
    text = "“Freedom is never more than one generation away from extinction.” — Ronald Reagan"
    quote = only(analyse(text), "Freedom is never more")
    assert quote.speaker.text == "Ronald Reagan"
    assert quote.cue is None


def test_multi_paragraph_quotation_is_one_quote(analyse):
    text = (
        "The minister spoke for an hour. He said:\n\n"
        "“Our economy grew faster than anyone predicted last year.\n\n"
        "“Next year we will invest in roads, schools and hospitals across the country.”\n\n"
        "The opposition was not impressed."
    )
    quote = only(analyse(text), "Our economy grew faster")
    assert "Next year we will invest" in quote.text
    assert quote.speaker.text == "He"


def test_scare_quotes_and_titles_are_not_quotations(analyse):
    text = (
        "The so-called “peace dividend” never arrived. She appeared on “Meet the Press” on "
        "Sunday and discussed the “Make America Great Again” slogan."
    )
    assert analyse(text).quotes == []


def test_mixed_quotation(analyse):
    text = (
        "Trump said the deal was “a total disaster for American workers” and should be cancelled."
    )
    quote = only(analyse(text), "a total disaster")
    assert quote.kind == "mixed"
    assert quote.text.startswith("the deal was")
    assert quote.speaker.text == "Trump"


def test_nested_attribution_inside_a_quotation(analyse):
    text = (
        '"Our relations have large potential but as President Vladimir Putin noted at a press '
        'conference, the potential of cooperation is not used in full," the diplomat pointed out.'
    )
    report = analyse(text)
    outer = only(report, "Our relations have large potential")
    inner = [q for q in report.quotes if q is not outer and "potential of cooperation" in q.text]
    assert outer.cue == "pointed out" and outer.speaker.text == "the diplomat"
    assert len(inner) == 1
    assert inner[0].speaker.text.endswith("Putin")
    assert inner[0].text == "the potential of cooperation is not used in full"


# -- indirect speech --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "The foreign minister said that the talks would resume in March.",
            "the talks would resume in March",
            "said",
            "The foreign minister",
        ),
        (
            "The foreign minister said the talks would resume in March.",
            "the talks would resume in March",
            "said",
            "The foreign minister",
        ),
        (
            "The meeting of the special envoys will be held soon, the Japanese ambassador told TASS.",
            "The meeting of the special envoys will be held soon",
            "told",
            "the Japanese ambassador",
        ),
        (
            "According to the spokesman, the army will withdraw from the border region.",
            "the army will withdraw from the border region",
            "According to",
            "the spokesman",
        ),
        (
            "The ambassador stressed that the treaty would open new opportunities for trade.",
            "the treaty would open new opportunities for trade",
            "stressed",
            "The ambassador",
        ),
        (
            "The envoy pointed out that the sanctions had failed to change the policy.",
            "the sanctions had failed to change the policy",
            "pointed out",
            "The envoy",
        ),
        (
            "Moscow has stated on numerous occasions that its sovereignty over the islands is beyond doubt.",
            "its sovereignty over the islands is beyond doubt",
            "stated",
            "Moscow",
        ),
        (
            "Kozuki went on to say that the leaders had agreed on a plan of eight items.",
            "the leaders had agreed on a plan of eight items",
            "went on to say",
            "Kozuki",
        ),
        (
            "The absence of a treaty is an abnormal situation, the ambassador stressed.",
            "The absence of a treaty is an abnormal situation",
            "stressed",
            "the ambassador",
        ),
    ],
)
def test_indirect_speech(analyse, text, content, cue, speaker):
    quote = only(analyse(text), content)
    assert quote.kind == "indirect"
    assert quote.text == content
    assert quote.cue == cue
    assert quote.speaker.text == speaker


def test_adding_that_is_indirect_speech_of_the_same_speaker(analyse):
    text = (
        '"I hope there will be a fruitful dialogue," the ambassador said, adding that the two leaders '
        "had agreed to hold a closing ceremony."
    )
    quote = only(analyse(text), "the two leaders had agreed")
    assert (quote.kind, quote.cue, quote.speaker.text) == ("indirect", "adding", "the ambassador")


# -- speakers and entities --------------------------------------------------------------


def test_speaker_gets_the_canonical_name_of_its_entity(analyse):
    text = (
        "Japanese Ambassador Toyohisa Kozuki arrived on Monday. "
        "“The talks went well,” the diplomat said."
    )
    kozuki = Entity(
        id="E1",
        name="Toyohisa Kozuki",
        type="PERSON",
        mentions=[
            mention(text, "Japanese Ambassador Toyohisa Kozuki"),
            mention(text, "the diplomat"),
        ],
    )
    quote = only(analyse(text, [kozuki]), "The talks went well")
    assert quote.speaker.model_dump() == {
        "entity": "E1",
        "name": "Toyohisa Kozuki",
        "text": "the diplomat",
    }


def test_speaker_without_an_entity_keeps_its_surface_form(analyse):
    quote = only(analyse("“The talks went well,” the diplomat said."), "The talks went well")
    assert quote.speaker.model_dump() == {
        "entity": None,
        "name": "the diplomat",
        "text": "the diplomat",
    }


def test_capital_as_speaker_speaks_for_its_country(analyse):
    pytest.importorskip("communique.entities.lexicon")
    text = "Russia and Japan are in talks. Moscow has stated that its sovereignty over the islands is beyond doubt."
    entities = [
        Entity(
            id="E1",
            name="Russia",
            type="GPE",
            actor=Actor(country="RUS", sector="GOV"),
            mentions=[mention(text, "Russia")],
        ),
        Entity(
            id="E2",
            name="Moscow",
            type="GPE",
            actor=Actor(country="RUS", sector="GOV"),
            mentions=[mention(text, "Moscow")],
        ),
    ]
    quote = only(analyse(text, entities), "sovereignty over the islands")
    assert quote.speaker.model_dump() == {"entity": "E1", "name": "Russia", "text": "Moscow"}


# -- documents that must not fail -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'He said "this has an odd number of marks. And "so does this, she said.',
        "The last character is a quote mark “",
        '"',
        "“\n\n“\n\n”",
        "»Reversed guillemets« and ‚low single‘ marks, he said.",
        "A sentence with no quotations and no cues at all.",
    ],
)
def test_odd_documents_give_results_not_errors(analyse, text):
    report = analyse(text)
    for number, quote in enumerate(report.quotes, start=1):
        assert quote.id == f"Q{number}"
        assert text[quote.start : quote.end] == quote.text


def test_two_hundred_quotations_in_one_article(analyse):
    text = "\n\n".join(
        f"“Statement number {i} was made today,” the spokesman said." for i in range(200)
    )
    report = analyse(text)
    assert len(report.quotes) == 200
    assert [q.id for q in report.quotes[:3]] == ["Q1", "Q2", "Q3"]
    assert all(q.speaker and q.speaker.text == "the spokesman" for q in report.quotes)
    assert report.quotes[-1].text == "Statement number 199 was made today,"


def test_speaker_in_the_following_sentence(analyse):
    text = (
        "“The border will stay closed to all traffic until further notice.” "
        "The interior minister announced the decision on Monday."
    )
    quote = only(analyse(text), "The border will stay closed")
    assert quote.speaker.text == "The interior minister"
    assert quote.cue == "announced"


def test_headline_name_colon_is_an_attribution(analyse):
    text = (
        "Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’\n\n"
        "Donald Trump spoke to supporters in Iowa on Monday."
    )
    quote = only(analyse(text), "Worst Thing That Ever Happened")
    assert quote.speaker.text == "Trump"
    assert quote.cue == ":"


def test_what_someone_called_something_is_a_mixed_quotation(analyse):
    text = "Jeb Bush attacked the frontrunner on Saturday, calling him a “loser.”"
    quote = only(analyse(text), "loser")
    assert quote.kind == "mixed"
    assert quote.text.startswith("him a")
    assert quote.speaker.text == "Jeb Bush"


# -- interrupted quotations, clause bounds, titles, speakers beside their cue -----------


def test_quote_after_a_no_break_space_continues_the_interrupted_quotation(analyse):
    text = '"They sue," he said.\u00a0"Everybody sues, right?"'
    report = analyse(text)
    assert [q.text for q in report.quotes] == ['They sue," he said.\u00a0"Everybody sues, right?']


def test_interrupted_quotation_with_an_apostrophe_in_its_attribution(analyse):
    text = (
        "“I apologize to nobody for that,” the senator said during Saturday night’s debate. "
        "“When we put money into the hands of working people, they buy goods.”"
    )
    quote = only(analyse(text), "I apologize")
    assert "they buy goods" in quote.text
    assert quote.speaker is not None and quote.speaker.text == "the senator"


def test_adverbial_clause_after_the_cue_is_not_what_was_said(analyse):
    text = (
        "“His legend will live on,” Spencer said, as a few young fighters worked out inside "
        "the gym. “His stories will live on.”"
    )
    report = analyse(text)
    assert not any("fighters" in q.text for q in report.quotes if q.kind == "indirect")
    assert "His stories will live on" in only(report, "His legend").text


def test_reported_clause_ends_before_a_participle_of_saying(analyse):
    text = (
        "Trump insisted that he has “expanded the Republican party,” claiming that he is "
        "responsible for higher voter turnout in the primary states."
    )
    report = analyse(text)
    mixed = only(report, "expanded")
    assert "claiming" not in mixed.text
    claimed = only(report, "responsible for higher voter turnout")
    assert claimed.kind == "indirect" and claimed.cue == "claiming"


def test_short_title_after_a_possessive_is_not_a_quotation(analyse):
    text = (
        "Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said "
        "Democrats should worry about the investigation."
    )
    report = analyse(text)
    assert not any("Morning Futures" in q.text and q.kind == "direct" for q in report.quotes)


def test_speaker_beside_the_cue_when_the_parse_misses_the_subject(analyse):
    text = "“Go back to Univision,” Trump barked and a security guard escorted Ramos out."
    report = analyse(text)
    quote = only(report, "Go back to Univision")
    assert quote.speaker is not None and quote.speaker.text == "Trump"
    assert not any("security guard" in q.text for q in report.quotes)


def test_mid_sentence_fragment_takes_the_clause_it_completes(analyse):
    text = (
        "The Sanders campaign projects that “imposing a tax of a fraction of a percent” on "
        "financial transactions would raise $75 billion a year."
    )
    quote = only(analyse(text), "imposing a tax")
    assert quote.kind == "mixed"
    assert "$75 billion" in quote.text


# -- verbs of calling, describing and judging (parse-independent fallback) --------------------


@pytest.mark.parametrize(
    ("text", "needle", "speaker", "cue"),
    [
        (
            "Sanders’ campaign called AP’s report a “rush to judgment,” because superdelegates "
            "can change their mind.",
            "rush to judgment",
            "Sanders’ campaign",
            "called",
        ),
        (
            'Trump responded to that tweet by calling Alwaleed "dopey" and moved on.',
            "dopey",
            "Trump",
            "calling",
        ),
        (
            "Trump also criticised London’s newly elected mayor Sadiq Khan for making "
            "“very rude statements”.",
            "very rude statements",
            "Trump",
            "criticised",
        ),
        (
            "Trump blasted Disney for its “racist” portrayal of Arabs in the film.",
            "portrayal of Arabs",
            "Trump",
            "blasted",
        ),
        (
            "In the speech, Trump emphasized the threat that “Islamic terrorism” poses to the world.",
            "Islamic terrorism",
            "Trump",
            "emphasized",
        ),
    ],
)
def test_quoted_fragment_after_a_verb_of_calling_or_judging(analyse, text, needle, speaker, cue):
    quote = only(analyse(text), needle)
    assert quote.kind == "mixed"
    assert quote.cue == cue
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "text",
    [
        "Rob Calabrese has set up a website called “Cape Breton If Donald Trump Wins” that "
        "pitches the island.",
        "The slaves who built the White House, whom Michelle Obama referred to in her address, "
        "were “well fed” and housed.",
    ],
)
def test_names_and_unrelated_fragments_are_not_descriptions(analyse, text):
    assert not any(q.cue in ("called", "referred") for q in analyse(text).quotes)


# -- parenthetical cues and asides --------------------------------------------------------------


def test_parenthetical_cue_reports_the_whole_sentence(analyse):
    text = "The new tariffs, the minister said, would hurt farmers across the country by spring."
    quote = only(analyse(text), "would hurt farmers")
    assert quote.text.startswith("The new tariffs")
    assert quote.text.endswith("by spring")
    assert quote.speaker.text == "the minister"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "“If I was a donor, I’d want answers,” said a prominent committee member, asking for "
            "anonymity to speak freely. “If they don’t have any more staff, that’s the kind of "
            "stuff I’d read.”",
            "If I was a donor",
            "the kind of stuff",
        ),
        (
            "“Thirty years ago, it was booming,” Ms. Hughes said, pointing out where the hardware "
            "store used to be. “But those days are never coming back.”",
            "Thirty years ago",
            "never coming back",
        ),
    ],
)
def test_quotation_interrupted_by_an_attribution_with_an_aside_is_one(analyse, text, first, second):
    quote = only(analyse(text), first)
    assert second in quote.text
    assert quote.kind == "direct"


def test_reported_clause_keeps_a_subject_parsed_as_the_cues_object(analyse):
    text = (
        "He also argued the Keystone XL pipeline, which is widely supported by Republicans, "
        '"would not go 10 feet" without the use of eminent domain.'
    )
    quote = only(analyse(text), "would not go 10 feet")
    assert quote.text.startswith("the Keystone XL pipeline")
    assert quote.kind == "mixed" and quote.speaker.text == "He"


def test_clause_after_a_cue_parsed_as_adverbial_is_what_was_said(analyse):
    text = (
        "The endorsement comes three days after Trump told The Washington Post he was "
        "“not quite there yet” on supporting Ryan."
    )
    quote = only(analyse(text), "not quite there yet")
    assert quote.text.startswith("he was")
    assert quote.cue == "told" and quote.speaker.text == "Trump"


def test_quotation_in_the_object_of_a_verb_of_saying_takes_the_whole_object(analyse):
    text = (
        "Trump has boasted of his willingness to spend “whatever it takes” from his own "
        "fortune to win the White House."
    )
    quote = only(analyse(text), "whatever it takes")
    assert quote.text.startswith("his willingness")
    assert quote.text.endswith("the White House")
    assert (quote.kind, quote.cue, quote.speaker.text) == ("mixed", "boasted", "Trump")


def test_single_quote_marks_as_quotation_marks(analyse):
    text = (
        "‘We will not back down on this,’ the minister said. ‘The people have spoken and we "
        "will deliver.’\n\n‘It is over,’ one aide admitted privately.\n\n‘This is a betrayal.’"
    )
    report = analyse(text)
    first = only(report, "We will not back down")
    assert "The people have spoken" in first.text
    assert first.speaker.text == "the minister"
    last = only(report, "This is a betrayal")
    assert last.speaker.text == "one aide"


def test_quotation_after_adding_that_is_not_joined_to_the_one_before(analyse):
    text = (
        "“I’m sure we will have some delegates out there,” he said, adding that he hasn’t "
        "spoken to the backers yet. “We’re going to do so next week.”"
    )
    report = analyse(text)
    first = only(report, "some delegates out there")
    assert "next week" not in first.text
    assert only(report, "next week").speaker.text == "he"


def test_nobody_speaks_in_a_nickname_given_in_the_passive(analyse):
    text = 'Bout, dubbed the "Merchant of Death", was serving a 25-year sentence in Illinois.'
    assert analyse(text).quotes == []


def test_the_agent_of_a_passive_verb_of_calling_is_the_speaker(analyse):
    text = 'The plan was called a "disaster" by Senator John Smith on Monday.'
    quote = only(analyse(text), "disaster")
    assert quote.speaker is not None and quote.speaker.text == "Senator John Smith"


def test_a_surname_the_model_misreads_is_the_person_named_in_full_elsewhere():
    from communique import analyze

    text = (
        "Prime Minister Theresa May said Britain would act.\n\n"
        '"They have just one week to leave," May told parliament.\n\n'
        "The Russian embassy said Moscow would respond."
    )
    quotes = {q.text: q for q in analyze(text).quotes}
    assert quotes["They have just one week to leave,"].speaker.name == "Theresa May"
    assert quotes["Moscow would respond"].speaker.name == "Russian embassy"


def test_a_headline_ending_in_its_attribution(analyse):
    text = (
        "Border clash 'premeditated and planned action': Jaishankar tells Wang Yi\n\n"
        "The two ministers spoke by telephone on Wednesday."
    )
    quote = only(analyse(text), "premeditated")
    assert quote.speaker is not None and quote.speaker.text == "Jaishankar"
    assert quote.cue == "tells"
    assert quote.text.startswith("Border clash")
