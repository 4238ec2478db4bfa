"""Errors that end in one clear line for the user, never a traceback."""


class CommuniqueError(Exception):
    """Base class: the message is shown to the user as it is."""


class InputError(CommuniqueError):
    """The input cannot be read or is not a news document."""


class ModelNotFound(CommuniqueError):
    """The configured spaCy model is not installed."""
