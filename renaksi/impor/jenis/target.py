"""Targets: indikator with a yearly target (and satuan). On a bidang page, the bidang's own indikator.

A sasaran split over several rows is joined (`sasaran.sambung`, in `Rakit.sasaran_by_row`). A "target" column that
holds amounts of rupiah is not a target: the table scores low here and the budget kind takes it."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import Teks
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


def read(rakit: Rakit, tabel: Tabel, judul: str = "", bidang: str = "") -> None:
    doc = rakit.doc
    by_row = rakit.sasaran_by_row(tabel)
    for row in tabel.rows:
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
