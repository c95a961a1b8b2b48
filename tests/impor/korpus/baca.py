"""What a parsed document says, in the shape of `dokumen.rencana()`: every name and number the corpus checks."""

from __future__ import annotations


def _n(sel):
    return None if sel is None else sel.angka.nilai


def baca(doc) -> dict:
    return {
        "sasaran": [(s.uraian.teks, [(i.nama.teks, _n(i.target), [_n(t) for t in i.triwulan]) for i in s.indikator])
                    for s in doc.sasaran],
        "program": [(p.nama.teks, [(k.nama.teks, k.pagu.nilai if k.pagu else None,
                                    [(s.nama.teks, s.pagu.nilai if s.pagu else None,
                                      [(a.uraian.teks, a.bulan, a.keluaran.teks if a.keluaran else None)
                                       for a in s.aksi]) for s in k.sub_kegiatan]) for k in p.kegiatan])
                    for p in doc.program],
    }
