"""Formats any `blok.Dokumen` as DOCX; knows nothing about the document it formats.

What a PD gets to edit in Word:
- one Word section per `Bagian`, on its paper (A4/A3) and orientation, each starting on a new page; a cover has no
  page number, the pages after it are numbered from 1 (a PAGE field in the footer);
- headings in Word's heading styles (so Word builds a table of contents), the cover's in Title/Subtitle;
- real tables: merged cells, header rows repeated at the top of every page, rows that never split across pages,
  column widths from the layout, numbers written the Indonesian way (``59.059.304.998``, ``29,17``);
- signature blocks as a borderless table kept on one page with the line before it;
- "DRAF" in the page header of every section when the document is not approved yet.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from renaksi.core.office import docx_sifat_baris, teks_xml
from renaksi.laporan import grid
from renaksi.laporan.blok import Bagian, Dokumen, Gambar, Judul, Paragraf, Tabel, TandaTangan

DRAF = "DRAF"
WARNA_KEPALA = "D9D9D9"
WARNA_SUBJUDUL = "F2F2F2"
WARNA_DRAF = "C00000"
FONT = "Arial"
GAYA_ISI_TABEL = "Isi Tabel"
UKURAN_MM = {"A4": (210, 297), "A3": (297, 420)}  # portrait width × height
MARGIN_MM = {"potret": 20, "lanskap": 15}
KOLOM_MAKS_WORD = 63  # Word cannot show a table with more columns


def render(dokumen: Dokumen) -> bytes:
    from docx import Document

    doc = Document()
    _gaya(doc)
    bagian_list = dokumen.bagian or [Bagian(blok=[])]
    setelah_sampul = False
    for i, bagian in enumerate(bagian_list):
        section = doc.sections[0] if i == 0 else doc.add_section()
        _halaman(section, bagian, mulai_dari_satu=setelah_sampul and not bagian.sampul)
        _kepala_kaki(section, bagian, draf=dokumen.draf)
        setelah_sampul = bagian.sampul
        penulis = _Penulis(doc, section, bagian)
        for blok in bagian.blok:
            penulis.tulis(blok)
    props = doc.core_properties
    props.title = teks_xml(dokumen.judul)
    props.author = teks_xml(dokumen.pembuat) or "Renaksi"
    props.last_modified_by = props.author
    props.subject = teks_xml(dokumen.subjek)
    props.keywords = teks_xml(", ".join(dokumen.kata_kunci))
    props.language = "id-ID"
    props.comments = DRAF if dokumen.draf else ""
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- styles and pages -----------------------------------------------------------------------------------------------

def _gaya(doc: Any) -> None:
    """Black Arial headings (the template's are blue), Indonesian proofing, and a compact style for table text."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FONT)
    fonts.set(qn("w:cs"), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "id-ID")
    r_pr.append(lang)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 20), ("Subtitle", 14), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        p_pr = style.element.pPr
        if p_pr is not None:  # the template's Title has a rule under it
            for border in p_pr.findall(qn("w:pBdr")):
                p_pr.remove(border)
        if name in ("Title", "Subtitle", "Heading 1"):
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = styles["Caption"]
    caption.font.name, caption.font.size, caption.font.bold, caption.font.italic = FONT, Pt(11), True, False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    isi = styles.add_style(GAYA_ISI_TABEL, WD_STYLE_TYPE.PARAGRAPH)
    isi.base_style = normal
    isi.font.size = Pt(9)
    isi.paragraph_format.space_before = isi.paragraph_format.space_after = Pt(0)


def _halaman(section: Any, bagian: Bagian, *, mulai_dari_satu: bool) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section.start_type = WD_SECTION.NEW_PAGE
    width, height = UKURAN_MM.get(bagian.ukuran, UKURAN_MM["A4"])
    if bagian.orientasi == "lanskap":
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    else:
        section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    margin = Mm(MARGIN_MM["lanskap" if bagian.orientasi == "lanskap" else "potret"])
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin
    section.header_distance = section.footer_distance = Mm(8)
    sect_pr = section._sectPr
    for tag in ("w:pgNumType", "w:vAlign"):  # a new section starts as a copy of the one before
        for old in sect_pr.findall(qn(tag)):
            sect_pr.remove(old)
    if mulai_dari_satu:
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        sect_pr.insert_element_before(
            numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
            "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
    if bagian.sampul:  # a cover sits in the middle of its page
        v_align = OxmlElement("w:vAlign")
        v_align.set(qn("w:val"), "center")
        sect_pr.insert_element_before(
            v_align, "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
            "w:printerSettings", "w:sectPrChange")


def _kepala_kaki(section: Any, bagian: Bagian, *, draf: bool) -> None:
    """Each section its own header (DRAF when draf) and footer (the page number, except on a cover)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    header, footer = section.header, section.footer
    header.is_linked_to_previous = False
    footer.is_linked_to_previous = False
    p = header.paragraphs[0]
    if draf:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(DRAF)
        run.bold, run.font.size = True, Pt(14)
        run.font.color.rgb = RGBColor.from_string(WARNA_DRAF)
    if not bagian.sampul:
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(p, "PAGE", "1")


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / shown value / end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    paragraph.add_run()._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld_char("end"))


# --- blocks -----------------------------------------------------------------------------------------------------------

class _Penulis:
    """Writes one section's blocks into the document body."""

    def __init__(self, doc: Any, section: Any, bagian: Bagian) -> None:
        self.doc = doc
        self.bagian = bagian
        self.lebar = section.page_width - section.left_margin - section.right_margin  # EMU
        # Setting a style by name looks it up among all styles each time: resolve the table text's id once.
        self.gaya_isi = doc.styles[GAYA_ISI_TABEL].style_id

    def tulis(self, blok: Judul | Paragraf | Tabel | TandaTangan | Gambar) -> None:
        if isinstance(blok, Judul):
            self.judul(blok)
        elif isinstance(blok, Paragraf):
            self.paragraf(blok)
        elif isinstance(blok, Tabel):
            self.tabel(blok)
        elif isinstance(blok, TandaTangan):
            self.tanda_tangan(blok)
        elif isinstance(blok, Gambar):
            if blok.cadangan is not None:
                cadangan = blok.cadangan
                if not cadangan.judul:
                    self._keterangan(blok.alt)
                self.tabel(cadangan)
            else:
                self.paragraf(Paragraf(teks=blok.alt, rata="tengah"))

    def judul(self, blok: Judul) -> None:
        text = teks_xml(blok.teks)
        if self.bagian.sampul:  # a cover's lines are not chapters: they stay out of the table of contents
            self.doc.add_paragraph(text, style="Title" if blok.tingkat <= 1 else "Subtitle")
        else:
            self.doc.add_heading(text, level=min(max(blok.tingkat, 1), 9))

    def paragraf(self, blok: Paragraf) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        default = WD_ALIGN_PARAGRAPH.CENTER if self.bagian.sampul else WD_ALIGN_PARAGRAPH.JUSTIFY
        alignment = {"kiri": WD_ALIGN_PARAGRAPH.LEFT, "tengah": WD_ALIGN_PARAGRAPH.CENTER,
                     "kanan": WD_ALIGN_PARAGRAPH.RIGHT}.get(blok.rata, default)
        for text in grid.paragraf_teks(blok.teks):
            self.doc.add_paragraph(text).alignment = alignment

    def _keterangan(self, text: str) -> None:
        if text:
            self.doc.add_paragraph(teks_xml(text), style="Caption")

    def tabel(self, tabel: Tabel) -> None:
        from docx.oxml import parse_xml

        self._keterangan(tabel.judul)
        kisi = grid.susun(tabel)
        if kisi.jumlah_kolom and kisi.jumlah_baris:
            # The table's XML is written in one piece: python-docx's cell-by-cell API takes about a millisecond per
            # property, which is minutes for the largest plan's tables.
            widths = [int(self.lebar * f / 635) for f in grid.lebar_kolom(tabel, kisi.jumlah_kolom)]  # EMU → twips
            self.doc.element.body._insert_tbl(parse_xml(xml_tabel(kisi, widths, self.gaya_isi)))
        # A note under the table, or an empty line so that two tables in a row stay two tables.
        note = self.doc.add_paragraph(teks_xml(tabel.catatan))
        if tabel.catatan:
            from docx.shared import Pt

            for run in note.runs:
                run.italic, run.font.size = True, Pt(9)

    def tanda_tangan(self, blok: TandaTangan) -> None:
        """Signers two by two in a borderless table; one signer signs on the right, as signed pages have it."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Emu

        people = blok.penandatangan
        if not people:
            return
        spacer = self.doc.add_paragraph()
        spacer.paragraph_format.keep_with_next = True
        for i in range(0, len(people), 2):
            pair = people[i:i + 2]
            table = self.doc.add_table(rows=1, cols=2)  # no style: the document's default table has no borders
            table.autofit = False
            half = Emu(int(self.lebar / 2))
            for column in table.columns:
                column.width = half
            row = table.rows[0]
            docx_sifat_baris(row)
            targets = row.cells[1:] if len(pair) == 1 else row.cells
            for cell in row.cells:
                cell.width = half
            lines = grid.baris_tanda_tangan(TandaTangan(penandatangan=pair))
            for signer, cell in enumerate(targets):
                paragraphs = []
                for line in lines:
                    for _n in range(grid.RUANG_TANDA_TANGAN if line.gaya == "ruang" else 1):
                        p = cell.paragraphs[0] if not paragraphs else cell.add_paragraph()
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                        p.paragraph_format.space_after = Emu(0)
                        text = line.teks[signer]
                        if text:
                            run = p.add_run(text)
                            if line.gaya == "nama":
                                run.bold = run.underline = True
                        paragraphs.append(p)
                for p in paragraphs[:-1]:
                    p.paragraph_format.keep_with_next = True
                    p.paragraph_format.keep_together = True
            self.doc.add_paragraph()


# --- a table's XML ----------------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_JC = {"kiri": "left", "tengah": "center", "kanan": "right"}


def _runs(text: str, bold: bool) -> str:
    r_pr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n"))
    return f"<w:r>{r_pr}{parts}</w:r>"


def _tc(width: int, colspan: int, vmerge: str, style_id: str, *, jc: str = "left", v_align: str = "top",
        fill: str = "", content: str = "") -> str:
    """One w:tc; its properties in the order the schema demands (tcW, gridSpan, vMerge, shd, vAlign)."""
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if colspan > 1:
        props.append(f'<w:gridSpan w:val="{colspan}"/>')
    if vmerge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        props.append("<w:vMerge/>")
    if fill:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    props.append(f'<w:vAlign w:val="{v_align}"/>')
    paragraph = f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="{jc}"/></w:pPr>{content}</w:p>'
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{paragraph}</w:tc>"


def xml_tabel(kisi: grid.Kisi, widths: list[int], style_id: str) -> str:
    """A Word table (w:tbl) of the placed cells: merges as gridSpan / vMerge, header rows marked w:tblHeader, every
    row w:cantSplit, fixed column widths in twips."""
    rows = []
    for r in range(kisi.jumlah_baris):
        jenis = kisi.jenis[r]
        kepala = jenis == "kepala"
        tr_pr = "<w:cantSplit/>" + ("<w:tblHeader/>" if kepala else "")
        cells = []
        c = 0
        while c < kisi.jumlah_kolom:
            letak = kisi.di(r, c)
            if letak is None:  # a short row: an empty cell
                cells.append(_tc(widths[c], 1, "", style_id))
                c += 1
                continue
            span = letak.colspan
            width = sum(widths[letak.kolom:letak.kolom + span])
            if letak.baris < r:  # under a cell merged down from above
                cells.append(_tc(width, span, "continue", style_id))
            else:
                sel = letak.sel
                fill = grid.warna(sel.isi_latar) or (WARNA_KEPALA if kepala else WARNA_SUBJUDUL if jenis == "subjudul" else "")
                text = grid.teks_sel(sel)
                bold = kepala or sel.tebal or jenis in ("total", "subjudul") or bool(sel.jumlah)
                cells.append(_tc(
                    width, span, "restart" if letak.rowspan > 1 else "", style_id,
                    jc="center" if kepala and not sel.rata else _JC[grid.perataan(sel)],
                    v_align="center" if kepala else "top", fill=fill,
                    content=_runs(text, bold) if text else ""))
            c = letak.kolom + span
        rows.append(f"<w:tr><w:trPr>{tr_pr}</w:trPr>{''.join(cells)}</w:tr>")
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl xmlns:w="{_W}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" '
        f'w:noVBand="1"/></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )
