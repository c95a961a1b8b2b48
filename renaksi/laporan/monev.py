"""Monev triwulan: the Permendagri 86/2017 evaluation form ("Evaluasi terhadap hasil Renja/Rencana Aksi Perangkat
Daerah") for one plan and triwulan, as `blok` blocks on A4 landscape.

Everything comes from `renaksi.monev.selectors.monev_data` (the one reader of monitoring data): targets, realisasi
TW I–IV, capaian up to the chosen triwulan with the formula it was computed by, predikat (its band colour as the
cell's background), faktor pendorong / penghambat, tindak lanjut, and the status, at that triwulan, of the tindak
lanjut written in earlier triwulan. Nothing is computed a second way here: capaian, predikat and serapan are
monev_data's; the only arithmetic is the rupiah spent up to the triwulan (`core.anggaran.realisasi_sampai`).

Until the triwulan has any realisasi (kinerja or anggaran, TW I up to it) the document is the blank form: the same
tables, the plan's targets and pagu filled in, every reported cell empty.
Realisasi of later triwulan than the chosen one are never shown (the form of TW II is the same in July and December).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _

from renaksi.core.anggaran import realisasi_sampai
from renaksi.core.angka import banyak_desimal
from renaksi.core.capaian import ROMAWI, Isian, Kategori
from renaksi.core.nip import format_nip
from renaksi.core.predikat import LATAR_PREDIKAT_DOKUMEN
from renaksi.monev.models import TindakLanjut
from renaksi.monev.selectors import IndikatorMonev, MonevData, data_contoh, monev_data
from renaksi.perencanaan.models import RencanaAksi
from renaksi.riwayat.selectors import CatatanCetak, catatan_terbuka

from . import blok
from .blok import Baris, Sel

TW = (1, 2, 3, 4)


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> blok.Dokumen:
    """The monev form of `rencana_aksi` for `triwulan` (1–4, required). A constant number of queries."""
    if triwulan is None or isinstance(triwulan, bool) or triwulan not in TW:
        raise ValueError(_("Triwulan harus 1–4 untuk laporan monev, bukan %(tw)s.") % {"tw": triwulan})
    plan = rencana_aksi
    if not RencanaAksi.perangkat_daerah.is_cached(plan):
        plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=plan.pk)
    data = monev_data(rencana_aksi=plan, triwulan=triwulan)
    # The evaluators' open notes on this triwulan's realisasi, then on the plan's rows (issue 18)
    catatan = catatan_terbuka(rencana_aksi=plan, triwulan=triwulan) + catatan_terbuka(rencana_aksi=plan)
    return susun(data, catatan)


def ada_realisasi(data: MonevData) -> bool:
    """Whether anything is reported for TW I up to the chosen triwulan (else the form is printed blank)."""
    n = data.triwulan
    return (any(r is not None for i in data.indikator for r in i.realisasi[:n])
            or any(r is not None for s in data.sub_kegiatan for r in s.realisasi_anggaran[:n]))


def susun(data: MonevData, catatan: list[CatatanCetak] | None = None) -> blok.Dokumen:
    """The blocks of the form from `monev_data` (separate from the reading, so tests can look at both)."""
    plan = data.plan.plan
    pd = plan.perangkat_daerah
    pemda = pd.pemda
    n = data.triwulan
    tw = ROMAWI[n]
    terisi = ada_realisasi(data)
    judul = _("Evaluasi terhadap Hasil Rencana Aksi %(pd)s Triwulan %(tw)s Tahun %(tahun)s") % {
        "pd": pd.nama, "tw": tw, "tahun": plan.tahun}
    blocks: list = [
        blok.Judul(_("EVALUASI TERHADAP HASIL RENCANA AKSI PERANGKAT DAERAH"), 1),
        blok.Paragraf(f"{pd.nama} {pemda}\n" + _("Triwulan %(tw)s Tahun %(tahun)s") % {"tw": tw, "tahun": plan.tahun}
                      + "\n" + _("(Permendagri Nomor 86 Tahun 2017)"), rata="tengah"),
    ]
    if data_contoh(data):
        blocks.append(blok.Paragraf(_("Data contoh: realisasi pada laporan ini dibuat oleh demo, bukan laporan "
                                      "perangkat daerah."), rata="tengah"))
    if not terisi:
        blocks.append(blok.Paragraf(_("Belum ada realisasi yang dilaporkan sampai triwulan %(tw)s: formulir "
                                      "kosong untuk diisi.") % {"tw": tw}, rata="tengah"))
    blocks.append(tabel_kinerja(data, terisi))
    blocks.append(tabel_evaluasi(data, terisi))
    blocks.append(tabel_anggaran(data, terisi))
    if catatan:
        blocks.append(tabel_catatan(catatan))
    blocks.append(blok.TandaTangan([penandatangan(data)]))
    return blok.Dokumen(
        judul=judul,
        nama_berkas=slugify(f"monev-{pd.singkatan or pd.nama}-{pemda.nama}-{plan.tahun}-tw{n}"),
        bagian=[blok.Bagian(blocks, orientasi="lanskap")],
        draf=plan.draf,
        pembuat=pd.nama,
        subjek=_("Monev triwulan %(tw)s") % {"tw": tw},
        kata_kunci=["monev", "Permendagri 86/2017", f"TW {tw}", str(plan.tahun)],
    )


# --- cells --------------------------------------------------------------------------------------------------------


def sel_isian(value: Isian, **kw) -> Sel:
    """A target or realisasi: a number as a number (with the decimals it needs), a category as its text."""
    if value is None:
        return Sel(None, **kw)
    if isinstance(value, Kategori):
        return Sel(str(value), rata="kanan", **kw)
    return Sel(value, format="angka", desimal=banyak_desimal(value, tanpa_nol=True), **kw)


def _kepala(teks: str, **kw) -> Sel:
    return Sel(teks, tebal=True, rata="tengah", **kw)


def _status_tindak_lanjut(tl: TindakLanjut, triwulan: int) -> str:
    """A tindak lanjut as the form of `triwulan` shows it: its status as given up to that triwulan."""
    if tl.status_triwulan is not None and tl.status_triwulan <= triwulan:
        status = str(TindakLanjut.Status(tl.status).label)
        catatan = f" ({tl.catatan})" if tl.catatan else ""
    else:
        status, catatan = str(TindakLanjut.Status.TERBUKA.label), ""
    return f"TW {ROMAWI[tl.triwulan]}: {tl.uraian} — {status}{catatan}"


# --- tables -------------------------------------------------------------------------------------------------------

KOLOM_KINERJA = 16


def tabel_kinerja(data: MonevData, terisi: bool) -> blok.Tabel:
    """Sasaran, indikator, satuan, target of the year, target and realisasi TW I–IV, capaian (with its formula)
    and predikat; the sasaran cell spans its indicators."""
    n = data.triwulan
    kepala = [
        [_kepala("No", rowspan=2), _kepala(_("Sasaran"), rowspan=2), _kepala(_("Indikator Kinerja"), rowspan=2),
         _kepala(_("Satuan"), rowspan=2), _kepala(_("Target Tahun %(tahun)s") % {"tahun": data.plan.tahun},
                                                  rowspan=2),
         *[_kepala(_("Triwulan %(tw)s") % {"tw": ROMAWI[t]}, colspan=2) for t in TW],
         _kepala(_("Capaian s.d. TW %(tw)s (%%)") % {"tw": ROMAWI[n]}, rowspan=2),
         _kepala(_("Rumus capaian"), rowspan=2), _kepala(_("Predikat"), rowspan=2)],
        [s for _t in TW for s in (_kepala(_("Target")), _kepala(_("Realisasi")))],
    ]
    baris: list[Baris] = []
    items = list(data.indikator)
    nomor = 0
    for index, item in enumerate(items):
        first_of_sasaran = index == 0 or items[index - 1].indikator.sasaran_id != item.indikator.sasaran_id
        cells: list[Sel] = []
        if first_of_sasaran:
            nomor += 1
            span = 1
            while index + span < len(items) and items[index + span].indikator.sasaran_id == item.indikator.sasaran_id:
                span += 1
            cells += [Sel(str(nomor), rowspan=span, rata="tengah"),
                      Sel(item.sasaran.uraian if item.sasaran else "", rowspan=span)]
        cells += [Sel(item.indikator.nama), Sel(item.indikator.satuan), sel_isian(item.target_tahun)]
        for t in TW:
            realisasi = item.nilai_realisasi[t - 1] if terisi and t <= n else None
            cells += [sel_isian(item.target[t - 1]), sel_isian(realisasi)]
        cells += _capaian_cells(item, terisi)
        baris.append(Baris(cells))
    return blok.Tabel(
        kepala=kepala, baris=baris, lebar=[3, 12, 14, 7, 8, *([6] * 8), 7, 12, 8],
        judul=_("Tabel 1. Capaian Kinerja sampai dengan Triwulan %(tw)s") % {"tw": ROMAWI[n]},
        catatan=_("Capaian dihitung menurut jenis akumulasi dan polaritas tiap indikator; rumus yang dipakai "
                  "tertulis di kolom Rumus capaian. Predikat menurut Permendagri 86/2017: > 90 Sangat Tinggi; "
                  "> 75–90 Tinggi; > 65–75 Sedang; > 50–65 Rendah; ≤ 50 Sangat Rendah."),
    )


def _capaian_cells(item: IndikatorMonev, terisi: bool) -> list[Sel]:
    if not terisi:
        return [Sel(None), Sel(None), Sel(None)]
    capaian = item.capaian
    if capaian.nilai is not None:
        nilai = Sel(capaian.nilai, format="persen", desimal=2)
    else:
        nilai = Sel(capaian.label, rata="tengah")  # "tercapai" / "tidak tercapai" / "—"
    if item.predikat is None:
        predikat = Sel(None)
    else:
        predikat = Sel(str(item.predikat.label), rata="tengah", isi_latar=LATAR_PREDIKAT_DOKUMEN[item.predikat].lstrip("#"))
    return [nilai, Sel(capaian.rumus), predikat]


def tabel_evaluasi(data: MonevData, terisi: bool) -> blok.Tabel:
    """Per indikator: faktor pendorong and penghambat, tindak lanjut for the next triwulan and for next year's
    Renja (as written for this triwulan), and the tindak lanjut of earlier triwulan with their status now."""
    n = data.triwulan
    kepala = [[_kepala("No"), _kepala(_("Indikator Kinerja")), _kepala(_("Faktor Pendorong")),
               _kepala(_("Faktor Penghambat")), _kepala(_("Tindak Lanjut Triwulan Berikutnya")),
               _kepala(_("Tindak Lanjut Renja Tahun Berikutnya")),
               _kepala(_("Status Tindak Lanjut Triwulan Sebelumnya"))]]
    baris = []
    for nomor, item in enumerate(data.indikator, start=1):
        ev = item.evaluasi if terisi else None
        status = "\n".join(_status_tindak_lanjut(tl, n) for tl in item.tindak_lanjut) if terisi else ""
        baris.append(Baris([
            Sel(str(nomor), rata="tengah"), Sel(item.indikator.nama),
            Sel(ev.faktor_pendorong if ev else None), Sel(ev.faktor_penghambat if ev else None),
            Sel(ev.tindak_lanjut if ev else None), Sel(ev.tindak_lanjut_renja if ev else None),
            Sel(status or None),
        ]))
    return blok.Tabel(kepala=kepala, baris=baris, lebar=[3, 20, 16, 16, 16, 14, 18],
                      judul=_("Tabel 2. Faktor Pendorong, Faktor Penghambat dan Tindak Lanjut Triwulan %(tw)s")
                      % {"tw": ROMAWI[n]})


def tabel_anggaran(data: MonevData, terisi: bool) -> blok.Tabel:
    """Program → kegiatan → sub kegiatan: pagu as stated, realisasi anggaran per triwulan (spent in it) up to the
    chosen one, the sum up to it and serapan (monev_data's: a kegiatan's and program's over their sub kegiatan)."""
    n = data.triwulan
    plan = data.plan
    kepala = [
        [_kepala(_("Kode"), rowspan=2), _kepala(_("Program / Kegiatan / Sub Kegiatan"), rowspan=2),
         _kepala(_("Pagu (Rp)"), rowspan=2), _kepala(_("Realisasi Anggaran (Rp)"), colspan=5),
         _kepala(_("Serapan s.d. TW %(tw)s (%%)") % {"tw": ROMAWI[n]}, rowspan=2)],
        [*[_kepala(_("TW %(tw)s") % {"tw": ROMAWI[t]}) for t in TW],
         _kepala(_("s.d. TW %(tw)s") % {"tw": ROMAWI[n]})],
    ]
    by_sub = {s.sub_kegiatan.pk: s for s in data.sub_kegiatan}

    def spent(sub_ids: list[int]) -> tuple[list[int | None], int | None]:
        per_tw: list[int | None] = []
        for t in TW:
            values = [by_sub[i].realisasi_anggaran[t - 1] for i in sub_ids]
            reported = [v for v in values if v is not None]
            per_tw.append(sum(reported) if reported and terisi and t <= n else None)
        return per_tw, realisasi_sampai(per_tw, n) if terisi else None

    def row(kode: str, nama: str, pagu: int | None, sub_ids: list[int], serapan: Decimal | None,
            tebal: bool) -> Baris:
        per_tw, total = spent(sub_ids)
        return Baris([
            Sel(kode, tebal=tebal), Sel(nama, tebal=tebal), Sel(pagu, format="rupiah", tebal=tebal),
            *[Sel(v, format="rupiah") for v in per_tw], Sel(total, format="rupiah", tebal=tebal),
            Sel(serapan if terisi else None, format="persen", desimal=2, tebal=tebal),
        ])

    baris = []
    for program in plan.program:
        kegiatan = plan.kegiatan_of(program.pk)
        program_subs = [s.pk for k in kegiatan for s in plan.sub_kegiatan_of(k.pk)]
        baris.append(row(program.kode, program.nama, program.pagu, program_subs,
                         data.serapan_program.get(program.pk), True))
        for k in kegiatan:
            subs = plan.sub_kegiatan_of(k.pk)
            baris.append(row(k.kode, k.nama, k.pagu, [s.pk for s in subs], data.serapan_kegiatan.get(k.pk),
                             True))
            for s in subs:
                baris.append(row(s.kode, s.nama, s.pagu, [s.pk], by_sub[s.pk].serapan, False))
    return blok.Tabel(
        kepala=kepala, baris=baris, lebar=[10, 34, 12, 10, 10, 10, 10, 12, 8],
        judul=_("Tabel 3. Realisasi Anggaran sampai dengan Triwulan %(tw)s") % {"tw": ROMAWI[n]},
        catatan=_("Realisasi anggaran per triwulan adalah belanja dalam triwulan itu. Serapan kegiatan dan program "
                  "dihitung dari jumlah pagu dan realisasi sub kegiatannya."),
    )


def tabel_catatan(catatan: list[CatatanCetak]) -> blok.Tabel:
    """The evaluators' notes still open when the report is printed, each with the PD's replies."""
    kepala = [[_kepala("No"), _kepala(_("Baris")), _kepala(_("Catatan evaluator")), _kepala(_("Tanggapan"))]]
    baris = [Baris([
        Sel(str(n), rata="tengah"), Sel(c.baris), Sel(f"{c.teks}\n({c.penulis}, {c.tanggal})"),
        Sel("\n".join(f"{b.teks} ({b.penulis}, {b.tanggal})" for b in c.balasan)),
    ]) for n, c in enumerate(catatan, start=1)]
    return blok.Tabel(kepala=kepala, baris=baris, lebar=[3, 20, 40, 37],
                      judul=_("Tabel 4. Catatan Evaluator yang Masih Terbuka"))


def penandatangan(data: MonevData) -> blok.Penandatangan:
    """The head of the PD (the plan's signatory when one is named), with place and the plan's date."""
    plan = data.plan.plan
    pd = plan.perangkat_daerah
    pejabat = data.plan.pejabat_of(plan.penandatangan_id) or data.plan.pejabat_of(pd.kepala_id)
    tempat = plan.tempat or pd.pemda.ibukota or pd.pemda.nama
    if pejabat is None:
        return blok.Penandatangan(jabatan=f"Kepala {pd.nama}", tempat=tempat)
    return blok.Penandatangan(jabatan=pejabat.jabatan_tanda_tangan, nama=pejabat.nama,
                              pangkat_golongan=pejabat.pangkat_golongan, nip=format_nip(pejabat.nip),
                              tempat=tempat)
