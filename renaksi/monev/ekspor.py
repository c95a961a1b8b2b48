"""The monev form as a workbook: built once as data (`build_monev_form`), formatted as XLSX (`render_monev_xlsx`).

The workbook is the blank (or partly filled) form a PD fills in and imports back (`renaksi import`, layout
"monev_renaksi", see docs/impor/monev.md). Two sheets:
- **Indikator**: id, sasaran, indikator, satuan, target TW I–IV and the year, then realisasi TW I–IV to fill, then
  faktor pendorong / penghambat and tindak lanjut (next triwulan, next year's Renja) for the chosen triwulan;
- **Sub kegiatan**: id, kode, nama, pagu, then realisasi anggaran TW I–IV (the amount spent *in* each triwulan).
Row 3 of each sheet names the plan (`id rencana aksi`), so the import knows which plan the form belongs to; the
`id` columns tie each row to its indikator or sub kegiatan, so renaming a row in the workbook changes nothing.
Values already reported are written in, so the form can also be exported mid-year and completed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from renaksi.core import office
from renaksi.core.capaian import ROMAWI
from renaksi.monev.selectors import monev_data
from renaksi.perencanaan.models import RencanaAksi, Target

XLSX_CONTENT_TYPE = office.XLSX_CONTENT_TYPE

SHEET_INDIKATOR = "Indikator"
SHEET_SUB_KEGIATAN = "Sub kegiatan"
PLAN_ROW = 3  # "ID rencana aksi" | id
HEADER_ROW = 5
LABEL_PLAN_ID = "ID rencana aksi"
FAKTOR = ("Faktor pendorong", "Faktor penghambat", "Tindak lanjut triwulan berikutnya",
          "Tindak lanjut Renja tahun berikutnya")
# The number format of realisasi cells: at least four decimals shown, so that no value is ever written with
# exactly three (which a text copy would read as a thousands group: "1.234").
KINERJA_FORMAT = "0.0000"
RUPIAH_FORMAT = office.RUPIAH_FORMAT


def indikator_headers(triwulan: int) -> list[str]:
    tw = ROMAWI[triwulan]
    return (["ID indikator", "Sasaran", "Indikator", "Satuan"]
            + [f"Target TW {ROMAWI[n]}" for n in (1, 2, 3, 4)] + ["Target tahun"]
            + [f"Realisasi TW {ROMAWI[n]}" for n in (1, 2, 3, 4)]
            + [f"{label} (TW {tw})" for label in FAKTOR])


SUB_KEGIATAN_HEADERS = (["ID sub kegiatan", "Kode", "Sub kegiatan", "Pagu (Rp)"]
                        + [f"Realisasi anggaran TW {ROMAWI[n]} (Rp)" for n in (1, 2, 3, 4)])


@dataclass(frozen=True)
class RealisasiSel:
    """A realisasi as the form writes it: a number, or a category with an optional score ("B (67.34)")."""

    nilai: Decimal | None = None
    kategori: str = ""

    @property
    def cell_value(self) -> Decimal | str | None:
        if self.kategori:
            return f"{self.kategori} ({self.nilai})" if self.nilai is not None else self.kategori
        return self.nilai


@dataclass(frozen=True)
class IndikatorBaris:
    id: int
    sasaran: str
    nama: str
    satuan: str
    target: tuple[str, str, str, str]  # TW I–IV as written in the plan
    target_tahun: str
    realisasi: tuple[RealisasiSel | None, ...]  # TW I–IV
    evaluasi: tuple[str, str, str, str]  # faktor pendorong, penghambat, tindak lanjut, tindak lanjut Renja


@dataclass(frozen=True)
class SubKegiatanBaris:
    id: int
    kode: str
    nama: str
    pagu: int | None
    realisasi: tuple[int | None, ...]  # TW I–IV, amount spent in each triwulan


@dataclass
class MonevForm:
    rencana_aksi_id: int
    judul: str
    perangkat_daerah: str
    tahun: int
    triwulan: int  # the triwulan whose faktor and tindak lanjut the form carries
    indikator: list[IndikatorBaris] = field(default_factory=list)
    sub_kegiatan: list[SubKegiatanBaris] = field(default_factory=list)


def _target_text(target: Target | None) -> str:
    if target is None:
        return ""
    if target.teks:
        return target.teks
    return str(target.nilai.normalize()) if target.nilai is not None else target.kategori


def build_monev_form(*, rencana_aksi: RencanaAksi, triwulan: int = 1) -> MonevForm:
    """The monev form of a plan: every indikator and sub kegiatan in the plan's order (`monev_data`), with what is
    already reported."""
    data = monev_data(rencana_aksi=rencana_aksi, triwulan=triwulan)
    plan = data.plan.plan
    form = MonevForm(rencana_aksi_id=plan.pk, judul=plan.judul or str(plan),
                     perangkat_daerah=plan.perangkat_daerah.nama, tahun=plan.tahun, triwulan=triwulan)
    for item in data.indikator:
        ind, ev = item.indikator, item.evaluasi
        targets = data.plan.targets.get(ind.pk, {})
        form.indikator.append(IndikatorBaris(
            id=ind.pk, sasaran=item.sasaran.uraian if item.sasaran else "", nama=ind.nama, satuan=ind.satuan,
            target=tuple(_target_text(targets.get(tw)) for tw in (1, 2, 3, 4)),
            target_tahun=_target_text(targets.get(None)),
            realisasi=tuple(None if r is None else RealisasiSel(nilai=r.nilai, kategori=r.kategori)
                            for r in item.realisasi),
            evaluasi=(ev.faktor_pendorong, ev.faktor_penghambat, ev.tindak_lanjut, ev.tindak_lanjut_renja)
            if ev else ("", "", "", ""),
        ))
    for item in data.sub_kegiatan:
        sub = item.sub_kegiatan
        form.sub_kegiatan.append(SubKegiatanBaris(id=sub.pk, kode=sub.kode, nama=sub.nama, pagu=sub.pagu,
                                                  realisasi=item.realisasi_anggaran))
    return form


def render_monev_xlsx(form: MonevForm) -> bytes:
    """The form as an XLSX workbook (openpyxl); only formatting happens here."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    fill = PatternFill("solid", fgColor="FFF2CC")  # the cells to fill in
    bold = Font(bold=True)

    def start(ws, title: str, headers: list[str]) -> None:
        ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=13)
        ws.cell(row=2, column=1, value=f"{form.perangkat_daerah} — tahun {form.tahun}")
        ws.cell(row=PLAN_ROW, column=1, value=LABEL_PLAN_ID).font = bold
        ws.cell(row=PLAN_ROW, column=2, value=form.rencana_aksi_id)
        for col, text in enumerate(headers, start=1):
            cell = ws.cell(row=HEADER_ROW, column=col, value=text)
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)

    ws = wb.active
    ws.title = SHEET_INDIKATOR
    start(ws, f"Monev indikator — {form.judul}", indikator_headers(form.triwulan))
    for r, row in enumerate(form.indikator, start=HEADER_ROW + 1):
        values = [row.id, row.sasaran, row.nama, row.satuan, *row.target, row.target_tahun]
        for col, value in enumerate(values, start=1):
            ws.cell(row=r, column=col, value=value)
        for n, sel in enumerate(row.realisasi):
            cell = ws.cell(row=r, column=len(values) + 1 + n, value=sel.cell_value if sel else None)
            cell.fill, cell.number_format = fill, KINERJA_FORMAT
        for n, text in enumerate(row.evaluasi):
            cell = ws.cell(row=r, column=len(values) + 5 + n, value=text or None)
            cell.fill, cell.alignment = fill, Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (8, 40, 50, 12), strict=True):
        ws.column_dimensions[letter].width = width

    ws = wb.create_sheet(SHEET_SUB_KEGIATAN)
    start(ws, f"Monev anggaran — {form.judul}", SUB_KEGIATAN_HEADERS)
    for r, row in enumerate(form.sub_kegiatan, start=HEADER_ROW + 1):
        for col, value in enumerate([row.id, row.kode, row.nama, row.pagu], start=1):
            ws.cell(row=r, column=col, value=value)
        ws.cell(row=r, column=4).number_format = RUPIAH_FORMAT
        for n, jumlah in enumerate(row.realisasi):
            cell = ws.cell(row=r, column=5 + n, value=jumlah)
            cell.fill, cell.number_format = fill, RUPIAH_FORMAT
    for letter, width in zip("ABCD", (8, 20, 50, 16), strict=True):
        ws.column_dimensions[letter].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_filename(form: MonevForm) -> str:
    return f"monev-{form.perangkat_daerah}-{form.tahun}-tw{form.triwulan}.xlsx".replace(" ", "-").replace("/", "-")
