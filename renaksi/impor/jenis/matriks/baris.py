"""The rows of one matrix section: a sasaran, its indikator with targets, and the program, kegiatan or sub kegiatan
the section's budget column names. Merged cells come out empty, so an empty cell repeats the value above it: a
program row with no indikator serves the indikator above; an indikator row with no name belongs to the item above.
A name written in another budget column than the section's is read at the section's level (reported)."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import IndikatorDoc, SasaranDoc, Teks, Uang
from renaksi.impor.grid import Row
from renaksi.impor.layouts.umum import baca_nilai
from renaksi.impor.tabel import PeranKolom
from renaksi.impor.teks import is_row_number, nama_anggaran

from . import pagu as pagu_
from .bagian import ITEM_LABEL, LEVEL, Bagian, Butir, Matriks


def baca(m: Matriks, section: Bagian) -> None:
    level = LEVEL[section.level]
    sasaran: SasaranDoc | None = None
    indikator: IndikatorDoc | None = None
    item: Butir | None = None
    for row in section.rows:
        nomor = m.tabel.cell(row, PeranKolom.NO)
        uraian = m.tabel.cell(row, PeranKolom.SASARAN)
        nama_indikator = m.tabel.cell(row, PeranKolom.INDIKATOR)
        if uraian:
            if sasaran is not None and not nomor and uraian[:1].islower():
                # A statement wrapped onto the next line by the copy.
                sasaran.uraian = Teks(f"{sasaran.uraian.teks} {uraian}", sasaran.uraian.place)
                m.doc.decide("sasaran.sambung", gettext("Teks sasaran pada baris %(row_number)s "
                                                        "dibaca sebagai lanjutan sasaran di atasnya "
                                                        "(huruf awal kecil).")
                                                % {"row_number": row.number},
                             m.place(section, row, role=PeranKolom.SASARAN))
            else:
                sasaran = m.rakit.sasaran_baru(Teks(uraian, m.place(section, row, role=PeranKolom.SASARAN)), level,
                                               nomor.rstrip(".") if is_row_number(nomor) else nomor)
                section.sasaran.append(sasaran)
                indikator = None
        if nama_indikator:
            if sasaran is None:
                sasaran = m.rakit.sasaran_baru(Teks("", m.place(section, row, role=PeranKolom.SASARAN)), level, nomor)
                section.sasaran.append(sasaran)
                m.doc.warn("sasaran.kosong", gettext("Indikator tanpa teks sasaran; sasaran dibuat "
                                                     "tanpa uraian."),
                           m.place(section, row, role=PeranKolom.SASARAN))
            indikator = _indikator(m, section, row, nama_indikator)
            sasaran.indikator.append(indikator)
            if item is not None and not m.name_cells(row):
                item.indikator.append(indikator)  # the name cell above is merged over this row
        names = m.name_cells(row)
        pagu = pagu_.baca(m, section, row)
        new_item = _item_on_row(m, section, row, names, pagu, sasaran, indikator)
        if new_item is not None:
            item = new_item
            section.items.append(item)
        elif pagu is not None:
            if item is not None:
                item.extra.append(pagu)
            else:
                m.doc.warn("pagu.tanpa_nama", gettext("Pagu %(pagu_teks)s tanpa nama "
                                                      "program/kegiatan/sub kegiatan dan tanpa baris "
                                                      "di atasnya; tidak ditempatkan.")
                                              % {"pagu_teks": pagu.teks}, pagu.place)


def _indikator(m: Matriks, section: Bagian, row: Row, nama: str) -> IndikatorDoc:
    satuan = m.tabel.cell(row, PeranKolom.SATUAN)
    indikator = IndikatorDoc(
        nama=Teks(nama, m.place(section, row, role=PeranKolom.INDIKATOR)),
        satuan=Teks(satuan, m.place(section, row, role=PeranKolom.SATUAN)) if satuan else None,
    )
    tcol = m.tabel.col(PeranKolom.TARGET)
    if tcol is not None:
        indikator.target = baca_nilai(m.doc, row.cell(tcol), m.place(section, row, tcol), satuan)
    for tw, col in enumerate(m.tabel.tw):
        if col is not None:
            indikator.triwulan[tw] = baca_nilai(m.doc, row.cell(col), m.place(section, row, col), satuan)
    return indikator


def _item_on_row(m: Matriks, section: Bagian, row: Row, names: dict, pagu: Uang | None,
                 sasaran: SasaranDoc | None, indikator: IndikatorDoc | None) -> Butir | None:
    level = section.level
    if not names:
        return None
    if level is None:
        for role, (text, col) in names.items():
            place = m.place(section, row, col)
            target = sasaran.indikator[-1] if sasaran and sasaran.indikator else None
            if target is not None:
                target.keterangan.append(Teks(text, place))
                m.doc.decide(
                    "kolom.keterangan",
                    gettext("Teks '%(text)s' di kolom %(kolom)s pada bagian keluaran "
                            "(tanpa anggaran) dibaca sebagai keterangan target indikator pada baris "
                            "yang sama.")
                    % {"text": text, "kolom": ITEM_LABEL[role].upper()}, place)
            else:
                m.doc.warn("kolom.tidak_ditempatkan", gettext("Teks '%(text)s' tidak dapat ditempatkan.")
                                                      % {"text": text}, place)
        return None
    if level in names:
        text, col = names[level]
    else:
        role, (text, col) = next(iter(names.items()))
        m.doc.decide(
            "nama.geser_kolom",
            gettext(
                "Nama '%(text)s' tertulis di kolom %(kolom)s, padahal bagian ini "
                "mengisi kolom %(kolom_bagian)s; dibaca sebagai %(tingkat)s."
            )
            % {
                "text": text,
                "kolom": ITEM_LABEL[role].upper(),
                "kolom_bagian": ITEM_LABEL[level].upper(),
                "tingkat": ITEM_LABEL[level],
            },
            m.place(section, row, col),
        )
    nama = nama_anggaran(text, level.value) or text
    return Butir(role=level, nama=Teks(nama, m.place(section, row, col)), pagu=pagu,
                 sasaran=sasaran, indikator=[indikator] if indikator else [], row=row)
