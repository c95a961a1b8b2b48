"""What every workbook and Word document Renaksi writes shares: media types, number formats, cell values, and the
few Office Open XML details python-docx has no API for.

Used by the import template (`laporan/templat.py`), the monev form (`monev/ekspor.py`) and the official documents'
formatters (`laporan/xlsx.py`, `laporan/docx.py`). Libraries are imported inside the functions, so importing this
module costs nothing.

Number formats (decision 0005): the codes are the standard ones (`#,##0`, `#,##0.00`), so that a number stays a
number and Excel shows it with the reader's separators (Indonesian Excel: ``59.059.304.998``, ``29,17``). Official
documents prefix them with the Indonesian locale tag ``[$-421]`` (`format_lokal`); forms that are imported back
keep the bare codes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

RUPIAH_FORMAT = "#,##0"
LOKAL_INDONESIA = "[$-421]"  # Windows LCID 0x0421 = id-ID

# Characters XML 1.0 cannot hold (openpyxl and lxml refuse them); a pasted control character must not break an export.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def angka_format(desimal: int = 0) -> str:
    """Thousands grouped, `desimal` places: 0 → ``#,##0``, 2 → ``#,##0.00``."""
    desimal = max(0, min(int(desimal), 15))
    return RUPIAH_FORMAT + ("." + "0" * desimal if desimal else "")


def persen_format(desimal: int = 0) -> str:
    """A percentage stored as the percentage (29.17, not 0.2917): the sign is a literal, nothing is multiplied."""
    return angka_format(desimal) + '"%"'


def format_lokal(number_format: str) -> str:
    """An official document's number format: tagged Indonesian (decision 0005)."""
    return LOKAL_INDONESIA + number_format


def xlsx_nilai(value: Any) -> Any:
    """A value as a worksheet cell takes it: a whole Decimal written without decimals becomes an int, other Decimals
    stay Decimal (openpyxl writes them as numbers; the format shows their decimals); NaN and infinity become empty."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        exponent = value.as_tuple().exponent
        whole = value == value.to_integral_value()
        if whole and (not isinstance(exponent, int) or exponent >= 0):
            return int(value)
        return value
    return value


def teks_xml(teks: str) -> str:
    """Text without the control characters XML cannot hold."""
    return _ILLEGAL_XML.sub("", teks)


# --- python-docx: what it has no API for -------------------------------------------------------------------------

def docx_latar(cell: Any, warna: str) -> None:
    """Background colour ("RRGGBB") of a Word table cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    # CT_TcPr is a sequence: shd comes before noWrap, tcMar, textDirection, tcFitText, vAlign, hideMark.
    tc_pr.insert_element_before(shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                                "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def docx_sifat_baris(row: Any, *, kepala: bool = False, tidak_terpisah: bool = True) -> None:
    """A Word table row repeated at the top of every page (`kepala`, w:tblHeader) and/or never split across two
    pages (`tidak_terpisah`, w:cantSplit)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    # CT_TrPr is a sequence: cantSplit comes before tblHeader.
    for tag, on in (("w:cantSplit", tidak_terpisah), ("w:tblHeader", kepala)):
        if on and tr_pr.find(qn(tag)) is None:
            el = OxmlElement(tag)
            el.set(qn("w:val"), "true")
            tr_pr.append(el)
