"""Caps that keep one hostile or broken input from exhausting the memory or the time of a run.

A corpus is collected from the web, so a file may be a decompression bomb (a few kilobytes that
expand to gigabytes) or simply far larger than any article. The caps are checked while bytes are
produced, never only against sizes a file declares about itself, because a header can lie."""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass

from newsgraph.errors import InputError

KB = 1024
MB = 1024 * KB


@dataclass(frozen=True)
class Limits:
    """`max_ratio` is not applied below `ratio_floor_bytes` of output: a short repetitive text
    compresses a few hundred times without harm, a bomb only matters once it is large."""

    max_file_bytes: int = 50 * MB
    max_uncompressed_bytes: int = 500 * MB
    max_ratio: float = 100.0
    max_members: int = 10_000
    ratio_floor_bytes: int = 1 * MB
    max_article_chars: int = 5_000_000
    """One article's text: parsing goes at about 6k words a second, so 5M characters (some 800k
    words) is a quarter of an hour; a longer "article" is a dump, not news."""


DEFAULT_LIMITS = Limits()


def human_size(size: int) -> str:
    """Sizes in messages read as MB for real files and stay exact for the tiny caps of tests."""
    if size >= MB // 10:
        return f"{size / MB:.1f} MB"
    if size >= KB:
        return f"{size / KB:.1f} KB"
    return f"{size} bytes"


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_capped(path: str, limits: Limits) -> bytes:
    """The bytes of a regular file, at most `max_file_bytes` of them.

    Only regular files are read: a named pipe would block the run forever and a link to
    /dev/zero never ends. The file is opened without blocking and checked on the open handle
    (no window for a swap between a check and the open); the cap is enforced on the bytes
    read, since a stat size can be 0 (/proc) or change while reading."""
    cap = limits.max_file_bytes
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, f"{_kind(info.st_mode)}, not a regular file: only regular files are read")
        if info.st_size > cap:
            raise InputError(path, f"is {human_size(info.st_size)}, over the {human_size(cap)} cap")
        try:
            data = file.read(cap + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > cap:
        raise InputError(path, f"is over the {human_size(cap)} cap (grew while it was read)")
    return data


class LimitExceeded(InputError):
    """Raised by a Meter; `meter` tells an archive whether one member or the whole archive
    went over, that is whether to skip the member or stop."""

    def __init__(self, meter: Meter, reason: str) -> None:
        super().__init__(meter.where, reason)
        self.meter = meter

    def __reduce__(self) -> tuple:
        """Once it leaves the reader, the meter is of no use: it travels as a plain InputError."""
        return (InputError, (self.where, self.reason))


class Meter:
    """Counts decompressed bytes of one stream (a member, or a whole archive when shared by
    its members) against the size cap and against the ratio to its compressed size."""

    def __init__(self, where: str, compressed_bytes: int, limits: Limits) -> None:
        self.where = where
        self.compressed_bytes = max(compressed_bytes, 1)
        self.limits = limits
        self.produced = 0

    def add(self, count: int) -> None:
        self.produced += count
        limits = self.limits
        if self.produced > limits.max_uncompressed_bytes:
            raise LimitExceeded(
                self, f"expands past the {human_size(limits.max_uncompressed_bytes)} cap on uncompressed size"
            )
        if self.produced > limits.ratio_floor_bytes and self.produced > self.compressed_bytes * limits.max_ratio:
            raise LimitExceeded(
                self,
                f"compression ratio over {limits.max_ratio:g}:1 "
                f"({human_size(self.compressed_bytes)} expands past {human_size(self.produced)}): refused as a bomb",
            )


class MeteredStream(io.RawIOBase):
    """A decompressing stream whose every read is counted by the meters, so reading stops at
    the first chunk past a cap instead of after the whole bomb has gone off."""

    CHUNK = 64 * KB

    def __init__(self, stream: io.IOBase, *meters: Meter) -> None:
        super().__init__()
        self._stream = stream
        self._meters = meters

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = min(len(buffer), self.CHUNK)
        data = self._stream.read(size)
        for meter in self._meters:
            meter.add(len(data))
        buffer[: len(data)] = data
        return len(data)

    def read_all(self) -> bytes:
        """Reads to the end in chunks; memory stays bounded by the caps."""
        parts = []
        while chunk := self.read(self.CHUNK):
            parts.append(chunk)
        return b"".join(parts)
