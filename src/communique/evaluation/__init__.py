"""Evaluation against outside gold data and the project's own annotated news sets."""
