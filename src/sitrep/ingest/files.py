"""Opening an input safely: regular files only, reads bounded by the size limit, names that can be stored.

`stat` is not trusted for either question. A symlink to ``/dev/zero`` reports a size of 0
and then never ends; a FIFO reports 0 and blocks the first ``open`` until a writer comes.
So the kind of file is checked on the open descriptor itself (opened non-blocking, which
for a FIFO returns at once), and every read asks for at most ``limit + 1`` bytes.

    >>> data = read_bounded(Path("article.txt"), max_bytes=20_000_000)  # doctest: +SKIP
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from ..errors import InputError, Messages
from .fields import printable

#: What each non-regular kind of file is called in E119.
KINDS = (
    (stat.S_ISFIFO, "FIFO (named pipe)"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISDIR, "directory"),
)


def kind_of(mode: int) -> str | None:
    """What a non-regular file is ("FIFO (named pipe)", "character device", …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in KINDS if test(mode)), "special file")


def check_name(path: Path) -> None:
    """InputError E122 when the file name is not valid UTF-8 (Python keeps such bytes as surrogates)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(Messages.E122, where=printable(str(path))) from e


def open_regular(path: Path, *, where: str | None = None) -> io.BufferedReader:
    """`path` opened for binary reading; InputError E119 unless it is a regular file, E116 if unreadable.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it has
    no effect on the reads of a regular file, the only kind that is then kept open.
    """
    where = where or str(path)
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise InputError(Messages.E116, where=where, detail=e.strerror or type(e).__name__) from e
    try:
        kind = kind_of(os.fstat(fd).st_mode)
    except OSError as e:
        os.close(fd)
        raise InputError(Messages.E116, where=where, detail=e.strerror or type(e).__name__) from e
    if kind is not None:
        os.close(fd)
        raise InputError(Messages.E119, where=where, kind=kind)
    return os.fdopen(fd, "rb")


def read_bounded(path: Path, *, max_bytes: int, where: str | None = None) -> bytes:
    """The whole of a regular file, at most `max_bytes` of it: E110 when longer, E119/E116 as `open_regular`."""
    where = where or str(path)
    with open_regular(path, where=where) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except OSError as e:
            raise InputError(Messages.E116, where=where, detail=e.strerror or type(e).__name__) from e
        if len(data) > max_bytes:
            size = max(os.fstat(stream.fileno()).st_size, len(data))
            raise InputError(Messages.E110, where=where, size=size, limit=max_bytes)
    return data
