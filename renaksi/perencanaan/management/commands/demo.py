"""`renaksi demo [--seeds DIR]`: a working demo in one command, safe to run again.

Creates the two demo Pemda (Kabupaten Bangka, Kota Samarinda) with their Badan Kesbangpol, bidang and officials as
the seed documents name them, one user per role for each Pemda (printed with their passwords), and imports both
seed documents through the importer (`renaksi.impor.api.import_path`). When the importer is not installed, or a
document cannot be imported, it says so and creates a small example plan instead. Imported plans stay in draft.

Running it twice changes nothing but the demo passwords (reset to the printed ones): Pemda, PD, bidang and
officials are looked up before they are created, users by user name, and a seed is not imported again when its PD
already has a plan for that year.
"""

from __future__ import annotations

import inspect
import os
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from renaksi.accounts.models import Peran, User
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import RencanaAksi, Sasaran

DEMO_PASSWORD = "renaksi-demo"
TAHUN = 2024
PD_NAMA = "Badan Kesatuan Bangsa dan Politik"


@dataclass(frozen=True)
class PejabatSeed:
    nama: str
    jabatan: str
    nip: str = ""
    pangkat: str = ""
    golongan: str = ""
    status: str = Pejabat.Status.DEFINITIF


@dataclass(frozen=True)
class BidangSeed:
    nama: str
    kepala: PejabatSeed | None = None


@dataclass(frozen=True)
class PemdaSeed:
    key: str  # user name prefix
    jenis: str
    nama: str
    ibukota: str
    penanda: str  # text that identifies this Pemda's seed document
    alamat: str
    kepala: PejabatSeed | None
    bidang: tuple[BidangSeed, ...]
    kabid_users: tuple[tuple[str, str], ...]  # (user name suffix, bidang name) for the two kepala bidang users


# As the seed documents write them. Bangka's document names positions only, no people: its bidang have no head.
SAMARINDA = PemdaSeed(
    key="samarinda", jenis=Pemda.Jenis.KOTA, nama="Samarinda", ibukota="Samarinda", penanda="KOTA SAMARINDA",
    alamat="Jalan Balaikota No. 27 Samarinda Kode Pos 75121",
    kepala=PejabatSeed("SUCIPTO, S.Pd, M.Si.", "Kepala Badan Kesatuan Bangsa dan Politik Kota Samarinda",
                       nip="19670319 199702 1 003"),
    bidang=(
        BidangSeed("Bidang Ideologi dan Wawasan Kebangsaan", PejabatSeed(
            "MIFTAHURRIZQA,SE", "Kabid. Ideologi, Wasbang Dan Karakter Bangsa", nip="19720710 199803 1 012",
            pangkat="Pembina", golongan="IV/a", status=Pejabat.Status.PLT)),
        BidangSeed("Bidang Politik Dalam Negeri", PejabatSeed(
            "MUNAWAROH, S. Sos. MM", "Kepala Bidang Pendidikan Politik Dalam Negeri", nip="19690325 199103 2 004",
            pangkat="Pembina", golongan="IV/a")),
        BidangSeed("Bidang Ketahanan Ekonomi, Sosial Budaya, Agama dan Organisasi Kemasyarakatan", PejabatSeed(
            "Hj. SRI REPELITA, S.Sos, M.Si", "Kabid. Ekososbud, Agama Dan Organisasi Masyarakat",
            nip="19690127 200112 2 001", pangkat="Pembina", golongan="IV/a")),
        BidangSeed("Bidang Kewaspadaan Nasional", PejabatSeed(
            "ROKHMAT WAHYUDIS, Sos.M.Si.", "Kepala Kewaspadaan Nasional", nip="196801301994031009")),
    ),
    kabid_users=(("kabid.ideologi", "Bidang Ideologi dan Wawasan Kebangsaan"),
                 ("kabid.politik", "Bidang Politik Dalam Negeri")),
)
BANGKA = PemdaSeed(
    key="bangka", jenis=Pemda.Jenis.KABUPATEN, nama="Bangka", ibukota="Sungailiat", penanda="KABUPATEN BANGKA",
    alamat="", kepala=None,
    bidang=(
        BidangSeed("Sekretariat"),
        BidangSeed("Bidang Ideologi dan Wawasan Kebangsaan"),
        BidangSeed("Bidang Politik dan Organisasi Kemasyarakatan"),
        BidangSeed("Bidang Kewaspadaan Nasional dan Penanganan Konflik"),
    ),
    kabid_users=(("kabid.ideologi", "Bidang Ideologi dan Wawasan Kebangsaan"),
                 ("kabid.politik", "Bidang Politik dan Organisasi Kemasyarakatan")),
)
PEMDA_SEEDS = (BANGKA, SAMARINDA)


@dataclass
class DemoUser:
    pemda: str
    peran: str
    username: str
    lingkup: str


class Command(BaseCommand):
    help = ("Membuat data demo: Pemda Kabupaten Bangka dan Kota Samarinda, Kesbangpol, bidang, pejabat, satu "
            "pengguna per peran, dan mengimpor dua dokumen contoh. Aman dijalankan ulang.")

    def add_arguments(self, parser):
        default = os.environ.get("RENAKSI_SEEDS") or str(Path(settings.BASE_DIR).parent / "shared" / "seeds")
        parser.add_argument("--seeds", default=default, help=f"Folder dokumen contoh (bawaan: {default}).")

    def handle(self, *args, seeds: str, **options):
        seeds_dir = Path(seeds)
        users: list[DemoUser] = []
        pds: dict[str, PerangkatDaerah] = {}
        for seed in PEMDA_SEEDS:
            with transaction.atomic():
                pd = self._organisasi(seed)
                users += self._users(seed, pd)
            pds[seed.key] = pd
        self._plans(seeds_dir, pds)
        self._print_users(users)

    # --- Organisation ---------------------------------------------------------------------------------------

    def _organisasi(self, seed: PemdaSeed) -> PerangkatDaerah:
        pemda = org.pemda_get_or_create(jenis=seed.jenis, nama=seed.nama, ibukota=seed.ibukota)
        pd = org.perangkat_daerah_get_or_create(pemda=pemda, nama=PD_NAMA, singkatan="Kesbangpol",
                                                kode_urusan="8.01", alamat=seed.alamat)
        if seed.kepala and pd.kepala_id is None:
            org.perangkat_daerah_set_kepala(perangkat_daerah=pd, pejabat=self._pejabat(pd, seed.kepala, None))
        for urutan, bidang_seed in enumerate(seed.bidang, start=1):
            bidang = org.bidang_get_or_create(perangkat_daerah=pd, nama=bidang_seed.nama, urutan=urutan)
            if bidang_seed.kepala and bidang.kepala_id is None:
                org.bidang_set_kepala(bidang=bidang, pejabat=self._pejabat(pd, bidang_seed.kepala, bidang))
        return pd

    def _pejabat(self, pd: PerangkatDaerah, p: PejabatSeed, bidang: Bidang | None) -> Pejabat:
        return org.pejabat_get_or_create(perangkat_daerah=pd, nama=p.nama, jabatan=p.jabatan, nip=p.nip,
                                         pangkat=p.pangkat, golongan=p.golongan, status=p.status, bidang=bidang)

    def _users(self, seed: PemdaSeed, pd: PerangkatDaerah) -> list[DemoUser]:
        pemda = pd.pemda
        label = str(pemda)
        specs: list[tuple[str, str, dict, str]] = [
            ("admin", Peran.ADMIN_PEMDA, {"pemda": pemda}, f"semua PD {label}"),
            ("perencana", Peran.PERENCANA, {"pemda": pemda, "perangkat_daerah": pd}, f"Kesbangpol {label}"),
        ]
        for suffix, bidang_nama in seed.kabid_users:
            bidang = pd.bidang.get(nama__iexact=bidang_nama)
            specs.append((suffix, Peran.KEPALA_BIDANG,
                          {"pemda": pemda, "perangkat_daerah": pd, "bidang": bidang, "pejabat": bidang.kepala},
                          bidang.nama))
        specs += [
            ("kepala", Peran.KEPALA_PD, {"pemda": pemda, "perangkat_daerah": pd, "pejabat": pd.kepala},
             f"Kesbangpol {label}"),
            ("evaluator", Peran.EVALUATOR, {"pemda": pemda}, f"semua PD {label} (baca saja)"),
        ]
        created = []
        for suffix, peran, scope, lingkup in specs:
            username = f"{seed.key}.{suffix}"
            user = User.objects.filter(username=username).first() or User(username=username)
            user.peran = peran
            user.first_name = f"{Peran(peran).label} {seed.nama}"[:150]
            user.pemda = scope.get("pemda")
            user.perangkat_daerah = scope.get("perangkat_daerah")
            user.bidang = scope.get("bidang")
            user.pejabat = scope.get("pejabat")
            user.set_password(DEMO_PASSWORD)
            user.save()
            created.append(DemoUser(pemda=label, peran=str(Peran(peran).label), username=username, lingkup=lingkup))
        return created

    # --- Plans ----------------------------------------------------------------------------------------------

    def _plans(self, seeds_dir: Path, pds: dict[str, PerangkatDaerah]) -> None:
        documents = self._seed_documents(seeds_dir)
        import_path = _importer()
        warned = False
        for seed in PEMDA_SEEDS:
            pd = pds[seed.key]
            path = documents.get(seed.key)
            tahun = _tahun_of(path) if path else TAHUN
            existing = RencanaAksi.objects.filter(perangkat_daerah=pd, tahun=tahun).first()
            if existing:
                self.stdout.write(f"Rencana aksi {pd} {tahun} sudah ada (#{existing.pk}); tidak dibuat lagi.")
                continue
            if import_path is None and not warned:
                warned = True
                self.stderr.write(self.style.WARNING(
                    "PERINGATAN: importer (renaksi.impor.api.import_path) belum tersedia; dokumen contoh TIDAK "
                    "diimpor. Dibuat rencana aksi contoh kecil sebagai gantinya."))
            if import_path is not None and path is not None:
                try:
                    plan = _run_import(import_path, path, pd, tahun)
                except Exception as exc:  # the demo must still come up; say loudly what failed
                    self.stderr.write(self.style.ERROR(f"Impor {path.name} gagal: {exc}"))
                else:
                    self.stdout.write(self.style.SUCCESS(
                        f"Diimpor: {path.name} → {plan} {pd.pemda} (#{plan.pk}, {plan.get_status_display()})."))
                    continue
            elif import_path is not None:
                self.stderr.write(self.style.WARNING(
                    f"Dokumen contoh {seed.penanda.title()} tidak ditemukan di {seeds_dir}."))
            plan = _contoh_samarinda(pd) if seed is SAMARINDA else _contoh_bangka(pd)
            self.stdout.write(f"Dibuat rencana aksi contoh: {plan} {pd.pemda} (#{plan.pk}, draf).")

    def _seed_documents(self, seeds_dir: Path) -> dict[str, Path]:
        """Which seed file belongs to which Pemda, recognised by the region named in the text."""
        if not seeds_dir.is_dir():
            self.stderr.write(self.style.WARNING(f"Folder dokumen contoh tidak ada: {seeds_dir}"))
            return {}
        found: dict[str, Path] = {}
        for path in sorted(seeds_dir.glob("*.txt")):
            if path.name.lower() == "readme.md":
                continue
            head = path.read_text(encoding="utf-8", errors="replace")[:5000].upper()
            for seed in PEMDA_SEEDS:
                if seed.penanda in head and seed.key not in found:
                    found[seed.key] = path
        return found

    def _print_users(self, users: list[DemoUser]) -> None:
        headers = ("Pemda", "Peran", "Nama pengguna", "Kata sandi", "Lingkup")
        rows = [(u.pemda, u.peran, u.username, DEMO_PASSWORD, u.lingkup) for u in users]
        widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

        def line(values) -> str:
            return "| " + " | ".join(str(v).ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

        rule = "+-" + "-+-".join("-" * w for w in widths) + "-+"
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Pengguna demo (hanya untuk mencoba, jangan dipakai di produksi):"))
        self.stdout.write(rule)
        self.stdout.write(line(headers))
        self.stdout.write(rule)
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write(rule)


# --- The importer, when it is installed -------------------------------------------------------------------------


def _importer():
    try:
        from renaksi.impor import api
    except ImportError:
        return None
    return getattr(api, "import_path", None)


def _run_import(import_path, path: Path, pd: PerangkatDaerah, tahun: int) -> RencanaAksi:
    """Import one seed into the demo PD. The importer takes the keywords of `import_document` (directly or through
    `**kw`); the PD and the year are passed so that the plan lands on the demo PD whatever the title says."""
    parameters = inspect.signature(import_path).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())
    offered = {"perangkat_daerah": pd, "tahun": tahun}
    kwargs = {k: v for k, v in offered.items() if takes_any or k in parameters}
    result = import_path(path, **kwargs)
    plan = result if isinstance(result, RencanaAksi) else getattr(result, "rencana_aksi", None)
    if plan is None:
        plan = RencanaAksi.objects.filter(perangkat_daerah=pd, tahun=tahun).order_by("-versi").first()
    if plan is None:
        raise CommandError(f"importer tidak menghasilkan rencana aksi untuk {path.name}")
    return plan


def _tahun_of(path: Path) -> int:
    match = re.search(r"TAHUN\s+(20\d\d)", path.read_text(encoding="utf-8", errors="replace")[:5000], re.I)
    return int(match.group(1)) if match else TAHUN


# --- Small example plans, when the importer cannot be used ------------------------------------------------------
# Taken from the seed documents (names, targets, pagu); the monthly schedule is illustrative, because the
# shaded month cells of the seeds did not survive the text copy.


def _targets(indikator, tahunan: str, triwulan: tuple[str, str, str, str] | None = None, persen: bool = True):
    def nilai(teks: str) -> Decimal:
        return Decimal(teks.replace(",", "."))

    suffix = "%" if persen else ""
    svc.target_set(indikator=indikator, tahun=TAHUN, triwulan=None, nilai=nilai(tahunan), teks=tahunan + suffix)
    for tw, teks in enumerate(triwulan or (), start=1):
        svc.target_set(indikator=indikator, tahun=TAHUN, triwulan=tw, nilai=nilai(teks), teks=teks + suffix)


@transaction.atomic
def _contoh_samarinda(pd: PerangkatDaerah) -> RencanaAksi:
    bidang = {b.nama: b for b in pd.bidang.all()}
    ideologi = bidang["Bidang Ideologi dan Wawasan Kebangsaan"]
    politik = bidang["Bidang Politik Dalam Negeri"]
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=TAHUN, tempat="Samarinda", tanggal=date(2024, 1, 2),
                                   penandatangan=pd.kepala, judul="Rencana aksi contoh (demo, bukan hasil impor)")
    sasaran = svc.sasaran_create(
        rencana_aksi=plan, nomor="1", level=Sasaran.Level.STRATEGIS,
        uraian="Meningkatnya Penguatan dan Pemahaman Ideologi Pancasila sebagai Karakter Kebangsaan Bangsa, "
               "Politik, Sosial Budaya dan Keagamaan serta Penguatan Konflik Sosial")
    iku = svc.indikator_create(
        sasaran=sasaran, satuan="%", is_iku=True,
        nama="Persentase jumlah masyarakat yang sudah diberikan pemahaman mengenai ideologi bangsa dan "
             "wawasan kebangsaan",
        formulasi="Jumlah Peserta Sosialisasi yang paham kegiatan Ideologi Pancasila sebagai Karakter Kebangsaan "
                  "dibagi yang belum memahami di kalikan 100%")
    _targets(iku, "29,17", ("1,56", "1,64", "12,98", "12,99"))
    pol = svc.indikator_create(sasaran=sasaran, satuan="%",
                               nama="Persentase jumlah Peserta Pendidikan, Pengembangan dan Budaya Politik")
    _targets(pol, "100", ("10", "20", "35", "35"))
    pk = svc.perjanjian_kinerja_create(rencana_aksi=plan, pihak_pertama=pd.kepala, tempat="Samarinda",
                                       tanggal=date(2024, 1, 2))
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=iku, nomor="1", target_nilai=Decimal("29.17"),
                                       target_teks="29,17%")
    svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=pol, nomor="2", target_nilai=Decimal(100),
                                       target_teks="100%")
    for b in (ideologi, politik):
        ind = svc.indikator_create(sasaran=sasaran, bidang=b, nama="Presentase Pemahaman Terhadap Ideologi, "
                                   "Politik, sosial budaya, Pertahanan dan Keamanan Konflik sosial")
        for tw in (1, 2, 3, 4):
            svc.target_set(indikator=ind, tahun=TAHUN, triwulan=tw, nilai=Decimal(25), teks="25%")

    program = svc.program_create(rencana_aksi=plan, kode="8.01.02", pagu=2_718_270_000, indikator=[iku],
                                 nama="Program Penguatan Ideologi Pancasila Dan Karakter Kebangsaan")
    kegiatan = svc.kegiatan_create(
        program=program, kode="8.01.02.2.01", pagu=2_718_270_000,
        nama="Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan Karakter "
             "Kebangsaan")
    koordinasi = svc.sub_kegiatan_create(
        kegiatan=kegiatan, bidang=ideologi, pagu=506_090_000, target_teks="1200 Orang",
        target_nilai=Decimal(1200), target_satuan="Orang",
        nama="Pelaksanaan Koordinasi di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter Bangsa, "
             "Pembauran Kebangsaan, Bhineka Tunggal Ika dan Sejarah Kebangsaan")
    for n, (uraian, keluaran, bulan) in enumerate([
        ("Rapat Interen", "Notulan Hasil rapat", [1]),
        ("Koordinasi dengan Instansis terkait/Lembaga", "Jumlah Peserta Pembinaan", [2, 3]),
        ("Pengumpulan Data awal Peserta", "Jumlah Data Awal peserta", [3, 4]),
        ("Pelaksanaan Kegiatan Sosialisasi dan Dialog Inter Aktif", "Jumlah peserta Sosialisasi dan Dialog Inter "
         "Aktif", [5, 6, 7, 8, 9, 10]),
    ], start=1):
        svc.aksi_create(sub_kegiatan=koordinasi, nomor=str(n), uraian=uraian, keluaran=keluaran, bulan=bulan,
                        penanggung_jawab=ideologi.kepala.jabatan if ideologi.kepala else "")
    paskibraka = svc.sub_kegiatan_create(kegiatan=kegiatan, bidang=ideologi, pagu=1_850_000_000,
                                         nama="Pembentukan Paskibraka", target_teks="300 orang",
                                         target_nilai=Decimal(300), target_satuan="orang")
    for n, (uraian, bulan) in enumerate([("Perekrutan anggota Paskibraka dan Purnapaskibraka", [3, 4]),
                                         ("Seleksi anggota Paskibraka dan Purnapaskibraka", [5, 6]),
                                         ("Pembinaan anggota Paskibraka dan Purnapaskibraka", [7, 8])], start=1):
        svc.aksi_create(sub_kegiatan=paskibraka, nomor=str(n), uraian=uraian, bulan=bulan,
                        keluaran="Jumlah anggota Paskibraka dan Purnapaskibraka yang dibina")

    program = svc.program_create(
        rencana_aksi=plan, kode="8.01.03", pagu=53_943_679_550, indikator=[pol],
        nama="Program Peningkatan Peran Partai Politik Dan Lembaga Pendidikan Melalui Pendidikan Politik Dan "
             "Pengembangan Etika Serta Budaya Politik")
    kegiatan = svc.kegiatan_create(
        program=program, kode="8.01.03.2.01", pagu=53_943_679_550,
        nama="Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pendidikan Politik, Etika Budaya "
             "Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, "
             "Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik")
    bahan = svc.sub_kegiatan_create(
        kegiatan=kegiatan, bidang=politik, pagu=50_913_097_550, target_teks="10 dokumen",
        target_nilai=Decimal(10), target_satuan="dokumen",
        nama="Penyusunan Bahan Perumusan Kebijakan di Bidang Pendidikan Politik, Etika Budaya Politik, "
             "Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, "
             "Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah")
    for n, (uraian, keluaran, bulan) in enumerate([
        ("Rapat Interen", "Notulan Hasil rapat", [1]),
        ("Pelaksanaan Rapat Koordinasi", "Rakor tentang LHP Bantuan Partai Politik", [2, 3]),
        ("Seleksi administrasi bantuan Parpol", "Jumlah Parpol yang mendapat bantuan", [3, 4, 5]),
        ("Penyampaian rekomendasi bantuan Parpol", "Jumlah Parpol yang mendapat bantuan", [6]),
        ("Penyusunan laporan akhir dan pertanggungjawaban keuangan", "Berkas laporan kegiatan", [11, 12]),
    ], start=1):
        svc.aksi_create(sub_kegiatan=bahan, nomor=str(n), uraian=uraian, keluaran=keluaran, bulan=bulan,
                        penanggung_jawab=politik.kepala.jabatan if politik.kepala else "")
    return plan


@transaction.atomic
def _contoh_bangka(pd: PerangkatDaerah) -> RencanaAksi:
    """The Bangka layout: sasaran at several levels with quarterly targets and budget, no aksi."""
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=TAHUN, tempat="Sungailiat",
                                   judul="Rencana aksi contoh (demo, bukan hasil impor)")
    s1 = svc.sasaran_create(rencana_aksi=plan, nomor="1", uraian="Menurunnya Potensi Konflik Sosial di Masyarakat")
    i1 = svc.indikator_create(sasaran=s1, nama="Persentase Potensi Konflik Sosial yang terjadi", satuan="Persen",
                              is_iku=True, penanggung_jawab="KEPALA BANKESBANGPOL")
    _targets(i1, "80", ("0", "0", "0", "80"), persen=False)
    s3 = svc.sasaran_create(rencana_aksi=plan, nomor="3", uraian="Meningkatnya Akuntabilitas Kinerja Perangkat Daerah")
    i3 = svc.indikator_create(sasaran=s3, nama="Hasil Evaluasi AKIP Perangkat Daerah", satuan="Kategori/Nilai",
                              is_iku=True, penanggung_jawab="SEKRETARIS")
    svc.target_set(indikator=i3, tahun=TAHUN, triwulan=None, nilai=Decimal("67.34"), kategori="B",
                   teks="B (67,34)")
    for tw, (nilai, kategori, teks) in enumerate([(Decimal(0), "", "0")] * 3 + [(Decimal("67.34"), "B", "B (67,34)")],
                                                 start=1):
        svc.target_set(indikator=i3, tahun=TAHUN, triwulan=tw, nilai=nilai, kategori=kategori, teks=teks)
    ideologi = svc.program_create(rencana_aksi=plan, kode="8.01.02", pagu=1_030_000, indikator=[i1],
                                  nama="Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan")
    svc.program_create(rencana_aksi=plan, kode="8.01.05", pagu=165_000_000, indikator=[i1],
                       nama="Program Pembinaan dan Pengembangan Ketahanan Ekonomi, Sosial, dan Budaya")
    svc.program_create(rencana_aksi=plan, kode="8.01.01", pagu=2_720_900_248, indikator=[i3],
                       nama="Program Penunjang Urusan Pemerintahan Daerah")
    sp = svc.sasaran_create(rencana_aksi=plan, nomor="1", level=Sasaran.Level.PROGRAM,
                            uraian="Meningkatnya Pemahaman Ideologi Pancasila dan Karakter Kebangsaan")
    ip = svc.indikator_create(sasaran=sp, satuan="Persen", penanggung_jawab="KABID IDEOLOGI DAN WASBANG",
                              nama="Persentase Unsur Masyarakat yang mendapatkan pemahaman ideologi pancasila dan "
                                   "karakter kebangsaan")
    _targets(ip, "80", ("10", "10", "10", "50"), persen=False)
    kegiatan = svc.kegiatan_create(
        program=ideologi, kode="8.01.02.2.01", pagu=1_030_000, indikator=[ip],
        nama="Kegiatan Perumusan Kebijakan Teknis dan pemantapan pelaksanaan Bidang ideologi Pancasila dan "
             "Karakter Kebangsaan")
    sk = svc.sasaran_create(rencana_aksi=plan, nomor="1", level=Sasaran.Level.KEGIATAN,
                            uraian="Meningkatnya Peran Serta Generasi Muda dalam Memahami Ideologi Pancasila dan "
                                   "Karakter Kebangsaan")
    ik = svc.indikator_create(sasaran=sk, satuan="Persen", penanggung_jawab="KABID IDEOLOGI DAN WASBANG",
                              nama="Meningkatnya Peran Serta Generasi Muda dalam Memahami Ideologi Pancasila dan "
                                   "Karakter Kebangsaan")
    _targets(ik, "100", ("10", "10", "10", "70"), persen=False)
    # As in the document: the sub kegiatan (1.030.000.000) is a thousand times its kegiatan (1.030.000).
    svc.sub_kegiatan_create(
        kegiatan=kegiatan, pagu=1_030_000_000, indikator=[ik],
        nama="Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter Bangsa, "
             "Pembaurnan Kebangsaan, Bhineka Tunggal Ika dan Sejarah kebangsaan")
    return plan
