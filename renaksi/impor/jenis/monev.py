"""Monev (capaian) table: indikator with their targets and realisasi per triwulan ("Target TW I … Realisasi TW IV",
or a "Realisasi" group over I–IV).

The targets are read as the target kind reads them (`target.read`: an indikator of the plan, its yearly and
quarterly targets). The realisasi is not part of a plan: it is kept beside it (`RencanaAksiDoc.realisasi`, each
value with its place) and goes into the matching plan, when one exists, through the realisasi import
(`renaksi.impor.realisasi.dalam_dokumen` → `import_realisasi`). The realisasi quarters have columns of their own
(`Tabel.realisasi`): they never take the place of the target quarters. Realisasi written to date ("s.d. TW II") is
marked `sd` and converted for a kumulatif indikator when imported (`monev.kinerja_sd`)."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.core.angka import AngkaTidakValid, JenisAngka, parse_angka
from renaksi.impor.dokumen import RealisasiIndikatorDoc
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel
from renaksi.impor.teks import bersih

from . import NOL, Skor, isi
from . import target as target_kind

NAMA = "monev"
LABEL = "Monev (target dan realisasi)"


def realisasi_quarters(tabel: Tabel) -> int:
    return sum(1 for c in tabel.realisasi if c is not None)


def score(tabel: Tabel, judul: str = "") -> Skor:
    n = realisasi_quarters(tabel)
    if PeranKolom.INDIKATOR not in tabel.cols or n < 2:
        return NOL
    if not (isi.quarters(tabel) or tabel.has(PeranKolom.TARGET)):
        return NOL
    return Skor(90, gettext("kolom indikator, target dan %(n)s kolom realisasi triwulan") % {"n": n})


def read(rakit: Rakit, tabel: Tabel, judul: str = "", bidang: str = "") -> None:
    doc = rakit.doc
    for indikator, row in target_kind.read(rakit, tabel, judul, bidang):
        baris = RealisasiIndikatorDoc(nama=indikator.nama, place=tabel.place(row, role=PeranKolom.INDIKATOR),
                                      satuan=indikator.satuan.teks if indikator.satuan else "",
                                      sd=tabel.realisasi_sd)
        persen = "%" in baris.satuan or "persen" in baris.satuan.casefold()
        for tw, col in enumerate(tabel.realisasi):
            text = bersih(row.cell(col)) if col is not None else ""
            if col is None or not text or text in ("-", "–", "—"):
                continue
            place = tabel.place(row, col)
            try:
                angka = parse_angka(text, JenisAngka.PERSEN if persen or "%" in text else JenisAngka.UMUM)
            except AngkaTidakValid as exc:
                doc.warn("monev.nilai_tidak_terbaca", gettext("Realisasi %(exc)s Tidak diimpor.") % {"exc": exc},
                         place)
                continue
            baris.realisasi[tw], baris.realisasi_place[tw] = angka, place
            doc.cakupan.tempatkan(place)
        if any(a is not None for a in baris.realisasi):
            doc.realisasi.append(baris)
