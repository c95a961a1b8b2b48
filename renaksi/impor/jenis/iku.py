"""IKU: sasaran, indikator, formulasi (and a target). Marks the indikator as IKU and keeps its formulasi.

A target of a Renstra period ("Tahun 2021-2026" in the caption) other than this year's is kept as a remark and as
the Renstra target, not as this year's target (`target.periode`)."""

from __future__ import annotations

import re

from django.utils.translation import gettext

from renaksi.impor.dokumen import Teks
from renaksi.impor.layouts.umum import baca_nilai
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel

from . import NOL, Skor

NAMA = "iku"
LABEL = "Indikator Kinerja Utama (IKU)"
PERIODE = re.compile(r"(20\d\d)\s*[-–]\s*(20\d\d)")


def score(tabel: Tabel, judul: str = "") -> Skor:
    if tabel.has(PeranKolom.INDIKATOR, PeranKolom.FORMULASI):
        return Skor(55, gettext("kolom indikator dan formulasi"))
    return NOL


def read(rakit: Rakit, tabel: Tabel, judul: str, bidang: str = "") -> None:
    doc = rakit.doc
    periode = PERIODE.search(judul)
    by_row = rakit.sasaran_by_row(tabel)
    for row in rakit.indikator_rows(tabel):
        nama = tabel.cell(row, PeranKolom.INDIKATOR)
        sasaran = by_row.get(row.number)
        if not nama or sasaran is None:
            continue
        indikator = rakit.indikator(sasaran, Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR)))
        indikator.is_iku = True
        if formulasi := tabel.cell(row, PeranKolom.FORMULASI):
            indikator.formulasi = Teks(formulasi, tabel.place(row, role=PeranKolom.FORMULASI))
        if target := tabel.cell(row, PeranKolom.TARGET):
            place = tabel.place(row, role=PeranKolom.TARGET)
            if periode and (doc.tahun is None or int(periode[2]) != doc.tahun):
                indikator.keterangan.append(Teks(f"Target IKU {periode[1]}–{periode[2]}: {target}", place))
                indikator.target_renstra = baca_nilai(doc, target, place)
                doc.decide(
                    "target.periode",
                    gettext(
                        "Target '%(target)s' pada %(tabel_judul)s "
                        "berlaku untuk periode "
                        "%(awal)s–%(akhir)s, bukan target "
                        "tahun ini; disimpan sebagai catatan "
                        "indikator."
                    )
                    % {
                        "target": target,
                        "tabel_judul": tabel.judul,
                        "awal": periode[1],
                        "akhir": periode[2],
                    },
                    place,
                )
            else:
                rakit.yearly(indikator, baca_nilai(doc, target, place), primary=False)
