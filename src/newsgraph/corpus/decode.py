"""Reading bytes as text with an error that names the file and the offending offset, instead of
a UnicodeDecodeError deep in a worker."""

from __future__ import annotations

from pathlib import Path, PurePath, PurePosixPath

from newsgraph.errors import InputError


class MemoryFile(PurePosixPath):
    """An archive member: its bytes behind the part of the Path interface readers use (name,
    suffix, read_bytes), so every file reader reads members too and nothing is ever extracted
    to disk, whatever names (absolute, `..`) the archive gives its members."""

    data: bytes = b""

    def read_bytes(self) -> bytes:
        return self.data


def memory_file(name: str, data: bytes) -> MemoryFile:
    member = MemoryFile(name)
    member.data = data
    return member


def read_bytes(path: Path | PurePath, doc: str) -> bytes:
    try:
        return path.read_bytes()  # type: ignore[union-attr]
    except OSError as exc:
        raise InputError(doc, f"cannot read: {exc.strerror or exc}") from exc


def read_content(path: Path | PurePath, doc: str) -> bytes:
    """The bytes of a file that must hold something: an empty one is an error naming it."""
    data = read_bytes(path, doc)
    if not data.strip():
        raise InputError(doc, "empty file")
    return data


def read_text(path: Path | PurePath, doc: str) -> str:
    data = read_content(path, doc)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            doc, f"undecodable bytes at offset {exc.start}: the file is not UTF-8 text"
        ) from exc


def printable(text: str, limit: int = 120) -> str:
    """Text from the data or a library made safe for a one-line message: one line, no control
    characters, at most `limit` characters."""
    message = "".join(ch if ch.isprintable() else "?" for ch in " ".join(text.split()))
    return message if len(message) <= limit else message[: limit - 1] + "…"


def describe(exc: BaseException, limit: int = 120) -> str:
    """A library's exception as a short printable phrase for a one-line message: some quote
    the garbage they choked on, control characters and all."""
    message = printable(str(exc), limit)
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


def as_input_error(exc: Exception, where: str, what: str) -> InputError:
    """An error met while reading one record as an InputError naming it: whatever a library
    raises on garbage must lose that record only, never the rest of the file."""
    if isinstance(exc, InputError):
        return exc
    problem = InputError(where, f"{what} ({describe(exc)})")
    problem.__cause__ = exc
    return problem


def report(problem: InputError, errors: list[InputError] | None) -> None:
    """A reader's bad record goes to `errors`; without a list to collect it, it is raised."""
    if errors is None:
        raise problem
    errors.append(problem)
