"""Zip archives and gzip-compressed files: each member is read by the reader for its own suffix.

Members are decompressed into memory, never extracted to disk, so names such as `/etc/x` or
`../../x` are only names. Decompression is metered chunk by chunk against the caps of `Limits`
(size, and ratio per member and per archive): the sizes an archive declares are not trusted.
An archive inside an archive is refused, so one level of decompression is all a file gets.

Articles from a zip have `doc` = `archive.zip!member/path.txt`; from a gzip, the .gz file."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath, PurePosixPath

from newsgraph.corpus.decode import as_input_error, describe, memory_file, read_bytes, report
from newsgraph.corpus.limits import DEFAULT_LIMITS, LimitExceeded, Limits, Meter, MeteredStream, human_size
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

ZIP_SUFFIXES = (".zip",)
# Compressed or container formats a member may not be: refused as nesting, not silently skipped.
NESTED_SUFFIXES = (".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".zst", ".7z", ".rar")

MemberReader = Callable[[PurePath, str, "list[InputError] | None", Limits], Iterable[Article]]
ReaderFor = Callable[[str], "MemberReader | None"]


def _read_zip_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, archive_meter: Meter, limits: Limits
) -> bytes:
    meter = Meter(where, info.compress_size, limits)
    if info.file_size > limits.max_uncompressed_bytes:  # a declared size is enough to refuse
        raise LimitExceeded(
            meter, f"declares {human_size(info.file_size)}, over the "
            f"{human_size(limits.max_uncompressed_bytes)} cap on uncompressed size"
        )
    with archive.open(info) as raw:
        return MeteredStream(raw, meter, archive_meter).read_all()


def read_zip(
    path: PurePath,
    doc: str,
    errors: list[InputError] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    reader_for: ReaderFor,
) -> Iterator[Article]:
    """A bad member is reported as `archive.zip!member` and skipped; going over the caps of the
    whole archive ends it. Members no reader knows (images, `.DS_Store`) are passed over, as in
    a directory."""
    data = read_bytes(path, doc)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(doc, f"not a readable zip archive: {describe(exc)}") from exc
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > limits.max_members:
            raise InputError(doc, f"has {len(members)} members, over the {limits.max_members} member cap")
        archive_meter = Meter(doc, len(data), limits)
        for info in members:
            where = f"{doc}!{info.filename}"
            if PurePosixPath(info.filename.lower()).suffix in NESTED_SUFFIXES:
                report(InputError(where, "an archive inside an archive is refused"), errors)
                continue
            reader = reader_for(info.filename)
            if reader is None:
                continue
            try:
                content = _read_zip_member(archive, info, where, archive_meter, limits)
                yield from reader(memory_file(info.filename, content), where, errors, limits)
            except LimitExceeded as exc:
                if exc.meter is archive_meter:
                    raise
                report(exc, errors)
            except Exception as exc:  # zipfile on a corrupt, encrypted or exotic member
                report(as_input_error(exc, where, "unreadable member"), errors)


def read_gzip(
    path: PurePath,
    doc: str,
    errors: list[InputError] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    reader_for: ReaderFor,
) -> Iterator[Article]:
    """`news.jsonl.gz` is read as `news.jsonl`; its articles and errors keep the .gz name."""
    inner = PurePosixPath(path.name[: -len(".gz")] if path.name.lower().endswith(".gz") else path.name)
    if inner.suffix.lower() in NESTED_SUFFIXES:
        raise InputError(doc, "an archive inside an archive is refused")
    reader = reader_for(inner.name)
    if reader is None:
        raise InputError(doc, f"no reader for a '{inner.suffix}' file inside gzip")
    data = read_bytes(path, doc)
    meter = Meter(doc, len(data), limits)
    try:
        content = MeteredStream(gzip.GzipFile(fileobj=io.BytesIO(data)), meter).read_all()
    except InputError:
        raise
    except Exception as exc:  # BadGzipFile, EOFError on a truncated file, zlib.error
        raise InputError(doc, f"not a readable gzip file: {describe(exc)}") from exc
    yield from reader(memory_file(inner.name, content), doc, errors, limits)
