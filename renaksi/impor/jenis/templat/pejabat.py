"""Template table Pejabat: the officials, the index by which other tables refer to them (NIP, else name), and the
bidang the template names with their heads."""

from __future__ import annotations

import re

from django.utils.translation import gettext

from renaksi.core.nip import normalize_nip
from renaksi.impor.dokumen import BidangDoc, PejabatDoc, RencanaAksiDoc, Teks
from renaksi.perencanaan.templat import STATUS_PEJABAT

from .sel import Baris, Templat, norm


def baca(t: Templat) -> dict[str, PejabatDoc]:
    """Officials, and the index by which other tables refer to them (NIP, else name)."""
    index: dict[str, PejabatDoc] = {}
    for line in t.lines["pejabat"]:
        nip_teks = t.teks(line, "NIP")
        nip = normalize_nip(nip_teks.teks)
        if nip and not re.fullmatch(r"\d{18}", nip):
            t.doc.warn("pejabat.nip", gettext("NIP '%(nip)s' bukan 18 angka; NIP tidak "
                                              "disimpan.") % {"nip": nip_teks.teks},
                       nip_teks.place)
            nip = ""
        status, _ = t.choice(line, "Status", STATUS_PEJABAT, "definitif")
        person = PejabatDoc(
            nama=t.teks(line, "Nama pejabat"), jabatan=t.teks(line, "Jabatan"), nip=nip,
            nip_teks=nip_teks if nip_teks.teks else None, pangkat=t.text(line, "Pangkat"),
            golongan=t.text(line, "Golongan"), status=status, bidang=t.text(line, "Bidang"),
            kepala_bidang=t.ya(line, "Kepala bidang"), kepala_pd=t.ya(line, "Kepala PD"),
        )
        if not person.nama:
            raise t.fail(line, "Nama pejabat", gettext("nama pejabat kosong."))
        t.doc.pejabat.append(person)
        for key in (nip, norm(person.nama.teks)):
            if key:
                index.setdefault(key, person)
    return index


def rujukan(t: Templat, line: Baris, judul: str, index: dict[str, PejabatDoc]) -> PejabatDoc | None:
    """The official a cell of another table names by NIP or name; an unknown one stops the import."""
    raw = t.text(line, judul)
    if not raw:
        return None
    found = index.get(normalize_nip(raw)) or index.get(norm(raw))
    if found is None:
        raise t.fail(line, judul, gettext("pejabat '%(raw)s' tidak ada di tabel Pejabat (dirujuk "
                                          "dengan NIP atau nama).") % {"raw": raw})
    return found


def bidang(doc: RencanaAksiDoc) -> None:
    """Every bidang the template names, in order of first mention, with its head from the Pejabat table."""
    names: list[str] = []

    def add(name: str) -> None:
        if name and name not in names:
            names.append(name)

    for p in doc.pejabat:
        add(p.bidang)
    for s in doc.sasaran:
        add(s.bidang)
        for i in s.indikator:
            add(i.bidang)
    for sub in doc.all_sub_kegiatan():
        add(sub.bidang)
    heads = {p.bidang: p for p in doc.pejabat if p.kepala_bidang and p.bidang}
    doc.bidang = [BidangDoc(nama=Teks(n), kepala=heads.get(n)) for n in names]
