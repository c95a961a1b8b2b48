"""Formula cells: the value Excel saved is read; a workbook written by a program and never calculated (no formula
has a saved value) is refused naming its formula cells; a formula without a value among calculated ones (an empty
result) reads as blank and is reported."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from renaksi.impor.grid import ImporGagal
from renaksi.impor.readers import read_grid


def _save(wb) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def with_cached(data: bytes, values: dict[str, str]) -> bytes:
    """Write each formula cell's saved value (`<v>`) into the sheet XML, as Excel does when it saves."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                for ref, value in values.items():
                    text = re.sub(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?', rf"\1\2<v>{value}</v>", text)
                content = text.encode()
            dst.writestr(item, content)
    return out.getvalue()


def workbook() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Anggaran"
    ws.append(["NO", "SUB KEGIATAN", "PAGU"])
    ws.append([1, "Penyusunan Dokumen", 35_000_000])
    ws.append([2, "Penyusunan Laporan", 11_530_800])
    ws.append(["", "Jumlah", "=SUM(C2:C3)"])
    ws.append(["", "Selisih", "=C4-C2-C3"])
    ws.append(["", "Catatan", '=IF(C5=0,"","periksa")'])
    return _save(wb)


def test_saved_values_are_read_and_the_formulas_kept():
    data = with_cached(workbook(), {"C4": "46530800", "C5": "0", "C6": ""})
    grid = read_grid(data, "anggaran.xlsx")
    sheet = grid.sheets[0]
    assert sheet.rows[3].cells == ["", "Jumlah", "46530800"]
    assert sheet.rows[4].cells == ["", "Selisih", "0"]
    assert sheet.formulas[(4, 3)] == "=SUM(C2:C3)"
    # C6's result is the empty string: among calculated formulas it reads as blank, and says so.
    assert sheet.rows[5].cells == ["", "Catatan"]
    [decision] = [d for d in grid.decisions if d.kode == "rumus.tanpa_nilai"]
    assert "1 sel rumus" in decision.pesan and "C6" in decision.pesan
    assert (decision.place.baris, decision.place.kolom) == (6, 3)


def test_a_workbook_never_calculated_is_refused_naming_its_formula_cells():
    with pytest.raises(ImporGagal) as exc:
        read_grid(workbook(), "dari-program.xlsx")
    message = str(exc.value)
    assert "3 sel rumus tidak menyimpan nilainya (C4, C5, C6" in message
    assert "belum pernah dihitung" in message and "Renaksi tidak menghitung rumus sendiri" in message
    assert "lembar 'Anggaran'" in message and "baris 4" in message and "kolom 3" in message
