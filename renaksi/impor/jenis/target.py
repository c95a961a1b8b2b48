"""Targets: indikator with a yearly target (and satuan). On a bidang page, the bidang's own indikator.

A sasaran split over several rows is joined (`sasaran.sambung`, in `Rakit.sasaran_by_row`). A "target" column that
holds amounts of rupiah is not a target: the table scores low here and the budget kind takes it.
Quarters written to date ("s.d. TW II", "s/d Triwulan III") are cumulative: `sd_triwulan` keeps what is to be
achieved in each triwulan (to date − to date before), so the quarters are not summed again (`target.sd_triwulan`)."""

from __future__ import annotations

import dataclasses

from django.utils.translation import gettext

from renaksi.core.akumulasi import Akumulasi
from renaksi.core.angka import format_angka
from renaksi.impor.dokumen import IndikatorDoc, NilaiSel, Teks
from renaksi.impor.grid import Row
from renaksi.impor.layouts.umum import baca_nilai
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel
from renaksi.impor.teks import bersih

from . import NOL, Skor, isi

NAMA = "target"
LABEL = "Target indikator"


def score(tabel: Tabel, judul: str = "") -> Skor:
    if not tabel.has(PeranKolom.INDIKATOR, PeranKolom.TARGET):
        return NOL
    if isi.money_share(tabel, tabel.col(PeranKolom.TARGET)) >= 0.6:
        return Skor(10, gettext("kolom target berisi rupiah, bukan target"), oleh_isi=True)
    return Skor(45, gettext("kolom indikator dan target"))


def read(rakit: Rakit, tabel: Tabel, judul: str = "", bidang: str = "") -> list[tuple[IndikatorDoc, Row]]:
    """Read the table's indikator and targets; returns each indikator with its row (for the monev kind)."""
    doc = rakit.doc
    by_row = rakit.sasaran_by_row(tabel)
    read_rows: list[tuple[IndikatorDoc, Row]] = []
    for row in rakit.indikator_rows(tabel):
        nama = tabel.cell(row, PeranKolom.INDIKATOR)
        sasaran = by_row.get(row.number)
        if not nama or sasaran is None:
            continue
        indikator = rakit.indikator(sasaran, Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR)), bidang)
        if bidang:
            rakit.bidang_indikator.setdefault(bidang, indikator)
        satuan = indikator.satuan.teks if indikator.satuan else ""
        if (col := tabel.col(PeranKolom.SATUAN)) is not None and bersih(row.cell(col)):
            indikator.satuan = Teks(bersih(row.cell(col)), tabel.place(row, col))
        if (col := tabel.col(PeranKolom.TARGET)) is not None:
            rakit.yearly(indikator, baca_nilai(doc, row.cell(col), tabel.place(row, col), satuan),
                         primary=any(c is not None for c in tabel.tw))
        for tw, col in enumerate(tabel.tw):
            if col is not None:
                indikator.triwulan[tw] = baca_nilai(doc, row.cell(col), tabel.place(row, col), satuan)
        if tabel.tw_sd:
            sd_triwulan(indikator)
        read_rows.append((indikator, row))
    if tabel.tw_sd and read_rows:
        doc.decide("target.sd_triwulan", gettext("Target triwulan %(tabel)s ditulis sampai dengan triwulan (s.d.): "
                                                 "dibaca sebagai nilai kumulatif, tidak dijumlahkan lagi; yang "
                                                 "disimpan adalah target dalam tiap triwulan (s.d. triwulan itu − "
                                                 "s.d. triwulan sebelumnya), akumulasi kumulatif.")
                   % {"tabel": tabel.judul}, tabel.header_place())
    return read_rows


def sd_triwulan(indikator: IndikatorDoc) -> None:
    """Quarterly targets written to date → the target of each triwulan, the indikator kumulatif. Values to date that
    fall (or a category) cannot be differences: they are kept as written, each the value at the end of its triwulan
    (akumulasi nilai akhir)."""
    quarters = indikator.triwulan
    values = [q.angka.nilai if q is not None and not q.angka.kategori else None for q in quarters]
    known = [v for v in values if v is not None]
    if not known or known != sorted(known) or any(q is not None and q.angka.kategori for q in quarters):
        indikator.akumulasi = Akumulasi.NILAI_AKHIR
        indikator.alasan_inferensi = gettext("target triwulan ditulis s.d. triwulan dan tidak naik: nilai akhir")
        return
    before = None
    for tw, (q, value) in enumerate(zip(quarters, values, strict=True)):
        if q is None or value is None:
            continue
        diff = value - before if before is not None else value
        before = value
        angka = dataclasses.replace(q.angka, teks=format_angka(diff), nilai=diff, keputusan=gettext(
            "tertulis s.d. TW %(tw)s: %(teks)s") % {"tw": "I II III IV".split()[tw], "teks": q.angka.teks})
        quarters[tw] = NilaiSel(angka, q.place)
    indikator.akumulasi = Akumulasi.KUMULATIF
    indikator.alasan_inferensi = gettext("target triwulan ditulis s.d. triwulan (kumulatif)")
