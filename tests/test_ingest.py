"""communique ingest: bad input recorded, idempotent, resumable after kill -9, workers and Dask."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.ingest import ingest
from communique.store import Store

MINISTERS = [
    ("Russian", "Sergei Lavrov", "Japanese", "Taro Kono", "Moscow"),
    ("Chinese", "Wang Yi", "Indian", "Subrahmanyam Jaishankar", "Beijing"),
    ("French", "Jean-Yves Le Drian", "German", "Heiko Maas", "Paris"),
    ("Turkish", "Mevlut Cavusoglu", "Iranian", "Mohammad Javad Zarif", "Ankara"),
    ("American", "Mike Pompeo", "Saudi", "Adel al-Jubeir", "Riyadh"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(i: int) -> str:
    """A short wire story; stories i and i + 5k tell the same meeting."""
    nat1, name1, nat2, name2, city = MINISTERS[i % len(MINISTERS)]
    day = DAYS[i % len(MINISTERS)]
    return (
        f"{city.upper()}, January {21 + i % len(MINISTERS)}, 2019 (Wire {i}). {nat1} Foreign Minister {name1} met "
        f"{nat2} Foreign Minister {name2} in {city} on {day}. The ministers discussed trade and "
        f"security, officials said after the talks (report number {i})."
    )


def write_corpus(folder, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:04d}.txt").write_text(story(i), encoding="utf-8")


def truncated_warc(path) -> None:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(3):
        body = f"<html><body><h1>Talks {i}</h1><p>{story(40 + i)}</p></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=BytesIO(body), http_headers=http
            )
        )
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - 40])


@pytest.fixture(scope="module")
def messy_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("messy")
    (folder / "a-good.txt").write_text(story(0), encoding="utf-8")
    (folder / "b-good.html").write_text(
        f"<html><body><h1>Talks</h1><p>{story(1)}</p></body></html>"
    )
    (folder / "c-copy.txt").write_text(story(0), encoding="utf-8")  # a duplicate of a-good.txt
    (folder / "d-corrupt.txt.gz").write_bytes(b"not gzip at all")
    truncated_warc(folder / "e-crawl.warc.gz")
    (folder / "f-broken.rss").write_text(
        "<rss><channel><title>x</title><item><title>cut", encoding="utf-8"
    )
    (folder / "g-latin1.txt").write_bytes(
        story(2).replace("officials", "officiels é").encode("latin-1")
    )
    (folder / "h-binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "i-empty.txt").write_bytes(b"")
    (folder / "j-german.txt").write_text(
        "Der russische Außenminister traf am Dienstag seinen japanischen Amtskollegen in Moskau. "
        "Die beiden Minister sprachen über einen Friedensvertrag und über den Handel zwischen den Ländern.",
        encoding="utf-8",
    )
    (folder / "k-good.txt.gz").write_bytes(gzip.compress(story(3).encode()))
    return folder


def statuses(url: str, folder) -> dict[str, str]:
    store = Store(url)
    return {
        row["location"].removeprefix(f"{folder}/"): row["status"]
        for row in store.articles(limit=None)
    }


def test_bad_input_is_recorded_and_never_stops_the_ingest(messy_corpus, tmp_path, nlp):
    url = f"sqlite:///{tmp_path / 'messy.db'}"
    summary = ingest([str(messy_corpus)], db=url, batch_size=3)
    rows = statuses(url, messy_corpus)
    assert (
        rows["a-good.txt"] == "ok" and rows["b-good.html"] == "ok" and rows["k-good.txt.gz"] == "ok"
    )
    assert rows["c-copy.txt"] == "duplicate"
    assert rows["d-corrupt.txt.gz"] == "error"
    assert rows["e-crawl.warc.gz"] == "error"  # the cut, after the pages before it
    assert rows["e-crawl.warc.gz#https://news.example/0"] == "ok"
    assert rows["f-broken.rss"] == "error"
    assert rows["g-latin1.txt"] == "warning"
    assert rows["h-binary.txt"] == "error" and rows["i-empty.txt"] == "error"
    assert rows["j-german.txt"] == "language"
    assert summary.documents == len(rows)
    assert summary.statuses["duplicate"] == 1 and summary.statuses["language"] == 1
    assert summary.statuses["error"] == 5 and summary.statuses["warning"] == 1
    assert {loc.removeprefix(f"{messy_corpus}/") for loc, _s, _e in summary.errors} >= {
        "d-corrupt.txt.gz",
        "j-german.txt",
    }
    store = Store(url)
    assert store.counts()["events"] >= 1

    before = store.counts()
    again = ingest([str(messy_corpus)], db=url)
    assert again.already_stored == again.documents == summary.documents
    assert sum(again.statuses.values()) == 0
    assert Store(url).counts() == before


def event_signature(url: str) -> list[tuple]:
    store = Store(url)
    return sorted(
        (e["type"], e["date"], e["status"], e["num_mentions"], e["num_articles"], e["num_sources"],
         tuple(sorted(a["name"] for a in e["actors"])), tuple(sorted(r["name"] for r in e["recipients"])))
        for e in store.events(limit=None)
    )  # fmt: skip


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    write_corpus(folder, 12)
    return folder


@pytest.fixture(scope="module")
def local_events(small_corpus, tmp_path_factory, nlp):
    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}"
    ingest([str(small_corpus)], db=url, batch_size=5)
    return event_signature(url)


def test_same_meeting_in_several_articles_is_merged(local_events):
    assert local_events, "the events stage found no events"
    assert max(sig[4] for sig in local_events) >= 2  # num_articles


def test_dask_local_cluster_gives_the_events_of_the_local_path(
    small_corpus, local_events, tmp_path
):
    from communique.ingest.cluster import DaskCluster

    cluster = DaskCluster("local", None, workers=1, processes=False)
    try:
        url = f"sqlite:///{tmp_path / 'dask.db'}"
        summary = ingest([str(small_corpus)], db=url, executor=cluster, chunk_size=4)
    finally:
        cluster.close()
    assert summary.statuses["ok"] == 12
    assert event_signature(url) == local_events


def test_two_local_workers_give_the_events_of_the_local_path(small_corpus, local_events, tmp_path):
    url = f"sqlite:///{tmp_path / 'workers.db'}"
    summary = ingest([str(small_corpus)], db=url, workers=2, chunk_size=3)
    assert summary.statuses["ok"] == 12
    assert event_signature(url) == local_events


def test_killed_ingest_resumes_with_nothing_lost_or_doubled(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 60)
    db = tmp_path / "killed.db"
    url = f"sqlite:///{db}"
    command = [sys.executable, "-c", "from communique.cli import main; main()", "ingest", str(corpus),
               "--db", url, "--batch-size", "4"]  # fmt: skip
    env = {**os.environ, "COLUMNS": "120"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    written = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            written = _count_articles(db)
            if written >= 8:
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        process.stderr.close()
    assert 8 <= written < 60, "the ingest was not killed mid-way"

    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "already in the database" in rerun.stderr

    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    ingest([str(corpus)], db=reference, batch_size=50)
    resumed, whole = Store(url), Store(reference)
    assert resumed.counts() == whole.counts()
    assert {a["id"] for a in resumed.articles(limit=None)} == {
        a["id"] for a in whole.articles(limit=None)
    }
    assert event_signature(url) == event_signature(reference)


def _count_articles(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_retry_errors_analyses_again_what_failed(tmp_path, nlp, monkeypatch):
    import communique.ingest.executors as executors
    from communique.pipeline import Failure

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3)
    (corpus / "later.txt").write_bytes(b"")  # empty now, written later
    url = f"sqlite:///{tmp_path / 'retry.db'}"
    real = executors.analyze_chunk
    monkeypatch.setattr(
        executors,
        "analyze_chunk",
        lambda docs, model=None: [Failure(d.id, "stage crashed") for d in docs],
    )
    first = ingest([str(corpus)], db=url)
    assert first.statuses["error"] == 4

    monkeypatch.setattr(executors, "analyze_chunk", real)
    (corpus / "later.txt").write_text(story(3), encoding="utf-8")
    plain = ingest([str(corpus)], db=url)
    assert plain.already_stored == 3 and plain.statuses["ok"] == 1  # later.txt is new content
    assert Store(url).counts()["articles_by_status"] == {"error": 4, "ok": 1}

    retried = ingest([str(corpus)], db=url, retry_errors=True)
    assert retried.statuses["ok"] == 3 and retried.already_stored == 1
    assert Store(url).counts()["articles_by_status"] == {"ok": 4}
    again = ingest([str(corpus)], db=url, retry_errors=True)
    assert again.already_stored == 4
