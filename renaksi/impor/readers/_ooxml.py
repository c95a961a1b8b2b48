"""What the XLSX and DOCX readers share: both formats are zip packages (Office Open XML), and both can arrive broken.

Every check answers with an Indonesian `ImporGagal` that names the file and says what to do, before a parser sees
the bytes: empty or too large, an encrypted (password-protected) or old binary Office file, something else renamed
(an image, a PDF, a text file), a truncated or corrupt zip, a zip bomb, or a package of the other Office kind.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from django.conf import settings
from django.utils.translation import gettext

from renaksi.core.angka import format_angka
from renaksi.core.berkas import JPEG_MAGIC, MAIN_PART, PDF_MAGIC, PNG_MAGIC, ZIP_MAGIC
from renaksi.impor.grid import ImporGagal, Place

# A cell longer than this is not a plan value: a pasted document or a mistake. Said per cell, never truncated.
MAX_CELL_CHARS = 5_000
MAX_ROWS = 20_000  # per sheet (XLSX) or per document (DOCX): a large plan has a few thousand
MAX_COLS = 200
MAX_SHEETS = 50
# Uncompressed size of the whole package; a zip of a few MB that expands to GBs is refused before parsing.
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What else people upload by mistake, recognised by its first bytes, to say what the file really is.
OTHER_MAGIC = [
    (PNG_MAGIC, "gambar PNG"),
    (JPEG_MAGIC, "gambar JPEG"),
    (b"GIF8", "gambar GIF"),
    (b"BM", "gambar BMP"),
    (PDF_MAGIC, "dokumen PDF"),
    (b"{\\rtf", "dokumen RTF"),
    (b"RIFF", "berkas RIFF (gambar WebP atau suara)"),
    (b"\x1f\x8b", "arsip gzip"),
    (b"Rar!", "arsip RAR"),
    (b"7z\xbc\xaf", "arsip 7-Zip"),
    (b"MZ", "program Windows"),
    (b"\x7fELF", "program"),
]

KIND_LABEL = {"xlsx": "Excel (.xlsx)", "docx": "Word (.docx)"}


def megabytes(n: int) -> str:
    """A size for people: '20,0 MB', or '2 KB' below a megabyte."""
    if n < 1024 * 1024:
        return f"{-(-n // 1024)} KB"
    return f"{n / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def check_size(data: bytes, filename: str) -> None:
    if not data:
        raise ImporGagal(gettext("berkas kosong (0 byte)."), Place(filename))
    limit = settings.RENAKSI_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise ImporGagal(
            gettext("berkas terlalu besar (%(ukuran)s); paling besar %(batas)s. Hapus "
                    "lembar, gambar atau lampiran yang tidak perlu, lalu unggah lagi.")
            % {"ukuran": megabytes(len(data)), "batas": megabytes(limit)},
            Place(filename),
        )


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    printable = sum(1 for b in head if b in (9, 10, 13) or 32 <= b)
    return printable >= 0.95 * len(head)


def open_package(data: bytes, filename: str, kind: str) -> zipfile.ZipFile:
    """Open `data` as an Office Open XML package of `kind` ("xlsx" or "docx"), or explain why it is not one."""
    check_size(data, filename)
    place = Place(filename)
    label = KIND_LABEL[kind]
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            raise ImporGagal(
                gettext("berkas dilindungi kata sandi (terenkripsi) sehingga isinya tidak dapat dibaca. "
                        "Buka di %(aplikasi)s, hapus kata sandinya (Info → Proteksi → Enkripsi dengan "
                        "kata sandi), simpan, lalu unggah lagi.") % {"aplikasi": label.split()[0]},
                place,
            )
        old = "Excel 97–2003 (.xls)" if kind == "xlsx" else "Word 97–2003 (.doc)"
        raise ImporGagal(
            gettext("berkas ini berformat lama %(old)s atau dilindungi kata sandi. Buka di "
                    "%(aplikasi)s, hapus kata sandi bila ada, simpan sebagai %(label)s, lalu unggah "
                    "lagi.") % {"old": old, "aplikasi": label.split()[0], "label": label},
            place,
        )
    if not data.startswith(ZIP_MAGIC):
        for magic, what in OTHER_MAGIC:
            if data.startswith(magic):
                raise ImporGagal(gettext("berkas ini sebenarnya %(what)s yang diberi nama "
                                         "%(berkas)s, bukan %(label)s.")
                                 % {"what": what, "berkas": repr(filename), "label": label}, place)
        if _looks_like_text(data[:4096]):
            raise ImporGagal(
                gettext("berkas ini berisi teks biasa, bukan %(label)s. Simpan dengan akhiran .txt atau "
                        ".csv lalu unggah lagi.") % {"label": label},
                place,
            )
        raise ImporGagal(gettext("berkas ini bukan %(label)s yang sah (isinya tidak dikenali).")
                         % {"label": label}, place)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImporGagal(
            gettext("berkas %(label)s rusak atau terpotong (mungkin unggahan atau unduhan tidak lengkap): "
                    "%(exc)s. Simpan ulang berkas dari aslinya lalu unggah lagi.")
            % {"label": label, "exc": exc},
            place,
        ) from exc
    names = set(package.namelist())
    if MAIN_PART[kind] not in names:
        other = next((k for k, part in MAIN_PART.items() if k != kind and part in names), None)
        if other:
            raise ImporGagal(
                gettext("berkas ini adalah %(kind_label_other)s, bukan %(label)s. Ganti akhiran namanya "
                        "menjadi .%(other)s.")
                % {"kind_label_other": KIND_LABEL[other], "label": label, "other": other},
                place,
            )
        raise ImporGagal(gettext("berkas zip ini bukan %(label)s (bagian %(main_part_kind)s tidak ada).")
                         % {"label": label, "main_part_kind": MAIN_PART[kind]}, place)
    if sum(info.file_size for info in package.infolist()) > MAX_UNCOMPRESSED_BYTES:
        raise ImporGagal(
            gettext("isi berkas terlalu besar setelah dibuka (lebih dari %(teks)s).")
            % {"teks": megabytes(MAX_UNCOMPRESSED_BYTES)}, place
        )
    try:
        broken = package.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        broken = str(exc)
    if broken:
        raise ImporGagal(
            gettext("berkas %(label)s rusak atau terpotong (bagian %(broken)s tidak utuh). Simpan ulang "
                    "berkas dari aslinya lalu unggah lagi.") % {"label": label, "broken": broken},
            place,
        )
    return package


def check_cell_length(text: str, place: Place, where: str) -> None:
    if len(text) > MAX_CELL_CHARS:
        raise ImporGagal(
            gettext(
                "%(where)s berisi %(panjang)s karakter; paling banyak %(teks)s karakter "
                "per sel. Pisahkan atau persingkat isinya."
            )
            % {
                "where": where,
                "panjang": format_angka(len(text)),
                "teks": format_angka(MAX_CELL_CHARS),
            },
            place,
        )
