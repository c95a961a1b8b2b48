"""Template table PK: one `PerjanjianKinerjaDoc` per Ref PK, its header (jenis, pihak, tempat, tanggal) from its
first row; one butir per row, pointing at the Sasaran & Indikator table by Ref sasaran and Ref indikator."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TypedDict

from django.utils.translation import gettext

from renaksi.impor.dokumen import (
    IndikatorDoc,
    NilaiSel,
    PejabatDoc,
    PerjanjianKinerjaDoc,
    PKItemDoc,
    SasaranDoc,
    Teks,
)
from renaksi.perencanaan.templat import JENIS_PK, SASARAN

from . import pejabat as pejabat_
from .sel import Templat


class _Kepala(TypedDict, total=False):
    """The header cells of a PK row, named as the fields of `PerjanjianKinerjaDoc`."""

    jenis: str
    pihak_pertama: PejabatDoc | None
    pihak_kedua: PejabatDoc | None
    pihak_kedua_jabatan: str
    tempat: str
    tanggal: dt.date | None


def baca(t: Templat, sasaran: dict[str, SasaranDoc], indikator: dict[str, IndikatorDoc],
         pejabat: dict[str, PejabatDoc]) -> None:
    """A row with an empty Ref PK belongs to the PK above it. On the other rows of a PK the header cells are only
    checked (a wrong reference stops the import); a value that differs from the first row's is reported."""
    by_ref: dict[str, PerjanjianKinerjaDoc] = {}
    current: PerjanjianKinerjaDoc | None = None
    for line in t.lines["pk"]:
        ref_pk = t.text(line, "Ref PK")
        jenis, _ = t.choice(line, "Jenis PK", JENIS_PK, "murni")
        header: _Kepala = {
            "jenis": jenis,
            "pihak_pertama": pejabat_.rujukan(t, line, "Pihak pertama", pejabat),
            "pihak_kedua": pejabat_.rujukan(t, line, "Pihak kedua", pejabat),
            "pihak_kedua_jabatan": t.text(line, "Jabatan pihak kedua"),
            "tempat": t.text(line, "Tempat"),
            "tanggal": t.tanggal(line, "Tanggal"),
        }
        if ref_pk in by_ref or (not ref_pk and current is not None):
            current = by_ref.get(ref_pk, current)
            if not t.text(line, "Jenis PK"):
                header.pop("jenis")  # an empty cell says nothing (the default is only for the first row)
            differs = [k for k, v in header.items() if v not in (None, "") and v != getattr(current, k)]
            if differs:
                t.doc.warn("templat.pk_kepala", gettext("data PK (%(daftar)s) pada baris ini "
                                                        "berbeda dari baris pertama PK yang sama; "
                                                        "yang dipakai data baris pertamanya.")
                                                % {"daftar": ', '.join(differs)},
                           t.place(line, "Ref PK"))
        else:
            current = PerjanjianKinerjaDoc(**header, place=t.place(line, "Ref PK"))
            by_ref[ref_pk] = current
            t.doc.perjanjian_kinerja.append(current)
        assert current is not None
        ind = t.rujukan(line, "Ref indikator", indikator, "indikator", SASARAN)
        sas = t.rujukan(line, "Ref sasaran", sasaran, "sasaran", SASARAN)
        if ind is None and sas is None and not t.text(line, "Target"):
            continue  # a PK without butir
        angka, _ = t.number(line, "Target")
        wording = t.disimpan(line, "Target tertulis")
        target = NilaiSel(dataclasses.replace(angka, teks=wording), t.place(line, "Target"))
        current.items.append(PKItemDoc(
            indikator=Teks(ind.nama.teks if ind else "", t.place(line, "Ref indikator")),
            nomor=t.disimpan(line, "Nomor butir"),
            sasaran=Teks(sas.uraian.teks, t.place(line, "Ref sasaran")) if sas else None,
            target=target, indikator_ref=ind,
        ))
