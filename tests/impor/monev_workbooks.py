"""Monev workbooks written in the tests with openpyxl, formulas included, as Excel would save them.

openpyxl writes a formula without the value Excel would compute and save with it (and the importer refuses such a
cell). `save_with_values` saves a workbook and then writes each formula's value into the file, computed here for the
plain formulas these workbooks use (`=SUM(…)` of cells and ranges, `+`, `-`), exactly as Excel would compute them —
a wrong formula gives a wrong saved value, as in a real workbook.
"""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl.utils import column_index_from_string, get_column_letter

_REF = re.compile(r"([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?")


def _evaluate(ws, formula: str, seen=()) -> int | float:
    body = formula.lstrip("=").upper().replace("SUM(", "(")
    total: int | float = 0
    for sign, term in re.findall(r"([+-]?)([^+-]+)", body):
        term = term.strip("()")
        value: int | float = 0
        for part in term.split(","):
            ref = _REF.fullmatch(part.strip("() "))
            if ref is None:
                value += float(part) if "." in part else int(part)
                continue
            c1, r1, c2, r2 = ref.groups()
            for r in range(int(r1), int(r2 or r1) + 1):
                for c in range(column_index_from_string(c1), column_index_from_string(c2 or c1) + 1):
                    value += _value(ws, r, c, seen)
        total += -value if sign == "-" else value
    return total


def _value(ws, row: int, col: int, seen=()) -> int | float:
    cell = ws.cell(row=row, column=col)
    if isinstance(cell.value, str) and cell.value.startswith("="):
        assert (row, col) not in seen, "circular formula"
        return _evaluate(ws, cell.value, (*seen, (row, col)))
    return cell.value if isinstance(cell.value, int | float) else 0


def save_with_values(wb) -> bytes:
    """The workbook's bytes, each formula cell carrying its computed value (as a file saved by Excel)."""
    out = io.BytesIO()
    wb.save(out)
    values: dict[str, dict[str, int | float]] = {}
    for index, ws in enumerate(wb.worksheets, start=1):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    ref = f"{get_column_letter(cell.column)}{cell.row}"
                    values.setdefault(f"xl/worksheets/sheet{index}.xml", {})[ref] = _value(ws, cell.row, cell.column)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in values:
                xml = data.decode()
                for ref, value in values[item.filename].items():
                    xml, n = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?',
                                     lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{v}</v>", xml)
                    assert n == 1, ref
                data = xml.encode()
            target.writestr(item, data)
    return patched.getvalue()
