"""Formats any `blok.Dokumen` as PDF with WeasyPrint; knows nothing about the document it formats.

The blocks become a print view model (`_Halaman`, `_TabelCetak`, …: every value already shown the Indonesian way),
the view model is rendered by `laporan/pdf/dokumen.html` with its print stylesheet `laporan/pdf/cetak.css`, and
WeasyPrint lays that out:
- each `Bagian` is a CSS named page (`a4-potret`, `a4-lanskap`, `a3-lanskap`, …, `sampul-…` for a cover: no page
  number), so each starts on a new page of its own size;
- table header rows are a `<thead>` (repeated on every page), body rows never break inside, totals are bold;
- a page break never cuts a cell merged over rows (rowspan) before its text ends: WeasyPrint draws such a cell's
  text whole on the page where the cell starts, so a break between two of its rows that comes before its last line
  printed the rest below the table's ruled line at the foot of the page (WeasyPrint issue 663). The rows a merged
  cell's text needs are kept together (`break-after: avoid` on all but the last of them, `_rapat`, from an estimate
  of the text's height and of the rows' that errs on the safe side); a break after them leaves the cell's text
  whole on its page and continues the cell empty on the next;
- a table's font shrinks when its columns cannot fit the page at the normal size (`_kepadatan`); its columns
  keep the document's proportions but are never narrower than their longest number or word of up to seven letters
  (`_lebar_kolom`, a fixed table
  layout: WeasyPrint's automatic one measures every cell's text and made a large plan's PDF take minutes); long words wrap
  (broken inside only when a word is longer than its column) and numbers never wrap (unless the table is too
  wide for the page even at the smallest font: then a number breaks rather than runs off the page);
- the drawing of a `Gambar` is embedded as an SVG image scaled to the page width; nothing outside the document is
  ever fetched (only `data:` URLs), so text typed by a user cannot make the renderer read a file or a URL.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from renaksi.core.bulan import format_tanggal
from renaksi.laporan import blok, grid

# Width and height of the page area inside the margins (mm), as cetak.css sets the margins.
UKURAN_HALAMAN_MM: dict[tuple[str, str], tuple[int, int]] = {
    ("A4", "potret"): (210 - 25 - 20, 297 - 20 - 22),
    ("A4", "lanskap"): (297 - 20 - 15, 210 - 15 - 18),
    ("A3", "potret"): (297 - 25 - 20, 420 - 20 - 22),
    ("A3", "lanskap"): (420 - 20 - 15, 297 - 15 - 18),
}
PT_PER_MM = 72 / 25.4
# Table font sizes, largest first: a table takes the largest at which its columns fit the page (cetak.css .padat-N).
UKURAN_HURUF_TABEL_PT = (8.5, 7.5, 6.5, 5.5, 4.5)
# Advance of DejaVu Sans characters in em (digits 0.636, separators 0.318, letters about 0.62), and a cell's
# horizontal padding plus border in pt, as cetak.css sets them (for the estimate only).
_LEBAR_HURUF_EM = 0.62
_LEBAR_ANGKA_EM = 0.64
_LEBAR_PEMISAH_EM = 0.32
_PADDING_SEL_PT = (5.6, 5.6, 3.6, 3.6, 3.6)  # one per UKURAN_HURUF_TABEL_PT
# Room added to the estimated width a column's content needs (bold capitals are wider than the average letter).
_LONGGAR = 1.25
# A word longer than this may be broken inside a narrow column; a number never is.
_KATA_UTUH = 7
# A table takes the largest font at which its numbers and short words need at most this share of the page's width,
# so that what is left keeps its text columns readable (the RA document's aksi table: twelve month columns); if no
# font leaves that much, the largest at which they fit at all.
_RUANG_TEKS = 0.7


def render(dokumen: blok.Dokumen) -> bytes:
    from weasyprint import HTML  # heavy: imported when a PDF is made, not when Django starts
    from weasyprint.urls import URLFetcher

    html = render_to_string("laporan/pdf/dokumen.html", {"dokumen": _cetak(dokumen)})
    # Only the document's own data: URLs (the embedded drawing); nothing from disk or the network, so that text
    # typed by a user (an SVG label, say) cannot make the renderer read a file or a URL.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


# ---------------------------------------------------------------------------------------------- the view model


@dataclass
class _SelCetak:
    teks: str
    kelas: str
    rowspan: int = 1
    colspan: int = 1
    latar: str = ""  # "#RRGGBB"


@dataclass
class _BarisCetak:
    sel: list[_SelCetak]
    kelas: str  # "baris-data" …, and "rapat" when no page break may follow the row (see `_rapat`)


@dataclass
class _TabelCetak:
    judul: str
    catatan: str
    kepala: list[_BarisCetak]
    baris: list[_BarisCetak]
    lebar_persen: list[str]
    padat: int  # index into UKURAN_HURUF_TABEL_PT
    sesak: bool  # too wide even at the smallest font: numbers may break too, rather than run off the page
    jumlah_kolom: int
    jenis: str = "tabel"


@dataclass
class _JudulCetak:
    teks: str
    tingkat: int
    jenis: str = "judul"


@dataclass
class _ParagrafCetak:
    alinea: list[str]
    kelas: str
    jenis: str = "paragraf"


@dataclass
class _PenandatanganCetak:
    tempat_tanggal: str
    keterangan: str
    jabatan: str
    nama: str
    pangkat_golongan: str
    nip: str  # the whole line: "NIP. 19700101 199003 1 001", dots to fill in when the name is still blank, or ""


@dataclass
class _TandaTanganCetak:
    penandatangan: list[_PenandatanganCetak]
    jenis: str = "tanda_tangan"

    # A line is printed when any of the blocks has it, so that blocks side by side stay level.
    @property
    def ada_tempat_tanggal(self) -> bool:
        return any(p.tempat_tanggal for p in self.penandatangan)

    @property
    def ada_keterangan(self) -> bool:
        return any(p.keterangan for p in self.penandatangan)

    @property
    def ada_pangkat(self) -> bool:
        return any(p.pangkat_golongan for p in self.penandatangan)

    @property
    def ada_nip(self) -> bool:
        return any(p.nip for p in self.penandatangan)


@dataclass
class _GambarCetak:
    src: str
    alt: str
    lebar: str  # CSS width
    tinggi_maks: str  # CSS max-height: the page area's height
    jenis: str = "gambar"


@dataclass
class _Halaman:
    nama_halaman: str  # the CSS named page
    sampul: bool
    blok: list = field(default_factory=list)


@dataclass
class _DokumenCetak:
    judul: str
    pembuat: str
    subjek: str
    kata_kunci: str
    draf: bool
    halaman: list[_Halaman]


def _cetak(dokumen: blok.Dokumen) -> _DokumenCetak:
    return _DokumenCetak(
        judul=dokumen.judul,
        pembuat=dokumen.pembuat,
        subjek=dokumen.subjek,
        kata_kunci=", ".join(k for k in dokumen.kata_kunci if k),
        draf=dokumen.draf,
        halaman=[_halaman(bagian) for bagian in dokumen.bagian],
    )


def _halaman(bagian: blok.Bagian) -> _Halaman:
    ukuran, orientasi = bagian.ukuran, bagian.orientasi
    nama = f"{ukuran.lower()}-{orientasi}"
    halaman = _Halaman(nama_halaman=f"sampul-{nama}" if bagian.sampul else nama, sampul=bagian.sampul)
    lebar_mm, tinggi_mm = UKURAN_HALAMAN_MM[(ukuran, orientasi)]
    for item in bagian.blok:
        if isinstance(item, blok.Tabel):
            halaman.blok.append(_tabel(item, lebar_mm))
        elif isinstance(item, blok.Judul):
            halaman.blok.append(_JudulCetak(teks=item.teks, tingkat=min(max(item.tingkat, 1), 3)))
        elif isinstance(item, blok.Paragraf):
            halaman.blok.append(_paragraf(item))
        elif isinstance(item, blok.TandaTangan):
            halaman.blok.append(_TandaTanganCetak([_penandatangan(p) for p in item.penandatangan]))
        elif isinstance(item, blok.Gambar):
            halaman.blok.append(_gambar(item, lebar_mm, tinggi_mm))
        else:  # pragma: no cover - a new block type must be taught to every formatter
            raise TypeError(f"Blok {type(item).__name__} tidak dikenal oleh format PDF.")
    return halaman


def _paragraf(paragraf: blok.Paragraf) -> _ParagrafCetak:
    alinea = [a.strip() for a in paragraf.teks.replace("\r\n", "\n").split("\n\n") if a.strip()]
    return _ParagrafCetak(alinea=alinea, kelas=f"rata-{paragraf.rata}" if paragraf.rata else "")


def _penandatangan(p: blok.Penandatangan) -> _PenandatanganCetak:
    tanggal = format_tanggal(p.tanggal)
    return _PenandatanganCetak(
        tempat_tanggal=", ".join(x for x in (p.tempat, tanggal) if x),
        keterangan=p.keterangan,
        jabatan=p.jabatan,
        nama=p.nama,
        pangkat_golongan=p.pangkat_golongan,
        nip=f"{_('NIP.')} {p.nip}" if p.nip else ("" if p.nama else f"{_('NIP.')} ………………………………"),
    )


def _gambar(gambar: blok.Gambar, lebar_mm: int, tinggi_mm: int) -> _GambarCetak:
    svg = base64.b64encode(gambar.svg.encode("utf-8")).decode("ascii")
    lebar = f"{min(gambar.lebar_mm, lebar_mm)}mm" if gambar.lebar_mm else "100%"
    return _GambarCetak(src=f"data:image/svg+xml;base64,{svg}", alt=gambar.alt, lebar=lebar,
                        tinggi_maks=f"{tinggi_mm - 20}mm")


# ---------------------------------------------------------------------------------------------- tables


def _sel(sel: blok.Sel, kepala: bool) -> _SelCetak:
    kelas = []
    angka = grid.angka_sel(sel)
    if angka:
        kelas.append("angka")
    rata = sel.rata or ("" if kepala else ("kanan" if angka else ""))
    if rata:
        kelas.append(f"rata-{rata}")
    if sel.tebal:
        kelas.append("tebal")
    latar = grid.warna(sel.isi_latar)
    return _SelCetak(
        teks=grid.teks_sel(sel),
        kelas=" ".join(kelas),
        rowspan=max(sel.rowspan, 1),
        colspan=max(sel.colspan, 1),
        latar=f"#{latar}" if latar else "",
    )


def _grid_kolom(tabel: blok.Tabel) -> int:
    """The number of grid columns: `lebar` says it; when it is missing, the widest row does."""
    rows = [row for row in tabel.kepala] + [b.sel for b in tabel.baris]
    terlebar = max((sum(max(s.colspan, 1) for s in row) for row in rows), default=0)
    return max(len(tabel.lebar), terlebar, 1)


def _tabel(tabel: blok.Tabel, lebar_halaman_mm: int) -> _TabelCetak:
    jumlah_kolom = _grid_kolom(tabel)
    lebar = [max(w, 0) for w in tabel.lebar] + [0] * (jumlah_kolom - len(tabel.lebar))
    if not any(lebar):
        lebar = [1] * jumlah_kolom
    lebar = [w or min(w for w in lebar if w) for w in lebar]  # a column without a width gets the narrowest
    kisi = grid.susun(tabel)
    padat, muat, perlu_em = _kepadatan(kisi, jumlah_kolom, lebar_halaman_mm)
    halaman_pt = lebar_halaman_mm * PT_PER_MM
    if muat:
        pt, padding = UKURAN_HURUF_TABEL_PT[padat], _PADDING_SEL_PT[padat]
        # The estimate with room to spare, as much of it as the page has.
        longgar = min(_LONGGAR, (halaman_pt - padding * len(perlu_em)) / (sum(perlu_em) * pt))
        perlu_pt = [em * pt * max(longgar, 1) + padding for em in perlu_em]
        lebar = _lebar_kolom(lebar, perlu_pt, halaman_pt)
    total = sum(lebar)
    kepala = [_BarisCetak([_sel(s, True) for s in row], "") for row in tabel.kepala]
    rapat = _rapat(kisi, [halaman_pt * w / total for w in lebar], padat)
    baris = [_BarisCetak([_sel(s, False) for s in b.sel], f"baris-{b.jenis}{' rapat' if r else ''}")
             for b, r in zip(tabel.baris, rapat, strict=True)]
    return _TabelCetak(
        judul=tabel.judul,
        catatan=tabel.catatan,
        kepala=kepala,
        baris=baris,
        lebar_persen=[f"{100 * w / total:.3f}" for w in lebar],
        padat=padat,
        sesak=not muat,
        jumlah_kolom=jumlah_kolom,
    )


def _lebar_kolom(lebar: list[int], perlu_pt: list[float], halaman_pt: float) -> list[float]:
    """Column widths for the table's fixed layout: the document's proportions (`lebar`), but no column narrower
    than its longest number or short word (`perlu_pt`; numbers and words of up to `_KATA_UTUH` letters never wrap,
    longer words may break anywhere) — what the automatic table
    layout gave, without WeasyPrint measuring the text of every cell (slow: with words breakable anywhere, each cell's
    narrowest width is found one character at a time)."""
    tetap: dict[int, float] = {}  # columns held at their need
    while True:
        bebas = [i for i in range(len(lebar)) if i not in tetap]
        sisa, total = halaman_pt - sum(tetap.values()), sum(lebar[i] for i in bebas)
        kurang = [i for i in bebas if sisa * lebar[i] / total < perlu_pt[i]] if total else []
        if not kurang:
            return [tetap[i] if i in tetap else sisa * lebar[i] / total for i in range(len(lebar))]
        tetap.update((i, perlu_pt[i]) for i in kurang)


def _kepadatan(kisi: grid.Kisi, jumlah_kolom: int, lebar_halaman_mm: int) -> tuple[int, bool, list[float]]:
    """The largest table font at which every column's narrowest possible content fits the page, whether it fits
    at all (the smallest font otherwise), and the width in em each column needs: its longest number or short word
    (a month "Jan", "TARGET", "dokumen" is never broken inside).

    A column can be no narrower than its longest number (numbers never wrap) or a short word (longer words are
    broken); a cell spanning several columns shares its need among them.
    """
    perlu_em = [1.0] * jumlah_kolom  # a character at least
    for letak in kisi.letak:
        sel, span = letak.sel, letak.colspan
        teks = grid.teks_sel(sel)
        if grid.angka_sel(sel):
            em = sum(_LEBAR_PEMISAH_EM if ch in ".," else _LEBAR_ANGKA_EM for ch in teks)
        else:
            em = min(max((len(k) for k in teks.split()), default=0), _KATA_UTUH) * _LEBAR_HURUF_EM
        em = em * (1.08 if (kisi.jenis[letak.baris] == "kepala" or sel.tebal) else 1) / span
        for kolom in range(letak.kolom, min(letak.kolom + span, jumlah_kolom)):
            perlu_em[kolom] = max(perlu_em[kolom], em)
    jumlah_em = sum(perlu_em)
    lebar_pt = lebar_halaman_mm * PT_PER_MM
    for ruang in (_RUANG_TEKS, 1):
        for indeks, pt in enumerate(UKURAN_HURUF_TABEL_PT):
            padding = _PADDING_SEL_PT[indeks] * jumlah_kolom
            if jumlah_em * pt + padding <= lebar_pt * ruang:
                return indeks, True, perlu_em
    return len(UKURAN_HURUF_TABEL_PT) - 1, False, perlu_em


# ---------------------------------------------------------------------------------------------- merged cells and page breaks

# Advance of DejaVu Sans characters in em (its hmtx table); anything else counts as the widest letter when a text's
# height is overestimated and as a narrow one when it is underestimated.
_LEBAR_KARAKTER_EM = {
    **dict(zip("abcdefghijklmnopqrstuvwxyz", (
        .613, .635, .550, .635, .615, .352, .635, .634, .278, .278, .579, .278, .974, .634, .612, .635, .635, .411,
        .521, .392, .634, .592, .818, .592, .592, .525), strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
        .684, .686, .698, .770, .632, .575, .775, .752, .295, .295, .656, .557, .863, .748, .787, .603, .787, .695,
        .635, .611, .732, .684, .989, .685, .611, .685), strict=True)),
    **dict.fromkeys("0123456789", .636),
    " ": .318, ".": .318, ",": .318, ":": .337, ";": .337, "/": .337, "-": .361, "(": .390, ")": .390, "%": .950,
    "&": .780, "'": .275, '"': .460, "+": .838, "=": .838, "*": .500, "?": .531, "!": .401, "_": .500,
}
_LEBAR_KARAKTER_MAKS_EM = 1.0
_LEBAR_KARAKTER_MIN_EM = 0.275
# DejaVu Sans Bold is up to a quarter wider than the regular face (i, f, t); the rest is room for kerning and
# for Pango wrapping a line a word earlier than the estimate.
_TEBAL = 1.25
_AMAN = 1.08
_TINGGI_BARIS_EM = 1.25  # .tabel line-height in cetak.css
_GARIS_PT = 0.6  # .tabel cell border in cetak.css


def _padding_pt(padat: int) -> tuple[float, float]:
    """A cell's (vertical, horizontal) padding on each side, as cetak.css sets it for the table's font size."""
    return (1.2, 2.5) if padat < 2 else (1.0, 1.5)


def _baris_paling_banyak(teks: str, lebar_em: float, tebal: bool) -> int:
    """At least as many lines as `teks` takes in a column `lebar_em` wide: wrapped at spaces only, every letter a
    little wider than it is (a word longer than the column breaks inside, as `overflow-wrap: anywhere` does)."""
    faktor = _AMAN * (_TEBAL if tebal else 1)
    lebar_em = max(lebar_em, _LEBAR_KARAKTER_MAKS_EM * faktor)
    jumlah = 0
    for alinea in teks.split("\n"):
        baris, terisi = 1, 0.0
        for kata in alinea.split():
            huruf = [_LEBAR_KARAKTER_EM.get(ch, _LEBAR_KARAKTER_MAKS_EM) * faktor for ch in kata]
            em = sum(huruf)
            spasi = _LEBAR_KARAKTER_EM[" "] * faktor if terisi else 0.0
            if terisi + spasi + em <= lebar_em:
                terisi += spasi + em
                continue
            if terisi:
                baris, terisi = baris + 1, 0.0
            if em <= lebar_em:
                terisi = em
                continue
            for lebar_huruf in huruf:  # a word longer than the column: broken inside, where a letter no longer fits
                if terisi + lebar_huruf > lebar_em:
                    baris, terisi = baris + 1, 0.0
                terisi += lebar_huruf
        jumlah += baris
    return jumlah


def _baris_paling_sedikit(teks: str, lebar_em: float) -> int:
    """At most as many lines as `teks` takes in a column `lebar_em` wide: its letters (a little narrower than they
    are) laid end to end, as if any line could be filled to the last point."""
    jumlah = 0
    for alinea in teks.split("\n"):
        em = sum(_LEBAR_KARAKTER_EM.get(ch, _LEBAR_KARAKTER_MIN_EM) for ch in alinea.strip()) / _AMAN
        jumlah += max(1, math.ceil(em / lebar_em)) if em and lebar_em > 0 else 1
    return jumlah


def _rapat(kisi: grid.Kisi, lebar_pt: list[float], padat: int) -> list[bool]:
    """For each body row, whether a page break after it would cut a merged cell's text: the cell spans the row and
    those below, and the rows from the cell's first to this one are not (surely) as tall as its text.

    WeasyPrint lays a cell merged over rows out whole on the page where it starts; when a page break then falls
    between its rows before its text ends, the rest of the text is printed below the table's last ruled line. So
    the text's height is overestimated (`_baris_paling_banyak`) and the rows' underestimated (`_baris_paling_sedikit`,
    only their own single-row cells): a row marked here may not need it, a row not marked is safe to break after.
    """
    pt = UKURAN_HURUF_TABEL_PT[padat]
    tinggi_baris = pt * _TINGGI_BARIS_EM
    padding_v, padding_h = _padding_pt(padat)
    tepi = 2 * padding_v + _GARIS_PT
    awal = kisi.jumlah_kepala
    jumlah_baris = kisi.jumlah_baris - awal
    rendah = [tepi] * jumlah_baris  # each body row's height, at least
    gabungan: list[tuple[int, int, float]] = []  # (first body row, rows spanned, height its text needs at most)
    for letak in kisi.letak:
        if letak.baris < awal:
            continue
        teks = grid.teks_sel(letak.sel).strip()
        if not teks:
            continue
        lebar_em = (sum(lebar_pt[letak.kolom:letak.kolom + letak.colspan]) - 2 * padding_h - _GARIS_PT) / pt
        indeks = letak.baris - awal
        if letak.rowspan == 1:
            rendah[indeks] = max(rendah[indeks], _baris_paling_sedikit(teks, lebar_em) * tinggi_baris + tepi)
        else:
            tebal = letak.sel.tebal or kisi.jenis[letak.baris] in ("total", "subjudul")
            perlu = (_baris_paling_banyak(teks, lebar_em, tebal) + 0.5) * tinggi_baris + tepi
            gabungan.append((indeks, letak.rowspan, perlu))
    rapat = [False] * jumlah_baris
    for indeks, rowspan, perlu in gabungan:
        tinggi = 0.0
        for baris in range(indeks, min(indeks + rowspan, jumlah_baris) - 1):  # after its last row: no cut
            tinggi += rendah[baris]
            if tinggi >= perlu:
                break
            rapat[baris] = True
    return rapat
