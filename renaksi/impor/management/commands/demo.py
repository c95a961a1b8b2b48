"""`renaksi demo [--seeds DIR]`: a working demo in one command, safe to run again.

Creates the two demo Pemda (Kabupaten Bangka, Kota Samarinda) with their Badan Kesbangpol, bidang and officials as
the seed documents name them, one user per role for each Pemda (printed with their passwords), and imports both
seed documents through the importer (`renaksi.impor.api`). A missing seed document is an error: the
demo is those two real plans. Imported plans stay in draft.

Next to them, a synthetic Kota Sintetis of `--synth-pd` perangkat daerah (40 by default; `renaksi synth`,
renaksi.sintetis) so that the Pemda dashboard and the lists show a city-sized instance. Without the seed documents
(a checkout without them, or `--seeds` pointing at a folder without them) the demo is built from `renaksi synth`
alone, and says so.

Running it twice changes nothing but the demo passwords (reset to the printed ones): Pemda, PD, bidang and
officials are looked up before they are created, users by user name, and a seed is not imported again when its PD
already has a plan for that year.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q

from renaksi.accounts.models import Peran, User
from renaksi.impor.api import import_document, parse_document
from renaksi.impor.contoh import SEEDS_DIR
from renaksi.monev.contoh import isi_contoh
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah
from renaksi.perencanaan.models import RencanaAksi
from renaksi.sintetis.generator import buat_pemda

DEMO_PASSWORD = "renaksi-demo"
MONEV_CONTOH = "samarinda"  # the Pemda whose plan gets example realisasi for TW I–III
PD_NAMA = "Badan Kesatuan Bangsa dan Politik"
# Kota Sintetis: 40 PDs, all small (a large one, 1,000 aksi, takes ~40 s here; `make demo` should start in ~2 min),
# with realisasi of TW I; its users are listed for one PD (Dinas Kesehatan) and the Pemda roles.
SYNTH_PD = 40
SYNTH_BESAR_SETIAP = 0
SYNTH_SEED = 2024
SYNTH_REALISASI = 1


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
        parser.add_argument("--seeds", default=str(SEEDS_DIR),
                            help=f"Folder dokumen contoh (bawaan: {SEEDS_DIR}, salinan di repositori).")
        parser.add_argument("--synth-pd", type=int, default=SYNTH_PD,
                            help=f"Jumlah perangkat daerah Kota Sintetis (bawaan {SYNTH_PD}; 0 = tanpa).")
        parser.add_argument("--synth-besar-setiap", type=int, default=SYNTH_BESAR_SETIAP,
                            help="Setiap PD sintetis ke-n berukuran besar (1.000 aksi); 0 = semua kecil.")

    def handle(self, *args, seeds: str, synth_pd: int = SYNTH_PD, synth_besar_setiap: int = SYNTH_BESAR_SETIAP,
               **options):
        seeds_dir = Path(seeds)
        users: list[DemoUser] = []
        documents = self._seed_documents(seeds_dir) if seeds_dir.is_dir() else {}
        if len(documents) < len(PEMDA_SEEDS):
            self.stdout.write(self.style.WARNING(
                f"Dokumen contoh Bangka dan Samarinda tidak ditemukan di {seeds_dir}: demo dibangun dari "
                f"`renaksi synth` (Kota Sintetis, {max(synth_pd, 1)} perangkat daerah)."))
            users += self._synth(max(synth_pd, 1), synth_besar_setiap)
            users.append(self._superuser())
            self._print_users(users)
            return
        pds: dict[str, PerangkatDaerah] = {}
        for seed in PEMDA_SEEDS:
            with transaction.atomic():
                pd = self._organisasi(seed)
                users += self._users(seed, pd)
            pds[seed.key] = pd
        users.append(self._superuser())
        self._plans(seeds_dir, pds)
        self._monev(pds[MONEV_CONTOH])
        if synth_pd:
            users += self._synth(synth_pd, synth_besar_setiap)
        self._print_users(users)

    def _synth(self, pd: int, besar_setiap: int) -> list[DemoUser]:
        """Kota Sintetis through `renaksi synth` (realisasi TW I), unless it exists; its users for the table."""
        self.stdout.write(f"Membangun Kota Sintetis: {pd} perangkat daerah (seed {SYNTH_SEED}) …")
        hasil = buat_pemda(pd=pd, seed=SYNTH_SEED, realisasi=SYNTH_REALISASI, besar_setiap=besar_setiap)
        self.stdout.write(self.style.SUCCESS(
            f"{hasil.pemda}: {len(hasil.rencana_aksi)} rencana aksi dibuat, {hasil.dilewati} sudah ada."))
        label = str(hasil.pemda)
        shown = [u for u in hasil.pengguna if ".dinkes." in u.username or u.username.count(".") == 1]
        return [DemoUser(pemda=label, peran=u.peran, username=u.username, lingkup=u.lingkup) for u in shown]

    def _superuser(self) -> DemoUser:
        """The system administrator: national master data (nomenklatur) and every Pemda, in the Django admin."""
        user = User.objects.filter(username="renaksi.admin").first() or User(username="renaksi.admin")
        user.first_name = "Administrator Renaksi"
        user.is_staff = user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        return DemoUser(pemda="—", peran="Superuser (admin sistem)", username=user.username,
                        lingkup="/admin/: nomenklatur, semua Pemda")

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
            # An admin pemda keeps his Pemda's master data (organisation, officials, users) in the Django admin.
            user.is_staff = peran == Peran.ADMIN_PEMDA
            user.save()
            if user.is_staff:
                user.user_permissions.set(Permission.objects.filter(
                    Q(content_type__app_label="organisasi") | Q(content_type__app_label="accounts")
                    | Q(codename="view_nomenklatur")
                ))
            created.append(DemoUser(pemda=label, peran=str(Peran(peran).label), username=username, lingkup=lingkup))
        return created

    # --- Plans ----------------------------------------------------------------------------------------------

    def _plans(self, seeds_dir: Path, pds: dict[str, PerangkatDaerah]) -> None:
        """Import each seed document into its demo PD, through the importer, unless its plan exists already."""
        documents = self._seed_documents(seeds_dir)
        for seed in PEMDA_SEEDS:
            pd = pds[seed.key]
            path = documents.get(seed.key)
            if path is None:
                raise CommandError(f"Dokumen contoh {seed.penanda.title()} tidak ditemukan di {seeds_dir}.")
            parsed = parse_document(path.read_bytes(), path.name)
            tahun = parsed.tahun
            existing = RencanaAksi.objects.filter(perangkat_daerah=pd, tahun=tahun).first() if tahun else None
            if existing:
                self.stdout.write(f"Rencana aksi {pd} {tahun} sudah ada (#{existing.pk}); tidak diimpor lagi.")
                continue
            plan = import_document(parsed, perangkat_daerah=pd).rencana_aksi
            assert plan is not None  # not a dry run
            self.stdout.write(self.style.SUCCESS(
                f"Diimpor: {path.name} → {plan} {pd.pemda} (#{plan.pk}, {plan.get_status_display()})."))

    def _monev(self, pd: PerangkatDaerah) -> None:
        """Example realisasi for TW I–III of one plan (labelled "Data contoh" on screen), unless it has some."""
        plan = RencanaAksi.objects.filter(perangkat_daerah=pd).select_related("perangkat_daerah__pemda").order_by(
            "-tahun", "-versi").first()
        if plan is None:
            return
        written = isi_contoh(rencana_aksi=plan)
        if written:
            self.stdout.write(self.style.SUCCESS(
                f"Data contoh monev TW I–III: {written} realisasi indikator untuk {plan} {pd.pemda} (#{plan.pk})."))
        else:
            self.stdout.write(f"Rencana aksi {plan} {pd.pemda} sudah memiliki realisasi; data contoh monev tidak "
                              f"ditulis lagi.")

    def _seed_documents(self, seeds_dir: Path) -> dict[str, Path]:
        """Which seed file belongs to which Pemda, recognised by the region named in the text."""
        if not seeds_dir.is_dir():
            raise CommandError(f"Folder dokumen contoh tidak ada: {seeds_dir} (pakai --seeds DIR).")
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
