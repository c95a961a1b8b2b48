"""LKjIP Bab III tables: target, realisasi, capaian per IKU; previous year; realisasi anggaran per program.

Built in two steps (see `blok.py`): `lkjip()` returns the tables as data (what the tests assert), `dokumen()` lays
them out. Every number comes from `monev.selectors.monev_data` (capaian with its formula, predikat, serapan per
program); nothing here computes a capaian or a serapan another way.

- Triwulan: the one given, else the latest triwulan with any realisasi (kinerja or anggaran) — TW IV once the year
  is reported; without any realisasi, TW IV and the tables print as the blank form (realisasi cells empty).
- Tabel 3.1: every indicator of the sasaran strategis (IKU marked), its yearly target as stated (when the plan
  states none, the target the capaian is computed against — Σ, mean or last of the quarterly targets up to the
  triwulan, `core.capaian.target_capaian` — marked "*" and explained under the table), the realisasi of
  the year up to the triwulan under the indicator's accumulation (kumulatif: the sum, rata-rata: the mean, nilai
  akhir / tetap: the last), capaian (%) with the formula used, predikat; and, when the PD has a plan for the year
  before, that plan's realisasi and capaian of its own latest reported triwulan, matched by indicator name
  (case and spacing ignored).
- Tabel 3.2: per program, the pagu serapan is computed on (the sum of its sub kegiatan pagu; the program's stated
  pagu when its sub kegiatan state none), realisasi anggaran up to the triwulan, serapan (%), the capaian of the
  program (the mean of the capaian of the indicators it is linked to, category results left out as DOMAIN.md
  says), efisiensi = capaian − serapan (`core.anggaran.efisiensi`), and a total row: pagu and realisasi as sums
  (`Sel.jumlah`), serapan over all sub kegiatan (`core.anggaran.serapan_total`), efisiensi against the mean
  capaian of Tabel 3.1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from renaksi.core.akumulasi import Akumulasi, expected_tahunan
from renaksi.core.anggaran import efisiensi, realisasi_sampai, serapan_total
from renaksi.core.angka import banyak_desimal
from renaksi.core.capaian import ROMAWI, Capaian, Kategori, bulatkan
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator
from renaksi.monev.selectors import IndikatorMonev, MonevData, monev_data
from renaksi.perencanaan.models import RencanaAksi, Sasaran

from . import blok
from .builders import Nilai, _merge, _nilai_target


@dataclass
class BarisCapaian:
    nomor: str
    sasaran: str
    sasaran_rowspan: int
    indikator: str
    iku: bool
    satuan: str
    target: Nilai  # the yearly target as stated; when empty, the target the capaian uses (`target_triwulan`)
    realisasi: Decimal | Kategori | None  # the year's realisasi up to the triwulan; None: not (fully) reported
    capaian: Capaian | None  # None: nothing reported yet (the blank form)
    predikat: str
    # The plan of the year before, when it has an indicator of the same name: its realisasi and capaian.
    realisasi_lalu: Decimal | Kategori | None = None
    capaian_lalu: Capaian | None = None
    # True: no yearly target is stated and `target` is the one the capaian is computed against (from the
    # quarterly targets, `core.capaian.target_capaian`), marked in the table.
    target_triwulan: bool = False

    @property
    def capaian_nilai(self) -> Decimal | None:
        return self.capaian.nilai if self.capaian else None


@dataclass
class BarisAnggaranProgram:
    nomor: str
    program: str
    pagu: int | None
    realisasi: int | None
    serapan: Decimal | None
    capaian: Decimal | None
    efisiensi: Decimal | None


@dataclass
class LkjipDokumen:
    rencana_aksi_id: int
    tahun: int
    perangkat_daerah: str
    pemda: str
    singkatan: str
    triwulan: int
    ada_realisasi: bool  # False: the blank form
    capaian: list[BarisCapaian]
    tahun_lalu: int | None  # the year of the plan compared with, None when the PD has none
    triwulan_lalu: int | None
    anggaran: list[BarisAnggaranProgram]
    total_pagu: int
    total_realisasi: int | None
    total_serapan: Decimal | None
    total_capaian: Decimal | None
    total_efisiensi: Decimal | None
    draf: bool


def triwulan_terakhir(rencana_aksi: RencanaAksi) -> int | None:
    """The latest triwulan with a realisasi (kinerja or anggaran) in the plan, None when there is none (2 queries)."""
    found = [
        RealisasiIndikator.objects.filter(indikator__rencana_aksi=rencana_aksi).aggregate(m=Max("triwulan"))["m"],
        RealisasiAnggaran.objects.filter(sub_kegiatan__rencana_aksi=rencana_aksi).aggregate(m=Max("triwulan"))["m"],
    ]
    present = [tw for tw in found if tw]
    return max(present) if present else None


def _kunci(nama: str) -> str:
    return re.sub(r"\s+", " ", nama).strip().casefold()


def realisasi_tahun(item: IndikatorMonev, triwulan: int) -> Decimal | Kategori | None:
    """The realisasi of the year up to `triwulan` as the indicator accumulates it; None unless every triwulan the
    accumulation needs is reported (the capaian needs the same ones)."""
    values = item.nilai_realisasi[:triwulan]
    akumulasi = item.indikator.akumulasi
    last = values[-1]
    if isinstance(last, Kategori) or akumulasi in (Akumulasi.NILAI_AKHIR, Akumulasi.TETAP):
        return last
    if any(not isinstance(v, Decimal) for v in values):
        return None
    return expected_tahunan(akumulasi, [v for v in values if isinstance(v, Decimal)])


def _reported(item: IndikatorMonev, triwulan: int) -> bool:
    return any(v is not None for v in item.nilai_realisasi[:triwulan])


def _strategis(data: MonevData) -> list[IndikatorMonev]:
    return [i for i in data.indikator if i.sasaran is not None and i.sasaran.level == Sasaran.Level.STRATEGIS]


def _rencana_lalu(plan: RencanaAksi) -> RencanaAksi | None:
    """The PD's plan of the year before: its latest version."""
    return (RencanaAksi.objects.select_related("perangkat_daerah__pemda")
            .filter(perangkat_daerah_id=plan.perangkat_daerah_id, tahun=plan.tahun - 1).order_by("-versi").first())


def _mean(values: list[Decimal]) -> Decimal | None:
    return bulatkan(sum(values, Decimal(0)) / len(values)) if values else None


def lkjip(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> LkjipDokumen:
    """The LKjIP Bab III tables of a plan up to `triwulan` (default: the latest reported, see the module)."""
    plan = rencana_aksi
    terakhir = triwulan_terakhir(plan)
    tw = triwulan or terakhir or 4
    data = monev_data(rencana_aksi=plan, triwulan=tw)
    pd = data.plan.plan.perangkat_daerah
    ada_realisasi = any(_reported(i, tw) for i in data.indikator) or any(
        realisasi_sampai(s.realisasi_anggaran, tw) is not None for s in data.sub_kegiatan)

    lalu = _rencana_lalu(plan)
    lalu_by_nama: dict[str, IndikatorMonev] = {}
    tw_lalu = None
    if lalu is not None:
        tw_lalu = triwulan_terakhir(lalu) or 4
        for item in monev_data(rencana_aksi=lalu, triwulan=tw_lalu).indikator:
            lalu_by_nama.setdefault(_kunci(item.indikator.nama), item)

    rows: list[BarisCapaian] = []
    for item in _strategis(data):
        reported = _reported(item, tw)
        previous = lalu_by_nama.get(_kunci(item.indikator.nama))
        target = _nilai_target(data.plan.target(item.indikator.pk))
        dipakai = item.capaian.target
        target_triwulan = target.kosong and dipakai is not None
        if target_triwulan:
            target = _nilai_isian(dipakai)
        rows.append(BarisCapaian(
            nomor=str(len(rows) + 1), sasaran=item.sasaran.uraian if item.sasaran else "", sasaran_rowspan=1,
            indikator=item.indikator.nama, iku=item.indikator.is_iku, satuan=item.indikator.satuan,
            target=target, target_triwulan=target_triwulan,
            realisasi=realisasi_tahun(item, tw) if reported else None,
            capaian=item.capaian if reported else None,
            predikat=str(item.predikat.label) if reported and item.predikat else "",
            realisasi_lalu=realisasi_tahun(previous, tw_lalu) if previous and tw_lalu else None,
            capaian_lalu=previous.capaian if previous and tw_lalu and _reported(previous, tw_lalu) else None,
        ))
    _merge(rows, "sasaran", [r.sasaran for r in rows])

    capaian_by_indikator = {i.indikator.pk: i.capaian.nilai for i in data.indikator}
    subs_of_program: dict[int, list] = {}
    for s in data.sub_kegiatan:
        kegiatan = data.plan.kegiatan_by_id.get(s.sub_kegiatan.kegiatan_id)
        if kegiatan is not None:
            subs_of_program.setdefault(kegiatan.program_id, []).append(s)
    anggaran = []
    for n, program in enumerate(data.plan.program, start=1):
        subs = subs_of_program.get(program.pk, [])
        stated = [s.pagu for s in subs if s.pagu is not None]
        pagu = sum(stated) if stated else program.pagu
        spent = [r for s in subs if (r := realisasi_sampai(s.realisasi_anggaran, tw)) is not None]
        capaian = _mean([c for i in data.plan.indikator_ids_of("program", program.pk)
                         if (c := capaian_by_indikator.get(i)) is not None])
        serapan = data.serapan_program.get(program.pk)
        anggaran.append(BarisAnggaranProgram(
            nomor=str(n), program=f"{program.kode} {program.nama}".strip(), pagu=pagu,
            realisasi=sum(spent) if spent else None, serapan=serapan, capaian=capaian,
            efisiensi=efisiensi(capaian, serapan)))
    spent_total = [r.realisasi for r in anggaran if r.realisasi is not None]
    total_serapan = serapan_total(((s.pagu, s.realisasi_anggaran) for s in data.sub_kegiatan), tw)
    total_capaian = _mean([r.capaian_nilai for r in rows if r.capaian_nilai is not None])
    return LkjipDokumen(
        rencana_aksi_id=plan.pk, tahun=plan.tahun, perangkat_daerah=pd.nama, pemda=str(pd.pemda),
        singkatan=pd.singkatan, triwulan=tw, ada_realisasi=ada_realisasi, capaian=rows,
        tahun_lalu=lalu.tahun if lalu else None, triwulan_lalu=tw_lalu, anggaran=anggaran,
        total_pagu=sum(r.pagu or 0 for r in anggaran), total_realisasi=sum(spent_total) if spent_total else None,
        total_serapan=total_serapan, total_capaian=total_capaian,
        total_efisiensi=efisiensi(total_capaian, total_serapan),
        draf=plan.draf,
    )


def _nilai_isian(value: Decimal | Kategori | None) -> Nilai:
    """A computed target (a sum or a mean of quarterly targets) as a document shows it: at most 2 decimals."""
    if isinstance(value, Kategori):
        return Nilai(nilai=value.skor, desimal=banyak_desimal(value.skor, tanpa_nol=True) if value.skor else 0,
                     kategori=value.kode)
    if value is None:
        return Nilai()
    value = bulatkan(value) if banyak_desimal(value, tanpa_nol=True) > 2 else value
    return Nilai(nilai=value, desimal=banyak_desimal(value, tanpa_nol=True))


# --- Layout -------------------------------------------------------------------------------------------------------


def _angka(value: Decimal | Kategori | None) -> blok.Sel:
    if value is None:
        return blok.Sel(None, format="angka")
    if isinstance(value, Kategori):
        return blok.Sel(str(value), rata="tengah")
    return blok.Sel(value, format="angka", desimal=min(banyak_desimal(value, tanpa_nol=True), 2))


def _persen(value: Decimal | None) -> blok.Sel:
    return blok.Sel(value, format="persen", desimal=2)


def _capaian(capaian: Capaian | None) -> blok.Sel:
    if capaian is None:
        return _persen(None)
    if capaian.nilai is None:
        return blok.Sel(capaian.label, rata="tengah")  # "tercapai" / "tidak tercapai" / "—"
    return _persen(capaian.nilai)


def _h(teks: str, **kw) -> blok.Sel:
    return blok.Sel(teks, tebal=True, rata="tengah", **kw)


def tabel_capaian(doc: LkjipDokumen) -> blok.Tabel:
    tw = f"TW {ROMAWI[doc.triwulan]}"
    lalu = doc.tahun_lalu is not None
    top = [_h("No", rowspan=2), _h(_("Sasaran Strategis"), rowspan=2), _h(_("Indikator Kinerja"), rowspan=2),
           _h(_("Satuan"), rowspan=2), _h(str(doc.tahun), colspan=4)]
    second = [_h(_("Target")), _h(_("Realisasi s.d. %(tw)s") % {"tw": tw}), _h(_("Capaian (%)")), _h(_("Predikat"))]
    lebar = [4, 18, 22, 8, 9, 9, 8, 9]
    if lalu:
        top.append(_h(str(doc.tahun_lalu), colspan=2))
        second += [_h(_("Realisasi")), _h(_("Capaian (%)"))]
        lebar += [9, 8]
    top.append(_h(_("Rumus capaian"), rowspan=2))
    lebar.append(20)
    rows = []
    for r in doc.capaian:
        cells = [blok.Sel(r.nomor, rata="tengah")]
        if r.sasaran_rowspan:
            cells.append(blok.Sel(r.sasaran, rowspan=r.sasaran_rowspan))
        nama = f"{r.indikator} (IKU)" if r.iku else r.indikator
        target = f"{r.target.tampil}*" if r.target_triwulan else (r.target.tampil or "—")
        cells += [blok.Sel(nama), blok.Sel(r.satuan, rata="tengah"), blok.Sel(target, rata="tengah"),
                  _angka(r.realisasi), _capaian(r.capaian), blok.Sel(r.predikat, rata="tengah")]
        if lalu:
            cells += [_angka(r.realisasi_lalu), _capaian(r.capaian_lalu)]
        cells.append(blok.Sel(r.capaian.rumus if r.capaian else ""))
        rows.append(blok.Baris(cells))
    notes = [_("Capaian s.d. %(tw)s dihitung terhadap target s.d. %(tw)s menurut jenis akumulasi indikator; "
               "predikat menurut Permendagri 86/2017.") % {"tw": tw}]
    if any(r.target_triwulan for r in doc.capaian):
        notes.append(_("* Target tahun tidak diisi dalam rencana aksi: yang tertulis adalah target yang dipakai "
                       "menghitung capaian s.d. %(tw)s dari target triwulan (lihat rumus capaian).") % {"tw": tw})
    if lalu:
        notes.append(_("Tahun %(tahun)s: rencana aksi tahun sebelumnya, s.d. TW %(tw)s; indikator dicocokkan "
                       "menurut nama.") % {"tahun": doc.tahun_lalu, "tw": ROMAWI[doc.triwulan_lalu or 4]})
    else:
        notes.append(_("Tidak ada rencana aksi tahun %(tahun)s untuk dibandingkan.") % {"tahun": doc.tahun - 1})
    if not doc.ada_realisasi:
        notes.append(_("Realisasi belum diisi: tabel ini blangko."))
    return blok.Tabel(kepala=[top, second], baris=rows, lebar=lebar,
                      judul=_("Tabel 3.1 Capaian Kinerja %(pd)s Tahun %(tahun)s") % {"pd": doc.perangkat_daerah,
                                                                                     "tahun": doc.tahun},
                      catatan=" ".join(notes))


def tabel_anggaran(doc: LkjipDokumen) -> blok.Tabel:
    tw = f"TW {ROMAWI[doc.triwulan]}"
    kepala = [[_h("No"), _h(_("Program")), _h(_("Pagu (Rp)")), _h(_("Realisasi s.d. %(tw)s (Rp)") % {"tw": tw}),
               _h(_("Serapan (%)")), _h(_("Capaian Kinerja (%)")), _h(_("Efisiensi (%)"))]]
    rows = [blok.Baris([blok.Sel(r.nomor, rata="tengah"), blok.Sel(r.program), blok.Sel(r.pagu, format="rupiah"),
                        blok.Sel(r.realisasi, format="rupiah"), _persen(r.serapan), _persen(r.capaian),
                        _persen(r.efisiensi)]) for r in doc.anggaran]
    body = tuple(range(len(rows)))
    total = blok.Baris([
        blok.Sel(_("Jumlah"), colspan=2, tebal=True, rata="tengah"),
        blok.Sel(doc.total_pagu, format="rupiah", tebal=True, jumlah=body),
        blok.Sel(doc.total_realisasi, format="rupiah", tebal=True,
                 jumlah=body if doc.total_realisasi is not None else ()),
        blok.Sel(doc.total_serapan, format="persen", desimal=2, tebal=True),
        blok.Sel(doc.total_capaian, format="persen", desimal=2, tebal=True),
        blok.Sel(doc.total_efisiensi, format="persen", desimal=2, tebal=True),
    ], jenis="total")
    return blok.Tabel(
        kepala=kepala, baris=[*rows, total], lebar=[4, 40, 13, 13, 9, 10, 9],
        judul=_("Tabel 3.2 Realisasi Anggaran per Program Tahun %(tahun)s") % {"tahun": doc.tahun},
        catatan=_("Pagu: jumlah pagu sub kegiatan program (dasar serapan). Serapan = realisasi ÷ pagu × 100. "
                  "Capaian kinerja program: rata-rata capaian indikator yang didukungnya. Efisiensi = capaian "
                  "kinerja − serapan."))


def layout(doc: LkjipDokumen) -> blok.Dokumen:
    tw = ROMAWI[doc.triwulan]
    intro = _("Bab ini menyajikan capaian kinerja %(pd)s %(pemda)s tahun %(tahun)s sampai dengan triwulan %(tw)s: "
              "target, realisasi dan capaian setiap indikator sasaran strategis, perbandingan dengan tahun "
              "sebelumnya, serta realisasi anggaran per program.") % {
        "pd": doc.perangkat_daerah, "pemda": doc.pemda, "tahun": doc.tahun, "tw": tw}
    blocks: list = [
        blok.Judul(_("BAB III AKUNTABILITAS KINERJA"), 1),
        blok.Paragraf(intro),
        blok.Judul(_("A. Capaian Kinerja Organisasi"), 2),
        tabel_capaian(doc),
        blok.Judul(_("B. Realisasi Anggaran"), 2),
        tabel_anggaran(doc),
    ]
    nama = slugify(f"lkjip-bab-iii {doc.singkatan or doc.perangkat_daerah} {doc.pemda} {doc.tahun}")
    return blok.Dokumen(
        judul=f"{_('LKjIP Bab III')} {doc.perangkat_daerah} {doc.pemda} {_('Tahun')} {doc.tahun}",
        nama_berkas=nama, bagian=[blok.Bagian(blocks, orientasi="lanskap")], draf=doc.draf,
        pembuat=f"{doc.perangkat_daerah} {doc.pemda}", subjek=_("Laporan Kinerja Instansi Pemerintah, Bab III"),
        kata_kunci=["SAKIP", "LKjIP", str(doc.tahun), f"TW {tw}"],
    )


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> blok.Dokumen:
    """The LKjIP Bab III tables as blocks, up to `triwulan` (default: the latest triwulan with realisasi)."""
    return layout(lkjip(rencana_aksi=rencana_aksi, triwulan=triwulan))

