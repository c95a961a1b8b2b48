"""Matriks Rencana Aksi: the single-table layout of the Bangka seed, with place, date and signature.

One landscape table for any plan (`builders.matriks_dokumen`): NO, SASARAN KINERJA, INDIKATOR KINERJA, SATUAN,
TARGET, TRIWULAN I–IV, PROGRAM, KEGIATAN, SUB KEGIATAN, ANGGARAN (and PENANGGUNG JAWAB when the plan names one),
in four stacked parts (A. sasaran strategis … D. sasaran sub kegiatan) that restart their numbering, as the seed
does. Each part that is funded ends with a "Jumlah anggaran" row: a total (`Sel.jumlah`) over the rows of the
highest level funded in the part (program, else kegiatan, else sub kegiatan: a kegiatan's pagu holds its sub
kegiatan's), each program, kegiatan or sub kegiatan once — one that funds two indicators is listed under both.

The helpers here (signature blocks, target cells, the matrix table) are also used by the RA document (`ra.py`),
which prints the matrix for a plan without aksi.
"""

from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext as _

from renaksi.core.angka import format_angka
from renaksi.perencanaan.models import RencanaAksi

from . import builders
from .blok import Bagian, Baris, Dokumen, Judul, Paragraf, Penandatangan, Sel, Tabel, TandaTangan
from .builders import BagianMatriks, Nilai, Sampul

KOLOM_DANA = ("program", "kegiatan", "sub_kegiatan")


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Dokumen:
    """The document of the whole year's plan; `triwulan` is not used (every document module takes it)."""
    data = builders.matriks_dokumen(rencana_aksi=rencana_aksi)
    s = data.sampul
    judul = _("Rencana Aksi %(pd)s %(pemda)s Tahun %(tahun)s") % {"pd": s.perangkat_daerah, "pemda": s.pemda,
                                                                    "tahun": s.tahun}
    blok: list = [Judul(judul.upper(), 1)]
    if s.versi > 1:
        blok.append(Paragraf(s.label_versi, rata="tengah"))
    blok += [tabel_matriks(data.bagian), TandaTangan([penandatangan(data.penandatangan)])]
    return Dokumen(
        judul=_("Matriks %(judul)s") % {"judul": judul},
        nama_berkas=nama_berkas("matriks-rencana-aksi", s),
        bagian=[Bagian(blok=blok, orientasi="lanskap")],
        draf=s.draf, pembuat=f"{s.perangkat_daerah} {s.pemda}", subjek=_("Matriks Rencana Aksi"),
        kata_kunci=[_("rencana aksi"), _("matriks"), str(s.tahun)],
    )


# --- Shared with ra.py -------------------------------------------------------------------------------------------


def nama_berkas(jenis: str, s: Sampul) -> str:
    versi = f"-perubahan-{s.versi - 1}" if s.versi > 1 else ""
    return slugify(f"{jenis} {s.singkatan or s.perangkat_daerah} {s.pemda} {s.tahun}") + versi


def penandatangan(p: builders.Penandatangan, keterangan: str = "") -> Penandatangan:
    return Penandatangan(jabatan=p.jabatan, nama=p.nama, pangkat_golongan=p.pangkat_golongan, nip=p.nip_tampil,
                         tempat=p.tempat, tanggal=p.tanggal, keterangan=keterangan)


def sel_target(n: Nilai, **kwargs) -> Sel:
    """A target as the plan writes it; a plain number or percentage stays a number (29,17% → Decimal 29.17)."""
    kwargs.setdefault("rata", "tengah")
    if n.nilai is not None and not n.kategori and not n.satuan:
        angka = format_angka(n.nilai, n.desimal)
        if n.teks in ("", angka):
            return Sel(n.nilai, "angka", n.desimal, **kwargs)
        if n.teks == f"{angka}%":
            return Sel(n.nilai, "persen", n.desimal, **kwargs)
    return Sel(n.tampil, **kwargs)


def sel_rupiah(pagu: int | None, **kwargs) -> Sel:
    return Sel(pagu, "rupiah" if pagu is not None else "", **kwargs)


def kepala(teks: str, **kwargs) -> Sel:
    return Sel(teks, tebal=True, rata="tengah", **kwargs)


def tabel_matriks(bagian: list[BagianMatriks], judul: str = "") -> Tabel:
    """The matrix as one table: a sub-heading row per part, its rows, and its total anggaran."""
    pj = any(r.penanggung_jawab for b in bagian for r in b.baris)
    n_kolom = 13 + pj
    kepala_atas = [kepala(_("NO"), rowspan=2), kepala(_("SASARAN KINERJA"), rowspan=2),
                   kepala(_("INDIKATOR KINERJA"), rowspan=2), kepala(_("SATUAN"), rowspan=2),
                   kepala(_("TARGET"), rowspan=2), kepala(_("TRIWULAN"), colspan=4),
                   kepala(_("PROGRAM"), rowspan=2), kepala(_("KEGIATAN"), rowspan=2),
                   kepala(_("SUB KEGIATAN"), rowspan=2), kepala(_("ANGGARAN (Rp)"), rowspan=2)]
    if pj:
        kepala_atas.append(kepala(_("PENANGGUNG JAWAB"), rowspan=2))
    baris: list[Baris] = []
    for part in bagian:
        baris.append(Baris([Sel(f"{part.huruf}. {part.judul}", tebal=True, colspan=n_kolom)], jenis="subjudul"))
        first = len(baris)
        # The total adds the highest level funded in the part (a kegiatan's pagu holds its sub kegiatan's), each
        # program, kegiatan or sub kegiatan once.
        level = next((k for k in KOLOM_DANA if any(r.anggaran_jenis == k for r in part.baris)), "")
        seen: set[tuple[str, int]] = set()
        counted: list[int] = []
        for r in part.baris:
            cells: list[Sel] = []
            if r.sasaran_rowspan:
                cells += [Sel(r.nomor, rowspan=r.sasaran_rowspan, rata="tengah"),
                          Sel(r.sasaran, rowspan=r.sasaran_rowspan)]
            if r.indikator_rowspan:
                span = r.indikator_rowspan
                cells += [Sel(r.indikator, rowspan=span), Sel(r.satuan, rowspan=span),
                          sel_target(r.target, rowspan=span)]
                cells += [sel_target(t, rowspan=span) for t in r.triwulan]
            cells += [Sel(r.program), Sel(r.kegiatan), Sel(r.sub_kegiatan), sel_rupiah(r.anggaran)]
            if pj and r.indikator_rowspan:
                cells.append(Sel(r.penanggung_jawab, rowspan=r.indikator_rowspan))
            key = (r.anggaran_jenis, r.anggaran_id or 0)
            if r.anggaran is not None and r.anggaran_jenis == level and key not in seen:
                seen.add(key)
                counted.append(len(baris))
            baris.append(Baris(cells))
        if part.ada_anggaran and len(baris) > first:
            total = sum(part.baris[i - first].anggaran or 0 for i in counted)
            cells = [Sel(_("Jumlah anggaran %(huruf)s. %(judul)s") % {"huruf": part.huruf, "judul": part.judul},
                         tebal=True, colspan=12),
                     Sel(total, "rupiah", tebal=True, jumlah=tuple(counted))]
            if pj:
                cells.append(Sel())
            baris.append(Baris(cells, jenis="total"))
    return Tabel(kepala=[kepala_atas, [kepala(tw) for tw in builders.TRIWULAN]], baris=baris,
                 lebar=_lebar(pj), judul=judul,
                 catatan=_("Jumlah anggaran menjumlahkan tingkat tertinggi yang dianggarkan pada bagian itu "
                           "(program, kegiatan atau sub kegiatan); anggaran yang menunjang lebih dari satu indikator "
                           "tercantum pada setiap indikator dan dihitung sekali."))


def _lebar(pj: bool) -> list[int]:
    # NO, sasaran, indikator, satuan, target, TW I–IV, program, kegiatan, sub kegiatan, anggaran, (penanggung jawab)
    return [4, 15, 17, 7, 7, 5, 5, 5, 5, 13, 13, 13, 11] + ([10] if pj else [])
