"""A satuan written inside the targets ("29,17%", "100 %", "12 dokumen", "85 persen") instead of in a column of its own.

`dari_target(doc)` runs once after every layout. An indikator whose satuan the document does not state (no satuan
column, or an empty cell) and all of whose targets — yearly, quarterly, the same target written in another table,
and its PK lines — carry the same unit gets that unit as its satuan (`satuan.dari_target`; "%" and "persen" are one
unit): the targets are then the numbers alone ("29,17"), and the cell as written stays in the provenance
(`NilaiSel.tertulis`). When the targets carry different units ("100%" beside "12 dokumen", or a unit beside none),
which one is the satuan cannot be known: the targets are left as written, the satuan empty, and a warning says so
(`satuan.beragam`). Categories ("B (67,34)") and empty cells carry no unit and are not counted.
"""

from __future__ import annotations

import re
from dataclasses import replace

from django.utils.translation import gettext

from renaksi.impor.dokumen import IndikatorDoc, NilaiSel, PKItemDoc, RencanaAksiDoc, Teks
from renaksi.impor.teks import bersih

PERSEN = "%"


def _unit(nilai: NilaiSel) -> str:
    """The unit a target is written with, as written ("%", "persen", "dokumen"); "" for a bare number."""
    angka = nilai.angka
    return PERSEN if angka.persen else bersih(angka.satuan)


def _key(unit: str) -> str:
    return PERSEN if unit.casefold() in (PERSEN, "persen") else unit.casefold()


def _number_only(nilai: NilaiSel) -> NilaiSel:
    """The target without its unit: "29,17%" → "29,17", "12 dokumen" → "12"; the text as written kept."""
    angka = nilai.angka
    unit = PERSEN if angka.persen else angka.satuan
    teks = bersih(re.sub(rf"\s*{re.escape(unit)}", "", angka.teks, count=1, flags=re.IGNORECASE))
    return replace(nilai, angka=replace(angka, teks=teks, satuan=""), tertulis=nilai.tertulis or angka.teks)


def dari_target(doc: RencanaAksiDoc) -> None:
    """Fill the empty satuan of every indikator from the unit its targets share (see the module's docstring)."""
    items = [item for pk in doc.perjanjian_kinerja for item in pk.items if item.target is not None]
    for indikator in doc.all_indikator():
        if indikator.satuan is not None and indikator.satuan.teks.strip():
            continue
        lines = [item for item in items if item.indikator_ref is indikator]
        cells = [n for _, n in indikator.targets()] + indikator.target_lain + [item.target for item in lines]
        written = [n for n in cells if n is not None and not n.kosong and not n.angka.kategori]
        units = list(dict.fromkeys(_unit(n) for n in written))
        keys = {_key(u) for u in units}
        if not units or keys == {""}:
            continue
        if len(keys) > 1:
            doc.warn(
                "satuan.beragam",
                gettext(
                    "Target indikator '%(nama)s' ditulis dengan satuan berbeda (%(satuan)s); satuannya tidak diisi dan "
                    "targetnya disimpan seperti tertulis."
                )
                % {
                    "nama": indikator.nama.teks,
                    "satuan": ", ".join(f"'{u}'" if u else gettext("tanpa satuan") for u in units),
                },
                indikator.nama.place,
            )
            continue
        _pisah(doc, indikator, units[0], lines)


def _pisah(doc: RencanaAksiDoc, indikator: IndikatorDoc, unit: str, lines: list[PKItemDoc]) -> None:
    def strip(nilai: NilaiSel | None) -> NilaiSel | None:
        return nilai if nilai is None or nilai.kosong or nilai.angka.kategori else _number_only(nilai)

    first = next((n for _, n in indikator.targets() if not n.kosong), None)
    indikator.satuan = Teks(unit, first.place if first is not None else indikator.nama.place)
    indikator.target = strip(indikator.target)
    indikator.triwulan = [strip(n) for n in indikator.triwulan]
    indikator.target_lain = [
        _number_only(n) if not n.kosong and not n.angka.kategori else n for n in indikator.target_lain
    ]
    for item in lines:
        item.target = strip(item.target)
    doc.decide(
        "satuan.dari_target",
        gettext(
            "Indikator '%(nama)s' tidak menyebut satuan, dan semua targetnya ditulis dengan satuan '%(satuan)s'; "
            "satuan diisi '%(satuan)s' dan targetnya disimpan sebagai angka."
        )
        % {"nama": indikator.nama.teks, "satuan": unit},
        indikator.nama.place,
    )
