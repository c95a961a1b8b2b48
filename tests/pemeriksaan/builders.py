"""Minimal plans for the checker's tests, written through the services like every other plan."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from renaksi.core.angka import parse_angka
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Pemda, PerangkatDaerah
from renaksi.pemeriksaan import api
from renaksi.pemeriksaan.findings import Finding
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, Kegiatan, Program, RencanaAksi, Sasaran, SubKegiatan

TAHUN = 2024


def make_pd(nama: str = "Badan Kesatuan Bangsa dan Politik") -> PerangkatDaerah:
    pemda = org.pemda_get_or_create(jenis=Pemda.Jenis.KOTA, nama="Uji")
    return org.perangkat_daerah_get_or_create(pemda=pemda, nama=nama)


def empty_plan(pd: PerangkatDaerah | None = None, tahun: int = TAHUN) -> RencanaAksi:
    return svc.rencana_aksi_create(perangkat_daerah=pd or make_pd(), tahun=tahun)


def sasaran(plan: RencanaAksi, uraian: str = "Meningkatnya partisipasi politik") -> Sasaran:
    return svc.sasaran_create(rencana_aksi=plan, uraian=uraian)


def set_target(ind: Indikator, triwulan: int | None, teks: str | None) -> None:
    """Write a target as a document would: '16.20', 'B (67,34)', '' (empty), None (no row at all)."""
    if teks is None:
        return
    angka = parse_angka(teks)
    svc.target_set(indikator=ind, tahun=ind.rencana_aksi.tahun, triwulan=triwulan, nilai=angka.nilai,
                   kategori=angka.kategori, teks=teks, desimal=angka.desimal)


def indikator(plan: RencanaAksi, tahunan: str | None, triwulan: Sequence[str | None] = (None,) * 4, *,
              akumulasi: str = "kumulatif", jenis_target: str = "angka", nama: str = "Persentase partisipasi",
              on: Sasaran | None = None, bidang=None, satuan: str = "Persen", disimpulkan: bool = False
              ) -> Indikator:
    ind = svc.indikator_create(sasaran=on or sasaran(plan), nama=nama, satuan=satuan, akumulasi=akumulasi,
                               akumulasi_disimpulkan=disimpulkan, jenis_target=jenis_target, bidang=bidang)
    set_target(ind, None, tahunan)
    for tw, teks in enumerate(triwulan, start=1):
        set_target(ind, tw, teks)
    return ind


def budget(plan: RencanaAksi, program: int | None, kegiatan: int | None, subs: Sequence[int | None], *,
           names: Sequence[str] | None = None, with_aksi: bool = True, bidang=None
           ) -> tuple[Program, Kegiatan, list[SubKegiatan]]:
    p = svc.program_create(rencana_aksi=plan, nama="Program Penguatan Ideologi Pancasila", pagu=program)
    k = svc.kegiatan_create(program=p, nama="Perumusan Kebijakan Teknis Bidang Ideologi", pagu=kegiatan)
    result = []
    for i, pagu in enumerate(subs):
        name = names[i] if names else f"Pelaksanaan Koordinasi {i + 1}"
        sub = svc.sub_kegiatan_create(kegiatan=k, nama=name, pagu=pagu, bidang=bidang)
        if with_aksi:
            svc.aksi_create(sub_kegiatan=sub, uraian="Rapat koordinasi", nomor="1", keluaran="Notulen",
                            penanggung_jawab="Kepala Bidang", bulan=[2])
        result.append(sub)
    return p, k, result


def findings(plan: RencanaAksi, rule: str | None = None) -> list[Finding]:
    found = api.check_plan(plan)
    return [f for f in found if rule is None or f.rule == rule]


def one(plan: RencanaAksi, rule: str) -> Finding:
    found = findings(plan, rule)
    assert len(found) == 1, f"expected one {rule}, got {[(f.rule, f.message) for f in found]}"
    return found[0]


def D(value: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(value)
