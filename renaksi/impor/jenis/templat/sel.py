"""A cell of the Renaksi template read by its column title (the schema `renaksi.perencanaan.templat.SHEETS`).

Numbers are read in the template's own way first (plain digits with a decimal point, as the XLSX reader gives a
number cell and the DOCX export writes it: "1.500" is one and a half, the template never groups digits); a number a
person typed as text ("1.030.000", "33,33") goes through `parse_angka`, and an ambiguous one is reported as a
decision. A bad choice, number or date stops the import with the cell named (`ImporGagal`): the template is a form,
and a form is fixed by the person who filled it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.utils.translation import gettext

from renaksi.core.angka import Angka, AngkaTidakValid, JenisAngka, parse_angka
from renaksi.core.bulan import NOMOR_BULAN
from renaksi.impor.dokumen import NilaiSel, RencanaAksiDoc, Teks, Uang
from renaksi.impor.grid import Grid, ImporGagal, Place, Row, Sheet
from renaksi.perencanaan.templat import DISIMPULKAN, SHEETS, Lembar, default_teks

_PLAIN = re.compile(r"^(?P<num>-?[0-9]+(?:\.[0-9]+)?)(?P<pct>%)?$")  # 0-9 only: Decimal reads "١٢٣" as 123
T = TypeVar("T")
_YA = {"ya", "y", "x", "v", "✓", "true", "1", "iku", "benar"}


def norm(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).casefold()


@dataclass
class Baris:
    """A data row of a template table, with the column map of its header ({column title: index})."""

    lembar: Lembar
    sheet: Sheet
    row: Row
    cols: dict[str, int]


@dataclass
class Templat:
    """The template being read: its rows by table, and the plan they go into."""

    grid: Grid
    doc: RencanaAksiDoc
    lines: dict[str, list[Baris]] = field(default_factory=lambda: {s.key: [] for s in SHEETS})
    header_seen: dict[str, Place] = field(default_factory=dict)

    def place(self, line: Baris, judul: str | None = None) -> Place:
        col = line.cols.get(judul) if judul else None
        base = self.grid.place(line.sheet, line.row, col)
        tabel = "" if self.grid.format == "xlsx" else line.lembar.nama
        return dataclasses.replace(base, tabel=tabel, judul_kolom=judul or "")

    def text(self, line: Baris, judul: str) -> str:
        """The cell as written (outer space stripped): a catatan keeps its lines, a name its spelling."""
        col = line.cols.get(judul)
        if col is not None:
            return line.row.cell(col)
        assert judul in line.lembar.titles(), f"{judul!r} is not a column of {line.lembar.nama}"  # the schema
        return ""

    def teks(self, line: Baris, judul: str) -> Teks:
        return Teks(self.text(line, judul), self.place(line, judul))

    def disimpan(self, line: Baris, judul: str) -> str:
        """`text` of a cell the plan stores as it is (a "Nomor", a "Target tertulis"): its numbers count as placed
        (`cakupan`), as those of a `Teks` do."""
        text = self.text(line, judul)
        if text:
            self.doc.cakupan.tempatkan(self.place(line, judul))
        return text

    def opt_teks(self, line: Baris, judul: str) -> Teks | None:
        return self.teks(line, judul) if judul in line.cols else None

    def fail(self, line: Baris, judul: str | None, message: str) -> ImporGagal:
        return ImporGagal(message, self.place(line, judul))

    def rujukan(self, line: Baris, judul: str, index: dict[str, T], label: str, lembar: Lembar,
                ref: str | None = None) -> T | None:
        """The row of table `lembar` this cell (or `ref`, one of the cell's refs) refers to; None for an empty cell.
        An unknown ref stops the import."""
        ref = self.text(line, judul) if ref is None else ref
        if not ref:
            return None
        if ref not in index:
            raise self.fail(line, judul, gettext("%(label)s '%(ref)s' tidak ada di tabel %(tabel)s.")
                                         % {"label": label, "ref": ref, "tabel": lembar.nama})
        return index[ref]

    def choice(self, line: Baris, judul: str, labels: dict[str, str], default: str = "") -> tuple[str, bool]:
        """(code, disimpulkan) of a choice cell; the label, the code and "<label> (disimpulkan)" are accepted."""
        raw = self.text(line, judul)
        if not raw:
            return default, False
        disimpulkan = raw.casefold().endswith(DISIMPULKAN.strip().casefold())
        value = raw[: -len(DISIMPULKAN.strip())].strip() if disimpulkan else raw
        for code, label in labels.items():
            if norm(value) in (norm(code), norm(label), norm(code.replace("_", " "))):
                return code, disimpulkan
        raise self.fail(
            line,
            judul,
            gettext("'%(raw)s' bukan pilihan kolom %(judul)s; pilih salah satu: %(daftar)s.")
            % {"raw": raw, "judul": judul, "daftar": ", ".join(labels.values())},
        )

    def ya(self, line: Baris, judul: str) -> bool:
        return norm(self.text(line, judul)) in _YA

    def tanggal(self, line: Baris, judul: str) -> dt.date | None:
        raw = self.text(line, judul)
        if not raw:
            return None
        parsed = parse_tanggal(raw)
        if parsed is None:
            raise self.fail(line, judul, gettext("'%(raw)s' bukan tanggal; tulis misalnya 2024-01-02 atau 2 "
                                                 "Januari 2024.") % {"raw": raw})
        return parsed

    def number(self, line: Baris, judul: str, jenis: JenisAngka = JenisAngka.UMUM) -> tuple[Angka, bool]:
        """(the cell read as a number, whether it was a plain machine number as the template writes it)."""
        raw = self.text(line, judul)
        plain = _PLAIN.match(raw) if jenis is not JenisAngka.UANG else None  # money: "1.500" is 1500 rupiah
        if plain:
            # "1.500" here is one and a half: the template never groups digits (a number typed in Excel is stored
            # as a number, in whatever way the person's locale writes it, and reaches us plain).
            return Angka(teks=raw, nilai=Decimal(plain["num"]), persen=bool(plain["pct"])), True
        try:
            angka = parse_angka(raw, jenis)
        except AngkaTidakValid as exc:
            raise self.fail(line, judul, str(exc)) from exc
        if angka.keputusan:
            self.doc.decide("angka.pemisah", angka.keputusan, self.place(line, judul))
        return angka, False

    def uang(self, line: Baris, judul: str) -> Uang | None:
        if judul not in line.cols:
            return None
        raw = self.text(line, judul)
        place = self.place(line, judul)
        if not raw:
            return Uang(nilai=None, teks="", place=place)
        angka, _ = self.number(line, judul, JenisAngka.UANG)
        if angka.kategori or (angka.nilai is not None and angka.nilai != angka.nilai.to_integral_value()):
            raise ImporGagal(gettext("'%(raw)s' bukan pagu dalam rupiah bulat.") % {"raw": raw}, place)
        if angka.nilai is not None and angka.nilai < 0:
            raise ImporGagal(gettext("'%(raw)s': pagu tidak boleh negatif.") % {"raw": raw}, place)
        return Uang(nilai=None if angka.nilai is None else int(angka.nilai), teks=raw, place=place)

    def target(self, line: Baris, judul: str, tertulis: str | None) -> NilaiSel:
        """A target cell as a `NilaiSel` whose text is the wording of the source document when the template keeps
        it (column "Tertulis di dokumen asal") and it agrees with the number, else the cell as written."""
        place = self.place(line, judul)
        angka, plain = self.number(line, judul)
        if tertulis is not None and _agrees(tertulis, angka):
            wording = tertulis
        elif plain and angka.nilai is not None:
            wording = default_teks(angka.nilai) + ("%" if angka.persen else "")
        else:
            wording = angka.teks.strip()
        return NilaiSel(dataclasses.replace(angka, teks=wording), place)

    def output_target(self, line: Baris, judul: str, satuan_judul: str, tertulis_judul: str) -> NilaiSel | None:
        """A sub kegiatan's or an aksi's target: the number, its unit and its wording, three columns."""
        if judul not in line.cols and tertulis_judul not in line.cols:
            return None
        if not any(self.text(line, c) for c in (judul, satuan_judul, tertulis_judul)):
            return None
        angka, plain = self.number(line, judul)
        satuan = self.text(line, satuan_judul) or angka.satuan
        # The wording column says how the document wrote the target; a target typed as text ("1200 Orang") is
        # its own wording; a plain number has none unless the column gives it.
        tertulis = self.disimpan(line, tertulis_judul) or ("" if plain else angka.teks.strip())
        place = self.place(line, judul if self.text(line, judul) else tertulis_judul)
        return NilaiSel(dataclasses.replace(angka, teks=tertulis, satuan=satuan), place)


def _agrees(tertulis: str, angka: Angka) -> bool:
    """Does the wording of the source document still say the number in the cell (any reading of it)?"""
    if not tertulis:
        return angka.kosong
    for jenis in (JenisAngka.UMUM, JenisAngka.PERSEN):
        try:
            read = parse_angka(tertulis, jenis)
        except AngkaTidakValid:
            return False
        if read.nilai == angka.nilai and read.kategori == angka.kategori:
            return True
    return False


def parse_tanggal(raw: str) -> dt.date | None:
    """'2024-01-02', '2024-01-02 00:00:00', '02/01/2024', '2-1-2024', '2 Januari 2024' → a date."""
    raw = raw.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", raw)
    dmy = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    words = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", raw)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return dt.date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
        if words and words[2].casefold() in NOMOR_BULAN:
            return dt.date(int(words[3]), NOMOR_BULAN[words[2].casefold()], int(words[1]))
    except ValueError:
        return None
    return None
