"""The news-events set's quotations: checks, agreement, locating and speakers by name."""

from __future__ import annotations

import pytest

from communique.evaluation import news_quotes as nq
from communique.evaluation.corpora import NewsText
from communique.model import Entity, Quote, Report, Speaker

TEXT = (
    'Talks end\n\n"We will not give in," Foreign Minister Ana Lopes said. Lopes said talks failed.'
)
TEXTS = {"test:1": NewsText("test:1", TEXT, "2024-03-12")}


def annotated(**changes) -> dict:
    quote = {
        "kind": "direct",
        "content": {"text": "We will not give in,"},
        "cue": "said",
        "speaker": {"name": "Ana Lopes", "country": "PRT", "sector": "GOV", "kind": "person"},
    }
    quote.update(changes)
    return quote


def test_a_good_quotation_gets_its_offsets():
    checked, problems = nq.check_documents([{"doc": "test:1", "quotes": [annotated()]}], TEXTS)
    assert problems == []
    assert checked[0]["quotes"][0]["content"]["start"] == TEXT.index("We will")


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"kind": "quoted"}, "kind"),
        ({"cue": "declared"}, "cue"),
        ({"content": {"text": "We shall fight"}}, "not in the text"),
        ({"speaker": {"name": "Ana Lopez", "kind": "person"}}, "not written"),
        ({"speaker": {"name": "Ana Lopes", "kind": "person", "voice": "the minister"}}, "voice"),
    ],
)
def test_bad_quotations_are_reported(change, complaint):
    _, problems = nq.check_documents([{"doc": "test:1", "quotes": [annotated(**change)]}], TEXTS)
    assert any(complaint in p for p in problems), problems


def test_agreement_of_an_annotation_with_itself_is_perfect():
    documents, _ = nq.check_documents([{"doc": "test:1", "quotes": [annotated()]}], TEXTS)
    figures = nq.agreement(documents, documents)
    assert figures["first_found_by_second"] == 1.0 and figures["same_speaker"] == 1.0


def test_a_content_is_located_in_a_text_the_reader_shortened():
    content = {"text": "Lopes said", "start": TEXT.index("Lopes said"), "end": 0}
    shortened = TEXT.replace("Talks end\n\n", "")
    start, end = nq.located(TEXT, shortened, content)
    assert shortened[start:end] == "Lopes said"
    assert nq.located(TEXT, "nothing here", content) is None


def test_the_speaker_is_right_by_any_name_of_its_entity():
    entity = Entity(
        id="E1",
        name="Ana Lopes",
        type="PERSON",
        aliases=["Lopes"],
        mentions=[],
    )
    report = Report(id="t", article={"text": TEXT}, entities=[entity])
    quote = Quote(
        id="Q1",
        text="x",
        start=0,
        end=1,
        kind="direct",
        speaker=Speaker(entity="E1", name="Ana Lopes", text="Lopes"),
    )
    assert nq.speaker_is(report, quote, {"name": "Ana Lopes"})
    assert not nq.speaker_is(report, quote, {"name": "Maria Silva"})
    assert nq.speaker_is(report, Quote(id="Q2", text="x", start=0, end=1, kind="direct"), None)


@pytest.mark.shared
def test_the_committed_quotations_are_valid(shared_data):
    from communique.evaluation.corpora import load

    gold = nq.load_quotes()
    checked, problems = nq.check_documents(gold, load(shared_data))
    assert problems == []
    assert len(gold) == 66 and sum(len(d["quotes"]) for d in gold) >= 700
    assert {d["split"] for d in gold} == {"tune", "held"}
