"""Load one document for ``communique analyze``: a path, a URL or ``-`` (standard input)."""

from __future__ import annotations

import codecs
import gzip
import re
import sys
import zlib
from pathlib import Path
from urllib.parse import urlparse

from communique.document import Document
from communique.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
URL_TIMEOUT_S = 20.0
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Control bytes that never occur in text; tab, newline, form feed and CR are allowed.
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def load_document(
    location: str,
    *,
    html: bool | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    date: str | None = None,
) -> Document:
    """Read ``location`` into a :class:`Document`, or raise :class:`InputError` saying why."""
    if location == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
        name, url = "<stdin>", None
    elif urlparse(location).scheme in ("http", "https"):
        raw, url = fetch_url(location, max_bytes=max_bytes), location
        name = location
    elif "://" in location:
        raise InputError(f"{location}: only http and https URLs are supported")
    else:
        raw, name, url = read_file(Path(location), max_bytes), location, None
    check_size(raw, max_bytes, name)
    content, warnings = decode(raw, name)
    if html is None:
        html = looks_like_html(name, content)
    return Document(content=content, html=html, url=url, date=date, warnings=warnings)


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file (gunzipped when it ends in .gz), refusing what is too big."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory (use 'communique ingest' for folders)")
    if path.stat().st_size > max_bytes and path.suffix != ".gz":
        raise InputError(f"{path}: file is larger than the limit of {max_bytes:,} bytes")
    try:
        with gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"{path}: cannot be read ({' '.join(reason.split())})") from exc


def read_capped(response, limit: int) -> bytes:
    """The body of a streamed httpx response, read no further than the first chunk past
    ``limit`` bytes (the caller tells a body over the limit by its length)."""
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            break
    return b"".join(chunks)


def fetch_url(url: str, *, max_bytes: int, timeout: float = URL_TIMEOUT_S) -> bytes:
    """GET an http(s) URL with a timeout and a size limit."""
    import httpx

    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            response.raise_for_status()
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url}: larger than the limit of {max_bytes:,} bytes")
            return read_capped(response, max_bytes)
    except httpx.HTTPStatusError as exc:
        raise InputError(f"{url}: HTTP {exc.response.status_code}") from exc
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        raise InputError(f"{url}: cannot be fetched ({_reason(exc)})") from exc


def _reason(exc: Exception) -> str:
    """A short one-line reason: "Connection refused", "ReadTimeout", ..."""
    text = re.sub(r"\[Errno -?\d+\]\s*", "", " ".join(str(exc).split()))
    return text if text and len(text) <= 60 else type(exc).__name__


def check_size(raw: bytes, max_bytes: int, name: str) -> None:
    if len(raw) > max_bytes:
        raise InputError(f"{name}: larger than the limit of {max_bytes:,} bytes")
    if not raw.strip():
        raise InputError(f"{name}: empty input")


def decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 (with replacement and a warning), refusing binary data.
    UTF-16 with a byte-order mark is read as such."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
        warnings = [f"{name}: invalid UTF-16 replaced with U+FFFD"] if "\ufffd" in text else []
        return text, warnings
    if is_binary(raw):
        raise InputError(f"{name}: binary data, not text or HTML")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, [f"{name}: invalid UTF-8; {bad} byte sequence(s) replaced with U+FFFD"]


def is_binary(raw: bytes) -> bool:
    """True for data with NUL bytes or many control bytes in its first 8 KB."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return controls > max(8, len(head) // 100)


def looks_like_html(name: str, content: str) -> bool:
    if name.lower().removesuffix(".gz").endswith(HTML_SUFFIXES):
        return True
    head = content.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
