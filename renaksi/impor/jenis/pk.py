"""Perjanjian Kinerja: a table of sasaran, indikator and target whose caption says "Perjanjian Kinerja".

Every PK table of a document goes into one PK. The table names no parties: the head of the PD who signs the
document is its first party, at the document's place and date (`pk.pihak_pertama`, in `finish`)."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import PerjanjianKinerjaDoc, PKItemDoc, Teks
from renaksi.impor.layouts.umum import baca_nilai
from renaksi.impor.naskah.tanda_tangan import jabatan_ttd
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel

from . import NOL, Skor

NAMA = "pk"
LABEL = "Perjanjian Kinerja"


def score(tabel: Tabel, judul: str = "") -> Skor:
    if tabel.has(PeranKolom.INDIKATOR, PeranKolom.TARGET) and "perjanjian kinerja" in judul.casefold():
        return Skor(50, gettext("kolom indikator dan target, judul menyebut Perjanjian Kinerja"))
    return NOL


def read(rakit: Rakit, tabel: Tabel, judul: str, bidang: str = "") -> None:
    if rakit.perjanjian is None:
        rakit.perjanjian = PerjanjianKinerjaDoc(place=tabel.header_place())
        rakit.doc.perjanjian_kinerja.append(rakit.perjanjian)
    by_row = rakit.sasaran_by_row(tabel)
    for row in tabel.rows:
        nama = tabel.cell(row, PeranKolom.INDIKATOR)
        sasaran = by_row.get(row.number)
        if not nama or sasaran is None:
            continue
        teks = Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR))
        target_text = tabel.cell(row, PeranKolom.TARGET)
        rakit.perjanjian.items.append(PKItemDoc(
            indikator=teks, nomor=tabel.cell(row, PeranKolom.NO), sasaran=sasaran.uraian,
            target=baca_nilai(rakit.doc, target_text, tabel.place(row, role=PeranKolom.TARGET)),
            indikator_ref=rakit.indikator(sasaran, teks),
        ))


def finish(rakit: Rakit) -> None:
    """The PK's header: the head of the PD who signs the document is its first party, at its place and date."""
    doc, pk = rakit.doc, rakit.perjanjian
    if pk is None:
        return
    if not pk.items:  # a PK table none of whose rows could be read: no PK
        doc.perjanjian_kinerja.remove(pk)
        return
    pk.tempat, pk.tanggal = doc.tempat, doc.tanggal
    signer = doc.penandatangan
    if signer is not None and signer.kepala_pd:
        pk.pihak_pertama = signer
        doc.decide(
            "pk.pihak_pertama",
            gettext("Tabel Perjanjian Kinerja tidak menyebut para pihaknya; pihak pertama diisi dengan "
                    "penandatangan dokumen, %(jabatan)s (%(nama_teks)s), tempat dan tanggal "
                    "dengan tempat dan tanggal penandatanganan dokumen.")
            % {"jabatan": jabatan_ttd(signer), "nama_teks": signer.nama.teks},
            pk.place,
        )
