"""communique: news in, political event data out.

The public API is small::

    import communique
    report = communique.analyze(text, date="2019-01-29")
    report = communique.analyze(html, html=True, exclude=("quotes",))
    for result in communique.analyze_many(documents):   # communique.Document, ...
        ...                                            # a Report or a communique.Failure

Each stage is also usable on its own: see :mod:`communique.pipeline`. The names are loaded
on first use, so that ``import communique`` (and ``communique --version``, ``serve``,
``export``) does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from communique.document import Document, Failure
    from communique.model import Report
    from communique.pipeline import analyze, analyze_many

# public name -> the module that defines it
_LAZY = {
    "analyze": "communique.pipeline",
    "analyze_many": "communique.pipeline",
    "Document": "communique.document",
    "Failure": "communique.document",
    "Report": "communique.model",
}

__all__ = ["Document", "Failure", "Report", "__version__", "analyze", "analyze_many"]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module 'communique' has no attribute '{name}'")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
