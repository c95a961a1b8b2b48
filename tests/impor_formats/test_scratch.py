from renaksi.impor.template import build_template_data, render_xlsx, render_docx
from renaksi.impor.readers.xlsx import read_xlsx
from renaksi.impor.readers.docx import read_docx
from renaksi.impor.layouts import template as lt

def test_x(world):
    data = build_template_data(world.plan)
    for fmt, g in (("x", read_xlsx(render_xlsx(data), "a.xlsx")), ("d", read_docx(render_docx(data), "a.docx"))):
        print(fmt, lt.detect(g))
        doc = lt.read(g)
        print(doc.counts(), doc.pagu_totals(), doc.tahun, doc.perangkat_daerah, doc.pemda_jenis, doc.pemda_nama)
        for s in doc.sasaran:
            print(s.uraian.teks, s.level, [ (i.nama.teks, i.target.angka, [t.angka.teks for t in i.triwulan]) for i in s.indikator])
        for a in doc.all_aksi():
            print(a.uraian.teks, a.bulan, a.target)
        print(doc.decisions, doc.warnings, [b.nama.teks for b in doc.bidang])
