"""The attribution strategies of :mod:`communique.quotes.find`, one small module each; the
order they are tried in is listed there."""
