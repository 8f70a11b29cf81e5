"""Reading bytes as text with an error that names the file and the offending offset, instead of
a UnicodeDecodeError deep in a worker."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import InputError


def read_text(path: Path, doc: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(doc, f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(doc, "empty file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            doc, f"undecodable bytes at offset {exc.start}: the file is not UTF-8 text"
        ) from exc
