"""`renaksi synth --pd N --seed S [--realisasi TW] [--pemda NAMA] [--job]`: a synthetic Pemda (see
renaksi.sintetis); with `--job` it is queued for the worker (`renaksi db_worker`) instead of made here."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from renaksi.sintetis import tugas
from renaksi.sintetis.generator import BESAR_SETIAP, SANDI_DEMO, TAHUN, buat_pemda


class Command(BaseCommand):
    help = ("Membuat Pemda sintetis (perangkat daerah, bidang, pejabat, rencana aksi, pengguna, realisasi) melalui "
            "layanan aplikasi; seed yang sama menghasilkan data yang sama. Aman dijalankan ulang.")

    def add_arguments(self, parser):
        parser.add_argument("--pd", type=int, default=5, help="Jumlah perangkat daerah (bawaan 5).")
        parser.add_argument("--seed", type=int, default=1, help="Seed pembangkit acak (bawaan 1).")
        parser.add_argument("--realisasi", type=int, default=0, metavar="TW",
                            help="Isi realisasi sampai triwulan ini (0–4, bawaan 0).")
        parser.add_argument("--pemda", default="Sintetis", help="Nama kota sintetis (bawaan: Sintetis).")
        parser.add_argument("--tahun", type=int, default=TAHUN, help=f"Tahun rencana aksi (bawaan {TAHUN}).")
        parser.add_argument("--besar-setiap", type=int, default=BESAR_SETIAP,
                            help="Setiap PD ke-n berukuran besar (20 sasaran, 200 indikator, 1.000 aksi); 0 = "
                                 "tidak ada.")
        parser.add_argument("--job", action="store_true",
                            help="Antrekan sebagai pekerjaan latar belakang (dijalankan oleh `renaksi db_worker`).")

    def handle(self, *args, pd, seed, realisasi, pemda, tahun, besar_setiap, job=False, **options):
        if job:
            try:
                pekerjaan = tugas.synth_mulai(pengguna=None, pd=pd, seed=seed, realisasi=realisasi, pemda=pemda,
                                              tahun=tahun, besar_setiap=besar_setiap)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(self.style.SUCCESS(f"Pekerjaan {pekerjaan.pk} diantrekan: {pekerjaan.judul}."))
            return
        start = time.perf_counter()
        verbose = options.get("verbosity", 1) >= 2
        try:
            hasil = buat_pemda(pd=pd, seed=seed, realisasi=realisasi, pemda=pemda, tahun=tahun,
                               besar_setiap=besar_setiap, log=self.stdout.write if verbose else (lambda m: None))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        detik = time.perf_counter() - start
        self.stdout.write(self.style.SUCCESS(
            f"{hasil.pemda}: {len(hasil.rencana_aksi)} rencana aksi dibuat, {hasil.dilewati} sudah ada "
            f"(seed {seed}, {detik:.1f} detik)."))
        if options.get("verbosity", 1) >= 1:
            contoh = hasil.pengguna[:5]
            self.stdout.write(f"Pengguna ({len(hasil.pengguna)}, kata sandi '{SANDI_DEMO}'), misalnya: "
                              + ", ".join(f"{u.username} ({u.peran})" for u in contoh))
