"""Linking the sections: the matrix does not say which kegiatan belongs to which program (nor sub kegiatan to
kegiatan); `tautan.hubungkan` decides by names and by which reading makes the stated pagu add up. The sasaran of a
child's rows hang under the sasaran of its parent's row. A level with no parent level gets a placeholder parent."""

from __future__ import annotations

from typing import TypeVar

from django.utils.translation import gettext

from renaksi.impor.dokumen import KegiatanDoc, ProgramDoc, SasaranDoc, SubKegiatanDoc, Teks
from renaksi.impor.layouts import tautan
from renaksi.impor.layouts.umum import rp
from renaksi.impor.tabel import PeranKolom

from . import keluaran, pagu
from .bagian import BUDGET, Bagian, Butir, Matriks

D = TypeVar("D", ProgramDoc, KegiatanDoc, SubKegiatanDoc)
P = TypeVar("P", ProgramDoc, KegiatanDoc)


def hubungkan(m: Matriks, sections: list[Bagian]) -> None:
    items: dict[PeranKolom, list[Butir]] = {role: [] for role in BUDGET}
    for section in sections:
        if section.level is not None:
            items[section.level].extend(section.items)
    programs = [_doc(i, ProgramDoc) for i in items[PeranKolom.PROGRAM]]
    kegiatan = [_doc(i, KegiatanDoc) for i in items[PeranKolom.KEGIATAN]]
    subs = [_doc(i, SubKegiatanDoc) for i in items[PeranKolom.SUB_KEGIATAN]]
    if kegiatan and not programs:
        programs = [_no_program(m)]
    m.doc.program = programs
    parents_k = _attach(m, items[PeranKolom.KEGIATAN], kegiatan, programs, "kegiatan", "program")
    for k, program in zip(kegiatan, parents_k, strict=True):
        program.kegiatan.append(k)
    if subs and not kegiatan:
        placeholder = _no_kegiatan(m)
        programs = programs or [_no_program(m)]
        m.doc.program = programs
        programs[0].kegiatan.append(placeholder)
        kegiatan = [placeholder]
    parents_s = _attach(m, items[PeranKolom.SUB_KEGIATAN], subs, kegiatan, "sub kegiatan", "kegiatan")
    for sub, k in zip(subs, parents_s, strict=True):
        k.sub_kegiatan.append(sub)
    pagu.pilih_gabungan(m, items, parents_k, parents_s)
    item_of = {id(i.doc): i for role in BUDGET for i in items[role]}
    for children, parents in ((items[PeranKolom.KEGIATAN], parents_k), (items[PeranKolom.SUB_KEGIATAN], parents_s)):
        for child, parent in zip(children, parents, strict=True):
            parent_item = item_of.get(id(parent))
            _set_parent(m, child, parent_item.sasaran if parent_item else None)
    for section in sections:
        if section.level is None:
            keluaran.pasangkan(m, section, items[PeranKolom.SUB_KEGIATAN])


def _doc(item: Butir, kind: type[D]) -> D:
    """The item's document node, kept on the item too (`pagu` and `keluaran` reach it from there)."""
    doc = kind(nama=item.nama, pagu=pagu.jumlah(item), indikator=list(item.indikator))
    item.doc = doc
    return doc


def _no_program(m: Matriks) -> ProgramDoc:
    m.doc.warn("program.tidak_ada", _missing("program", "kegiatan"))
    return ProgramDoc(nama=Teks("(program tidak disebut)"))


def _no_kegiatan(m: Matriks) -> KegiatanDoc:
    m.doc.warn("kegiatan.tidak_ada", _missing("kegiatan", "sub kegiatan"))
    return KegiatanDoc(nama=Teks("(kegiatan tidak disebut)"))


def _missing(label: str, child_label: str) -> str:
    return gettext("Dokumen memuat %(anak)s tetapi tidak memuat %(induk)s; %(anak)s ditempatkan di bawah "
                   "'(%(induk)s tidak disebut)'.") % {"anak": child_label, "induk": label}


def _attach(m: Matriks, children: list[Butir], docs: list[KegiatanDoc] | list[SubKegiatanDoc],
            parents: list[P], child_label: str, parent_label: str) -> list[P]:
    """Choose a parent for each child (see `tautan`); returns the parent of each child and reports how."""
    if not children:
        return []
    kids = [tautan.Item(d.nama.teks, d.pagu.nilai if d.pagu else None) for d in docs]
    pars = [tautan.Item(p.nama.teks, p.pagu.nilai if p.pagu else None) for p in parents]
    chosen = tautan.hubungkan(kids, pars)
    assert chosen is not None  # parents is never empty here (placeholders)
    owners = [parents[p] for p in chosen.induk]
    if len(parents) > 1:
        how = "menurut urutan (kelompok berurutan)" if chosen.cara == "urutan" else "menurut kemiripan nama"
        differ = "; ".join(f"{parents[p].nama.teks}: tertulis {rp(stated)}, jumlah {child_label} {rp(total)}"
                           for p, stated, total in chosen.selisih)
        m.doc.decide(
            "tautan.induk",
            gettext(
                "Dokumen tidak menyebut %(parent_label)s dari tiap %(child_label)s: %(n_children)s "
                "%(child_label)s dikaitkan ke %(n_parents)s %(parent_label)s %(how)s, karena dengan "
                "pembacaan itu jumlah pagu %(child_label)s sama persis dengan pagu %(parent_label)s pada "
                "%(cocok)s dari %(diperiksa)s %(parent_label)s.%(teks)s"
            )
            % {
                "parent_label": parent_label,
                "child_label": child_label,
                "n_children": len(children),
                "n_parents": len(parents),
                "how": how,
                "cocok": chosen.cocok,
                "diperiksa": chosen.diperiksa,
                "teks": (gettext(" Yang tidak sama: %(differ)s.") % {"differ": differ} if differ else ""),
            },
            children[0].nama.place,
        )
    return owners


def _set_parent(m: Matriks, child: Butir, parent_sasaran: SasaranDoc | None) -> None:
    """The sasaran of a child's rows hang under the sasaran of its parent's row."""
    if parent_sasaran is None:
        return
    owners = {id(i): s for s in m.doc.sasaran for i in s.indikator}
    for sasaran in [child.sasaran] + [owners.get(id(i)) for i in child.indikator]:
        if sasaran is not None and sasaran.parent is None and sasaran is not parent_sasaran:
            sasaran.parent = parent_sasaran
