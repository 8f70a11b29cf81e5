"""Errors a user can act on. Each names the file, record or URI it is about, so a line in a
log of an unattended run is enough to find the culprit."""

from __future__ import annotations

import re

# Everything between the scheme's // and the last @: user and password, whatever they hold.
_CREDENTIALS = re.compile(r"//.*@")


def masked(uri: str) -> str:
    """A URI as messages show it: credentials never reach a terminal or a log."""
    return _CREDENTIALS.sub("//***@", uri)


class NewsgraphError(Exception):
    """Base class: the CLI prints these as one line instead of a traceback."""


class InputError(NewsgraphError):
    """A file or record that cannot be read. The run skips it and goes on."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason

    def __reduce__(self) -> tuple:
        """Pickled by its parts, so an error found on a Dask worker reaches the run intact."""
        return (type(self), (self.where, self.reason))

    @property
    def kept(self) -> bool:
        """Whether the record was loaded anyway (see InputWarning)."""
        return False


class InputWarning(InputError):
    """A record loaded with something dropped or repaired (an unreadable date, a link that is
    not http(s), characters no store accepts): named like an error so it can be found, but the
    article is kept."""

    @property
    def kept(self) -> bool:
        return True


class StoreError(NewsgraphError):
    """The graph store is down, refuses the credentials, or rejected a statement.
    The run cannot go on without it."""

    def __init__(self, uri: str, reason: str) -> None:
        super().__init__(f"graph store {uri}: {reason}")
        self.uri = uri
        self.reason = reason


class ReadOnlyRefused(StoreError):
    """A statement given to a read-only command would write; the server refused it whole."""

    def __init__(self, uri: str) -> None:
        super().__init__(uri, "the statement writes, and this is a read-only query")
