"""Template table Anggaran: program, then its kegiatan, then their sub kegiatan, one row each. Ref induk names the
parent; an empty one means the last row of the level above. Pagu in whole rupiah; Ref indikator lists the indikator
(of the Sasaran & Indikator table) an item supports."""

from __future__ import annotations

import re
from typing import TypedDict

from django.utils.translation import gettext

from renaksi.impor.dokumen import IndikatorDoc, KegiatanDoc, ProgramDoc, SubKegiatanDoc, Teks, Uang
from renaksi.perencanaan.templat import ANGGARAN, SASARAN, TINGKAT_ANGGARAN

from .sel import Baris, Templat


class _Umum(TypedDict):
    """The cells every level of the budget tree has."""

    nama: Teks
    kode: str
    pagu: Uang | None
    indikator: list[IndikatorDoc]


def baca(t: Templat, indikator: dict[str, IndikatorDoc]) -> dict[str, SubKegiatanDoc]:
    """The budget tree; returns the sub kegiatan by Ref anggaran, for the Aksi table."""
    refs: dict[str, ProgramDoc | KegiatanDoc | SubKegiatanDoc] = {}
    subs: dict[str, SubKegiatanDoc] = {}
    last_program: ProgramDoc | None = None
    last_kegiatan: KegiatanDoc | None = None
    for line in t.lines["anggaran"]:
        tingkat, _ = t.choice(line, "Tingkat", TINGKAT_ANGGARAN)
        if not tingkat:
            raise t.fail(line, "Tingkat", gettext("tingkat kosong: isi Program, Kegiatan atau Sub "
                                                  "kegiatan."))
        nama = t.teks(line, "Nama")
        if not nama:
            raise t.fail(line, "Nama", gettext("nama kosong."))
        common: _Umum = {"nama": nama, "kode": t.text(line, "Kode"), "pagu": t.uang(line, "Pagu (Rp)"),
                  "indikator": _indikator(t, line, indikator)}
        induk = t.text(line, "Ref induk")
        item: ProgramDoc | KegiatanDoc | SubKegiatanDoc
        if tingkat == "program":
            item = last_program = ProgramDoc(**common)
            last_kegiatan = None
            t.doc.program.append(item)
        elif tingkat == "kegiatan":
            program = _parent(t, line, induk, refs, ProgramDoc, last_program, "program")
            item = last_kegiatan = KegiatanDoc(**common)
            program.kegiatan.append(item)
        else:
            kegiatan = _parent(t, line, induk, refs, KegiatanDoc, last_kegiatan, "kegiatan")
            item = SubKegiatanDoc(
                **common, bidang=t.text(line, "Bidang"),
                target=t.output_target(line, "Target keluaran", "Satuan target", "Target tertulis"),
                catatan=t.text(line, "Catatan"),
            )
            kegiatan.sub_kegiatan.append(item)
        ref = t.text(line, "Ref anggaran")
        if ref:
            if ref in refs:
                raise t.fail(line, "Ref anggaran", gettext("Ref anggaran '%(ref)s' dipakai dua kali.")
                                                   % {"ref": ref})
            refs[ref] = item
            if isinstance(item, SubKegiatanDoc):
                subs[ref] = item
    return subs


def _indikator(t: Templat, line: Baris, index: dict[str, IndikatorDoc]) -> list[IndikatorDoc]:
    """The indikator a row lists in Ref indikator (separated by commas, semicolons or spaces), each once."""
    result: list[IndikatorDoc] = []
    for ref in re.split(r"[,;\s]+", t.text(line, "Ref indikator")):
        found = t.rujukan(line, "Ref indikator", index, "indikator", SASARAN, ref)
        if found is not None and found not in result:
            result.append(found)
    return result


def _parent(t: Templat, line: Baris, ref: str, refs: dict, kind: type, last, label: str):
    if ref:
        parent = refs.get(ref)
        if not isinstance(parent, kind):
            raise t.fail(
                line,
                "Ref induk",
                gettext("%(label)s induk '%(ref)s' tidak ada di tabel %(ANGGARAN_nama)s.")
                % {"label": label, "ref": ref, "ANGGARAN_nama": ANGGARAN.nama},
            )
        return parent
    if last is None:
        raise t.fail(line, "Ref induk", gettext("baris ini tidak berada di bawah %(label)s mana pun: "
                                                "isi Ref induk.") % {"label": label})
    return last
