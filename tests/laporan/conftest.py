"""A plan built by hand the way the Samarinda document is laid out: two bidang, one headed by a Plt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from renaksi.organisasi import services as org
from renaksi.organisasi.models import Pejabat, Pemda
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import RencanaAksi, Sasaran


@dataclass
class TwoBidangPlan:
    plan: RencanaAksi
    kepala_pd: Pejabat
    plt: Pejabat
    kabid: Pejabat


@pytest.fixture
def two_bidang_plan(db) -> TwoBidangPlan:
    pemda = org.pemda_get_or_create(jenis=Pemda.Jenis.KOTA, nama="Samarinda")
    pd = org.perangkat_daerah_get_or_create(pemda=pemda, nama="Badan Kesatuan Bangsa dan Politik",
                                            singkatan="Kesbangpol", kode_urusan="8.01")
    ideologi = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Ideologi dan Wawasan Kebangsaan", urutan=1)
    politik = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Politik Dalam Negeri", urutan=2)
    kepala_pd = org.pejabat_create(perangkat_daerah=pd, nama="SUCIPTO, S.Pd, M.Si.", nip="19670319 199702 1 003",
                                   jabatan="Kepala Badan Kesatuan Bangsa dan Politik Kota Samarinda",
                                   pangkat="Pembina Utama Muda", golongan="IV/c")
    org.perangkat_daerah_set_kepala(perangkat_daerah=pd, pejabat=kepala_pd)
    plt = org.pejabat_create(perangkat_daerah=pd, bidang=ideologi, nama="MIFTAHURRIZQA, SE",
                             nip="19720710 199803 1 012", jabatan="Kabid. Ideologi, Wasbang Dan Karakter Bangsa",
                             pangkat="Pembina", golongan="IV/a", status=Pejabat.Status.PLT)
    org.bidang_set_kepala(bidang=ideologi, pejabat=plt)
    kabid = org.pejabat_create(perangkat_daerah=pd, bidang=politik, nama="MUNAWAROH, S. Sos. MM",
                               nip="19690325 199103 2 004", jabatan="Kepala Bidang Pendidikan Politik Dalam Negeri",
                               pangkat="Pembina", golongan="IV/a")
    org.bidang_set_kepala(bidang=politik, pejabat=kabid)

    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=2024, tempat="Samarinda", tanggal=date(2024, 1, 2),
                                   penandatangan=kepala_pd)
    sasaran = svc.sasaran_create(rencana_aksi=plan, uraian="Meningkatnya Penguatan Ideologi Pancasila",
                                 level=Sasaran.Level.STRATEGIS, nomor="1")
    iku = svc.indikator_create(sasaran=sasaran, nama="Persentase masyarakat yang paham ideologi bangsa",
                               satuan="%", formulasi="Peserta yang paham dibagi peserta x 100%", is_iku=True)
    svc.target_set(indikator=iku, tahun=2024, triwulan=None, nilai=Decimal("29.17"), teks="29,17%")
    for tw, (value, teks) in enumerate([("1.56", "1,56%"), ("1.64", "1,64%"), ("12.98", "12,98%"),
                                        ("12.99", "12,99%")], start=1):
        svc.target_set(indikator=iku, tahun=2024, triwulan=tw, nilai=Decimal(value), teks=teks)
    politik_ind = svc.indikator_create(sasaran=sasaran, nama="Persentase Peserta Pendidikan Politik", satuan="%")
    svc.target_set(indikator=politik_ind, tahun=2024, triwulan=None, nilai=Decimal("100"), teks="100%")
    bidang_ind = svc.indikator_create(sasaran=sasaran, nama="Presentase Pemahaman Terhadap Ideologi",
                                      bidang=ideologi)
    for tw in (1, 2, 3, 4):
        svc.target_set(indikator=bidang_ind, tahun=2024, triwulan=tw, nilai=Decimal(25), teks="25%")

    pk = svc.perjanjian_kinerja_create(rencana_aksi=plan, pihak_pertama=kepala_pd)
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=iku, target_teks="29,17%",
                                       target_nilai=Decimal("29.17"))
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=politik_ind, target_teks="100%",
                                       target_nilai=Decimal("100"))

    prog_ideo = svc.program_create(rencana_aksi=plan, kode="8.01.02", pagu=2_718_270_000, indikator=[iku],
                                   nama="Program Penguatan Ideologi Pancasila Dan Karakter Kebangsaan")
    keg_ideo = svc.kegiatan_create(program=prog_ideo, kode="8.01.02.2.01", pagu=2_718_270_000,
                                   nama="Perumusan Kebijakan Teknis Bidang Ideologi Pancasila")
    sub_koord = svc.sub_kegiatan_create(kegiatan=keg_ideo, nama="Pelaksanaan Koordinasi di Bidang Ideologi",
                                        pagu=506_090_000, bidang=ideologi, target_teks="1200 Orang")
    svc.aksi_create(sub_kegiatan=sub_koord, nomor="1", uraian="Rapat Interen", keluaran="Notulan Hasil rapat",
                    bulan=[1, 2])
    svc.aksi_create(sub_kegiatan=sub_koord, nomor="2", uraian="Koordinasi dengan Instansi terkait",
                    keluaran="Jumlah Peserta Pembinaan", bulan=[3, 4, 12])
    # A pagu that does not add up (the document's own mistake) is kept as written.
    sub_paskib = svc.sub_kegiatan_create(kegiatan=keg_ideo, nama="Pembentukan Paskibraka", pagu=1_850_000_000,
                                         bidang=ideologi, target_nilai=Decimal(300), target_satuan="orang")
    svc.aksi_create(sub_kegiatan=sub_paskib, nomor="1", uraian="Seleksi anggota Paskibraka", bulan=[5, 6, 7])

    prog_pol = svc.program_create(rencana_aksi=plan, kode="8.01.03", pagu=53_943_679_550, indikator=[politik_ind],
                                  nama="Program Peningkatan Peran Partai Politik")
    keg_pol = svc.kegiatan_create(program=prog_pol, kode="8.01.03.2.01", pagu=53_943_679_550,
                                  nama="Perumusan Kebijakan Teknis Bidang Pendidikan Politik")
    sub_pol = svc.sub_kegiatan_create(kegiatan=keg_pol, nama="Penyusunan Bahan Perumusan Kebijakan Politik",
                                      pagu=50_913_097_550, bidang=politik, target_teks="10 dokumen")
    for n, uraian in enumerate(["Rapat Interen", "Seleksi administrasi bantuan Parpol",
                                "Penyampaian rekomendasi bantuan Parpol"], start=1):
        svc.aksi_create(sub_kegiatan=sub_pol, nomor=str(n), uraian=uraian, bulan=[n, n + 6])
    return TwoBidangPlan(plan=plan, kepala_pd=kepala_pd, plt=plt, kabid=kabid)
