"""A satuan written inside the targets ("29,17%", "100 %", "12 dokumen", "85 persen") instead of in a column of its own.

`dari_target(doc)` runs once after every layout. An indikator whose satuan the document does not state (no satuan
column, or an empty cell) and all of whose targets — yearly, quarterly, the same target written in another table,
and its PK lines — carry the same unit gets that unit as its satuan (`satuan.dari_target`; "%" and "persen" are one
unit). The targets are numbers already (`Angka.nilai`, 29.17); their text stays as written ("29,17%"), because the
documents that print a target without a satuan column beside it (the bidang pages, the PK) print that text.
When the targets carry different units ("100%" beside "12 dokumen", or a unit beside none), which one is the satuan
cannot be known: the satuan stays empty and a warning says so (`satuan.beragam`). Categories ("B (67,34)") and empty
cells carry no unit and are not counted.
"""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import NilaiSel, RencanaAksiDoc, Teks
from renaksi.impor.teks import bersih

PERSEN = "%"


def _unit(nilai: NilaiSel) -> str:
    """The unit a target is written with, as written ("%", "persen", "dokumen"); "" for a bare number."""
    return PERSEN if nilai.angka.persen else bersih(nilai.angka.satuan)


def _key(unit: str) -> str:
    return PERSEN if unit.casefold() in (PERSEN, "persen") else unit.casefold()


def dari_target(doc: RencanaAksiDoc) -> None:
    """Fill the empty satuan of every indikator from the unit its targets share (see the module's docstring)."""
    pk_targets = [(item.indikator_ref, item.target) for pk in doc.perjanjian_kinerja for item in pk.items]
    for indikator in doc.all_indikator():
        if indikator.satuan is not None and indikator.satuan.teks.strip():
            continue
        cells = [n for _, n in indikator.targets()] + indikator.target_lain
        cells += [target for ref, target in pk_targets if ref is indikator and target is not None]
        written = [n for n in cells if not n.kosong and not n.angka.kategori]
        units = list(dict.fromkeys(_unit(n) for n in written))
        keys = {_key(u) for u in units}
        if not units or keys == {""}:
            continue
        if len(keys) > 1:
            doc.warn(
                "satuan.beragam",
                gettext(
                    "Target indikator '%(nama)s' ditulis dengan satuan berbeda (%(satuan)s); satuannya tidak "
                    "diisi."
                )
                % {
                    "nama": indikator.nama.teks,
                    "satuan": ", ".join(f"'{u}'" if u else gettext("tanpa satuan") for u in units),
                },
                indikator.nama.place,
            )
            continue
        first = next(n for n in written if _unit(n))
        indikator.satuan = Teks(units[0], first.place)
        doc.decide(
            "satuan.dari_target",
            gettext(
                "Indikator '%(nama)s' tidak menyebut satuan, dan semua targetnya ditulis dengan satuan "
                "'%(satuan)s'; satuan diisi '%(satuan)s'."
            )
            % {"nama": indikator.nama.teks, "satuan": units[0]},
            indikator.nama.place,
        )
