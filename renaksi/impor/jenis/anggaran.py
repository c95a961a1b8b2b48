"""Budget: program, kegiatan / sub kegiatan and their pagu (optionally sasaran, indikator and target).

"Kegiatan : …", "Sub Kegiatan : 1. …" and "2. …" in one column are told apart by their labels; a row shifted left
is put back (`baris.geser_kiri`); where the pagu column slipped against the names (a kegiatan and its first sub
kegiatan merged in one cell, one amount more below), the reading that makes the stated kegiatan pagu and the stated
total add up is chosen and reported (`sejajar`, `pagu.geser_baris`). An amount on the program's own row is the
program's pagu. A Kepmendagri code written before a name ("1.02.01 Program …", "Kegiatan : 1.02.01.2.01 …") is
the item's code (`teks.pisah_kode`). Kegiatan or sub kegiatan names packed one per line in one cell, with their
amounts packed the same way, are read one per line when the counts agree, and their amounts listed as not placed
otherwise (`Rakit.baris_bertumpuk`, the rule of packed indikator).

Recognised by header words (a budget column and PAGU/ANGGARAN), or by content when the header words say something
else or nothing known: a column of "Program …" (or kegiatan, sub kegiatan) names and a column of rupiah.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext

from renaksi.impor.dokumen import IndikatorDoc, KegiatanDoc, ProgramDoc, SubKegiatanDoc, Teks
from renaksi.impor.grid import Row
from renaksi.impor.layouts import sejajar
from renaksi.impor.layouts.umum import baca_nilai, baca_uang, looks_like_money, rp
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel
from renaksi.impor.teks import bersih, is_row_number, nama_anggaran, pisah_kode, strip_label

from . import NOL, Skor, isi

NAMA = "anggaran"
LABEL = "Program dan anggaran"
BUDGET = (PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN, PeranKolom.KEGIATAN_SUB)
ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+(?P<teks>\S.*)$")
SUB_LABEL = re.compile(r"\bSub\s*Kegiatan\s*[:;]", re.I)
KEG_LABEL = re.compile(r"^\s*Kegiatan\s*[:;]", re.I)
TOTAL = re.compile(r"^(?:total|jumlah)\b", re.I)
# The name columns a row may pack one per line with their pagu (`Rakit.baris_bertumpuk`), lowest level first.
NAMES = (PeranKolom.SUB_KEGIATAN, PeranKolom.KEGIATAN_SUB, PeranKolom.KEGIATAN, PeranKolom.PROGRAM)
_BY_LEVEL = {"program": PeranKolom.PROGRAM, "kegiatan": PeranKolom.KEGIATAN, "sub_kegiatan": PeranKolom.SUB_KEGIATAN}


def score(tabel: Tabel, judul: str = "") -> Skor:
    if set(BUDGET) & tabel.roles and PeranKolom.PAGU in tabel.cols:
        return Skor(75, gettext("kolom program/kegiatan dan pagu"))
    return _by_content(tabel)


def _by_content(tabel: Tabel) -> Skor:
    """A column of names of one budget level and a column of rupiah, whatever the header calls them."""
    money = isi.money_columns(tabel)
    if not money:
        return NOL
    kolom: dict[PeranKolom, int] = {}
    for level, role in _BY_LEVEL.items():
        cols = [c for c in isi.level_columns(tabel, level) if c not in kolom.values() and c not in money]
        if cols:
            kolom[role] = cols[0]
    if not kolom:
        return NOL
    kolom[PeranKolom.PAGU] = money[-1]
    if (no := tabel.col(PeranKolom.NO)) is not None and no not in kolom.values():
        kolom[PeranKolom.NO] = no
    names = ", ".join(tabel.judul_kolom.get(c, str(c + 1)) for c in kolom.values())
    alasan = gettext("isi kolom: nama program/kegiatan dan rupiah (kolom %(kolom)s)") % {"kolom": names}
    unread = [t for c, t in sorted(tabel.judul_kolom.items()) if c not in kolom.values() and isi.cells(tabel, c)]
    if unread:
        alasan += gettext("; kolom %(kolom)s tidak dibaca") % {"kolom": ", ".join(unread)}
    return Skor(80, alasan, kolom=kolom, oleh_isi=True)


def _realign(doc, tabel: Tabel, row: Row) -> Row:
    """A row shifted left ("5. Pengangkatan …" in the NO column, its amount next to it): put it back."""
    name_col = tabel.col(PeranKolom.KEGIATAN_SUB) or tabel.col(PeranKolom.SUB_KEGIATAN) or tabel.col(PeranKolom.KEGIATAN)
    pagu_col = tabel.col(PeranKolom.PAGU)
    first = bersih(row.cell(0))
    if tabel.col(PeranKolom.NO) != 0 or name_col is None or pagu_col is None or not first or is_row_number(first):
        return row
    others = [bersih(c) for c in row.cells[1:] if bersih(c)]
    if not (ITEM.match(first) or SUB_LABEL.search(first) or KEG_LABEL.match(first)):
        return row
    if len(others) > 1 or (others and not looks_like_money(others[0])):
        return row
    cells = [""] * (max(name_col, pagu_col) + 1)
    cells[name_col] = first
    doc.cakupan.pindah(tabel.place(row, 0), tabel.place(row, name_col))
    if others:
        cells[pagu_col] = others[0]
        written = next(i for i, c in enumerate(row.cells) if i > 0 and bersih(c))
        doc.cakupan.pindah(tabel.place(row, written), tabel.place(row, pagu_col))
    doc.decide(
        "baris.geser_kiri",
        gettext(
            "Baris %(row_number)s bergeser ke kiri: '%(first)s' tertulis di kolom NO%(teks)s; dibaca "
            "sebagai %(teks2)s%(teks3)s."
        )
        % {
            "row_number": row.number,
            "first": first,
            "teks": (
                gettext(" dan %(nilai)s di kolom berikutnya") % {"nilai": others[0]}
                if others
                else ""
            ),
            "teks2": tabel.judul_kolom.get(name_col, "nama"),
            "teks3": (
                gettext(" dengan %(teks)s %(nilai)s")
                % {"teks": tabel.judul_kolom.get(pagu_col, "pagu"), "nilai": others[0]}
                if others
                else ""
            ),
        },
        tabel.place(row, 0),
    )
    return Row(cells=cells, number=row.number)


def read(rakit: Rakit, tabel: Tabel, judul: str = "", bidang: str = "") -> None:
    doc = rakit.doc
    rows = [_realign(doc, tabel, row) for row in rakit.baris_bertumpuk(tabel, NAMES, anggaran=True)]
    by_row = rakit.sasaran_by_row(tabel, rows)
    program: ProgramDoc | None = None
    program_row: int | None = None
    group: sejajar.Kelompok | None = None
    indikator: IndikatorDoc | None = None
    start = len(rakit.groups)
    for index, row in enumerate(rows):  # the index, not row.number, tells rows apart: packed rows share a number
        cells = [bersih(c) for c in row.cells]
        if any(TOTAL.match(c) for c in cells[:3] if c):
            amounts = [(i, c) for i, c in enumerate(cells) if looks_like_money(c)]
            if amounts:
                col, text = amounts[-1]
                rakit.stated_total = baca_uang(doc, text, tabel.place(row, col))
                doc.pagu_total = doc.pagu_total or rakit.stated_total
            continue
        sasaran = by_row.get(row.number)
        if nama := tabel.cell(row, PeranKolom.INDIKATOR):
            if sasaran is None:
                sasaran = rakit.sasaran(Teks("", tabel.place(row, role=PeranKolom.SASARAN)))
            indikator = rakit.indikator(sasaran, Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR)))
            if target := tabel.cell(row, PeranKolom.TARGET):
                rakit.yearly(indikator, baca_nilai(doc, target, tabel.place(row, role=PeranKolom.TARGET)),
                             primary=False)
        if nama := tabel.cell(row, PeranKolom.PROGRAM):
            kode, nama = pisah_kode(nama)
            if (item := ITEM.match(nama)) and not tabel.has(PeranKolom.NO):
                nama = item["teks"]  # "1. Program …" numbered in the name's own cell (a TAB-separated paragraph)
            program = rakit.program(Teks(nama, tabel.place(row, role=PeranKolom.PROGRAM)))
            program.kode = program.kode or kode
            program_row = index
            group = None
            if indikator is not None and indikator not in program.indikator:
                program.indikator.append(indikator)
        kegiatan_text, sub_texts = _budget_names(doc, tabel, row)
        if kegiatan_text:
            if program is None:
                program = rakit.program(Teks("(program tidak disebut)", kegiatan_text.place))
                doc.warn("program.tidak_ada", gettext("Kegiatan tanpa program di atasnya; "
                                                      "ditempatkan di bawah '(program tidak "
                                                      "disebut)'."), kegiatan_text.place)
            kegiatan = KegiatanDoc(nama=Teks(nama_anggaran(kegiatan_text.teks, "kegiatan") or kegiatan_text.teks,
                                             kegiatan_text.place), kode=_kode(kegiatan_text),
                                   indikator=[indikator] if indikator else [])
            program.kegiatan.append(kegiatan)
            group = sejajar.Kelompok(program, kegiatan, names=[(kegiatan, index)])
            rakit.groups.append(group)
        for sub_text in sub_texts:
            if group is None:
                doc.warn(
                    "sub_kegiatan.tanpa_kegiatan",
                    gettext(
                        "Sub kegiatan '%(sub_kegiatan)s' tanpa kegiatan di atasnya; tidak ditempatkan."
                    )
                    % {"sub_kegiatan": sub_text.teks},
                    sub_text.place,
                )
                continue
            sub = SubKegiatanDoc(nama=Teks(nama_anggaran(sub_text.teks, "sub_kegiatan") or sub_text.teks,
                                           sub_text.place), kode=_kode(sub_text))
            group.kegiatan.sub_kegiatan.append(sub)
            group.names.append((sub, index))
        if (amount_col := tabel.col(PeranKolom.PAGU)) is not None and (text := bersih(row.cell(amount_col))):
            uang = baca_uang(doc, text, tabel.place(row, amount_col))
            if uang is not None and group is None and program is not None and program_row == index \
                    and program.pagu is None:
                program.pagu = uang  # the amount stands on the program's own row (compared with its kegiatan)
            elif uang is not None and group is not None:
                group.values.append((uang, index))
            elif uang is not None:
                doc.warn("pagu.tanpa_nama", gettext("Pagu '%(text)s' tanpa kegiatan; tidak "
                                                    "ditempatkan.") % {"text": text}, uang.place)
    for uang in sejajar.place_amounts(rakit.groups[start:], rakit.stated_total):
        doc.warn("pagu.tidak_ditempatkan", gettext("Pagu '%(uang_teks)s' tidak dapat dikaitkan ke "
                                                   "kegiatan atau sub kegiatan mana pun.")
                                           % {"uang_teks": uang.teks}, uang.place)


def _kode(teks: Teks) -> str:
    """The Kepmendagri code written before a kegiatan or sub kegiatan name, after its label and number."""
    return pisah_kode(strip_label(teks.teks))[0]


def _budget_names(doc, tabel: Tabel, row: Row) -> tuple[Teks | None, list[Teks]]:
    """The kegiatan and sub kegiatan named on a row, told apart by their labels in a shared column; the texts keep
    their labels ("Kegiatan : …"), which `nama_anggaran` takes off."""
    kegiatan: Teks | None = None
    subs: list[Teks] = []
    if (col := tabel.col(PeranKolom.KEGIATAN)) is not None and bersih(row.cell(col)):
        kegiatan = Teks(bersih(row.cell(col)), tabel.place(row, col))
    if (col := tabel.col(PeranKolom.SUB_KEGIATAN)) is not None and bersih(row.cell(col)):
        subs.append(Teks(bersih(row.cell(col)), tabel.place(row, col)))
    col = tabel.col(PeranKolom.KEGIATAN_SUB)
    text = bersih(row.cell(col)) if col is not None else ""
    if text:
        place = tabel.place(row, col)
        parts = SUB_LABEL.split(text, maxsplit=1)
        if len(parts) == 2:
            head, tail = parts[0].strip(), parts[1].strip()
            if head:
                kegiatan = Teks(head, place)
                doc.decide(
                    "nama.sel_gabungan",
                    gettext(
                        "Kegiatan dan sub kegiatan pertamanya "
                        "tertulis dalam satu sel: "
                        "'%(kegiatan)s' dibaca sebagai "
                        "kegiatan, '%(sub_kegiatan)s' sebagai "
                        "sub kegiatan."
                    )
                    % {"kegiatan": strip_label(head), "sub_kegiatan": strip_label(tail)},
                    place,
                )
            subs.append(Teks(text[len(parts[0]):].strip(), place))  # with its label: see `nama_anggaran`
        elif KEG_LABEL.match(text):
            kegiatan = Teks(text, place)
        else:
            subs.append(Teks(text, place))
    return kegiatan, subs


def finish(rakit: Rakit) -> None:
    for group in rakit.groups:
        if group.explanation:
            confirmed = [
                f"'{sejajar.short(sub.nama.teks)}' {rp(other.nilai)}"
                for sub in group.kegiatan.sub_kegiatan
                for other in sub.pagu_lain[:1]
                if sub.pagu is not None and other.nilai == sub.pagu.nilai
            ]
            text = group.explanation
            if confirmed:
                text += gettext(" Halaman bidang menuliskan pagu yang sama: %(daftar)s.") % {"daftar": ", ".join(confirmed)}
            rakit.doc.decide("pagu.geser_baris", text, group.kegiatan.nama.place)
