"""communique: news in, political event data out.

The public API is small::

    import communique
    report = communique.analyze(text, date="2019-01-29")
    report = communique.analyze(html, html=True)

Each stage is also usable on its own: see :mod:`communique.pipeline`.
"""

__version__ = "0.1.0"

from communique.pipeline import analyze, analyze_many  # noqa: E402

__all__ = ["__version__", "analyze", "analyze_many"]
