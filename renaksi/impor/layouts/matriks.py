"""The stacked matrix: one table whose sections go down the performance tree (Kabupaten Bangka's layout).

Columns (found by header): NO, SASARAN, INDIKATOR, SATUAN, TARGET, TRIWULAN I–IV, PROGRAM, KEGIATAN, SUB KEGIATAN,
ANGGARAN. The table is cut into sections where the numbering restarts at 1. Each section fills one budget column,
which gives its level:

    PROGRAM filled       → sasaran strategis, with the programs that serve them
    KEGIATAN filled      → sasaran program, with kegiatan
    SUB KEGIATAN filled  → sasaran kegiatan, with sub kegiatan
    none filled          → sasaran sub kegiatan: the outputs of the sub kegiatan of the section before, in order

Merged cells come out empty, so an empty cell repeats the value above it within the section: a program row with
no indikator serves the indikator above; an indikator row with no kegiatan belongs to the kegiatan above. A value
may slip one column (a pagu right of ANGGARAN, a name beside its column): it is read where it belongs and the
decision is reported. The sections do not say which kegiatan belongs to which program: `tautan.hubungkan` decides
by names and by which reading makes the stated pagu add up. A PENANGGUNG JAWAB list the copy detached from the
table is kept as a warning, not aligned by guesswork.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from django.utils.translation import gettext

from renaksi.impor.dokumen import (
    IndikatorDoc,
    KegiatanDoc,
    ProgramDoc,
    RencanaAksiDoc,
    SasaranDoc,
    SubKegiatanDoc,
    Teks,
    Uang,
)
from renaksi.impor.grid import Grid, ImporGagal, Place, Row, Sheet
from renaksi.impor.naskah.judul import baca_judul
from renaksi.impor.naskah.tanda_tangan import baca_tanda_tangan
from renaksi.impor.tabel import PeranKolom, Tabel, find_tables
from renaksi.impor.teks import bersih, is_row_number, kemiripan, nama_anggaran

from . import tautan
from .umum import baca_nilai, baca_uang, looks_like_money, rp

NAME = "matriks"
BUDGET = (PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN)
LEVEL = {PeranKolom.PROGRAM: "strategis", PeranKolom.KEGIATAN: "program", PeranKolom.SUB_KEGIATAN: "kegiatan", None: "sub_kegiatan"}
LEVEL_LABEL = {"strategis": "sasaran strategis", "program": "sasaran program", "kegiatan": "sasaran kegiatan",
               "sub_kegiatan": "sasaran sub kegiatan (keluaran)"}
ITEM_LABEL = {PeranKolom.PROGRAM: "program", PeranKolom.KEGIATAN: "kegiatan", PeranKolom.SUB_KEGIATAN: "sub kegiatan"}


def is_matrix(tabel: Tabel) -> bool:
    """Sasaran, indikator, targets and at least two budget columns in one table (ANGGARAN may be missing)."""
    budget = sum(1 for r in BUDGET if r in tabel.cols)
    return (tabel.has(PeranKolom.SASARAN, PeranKolom.INDIKATOR) and budget >= 2
            and (PeranKolom.TARGET in tabel.cols or any(c is not None for c in tabel.tw)))


def detect(grid: Grid) -> int:
    """How sure this layout is that it can read `grid` (0 = not at all)."""
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            if is_matrix(tabel) and len(tabel.rows) >= 1:
                return 80
    return 0


@dataclass(eq=False)
class _Item:
    """A program, kegiatan or sub kegiatan as its row gives it, before it is linked to its parent."""

    role: PeranKolom
    nama: Teks
    pagu: Uang | None
    sasaran: SasaranDoc | None
    indikator: list[IndikatorDoc] = field(default_factory=list)
    extra: list[Uang] = field(default_factory=list)  # pagu cells of continuation rows (merged name cell)
    row: Row | None = None
    doc: ProgramDoc | KegiatanDoc | SubKegiatanDoc | None = None


@dataclass
class _Section:
    letter: str
    rows: list[Row]
    level: PeranKolom | None = None
    sasaran: list[SasaranDoc] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)

    @property
    def tabel_name(self) -> str:
        return f"Matriks bagian {self.letter}"


class _Reader:
    def __init__(self, grid: Grid, sheet: Sheet, tabel: Tabel):
        self.grid, self.sheet, self.tabel = grid, sheet, tabel
        self.doc = RencanaAksiDoc(dokumen=grid.dokumen, format=grid.format, layout=NAME)
        self.doc.decisions.extend(grid.decisions + tabel.decisions)
        self.doc.warnings.extend(grid.warnings)

    # --- places ------------------------------------------------------------------------------------------

    def place(self, section: _Section, row: Row, col: int | None = None, role: PeranKolom | None = None) -> Place:
        return dataclasses.replace(self.tabel.place(row, col, role), tabel=section.tabel_name)

    # --- the pieces ----------------------------------------------------------------------------------------

    def read(self) -> RencanaAksiDoc:
        self._title()
        sections = self._sections()
        if not sections:
            raise ImporGagal(gettext("tabel matriks tidak memiliki baris isi."), self.tabel.header_place())
        for section in sections:
            self._read_section(section)
        self._link(sections)
        self._after_table()
        return self.doc

    def _title(self) -> None:
        rows = self.sheet.rows
        before = [r for r in rows if r.number < self.tabel.header.number]
        lines = [r for r in before if len([c for c in r.cells if c.strip()]) == 1]
        judul = baca_judul([(bersih(next(c for c in r.cells if c.strip())), self.grid.place(self.sheet, r))
                            for r in lines])
        self.doc.judul = judul.judul
        self.doc.perangkat_daerah = judul.perangkat_daerah
        self.doc.pemda_jenis, self.doc.pemda_nama, self.doc.tahun = judul.pemda_jenis, judul.pemda_nama, judul.tahun

    def _sections(self) -> list[_Section]:
        """Cut the rows where the numbering restarts at 1 (a "1" after any numbered row of the section)."""
        sections: list[_Section] = []
        numbered = False
        for row in self.tabel.rows:
            nomor = self.tabel.cell(row, PeranKolom.NO).rstrip(".")
            if not sections or (nomor == "1" and numbered):
                sections.append(_Section(letter=_letter(len(sections)), rows=[]))
                numbered = False
            numbered = numbered or bool(nomor)
            sections[-1].rows.append(row)
        for section in sections:
            section.level = self._section_level(section)
        return sections

    def _name_cells(self, row: Row) -> dict[PeranKolom, tuple[str, int]]:
        names = {}
        for role in BUDGET:
            col = self.tabel.col(role)
            if col is None:
                continue
            text = bersih(row.cell(col))
            if text and not looks_like_money(text):
                names[role] = (text, col)
        return names

    def _section_level(self, section: _Section) -> PeranKolom | None:
        counts = {role: 0 for role in BUDGET}
        for row in section.rows:
            for role, (text, _col) in self._name_cells(row).items():
                if not text[:1].isdigit():  # "1 rencana aksi, 2 renja …" is a remark, not a name
                    counts[role] += 1
        role, count = max(counts.items(), key=lambda kv: kv[1])
        return role if count and count * 3 >= len(section.rows) else None

    def _pagu(self, section: _Section, row: Row) -> Uang | None:
        col = self.tabel.col(PeranKolom.PAGU)
        if col is None:
            return None
        text = bersih(row.cell(col))
        if text:
            return baca_uang(self.doc, text, self.place(section, row, col))
        right = bersih(row.cell(col + 1))
        if right and looks_like_money(right):
            place = self.place(section, row, col + 1)
            self.doc.decide(
                "pagu.geser_kolom",
                gettext("Nilai %(right)s tertulis satu kolom di kanan kolom %(teks)s (sel %(teks)s kosong); "
                        "dibaca sebagai pagu baris ini.")
                % {"right": right, "teks": self.tabel.judul_kolom.get(col, 'ANGGARAN')},
                place,
            )
            uang = baca_uang(self.doc, right, place)
            return dataclasses.replace(uang, catatan="tertulis satu kolom ke kanan") if uang else None
        for role in BUDGET:  # a pagu slipped left into a name column
            bcol = self.tabel.col(role)
            if bcol is not None and looks_like_money(bersih(row.cell(bcol))) and bcol == col - 1:
                text = bersih(row.cell(bcol))
                place = self.place(section, row, bcol)
                self.doc.decide("pagu.geser_kolom",
                                gettext("Nilai %(text)s tertulis di kolom %(kolom)s (sel "
                                        "ANGGARAN kosong); dibaca sebagai pagu baris ini.")
                                % {"text": text, "kolom": ITEM_LABEL[role].upper()}, place)
                return baca_uang(self.doc, text, place)
        return None

    def _read_section(self, section: _Section) -> None:
        level = LEVEL[section.level]
        sasaran: SasaranDoc | None = None
        indikator: IndikatorDoc | None = None
        item: _Item | None = None
        for row in section.rows:
            nomor = self.tabel.cell(row, PeranKolom.NO)
            uraian = self.tabel.cell(row, PeranKolom.SASARAN)
            nama_indikator = self.tabel.cell(row, PeranKolom.INDIKATOR)
            if uraian:
                if sasaran is not None and not nomor and uraian[:1].islower():
                    # A statement wrapped onto the next line by the copy.
                    sasaran.uraian = Teks(f"{sasaran.uraian.teks} {uraian}", sasaran.uraian.place)
                    self.doc.decide("sasaran.sambung", gettext("Teks sasaran pada baris %(row_number)s "
                                                               "dibaca sebagai lanjutan sasaran di atasnya "
                                                               "(huruf awal kecil).")
                                                       % {"row_number": row.number},
                                    self.place(section, row, role=PeranKolom.SASARAN))
                else:
                    sasaran = SasaranDoc(Teks(uraian, self.place(section, row, role=PeranKolom.SASARAN)), level=level,
                                         nomor=nomor.rstrip(".") if is_row_number(nomor) else nomor)
                    section.sasaran.append(sasaran)
                    self.doc.sasaran.append(sasaran)
                    indikator = None
            if nama_indikator:
                if sasaran is None:
                    sasaran = SasaranDoc(Teks("", self.place(section, row, role=PeranKolom.SASARAN)), level=level,
                                         nomor=nomor)
                    section.sasaran.append(sasaran)
                    self.doc.sasaran.append(sasaran)
                    self.doc.warn("sasaran.kosong", gettext("Indikator tanpa teks sasaran; sasaran dibuat "
                                                            "tanpa uraian."),
                                  self.place(section, row, role=PeranKolom.SASARAN))
                indikator = self._indikator(section, row, nama_indikator)
                sasaran.indikator.append(indikator)
                if item is not None and not self._name_cells(row):
                    item.indikator.append(indikator)  # the name cell above is merged over this row
            names = self._name_cells(row)
            pagu = self._pagu(section, row)
            new_item = self._item_on_row(section, row, names, pagu, sasaran, indikator)
            if new_item is not None:
                item = new_item
                section.items.append(item)
            elif pagu is not None:
                if item is not None:
                    item.extra.append(pagu)
                else:
                    self.doc.warn("pagu.tanpa_nama", gettext("Pagu %(pagu_teks)s tanpa nama "
                                                             "program/kegiatan/sub kegiatan dan tanpa baris "
                                                             "di atasnya; tidak ditempatkan.")
                                                     % {"pagu_teks": pagu.teks}, pagu.place)

    def _indikator(self, section: _Section, row: Row, nama: str) -> IndikatorDoc:
        satuan = self.tabel.cell(row, PeranKolom.SATUAN)
        indikator = IndikatorDoc(
            nama=Teks(nama, self.place(section, row, role=PeranKolom.INDIKATOR)),
            satuan=Teks(satuan, self.place(section, row, role=PeranKolom.SATUAN)) if satuan else None,
        )
        tcol = self.tabel.col(PeranKolom.TARGET)
        if tcol is not None:
            indikator.target = baca_nilai(self.doc, row.cell(tcol), self.place(section, row, tcol), satuan)
        for tw, col in enumerate(self.tabel.tw):
            if col is not None:
                indikator.triwulan[tw] = baca_nilai(self.doc, row.cell(col), self.place(section, row, col), satuan)
        return indikator

    def _item_on_row(self, section: _Section, row: Row, names: dict, pagu: Uang | None,
                     sasaran: SasaranDoc | None, indikator: IndikatorDoc | None) -> _Item | None:
        level = section.level
        if not names:
            return None
        if level is None:
            for role, (text, col) in names.items():
                place = self.place(section, row, col)
                target = sasaran.indikator[-1] if sasaran and sasaran.indikator else None
                if target is not None:
                    target.keterangan.append(Teks(text, place))
                    self.doc.decide(
                        "kolom.keterangan",
                        gettext("Teks '%(text)s' di kolom %(kolom)s pada bagian keluaran "
                                "(tanpa anggaran) dibaca sebagai keterangan target indikator pada baris "
                                "yang sama.")
                        % {"text": text, "kolom": ITEM_LABEL[role].upper()}, place)
                else:
                    self.doc.warn("kolom.tidak_ditempatkan", gettext("Teks '%(text)s' tidak dapat ditempatkan.")
                                                             % {"text": text}, place)
            return None
        if level in names:
            text, col = names[level]
        else:
            role, (text, col) = next(iter(names.items()))
            self.doc.decide(
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
                self.place(section, row, col),
            )
        nama = nama_anggaran(text, level.value) or text
        return _Item(role=level, nama=Teks(nama, self.place(section, row, col)), pagu=pagu,
                     sasaran=sasaran, indikator=[indikator] if indikator else [], row=row)

    # --- linking the sections ------------------------------------------------------------------------------

    def _link(self, sections: list[_Section]) -> None:
        items: dict[PeranKolom, list[_Item]] = {role: [] for role in BUDGET}
        for section in sections:
            if section.level is not None:
                items[section.level].extend(section.items)
        for role in BUDGET:
            for item in items[role]:
                item.doc = self._make_doc(item)
        programs = [i.doc for i in items[PeranKolom.PROGRAM]]
        if items[PeranKolom.KEGIATAN] and not programs:
            programs = [self._no_program()]
        self.doc.program = programs
        parents_k = self._attach(items[PeranKolom.KEGIATAN], programs, "kegiatan", "program")
        kegiatan = [i.doc for i in items[PeranKolom.KEGIATAN]]
        if items[PeranKolom.SUB_KEGIATAN] and not kegiatan:
            placeholder = self._no_kegiatan()
            programs = programs or [self._no_program()]
            self.doc.program = programs
            programs[0].kegiatan.append(placeholder)
            kegiatan = [placeholder]
        parents_s = self._attach(items[PeranKolom.SUB_KEGIATAN], kegiatan, "sub kegiatan", "kegiatan")
        self._choose_extra_pagu(items, parents_k, parents_s)
        item_of = {id(i.doc): i for role in BUDGET for i in items[role]}
        for children, parents in ((items[PeranKolom.KEGIATAN], parents_k), (items[PeranKolom.SUB_KEGIATAN], parents_s)):
            for child, parent in zip(children, parents, strict=True):
                parent_item = item_of.get(id(parent))
                self._set_parent(child, parent_item.sasaran if parent_item else None)
        for section in sections:
            if section.level is None:
                self._outputs(section, items[PeranKolom.SUB_KEGIATAN])

    def _make_doc(self, item: _Item):
        cls = {PeranKolom.PROGRAM: ProgramDoc, PeranKolom.KEGIATAN: KegiatanDoc, PeranKolom.SUB_KEGIATAN: SubKegiatanDoc}[item.role]
        pagu = item.pagu
        if item.extra and pagu is not None and pagu.nilai is not None:
            # Read as the sum of the cells for now; `_choose_extra_pagu` checks that against the stated sums.
            parts = (pagu, *item.extra)
            pagu = Uang(sum(p.nilai or 0 for p in parts), " + ".join(p.teks for p in parts), pagu.place,
                        catatan="jumlah sel pagu dari satu nama yang selnya digabung ke bawah", bagian=parts)
        return cls(nama=item.nama, pagu=pagu, indikator=list(item.indikator))

    def _no_program(self) -> ProgramDoc:
        self.doc.warn("program.tidak_ada", _missing("program", "kegiatan"))
        return ProgramDoc(nama=Teks("(program tidak disebut)"))

    def _no_kegiatan(self) -> KegiatanDoc:
        self.doc.warn("kegiatan.tidak_ada", _missing("kegiatan", "sub kegiatan"))
        return KegiatanDoc(nama=Teks("(kegiatan tidak disebut)"))

    def _attach(self, children: list[_Item], parents: list, child_label: str, parent_label: str) -> list:
        """Put each child under a parent (see `tautan`); returns the parent of each child and reports how."""
        if not children:
            return []
        kids = [tautan.Item(c.doc.nama.teks, c.doc.pagu.nilai if c.doc.pagu else None) for c in children]
        pars = [tautan.Item(p.nama.teks, p.pagu.nilai if p.pagu else None) for p in parents]
        chosen = tautan.hubungkan(kids, pars)
        assert chosen is not None  # parents is never empty here (placeholders)
        owners = [parents[p] for p in chosen.induk]
        for child, owner in zip(children, owners, strict=True):
            (owner.kegiatan if isinstance(owner, ProgramDoc) else owner.sub_kegiatan).append(child.doc)
        if len(parents) > 1:
            how = "menurut urutan (kelompok berurutan)" if chosen.cara == "urutan" else "menurut kemiripan nama"
            differ = "; ".join(f"{parents[p].nama.teks}: tertulis {rp(stated)}, jumlah {child_label} {rp(total)}"
                               for p, stated, total in chosen.selisih)
            self.doc.decide(
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

    def _choose_extra_pagu(self, items: dict[PeranKolom, list[_Item]], parents_k: list, parents_s: list) -> None:
        """An item with several pagu cells (its name cell merged over them): their sum, or the first cell only?

        The reading that comes closer to the sums the document states is kept: one level up (the parent's
        pagu against the sum of the siblings) and one level down (this pagu against its children).
        """
        parent_of = {id(c.doc): p for c, p in zip(items[PeranKolom.KEGIATAN], parents_k, strict=True)}
        parent_of |= {id(c.doc): p for c, p in zip(items[PeranKolom.SUB_KEGIATAN], parents_s, strict=True)}
        for role in BUDGET:
            for item in items[role]:
                combined = item.doc.pagu
                if combined is None or not combined.bagian:
                    continue
                first = combined.bagian[0]
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
                        self.doc.warn("pagu.tidak_ditempatkan", gettext("Pagu %(extra_teks)s tidak ditempatkan "
                                                                        "(lihat keputusan sel pagu gabungan).")
                                                                % {"extra_teks": extra.teks}, extra.place)
                rows = ", ".join(str(p.place.baris) for p in combined.bagian if p.place)
                self.doc.decide(
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

    def _set_parent(self, child: _Item, parent_sasaran: SasaranDoc | None) -> None:
        """The sasaran of a child's rows hang under the sasaran of its parent's row."""
        if parent_sasaran is None:
            return
        owners = {id(i): s for s in self.doc.sasaran for i in s.indikator}
        for sasaran in [child.sasaran] + [owners.get(id(i)) for i in child.indikator]:
            if sasaran is not None and sasaran.parent is None and sasaran is not parent_sasaran:
                sasaran.parent = parent_sasaran

    def _outputs(self, section: _Section, subs: list[_Item]) -> None:
        """Pair the rows of an output section (no budget column) with the sub kegiatan of the section before."""
        indikator = [(s, i) for s in section.sasaran for i in s.indikator]
        if not indikator or not subs:
            return
        if len(indikator) == len(subs):
            pairs = list(zip(indikator, subs, strict=True))
            how = "berurutan, karena jumlah barisnya sama"
        else:
            pairs = [((s, i), max(subs, key=lambda sub, s=s: kemiripan(s.uraian.teks, sub.nama.teks)))
                     for s, i in indikator]
            how = f"menurut kemiripan nama ({len(indikator)} indikator, {len(subs)} sub kegiatan)"
        for (sasaran, ind), sub in pairs:
            sub.doc.indikator.append(ind)
            if sasaran.parent is None:
                sasaran.parent = sub.sasaran
        self.doc.decide(
            "tautan.keluaran",
            gettext("Bagian %(letter)s tidak memuat kolom anggaran: %(n_indikator)s indikatornya dibaca "
                    "sebagai indikator keluaran sub kegiatan bagian sebelumnya dan dipasangkan %(how)s.")
            % {"letter": section.letter, "n_indikator": len(indikator), "how": how},
            indikator[0][1].nama.place,
        )

    # --- after the table: signature, detached PENANGGUNG JAWAB ---------------------------------------------

    def _after_table(self) -> None:
        rows = self.sheet.rows
        last = self.tabel.rows[-1].number if self.tabel.rows else self.tabel.header.number
        start = next((i for i, r in enumerate(rows) if r.number > last), len(rows))
        index = start
        while index < len(rows):
            row = rows[index]
            text = bersih(row.cell(0))
            block = baca_tanda_tangan(self.doc, rows, index, lambda r: self.grid.place(self.sheet, r))
            if block is not None:
                self.doc.tempat = self.doc.tempat or block.tempat
                self.doc.tanggal = self.doc.tanggal or block.tanggal
                if block.tanggal is None:
                    self.doc.decide("tanggal.tanpa_hari", gettext("Tanggal penetapan '%(tanggal_teks)s' "
                                                                  "tidak memuat hari; tanggal dibiarkan "
                                                                  "kosong, tempat disimpan.")
                                                          % {"tanggal_teks": block.tanggal_teks}, block.place)
                if block.pejabat is not None:
                    block.pejabat.kepala_pd = True
                    self.doc.pejabat.append(block.pejabat)
                    self.doc.penandatangan = self.doc.penandatangan or block.pejabat
                index = block.last_index + 1
                continue
            if text.upper().replace(" ", "") in ("PENANGGUNGJAWAB", "PJ"):
                index = self._detached_pj(rows, index)
                continue
            index += 1

    def _detached_pj(self, rows: list[Row], index: int) -> int:
        entries: list[Teks] = []
        i = index + 1
        while i < len(rows):
            row = rows[i]
            if len([c for c in row.cells if c.strip()]) > 1:
                break
            text = bersih(row.cell(0))
            if text:
                place = self.grid.place(self.sheet, row)
                if entries and entries[-1].teks.upper().endswith((" DAN", ",", "&", "-", " SERTA")):
                    entries[-1] = Teks(f"{entries[-1].teks} {text}", entries[-1].place)  # a wrapped jabatan
                else:
                    entries.append(Teks(text, place))
            i += 1
        self.doc.penanggung_jawab_lepas.extend(entries)
        if entries:
            self.doc.warn(
                "pj.terlepas",
                gettext(
                    "Kolom PENANGGUNG JAWAB terlepas dari tabel: %(n_jabatan)s jabatan tertulis sesudah "
                    "tanda tangan (baris %(baris_awal)s–%(baris_akhir)s), "
                    "sedangkan tabel memiliki %(n_baris)s baris. Urutannya tidak dapat "
                    "dipasangkan baris demi baris, jadi penanggung jawab tidak diisi. Daftar: %(teks)s."
                )
                % {
                    "n_jabatan": len(entries),
                    "baris_awal": entries[0].place.baris,
                    "baris_akhir": entries[-1].place.baris,
                    "n_baris": len(self.tabel.rows),
                    "teks": "; ".join(e.teks for e in entries),
                },
                self.grid.place(self.sheet, rows[index]),
            )
        return i


def _letter(index: int) -> str:
    """A, B, … Z, then AA, AB …: the name of the n-th section in messages."""
    return chr(ord("A") + index) if index < 26 else _letter(index // 26 - 1) + chr(ord("A") + index % 26)


def read(grid: Grid) -> RencanaAksiDoc:
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            if is_matrix(tabel):
                return _Reader(grid, sheet, tabel).read()
    raise ImporGagal(gettext("tidak ditemukan tabel matriks (NO, SASARAN, INDIKATOR, TARGET, "
                             "PROGRAM/KEGIATAN, ANGGARAN)."),
                     Place(grid.dokumen))



def _missing(label: str, child_label: str) -> str:
    return gettext("Dokumen memuat %(anak)s tetapi tidak memuat %(induk)s; %(anak)s ditempatkan di bawah "
                   "'(%(induk)s tidak disebut)'.") % {"anak": child_label, "induk": label}
