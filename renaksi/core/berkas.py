"""What an uploaded file really is, from its bytes — never from its name or the browser's claim.

Used for bukti dukung (monev) and, for its signatures, by the importer's readers.

PDF (`%PDF-`), PNG, JPEG, and Office Open XML packages: a zip with `[Content_Types].xml` whose main part is
`word/document.xml` (DOCX) or `xl/workbook.xml` (XLSX). Anything else — an executable renamed `.pdf`, an HTML page,
an old binary `.doc` — is refused by the service with a message saying which kinds are accepted.
"""

from __future__ import annotations

import zipfile
from typing import IO

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# The main part that makes an Office Open XML package a document of that kind.
MAIN_PART = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}


def jenis_berkas(stream: IO[bytes]) -> str | None:
    """'pdf', 'png', 'jpeg', 'docx', 'xlsx', or None. Reads from the start and rewinds the stream."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    try:
        if head.startswith(PDF_MAGIC):
            return "pdf"
        if head.startswith(PNG_MAGIC):
            return "png"
        if head.startswith(JPEG_MAGIC):
            return "jpeg"
        if head.startswith(ZIP_MAGIC):
            return _office(stream)
        return None
    finally:
        stream.seek(0)


def _office(stream: IO[bytes]) -> str | None:
    try:
        names = set(zipfile.ZipFile(stream).namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for kind, part in MAIN_PART.items() if part in names), None)
