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
