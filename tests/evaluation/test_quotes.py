"""PolNeAR reading and the scoring rules, on hand-made brat files; the dev split when present."""

from __future__ import annotations

from communique.evaluation.brat import GoldAttribution, parse_ann, read_split
from communique.evaluation.quotes import evaluate, match, matches
from communique.model import Quote
from communique.quotes.find import Found

ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 30;40 50\tthe plan was good | and ready
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 60 70\tno source
T6\tCue 71 75\tsaid
E2\tAttribution-no-source:T6 Cue:T6 Content:T5
T7\tDiscard 80 90\tignored
"""


def test_parse_ann_joins_spans_of_each_attribution():
    first, second = parse_ann(ANN)
    assert first == GoldAttribution(content=((11, 30), (40, 50)), cue=((6, 10),), source=((0, 5),))
    assert first.length == 29
    assert second.content == ((60, 70),) and second.source == ()


def test_match_needs_half_of_the_gold_span_and_is_one_to_one():
    gold = [GoldAttribution(content=((0, 100),)), GoldAttribution(content=((200, 220),))]
    found = [
        Found(0, 49, "direct"),  # 49 of 100 characters: too little
        Found(0, 60, "direct"),  # 60 of 100: a match
        Found(10, 90, "direct"),  # would match too, but the larger overlap took it
        Found(205, 300, "indirect"),  # 15 of 20
    ]
    assert match(gold, found) == {2: 0, 3: 1}


def test_match_finds_the_largest_one_to_one_matching():
    # Greedy pairing by overlap gives the wide prediction to gold 0 and leaves gold 1 unmatched;
    # the narrow prediction can take gold 0 instead.
    gold = [GoldAttribution(content=((0, 100),)), GoldAttribution(content=((60, 100),))]
    found = [Found(0, 100, "mixed"), Found(0, 55, "direct")]
    assert match(gold, found) == {0: 1, 1: 0}


def test_matches_follows_the_readme_rule_for_every_gold_span():
    # "A," X said. "B." annotated as two Contents, found as one quotation: both are found,
    # each by the prediction overlapping it most; a gold span half-covered by nothing is not.
    gold = [
        GoldAttribution(content=((0, 20),)),
        GoldAttribution(content=((35, 60),)),
        GoldAttribution(content=((100, 140),)),
    ]
    found = [Found(0, 60, "direct"), Found(40, 50, "indirect"), Found(100, 119, "direct")]
    assert matches(gold, found) == {0: 0, 1: 0}


def test_read_split_picks_the_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text("Smith said the plan was good.", encoding="utf-8")
    (tmp_path / "attributions" / "doc_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "doc_aaaa.ann").write_text(
        "T1\tContent 11 28\tthe plan was good\nE1\tAttribution:T1 Content:T1\n", encoding="utf-8"
    )
    (doc,) = read_split(tmp_path)
    assert doc.annotator == "aaaa"
    assert len(doc.attributions) == 1


def test_evaluate_on_a_small_split(tmp_path, nlp):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "“We will win this election,” Smith said.\n\nJones said that the polls were wrong."
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    ann = "\n".join(
        [
            "T1\tContent 0 28\t“We will win this election,”",
            "T2\tSource 29 34\tSmith",
            "T3\tCue 35 39\tsaid",
            "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
            "T4\tSource 42 47\tJones",
            "T5\tCue 48 52\tsaid",
            "T6\tContent 53 80\tthat the polls were wrong",
            "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
        ]
    )
    (tmp_path / "attributions" / "a_x.ann").write_text(ann + "\n", encoding="utf-8")
    figures = evaluate(tmp_path)
    assert figures["quoted_recall"] == 1.0 and figures["quoted_precision"] == 1.0
    assert figures["quoted_speaker"] == 1.0
    assert figures["indirect_recall"] == 1.0 and figures["indirect_speaker"] == 1.0
    assert figures["quoted_recall_one_to_one"] == 1.0


def test_gold_kind_counts_quote_marks_not_possessive_apostrophes(nlp):
    from communique.evaluation.quotes import gold_kind

    text = "He said the voters’ heads hurt. He called it ‘sad’ and “bad”, and ''worse''."
    doc = nlp(text)

    def kind(fragment: str) -> str:
        start = text.index(fragment)
        return gold_kind(doc, GoldAttribution(content=((start, start + len(fragment)),)))

    assert kind("the voters’ heads hurt") != "quoted"
    assert kind("it ‘sad’") == "quoted"
    assert kind("“bad”") == "quoted"
    assert kind("''worse''") == "quoted"


def test_speaker_right_when_gold_source_is_a_relative_pronoun():
    from communique.evaluation.quotes import speaker_right
    from communique.model import Article, Report

    text = "Mr. Ekovich, who noted that prices had fallen, smiled. Ms. Lee, a rival, who agreed."
    report = Report(id="t", article=Article(text=text, language="en"))
    who = text.index("who")
    gold = GoldAttribution(content=((who + 10, who + 35),), source=((who, who + 3),))
    right = Found(who + 10, who + 35, "indirect", speaker=(0, len("Mr. Ekovich")))
    lee = text.index("Ms. Lee")
    wrong = Found(who + 10, who + 35, "indirect", speaker=(lee, lee + len("Ms. Lee")))
    quote = Quote(id="Q1", text="x", start=0, end=1, kind="indirect", cue=None, speaker=None)
    assert speaker_right(report, gold, right, quote)
    assert not speaker_right(report, gold, wrong, quote)
