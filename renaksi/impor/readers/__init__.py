"""Any supported file → `Grid`, chosen by what the bytes are, not by what the file is called.

- a zip package (Office Open XML) → XLSX or DOCX, by the part it contains (`read_xlsx` / `read_docx`);
- a PDF (``%PDF-``) → `read_pdf` (text PDFs; a scanned or password-protected one is refused, saying so);
- an old binary Office file (OLE): an Excel 97–2003 workbook → `read_xls`; a Word 97–2003 document is refused
  (save it as .docx); a password-protected Office file is refused by the XLSX/DOCX reader, which explains it;
- an image, an archive … → refused, saying what the file really is;
- otherwise text: UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1252 / Latin-1 — the fallback is
  reported as a decision, because accented letters may then be read wrongly; control characters or NUL bytes
  mean binary garbage and are refused;
- text with TABs is a text/TSV copy (`read_text`); text whose columns are aligned with spaces is a
  `pdftotext -layout` copy of a PDF (`read_aligned`); text whose lines split consistently on `;` or `,` is CSV
  (`read_csv`); anything else is read as text, one cell per line.
Whatever the format, every cell is then checked for length: a cell of thousands of characters is a pasted document
or a mistake, and is refused with its place rather than cut.
"""

from __future__ import annotations

import io
import re
import zipfile

from django.utils.translation import gettext

from renaksi.core.angka import format_angka
from renaksi.core.berkas import PDF_MAGIC
from renaksi.impor.grid import Catatan, Grid, ImporGagal, Place

from ._ooxml import MAX_CELL_CHARS, OLE_MAGIC, OTHER_MAGIC, ZIP_MAGIC, check_size
from .csv import read_csv, sniff_delimiter
from .text import is_aligned, read_aligned, read_text

MAX_LINES = 50_000
MAX_CELLS_PER_ROW = 500

# A valid UTF-8 sequence of two or more bytes: a file that has them is UTF-8, even with a few broken bytes.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def read_grid(data: bytes, filename: str) -> Grid:
    """Read `data` (the bytes of a file called `filename`) into a `Grid`, or raise `ImporGagal` saying why not."""
    place = Place(filename)
    if not data or not data.strip():
        raise ImporGagal(gettext("berkas kosong: tidak ada isi yang dapat dibaca."), place)
    check_size(data, filename)
    if data.startswith(ZIP_MAGIC):
        grid = _read_office(data, filename, _office_kind(data, filename))
    elif data.startswith(PDF_MAGIC):
        from .pdf import read_pdf  # pdfplumber is heavy: only a PDF import needs it

        grid = read_pdf(data, filename)
    elif data.startswith(OLE_MAGIC):
        grid = _read_ole(data, filename)
    else:
        for magic, what in OTHER_MAGIC:
            if data.startswith(magic):
                raise ImporGagal(
                    gettext("berkas ini %(what)s, bukan dokumen yang dapat dibaca. Unggah XLSX, XLS, DOCX, PDF, teks "
                            "(TXT/TSV) atau CSV.") % {"what": what},
                    place,
                )
        text, decision = decode_text(data, filename)
        grid = read_delimited(text, filename)
        if decision:
            grid.decisions.insert(0, decision)
    check_grid(grid)
    return grid


def _office_kind(data: bytes, filename: str) -> str:
    """xlsx or docx by the package's main part; by extension when the zip cannot be opened (the reader explains)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        names = set()
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if names:
        raise ImporGagal(gettext("berkas zip ini bukan XLSX maupun DOCX."), Place(filename))
    return "docx" if filename.lower().endswith((".doc", ".docx")) else "xlsx"


def _read_office(data: bytes, filename: str, kind: str) -> Grid:
    # Imported here: openpyxl and python-docx are heavy, and a text import never needs them.
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, filename)
    from .xlsx import read_xlsx

    return read_xlsx(data, filename)


def _read_ole(data: bytes, filename: str) -> Grid:
    """An old binary Office file: an Excel 97–2003 workbook is read; anything else is explained."""
    encrypted = "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data
    word = "WordDocument".encode("utf-16-le") in data
    workbook = "Workbook".encode("utf-16-le") in data or ("Book".encode("utf-16-le") in data and not word)
    if workbook and not encrypted:
        from .xls import read_xls

        return read_xls(data, filename)
    if word and not encrypted:
        raise ImporGagal(
            gettext("berkas ini dokumen Word 97–2003 (.doc), format lama yang tidak dibaca Renaksi. Buka di Word "
                    "atau LibreOffice, simpan sebagai Word (.docx) (File → Simpan Sebagai), lalu unggah lagi."),
            Place(filename),
        )
    kind = "docx" if filename.lower().endswith((".doc", ".docx")) else "xlsx"
    return _read_office(data, filename, kind)  # explains a password-protected or unknown OLE file


def decode_text(data: bytes, filename: str) -> tuple[str, Catatan | None]:
    """Bytes → text, with a decision when the encoding had to be guessed. Binary data is refused."""
    place = Place(filename)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise ImporGagal(gettext("berkas UTF-16 rusak: tidak dapat dibaca sebagai teks."), place) from exc
    if b"\x00" in data:
        where = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ImporGagal(
            gettext("berkas berisi data biner (byte NUL), bukan teks, XLSX atau DOCX. Periksa bahwa berkas "
                    "yang benar diunggah."),
            Place(filename, baris=where),
        )
    decision = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        replaced = data.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd")
        if _UTF8_MULTIBYTE.search(data) and bad <= max(3, len(data) // 10_000):
            # A few broken bytes in an otherwise UTF-8 file: reading it as cp1252 would garble every accent.
            text = replaced.lstrip("\ufeff")
            where = data.count(b"\n", 0, exc.start) + 1
            decision = Catatan(
                "teks.byte_rusak",
                gettext("%(bad)s byte bukan UTF-8 yang sah diganti dengan '\ufffd'; sisa berkas dibaca "
                        "sebagai UTF-8.") % {"bad": bad},
                Place(filename, baris=where),
            )
        else:
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "Latin-1"
            decision = Catatan(
                "teks.encoding",
                gettext("Berkas bukan UTF-8; dibaca sebagai %(encoding)s. Periksa huruf beraksen dan tanda "
                        "kutip.") % {"encoding": encoding},
                place,
            )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(2, len(text) // 200):
        raise ImporGagal(
            gettext("berkas berisi %(jumlah)s karakter kendali: ini data biner, bukan teks. "
                    "Unggah XLSX, XLS, DOCX, PDF, teks (TXT/TSV) atau CSV.")
            % {"jumlah": format_angka(controls)},
            place,
        )
    if not text.strip():
        raise ImporGagal(gettext("berkas kosong: hanya berisi spasi atau baris kosong."), place)
    return text, decision


def read_delimited(text: str, filename: str) -> Grid:
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise ImporGagal(
            gettext("berkas berisi %(jumlah)s baris; paling banyak %(batas)s.")
            % {"jumlah": format_angka(lines), "batas": format_angka(MAX_LINES)},
            Place(filename),
        )
    if "\t" in text:
        return read_text(text, filename)
    if is_aligned(text):
        return read_aligned(text, filename)  # a `pdftotext -layout` copy: columns aligned with spaces
    delimiter = sniff_delimiter(text)
    if delimiter:
        return read_csv(text, filename, delimiter)
    return read_text(text, filename)


def check_grid(grid: Grid) -> None:
    """Refuse a grid with an overlong cell or row, naming the place: such a cell is not a plan value."""
    for sheet in grid.sheets:
        for row in sheet.rows:
            if len(row.cells) > MAX_CELLS_PER_ROW:
                raise ImporGagal(
                    gettext("baris berisi %(teks)s kolom; paling banyak %(teks2)s.")
                    % {"teks": format_angka(len(row.cells)), "teks2": format_angka(MAX_CELLS_PER_ROW)},
                    grid.place(sheet, row),
                )
            for col, cell in enumerate(row.cells):
                if len(cell) > MAX_CELL_CHARS:
                    raise ImporGagal(
                        gettext(
                            "sel berisi %(panjang)s karakter; paling banyak %(teks)s "
                            "karakter per sel. Pisahkan atau persingkat isinya."
                        )
                        % {
                            "panjang": format_angka(len(cell)),
                            "teks": format_angka(MAX_CELL_CHARS),
                        },
                        grid.place(sheet, row, col),
                    )
