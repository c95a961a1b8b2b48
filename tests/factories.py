"""Every piece of test data is built here, through the services like every other plan.

- `make_world()`: one Pemda with two PDs, another Pemda, officials, one user per persona, and plans. Personas
  (healthchecks style):
  - alice: perencana of PD Kesbangpol (edits the whole plan)
  - kabid: kepala bidang Politik of the same PD (edits his bidang's aksi, sub kegiatan and targets)
  - bob: kepala bidang Ideologi of the same PD (another bidang)
  - kepala: kepala PD of the same PD (reads; approves later)
  - eve: evaluator of the Pemda (reads everything of the Pemda, edits nothing)
  - admin: admin pemda
  - charlie: perencana of another PD of the same Pemda
  - dave: perencana of a PD of another Pemda
- `make_plan()`: a consistent plan; `make_two_bidang_plan()`: laid out like the Samarinda document;
  `make_rich_plan()`: every field filled, the awkward values included.
- Small pieces for the checker's rule tests: `make_pd`, `empty_plan`, `sasaran`, `indikator`, `set_target`, `budget`.
- The seeds rewritten in other formats: `seed_to_xlsx`, `seed_to_docx`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docx import Document
from openpyxl import Workbook

from renaksi.accounts.models import Peran, User
from renaksi.core.angka import parse_angka
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, Kegiatan, Program, RencanaAksi, Sasaran, SubKegiatan

PASSWORD = "rahasia-uji-123"
TAHUN = 2024


@dataclass
class World:
    pemda: Pemda
    pd: PerangkatDaerah
    other_pd: PerangkatDaerah
    foreign_pd: PerangkatDaerah
    bidang_politik: Bidang
    bidang_ideologi: Bidang
    alice: User
    kabid: User
    bob: User
    kepala: User
    eve: User
    admin: User
    charlie: User
    dave: User
    plan: RencanaAksi
    foreign_plan: RencanaAksi


def make_user(username: str, peran: str, **scope) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, peran=peran, **scope)


def make_plan(pd: PerangkatDaerah, *, tahun: int = 2024, n_sub_kegiatan: int = 2, aksi_per_sub: int = 2,
              bidang: list[Bidang] | None = None) -> RencanaAksi:
    """A consistent plan: 1 sasaran with 1 IKU (targets add up), 1 program → 1 kegiatan → n sub kegiatan → aksi."""
    bidang = bidang or list(pd.bidang.all()) or [None]
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=tahun, judul=f"Rencana Aksi {pd.nama} {tahun}")
    sasaran = svc.sasaran_create(rencana_aksi=plan, uraian="Meningkatnya partisipasi politik masyarakat",
                                 level=Sasaran.Level.STRATEGIS, nomor="1")
    iku = svc.indikator_create(sasaran=sasaran, nama="Persentase partisipasi pemilih", satuan="Persen",
                               is_iku=True, bidang=bidang[0])
    svc.target_set(indikator=iku, tahun=tahun, triwulan=None, nilai=Decimal("80"))
    for tw, value in enumerate(["10", "20", "20", "30"], start=1):
        svc.target_set(indikator=iku, tahun=tahun, triwulan=tw, nilai=Decimal(value))
    per_sub = 10_000_000
    program = svc.program_create(rencana_aksi=plan, nama="Program Peningkatan Peran Partai Politik",
                                 kode="8.01.03", pagu=per_sub * n_sub_kegiatan, indikator=[iku])
    kegiatan = svc.kegiatan_create(program=program, nama="Perumusan Kebijakan Teknis Bidang Politik",
                                   kode="8.01.03.2.01", pagu=per_sub * n_sub_kegiatan)
    for i in range(n_sub_kegiatan):
        sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama=f"Sub kegiatan uji {i + 1}", pagu=per_sub,
                                      bidang=bidang[i % len(bidang)], target_teks="12 laporan",
                                      target_nilai=Decimal(12), target_satuan="laporan")
        for j in range(aksi_per_sub):
            svc.aksi_create(sub_kegiatan=sub, uraian=f"Aksi {j + 1} dari sub kegiatan {i + 1}", nomor=str(j + 1),
                            keluaran="Laporan", penanggung_jawab="Kepala Bidang", bulan=[1, 2, 3 + j])
    return plan


def make_world() -> World:
    pd = make_pd(pemda="Contoh", singkatan="Kesbangpol", kode_urusan="8.01")
    pemda = pd.pemda
    politik = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Politik Dalam Negeri", urutan=1)
    ideologi = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Ideologi dan Wawasan Kebangsaan", urutan=2)
    kepala_politik = org.pejabat_create(perangkat_daerah=pd, bidang=politik, nama="MUNAWAROH, S.Sos., M.M.",
                                        jabatan="Kepala Bidang Politik Dalam Negeri", nip="19690325 199103 2 004",
                                        pangkat="Pembina", golongan="IV/a")
    org.bidang_set_kepala(bidang=politik, pejabat=kepala_politik)
    other_pd = make_pd("Dinas Kesehatan", pemda="Contoh", singkatan="Dinkes")
    foreign_pd = make_pd(pemda="Lain", jenis=Pemda.Jenis.KABUPATEN)
    plan = make_plan(pd, bidang=[politik, ideologi])
    foreign_plan = make_plan(foreign_pd)
    return World(
        pemda=pemda, pd=pd, other_pd=other_pd, foreign_pd=foreign_pd,
        bidang_politik=politik, bidang_ideologi=ideologi,
        alice=make_user("alice", Peran.PERENCANA, pemda=pemda, perangkat_daerah=pd),
        kabid=make_user("kabid", Peran.KEPALA_BIDANG, pemda=pemda, perangkat_daerah=pd, bidang=politik),
        bob=make_user("bob", Peran.KEPALA_BIDANG, pemda=pemda, perangkat_daerah=pd, bidang=ideologi),
        kepala=make_user("kepala", Peran.KEPALA_PD, pemda=pemda, perangkat_daerah=pd),
        eve=make_user("eve", Peran.EVALUATOR, pemda=pemda),
        admin=make_user("admin_pemda", Peran.ADMIN_PEMDA, pemda=pemda),
        charlie=make_user("charlie", Peran.PERENCANA, pemda=pemda, perangkat_daerah=other_pd),
        dave=make_user("dave", Peran.PERENCANA, pemda=foreign_pd.pemda, perangkat_daerah=foreign_pd),
        plan=plan, foreign_plan=foreign_plan,
    )


def submit(plan: RencanaAksi) -> None:
    """The plan leaves draft (the workflow is not built yet: set the status directly)."""
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DIAJUKAN)
    plan.refresh_from_db()


def approve_via_workflow(plan: RencanaAksi, *, perencana: User, kepala: User) -> RencanaAksi:
    """The plan goes through the workflow's services: the perencana submits it, the kepala PD approves it (the
    checker's gate applies: the plan must have no open error finding)."""
    from renaksi.alur import services as alur

    alur.rencana_aksi_ajukan(rencana_aksi=plan, by=perencana)
    alur.rencana_aksi_setujui(rencana_aksi=plan, by=kepala)
    plan.refresh_from_db()
    return plan


def make_pd(nama: str = "Badan Kesatuan Bangsa dan Politik", *, pemda: str = "Uji", jenis: str = Pemda.Jenis.KOTA,
            ibukota: str = "", **fields) -> PerangkatDaerah:
    """The PD of that name in that Pemda, created when missing (a new Pemda name gives a PD that shares nothing)."""
    return org.perangkat_daerah_get_or_create(
        pemda=org.pemda_get_or_create(jenis=jenis, nama=pemda, ibukota=ibukota), nama=nama, **fields)


# --- Pieces for the checker's rule tests ----------------------------------------------------------------------------


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


# --- A plan laid out like the Samarinda document --------------------------------------------------------------------


@dataclass
class TwoBidangPlan:
    plan: RencanaAksi
    kepala_pd: Pejabat
    plt: Pejabat
    kabid: Pejabat


def make_two_bidang_plan() -> TwoBidangPlan:
    """A plan laid out like the Samarinda document: two bidang, one headed by a Plt., a PK, pagu that do not add up."""
    pd = make_pd(pemda="Samarinda", singkatan="Kesbangpol", kode_urusan="8.01")
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

    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=2024, tempat="Samarinda", tanggal=dt.date(2024, 1, 2),
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


# --- A plan with every field ----------------------------------------------------------------------------------------


def make_rich_plan(pd: PerangkatDaerah, tahun: int = 2024) -> RencanaAksi:
    """Every field of every row filled, the awkward values included: decimals written with trailing zeros, a
    category target, a percentage wording, an empty quarter, "-" as a target, pagu 0 and pagu None, an aksi without
    schedule, an acting (Plt.) official, a PK with both parties."""
    politik = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Politik Dalam Negeri", urutan=1)
    sekretariat = org.bidang_get_or_create(perangkat_daerah=pd, nama="Sekretariat, Umum; Keuangan", urutan=3)
    kepala = org.pejabat_create(perangkat_daerah=pd, nama="SUCIPTO, S.Pd, M.Si.", jabatan="Kepala Badan",
                                nip="19670319 199702 1 003", pangkat="Pembina Utama Muda", golongan="IV/c",
                                status=Pejabat.Status.PLT)
    org.perangkat_daerah_set_kepala(perangkat_daerah=pd, pejabat=kepala)
    kabid = org.pejabat_create(perangkat_daerah=pd, bidang=politik, nama="Hj. SRI REPELITA, S.Sos, M.Si",
                               jabatan="Kepala Bidang Politik Dalam Negeri", nip="196901272001122001",
                               pangkat="Pembina", golongan="IV/a")
    org.bidang_set_kepala(bidang=politik, pejabat=kabid)
    walikota = org.pejabat_create(perangkat_daerah=pd, nama="Dr. H. ANDI HARUN", jabatan="Wali Kota")
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=tahun, judul="Rencana Aksi Kaya", tempat="Samarinda",
                                   tanggal=dt.date(tahun, 1, 2), penandatangan=kepala)
    s1 = svc.sasaran_create(rencana_aksi=plan, uraian="Meningkatnya kualitas perencanaan", nomor="6.1",
                            bidang=sekretariat)
    ipa = svc.indikator_create(sasaran=s1, nama="Indeks Profesionalitas ASN", satuan="Persen",
                               formulasi="Nilai IP ASN dibagi 100", akumulasi="kumulatif", akumulasi_disimpulkan=True,
                               alasan_inferensi="target triwulan cocok dengan jenis kumulatif", is_iku=True,
                               sumber_data="BKPSDM", penanggung_jawab="Sekretaris", bidang=sekretariat)
    svc.indikator_update(indikator=ipa, catatan="dibulatkan dua desimal")
    svc.target_set(indikator=ipa, tahun=tahun, triwulan=None, nilai=Decimal("64.78"))
    for tw in (1, 2, 3, 4):
        svc.target_set(indikator=ipa, tahun=tahun, triwulan=tw, nilai=Decimal("16.20"))
    akip = svc.indikator_create(sasaran=s1, nama="Hasil Evaluasi AKIP", satuan="Kategori/Nilai",
                                jenis_target=Indikator.JenisTarget.KATEGORI, polaritas="positif",
                                polaritas_disimpulkan=True, akumulasi="tetap")
    svc.target_set(indikator=akip, tahun=tahun, triwulan=None, nilai=Decimal("67.34"), kategori="B")
    svc.target_set(indikator=akip, tahun=tahun, triwulan=4, nilai=Decimal("67.34"), kategori="B",
                   teks="B (67,34)")
    s2 = svc.sasaran_create(rencana_aksi=plan, uraian="Terlaksananya pengelolaan keuangan",
                            level=Sasaran.Level.PROGRAM, parent=s1, nomor="6.2")
    temuan = svc.indikator_create(sasaran=s2, nama="Persentase temuan keuangan", satuan="Persen",
                                  polaritas="negatif", akumulasi="nilai_akhir")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=None, nilai=Decimal("0"), teks="0%")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=1, nilai=Decimal("29.17"), teks="29,17%")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=2, nilai=Decimal("1500"), teks="1.500")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=3, nilai=None, teks="-")
    svc.target_set(indikator=temuan, tahun=tahun, triwulan=4, nilai=Decimal("1.500"))
    svc.sasaran_create(rencana_aksi=plan, uraian="Sasaran tanpa indikator", level=Sasaran.Level.KEGIATAN,
                       parent=s2)
    program = svc.program_create(rencana_aksi=plan, nama="Program Penunjang Urusan Pemerintahan Daerah",
                                 kode="8.01.01", pagu=2_720_900_248, indikator=[ipa, akip])
    kegiatan = svc.kegiatan_create(program=program, nama="Administrasi Keuangan", kode="8.01.01.2.02",
                                   pagu=None, indikator=[temuan])
    sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama="Penyediaan Gaji dan Tunjangan ASN",
                                  kode="8.01.01.2.02.0001", pagu=1_800_807_540, bidang=sekretariat,
                                  indikator=[temuan], target_nilai=Decimal("1200"), target_satuan="Orang",
                                  target_teks="1200 Orang")
    svc.anggaran_update(obj=sub, catatan="sesuai DPA")
    kosong = svc.sub_kegiatan_create(kegiatan=kegiatan, nama="Sub kegiatan berpagu nol", pagu=0)
    svc.aksi_create(sub_kegiatan=sub, uraian="Rapat Interen", nomor="1", keluaran="Notulen",
                    target_nilai=Decimal("12.5"), target_satuan="laporan", target_teks="12,5 laporan",
                    pagu=5_000_000, penanggung_jawab="Kepala Bidang Politik Dalam Negeri", pejabat=kabid,
                    bulan=range(1, 13))
    aksi = svc.aksi_create(sub_kegiatan=sub, uraian="Penyusunan laporan; koreksi, revisi", nomor="7")
    svc.aksi_update(aksi=aksi, catatan="nomor 4–6 tidak ada di dokumen")
    svc.aksi_create(sub_kegiatan=kosong, uraian="Aksi di sub kegiatan berpagu nol", bulan=[12], pejabat=kepala)
    pk = svc.perjanjian_kinerja_create(rencana_aksi=plan, pihak_pertama=kepala, pihak_kedua=walikota,
                                       pihak_kedua_jabatan="Wali Kota Samarinda", tempat="Samarinda",
                                       tanggal=dt.date(tahun, 1, 15))
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=ipa, nomor="1",
                                       target_nilai=Decimal("64.78"), target_teks="64,78")
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=akip, nomor="2",
                                       target_nilai=Decimal("67.34"), target_kategori="B", target_teks="B (67,34)")
    return plan


# --- Seeds in other formats -----------------------------------------------------------------------------------------


def seed_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def seed_to_xlsx(path: Path) -> bytes:
    """Every line of the text copy in its own row, its TAB cells in columns, every value as text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Rencana Aksi"
    for r, line in enumerate(seed_lines(path), start=1):
        for c, text in enumerate(line.split("\t"), start=1):
            if text:
                cell = ws.cell(row=r, column=c, value=text)
                cell.data_type = "s"  # never a formula, even for a cell starting with "="
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def seed_to_docx(path: Path) -> bytes:
    """Lines with TABs become rows of a table (consecutive ones one table), other lines become paragraphs."""
    document = Document()
    lines = seed_lines(path)
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            document.add_paragraph(lines[i])
            i += 1
            continue
        block = []
        while i < len(lines) and "\t" in lines[i]:
            block.append(lines[i].split("\t"))
            i += 1
        table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
        for r, cells in enumerate(block):
            row_cells = table.rows[r].cells
            for c, text in enumerate(cells):
                if text:
                    row_cells[c].text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
