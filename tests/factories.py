"""A small world for tests: one Pemda with two PDs, another Pemda, officials, one user per persona, and plans.

Personas (healthchecks style):
- alice: perencana of PD Kesbangpol (edits the whole plan)
- kabid: kepala bidang Politik of the same PD (edits his bidang's aksi, sub kegiatan and targets)
- bob: kepala bidang Ideologi of the same PD (another bidang)
- kepala: kepala PD of the same PD (reads; approves later)
- eve: evaluator of the Pemda (reads everything of the Pemda, edits nothing)
- admin: admin pemda
- charlie: perencana of another PD of the same Pemda
- dave: perencana of a PD of another Pemda
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from renaksi.accounts.models import Peran, User
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pemda, PerangkatDaerah
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import RencanaAksi, Sasaran

PASSWORD = "rahasia-uji-123"


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
    pemda = org.pemda_get_or_create(jenis=Pemda.Jenis.KOTA, nama="Contoh")
    pd = org.perangkat_daerah_get_or_create(pemda=pemda, nama="Badan Kesatuan Bangsa dan Politik",
                                            singkatan="Kesbangpol", kode_urusan="8.01")
    politik = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Politik Dalam Negeri", urutan=1)
    ideologi = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Ideologi dan Wawasan Kebangsaan", urutan=2)
    kepala_politik = org.pejabat_create(perangkat_daerah=pd, bidang=politik, nama="MUNAWAROH, S.Sos., M.M.",
                                        jabatan="Kepala Bidang Politik Dalam Negeri", nip="19690325 199103 2 004",
                                        pangkat="Pembina", golongan="IV/a")
    org.bidang_set_kepala(bidang=politik, pejabat=kepala_politik)
    other_pd = org.perangkat_daerah_get_or_create(pemda=pemda, nama="Dinas Kesehatan", singkatan="Dinkes")
    other_pemda = org.pemda_get_or_create(jenis=Pemda.Jenis.KABUPATEN, nama="Lain")
    foreign_pd = org.perangkat_daerah_get_or_create(pemda=other_pemda, nama="Badan Kesatuan Bangsa dan Politik")
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
        dave=make_user("dave", Peran.PERENCANA, pemda=other_pemda, perangkat_daerah=foreign_pd),
        plan=plan, foreign_plan=foreign_plan,
    )


def submit(plan: RencanaAksi) -> None:
    """The plan leaves draft (the workflow is not built yet: set the status directly)."""
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DIAJUKAN)
    plan.refresh_from_db()
