"""The benchmark cases. Each returns (name, ratio, what the ratio is relative to)."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction


class Rollback(Exception):
    pass


def _in_rollback(fn):
    def run():
        try:
            with transaction.atomic():
                fn()
                raise Rollback
        except Rollback:
            pass

    return run


def run_all(*, startup: float, median_seconds, seeds: Path) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    rows += import_cases(startup=startup, median_seconds=median_seconds, seeds=seeds)
    rows += checker_cases(median_seconds=median_seconds, seeds=seeds)
    rows += monev_cases(median_seconds=median_seconds)
    rows += laporan_cases(median_seconds=median_seconds, seeds=seeds)
    return rows


def import_cases(*, startup, median_seconds, seeds):
    from renaksi.impor.api import import_path

    rows = []
    for seed in sorted(seeds.glob("*.txt")):
        seconds = median_seconds(_in_rollback(lambda seed=seed: import_path(seed)))
        rows.append((f"import {seed.name}", seconds / startup, "`renaksi --help` start-up"))
    return rows


def checker_cases(*, median_seconds, seeds):
    from renaksi.impor.api import import_path
    from renaksi.pemeriksaan.api import check_plan
    from renaksi.pemeriksaan.selectors import load_plan_snapshot

    rows = []
    largest = max(seeds.glob("*.txt"), key=lambda p: p.stat().st_size)
    with transaction.atomic():
        plan = import_path(largest).rencana_aksi
        load = median_seconds(lambda: load_plan_snapshot(plan.pk))
        check = median_seconds(lambda: check_plan(plan))
        rows.append((f"check {largest.name}", check / load, "loading its snapshot"))
        transaction.set_rollback(True)
    with transaction.atomic():
        plan = generated_plan(n_aksi=1000)
        load = median_seconds(lambda: load_plan_snapshot(plan.pk))
        check = median_seconds(lambda: check_plan(plan))
        rows.append(("check generated plan, 1,000 aksi", check / load, "loading its snapshot"))
        transaction.set_rollback(True)
    return rows


def generated_plan(*, n_aksi: int):
    """A consistent plan with 100 sub kegiatan of 10 aksi each, written through the services."""
    from decimal import Decimal

    from renaksi.organisasi import services as org
    from renaksi.organisasi.models import Pemda
    from renaksi.perencanaan import services as svc

    pemda = org.pemda_get_or_create(jenis=Pemda.Jenis.KABUPATEN, nama="Bench")
    pd = org.perangkat_daerah_get_or_create(pemda=pemda, nama="Badan Bench")
    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=2030)
    sasaran = svc.sasaran_create(rencana_aksi=plan, uraian="Sasaran bench")
    iku = svc.indikator_create(sasaran=sasaran, nama="Indikator bench", satuan="Persen")
    svc.target_set(indikator=iku, tahun=2030, triwulan=None, nilai=Decimal(100))
    for tw in range(1, 5):
        svc.target_set(indikator=iku, tahun=2030, triwulan=tw, nilai=Decimal(25))
    n_sub, per_sub = 100, n_aksi // 100
    program = svc.program_create(rencana_aksi=plan, nama="Program bench", pagu=n_sub * 1_000_000, indikator=[iku])
    kegiatan = svc.kegiatan_create(program=program, nama="Kegiatan bench", pagu=n_sub * 1_000_000)
    for i in range(n_sub):
        sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama=f"Sub kegiatan {i}", pagu=1_000_000, urutan=i)
        for j in range(per_sub):
            svc.aksi_create(sub_kegiatan=sub, uraian=f"Aksi {j}", nomor=str(j + 1), keluaran="Laporan",
                            penanggung_jawab="Kepala Bidang", bulan=[1 + j % 12], urutan=j)
    return plan


# --- monev pages ----------------------------------------------------------------------------------------------

RAW_PLAN_SQL = [
    # the rows the monev page shows for one plan: indikator with targets and realisasi, evaluasi, tindak lanjut,
    # sub kegiatan with realisasi anggaran, aksi with schedule and progress
    "SELECT i.id, i.nama, t.triwulan, t.nilai FROM perencanaan_indikator i "
    "LEFT JOIN perencanaan_target t ON t.indikator_id = i.id WHERE i.rencana_aksi_id = %s",
    "SELECT r.indikator_id, r.triwulan, r.nilai FROM monev_realisasiindikator r "
    "JOIN perencanaan_indikator i ON i.id = r.indikator_id WHERE i.rencana_aksi_id = %s",
    "SELECT e.indikator_id, e.faktor_pendorong, e.faktor_penghambat FROM monev_evaluasiindikator e "
    "JOIN perencanaan_indikator i ON i.id = e.indikator_id WHERE i.rencana_aksi_id = %s",
    "SELECT tl.id, tl.uraian, tl.status FROM monev_tindaklanjut tl "
    "JOIN perencanaan_indikator i ON i.id = tl.indikator_id WHERE i.rencana_aksi_id = %s",
    "SELECT s.id, s.nama, s.pagu, ra.triwulan, ra.jumlah FROM perencanaan_subkegiatan s "
    "LEFT JOIN monev_realisasianggaran ra ON ra.sub_kegiatan_id = s.id WHERE s.rencana_aksi_id = %s",
    "SELECT a.id, a.uraian, b.bulan, p.bulan, p.status FROM perencanaan_aksi a "
    "LEFT JOIN perencanaan_aksibulan b ON b.aksi_id = a.id "
    "LEFT JOIN monev_progresaksi p ON p.aksi_id = a.id AND p.bulan = b.bulan WHERE a.rencana_aksi_id = %s",
]


def _raw_fetch(statements: list[str], plan_ids: list[int]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for plan_id in plan_ids:
            for sql in statements:
                cursor.execute(sql, [plan_id])
                cursor.fetchall()


def _report(plan, tw_count: int = 2) -> None:
    """Realisasi, evaluasi with a tindak lanjut, anggaran and progress for TW I..n, through the services."""
    from decimal import Decimal

    from renaksi.monev import services as monev
    from renaksi.perencanaan.models import Aksi, Indikator, SubKegiatan

    pemda = plan.perangkat_daerah.pemda
    for tw in range(1, tw_count + 1):
        monev.jendela_buka(pemda=pemda, tahun=plan.tahun, triwulan=tw)
        for ind in Indikator.objects.filter(rencana_aksi=plan):
            monev.realisasi_indikator_set(indikator=ind, triwulan=tw, nilai=Decimal(20 + tw))
            monev.evaluasi_set(indikator=ind, triwulan=tw, faktor_penghambat="Jadwal bergeser",
                               tindak_lanjut="Jadwal ulang")
        for sub in SubKegiatan.objects.filter(rencana_aksi=plan):
            monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=tw, jumlah=200_000)
    for aksi in Aksi.objects.filter(rencana_aksi=plan).prefetch_related("jadwal"):
        for b in aksi.jadwal.all():
            if b.bulan <= 3 * tw_count:
                monev.progres_aksi_set(aksi=aksi, bulan=b.bulan, status="selesai")


def monev_cases(*, median_seconds):
    """The monev form of a 1,000-aksi plan and the Pemda dashboard over 20 PDs, each as a ratio to fetching the
    same rows with raw SQL (one statement per kind of row, no Python beyond fetchall)."""
    from django.test import Client
    from django.urls import reverse

    from renaksi.accounts.models import Peran, User
    from renaksi.organisasi import services as org

    rows = []
    with transaction.atomic():
        plan = generated_plan(n_aksi=1000)
        _report(plan)
        pd, pemda = plan.perangkat_daerah, plan.perangkat_daerah.pemda
        perencana = User.objects.create_user(username="bench.perencana", peran=Peran.PERENCANA, pemda=pemda,
                                             perangkat_daerah=pd)
        client = Client(HTTP_HOST="localhost")  # an allowed host outside the test runner
        client.force_login(perencana)
        page_url = reverse("monev_form", args=[plan.pk, 2])
        assert client.get(page_url).status_code == 200
        page = median_seconds(lambda: client.get(page_url))
        raw = median_seconds(lambda: _raw_fetch(RAW_PLAN_SQL, [plan.pk]))
        rows.append(("monev form, 1,000 aksi, TW II", page / raw, "raw SQL fetch of the same rows"))

        plan_ids = [plan.pk]
        for i in range(19):
            other = org.perangkat_daerah_get_or_create(pemda=pemda, nama=f"Dinas Bench {i + 1}")
            small = _small_plan(other)
            _report(small)
            plan_ids.append(small.pk)
        admin = User.objects.create_user(username="bench.admin", peran=Peran.ADMIN_PEMDA, pemda=pemda)
        client.force_login(admin)
        dasbor_url = reverse("dasbor_pemda") + f"?tahun={plan.tahun}&tw=2"
        assert client.get(dasbor_url).status_code == 200
        page = median_seconds(lambda: client.get(dasbor_url))
        raw = median_seconds(lambda: _raw_fetch(RAW_PLAN_SQL, plan_ids))
        rows.append(("Pemda dashboard, 20 PDs, TW II", page / raw, "raw SQL fetch of the same rows"))
        transaction.set_rollback(True)
    return rows


def _small_plan(pd):
    """A plan of 5 indikator, 10 sub kegiatan and 50 aksi (a typical PD)."""
    from decimal import Decimal

    from renaksi.perencanaan import services as svc

    plan = svc.rencana_aksi_create(perangkat_daerah=pd, tahun=2030)
    sasaran = svc.sasaran_create(rencana_aksi=plan, uraian="Sasaran bench")
    indikator = []
    for i in range(5):
        ind = svc.indikator_create(sasaran=sasaran, nama=f"Indikator {i}", satuan="Persen", is_iku=i == 0)
        svc.target_set(indikator=ind, tahun=2030, triwulan=None, nilai=Decimal(100))
        for tw in range(1, 5):
            svc.target_set(indikator=ind, tahun=2030, triwulan=tw, nilai=Decimal(25))
        indikator.append(ind)
    program = svc.program_create(rencana_aksi=plan, nama="Program bench", pagu=10_000_000, indikator=indikator)
    kegiatan = svc.kegiatan_create(program=program, nama="Kegiatan bench", pagu=10_000_000)
    for i in range(10):
        sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama=f"Sub kegiatan {i}", pagu=1_000_000, urutan=i)
        for j in range(5):
            svc.aksi_create(sub_kegiatan=sub, uraian=f"Aksi {j}", nomor=str(j + 1), keluaran="Laporan",
                            penanggung_jawab="Kepala Bidang", bulan=[1 + (i + j) % 12], urutan=j)
    return plan


# --- official documents ---------------------------------------------------------------------------------------


def laporan_cases(*, median_seconds, seeds):
    """The Dokumen Rencana Aksi of the largest seed as PDF and as XLSX (`laporan.ekspor`, building included), each
    as a ratio to building its data (the `blok.Dokumen`) alone: what formatting costs on top of reading the plan."""
    from renaksi.impor.api import import_path
    from renaksi.laporan.ekspor import ekspor
    from renaksi.laporan.registry import LAPORAN

    rows = []
    largest = max(seeds.glob("*.txt"), key=lambda p: p.stat().st_size)
    with transaction.atomic():
        plan = import_path(largest).rencana_aksi
        build = median_seconds(lambda: LAPORAN["ra"].dokumen(rencana_aksi=plan))
        for fmt in ("pdf", "xlsx"):
            seconds = median_seconds(lambda fmt=fmt: ekspor(rencana_aksi=plan, laporan="ra", format=fmt))
            rows.append((f"{fmt.upper()} of {largest.name} (Dokumen RA)", seconds / build,
                         "building its Dokumen alone"))
        transaction.set_rollback(True)
    return rows
