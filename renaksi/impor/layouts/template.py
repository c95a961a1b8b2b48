"""The Renaksi template (`renaksi/impor/template.py`) read back from a `Grid` into a `RencanaAksiDoc`.

It works on any format: an XLSX gives one sheet per table, a DOCX one sheet with a heading and a table per part, a
text copy one sheet with the tables one after another. A table is found by its header row (by the column titles,
so columns may be moved and optional ones deleted); its rows run until the next header row or the end of the sheet.

The template says everything explicitly, so nothing is inferred here: polaritas and akumulasi are taken as written
("Kumulatif (disimpulkan)" keeps the mark that Renaksi inferred it), targets as written. Numbers are read in the
template's own way first (plain digits with a decimal point, as the XLSX reader gives a number cell and the DOCX
export writes it: "1.500" is one and a half, the template never groups digits); a number a person typed as text ("1.030.000", "33,33") goes through `parse_angka`, and an
ambiguous one is reported as a decision. A wrong reference (a Ref that no row defines), a bad number or date, or a
missing required column stops the import with the place named: the template is a form, and a form is fixed by the
person who filled it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext

from renaksi.core.angka import Angka, AngkaTidakValid, JenisAngka, parse_angka
from renaksi.core.bulan import BULAN_SINGKAT, NOMOR_BULAN, nomor_bulan, singkat_bulan
from renaksi.core.nip import normalize_nip
from renaksi.impor.dokumen import (
    AksiDoc,
    BidangDoc,
    IndikatorDoc,
    KegiatanDoc,
    NilaiSel,
    PejabatDoc,
    PerjanjianKinerjaDoc,
    PKItemDoc,
    ProgramDoc,
    RencanaAksiDoc,
    SasaranDoc,
    SubKegiatanDoc,
    Teks,
    Uang,
)
from renaksi.impor.grid import Grid, ImporGagal, Place, Row, Sheet
from renaksi.impor.template import (
    AKSI,
    AKUMULASI,
    ANGGARAN,
    DISIMPULKAN,
    IDENTITAS,
    IDENTITAS_KEYS,
    JENIS_PEMDA,
    JENIS_PK,
    JENIS_TARGET,
    PEJABAT,
    PETUNJUK_HEADER,
    PK,
    POLARITAS,
    SASARAN,
    SHEETS,
    STATUS_PEJABAT,
    TEMPLATE_VERSION,
    TERTULIS_SEP,
    TINGKAT_ANGGARAN,
    TINGKAT_SASARAN,
    Lembar,
    default_teks,
)

NAME = "template"

# Tables are recognised in this order: a PK header also has a "Ref sasaran" column, so PK goes before Sasaran.
_DETECT_ORDER = (PK, AKSI, ANGGARAN, PEJABAT, SASARAN, IDENTITAS)
_PLAIN = re.compile(r"^(?P<num>-?[0-9]+(?:\.[0-9]+)?)(?P<pct>%)?$")  # 0-9 only: Decimal reads "١٢٣" as 123
_NOT_SCHEDULED = {"", "-", "0", "tidak", "t", "n", "no"}
_YA = {"ya", "y", "x", "v", "✓", "true", "1", "iku", "benar"}


def _norm(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).casefold()


_PETUNJUK = [_norm(t) for t in PETUNJUK_HEADER]
_SKIPPED_TEXTS = {_norm(s.nama) for s in SHEETS} | {_norm(s.keterangan) for s in SHEETS} | {"petunjuk"}


def _header_norm(text: str) -> str:
    """A column title normalised; a month in any spelling ("Agt", "Agustus") reads as Renaksi writes it ("agu")."""
    month = nomor_bulan(text) if len(text.strip()) >= 3 else None
    return _norm(singkat_bulan(month)) if month else _norm(text)


def _header(row: Row) -> tuple[Lembar | None, dict[str, int]] | None:
    """(table, {column title: index}) when `row` is a template header row; (None, {}) for the Petunjuk header."""
    cells = [_header_norm(c) for c in row.cells]
    if not any(cells):
        return None
    filled = [c for c in cells if c]
    for sheet in _DETECT_ORDER:
        if all(_norm(k) in cells for k in sheet.kunci):
            cols = {k.judul: cells.index(_norm(k.judul)) for k in sheet.kolom if _norm(k.judul) in cells}
            if 2 * len(cols) >= len(filled):  # mostly known titles: a header, not a sentence that names two
                return sheet, cols
    if cells[: len(_PETUNJUK)] == _PETUNJUK:
        return None, {}
    return None


def detect(grid: Grid) -> int:
    """How sure we are that `grid` is the Renaksi template: 0 (not at all) to 100."""
    found: set[str] = set()
    version = False
    for sheet in grid.sheets:
        for row in sheet.rows:
            header = _header(row)
            if header and header[0] is not None:
                found.add(header[0].key)
            if _norm(row.cell(0)) == "templat" and row.cell(1).startswith("Renaksi"):
                version = True
    if version and found:
        return 100
    return 90 if len(found - {"identitas"}) >= 2 else 0


@dataclass
class _Line:
    """A data row of a template table, with the column map of its header."""

    lembar: Lembar
    sheet: Sheet
    row: Row
    cols: dict[str, int]


class _Reader:
    def __init__(self, grid: Grid):
        self.grid = grid
        # Months are marked with "x" in any format: an empty month cell is a month without the aksi.
        self.doc = RencanaAksiDoc(dokumen=grid.dokumen, format=grid.format, layout=NAME, jadwal_bertanda=True)
        self.doc.decisions.extend(grid.decisions)
        self.doc.warnings.extend(grid.warnings)
        self.lines: dict[str, list[_Line]] = {s.key: [] for s in SHEETS}
        self.header_seen: dict[str, Place] = {}

    # --- cells ---------------------------------------------------------------------------------------------------

    def place(self, line: _Line, judul: str | None = None) -> Place:
        col = line.cols.get(judul) if judul else None
        base = self.grid.place(line.sheet, line.row, col)
        tabel = "" if self.grid.format == "xlsx" else line.lembar.nama
        return dataclasses.replace(base, tabel=tabel, judul_kolom=judul or "")

    def text(self, line: _Line, judul: str) -> str:
        """The cell as written (outer space stripped): a catatan keeps its lines, a name its spelling."""
        col = line.cols.get(judul)
        return line.row.cell(col) if col is not None else ""

    def teks(self, line: _Line, judul: str) -> Teks:
        return Teks(self.text(line, judul), self.place(line, judul))

    def opt_teks(self, line: _Line, judul: str) -> Teks | None:
        return self.teks(line, judul) if judul in line.cols else None

    def fail(self, line: _Line, judul: str | None, message: str) -> ImporGagal:
        return ImporGagal(message, self.place(line, judul))

    def choice(self, line: _Line, judul: str, labels: dict[str, str], default: str = "") -> tuple[str, bool]:
        """(code, disimpulkan) of a choice cell; the label, the code and "<label> (disimpulkan)" are accepted."""
        raw = self.text(line, judul)
        if not raw:
            return default, False
        disimpulkan = raw.casefold().endswith(DISIMPULKAN.strip().casefold())
        value = raw[: -len(DISIMPULKAN.strip())].strip() if disimpulkan else raw
        for code, label in labels.items():
            if _norm(value) in (_norm(code), _norm(label), _norm(code.replace("_", " "))):
                return code, disimpulkan
        raise self.fail(
            line,
            judul,
            gettext("'%(raw)s' bukan pilihan kolom %(judul)s; pilih salah satu: %(daftar)s.")
            % {"raw": raw, "judul": judul, "daftar": ", ".join(labels.values())},
        )

    def ya(self, line: _Line, judul: str) -> bool:
        return _norm(self.text(line, judul)) in _YA

    def tanggal(self, line: _Line, judul: str, raw: str | None = None) -> dt.date | None:
        raw = self.text(line, judul) if raw is None else raw
        if not raw:
            return None
        parsed = parse_tanggal(raw)
        if parsed is None:
            raise self.fail(line, judul, gettext("'%(raw)s' bukan tanggal; tulis misalnya 2024-01-02 atau 2 "
                                                 "Januari 2024.") % {"raw": raw})
        return parsed

    def number(self, line: _Line, judul: str, jenis: JenisAngka = JenisAngka.UMUM) -> tuple[Angka, bool]:
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

    def uang(self, line: _Line, judul: str) -> Uang | None:
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

    def target(self, line: _Line, judul: str, tertulis: str | None) -> NilaiSel:
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

    def output_target(self, line: _Line, judul: str, satuan_judul: str, tertulis_judul: str) -> NilaiSel | None:
        """A sub kegiatan's or an aksi's target: the number, its unit and its wording, three columns."""
        if judul not in line.cols and tertulis_judul not in line.cols:
            return None
        if not any(self.text(line, c) for c in (judul, satuan_judul, tertulis_judul)):
            return None
        angka, plain = self.number(line, judul)
        satuan = self.text(line, satuan_judul) or angka.satuan
        # The wording column says how the document wrote the target; a target typed as text ("1200 Orang") is
        # its own wording; a plain number has none unless the column gives it.
        tertulis = self.text(line, tertulis_judul) or ("" if plain else angka.teks.strip())
        place = self.place(line, judul if self.text(line, judul) else tertulis_judul)
        return NilaiSel(dataclasses.replace(angka, teks=tertulis, satuan=satuan), place)

    # --- the walk ------------------------------------------------------------------------------------------------

    def collect(self) -> None:
        for sheet in self.grid.sheets:
            current: tuple[Lembar, dict[str, int]] | None = None
            for row in sheet.rows:
                header = _header(row)
                if header is not None:
                    lembar, cols = header
                    current = (lembar, cols) if lembar is not None else None
                    if lembar is not None:
                        self._check_required(lembar, cols, sheet, row)
                    continue
                if current is None or row.is_blank:
                    continue
                filled = [c for c in row.cells if c.strip()]
                if len(filled) == 1 and _norm(filled[0]) in _SKIPPED_TEXTS or _is_title(filled):
                    continue  # a DOCX heading or description between tables
                lembar, cols = current
                self.lines[lembar.key].append(_Line(lembar, sheet, row, cols))

    def _check_required(self, lembar: Lembar, cols: dict[str, int], sheet: Sheet, row: Row) -> None:
        missing = [k.judul for k in lembar.kolom if k.wajib and k.judul not in cols]
        if missing:
            raise ImporGagal(
                gettext("tabel %(lembar_nama)s tidak memiliki kolom wajib: %(daftar)s.")
                % {"lembar_nama": lembar.nama, "daftar": ', '.join(missing)},
                self.grid.place(sheet, row),
            )
        self.header_seen.setdefault(lembar.key, self.grid.place(sheet, row))

    def read(self) -> RencanaAksiDoc:
        self.collect()
        if not any(k in self.header_seen for k in ("sasaran", "anggaran", "aksi")):
            raise ImporGagal(
                gettext("templat Renaksi tidak berisi tabel Sasaran & Indikator, Anggaran maupun Aksi."),
                Place(self.grid.dokumen),
            )
        pejabat = self.read_pejabat()
        sasaran, indikator = self.read_sasaran()
        sub_kegiatan = self.read_anggaran(indikator)
        self.read_aksi(sub_kegiatan, pejabat)
        self.read_pk(sasaran, indikator, pejabat)
        self.read_identitas(pejabat)
        self.read_bidang()
        return self.doc

    # --- tables --------------------------------------------------------------------------------------------------

    def read_pejabat(self) -> dict[str, PejabatDoc]:
        """Officials, and the index by which other tables refer to them (NIP, else name)."""
        index: dict[str, PejabatDoc] = {}
        for line in self.lines["pejabat"]:
            nip_teks = self.teks(line, "NIP")
            nip = normalize_nip(nip_teks.teks)
            if nip and not re.fullmatch(r"\d{18}", nip):
                self.doc.warn("pejabat.nip", gettext("NIP '%(nip)s' bukan 18 angka; NIP tidak "
                                                     "disimpan.") % {"nip": nip_teks.teks},
                              nip_teks.place)
                nip = ""
            status, _ = self.choice(line, "Status", STATUS_PEJABAT, "definitif")
            person = PejabatDoc(
                nama=self.teks(line, "Nama pejabat"), jabatan=self.teks(line, "Jabatan"), nip=nip,
                nip_teks=nip_teks if nip_teks.teks else None, pangkat=self.text(line, "Pangkat"),
                golongan=self.text(line, "Golongan"), status=status, bidang=self.text(line, "Bidang"),
                kepala_bidang=self.ya(line, "Kepala bidang"), kepala_pd=self.ya(line, "Kepala PD"),
            )
            if not person.nama:
                raise self.fail(line, "Nama pejabat", gettext("nama pejabat kosong."))
            self.doc.pejabat.append(person)
            for key in (nip, _norm(person.nama.teks)):
                if key:
                    index.setdefault(key, person)
        return index

    def pejabat_ref(self, line: _Line, judul: str, index: dict[str, PejabatDoc]) -> PejabatDoc | None:
        raw = self.text(line, judul)
        if not raw:
            return None
        found = index.get(normalize_nip(raw)) or index.get(_norm(raw))
        if found is None:
            raise self.fail(line, judul, gettext("pejabat '%(raw)s' tidak ada di tabel Pejabat (dirujuk "
                                                 "dengan NIP atau nama).") % {"raw": raw})
        return found

    def read_sasaran(self) -> tuple[dict[str, SasaranDoc], dict[str, IndikatorDoc]]:
        by_ref: dict[str, SasaranDoc] = {}
        parent_ref: dict[int, tuple[str, _Line]] = {}
        indikator_by_ref: dict[str, IndikatorDoc] = {}
        ordered: list[SasaranDoc] = []
        current: SasaranDoc | None = None
        for line in self.lines["sasaran"]:
            ref = self.text(line, "Ref sasaran")
            uraian = self.teks(line, "Sasaran")
            if ref and ref in by_ref:
                current = by_ref[ref]
            elif ref or uraian:
                level, _ = self.choice(line, "Tingkat", TINGKAT_SASARAN, "strategis")
                current = SasaranDoc(uraian=uraian, level=level, nomor=self.text(line, "Nomor"),
                                     bidang=self.text(line, "Bidang sasaran"))
                ordered.append(current)
                by_ref[ref or f"#{len(ordered)}"] = current
                if self.text(line, "Ref induk"):
                    parent_ref[id(current)] = (self.text(line, "Ref induk"), line)
            elif current is None:
                raise self.fail(line, "Ref sasaran", gettext("baris indikator tanpa sasaran: isi Ref "
                                                             "sasaran."))
            if not self._has_indikator(line):
                continue
            ind = self.read_indikator(line)
            current.indikator.append(ind)
            ref_ind = self.text(line, "Ref indikator")
            if ref_ind:
                if ref_ind in indikator_by_ref:
                    raise self.fail(line, "Ref indikator", gettext("Ref indikator '%(ref_ind)s' dipakai dua "
                                                                   "kali.") % {"ref_ind": ref_ind})
                indikator_by_ref[ref_ind] = ind
        for sasaran in ordered:
            if id(sasaran) in parent_ref:
                ref, line = parent_ref[id(sasaran)]
                if ref not in by_ref:
                    raise self.fail(line, "Ref induk", gettext("sasaran induk '%(ref)s' tidak ada di tabel "
                                                               "%(SASARAN_nama)s.")
                                                       % {"ref": ref, "SASARAN_nama": SASARAN.nama})
                if by_ref[ref] is sasaran:
                    raise self.fail(line, "Ref induk", gettext("sasaran tidak dapat menjadi induk dirinya "
                                                               "sendiri."))
                sasaran.parent = by_ref[ref]
        self.doc.sasaran = self._parents_first(ordered)
        return by_ref, indikator_by_ref

    def _parents_first(self, ordered: list[SasaranDoc]) -> list[SasaranDoc]:
        """Keep the table's order, moving a sasaran after its parent only when the table puts it before."""
        result: list[SasaranDoc] = []
        placed: set[int] = set()

        def place(s: SasaranDoc, trail: tuple[int, ...] = ()) -> None:
            if id(s) in placed:
                return
            if id(s) in trail:
                raise ImporGagal(gettext("sasaran induk melingkar pada '%(uraian_teks)s'.")
                                 % {"uraian_teks": s.uraian.teks}, s.uraian.place)
            if s.parent is not None and id(s.parent) not in placed:
                place(s.parent, (*trail, id(s)))
            placed.add(id(s))
            result.append(s)

        for s in ordered:
            place(s)
        if [id(s) for s in result] != [id(s) for s in ordered]:
            self.doc.decide("templat.urutan_sasaran", gettext("sasaran induk dipindah ke atas sasaran "
                                                              "anaknya."))
        return result

    def _has_indikator(self, line: _Line) -> bool:
        columns = ("Ref indikator", "Indikator", "Satuan", "Target tahunan", "TW I", "TW II", "TW III", "TW IV")
        return any(self.text(line, c) for c in columns)

    def read_indikator(self, line: _Line) -> IndikatorDoc:
        nama = self.teks(line, "Indikator")
        if not nama:
            raise self.fail(line, "Indikator", gettext("nama indikator kosong."))
        tertulis = None
        if self.text(line, "Tertulis di dokumen asal"):
            parts = [p.strip() for p in self.text(line, "Tertulis di dokumen asal").split(TERTULIS_SEP.strip())]
            tertulis = parts if len(parts) == 5 else None
            if tertulis is None:
                self.doc.warn(
                    "templat.tertulis",
                    gettext("kolom 'Tertulis di dokumen asal' tidak berisi 5 bagian; diabaikan."),
                    self.place(line, "Tertulis di dokumen asal"),
                )
        columns = ("Target tahunan", "TW I", "TW II", "TW III", "TW IV")
        values = [self.target(line, c, tertulis[i] if tertulis else None) if c in line.cols else None
                  for i, c in enumerate(columns)]
        polaritas, polaritas_disimpulkan = self.choice(line, "Polaritas", POLARITAS)
        akumulasi, akumulasi_disimpulkan = self.choice(line, "Akumulasi", AKUMULASI)
        jenis_target, _ = self.choice(line, "Jenis target", JENIS_TARGET)
        catatan = self.teks(line, "Catatan")
        return IndikatorDoc(
            nama=nama, satuan=self.opt_teks(line, "Satuan"), formulasi=self.opt_teks(line, "Formulasi"),
            target=values[0], triwulan=values[1:], is_iku=self.ya(line, "IKU"),
            penanggung_jawab=self.opt_teks(line, "Penanggung jawab"), bidang=self.text(line, "Bidang"),
            keterangan=[catatan] if catatan else [],
            polaritas=polaritas, polaritas_disimpulkan=polaritas_disimpulkan,
            akumulasi=akumulasi, akumulasi_disimpulkan=akumulasi_disimpulkan,
            alasan_inferensi=self.text(line, "Alasan inferensi"), jenis_target=jenis_target,
            sumber_data=self.text(line, "Sumber data"),
        )

    def indikator_refs(self, line: _Line, judul: str, index: dict[str, IndikatorDoc]) -> list[IndikatorDoc]:
        result = []
        for ref in re.split(r"[,;\s]+", self.text(line, judul)):
            if not ref:
                continue
            if ref not in index:
                raise self.fail(line, judul, gettext("indikator '%(ref)s' tidak ada di tabel "
                                                     "%(SASARAN_nama)s.")
                                             % {"ref": ref, "SASARAN_nama": SASARAN.nama})
            if index[ref] not in result:
                result.append(index[ref])
        return result

    def read_anggaran(self, indikator: dict[str, IndikatorDoc]) -> dict[str, SubKegiatanDoc]:
        refs: dict[str, ProgramDoc | KegiatanDoc | SubKegiatanDoc] = {}
        subs: dict[str, SubKegiatanDoc] = {}
        last_program: ProgramDoc | None = None
        last_kegiatan: KegiatanDoc | None = None
        for line in self.lines["anggaran"]:
            tingkat, _ = self.choice(line, "Tingkat", TINGKAT_ANGGARAN)
            if not tingkat:
                raise self.fail(line, "Tingkat", gettext("tingkat kosong: isi Program, Kegiatan atau Sub "
                                                         "kegiatan."))
            nama = self.teks(line, "Nama")
            if not nama:
                raise self.fail(line, "Nama", gettext("nama kosong."))
            common = {"nama": nama, "kode": self.text(line, "Kode"), "pagu": self.uang(line, "Pagu (Rp)"),
                      "indikator": self.indikator_refs(line, "Ref indikator", indikator)}
            induk = self.text(line, "Ref induk")
            item: ProgramDoc | KegiatanDoc | SubKegiatanDoc
            if tingkat == "program":
                item = last_program = ProgramDoc(**common)
                last_kegiatan = None
                self.doc.program.append(item)
            elif tingkat == "kegiatan":
                program = self._parent(line, induk, refs, ProgramDoc, last_program, "program")
                item = last_kegiatan = KegiatanDoc(**common)
                program.kegiatan.append(item)
            else:
                kegiatan = self._parent(line, induk, refs, KegiatanDoc, last_kegiatan, "kegiatan")
                item = SubKegiatanDoc(
                    **common, bidang=self.text(line, "Bidang"),
                    target=self.output_target(line, "Target keluaran", "Satuan target", "Target tertulis"),
                    catatan=self.text(line, "Catatan"),
                )
                kegiatan.sub_kegiatan.append(item)
            ref = self.text(line, "Ref anggaran")
            if ref:
                if ref in refs:
                    raise self.fail(line, "Ref anggaran", gettext("Ref anggaran '%(ref)s' dipakai dua kali.")
                                                          % {"ref": ref})
                refs[ref] = item
                if isinstance(item, SubKegiatanDoc):
                    subs[ref] = item
        return subs

    def _parent(self, line: _Line, ref: str, refs: dict, kind: type, last, label: str):
        if ref:
            parent = refs.get(ref)
            if not isinstance(parent, kind):
                raise self.fail(
                    line,
                    "Ref induk",
                    gettext("%(label)s induk '%(ref)s' tidak ada di tabel %(ANGGARAN_nama)s.")
                    % {"label": label, "ref": ref, "ANGGARAN_nama": ANGGARAN.nama},
                )
            return parent
        if last is None:
            raise self.fail(line, "Ref induk", gettext("baris ini tidak berada di bawah %(label)s mana pun: "
                                                       "isi Ref induk.") % {"label": label})
        return last

    def read_aksi(self, subs: dict[str, SubKegiatanDoc], pejabat: dict[str, PejabatDoc]) -> None:
        by_name = {_norm(s.nama.teks): s for s in subs.values()}
        for line in self.lines["aksi"]:
            ref = self.text(line, "Ref sub kegiatan")
            sub = subs.get(ref) or by_name.get(_norm(ref))
            if sub is None:
                raise self.fail(line, "Ref sub kegiatan",
                                gettext("sub kegiatan '%(ref)s' tidak ada di tabel %(tabel)s.")
                                % {"ref": ref, "tabel": ANGGARAN.nama} if ref
                                else gettext("Ref sub kegiatan kosong."))
            uraian = self.teks(line, "Uraian aksi")
            if not uraian:
                raise self.fail(line, "Uraian aksi", gettext("uraian aksi kosong."))
            sub.aksi.append(AksiDoc(
                uraian=uraian, nomor=self.text(line, "Nomor"), keluaran=self.opt_teks(line, "Output/keluaran"),
                bulan=[i for i, m in enumerate(BULAN_SINGKAT, start=1)
                       if _norm(self.text(line, m)) not in _NOT_SCHEDULED],
                target=self.output_target(line, "Target", "Satuan target", "Target tertulis"),
                pagu=self.uang(line, "Pagu (Rp)"), penanggung_jawab=self.opt_teks(line, "Penanggung jawab"),
                pejabat=self.pejabat_ref(line, "Pejabat PJ", pejabat),
                catatan=self.text(line, "Catatan"),
            ))

    def read_pk(self, sasaran: dict[str, SasaranDoc], indikator: dict[str, IndikatorDoc],
                pejabat: dict[str, PejabatDoc]) -> None:
        """One `PerjanjianKinerjaDoc` per Ref PK, its header (jenis, pihak, tempat, tanggal) from its first row.

        A row with an empty Ref PK belongs to the PK above it. On the other rows of a PK the header cells are only
        checked (a wrong reference stops the import); a value that differs from the first row's is reported.
        """
        by_ref: dict[str, PerjanjianKinerjaDoc] = {}
        current: PerjanjianKinerjaDoc | None = None
        for line in self.lines["pk"]:
            ref_pk = self.text(line, "Ref PK")
            jenis, _ = self.choice(line, "Jenis PK", JENIS_PK, "murni")
            header = {
                "jenis": jenis,
                "pihak_pertama": self.pejabat_ref(line, "Pihak pertama", pejabat),
                "pihak_kedua": self.pejabat_ref(line, "Pihak kedua", pejabat),
                "pihak_kedua_jabatan": self.text(line, "Jabatan pihak kedua"),
                "tempat": self.text(line, "Tempat"),
                "tanggal": self.tanggal(line, "Tanggal"),
            }
            if ref_pk in by_ref or (not ref_pk and current is not None):
                current = by_ref.get(ref_pk, current)
                if not self.text(line, "Jenis PK"):
                    header.pop("jenis")  # an empty cell says nothing (the default is only for the first row)
                differs = [k for k, v in header.items() if v not in (None, "") and v != getattr(current, k)]
                if differs:
                    self.doc.warn("templat.pk_kepala", gettext("data PK (%(daftar)s) pada baris ini "
                                                               "berbeda dari baris pertama PK yang sama; "
                                                               "yang dipakai data baris pertamanya.")
                                                       % {"daftar": ', '.join(differs)},
                                  self.place(line, "Ref PK"))
            else:
                current = PerjanjianKinerjaDoc(**header, place=self.place(line, "Ref PK"))
                by_ref[ref_pk] = current
                self.doc.perjanjian_kinerja.append(current)
            ind = None
            ref = self.text(line, "Ref indikator")
            if ref:
                ind = indikator.get(ref)
                if ind is None:
                    raise self.fail(line, "Ref indikator", gettext("indikator '%(ref)s' tidak ada di tabel "
                                                                   "%(SASARAN_nama)s.")
                                                           % {"ref": ref, "SASARAN_nama": SASARAN.nama})
            sas = None
            ref_s = self.text(line, "Ref sasaran")
            if ref_s:
                sas = sasaran.get(ref_s)
                if sas is None:
                    raise self.fail(line, "Ref sasaran", gettext("sasaran '%(ref_s)s' tidak ada di tabel "
                                                                 "%(SASARAN_nama)s.")
                                                         % {"ref_s": ref_s, "SASARAN_nama": SASARAN.nama})
            if ind is None and sas is None and not self.text(line, "Target"):
                continue  # a PK without butir
            angka, _ = self.number(line, "Target")
            wording = self.text(line, "Target tertulis")
            target = NilaiSel(dataclasses.replace(angka, teks=wording), self.place(line, "Target"))
            current.items.append(PKItemDoc(
                indikator=Teks(ind.nama.teks if ind else "", self.place(line, "Ref indikator")),
                nomor=self.text(line, "Nomor butir"),
                sasaran=Teks(sas.uraian.teks, self.place(line, "Ref sasaran")) if sas else None,
                target=target, indikator_ref=ind,
            ))

    def read_identitas(self, pejabat: dict[str, PejabatDoc]) -> None:
        keys = {_norm(k.judul): k for k in IDENTITAS_KEYS}
        for line in self.lines["identitas"]:
            key = keys.get(_norm(self.text(line, "Isian")))
            if key is None:
                self.doc.warn("templat.isian", gettext("isian '%(isian)s' tidak dikenal; "
                                                       "diabaikan.")
                                               % {"isian": self.text(line, 'Isian')},
                              self.place(line, "Isian"))
                continue
            raw = self.text(line, "Nilai")
            value = self.teks(line, "Nilai")
            match key.judul:
                case "Templat":
                    if raw and raw != TEMPLATE_VERSION:
                        self.doc.warn(
                            "templat.versi",
                            gettext("versi templat '%(raw)s'; Renaksi memakai '%(TEMPLATE_VERSION)s'.")
                            % {"raw": raw, "TEMPLATE_VERSION": TEMPLATE_VERSION},
                            value.place,
                        )
                case "Jenis Pemda":
                    self.doc.pemda_jenis, _ = self.choice(line, "Nilai", JENIS_PEMDA)
                case "Nama Pemda":
                    self.doc.pemda_nama = raw
                case "Perangkat Daerah":
                    self.doc.perangkat_daerah = value if raw else None
                case "Tahun":
                    if raw:
                        match_tahun = re.fullmatch(r"(\d{4})(?:\.0+)?", raw)
                        if not match_tahun or not 2000 <= int(match_tahun[1]) <= 2100:
                            raise self.fail(line, "Nilai", gettext("tahun '%(raw)s' tidak sah (2000–2100).")
                                                           % {"raw": raw})
                        self.doc.tahun = int(match_tahun[1])
                case "Judul":
                    self.doc.judul = value if raw else None
                    self.doc.judul_tetap = bool(raw)
                case "Tempat penetapan":
                    self.doc.tempat = raw
                case "Tanggal penetapan":
                    self.doc.tanggal = self.tanggal(line, "Nilai")
                case "Penandatangan":
                    self.doc.penandatangan = self.pejabat_ref(line, "Nilai", pejabat)

    def read_bidang(self) -> None:
        """Every bidang the template names, in order of first mention, with its head from the Pejabat table."""
        names: list[str] = []

        def add(name: str) -> None:
            if name and name not in names:
                names.append(name)

        for p in self.doc.pejabat:
            add(p.bidang)
        for s in self.doc.sasaran:
            add(s.bidang)
            for i in s.indikator:
                add(i.bidang)
        for sub in self.doc.all_sub_kegiatan():
            add(sub.bidang)
        heads = {p.bidang: p for p in self.doc.pejabat if p.kepala_bidang and p.bidang}
        self.doc.bidang = [BidangDoc(nama=Teks(n), kepala=heads.get(n)) for n in names]


def _is_title(filled: list[str]) -> bool:
    """The title row of an XLSX sheet or the DOCX ("Aksi — Rencana Aksi …", "Templat Renaksi (…)")."""
    first = filled[0]
    return any(first.startswith(f"{s.nama} — ") for s in SHEETS) or first.startswith("Templat Renaksi")


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


def read(grid: Grid) -> RencanaAksiDoc:
    """Read the Renaksi template from `grid`; raises `ImporGagal` naming the place of the first problem."""
    return _Reader(grid).read()


def iter_tables(grid: Grid) -> Iterator[tuple[str, Place]]:
    """(table key, place of its header row) for each template table found: for messages and tests."""
    for sheet in grid.sheets:
        for row in sheet.rows:
            header = _header(row)
            if header and header[0] is not None:
                yield header[0].key, grid.place(sheet, row)
