"""Perjanjian Kinerja: a table of sasaran, indikator and target whose caption says "Perjanjian Kinerja".

Every PK table of a document goes into one PK, at the document's place and date (`finish`). Its parties are those
of the statement page when the document has one ("Nama : … Jabatan : … NIP : … selanjutnya disebut PIHAK
PERTAMA", `naskah/pernyataan.py`, decision `pk.pihak`); a pihak kedua who is the head of the region (Bupati, Wali
Kota, Gubernur) is kept as the jabatan of the second party, not as an official of the PD. Without a statement page
the head of the PD who signs the document is its first party (`pk.pihak_pertama`)."""

from __future__ import annotations

import re

from django.utils.translation import gettext

from renaksi.impor.dokumen import PejabatDoc, PerjanjianKinerjaDoc, PKItemDoc, Teks
from renaksi.impor.layouts.umum import baca_nilai
from renaksi.impor.naskah import pernyataan
from renaksi.impor.naskah.tanda_tangan import jabatan_ttd, nama_inti
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
    for row in rakit.indikator_rows(tabel):
        nama = tabel.cell(row, PeranKolom.INDIKATOR)
        sasaran = by_row.get(row.number)
        if not nama or sasaran is None:
            continue
        teks = Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR))
        target_text = tabel.cell(row, PeranKolom.TARGET)
        indikator = rakit.indikator(sasaran, teks)
        if (satuan := tabel.cell(row, PeranKolom.SATUAN)) and not (indikator.satuan and indikator.satuan.teks):
            indikator.satuan = Teks(satuan, tabel.place(row, role=PeranKolom.SATUAN))
        rakit.perjanjian.items.append(PKItemDoc(
            indikator=teks, nomor=tabel.cell(row, PeranKolom.NO), sasaran=sasaran.uraian,
            target=baca_nilai(rakit.doc, target_text, tabel.place(row, role=PeranKolom.TARGET)),
            indikator_ref=indikator,
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
    if _pihak(rakit, pk):
        return
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


KEPALA_DAERAH = re.compile(r"^(?:wakil\s+)?(?:bupati|wali\s*kota|gubernur)\b", re.I)


def _pihak(rakit: Rakit, pk: PerjanjianKinerjaDoc) -> bool:
    """The parties the statement page names, if it names the first one; the same person as a signer of the
    document is one official (his signature's NIP and pangkat fill what the page leaves out)."""
    doc = rakit.doc
    pihak = pernyataan.baca(doc, rakit.grid)
    if pihak.pertama is None:
        return False
    pk.pihak_pertama = _official(doc, pihak.pertama)
    kedua = ""
    if pihak.kedua is not None:
        pk.pihak_kedua_jabatan = pihak.kedua.jabatan.teks
        if not KEPALA_DAERAH.match(pihak.kedua.jabatan.teks):
            pk.pihak_kedua = _official(doc, pihak.kedua)
        kedua = gettext("; pihak kedua %(jabatan)s (%(nama)s)") % {"jabatan": jabatan_ttd(pihak.kedua),
                                                                    "nama": pihak.kedua.nama.teks}
    doc.decide("pk.pihak", gettext("Para pihak Perjanjian Kinerja dibaca dari halaman pernyataannya: pihak pertama "
                                   "%(jabatan)s (%(nama)s%(nip)s)%(kedua)s.")
               % {"jabatan": jabatan_ttd(pk.pihak_pertama), "nama": pk.pihak_pertama.nama.teks,
                  "nip": f", NIP {pk.pihak_pertama.nip}" if pk.pihak_pertama.nip else "", "kedua": kedua},
               pihak.pertama.nama.place)
    return True


def _official(doc, pejabat: PejabatDoc) -> PejabatDoc:
    same = next((p for p in doc.pejabat if (p.nip and p.nip == pejabat.nip)
                 or nama_inti(p.nama.teks) == nama_inti(pejabat.nama.teks)), None)
    if same is None:
        pejabat.kepala_pd = pejabat.jabatan.teks.casefold().startswith("kepala")
        doc.pejabat.append(pejabat)
        return pejabat
    same.nip = same.nip or pejabat.nip
    same.pangkat, same.golongan = same.pangkat or pejabat.pangkat, same.golongan or pejabat.golongan
    return same
