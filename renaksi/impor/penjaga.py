"""Guards on names: a number, a NIP or a line of a signature block is never a program, kegiatan, sub kegiatan or aksi.

Layouts take names from whatever column a table's header points at; in a document laid out differently that can be
the numbering column ("1", "2." …), a column of NIPs, or the signature block under the table ("Kepala Dinas …",
"Pembina Utama Muda", "NIP. 1970…"). `saring_nama(doc)` runs once after every layout, before anything is written:
each such item is taken out of the plan with a warning (`nama.bukan_nama`) naming the place and what was taken out
with it. Its numbers then are no longer placed, so the accounting (`renaksi.impor.cakupan`) lists them as unplaced:
a wrong plan that looks right is worse than a gap that is reported.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext

from renaksi.impor.dokumen import RencanaAksiDoc, Teks

_NOMOR = re.compile(r"^(?:\(?\d{1,3}(?:[.,]\d{1,3})*[.)]?|\(?[a-z][.)]|\(?[ivxlc]{1,6}[.)]?)$", re.IGNORECASE)
_ANGKA = re.compile(r"^[\d\s.,%()+-]+$")
_NIP = re.compile(r"^(?:nip\.?\s*[:.]?\s*)|^\d{8}\s?\d{6}\s?\d\s?\d{3}$", re.IGNORECASE)
_JABATAN = re.compile(
    r"^(?:plt\.?\s+|plh\.?\s+|pj\.?\s+)?(?:kepala|sekretaris|wakil)\s+(?:dinas|badan|kantor|bidang|bagian|seksi|"
    r"sub\s*bagian|subbagian|satuan|unit|upt|pelaksana|daerah)\b|^(?:wali\s*kota|walikota|bupati|gubernur)\b",
    re.IGNORECASE,
)
_PANGKAT = re.compile(
    r"^(?:pembina|penata|pengatur|juru)(?:\s+(?:utama|madya|muda|tingkat\s+i{1,2}|tk\.?\s*i{1,2}))*"
    r"(?:\s*[,(]?\s*(?:iv|iii|ii|i)\s*/\s*[a-e]\)?)?$",
    re.IGNORECASE,
)
_ORANG = re.compile(r",\s*(?:s|m|dr|drs|ir|a\.?md)\.?\s?[a-z]{0,5}\.?(?:\s*,?\s*(?:s|m)\.?\s?[a-z]{0,5}\.?)*$",
                    re.IGNORECASE)


def alasan_bukan_nama(teks: str) -> str | None:
    """Why a text cannot be the name of a program, kegiatan, sub kegiatan or aksi (None: it can be)."""
    teks = teks.strip()
    if not teks:
        return None
    if _NOMOR.match(teks) or _ANGKA.match(teks):
        return gettext("hanya angka atau penomoran")
    if _NIP.match(teks):
        return gettext("NIP")
    if _JABATAN.match(teks) or _PANGKAT.match(teks):
        return gettext("baris blok tanda tangan (jabatan atau pangkat)")
    if _ORANG.search(teks) and len(teks.split()) <= 6 and teks.split(",")[0].isupper():
        return gettext("nama orang bergelar (blok tanda tangan)")
    return None


def _tolak(doc: RencanaAksiDoc, tingkat: str, nama: Teks, alasan: str, ikut: int) -> None:
    doc.warn(
        "nama.bukan_nama",
        gettext("'%(nama)s' tidak dibaca sebagai %(tingkat)s: %(alasan)s. Baris itu tidak diimpor%(ikut)s; "
                "angka-angkanya tercantum sebagai tidak ditempatkan.")
        % {"nama": nama.teks, "tingkat": tingkat, "alasan": alasan,
           "ikut": gettext(" (beserta %(n)s baris di bawahnya)") % {"n": ikut} if ikut else ""},
        nama.place,
    )


def saring_nama(doc: RencanaAksiDoc) -> None:
    """Take every program, kegiatan, sub kegiatan and aksi whose name is not a name (and every indikator whose name
    is only a number) out of `doc`, with a warning."""
    for sasaran in doc.sasaran:
        keep = []
        for indikator in sasaran.indikator:
            if (alasan := alasan_bukan_nama(indikator.nama.teks)) and _ANGKA.match(indikator.nama.teks.strip()):
                _tolak(doc, gettext("indikator"), indikator.nama, alasan, 0)
                continue
            keep.append(indikator)
        sasaran.indikator = keep
    keep_program = []
    for program in doc.program:
        if alasan := alasan_bukan_nama(program.nama.teks):
            _tolak(doc, gettext("program"), program.nama, alasan, len(program.kegiatan))
            continue
        keep_program.append(program)
        keep_kegiatan = []
        for kegiatan in program.kegiatan:
            if alasan := alasan_bukan_nama(kegiatan.nama.teks):
                _tolak(doc, gettext("kegiatan"), kegiatan.nama, alasan, len(kegiatan.sub_kegiatan))
                continue
            keep_kegiatan.append(kegiatan)
            keep_sub = []
            for sub in kegiatan.sub_kegiatan:
                if alasan := alasan_bukan_nama(sub.nama.teks):
                    _tolak(doc, gettext("sub kegiatan"), sub.nama, alasan, len(sub.aksi))
                    continue
                keep_sub.append(sub)
                keep_aksi = []
                for aksi in sub.aksi:
                    if alasan := alasan_bukan_nama(aksi.uraian.teks):
                        _tolak(doc, gettext("aksi"), aksi.uraian, alasan, 0)
                        continue
                    keep_aksi.append(aksi)
                sub.aksi = keep_aksi
            kegiatan.sub_kegiatan = keep_sub
        program.kegiatan = keep_kegiatan
    doc.program = keep_program
