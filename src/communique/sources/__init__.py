"""Where documents come from: files, standard input and URLs (one document each here)."""

from communique.sources.single import DEFAULT_MAX_BYTES, load_document

__all__ = ["DEFAULT_MAX_BYTES", "load_document"]
