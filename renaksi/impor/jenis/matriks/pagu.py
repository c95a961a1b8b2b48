"""The pagu of a matrix row: the ANGGARAN cell, or an amount slipped one column right (or left into a name column);
and an item whose name cell is merged over several pagu cells: their sum or the first cell, whichever the document's
stated sums support."""

from __future__ import annotations

import dataclasses

from django.utils.translation import gettext

from renaksi.impor.dokumen import ProgramDoc, Uang
from renaksi.impor.grid import Row
from renaksi.impor.layouts.umum import baca_uang, looks_like_money, rp
from renaksi.impor.tabel import PeranKolom
from renaksi.impor.teks import bersih

from .bagian import BUDGET, ITEM_LABEL, Bagian, Butir, Matriks


def baca(m: Matriks, section: Bagian, row: Row) -> Uang | None:
    col = m.tabel.col(PeranKolom.PAGU)
    if col is None:
        return None
    text = bersih(row.cell(col))
    if text:
        return baca_uang(m.doc, text, m.place(section, row, col))
    right = bersih(row.cell(col + 1))
    if right and looks_like_money(right):
        place = m.place(section, row, col + 1)
        m.doc.decide(
            "pagu.geser_kolom",
            gettext("Nilai '%(right)s' tertulis satu kolom di kanan kolom %(teks)s (sel %(teks)s kosong); "
                    "dibaca sebagai pagu baris ini.")
            % {"right": right, "teks": m.tabel.judul_kolom.get(col, 'ANGGARAN')},
            place,
        )
        uang = baca_uang(m.doc, right, place)
        return dataclasses.replace(uang, catatan="tertulis satu kolom ke kanan") if uang else None
    for role in BUDGET:  # a pagu slipped left into a name column
        bcol = m.tabel.col(role)
        if bcol is not None and looks_like_money(bersih(row.cell(bcol))) and bcol == col - 1:
            text = bersih(row.cell(bcol))
            place = m.place(section, row, bcol)
            m.doc.decide("pagu.geser_kolom",
                         gettext("Nilai '%(text)s' tertulis di kolom %(kolom)s (sel "
                                 "ANGGARAN kosong); dibaca sebagai pagu baris ini.")
                         % {"text": text, "kolom": ITEM_LABEL[role].upper()}, place)
            return baca_uang(m.doc, text, place)
    return None


def jumlah(item: Butir) -> Uang | None:
    """The item's pagu: with cells of continuation rows, their sum for now (`pilih_gabungan` checks it later)."""
    pagu = item.pagu
    if item.extra and pagu is not None and pagu.nilai is not None:
        parts = (pagu, *item.extra)
        pagu = Uang(sum(p.nilai or 0 for p in parts), " + ".join(p.teks for p in parts), pagu.place,
                    catatan="jumlah sel pagu dari satu nama yang selnya digabung ke bawah", bagian=parts)
    return pagu


def pilih_gabungan(m: Matriks, items: dict[PeranKolom, list[Butir]], parents_k: list, parents_s: list) -> None:
    """An item with several pagu cells (its name cell merged over them): their sum, or the first cell only?

    The reading that comes closer to the sums the document states is kept: one level up (the parent's
    pagu against the sum of the siblings) and one level down (this pagu against its children).
    """
    parent_of = {id(c.doc): p for c, p in zip(items[PeranKolom.KEGIATAN], parents_k, strict=True)}
    parent_of |= {id(c.doc): p for c, p in zip(items[PeranKolom.SUB_KEGIATAN], parents_s, strict=True)}
    for role in BUDGET:
        for item in items[role]:
            assert item.doc is not None
            combined = item.doc.pagu
            if combined is None or not combined.bagian:
                continue
            first = combined.bagian[0]
            assert combined.nilai is not None and first.nilai is not None  # `jumlah` adds to a read pagu
            gaps = {True: 0, False: 0}
            explained = []
            parent = parent_of.get(id(item.doc))
            if parent is not None and parent.pagu and parent.pagu.nilai is not None:
                siblings = parent.kegiatan if isinstance(parent, ProgramDoc) else parent.sub_kegiatan
                others = sum(s.pagu.nilai or 0 for s in siblings if s is not item.doc and s.pagu)
                for use_sum in (True, False):
                    gaps[use_sum] += abs(parent.pagu.nilai - others - (combined if use_sum else first).nilai)
                explained.append(
                    gettext("jumlah di bawah %(induk)s menjadi %(jumlah)s (hanya sel pertama: %(pertama)s) "
                            "terhadap pagu tertulis %(pagu)s")
                    % {"induk": repr(parent.nama.teks), "jumlah": rp(others + combined.nilai),
                       "pertama": rp(others + first.nilai), "pagu": rp(parent.pagu.nilai)})
            children = getattr(item.doc, "kegiatan", None) or getattr(item.doc, "sub_kegiatan", None) or []
            below = [c.pagu.nilai for c in children if c.pagu and c.pagu.nilai is not None]
            if below:
                for use_sum in (True, False):
                    gaps[use_sum] += abs(sum(below) - (combined if use_sum else first).nilai)
                explained.append(gettext("jumlah rinciannya %(pagu)s") % {"pagu": rp(sum(below))})
            use_sum = gaps[True] <= gaps[False]
            if not use_sum:
                item.doc.pagu = first
                for extra in combined.bagian[1:]:
                    m.doc.warn("pagu.tidak_ditempatkan", gettext("Pagu %(extra_teks)s tidak ditempatkan "
                                                                 "(lihat keputusan sel pagu gabungan).")
                                                         % {"extra_teks": extra.teks}, extra.place)
            rows = ", ".join(str(p.place.baris) for p in combined.bagian if p.place)
            m.doc.decide(
                "pagu.sel_gabungan",
                gettext(
                    "%(teks)s %(nama)s memiliki %(n_sel)s sel pagu (baris "
                    "%(rows)s: %(teks2)s) karena sel namanya digabung ke bawah. %(teks3)s%(teks4)s."
                )
                % {
                    "teks": ITEM_LABEL[role].capitalize(),
                    "nama": repr(item.nama.teks),
                    "n_sel": len(combined.bagian),
                    "rows": rows,
                    "teks2": " + ".join(rp(p.nilai) for p in combined.bagian),
                    "teks3": (
                        gettext("Pagu dibaca sebagai jumlahnya, %(pagu)s")
                        % {"pagu": rp(combined.nilai)}
                        if use_sum
                        else gettext("Hanya sel pertama dibaca sebagai pagu, %(pagu)s")
                        % {"pagu": rp(first.nilai)}
                    ),
                    "teks4": (
                        gettext(
                            ", karena pembacaan itu lebih dekat dengan angka yang tertulis: "
                            "%(penjelasan)s"
                        )
                        % {"penjelasan": "; ".join(explained)}
                        if explained
                        else gettext(" (tidak ada jumlah tertulis untuk membandingkan)")
                    ),
                },
                combined.place,
            )
