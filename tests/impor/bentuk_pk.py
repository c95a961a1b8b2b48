"""Word PKs in the shapes of issue 19's "never silently wrong" list, written by the tests (python-docx)."""

from __future__ import annotations

import io

from docx import Document

SASARAN = [["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"],
           ["1", "Meningkatnya keselamatan lalu lintas", "Persentase penurunan kecelakaan", "Persen", "10"],
           ["2", "Meningkatnya kualitas layanan angkutan", "Indeks kepuasan penumpang", "Indeks", "80"]]
TTD = ["", "Kota Contoh, 2 Januari 2024", "Kepala Dinas Perhubungan", "BUDI SANTOSO, S.T.", "Pembina Utama Muda",
       "NIP. 19700101 199503 1 002"]


def _table(d, rows: list[list[str]]) -> None:
    t = d.add_table(rows=0, cols=len(rows[0]))
    for r in rows:
        for c, v in zip(t.add_row().cells, r, strict=True):
            c.text = v


def pk(*, sasaran: list[list[str]] | None = None, program: list[list[str]] | None = None,
       paragraphs: list[str] = (), judul: str = "PERJANJIAN KINERJA TAHUN 2024") -> bytes:
    d = Document()
    d.add_paragraph(judul)
    d.add_paragraph("DINAS PERHUBUNGAN KOTA CONTOH")
    _table(d, sasaran or SASARAN)
    d.add_paragraph("")
    if program:
        _table(d, program)
    for p in paragraphs:
        d.add_paragraph(p)
    for line in TTD:
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# Programs with their amounts as TAB-separated paragraphs outside any table; a long name wraps onto a second line.
PARAGRAF = pk(paragraphs=["", "Program\tAnggaran\tKeterangan",
                          "1. Program Penyelenggaraan Lalu Lintas dan\tRp. 1.250.000.000\tAPBD",
                          "    Angkutan Jalan", "2. Program Pengelolaan Angkutan Umum\tRp. 750.000.000\tAPBD"])
# The same, the wrapped line typed at the margin (no indent).
PARAGRAF_TANPA_INDEN = pk(paragraphs=["", "Program\tAnggaran\tKeterangan",
                                      "1. Program Penyelenggaraan Lalu Lintas dan\tRp. 1.250.000.000\tAPBD",
                                      "Angkutan Jalan", "2. Program Pengelolaan Angkutan Umum\tRp. 750.000.000\tAPBD"])
# Several indikator with their targets packed into one cell, one per line.
BERTUMPUK = pk(sasaran=[SASARAN[0], ["1", "Meningkatnya keselamatan lalu lintas",
                                     "Persentase penurunan kecelakaan\nJumlah titik rawan kecelakaan yang ditangani",
                                     "Persen\nTitik", "10\n25"]],
               program=[["NO", "PROGRAM", "ANGGARAN"], ["1", "Program Penyelenggaraan Lalu Lintas", "1.250.000.000"]])
# The same, one target short: "10" and "25" cannot be matched to the two indikator.
BERTUMPUK_TIDAK_COCOK = pk(sasaran=[SASARAN[0], ["1", "Meningkatnya keselamatan lalu lintas",
                                                 "Persentase penurunan kecelakaan\nJumlah titik rawan kecelakaan "
                                                 "yang ditangani\nJumlah rambu terpasang", "Persen\nTitik\nUnit",
                                                 "10\n25"]],
                           program=[["NO", "PROGRAM", "ANGGARAN"], ["1", "Program Penyelenggaraan Lalu Lintas",
                                                                    "1.250.000.000"]])
# Kegiatan with their pagu packed one per line in one cell each, and sub kegiatan packed under one kegiatan.
ANGGARAN_HEADER = ["NO", "PROGRAM", "KEGIATAN", "SUB KEGIATAN", "ANGGARAN"]
ANGGARAN_BERTUMPUK = pk(program=[
    ANGGARAN_HEADER,
    ["1", "Program Penyelenggaraan Lalu Lintas", "Penyediaan Perlengkapan Jalan\nPengendalian Operasional Lalu Lintas",
     "", "750.000.000\n500.000.000"],
    ["2", "Program Pengelolaan Angkutan Umum", "Pengelolaan Terminal", "Pemeliharaan Terminal\nPengawasan Terminal\n"
     "Penyediaan Sarana Terminal", "300.000.000\n200.000.000\n250.000.000"]])  # fmt: skip
# The same, one amount short under the sub kegiatan.
ANGGARAN_TIDAK_COCOK = pk(program=[
    ANGGARAN_HEADER,
    ["1", "Program Pengelolaan Angkutan Umum", "Pengelolaan Terminal", "Pemeliharaan Terminal\nPengawasan Terminal\n"
     "Penyediaan Sarana Terminal", "300.000.000\n200.000.000"]])  # fmt: skip
# A note cell holding an amount that is not a program.
CATATAN = pk(program=[["NO", "PROGRAM", "ANGGARAN", "KETERANGAN"],
                      ["1", "Program Penyelenggaraan Lalu Lintas", "1.250.000.000", "termasuk DAK Rp 250.000.000"],
                      ["2", "Program Pengelolaan Angkutan Umum", "750.000.000", "APBD"]])
# APBD and APBN amounts in separate columns.
APBN = pk(program=[["NO", "PROGRAM", "APBD (Rp)", "APBN (Rp)"],
                   ["1", "Program Penyelenggaraan Lalu Lintas", "1.250.000.000", "500.000.000"],
                   ["2", "Program Pengelolaan Angkutan Umum", "750.000.000", "0"]])
# APBD and APBN amounts in separate rows under one program.
APBN_BARIS = pk(program=[["NO", "PROGRAM", "SUMBER DANA", "ANGGARAN"],
                         ["1", "Program Penyelenggaraan Lalu Lintas", "APBD", "1.250.000.000"],
                         ["", "", "APBN", "500.000.000"]])
