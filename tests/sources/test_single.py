"""Loading one document: files, URLs, size limits, binary data and bad encodings."""

from __future__ import annotations

import gzip
import http.server
import socket
import threading

import pytest

from communique.errors import InputError
from communique.sources.jsonl import check_jsonl_file, read_jsonl_documents
from communique.sources.single import decode, fetch_url, is_binary, load_document

TEXT = "Talks resume in Vienna\n\nVIENNA (Reuters) - Talks resumed on Monday.\n"


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = load_document(str(path), date="2019-01-29")
    assert (document.content, document.html, document.date, document.warnings) == (
        TEXT,
        False,
        "2019-01-29",
        [],
    )


def test_html_is_recognised_by_suffix_and_by_content(tmp_path):
    by_suffix = tmp_path / "a.html"
    by_suffix.write_text("<p>Talks resumed.</p>", encoding="utf-8")
    by_content = tmp_path / "b.txt"
    by_content.write_text(
        "<!DOCTYPE html><html><body><p>Talks.</p></body></html>", encoding="utf-8"
    )
    assert load_document(str(by_suffix)).html
    assert load_document(str(by_content)).html
    assert not load_document(str(by_content), html=False).html


def test_gzipped_file(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode()))
    assert load_document(str(path)).content == TEXT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"  \n\n\t ", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_unusable_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_document(str(path))


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_document(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        load_document(str(tmp_path))


def test_corrupt_gzip(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage-garbage-garbage")
    with pytest.raises(InputError, match="cannot be read"):
        load_document(str(path))


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 400, encoding="utf-8")
    with pytest.raises(InputError, match="larger than the limit of 1,000 bytes"):
        load_document(str(path), max_bytes=1000)
    assert load_document(str(path), max_bytes=5000).content.startswith("word")


def test_size_limit_applies_after_gunzip(tmp_path):
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"word " * 1000))
    with pytest.raises(InputError, match="larger than the limit"):
        load_document(str(path), max_bytes=1000)


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Talks in Zürich resumed on Monday.".encode("latin-1"))
    document = load_document(str(path))
    assert document.content == "Talks in Z\ufffdrich resumed on Monday."
    assert len(document.warnings) == 1 and "invalid UTF-8" in document.warnings[0]


def test_utf16_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Talks in Zürich resumed.".encode("utf-16"))
    document = load_document(str(path))
    assert (document.content, document.warnings) == ("Talks in Zürich resumed.", [])


def test_default_url_timeout_is_20_seconds():
    import inspect

    assert inspect.signature(fetch_url).parameters["timeout"].default == 20.0


def test_utf8_bom_is_dropped():
    assert decode("\ufeffTalks".encode(), "x") == ("Talks", [])


def test_binary_detection():
    assert is_binary(b"abc\x00def")
    assert not is_binary("Überall Gespräche, tab\tand\r\nnewlines\f".encode())


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/hostname", "gopher://x/y"])
def test_only_http_and_https_urls(url):
    with pytest.raises(InputError, match="only http and https URLs are supported"):
        load_document(url)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_url():
    url = f"http://127.0.0.1:{_closed_port()}/news.html"
    with pytest.raises(InputError, match="cannot be fetched") as info:
        load_document(url)
    assert "\n" not in str(info.value)


@pytest.fixture
def local_server():
    """A local HTTP server: /big sends 5,000 bytes, /slow never answers, others 404."""
    stop = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server interface)
            if self.path == "/slow":
                stop.wait(5)
                return
            if self.path == "/big":
                body = b"x" * 5000
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()  # no Content-Length: the limit must apply while reading
                self.wfile.write(body)
                return
            if self.path == "/page.html":
                body = b"<html><body><p>Talks resumed.</p></body></html>"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    stop.set()
    server.shutdown()
    server.server_close()


def test_url_fetch_size_limit_status_and_timeout(local_server):
    document = load_document(f"{local_server}/page.html")
    assert document.html and document.url == f"{local_server}/page.html"
    with pytest.raises(InputError, match="larger than the limit"):
        load_document(f"{local_server}/big", max_bytes=1000)
    with pytest.raises(InputError, match="HTTP 404"):
        load_document(f"{local_server}/missing")
    with pytest.raises(InputError, match="cannot be fetched .*(?i:timed out|timeout)"):
        fetch_url(f"{local_server}/slow", max_bytes=1000, timeout=0.3)


# --- JSONL batches ------------------------------------------------------------------------


def test_jsonl_records_in_order_with_bad_ones(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Talks resumed.", "date": "2019-01-29", "source": "TASS"}\n'
        b"not json\n"
        b"\n"
        b'{"id": "c", "html": "<p>Talks.</p>", "url": "https://example.org/c"}\n'
        b'{"id": "d"}\n'
        b'{"id": "e", "text": "Talks.", "url": 42}\n'
        b'{"id": "f", "text": "Z\xfcrich talks."}\n'
        b"[1, 2]\n"
    )
    documents = list(read_jsonl_documents(path, max_bytes=1000))
    assert [d.id for d in documents] == ["a", "line-2", "c", "d", "e", "f", "line-8"]
    assert [d.error is None for d in documents] == [True, False, True, False, False, True, False]
    assert (documents[0].date, documents[0].source) == ("2019-01-29", "TASS")
    assert documents[2].html and documents[2].url == "https://example.org/c"
    assert "invalid JSON" in documents[1].error
    assert "no 'text' or 'html'" in documents[3].error
    assert "'url' must be a string" in documents[4].error
    assert documents[5].content == "Z\ufffdrich talks." and documents[5].warnings


def test_jsonl_record_over_the_size_limit(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "big", "text": "' + "x" * 2000 + '"}\n', encoding="utf-8")
    (document,) = read_jsonl_documents(path, max_bytes=1000)
    assert document.id == "big" and "larger than the limit" in document.error


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "empty input"), (b"\x00\x01\x02" * 10, "binary")]
)
def test_jsonl_file_that_cannot_be_a_batch(tmp_path, content, message):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        check_jsonl_file(path)
    with pytest.raises(InputError, match=message):
        list(read_jsonl_documents(path, max_bytes=1000, strict=True))


def test_jsonl_missing_file_or_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_jsonl_documents(tmp_path / "missing.jsonl", max_bytes=1000))
    with pytest.raises(InputError, match="not a file"):
        list(read_jsonl_documents(tmp_path, max_bytes=1000))
