"""Renja / DPA list: program, kegiatan and sub kegiatan in ONE name column, each with its pagu, the level told by
its Kepmendagri code (x.xx.xx program, x.xx.xx.x.xx kegiatan, x.xx.xx.x.xx.xxxx sub kegiatan — in a code column or
at the start of the name) or by its label ("Program …", "Kegiatan …", "Sub Kegiatan …").

Every level's stated amount is kept on that level (the checker compares it with the sum below it). Urusan and
bidang urusan rows (codes of one or two parts) are headings, not items."""

from __future__ import annotations

import re

from django.utils.translation import gettext

from renaksi.impor.dokumen import KegiatanDoc, ProgramDoc, SubKegiatanDoc, Teks
from renaksi.impor.layouts.umum import baca_uang
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel
from renaksi.impor.teks import KODE as _KODE
from renaksi.impor.teks import bersih, nama_anggaran

from . import NOL, Skor, isi

NAMA = "renja"
LABEL = "Daftar program/kegiatan/sub kegiatan (Renja/DPA)"
_DEPTH = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
_LABEL = [("sub_kegiatan", re.compile(r"^sub\s*kegiatan\b", re.I)), ("kegiatan", re.compile(r"^kegiatan\b", re.I)),
          ("program", re.compile(r"^program\b", re.I))]
_NAME_ROLES = (PeranKolom.KEGIATAN_SUB, PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN)


def _level(kode: str, nama: str) -> str | None:
    if kode:
        return _DEPTH.get(len(kode.split(".")))
    return next((level for level, pattern in _LABEL if pattern.match(nama)), None)


def _split(tabel: Tabel, row, name_col: int, kode_col: int | None) -> tuple[str, str]:
    """(code, name) of a row: the code from its own column or from the start of the name."""
    nama = bersih(row.cell(name_col))
    kode = bersih(row.cell(kode_col)).rstrip(".") if kode_col is not None else ""
    if not kode and (match := _KODE.match(nama)):
        kode, nama = match["kode"], bersih(match["nama"] or "")
    return kode, nama


def _columns(tabel: Tabel) -> tuple[int, int | None, int] | None:
    """(name column, code column, pagu column) when one column holds two or more budget levels."""
    pagu = tabel.col(PeranKolom.PAGU)
    money = isi.money_columns(tabel)
    if pagu is None and money:
        pagu = money[-1]
    if pagu is None:
        return None
    width = max((len(r.cells) for r in tabel.rows), default=0)
    kode_col = next((c for c in range(width) if c != pagu and len(isi.cells(tabel, c)) >= 2
                     and isi.kode_share(tabel, c) >= 0.8 and all((kode := _KODE.match(t)) and not kode["nama"]
                                                                 for t in isi.cells(tabel, c))), None)
    for role in _NAME_ROLES:
        col = tabel.col(role)
        if col is None or col in (pagu, kode_col):
            continue
        levels = {_level(*_split(tabel, row, col, kode_col)) for row in tabel.rows if bersih(row.cell(col))}
        if len(levels - {None}) >= 2:
            return col, kode_col, pagu
    return None


def score(tabel: Tabel, judul: str = "") -> Skor:
    if tabel.has(PeranKolom.INDIKATOR) or tabel.has(PeranKolom.AKSI):
        return NOL
    found = _columns(tabel)
    if found is None:
        return NOL
    return Skor(78, gettext("satu kolom memuat program, kegiatan dan sub kegiatan (menurut kode atau labelnya) "
                            "dengan kolom rupiah"), oleh_isi=True)


def read(rakit: Rakit, tabel: Tabel, judul: str = "", bidang: str = "") -> None:
    found = _columns(tabel)
    if found is None:
        return
    name_col, kode_col, pagu_col = found
    doc = rakit.doc
    program: ProgramDoc | None = None
    kegiatan: KegiatanDoc | None = None
    for row in tabel.rows:
        kode, nama = _split(tabel, row, name_col, kode_col)
        level = _level(kode, nama)
        if level is None or not nama:
            continue
        teks = Teks(nama_anggaran(nama, level) or nama, tabel.place(row, name_col))
        pagu = baca_uang(doc, row.cell(pagu_col), tabel.place(row, pagu_col))
        if level == "program":
            program, kegiatan = rakit.program(teks), None
            program.kode, program.pagu = program.kode or kode, program.pagu or pagu
            continue
        if program is None:
            program = rakit.program(Teks("(program tidak disebut)", teks.place))
            doc.warn("program.tidak_ada", gettext("Kegiatan tanpa program di atasnya; ditempatkan di bawah "
                                                  "'(program tidak disebut)'."), teks.place)
        if level == "kegiatan":
            kegiatan = KegiatanDoc(nama=teks, kode=kode, pagu=pagu)
            program.kegiatan.append(kegiatan)
        elif kegiatan is None:
            doc.warn("sub_kegiatan.tanpa_kegiatan",
                     gettext("Sub kegiatan '%(sub_kegiatan)s' tanpa kegiatan di atasnya; tidak ditempatkan.")
                     % {"sub_kegiatan": teks.teks}, teks.place)
        else:
            kegiatan.sub_kegiatan.append(SubKegiatanDoc(nama=teks, kode=kode, pagu=pagu))
