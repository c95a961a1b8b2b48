"""Which kind of table is this? Ask every kind (`renaksi.impor.jenis`) and keep the best.

Every kind scores the table (its header words and what its columns hold); the highest score wins, ties go to the
kind listed first. The user can name the kind of a table by its place (`renaksi import --jenis "#3=target"`, the
third table; the preview's select does the same) or by its title (`--jenis "Tabel 2.3=target"`: every table so
titled): that kind reads it, whatever the scores. The place wins over the title, so two tables that share a caption
can be read as different kinds. What was chosen and what else fitted is reported once per document
(`tabel.jenis`), and once more for each table whose kind was decided by content rather than header words or named
by the user, so a wrong guess can be seen.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from types import ModuleType

from django.utils.translation import gettext

from renaksi.impor.dokumen import RencanaAksiDoc, TabelDoc
from renaksi.impor.grid import ImporGagal
from renaksi.impor.jenis import NOL, Skor, aksi, anggaran, iku, matriks, monev, pk, renja, target, triwulan
from renaksi.impor.tabel import Tabel

KINDS: list[ModuleType] = [matriks, monev, aksi, renja, anggaran, triwulan, iku, pk, target]


def by_name(nama: str) -> ModuleType:
    for kind in KINDS:
        if kind.NAMA == nama.strip().casefold():
            return kind
    raise ImporGagal(gettext("jenis tabel '%(nama)s' tidak dikenal; pilihan: %(pilihan)s.")
                     % {"nama": nama, "pilihan": ", ".join(k.NAMA for k in KINDS)})


@dataclass
class Pilihan:
    """The kind chosen for one table, with every kind's score."""

    tabel: Tabel
    jenis: ModuleType | None
    skor: Skor
    semua: list[tuple[ModuleType, Skor]] = field(default_factory=list)
    dipilih_pengguna: bool = False

    @property
    def lain(self) -> list[tuple[ModuleType, Skor]]:
        return [(k, s) for k, s in self.semua if s and k is not self.jenis]

    def tabel_dibaca(self) -> Tabel:
        """The table as its kind reads it: with the columns found by content when the kind found them so."""
        if self.skor.kolom:
            return dataclasses.replace(self.tabel, cols=dict(self.skor.kolom))
        return self.tabel


def kunci(nomor: int) -> str:
    """The key of the `nomor`-th table of a document (1-based, in document order): "#3"."""
    return f"#{nomor}"


def is_kunci(teks: str) -> bool:
    return teks.startswith("#") and teks[1:].isdigit()


def klasifikasi(tabel: Tabel, judul: str = "", paksa: dict[str, str] | None = None, nomor: str = "") -> Pilihan:
    """The kind of `tabel` (`judul`: its caption); `paksa` the user's choices ({table key or title: kind}),
    `nomor` the table's key ("#3")."""
    semua = [(kind, kind.score(tabel, judul)) for kind in KINDS]
    chosen = _named(tabel, nomor, paksa or {})
    if chosen is not None:
        skor = next(s for k, s in semua if k is chosen)
        return Pilihan(tabel, chosen, skor if skor else Skor(0), semua, dipilih_pengguna=True)
    best, skor = max(semua, key=lambda ks: ks[1].nilai)  # max keeps the first of equal scores
    if not skor:
        return Pilihan(tabel, None, NOL, semua)
    return Pilihan(tabel, best, skor, semua)


def pilihan_jenis() -> list[tuple[str, str]]:
    """(NAMA, LABEL) of every kind a user may pick for a table (the stacked matrix is a whole-document layout)."""
    return [(k.NAMA, k.LABEL) for k in KINDS if k is not matriks]


def tabel_doc(p: Pilihan, nomor: str, tetap: str = "") -> TabelDoc:
    t = p.tabel
    return TabelDoc(judul=t.judul, place=t.header_place(), jenis=p.jenis.NAMA if p.jenis else "", skor=p.skor.nilai,
                    kunci=nomor, label=p.jenis.LABEL if p.jenis else "", tetap=tetap,
                    dipilih_pengguna=p.dipilih_pengguna, lain=[(k.NAMA, s.nilai) for k, s in p.lain],
                    baris={(t.place(r).sheet, r.number) for r in t.rows})


def _named(tabel: Tabel, nomor: str, paksa: dict[str, str]) -> ModuleType | None:
    """The kind the user named for this table: by its key ("#3"), else by its title."""
    if nomor and nomor in paksa:
        return by_name(paksa[nomor])
    key = tabel.judul.strip().casefold()
    for judul, nama in paksa.items():
        if not is_kunci(judul) and judul.strip().casefold() == key:
            return by_name(nama)
    return None


def laporkan(doc: RencanaAksiDoc, pilihan: list[Pilihan]) -> None:
    """One decision naming the kind of every table (grouped), and one per table decided by content or by the user."""
    for p in pilihan:
        if p.jenis is None:
            continue
        if p.dipilih_pengguna:
            doc.decide("tabel.jenis", gettext("%(tabel)s dibaca sebagai %(jenis)s karena dipilih pengguna "
                                              "(skor %(nilai)s).")
                       % {"tabel": p.tabel.judul, "jenis": p.jenis.LABEL, "nilai": p.skor.nilai},
                       p.tabel.header_place())
        elif p.skor.oleh_isi:
            doc.decide("tabel.jenis", gettext("%(tabel)s dibaca sebagai %(jenis)s menurut isi kolomnya, bukan "
                                              "judul kolomnya: %(alasan)s (skor %(nilai)s%(lain)s).")
                       % {"tabel": p.tabel.judul, "jenis": p.jenis.LABEL, "alasan": p.skor.alasan,
                          "nilai": p.skor.nilai, "lain": _lain(p)},
                       p.tabel.header_place())
    groups: dict[tuple, list[Pilihan]] = {}
    for p in pilihan:
        if p.jenis is not None:
            groups.setdefault((p.jenis, p.skor.nilai, _lain(p)), []).append(p)
    if not groups:
        return
    parts = []
    for (jenis, nilai, lain), members in groups.items():
        names = ", ".join(m.tabel.judul for m in members[:3]) + (", …" if len(members) > 3 else "")
        parts.append(gettext("%(jenis)s: %(n)s tabel (%(nama)s; skor %(nilai)s%(lain)s)")
                     % {"jenis": jenis.LABEL, "n": len(members), "nama": names, "nilai": nilai,
                        "lain": lain})
    first = next(p for p in pilihan if p.jenis is not None)
    doc.decide("tabel.jenis", gettext("Jenis tabel dipilih menurut judul dan isi kolomnya: %(daftar)s.")
               % {"daftar": "; ".join(parts)}, first.tabel.header_place())


def _lain(p: Pilihan) -> str:
    lain = sorted(p.lain, key=lambda ks: -ks[1].nilai)
    if not lain:
        return ""
    return gettext("; juga mungkin %(daftar)s") % {"daftar": ", ".join(f"{k.NAMA} {s.nilai}" for k, s in lain)}
