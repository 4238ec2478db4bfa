"""TIMEX3 values: expressions x article dates x tenses, resolved by the times stage."""

from __future__ import annotations

import pytest

from communique.times import find_times

# (sentence, article date, expression as found, expected type, value, mod)
# fmt: off
CASES = [
    # the seed's expressions, in sentences like the seed's
    ("Putin and Abe agreed at a meeting in Singapore on November 14 to intensify talks.", "2019-01-29", "November 14", "DATE", "2018-11-14", None),
    ("The treaty is based on the Joint Declaration of October 19, 1956.", "2019-01-29", "October 19, 1956", "DATE", "1956-10-19", None),
    ("The ambassador told TASS on Tuesday.", "2019-01-29", "Tuesday", "DATE", "2019-01-29", None),
    ("Visits to the graves will be organised in the summer of this year.", "2019-01-29", "the summer of this year", "DATE", "2019-SU", None),
    ("The meeting is scheduled to be held in June during the visit.", "2019-01-29", "June", "DATE", "2019-06", None),
    ("The ministers will hold the next round of talks in February.", "2019-01-29", "February", "DATE", "2019-02", None),
    ("The two countries have been in talks since the mid-20th century.", "2019-01-29", "the mid-20th century", "DATE", "19", "MID"),
    ("There has been no peace treaty for more than 70 years.", "2019-01-29", "more than 70 years", "DURATION", "P70Y", "MORE_THAN"),
    ("The diplomats last met in Moscow on January 14.", "2019-01-29", "January 14", "DATE", "2019-01-14", None),
    # year boundaries: a December article about January, a January article about December
    ("The summit will be held on January 10.", "2018-12-20", "January 10", "DATE", "2019-01-10", None),
    ("Talks were held on December 28.", "2019-01-03", "December 28", "DATE", "2018-12-28", None),
    ("Elections took place in December.", "2019-01-10", "December", "DATE", "2018-12", None),
    ("The new law takes effect in January.", "2018-12-05", "January", "DATE", "2019-01", None),
    ("The ceremony will take place on December 30.", "2019-01-02", "December 30", "DATE", "2019-12-30", None),
    ("Prices rose last month.", "2019-01-10", "last month", "DATE", "2018-12", None),
    ("Prices will rise next month.", "2018-12-10", "next month", "DATE", "2019-01", None),
    ("The president spoke last week.", "2019-01-02", "last week", "DATE", "2018-W52", None),
    ("Growth slowed last year.", "2019-01-02", "last year", "DATE", "2018", None),
    ("The deal was signed on New Year's Eve.", "2019-01-03", "New Year's Eve", "DATE", "2018-12-31", None),
    ("Sales were weak last winter.", "2019-06-10", "last winter", "DATE", "2018-WI", None),
    # leap years
    ("The accord was signed on February 29.", "2021-03-10", "February 29", "DATE", "2020-02-29", None),
    ("The vote will take place on February 29.", "2023-06-01", "February 29", "DATE", "2024-02-29", None),
    ("The vote took place on Feb. 29, 2016.", "2019-06-01", "Feb. 29, 2016", "DATE", "2016-02-29", None),
    ("The report came out two days ago.", "2020-03-01", "two days ago", "DATE", "2020-02-28", None),
    # weekdays, by tense
    ("Putin met Abe on Tuesday.", "2019-01-31", "Tuesday", "DATE", "2019-01-29", None),
    ("Putin will meet Abe on Tuesday.", "2019-01-31", "Tuesday", "DATE", "2019-02-05", None),
    ("The minister arrived last Friday.", "2019-02-01", "last Friday", "DATE", "2019-01-25", None),
    ("The talks resume next Monday.", "2019-01-29", "next Monday", "DATE", "2019-02-04", None),
    ("The strike ended on Sunday.", "2019-01-01", "Sunday", "DATE", "2018-12-30", None),
    ("He spoke on Wednesday, January 30.", "2019-01-31", "Wednesday, January 30", "DATE", "2019-01-30", None),
    ("Police said the attack happened Friday night.", "2019-01-29", "Friday night", "TIME", "2019-01-25TNI", None),
    # relative to the article's date
    ("The minister arrived yesterday.", "2019-01-01", "yesterday", "DATE", "2018-12-31", None),
    ("The minister leaves tomorrow.", "2018-12-31", "tomorrow", "DATE", "2019-01-01", None),
    ("He will speak tonight.", "2019-01-29", "tonight", "TIME", "2019-01-29TNI", None),
    ("He spoke this morning.", "2019-01-29", "this morning", "TIME", "2019-01-29TMO", None),
    ("Talks started earlier this year.", "2019-05-29", "earlier this year", "DATE", "2019", "START"),
    ("This year the economy grew.", "2019-05-29", "This year", "DATE", "2019", None),
    ("Troops left three weeks ago.", "2019-01-29", "three weeks ago", "DATE", "2019-W02", None),
    ("The city was founded a decade ago.", "2019-01-29", "a decade ago", "DATE", "2009", None),
    ("In 2015 the talks resumed in March.", "2019-01-29", "March", "DATE", "2015-03", None),
    ("The company, founded in 1990, said on March 5 that profit rose.", "2019-03-20", "March 5", "DATE", "2019-03-05", None),
    ("In 1998, the company was sold on May 5 to a rival.", "2019-01-29", "May 5", "DATE", "1998-05-05", None),
    ("The blast occurred at about 10:35 a.m. on Friday.", "1998-08-07", "about 10:35 a.m.", "TIME", "1998-08-07T10:35", "APPROX"),
    ("Voting ends at 8 p.m. Wednesday.", "2019-01-29", "8 p.m. Wednesday", "TIME", "2019-01-30T20:00", None),
    ("Third-quarter profit rose 5%.", "1989-10-26", "Third-quarter", "DATE", "1989-Q3", None),
    ("Third-quarter profit rose to $5 million from $4 million a year earlier.", "1989-10-26", "a year earlier", "DATE", "1988-Q3", None),
    ("Profit rose in the third quarter of 1988.", "1989-10-26", "the third quarter of 1988", "DATE", "1988-Q3", None),
    ("Shoppers crowded the stores before Christmas.", "2019-01-29", "Christmas", "DATE", "2018-12-25", None),
    ("Sales peaked in the fall of 2017.", "2019-01-29", "the fall of 2017", "DATE", "2017-FA", None),
    ("The plant will close at the end of the month.", "2019-01-29", "the end of the month", "DATE", "2019-01", "END"),
    ("The job will take two more weeks.", "2019-01-29", "two more weeks", "DURATION", "P2W", None),
    ("For the year ended March 31, profit rose.", "2019-05-29", "the year", "DURATION", "P1Y", None),
    ("Thousands protested in late September.", "2019-10-29", "late September", "DATE", "2019-09", "END"),
    # durations and sets
    ("The flight took five hours.", "2019-01-29", "five hours", "DURATION", "PT5H", None),
    ("Prices doubled over the past three years.", "2019-01-29", "the past three years", "DURATION", "P3Y", None),
    ("The strike lasted about two weeks.", "2019-01-29", "about two weeks", "DURATION", "P2W", "APPROX"),
    ("They waited half an hour.", "2019-01-29", "half an hour", "DURATION", "PT30M", None),
    ("The refugees lived there for 2 1/2 years.", "2019-01-29", "2 1/2 years", "DURATION", "P2Y6M", None),
    ("The two-week visit ended.", "2019-01-29", "two-week", "DURATION", "P2W", None),
    ("The festival is held every year.", "2019-01-29", "every year", "SET", "P1Y", None),
    ("The council meets every Tuesday.", "2019-01-29", "every Tuesday", "SET", "XXXX-WXX-2", None),
    ("The paper is published daily.", "2019-01-29", "daily", "SET", "P1D", None),
    ("The company spends $5 million a year on research.", "2019-01-29", "a year", "SET", "P1Y", None),
    # decades, centuries, vague references
    ("Reforms began in the 1990s.", "2019-01-29", "the 1990s", "DATE", "199", None),
    ("Reforms began in the mid-1990s.", "2019-01-29", "the mid-1990s", "DATE", "199", "MID"),
    ("It was the worst war of the 20th century.", "2019-01-29", "the 20th century", "DATE", "19", None),
    ("Those were the best years of the eighties.", "2019-01-29", "the eighties", "DATE", "198", None),
    ("The city could have used protection in nineteen seventy-nine.", "1998-01-21", "nineteen seventy-nine", "DATE", "1979", None),
    ("The envoys will meet soon.", "2019-01-29", "soon", "DATE", "FUTURE_REF", None),
    ("The work will be done in the future.", "2019-01-29", "the future", "DATE", "FUTURE_REF", None),
    ("For now, I would like to refrain from comment.", "2019-01-29", "now", "DATE", "PRESENT_REF", None),
    ("The search was recently extended to Mexico.", "2019-01-29", "recently", "DATE", "PAST_REF", None),
    ("The company is currently profitable.", "2019-01-29", "currently", "DATE", "PRESENT_REF", None),
    # a bare month or date takes its year from the tense: past -> the latest, future -> the next
    ("The ceasefire was signed in October.", "2013-03-20", "October", "DATE", "2012-10", None),
    ("The summit will be held in October.", "2013-03-20", "October", "DATE", "2013-10", None),
    ("In May, the government fell.", "2013-03-20", "May", "DATE", "2012-05", None),
    ("The law passed on May 5.", "2013-03-20", "May 5", "DATE", "2012-05-05", None),
    ("The June election was disputed.", "2013-03-20", "June", "DATE", "2012-06", None),
    ("The company extended its offer to April 2.", "2013-03-25", "April 2", "DATE", "2013-04-02", None),
    ("Cyprus has until Monday to raise the money, the bank said on Thursday.", "2013-03-22", "Monday", "DATE", "2013-03-25", None),
    # durations and points
    ("Eight years later, he returned.", "2013-03-20", "Eight years", "DURATION", "P8Y", None),
    ("A month later, the rebels attacked.", "2013-03-20", "A month", "DURATION", "P1M", None),
    ("The results came a month ago.", "2013-03-20", "a month ago", "DATE", "2013-02", None),
    ("The index fell for eight trading days.", "2013-03-20", "eight trading days", "DURATION", "P8D", None),
    ("It ended the decades-long feud.", "2013-03-20", "decades-long", "DURATION", "PXY", None),
    # sets, fiscal years, clock times
    ("He jogs every morning.", "2013-03-20", "every morning", "SET", "XXXX-XX-XXTMO", None),
    ("The shop opens on Sundays.", "2013-03-20", "Sundays", "SET", "XXXX-WXX-7", None),
    ("The fund is audited annually.", "2013-03-20", "annually", "SET", "P1Y", None),
    ("Revenue will rise this fiscal year.", "2013-03-20", "this fiscal year", "DATE", "2013", None),
    ("Revenue rose in FY2012.", "2013-03-20", "FY2012", "DATE", "2012", None),
    ("The match starts at 15:00 GMT Saturday.", "2013-03-20", "15:00 GMT Saturday", "TIME", "2013-03-23T15:00", None),
    ("The ceasefire took effect at 0600 GMT on Friday.", "2013-03-20", "0600 GMT", "TIME", "2013-03-15T06:00", None),
    ("Polls close at 8 p.m. local time.", "2013-03-20", "8 p.m. local time", "TIME", "2013-03-20T20:00", None),
    # years, decades, centuries
    ("The war lasted from 2009-2012.", "2013-03-20", "2012", "DATE", "2012", None),
    ("The late 1800s saw growth.", "2013-03-20", "The late 1800s", "DATE", "18", "END"),
    ("At the turn of the century, the city grew.", "2013-03-20", "the turn of the century", "DATE", "20", "START"),
    ("In the 1990s, it boomed; by the end of the decade it was bankrupt.", "2013-03-20", "the end of the decade", "DATE", "199", "END"),
    # vague and anaphoric references
    ("At the time, nobody knew.", "2013-03-20", "the time", "DATE", "PAST_REF", None),
    ("Prices rose later in the day.", "2013-03-20", "the day", "DATE", "2013-03-20", None),
    ("He was made a general in 1995, and the following year he became attache.", "2013-03-20", "the following year", "DATE", "1996", None),
    ("The attack came on March 3. That day, police arrested two men.", "2013-03-20", "That day", "DATE", "2013-03-03", None),
    ("It decides the boy's future.", "2013-03-20", "future", "DATE", "FUTURE_REF", None),
    ("The vote is set for the week of April 8.", "2013-03-20", "the week of April 8", "DATE", "2013-W15", None),
]
# fmt: on

# (sentence, text that must not be part of any time expression)
NOT_TIMES = [
    ("British Prime Minister Theresa May met the press.", "May"),
    ("March with us, the leader urged the crowd.", "March"),
    ("Thousands march through London every spring.", "march"),
    ("The 1990s-era policy was abandoned.", "1990s"),
    ("The army sent 1,500 troops and 2000 soldiers.", "2000"),
    ("The ticket cost $1998.", "1998"),
    ("Foreign ministers Janos Martonyi and Jan Kavan signed.", "Jan"),
    ("After the fall of the Berlin Wall, the economy grew.", "fall"),
    ("Prices may fall when supply grows.", "fall"),
    ("He won by a quarter of the vote.", "quarter"),
    ("The 6-year-old boy survived.", "6-year-old"),
    ("Mr. Schwarz, 52 years old, will succeed him.", "52 years"),
    ("Reporters waited for the Sun to publish.", "Sun"),
    ("Prices fell as soon as the news broke.", "soon"),
    ("The score was 3:2 at half time.", "3:2"),
    ("He appeared on 60 Minutes last night.", "60 Minutes"),
    ("A letter to May Smith arrived.", "May"),
    ("He has a future in politics.", "future"),
    ("The reserves cover future payments.", "future"),
    ("At the same time, prices rose.", "time"),
]


@pytest.fixture(scope="module")
def parsed(nlp):
    """Every sentence of this module parsed once."""
    sentences = sorted({case[0] for case in CASES} | {case[0] for case in NOT_TIMES})
    return dict(zip(sentences, nlp.pipe(sentences), strict=True))


@pytest.mark.parametrize(("sentence", "date", "text", "type_", "value", "mod"), CASES)
def test_value(parsed, sentence, date, text, type_, value, mod):
    times = find_times(sentence, date, parsed[sentence])
    found = {t.text: t for t in times}
    assert text in found, f"{text!r} not found in {[t.text for t in times]}"
    time = found[text]
    assert (time.type, time.value, time.mod) == (type_, value, mod)
    assert sentence[time.start : time.end] == time.text


@pytest.mark.parametrize(("sentence", "word"), NOT_TIMES)
def test_not_a_time(parsed, sentence, word):
    start = sentence.index(word)
    end = start + len(word)
    times = find_times(sentence, "2019-01-29", parsed[sentence])
    assert not [t for t in times if t.start < end and t.end > start]


def test_invalid_calendar_dates_are_dropped(parsed):
    times = find_times("The vote was set for February 30 and April 31.", "2019-01-29")
    assert all("-02-30" not in (t.value or "") and "-04-31" not in (t.value or "") for t in times)
